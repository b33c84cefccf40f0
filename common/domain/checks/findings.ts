import { getDomain } from 'tldts';
import type { Breach, Catalogue } from '../../content/catalogue';
import { familyRef, sharesFamily, type AccountFamily, type FamilyIndex } from '../../content/families';
import type { Category, Criticality, MfaMethod } from '../inventory';
import { mailSecretChecks, type CheckMailHit, type CheckMailRotation } from './mailSecrets';
import { passwordCoverage, type PasswordSources } from '../passwords/coverage';
import { labelsOf } from '../../messages/format';

/** Every kind of finding Lockstep raises (DESIGN.md, checks catalogue). */
export const FINDING_KINDS = [
  'breached_service',
  'email_in_breach',
  'mfa_available',
  'mfa_upgrade',
  'password_pwned',
  'password_reused',
  'password_similar',
  'password_weak',
  'insecure_url',
  'breach_notice',
  'mail_secret',
  'password_check_gap',
] as const;
/** One of {@link FINDING_KINDS}. */
export type FindingKind = (typeof FINDING_KINDS)[number];

/** How bad a finding is, worst first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
/** One of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/** Where a finding stands. */
export type FindingStatus = 'open' | 'resolved' | 'auto_resolved' | 'dismissed';

/** The password signals a check may read (derived, never the password). */
export interface CheckPasswordSignals {
  strength: number;
  strengthWarning: string;
  exactFingerprint: string;
  similarFingerprint: string | null;
  similarGroup: string | null;
  commonRank: number | null;
  onlineStatus: 'off' | 'found' | 'not_found' | 'failed';
  pwnedCount: number | null;
  /** Times seen in the offline Pwned Passwords index; null when no index was consulted. */
  indexCount?: number | null;
  /** When that index was built (the corpus's date). */
  indexBuiltAt?: string | null;
  /** When the online check ran (ISO), whatever its outcome. */
  onlineCheckedAt?: string | null;
}

/** An account as the checks see it. */
export interface CheckAccount {
  id: number;
  personId: number;
  service: string;
  url: string;
  /** Registrable domain, or null without a usable address. */
  domain: string | null;
  username: string;
  criticality: Criticality;
  /** What the account is for; `email` makes a notice concerning it urgent. Absent: not known. */
  category?: Category;
  mfa: MfaMethod;
  /** An import saw a TOTP for this account: two-step sign-in is on. */
  hasTotp: boolean;
  /** YYYY-MM-DD, or null when unknown. */
  passwordChangedAt: string | null;
  isInsecureUrl: boolean;
  password: CheckPasswordSignals | null;
}

/** An email address with the breaches marked for it (by hand, or by the online check). */
export interface CheckEmail {
  id: number;
  personId: number;
  address: string;
  marks: { breachName: string; source: 'manual' | 'hibp'; addedAt: string }[];
}

/** The guide a notice points to: its first guide, whose time is the notice's estimate. */
export interface NoticeGuideRef {
  id: string;
  title: string;
  /** The whole guide's estimate (minutes). */
  estimatedMinutes: number;
}

/**
 * A breach notice the person received (from the provider, or a bundled incident they say concerns
 * them). It concerns their accounts at the provider's domains — and at every domain of the
 * provider's account family — and the address it was sent to.
 */
export interface CheckNotice {
  id: number;
  personId: number;
  provider: string;
  /**
   * Hosts or registrable domains of the provider (lower case). A listed sign-in host decides the
   * account family (`aws.amazon.com` is AWS); without a family, the registrable domain matches and
   * an account at a subdomain too.
   */
  domains: readonly string[];
  /** YYYY-MM-DD. */
  receivedOn: string;
  /** What the notice says was exposed, in HIBP's data-class words where possible. */
  exposed: readonly string[];
  /** The address the notice concerns, if the person said. */
  emailAddress: string | null;
  incidentId: string | null;
  /** When a guide started for this notice was finished; a handled notice raises nothing. */
  handledAt: string | null;
  /** When it was recorded (ISO timestamp). */
  createdAt: string;
  /** The guide to follow for it (the incident's first, else the best match), if the caller knows. */
  guide?: NoticeGuideRef | null;
}

