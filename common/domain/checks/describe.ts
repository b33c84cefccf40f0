import type { MessageId } from '../../messages/en';
import { format, formatList, labelsOf } from '../../messages/format';
import { monthYear } from '../dates';
import { describeGap } from '../passwords/coverage';
import {
  isStrengthScore,
  strengthLabel,
  strengthMeaning,
  strengthTime,
  strengthWarningText,
  type StrengthScore,
} from '../passwords/strength';
import type { FindingKind, Severity } from './findings';
import { mailSecretAction } from './mailSecretWords';

/** A finding in plain words: what is wrong, why it matters, and the next concrete step. */
export interface FindingText {
  title: string;
  why: string;
  action: string;
  /** About how long the fix takes, for "what do I do next". */
  minutes: number;
}

/** Plain names for finding kinds, for filters and summaries (from the message catalogue). */
export const FINDING_KIND_LABELS: Readonly<Record<FindingKind, string>> = labelsOf({
  breached_service: 'finding.kind.breached_service',
  email_in_breach: 'finding.kind.email_in_breach',
  mfa_available: 'finding.kind.mfa_available',
  mfa_upgrade: 'finding.kind.mfa_upgrade',
  password_pwned: 'finding.kind.password_pwned',
  password_reused: 'finding.kind.password_reused',
  password_similar: 'finding.kind.password_similar',
  password_weak: 'finding.kind.password_weak',
  insecure_url: 'finding.kind.insecure_url',
  password_check_gap: 'finding.kind.password_check_gap',
  breach_notice: 'finding.kind.breach_notice',
  mail_secret: 'finding.kind.mail_secret',
});

/** Plain names for severities (from the message catalogue). */
export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = labelsOf({
  critical: 'finding.severity.critical',
  high: 'finding.severity.high',
  medium: 'finding.severity.medium',
  low: 'finding.severity.low',
});

const METHOD_WORDS: Record<string, MessageId> = {
  totp: 'finding.method.totp',
  u2f: 'finding.method.u2f',
  sms: 'finding.method.sms',
  call: 'finding.method.call',
  email: 'finding.method.email',
  'custom-software': 'finding.method.custom-software',
  'custom-hardware': 'finding.method.custom-hardware',
  passkey: 'finding.method.passkey',
};

/** "an authenticator app, a security key or a text message". */
export function describeMethods(methods: readonly string[]): string {
  const words = [
    ...new Set(methods.map((m) => (Object.hasOwn(METHOD_WORDS, m) ? format(METHOD_WORDS[m]!) : m))),
  ];
  return formatList(words, 'or');
}

const lowerList = (values: unknown) =>
  Array.isArray(values) && values.length > 0
    ? listNames(values.map((v) => String(v).toLowerCase()))
    : format('finding.someData');

/** Joins names as "A, B and C" (or "A, B or C"). */
export function listNames(names: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return formatList(names, conjunction);
}

/** The names of the account families in a finding's evidence (`families: [{ id, name }]`). */
function familyNames(evidence: Record<string, unknown>): string[] {
  if (!Array.isArray(evidence.families)) return [];
  return evidence.families
    .map((family: unknown) =>
      typeof family === 'object' && family !== null ? (family as { name?: unknown }).name : undefined,
    )
    .filter((name): name is string => typeof name === 'string' && name !== '');
}

/** The name of the family with this id in the evidence, or null. */
function familyNamed(evidence: Record<string, unknown>, id: unknown): string | null {
  if (typeof id !== 'string' || !Array.isArray(evidence.families)) return null;
  const family = (evidence.families as unknown[]).find(
    (candidate) =>
      typeof candidate === 'object' && candidate !== null && (candidate as { id?: unknown }).id === id,
  ) as { name?: unknown } | undefined;
  return typeof family?.name === 'string' ? family.name : null;
}

/** The guide a notice's evidence names, when its estimate is usable. */
function guideOf(evidence: Record<string, unknown>): { title: string; estimatedMinutes: number } | null {
  const guide = evidence.guide as { title?: unknown; estimatedMinutes?: unknown } | undefined;
  if (typeof guide !== 'object' || guide === null) return null;
  const minutes = guide.estimatedMinutes;
  if (
    typeof guide.title !== 'string' ||
    typeof minutes !== 'number' ||
    !Number.isInteger(minutes) ||
    minutes < 1
  )
    return null;
  return { title: guide.title, estimatedMinutes: minutes };
}

/**
 * Whose accounts a finding concerns, for a file that holds several people (a family, an office).
 * Without it, findings speak to "you", as to the one person in the file.
 */
export interface FindingOwners {
  /** The owner's name of each account in `services`, in the same order. */
  owners: readonly string[];
  /** Whose finding it is when it concerns no account (an address in a breach, a notice). */
  person?: string;
}

