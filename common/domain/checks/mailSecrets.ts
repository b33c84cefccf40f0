/**
 * Secrets found in a person's mail (the mailbox scan) as findings: one `mail_secret` finding per
 * secret — keyed by its kind and keyed fingerprint, wherever and however often it was seen — tied
 * to the account it belongs to when that can be told, and closed only when the check can see it was
 * replaced. Pure: the stored scan results and rotations come in as data.
 *
 * Which account a secret belongs to:
 * 1. A password whose keyed fingerprint is an account's password (the password fingerprinter's
 *    `exact`, the same key) — now, or when the scan finished: that account, whatever the mail said.
 *    It stays open while any account still uses that password.
 * 2. Otherwise the service the scan told (a GitHub token is github.com's; a "your new password"
 *    mail from a service is that service's; a reset link's host — never for a card, a bank account
 *    or ID number, a private key or a token of no known issuer): the person's accounts there — by
 *    account family when both sides have one (a key at aws.amazon.com is the AWS account, not
 *    Amazon's shop), else by registrable domain.
 * 3. Otherwise none: the secret is still a finding, with a task to replace it.
 *
 * When it closes (the same verification as every task, DESIGN.md "done only when the check no
 * longer fires, or the user records the evidence"):
 * - never while an account of the person still uses a password found in the mail;
 * - when the person records that the secret was replaced on or after the last mail it was seen in
 *   (a rotation: "I revoked that token on …" — also recorded when a linked account's password
 *   change is recorded);
 * - for a password: when each account it is tied to has a new password — one whose password it
 *   was no longer uses it; one of the service changed its password after the last mail it was in.
 * A newer scan that sees it again in later mail reopens it.
 */
import { getDomain } from 'tldts';
import { familyRef, sharesFamily, type AccountFamily, type FamilyIndex } from '../../content/families';
import { MAIL_SECRET_LABELS, isMailSecretKind } from '../mailScan/kinds';
import type { CheckAccount, FindingDraft, Severity } from './findings';

/** One secret as one finished scan stored it (never the secret: a keyed fingerprint and facts). */
export interface CheckMailHit {
  scanId: number;
  personId: number;
  /** The scan's kind id (`password`, `github_token`, …). */
  kind: string;
  /** Keyed fingerprint (HMAC under the install's key; for passwords, the fingerprinter's `exact`). */
  fingerprint: string;
  /** Masked hint: kind and length ("GitHub token, 40 characters"). */
  hint: string;
  /** Messages it was seen in. */
  count: number;
  /** YYYY-MM-DD of the first and last message it was seen in; null without dates. */
  firstSeen: string | null;
  lastSeen: string | null;
  folders: readonly string[];
  correspondentDomains: readonly string[];
  /** The service (a registrable domain or sign-in host) the scan tied it to, or null. */
  service: string | null;
  /**
   * Accounts whose current password it was when the scan finished (password kinds): they stay tied
   * to it after their password changes — which is what closes it.
   */
  accountIds: readonly number[];
}

/** The person's word that a secret found in mail was replaced, and when (YYYY-MM-DD). */
export interface CheckMailRotation {
  kind: string;
  fingerprint: string;
  rotatedOn: string;
}

/** The kinds that are a password for an account (a change of that account's password replaces them). */
export const MAIL_PASSWORD_KINDS: ReadonlySet<string> = new Set(['password', 'url_credentials']);

/**
 * Kinds that belong to no service the mail can tell (a card is the bank's, not the sender's): the
 * service a scan guessed from the sender is not used for them.
 */
export const MAIL_UNTIED_KINDS: ReadonlySet<string> = new Set([
  'payment_card',
  'iban',
  'national_id',
  'private_key',
  'jwt',
]);

/** Kinds that usually expire by themselves or open little alone: worth fixing, not urgent. */
const MEDIUM_KINDS: ReadonlySet<string> = new Set(['reset_link', 'jwt', 'iban']);

/** How far the lists in a finding's evidence go. */
const LIST_CAP = 20;

/** The finding subject of a secret found in mail. */
export const mailSecretSubject = (kind: string, fingerprint: string): string => `mail:${kind}:${fingerprint}`;

/** The kind and fingerprint in a `mail_secret` finding's subject, or null for another subject. */
export function parseMailSecretSubject(subject: string): { kind: string; fingerprint: string } | null {
  const match = /^mail:([a-z0-9_]+):([0-9a-f]{16,128})$/.exec(subject);
  return match ? { kind: match[1]!, fingerprint: match[2]! } : null;
}

/** The label of a kind ("GitHub token"), or the kind itself for one this build does not know. */
export const mailSecretLabel = (kind: string): string =>
  isMailSecretKind(kind) ? MAIL_SECRET_LABELS[kind] : kind.replace(/_/g, ' ');

/** One secret across every scan that saw it. */
interface MergedHit {
  kind: string;
  fingerprint: string;
  hint: string;
  count: number;
  firstSeen: string | null;
  lastSeen: string | null;
  folders: string[];
  correspondentDomains: string[];
  service: string | null;
  personIds: number[];
  scanIds: number[];
  accountIds: number[];
}

const minDate = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const maxDate = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].slice(0, LIST_CAP);