/** What the checks may consult besides the accounts. */
export interface CheckContext {
  /** The bundled (or refreshed) public datasets; without it only the password checks run. */
  catalogue?: Catalogue;
  /**
   * The account families (one sign-in across several domains). Default: the catalogue's. Passed on
   * its own, notices still reach a whole family when the public datasets cannot be loaded.
   */
  families?: FamilyIndex;
  emails?: readonly CheckEmail[];
  /** Breach notices the person recorded (they need no public data, so they are always checked). */
  notices?: readonly CheckNotice[];
  /** What finished mailbox scans found (one row per scan and secret; never the secret). */
  mailHits?: readonly CheckMailHit[];
  /** Secrets found in mail that the person says were replaced, and when. */
  mailRotations?: readonly CheckMailRotation[];
  /**
   * The breached-password sources available now (online check on; offline index installed). A
   * source that has not seen some passwords raises `password_check_gap` — never a silent all-clear.
   */
  passwordSources?: PasswordSources;
}

/** What a check says is true now; reconciled against stored findings by `kind` + `subject`. */
export interface FindingDraft {
  kind: FindingKind;
  /** Stable within a kind: `account:<id>` or `group:<id>`. */
  subject: string;
  severity: Severity;
  accountIds: number[];
  /** Facts for the explanation: JSON, never a secret. */
  evidence: Record<string, unknown>;
  /**
   * When the newest piece of evidence became known (ISO date or timestamp), e.g. the date a breach
   * was added to the catalogue. Evidence newer than a dismissal reopens it.
   */
  evidenceAt?: string;
}

const bump = (severity: Severity): Severity => (severity === 'medium' ? 'high' : severity);

/**
 * Runs every password, address, notice and mail check over the accounts and returns what fires, deterministically
 * (sorted by kind then subject). Pure: the same accounts give the same drafts.
 */
