import { monthYear } from '../dates';
import { describeGap } from '../passwords/coverage';
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

/** Plain names for finding kinds, for filters and summaries. */
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  breached_service: 'Breach at the service',
  email_in_breach: 'Email address in a breach',
  mfa_available: 'Two-step sign-in available',
  mfa_upgrade: 'Stronger two-step available',
  password_pwned: 'Breached password',
  password_reused: 'Reused password',
  password_similar: 'Near-identical passwords',
  password_weak: 'Weak password',
  insecure_url: 'Unencrypted sign-in page',
  password_check_gap: 'Passwords not checked everywhere',
  breach_notice: 'Breach notice you received',
  mail_secret: 'Secret found in your mail',
};

/** Plain names for severities. */
export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Fix now',
  high: 'Fix soon',
  medium: 'Worth fixing',
  low: 'When you can',
};

const STRENGTH_WORDS = ['very weak', 'weak', 'fair', 'strong', 'very strong'];

const METHOD_WORDS: Record<string, string> = {
  totp: 'an authenticator app',
  u2f: 'a security key',
  sms: 'a text message',
  call: 'a phone call',
  email: 'an email code',
  'custom-software': "the service's own app",
  'custom-hardware': "the service's own hardware token",
  passkey: 'a passkey',
};

/** "an authenticator app, a security key or a text message". */
export function describeMethods(methods: readonly string[]): string {
  const words = [...new Set(methods.map((m) => METHOD_WORDS[m] ?? m))];
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

const lowerList = (values: unknown) =>
  Array.isArray(values) ? listNames(values.map((v) => String(v).toLowerCase())) : 'some of your data';

/** Joins names as "A, B and C" (or "A, B or C"). */
export function listNames(names: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`;
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
  return `${name}'s`;
}

/**
 * Describes a finding for a worried non-expert (DESIGN.md, voice): calm, concrete, ending in the
 * next action. `services` are the names of the accounts concerned, in a stable order. With
 * `people` (a file with several people), every account is named with its owner ("Priya's Yahoo
 * Mail"), and a password shared between people gets its own wording: it usually means a shared
 * login.
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
    return owner ? `${possessive(owner)} ${service}` : service;
  });
  const service0 = services[0] ?? 'this account';
  const owner0 = ownerOf(0);
  /** "Priya's Yahoo Mail" or "Yahoo Mail". */
  const first = named[0] ?? 'this account';
  /** "Priya's Yahoo Mail password" or "Your Yahoo Mail password" (with `your` for the sentence start). */
  const yourPassword = (capital: boolean) =>
    owner0
      ? `${possessive(owner0)} ${service0} password`
      : `${capital ? 'Your' : 'your'} ${service0} password`;
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
      const whose = owner0 ? ` (${possessive(owner0)} account)` : '';
      return {
        title: `${breached} was breached in ${when}${count > 1 ? ` (and ${count - 1} more)` : ''}${whose}`,
        why:
          (family
            ? `${first} signs in with ${owner0 ? possessive(owner0) : 'your'} ${family}, so this breach concerns it. `
            : '') +
          `Attackers took ${lowerList(evidence.dataClasses)} of ${breached}'s users. ` +
          (typeof changed === 'string'
            ? `${owner0 ? `${possessive(owner0)} password` : 'Your password'} was last changed on ${changed}, before that.`
            : owner0
              ? `Lockstep does not know whether ${owner0} has changed this password since.`
              : `Lockstep does not know whether you have changed your password since.`),
        action:
          typeof changed === 'string'
            ? owner0
              ? `Change ${yourPassword(false)} now, and anywhere the same one is used.`
              : `Change your ${service0} password now, and anywhere you used the same one.`
            : owner0
              ? `If ${owner0} has not changed ${possessive(owner0)} ${service0} password since ${when}, change it now — and anywhere the same one is used. If it was changed, say so and this goes away.`
              : `If you have not changed your ${service0} password since ${when}, change it now — and anywhere you used the same one. If you have, say so and this goes away.`,
        minutes: 5,
      };
    }
    case 'email_in_breach': {
      const count = Array.isArray(evidence.breaches) ? evidence.breaches.length : 1;
      const address = String(evidence.address ?? 'Your address');
      const whose = people?.person ? `${possessive(people.person)} address ` : '';
      return {
        title: `${whose}${address} is in ${count === 1 ? `the ${String(evidence.title ?? evidence.name)} breach` : `${count} breaches`}`,
        why: `The breach${count === 1 ? '' : 'es'} exposed ${lowerList(evidence.dataClasses)}. Expect convincing phishing to this address, and check every account that uses it.`,
        action:
          'Change the password of every account that signs in with this address and used the breached password; turn on two-step sign-in.',
        minutes: 10,
      };
    }
    case 'mfa_available': {
      const methods = Array.isArray(evidence.methods)
        ? describeMethods(evidence.methods as string[])
        : 'a second step';
      return {
        title: `Turn on two-step sign-in at ${first}`,
        why: `${service0} can ask for ${methods} as well as ${owner0 ? 'the' : 'your'} password, so a stolen password alone is not enough to get in. Lockstep has no record of it being on.`,
        action: `Turn it on in ${service0}'s security settings${evidence.documentation ? ' (their instructions are linked)' : ''}, preferably with an authenticator app or a passkey. Already on? Record the method on the account.`,
        minutes: 5,
      };
    }
    case 'mfa_upgrade': {
      const better = Array.isArray(evidence.better)
        ? describeMethods(evidence.better as string[])
        : 'a stronger method';
      return {
        title: `Use a stronger second step at ${first}`,
        why: `Codes by ${evidence.current === 'sms' ? 'text message' : 'email'} can be intercepted or redirected (SIM swaps, a hacked mailbox). ${service0} also offers ${better}.`,
        action: owner0
          ? `Switch ${possessive(owner0)} ${service0} two-step sign-in to ${better}.`
          : `Switch ${service0}'s two-step sign-in to ${better}.`,
        minutes: 5,
      };
    }
    case 'password_pwned':
      if (evidence.source === 'offline_index') {
        return {
          title: `${yourPassword(true)} is in known breaches`,
          why: `In the offline Pwned Passwords corpus of ${String(evidence.corpusDate ?? 'unknown date')}, this exact password was seen ${evidence.countIsLowerBound ? 'at least ' : ''}${Number(evidence.timesSeen).toLocaleString('en')} times. Attackers try these first, on every site.`,
          action: owner0
            ? `Change ${yourPassword(false)} to a new one never used before, ideally generated by a password manager.`
            : `Change your ${service0} password to a new one you have never used, ideally generated by a password manager.`,
          minutes: 5,
        };
      }
      return evidence.source === 'online'
        ? {
            title: `${yourPassword(true)} is in known breaches`,
            why: `This exact password has appeared ${Number(evidence.timesSeen).toLocaleString('en')} times in leaked password lists (Have I Been Pwned). Attackers try these first, on every site.`,
            action: owner0
              ? `Change ${yourPassword(false)} to a new one never used before, ideally generated by a password manager.`
              : `Change your ${service0} password to a new one you have never used, ideally generated by a password manager.`,
            minutes: 5,
          }
        : {
            title: `${yourPassword(true)} is one of the most common leaked passwords`,
            why: `It is among the 100,000 passwords seen most often in breaches (UK NCSC list). Attackers try these first, on every site.`,
            action: owner0
              ? `Change ${yourPassword(false)} to a new one never used before, ideally generated by a password manager.`
              : `Change your ${service0} password to a new one you have never used, ideally generated by a password manager.`,
            minutes: 5,
          };
    case 'password_reused':
      if (distinctOwners.length > 1) {
        return {
          title: `${listNames(named)} use the same password`,
          why: `${distinctOwners.length} people use one password between them: ${listNames(named)}. That usually means a shared login. If any one of these sites leaks it, every one of these accounts is open.`,
          action:
            'Give each person their own sign-in where the service allows it (most offer extra users or delegated access); where a login must be shared, keep it in the password manager’s shared vault and give it a password used nowhere else.',
          minutes: 5 * Math.max(1, services.length - 1),
        };
      }
      return {
        title: `${distinctOwners[0] ? `${possessive(distinctOwners[0])} ${services.length} accounts` : `${services.length} accounts`} share one password`,
        why: `${distinctOwners[0] ? `${possessive(distinctOwners[0])} ` : ''}${listNames(services)} all use the same password. If any one of these sites leaks it, the others are open too.`,
        action: 'Give each of these accounts its own password, starting with the most important one.',
        minutes: 5 * Math.max(1, services.length - 1),
      };
    case 'password_similar':
      if (distinctOwners.length > 1) {
        return {
          title: `${listNames(named)} use near-identical passwords`,
          why: `${distinctOwners.length} people use passwords that differ only by a few characters, such as a year or a symbol at the end: ${listNames(named)}. That usually means a shared login, or one person’s pattern passed on. Attackers who learn one try the obvious variations.`,
          action:
            'Give each person their own sign-in and replace these with unrelated passwords, ideally generated by a password manager.',
          minutes: 5 * services.length,
        };
      }
      return {
        title: `${distinctOwners[0] ? `${possessive(distinctOwners[0])} ${services.length} accounts` : `${services.length} accounts`} use near-identical passwords`,
        why: `The passwords for ${distinctOwners[0] ? `${possessive(distinctOwners[0])} ` : ''}${listNames(services)} differ only by a few characters, such as a year or a symbol at the end. Attackers who learn one try the obvious variations.`,
        action: 'Replace them with unrelated passwords, ideally generated by a password manager.',
        minutes: 5 * services.length,
      };
    case 'password_weak': {
      const score = Number(evidence.score);
      const hint = typeof evidence.warning === 'string' && evidence.warning ? ` ${evidence.warning}` : '';
      return {
        title: `${yourPassword(true)} is ${STRENGTH_WORDS[score] ?? 'weak'}`,
        why: `A password like this can be guessed quickly by someone who tries many possibilities.${hint}`,
        action: `Change ${yourPassword(false)} to a long, unique one — a password manager can make and remember it.`,
        minutes: 5,
      };
    }
    case 'breach_notice': {
      const provider = String(evidence.provider ?? 'A company');
      const exposed = Array.isArray(evidence.exposed) && evidence.exposed.length > 0;
      const emails = Array.isArray(evidence.emails) ? (evidence.emails as string[]) : [];
      const families = familyNames(evidence);
      const who = people?.person ?? owner0;
      const accounts =
        services.length > 0
          ? `${who ? possessive(who) : 'your'} account${services.length > 1 ? 's' : ''} at ${listNames(services)}${emails.length > 0 ? ` and ${listNames(emails)}` : ''}`
          : emails.length > 0
            ? listNames(emails)
            : '';
      const where =
        families.length > 0 && accounts !== ''
          ? ` It concerns what ${who ? `${who} signs in to with ${possessive(who)}` : 'you sign in to with your'} ${listNames(families, 'or')}: ${accounts}.`
          : accounts !== ''
            ? ` It concerns ${accounts}.`
            : '';
      const guide = guideOf(evidence);
      return {
        title: `${provider} told ${who ?? 'you'} about a breach`,
        why: `Their notice of ${String(evidence.receivedOn ?? 'an unknown date')} says ${exposed ? `${lowerList(evidence.exposed)} ${(evidence.exposed as unknown[]).length === 1 ? 'was' : 'were'}` : 'some of your data was'} exposed.${where}`,
        action: guide
          ? `Follow the guide “${guide.title}”, step by step. This closes when you finish the guide, or set it aside.`
          : 'Follow the guide for it, step by step. This closes when you finish the guide, or set it aside.',
        // The guide's own estimate when one is attached: the notice is done when the guide is.
        minutes: guide?.estimatedMinutes ?? 20,
      };
    }
    case 'mail_secret':
      return describeMailSecret(evidence, services, people?.person);
    case 'insecure_url':
      return {
        title: owner0
          ? `${owner0} signs in to ${service0} on an unencrypted page`
          : `You sign in to ${first} on an unencrypted page`,
        why: `Its sign-in address starts with http://, so ${owner0 ? 'the' : 'your'} password can be read by anyone on the same network (a café, a hotel).`,
        action: `Check whether ${service0} offers an https:// sign-in page and use that; if it does not, don't reuse this password anywhere.`,
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
      const where = gap.source === 'online' ? 'online' : 'against your offline copy of the corpus';
      return {
        title: `${services.length === 1 ? '1 password was' : `${services.length} passwords were`} not checked ${where}`,
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
            ? 'Rebuild or remove the offline corpus in Settings, then import your export again.'
            : 'Import your export again: the passwords are checked as they are read, and then forgotten.',
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
    return `Your accounts at ${listNames(incident.domains)} will be marked.`;
  const domains = [
    ...new Set([...incident.domains, ...incident.families.flatMap((family) => family.domains)]),
  ];
  const more = domains.length - shown;
  return (
    `Every account that signs in with your ${listNames(
      incident.families.map((family) => family.name),
      'or',
    )} will be marked, at any of their domains: ` +
    `${domains.slice(0, shown).join(', ')}${more > 0 ? ` and ${more} more` : ''}.`
  );
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
  const label = String(evidence.label ?? 'A secret');
  const count = Number(evidence.count ?? 1);
  const first = typeof evidence.firstSeen === 'string' ? evidence.firstSeen : null;
  const last = typeof evidence.lastSeen === 'string' ? evidence.lastSeen : null;
  const when = first && last ? (first === last ? `, on ${first}` : `, from ${first} to ${last}`) : '';
  const seen = `seen in ${count === 1 ? 'one message' : `${count.toLocaleString('en')} messages`}${when}`;
  const where = services.length > 0 ? ` It belongs to ${listNames(services)}.` : '';
  const action = mailSecretAction(kind, services[0] ?? null);
  return {
    title: `${label} in ${person ? `${possessive(person)}` : 'your'} mail (${seen})`,
    why:
      `Anyone who could read this mailbox — attackers who broke into the company holding it included — could read and use it.${where}` +
      (evidence.stillInUse === true ? ' It is still the password you use there.' : '') +
      ` Lockstep kept only a masked description (${String(evidence.hint ?? label)}), never the secret or the mail.`,
    action: action.action,
    minutes: action.minutes,
  };
}