/** "Priya's" (the possessive of a name). */
export function possessive(name: string): string {
  return format('people.possessive', { name });
}

/**
 * Describes a finding for a worried non-expert (DESIGN.md, voice): calm, concrete, ending in the
 * next action. `services` are the names of the accounts concerned, in a stable order. With
 * `people` (a file with several people), every account is named with its owner ("Priya's Yahoo
 * Mail"), and a password shared between people gets its own wording: it usually means a shared
 * login. Every word comes from the message catalogue.
 */
export function describeFinding(
  kind: FindingKind,
  evidence: Record<string, unknown>,
  services: readonly string[],
  people?: FindingOwners,
): FindingText {
  const owners = people?.owners ?? [];
  const ownerOf = (index: number): string | undefined =>
    people ? (owners[index] ?? people.person) : undefined;
  const named = services.map((service, i) => {
    const owner = ownerOf(i);
    return owner ? format('finding.ownedService', { owner, service }) : service;
  });
  const service0 = services[0] ?? format('finding.thisAccount');
  const owner0 = ownerOf(0);
  /** Who the sentence speaks to: the one person of the file ("you"), or the account's owner. */
  const who0 = { who: owner0 ? 'person' : 'you', owner: owner0 ?? '' };
  /** "Priya's Yahoo Mail" or "Yahoo Mail". */
  const first = named[0] ?? format('finding.thisAccount');
  /** "Priya's Yahoo Mail password" or "Your Yahoo Mail password" (with `capital` for the sentence start). */
  const yourPassword = (capital: boolean) =>
    format('finding.passwordOf', { ...who0, service: service0, capital: capital ? 'yes' : 'no' });
  const distinctOwners = [...new Set(services.map((_, i) => ownerOf(i)).filter((o): o is string => !!o))];
  switch (kind) {
    case 'breached_service': {
      const count = Array.isArray(evidence.breaches) ? evidence.breaches.length : 1;
      const when = monthYear(evidence.breachDate);
      const changed = evidence.passwordChangedAt;
      // A breach of the account's family (a Yahoo breach for an account at ymail.com) names the
      // family's breach, and says why it concerns this account.
      const family = familyNamed(evidence, evidence.family);
      const breached = family ? String(evidence.title ?? evidence.name ?? family) : service0;
      return {
        title: format('finding.breached.title', { breached, when, more: count - 1, ...who0 }),
        why:
          (family ? format('finding.breached.family', { first, family, ...who0 }) : '') +
          format('finding.breached.took', { data: lowerList(evidence.dataClasses), breached }) +
          (typeof changed === 'string'
            ? format('finding.breached.changedOn', { ...who0, changed })
            : format('finding.breached.unknownChange', who0)),
        action:
          typeof changed === 'string'
            ? format('finding.breached.actionChanged', {
                ...who0,
                service: service0,
                password: yourPassword(false),
              })
            : format('finding.breached.actionUnknown', { ...who0, service: service0, when }),
        minutes: 5,
      };
    }
    case 'email_in_breach': {
      const count = Array.isArray(evidence.breaches) ? evidence.breaches.length : 1;
      const address = typeof evidence.address === 'string' ? evidence.address : format('finding.yourAddress');
      return {
        title: format('finding.emailBreach.title', {
          who: people?.person ? 'person' : 'you',
          person: people?.person ?? '',
          address,
          count,
          breach: String(evidence.title ?? evidence.name),
        }),
        why: format('finding.emailBreach.why', { count, data: lowerList(evidence.dataClasses) }),
        action: format('finding.emailBreach.action'),
        minutes: 10,
      };
    }
    case 'mfa_available': {
      const methods = Array.isArray(evidence.methods)
        ? describeMethods(evidence.methods as string[])
        : format('finding.mfa.secondStep');
      return {
        title: format('finding.mfa.title', { first }),
        why: format('finding.mfa.why', { service: service0, methods, ...who0 }),
        action: format('finding.mfa.action', {
          service: service0,
          hasDocs: evidence.documentation ? 'yes' : 'no',
        }),
        minutes: 5,
      };
    }
    case 'mfa_upgrade': {
      const better = Array.isArray(evidence.better)
        ? describeMethods(evidence.better as string[])
        : format('finding.upgrade.stronger');
      return {
        title: format('finding.upgrade.title', { first }),
        why: format('finding.upgrade.why', {
          current: evidence.current === 'sms' ? 'sms' : 'email',
          service: service0,
          better,
        }),
        action: format('finding.upgrade.action', { ...who0, service: service0, better }),
        minutes: 5,
      };
    }
    case 'password_pwned': {
      const action = format('finding.pwned.action', {
        ...who0,
        service: service0,
        password: yourPassword(false),
      });
      const times = Number(evidence.timesSeen);
      if (evidence.source === 'offline_index') {
        return {
          title: format('finding.pwned.title', { password: yourPassword(true) }),
          why: format('finding.pwned.offlineWhy', {
            date:
              typeof evidence.corpusDate === 'string' ? evidence.corpusDate : format('finding.unknownDate'),
            atLeast: evidence.countIsLowerBound ? 'yes' : 'no',
            times,
          }),
          action,
          minutes: 5,
        };
      }
      return evidence.source === 'online'
        ? {
            title: format('finding.pwned.title', { password: yourPassword(true) }),
            why: format('finding.pwned.onlineWhy', { times }),
            action,
            minutes: 5,
          }
        : {
            title: format('finding.pwned.commonTitle', { password: yourPassword(true) }),
            why: format('finding.pwned.commonWhy'),
            action,
            minutes: 5,
          };
    }
    case 'password_reused': {
      if (distinctOwners.length > 1) {
        const names = listNames(named);
        return {
          title: format('finding.reused.sharedTitle', { names }),
          why: format('finding.reused.sharedWhy', { people: distinctOwners.length, names }),
          action: format('finding.reused.sharedAction'),
          minutes: 5 * Math.max(1, services.length - 1),
        };
      }
      const whose = { who: distinctOwners[0] ? 'person' : 'you', owner: distinctOwners[0] ?? '' };
      return {
        title: format('finding.reused.title', { ...whose, count: services.length }),
        why: format('finding.reused.why', { ...whose, names: listNames(services), count: services.length }),
        action: format('finding.reused.action'),
        minutes: 5 * Math.max(1, services.length - 1),
      };
    }
    case 'password_similar': {
      if (distinctOwners.length > 1) {
        const names = listNames(named);
        return {
          title: format('finding.similar.sharedTitle', { names }),
          why: format('finding.similar.sharedWhy', { people: distinctOwners.length, names }),
          action: format('finding.similar.sharedAction'),
          minutes: 5 * services.length,
        };
      }
      const whose = { who: distinctOwners[0] ? 'person' : 'you', owner: distinctOwners[0] ?? '' };
      return {
        title: format('finding.similar.title', { ...whose, count: services.length }),
        why: format('finding.similar.why', { ...whose, names: listNames(services) }),
        action: format('finding.similar.action'),
        minutes: 5 * services.length,
      };
    }
    case 'password_weak': {
      const score = isStrengthScore(Number(evidence.score)) ? (Number(evidence.score) as StrengthScore) : 1;
      const hint = typeof evidence.warning === 'string' ? strengthWarningText(evidence.warning) : '';
      return {
        title: format('finding.weak.title', { password: yourPassword(true) }),
        why: format('finding.weak.why', {
          label: strengthLabel(score),
          time: strengthTime(score),
          meaning: strengthMeaning(score),
          hint: hint === '' ? 'none' : hint,
        }),
        action: format('finding.weak.action', { password: yourPassword(false) }),
        minutes: 5,
      };
    }
    case 'breach_notice': {
      const provider =
        typeof evidence.provider === 'string' ? evidence.provider : format('finding.notice.aCompany');
      const exposed = Array.isArray(evidence.exposed) && evidence.exposed.length > 0;
      const emails = Array.isArray(evidence.emails) ? (evidence.emails as string[]) : [];
      const families = familyNames(evidence);
      const person = people?.person ?? owner0;
      const whom = { who: person ? 'person' : 'you', person: person ?? '' };
      const atServices =
        services.length > 0
          ? format('finding.notice.accounts', {
              ...whom,
              count: services.length,
              services: listNames(services),
            })
          : '';
      const accounts =
        atServices !== '' && emails.length > 0
          ? format('finding.notice.accountsAndEmails', { accounts: atServices, emails: listNames(emails) })
          : atServices !== ''
            ? atServices
            : listNames(emails);
      const where =
        families.length > 0 && accounts !== ''
          ? format('finding.notice.concernsFamily', {
              ...whom,
              families: listNames(families, 'or'),
              accounts,
            })
          : accounts !== ''
            ? format('finding.notice.concerns', { accounts })
            : '';
      const guide = guideOf(evidence);
      return {
        title: format('finding.notice.title', { provider, ...whom }),
        why:
          format('finding.notice.why', {
            date:
              typeof evidence.receivedOn === 'string' ? evidence.receivedOn : format('finding.unknownDate'),
            exposed: exposed ? 'yes' : 'no',
            data: lowerList(evidence.exposed),
          }) + where,
        action: guide
          ? format('finding.notice.actionGuide', { guide: guide.title })
          : format('finding.notice.action'),
        // The guide's own estimate when one is attached: the notice is done when the guide is.
        minutes: guide?.estimatedMinutes ?? 20,
      };
    }
    case 'mail_secret':
      return describeMailSecret(evidence, services, people?.person);
    case 'insecure_url':
      return {
        title: format('finding.insecure.title', { ...who0, first, service: service0 }),
        why: format('finding.insecure.why', who0),
        action: format('finding.insecure.action', { service: service0 }),
        minutes: 2,
      };
    case 'password_check_gap': {
      const gap = {
        source: evidence.source === 'offline_index' ? ('offline_index' as const) : ('online' as const),
        reason:
          (['failed', 'before_enabled', 'before_installed', 'unavailable'] as const).find(
            (r) => r === evidence.reason,
          ) ?? 'failed',
        failedOn: typeof evidence.failedOn === 'string' ? evidence.failedOn : null,
        accountIds: services.map((_, i) => i),
      };
      return {
        title: format('finding.gap.title', { count: services.length, source: gap.source }),
        why: describeGap(gap, {
          offlineIndex: {
            installed: typeof evidence.indexBuiltAt === 'string',
            builtAt: typeof evidence.indexBuiltAt === 'string' ? evidence.indexBuiltAt : null,
            problem: typeof evidence.problem === 'string' ? evidence.problem : null,
            checked: 0,
          },
        }),
        action:
          gap.reason === 'unavailable'
            ? format('finding.gap.actionUnavailable')
            : format('finding.gap.action'),
        minutes: 5,
      };
    }
  }
}