export function runChecks(accounts: readonly CheckAccount[], context: CheckContext = {}): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  const families = context.families ?? context.catalogue?.families;
  if (context.catalogue) drafts.push(...exposureChecks(accounts, context.catalogue, context.emails ?? []));
  drafts.push(...noticeChecks(accounts, context.notices ?? [], context.emails ?? [], families));
  drafts.push(...mailSecretChecks(accounts, context.mailHits ?? [], context.mailRotations ?? [], families));
  if (context.passwordSources) drafts.push(...checkGaps(accounts, context.passwordSources));
  const byExact = new Map<string, CheckAccount[]>();
  const similarGroups = new Map<string, CheckAccount[]>();

  for (const account of accounts) {
    const signals = account.password;
    if (account.isInsecureUrl) {
      drafts.push({
        kind: 'insecure_url',
        subject: `account:${account.id}`,
        severity: 'medium',
        accountIds: [account.id],
        evidence: { url: account.url },
      });
    }
    if (!signals) continue;
    const isPwnedOnline = signals.onlineStatus === 'found' && (signals.pwnedCount ?? 0) > 0;
    const isPwnedOffline = (signals.indexCount ?? 0) > 0;
    if (signals.commonRank !== null || isPwnedOnline || isPwnedOffline) {
      drafts.push({
        kind: 'password_pwned',
        subject: `account:${account.id}`,
        severity: 'critical',
        accountIds: [account.id],
        evidence: isPwnedOnline
          ? { source: 'online', timesSeen: signals.pwnedCount, commonRank: signals.commonRank }
          : isPwnedOffline
            ? {
                source: 'offline_index',
                timesSeen: signals.indexCount,
                // The index stores counts above 127 as a lower bound (see pwnedIndex/format.ts).
                countIsLowerBound: (signals.indexCount ?? 0) > 127,
                corpusDate: signals.indexBuiltAt?.slice(0, 10) ?? null,
                commonRank: signals.commonRank,
              }
            : { source: 'common_list', commonRank: signals.commonRank },
      });
    }
    if (signals.strength <= 2) {
      drafts.push({
        kind: 'password_weak',
        subject: `account:${account.id}`,
        severity: account.criticality === 'critical' ? bump('medium') : 'medium',
        accountIds: [account.id],
        evidence: { score: signals.strength, warning: signals.strengthWarning },
      });
    }
    push(byExact, signals.exactFingerprint, account);
    if (signals.similarGroup) push(similarGroups, `g:${signals.similarGroup}`, account);
    if (signals.similarFingerprint) push(similarGroups, `f:${signals.similarFingerprint}`, account);
  }

  for (const [fingerprint, members] of byExact) {
    if (members.length < 2) continue;
    drafts.push({
      kind: 'password_reused',
      subject: `group:${fingerprint.slice(0, 16)}`,
      severity: members.some((m) => m.criticality === 'critical') ? 'critical' : 'high',
      accountIds: ids(members),
      evidence: { groupId: fingerprint.slice(0, 16), services: services(members), count: members.length },
    });
  }

  // Near-duplicates: groups found within an import (edit distance) and accounts whose normalised
  // bases share a fingerprint across imports, merged; identical passwords alone are reuse, not this.
  for (const group of mergeGroups([...similarGroups.values()])) {
    const distinct = new Set(group.map((m) => m.password?.exactFingerprint));
    if (group.length < 2 || distinct.size < 2) continue;
    const groupId = [...group.map((m) => m.password?.similarGroup ?? m.password?.similarFingerprint ?? '')]
      .filter(Boolean)
      .sort()[0]!
      .slice(0, 16);
    drafts.push({
      kind: 'password_similar',
      subject: `group:${groupId}`,
      severity: 'medium',
      accountIds: ids(group),
      evidence: { groupId, services: services(group), count: group.length },
    });
  }
  return drafts.sort((a, b) => a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const ids = (accounts: readonly CheckAccount[]) =>
  [...new Set(accounts.map((a) => a.id))].sort((a, b) => a - b);
const services = (accounts: readonly CheckAccount[]) =>
  [...new Map(accounts.map((a) => [a.id, a.service])).entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, s]) => s);

/** Unions overlapping groups (an account in two groups joins them). */
function mergeGroups(groups: readonly CheckAccount[][]): CheckAccount[][] {
  const parent = new Map<number, number>();
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const byId = new Map<number, CheckAccount>();
  for (const group of groups) {
    for (const account of group) {
      byId.set(account.id, account);
      if (!parent.has(account.id)) parent.set(account.id, account.id);
    }
    const first = group[0];
    if (!first) continue;
    for (const account of group.slice(1)) parent.set(find(account.id), find(first.id));
  }
  const merged = new Map<number, CheckAccount[]>();
  for (const [id, account] of byId) push(merged, find(id), account);
  return [...merged.values()].filter((group) => group.length > 1);
}

/** A finding as stored, for reconciliation. */
export interface StoredFinding {
  id: number;
  kind: string;
  subject: string;
  status: FindingStatus;
  recheckAt: string | null;
  /** When it was dismissed (ISO timestamp), if it is. */
  dismissedAt?: string | null;
}

/** What reconciliation decided for one draft. */
export interface FindingUpsert {
  draft: FindingDraft;
  /** The stored finding this updates, if any. */
  existingId: number | null;
  status: FindingStatus;
  /** True when a finding that had gone away (or a dismissal whose re-check date passed) opens again. */
  reopened: boolean;
}

/**
 * Reconciles what is true now with what is stored, idempotently (DESIGN.md): still true → kept (its
 * last-seen moves); no longer true → auto-resolved; true again → reopened; dismissed → stays
 * dismissed until its re-check date (`today`, YYYY-MM-DD) has come, or evidence newer than the
 * dismissal arrives (a newer breach at that service).
 */