function merge(hits: readonly CheckMailHit[]): MergedHit[] {
  const byKey = new Map<string, MergedHit>();
  for (const hit of hits) {
    const key = `${hit.kind}\0${hit.fingerprint}`;
    const found = byKey.get(key);
    if (!found) {
      byKey.set(key, {
        kind: hit.kind,
        fingerprint: hit.fingerprint,
        hint: hit.hint,
        count: hit.count,
        firstSeen: hit.firstSeen,
        lastSeen: hit.lastSeen,
        folders: [...hit.folders].slice(0, LIST_CAP),
        correspondentDomains: [...hit.correspondentDomains].slice(0, LIST_CAP),
        service: hit.service,
        personIds: [hit.personId],
        scanIds: [hit.scanId],
        accountIds: [...hit.accountIds],
      });
      continue;
    }
    found.count += hit.count;
    found.firstSeen = minDate(found.firstSeen, hit.firstSeen);
    found.lastSeen = maxDate(found.lastSeen, hit.lastSeen);
    found.folders = union(found.folders, hit.folders);
    found.correspondentDomains = union(found.correspondentDomains, hit.correspondentDomains);
    found.service ??= hit.service;
    if (!found.personIds.includes(hit.personId)) found.personIds.push(hit.personId);
    if (!found.scanIds.includes(hit.scanId)) found.scanIds.push(hit.scanId);
    for (const id of hit.accountIds) if (!found.accountIds.includes(id)) found.accountIds.push(id);
  }
  return [...byKey.values()];
}

/**
 * One `mail_secret` finding per secret the stored scans found that is not yet known replaced (see
 * the module comment), sorted by subject. `families` ties a service host to an account family.
 */
export function mailSecretChecks(
  accounts: readonly CheckAccount[],
  hits: readonly CheckMailHit[],
  rotations: readonly CheckMailRotation[] = [],
  families?: FamilyIndex,
): FindingDraft[] {
  if (hits.length === 0) return [];
  const rotated = new Map(rotations.map((r) => [`${r.kind}\0${r.fingerprint}`, r.rotatedOn]));
  const accountFamilies = new Map<number, readonly AccountFamily[]>();
  const familiesOf = (account: CheckAccount) => {
    let found = accountFamilies.get(account.id);
    if (!found) {
      found = families?.ofAccount(account) ?? [];
      accountFamilies.set(account.id, found);
    }
    return found;
  };
  const drafts: FindingDraft[] = [];
  for (const hit of merge(hits)) {
    const mine = accounts.filter((a) => hit.personIds.includes(a.personId));
    const isPassword = MAIL_PASSWORD_KINDS.has(hit.kind);
    const inUse = isPassword ? mine.filter((a) => a.password?.exactFingerprint === hit.fingerprint) : [];
    const service = MAIL_UNTIED_KINDS.has(hit.kind) ? null : hit.service;
    const serviceFamilies = service ? (families?.ofHost(service) ?? []) : [];
    const serviceDomain = service ? (getDomain(service) ?? service) : null;
    const byService =
      serviceDomain === null
        ? []
        : mine.filter(
            (a) =>
              a.domain !== null &&
              (serviceFamilies.length > 0 && familiesOf(a).length > 0
                ? sharesFamily(serviceFamilies, familiesOf(a))
                : a.domain === serviceDomain || a.domain.endsWith(`.${serviceDomain}`)),
          );
    const wasPassword = isPassword ? mine.filter((a) => hit.accountIds.includes(a.id)) : [];
    const byPassword = [...new Set([...inUse, ...wasPassword])];
    const linked = byPassword.length > 0 ? byPassword : byService;
    const rotatedOn = rotated.get(`${hit.kind}\0${hit.fingerprint}`) ?? null;
    const isRotated = rotatedOn !== null && (hit.lastSeen === null || rotatedOn >= hit.lastSeen);
    // Each account it opened has a new password: one whose password it was (and no longer is), or
    // one of the service whose password changed after the last mail it was in.
    const passwordsChanged =
      isPassword &&
      linked.length > 0 &&
      linked.every((a) =>
        wasPassword.includes(a)
          ? true
          : hit.lastSeen !== null && a.passwordChangedAt !== null && a.passwordChangedAt > hit.lastSeen,
      );
    if (inUse.length === 0 && (isRotated || passwordsChanged)) continue;
    const severity: Severity =
      isPassword && linked.some((a) => a.criticality === 'critical')
        ? 'critical'
        : MEDIUM_KINDS.has(hit.kind)
          ? 'medium'
          : 'high';
    const accountIds = [...new Set(linked.map((a) => a.id))].sort((a, b) => a - b);
    // The account's own domain when tied to one; else the service as the scan told it (a key at
    // aws.amazon.com stays AWS's, not amazon.com's).
    const account = linked[0]?.domain ?? service;
    drafts.push({
      kind: 'mail_secret',
      subject: mailSecretSubject(hit.kind, hit.fingerprint),
      severity,
      accountIds,
      evidence: {
        kind: hit.kind,
        label: mailSecretLabel(hit.kind),
        hint: hit.hint,
        count: hit.count,
        firstSeen: hit.firstSeen,
        lastSeen: hit.lastSeen,
        account,
        linkedBy: byPassword.length > 0 ? 'password' : byService.length > 0 ? 'service' : null,
        stillInUse: inUse.length > 0,
        service,
        folders: hit.folders,
        correspondentDomains: hit.correspondentDomains,
        personIds: [...hit.personIds].sort((a, b) => a - b),
        scanIds: [...hit.scanIds].sort((a, b) => a - b),
        rotatedOn,
        ...(serviceFamilies.length > 0 && byService.length > 0
          ? { families: serviceFamilies.map(familyRef) }
          : {}),
      },
      ...(hit.lastSeen ? { evidenceAt: hit.lastSeen } : {}),
    });
  }
  return drafts.sort((a, b) => a.subject.localeCompare(b.subject));
}