/**
 * What recording a notice about an incident will mark, for the form that records it: the accounts
 * at its domains, or — when its domains belong to account families — every account that signs in
 * with those families, naming the first `shown` domains ("microsoft.com, live.com, … and 40 more").
 */
export function incidentReach(
  incident: { domains: readonly string[]; families: readonly { name: string; domains: readonly string[] }[] },
  shown = 8,
): string {
  if (incident.families.length === 0)
    return format('finding.incident.accounts', { domains: listNames(incident.domains) });
  const domains = [
    ...new Set([...incident.domains, ...incident.families.flatMap((family) => family.domains)]),
  ];
  return format('finding.incident.families', {
    families: listNames(
      incident.families.map((family) => family.name),
      'or',
    ),
    domains: domains.slice(0, shown).join(', '),
    more: Math.max(0, domains.length - shown),
  });
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const CRITICALITY_RANK: Record<string, number> = { critical: 0, important: 1, standard: 2 };

/**
 * Orders findings worst first: severity, then the most critical account concerned, then the oldest.
 * `criticalityOf` gives an account's criticality (undefined for an account no longer there).
 */
export function sortFindingsWorstFirst<
  F extends { id: number; severity: Severity; accountIds: readonly number[] },
>(findings: readonly F[], criticalityOf: (accountId: number) => string | undefined): F[] {
  const rank = (f: F) =>
    Math.min(3, ...f.accountIds.map((id) => CRITICALITY_RANK[criticalityOf(id) ?? 'standard'] ?? 2));
  const ranks = new Map(findings.map((f) => [f.id, rank(f)]));
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      ranks.get(a.id)! - ranks.get(b.id)! ||
      a.id - b.id,
  );
}