export function reconcileFindings(
  existing: readonly StoredFinding[],
  drafts: readonly FindingDraft[],
  today: string,
  /** The kinds whose checks ran; a finding of a kind that could not run is left as it is. */
  kindsRun: ReadonlySet<string> = new Set(FINDING_KINDS),
): { upserts: FindingUpsert[]; autoResolve: number[] } {
  const stored = new Map(existing.map((f) => [`${f.kind}\0${f.subject}`, f]));
  const seen = new Set<string>();
  const upserts: FindingUpsert[] = [];
  for (const draft of drafts) {
    const key = `${draft.kind}\0${draft.subject}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const previous = stored.get(key);
    if (!previous) {
      upserts.push({ draft, existingId: null, status: 'open', reopened: false });
    } else if (previous.status === 'dismissed') {
      const isDue = previous.recheckAt !== null && previous.recheckAt <= today;
      // A timestamp is compared as such; a bare date (a breach's AddedDate) by day.
      const evidenceAt = draft.evidenceAt;
      const dismissedAt = previous.dismissedAt;
      const hasNewEvidence = Boolean(
        evidenceAt &&
        dismissedAt &&
        (evidenceAt.length > 10 ? evidenceAt > dismissedAt : evidenceAt > dismissedAt.slice(0, 10)),
      );
      const reopen = isDue || hasNewEvidence;
      upserts.push({
        draft,
        existingId: previous.id,
        status: reopen ? 'open' : 'dismissed',
        reopened: reopen,
      });
    } else {
      upserts.push({ draft, existingId: previous.id, status: 'open', reopened: previous.status !== 'open' });
    }
  }
  const autoResolve = existing
    .filter((f) => f.status === 'open' && kindsRun.has(f.kind) && !seen.has(`${f.kind}\0${f.subject}`))
    .map((f) => f.id);
  return { upserts, autoResolve };
}

/** Why a person sets a finding aside; each reason is said in their words in the finding's history. */
export const DISMISS_REASONS = labelsOf({
  mfa_on_sms: 'dismiss.reason.mfa_on_sms',
  account_deleted: 'dismiss.reason.account_deleted',
  not_mine: 'dismiss.reason.not_mine',
  cant_change: 'dismiss.reason.cant_change',
  other: 'dismiss.reason.other',
});
/** One of the keys of {@link DISMISS_REASONS}. */
export type DismissReason = keyof typeof DISMISS_REASONS;

/** The kinds that need the public datasets; when those cannot be loaded, these are not checked. */
export const CATALOGUE_KINDS: ReadonlySet<FindingKind> = new Set([
  'breached_service',
  'email_in_breach',
  'mfa_available',
  'mfa_upgrade',
]);

const PASSWORDS = 'Passwords';
const STRONG_TWO_FACTOR = new Set(['totp', 'u2f', 'custom-software', 'custom-hardware']);
const maxOf = (values: readonly string[]) => values.reduce((a, b) => (b > a ? b : a), '');

function breachFacts(breach: NonNullable<ReturnType<Catalogue['breach']>>) {
  return {
    name: breach.name,
    title: breach.title,
    breachDate: breach.breachDate,
    addedDate: breach.addedDate.slice(0, 10),
    dataClasses: [...breach.dataClasses],
    pwnCount: breach.pwnCount,
  };
}

/**
 * The breaches that reach an account through its account family, beyond those at its own domain:
 * only breaches HIBP lists at exactly a family domain (`Catalogue.familyBreaches`), so a breach at
 * `yahoo.com` concerns a Yahoo account at ymail.com, while a breach of a product that merely has a
 * family name in it (`xbox360iso.com`) or lives at a subdomain concerns only accounts at its own
 * domain, as before. Each breach maps to the family it came through.
 */
function familyBreachesOf(
  account: CheckAccount,
  catalogue: Catalogue,
  direct: readonly Breach[],
): ReadonlyMap<Breach, AccountFamily> {
  const families = catalogue.families.ofAccount(account);
  if (families.length === 0) return NO_FAMILY_BREACHES;
  const found = new Map<Breach, AccountFamily>();
  for (const family of families) {
    for (const breach of catalogue.familyBreaches(family.id)) {
      if (!direct.includes(breach) && !found.has(breach)) found.set(breach, family);
    }
  }
  return found;
}

const NO_FAMILY_BREACHES: ReadonlyMap<Breach, AccountFamily> = new Map();

/** Most recent breach first; unknown dates last; then by name (as the catalogue orders them). */
function newestBreachFirst(a: Breach, b: Breach): number {
  if (a.breachDate !== b.breachDate) {
    if (a.breachDate === null) return 1;
    if (b.breachDate === null) return -1;
    return a.breachDate < b.breachDate ? 1 : -1;
  }
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

const uniqueFamilies = (families: readonly AccountFamily[]) => [...new Set(families)];

/**
 * The checks that consult public data: breaches at an account's service (after which its password
 * was not changed), two-step sign-in the service offers but the account does not use, a weaker
 * method than the service supports, and breaches marked for an email address.
 */
function exposureChecks(
  accounts: readonly CheckAccount[],
  catalogue: Catalogue,
  emails: readonly CheckEmail[],
): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  for (const account of accounts) {
    if (!account.domain) continue;
    const changed = account.passwordChangedAt;
    const direct = catalogue.breachesByDomain(account.domain);
    const viaFamily = familyBreachesOf(account, catalogue, direct);
    const candidates =
      viaFamily.size === 0 ? direct : [...direct, ...viaFamily.keys()].sort(newestBreachFirst);
    const relevant = candidates
      .filter((b) => b.raisesAccountFindings)
      .filter((b) => changed === null || changed < (b.breachDate ?? b.addedDate.slice(0, 10)));
    if (relevant.length > 0) {
      const newest = relevant[0]!;
      const hasPasswords = relevant.some((b) => b.dataClasses.includes(PASSWORDS));
      const facts = (breach: Breach) => {
        const family = viaFamily.get(breach);
        return family ? { ...breachFacts(breach), family: family.id } : breachFacts(breach);
      };
      const families = uniqueFamilies(relevant.flatMap((b) => viaFamily.get(b) ?? []));
      drafts.push({
        kind: 'breached_service',
        subject: `account:${account.id}`,
        severity: hasPasswords ? 'high' : 'medium',
        accountIds: [account.id],
        evidence: {
          ...facts(newest),
          breaches: relevant.map(facts),
          passwordChangedAt: changed,
          source: 'Have I Been Pwned',
          datasetDate: catalogue.datasetDates.breaches,
          ...(families.length > 0 ? { families: families.map(familyRef) } : {}),
        },
        evidenceAt: maxOf(relevant.map((b) => b.addedDate.slice(0, 10))),
      });
    }

    const twoFactor = catalogue.twoFactor(account.domain);
    const passkeys = catalogue.passkeys(account.domain);
    const hasNoTwoFactor = (account.mfa === 'unknown' || account.mfa === 'none') && !account.hasTotp;
    if (hasNoTwoFactor && twoFactor && twoFactor.methods.length > 0) {
      drafts.push({
        kind: 'mfa_available',
        subject: `account:${account.id}`,
        severity: account.criticality === 'critical' ? 'high' : 'medium',
        accountIds: [account.id],
        evidence: {
          service: twoFactor.name,
          methods: [...twoFactor.methods],
          documentation: twoFactor.documentation,
          passkeys: passkeys?.mfa ?? passkeys?.passwordless ?? null,
          datasetDate: catalogue.datasetDates.twoFactor,
        },
      });
    }
    if (account.mfa === 'sms' || account.mfa === 'email') {
      const better = [
        ...(twoFactor?.methods.filter((m) => STRONG_TWO_FACTOR.has(m)) ?? []),
        ...(passkeys && (passkeys.mfa || passkeys.passwordless) ? ['passkey'] : []),
      ];
      if (better.length > 0) {
        drafts.push({
          kind: 'mfa_upgrade',
          subject: `account:${account.id}`,
          severity: 'low',
          accountIds: [account.id],
          evidence: {
            current: account.mfa,
            better,
            documentation: passkeys?.documentation ?? twoFactor?.documentation ?? null,
            datasetDate: catalogue.datasetDates.twoFactor,
          },
        });
      }
    }
  }

  for (const email of emails) {
    const breaches = email.marks
      .map((mark) => ({ mark, breach: catalogue.breach(mark.breachName) }))
      .filter(
        (
          x,
        ): x is { mark: CheckEmail['marks'][number]; breach: NonNullable<ReturnType<Catalogue['breach']>> } =>
          x.breach !== null,
      );
    if (breaches.length === 0) continue;
    const address = email.address.toLowerCase();
    const accountIds = accounts
      .filter((a) => a.personId === email.personId && a.username.toLowerCase() === address)
      .map((a) => a.id)
      .sort((a, b) => a - b);
    breaches.sort(
      (a, b) =>
        (b.breach.breachDate ?? '').localeCompare(a.breach.breachDate ?? '') ||
        a.breach.name.localeCompare(b.breach.name),
    );
    drafts.push({
      kind: 'email_in_breach',
      subject: `email:${email.id}`,
      severity: breaches.some((b) => b.breach.dataClasses.includes(PASSWORDS)) ? 'high' : 'medium',
      accountIds,
      evidence: {
        address: email.address,
        ...breachFacts(breaches[0]!.breach),
        breaches: breaches.map(({ breach, mark }) => ({ ...breachFacts(breach), source: mark.source })),
        datasetDate: catalogue.datasetDates.breaches,
      },
      evidenceAt: maxOf(breaches.map((b) => b.mark.addedAt)),
    });
  }
  return drafts;
}

/** Data classes whose exposure makes a notice urgent: they open accounts or money. */
const URGENT_CLASSES = new Set(
  [
    'Passwords',
    'Email messages',
    'Security questions and answers',
    'Credit cards',
    'Bank account numbers',
    'Government issued IDs',
    'Auth tokens',
  ].map((name) => name.toLowerCase()),
);

/**
 * One finding per breach notice not yet handled. It concerns the person's accounts at the provider
 * — by account family when there is one — the address it was sent to and their own addresses at
 * the provider; it closes when a guide for it is finished (`handledAt`), or when the person sets it
 * aside.
 *
 * Matching, per account and per address: when both the notice's domains and the account (or the
 * address) belong to known account families (see `content/families.ts`), they match when they
 * share a family — a Microsoft notice concerns accounts at outlook.com, xbox.com or office.com and
 * ann@hotmail.fr, but not an AWS account at aws.amazon.com under an Amazon notice. Otherwise the
 * registrable domain decides, as before families existed (a subdomain matches its parent).
 *
 * Severity: critical ("fix now", P1 on any account) when the notice's family provides email
 * (Microsoft, Google, Apple, Yahoo, AOL) or it concerns an account in the `email` category — a
 * breached mailbox resets everything else; else high when what was exposed opens accounts or
 * money; else medium. The finding's evidence names the families, the matched domains and, when the
 * caller attached one, the guide (whose time is the finding's estimate).
 */
export function noticeChecks(
  accounts: readonly CheckAccount[],
  notices: readonly CheckNotice[],
  emails: readonly Pick<CheckEmail, 'personId' | 'address'>[] = [],
  families?: FamilyIndex,
): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  const accountFamilies = new Map<number, readonly AccountFamily[]>();
  const familiesOfAccount = (account: CheckAccount) => {
    let found = accountFamilies.get(account.id);
    if (!found) {
      found = families?.ofAccount(account) ?? [];
      accountFamilies.set(account.id, found);
    }
    return found;
  };
  for (const notice of notices) {
    if (notice.handledAt !== null) continue;
    const domains = notice.domains.map((d) => d.toLowerCase());
    const noticeFamilies = uniqueFamilies(domains.flatMap((d) => families?.ofHost(d) ?? []));
    // A notice may name a host ("mail.example.co.uk"); without a family, its registrable domain decides.
    const registrable = domains.map((d) => getDomain(d) ?? d);
    const atProviderDomain = (domain: string) =>
      registrable.some((d) => domain === d || domain.endsWith(`.${d}`));
    const concerns = (ofThis: readonly AccountFamily[], domain: string) =>
      noticeFamilies.length > 0 && ofThis.length > 0
        ? sharesFamily(ofThis, noticeFamilies)
        : atProviderDomain(domain);
    const address = notice.emailAddress?.toLowerCase() ?? null;
    // The address it was sent to, and the person's addresses at the provider itself (an @yahoo.com
    // or @ymail.com address is a Yahoo account).
    const atProvider = emails
      .filter((e) => e.personId === notice.personId)
      .map((e) => e.address.toLowerCase())
      .filter((a) => concerns(families?.ofAddress(a) ?? [], a.slice(a.lastIndexOf('@') + 1)));
    const concerned = [...new Set([...(address ? [address] : []), ...atProvider])].sort();
    const matched = accounts.filter(
      (a) => a.personId === notice.personId && a.domain !== null && concerns(familiesOfAccount(a), a.domain),
    );
    const isUrgent = notice.exposed.some((name) => URGENT_CLASSES.has(name.toLowerCase()));
    const holdsMail =
      noticeFamilies.some((family) => family.providesMail) || matched.some((a) => a.category === 'email');
    const matchedDomains = [
      ...new Set([
        ...matched.map((a) => a.domain!),
        ...atProvider.map((a) => a.slice(a.lastIndexOf('@') + 1)),
      ]),
    ].sort();
    drafts.push({
      kind: 'breach_notice',
      subject: `notice:${notice.id}`,
      severity: holdsMail ? 'critical' : isUrgent ? 'high' : 'medium',
      accountIds: ids(matched),
      evidence: {
        noticeId: notice.id,
        provider: notice.provider,
        receivedOn: notice.receivedOn,
        exposed: [...notice.exposed],
        emails: concerned,
        services: services(matched),
        incidentId: notice.incidentId,
        domains: matchedDomains,
        ...(noticeFamilies.length > 0 ? { families: noticeFamilies.map(familyRef) } : {}),
        ...(notice.guide ? { guide: { ...notice.guide } } : {}),
      },
      evidenceAt: notice.createdAt,
    });
  }
  return drafts;
}

/**
 * The breached-password sources that have not seen some stored passwords (a failed online check,
 * passwords imported before the online check was on or the offline index installed, an index that
 * cannot be used): one finding per source and reason, naming the accounts. It closes by itself once
 * a re-import has checked them.
 */
export function checkGaps(accounts: readonly CheckAccount[], sources: PasswordSources): FindingDraft[] {
  const signals = accounts.flatMap((account) =>
    account.password
      ? [
          {
            accountId: account.id,
            onlineStatus: account.password.onlineStatus,
            onlineCheckedAt: account.password.onlineCheckedAt ?? null,
            indexCount: account.password.indexCount ?? null,
            indexBuiltAt: account.password.indexBuiltAt ?? null,
          },
        ]
      : [],
  );
  const coverage = passwordCoverage(signals, sources);
  return coverage.gaps.map((gap) => ({
    kind: 'password_check_gap' as const,
    subject: `${gap.source}:${gap.reason}`,
    severity: 'low' as const,
    accountIds: gap.accountIds,
    evidence: {
      source: gap.source,
      reason: gap.reason,
      count: gap.accountIds.length,
      failedOn: gap.failedOn,
      indexBuiltAt: coverage.offlineIndex.builtAt,
      problem: coverage.offlineIndex.problem,
    },
  }));
}