/** A secret found in mail, in plain words (see `mailSecrets.ts` for when it fires and closes). */
function describeMailSecret(
  evidence: Record<string, unknown>,
  services: readonly string[],
  person?: string,
): FindingText {
  const kind = String(evidence.kind ?? '');
  const label = typeof evidence.label === 'string' ? evidence.label : format('finding.mail.secret');
  const count = Number(evidence.count ?? 1);
  const firstSeen = typeof evidence.firstSeen === 'string' ? evidence.firstSeen : null;
  const lastSeen = typeof evidence.lastSeen === 'string' ? evidence.lastSeen : null;
  const seen = format('finding.mail.seen', {
    count,
    when: firstSeen && lastSeen ? (firstSeen === lastSeen ? 'one' : 'range') : 'none',
    first: firstSeen ?? '',
    last: lastSeen ?? '',
  });
  const action = mailSecretAction(kind, services[0] ?? null);
  return {
    title: format('finding.mail.title', {
      label,
      who: person ? 'person' : 'you',
      person: person ?? '',
      seen,
    }),
    why: format('finding.mail.why', {
      hasServices: services.length > 0 ? 'yes' : 'no',
      services: listNames(services),
      stillInUse: evidence.stillInUse === true ? 'yes' : 'no',
      hint: typeof evidence.hint === 'string' ? evidence.hint : label,
    }),
    action: action.action,
    minutes: action.minutes,
  };
}
