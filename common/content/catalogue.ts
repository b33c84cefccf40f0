/**
 * The in-memory catalogue built from the bundled datasets: breaches by domain and name, the 2FA and
 * passkeys directories, change-password pages, groups of domains that share one login, and account
 * families (one sign-in across several domains, `./families.ts`). Pure: the
 * caller parses the files (datasets.ts) and passes them in; every index is built once, so domain
 * lookups are Map reads.
 *
 * Domains are compared as registrable domains (tldts `getDomain`, ICANN suffixes only — the same rule
 * as `parseServiceUrl`, so an account's `domain` is a valid key): `accounts.google.com` → `google.com`.
 */
import { getDomain } from 'tldts';
import {
  APPLE_QUIRKS_SNAPSHOT_DATE,
  htmlToText,
  type DatasetFiles,
  type HibpBreach,
  type HibpSupplementBreach,
  type PasskeySupport,
  type PasskeysEntry,
  type SharedCredentials,
  type TwoFactorEntry,
  type TwoFactorMethod,
} from './datasets';
import { buildFamilyIndex, type FamilyIndex } from './families';

/** A breach, normalised from HIBP's record (and the supplement's, merged by name). */
export interface Breach {
  /** HIBP's stable key, e.g. `LinkedIn`. */
  readonly name: string;
  /** Display title; the name when the record has none. */
  readonly title: string;
  /** Lower-case registrable domain (`pizza.dominos.be` → `dominos.be`), or null when there is none. */
  readonly domain: string | null;
  /** The domain as HIBP lists it, lower-cased (may be a subdomain), or null. */
  readonly listedDomain: string | null;
  /** When the breach happened (`YYYY-MM-DD`), or null when unknown (some supplement records). */
  readonly breachDate: string | null;
  /** When HIBP added it, ISO-8601 UTC. */
  readonly addedDate: string;
  /** Number of accounts in the breach. */
  readonly pwnCount: number;
  /** The description as plain text (see `htmlToText`); never HTML. */
  readonly descriptionText: string;
  /** What was exposed ("Email addresses", "Passwords", …); empty when unknown. */
  readonly dataClasses: readonly string[];
  /** HIBP confirmed the data came from the service. */
  readonly isVerified: boolean;
  /** The data is fake or was never from the service. */
  readonly isFabricated: boolean;
  /** HIBP withdrew the breach. */
  readonly isRetired: boolean;
  /** A spam/marketing list, not a breach of the service's accounts. */
  readonly isSpamList: boolean;
  /** HIBP hides it from public searches (adult sites and the like). */
  readonly isSensitive: boolean;
  /** Data from malware (stealer logs, botnets). */
  readonly isMalware: boolean;
  /** Some fields were unknown (a partial supplement record); the missing flags read as false. */
  readonly isPartial: boolean;
  /**
   * Whether this breach may raise a finding on an account: false for spam lists, fabricated and
   * retired breaches, and breaches without a domain (they cannot be tied to an account).
   */
  readonly raisesAccountFindings: boolean;
}

/** What the 2FA directory says about a service. */
export interface TwoFactorInfo {
  /** The directory's name for the service, e.g. `Gmail`. */
  readonly name: string;
  /** The entry's own domain (may be a subdomain, e.g. `mail.google.com`). */
  readonly domain: string;
  /** The 2FA methods offered; empty when the service offers no 2FA. */
  readonly methods: readonly TwoFactorMethod[];
  /** How to turn 2FA on, or null. */
  readonly documentation: string | null;
  /** How to recover an account that lost its second factor, or null. */
  readonly recovery: string | null;
  /** The directory's caveats (regions, prerequisites), or null. */
  readonly notes: string | null;
  /** Names of proprietary authenticator apps (with `custom-software`). */
  readonly customSoftware: readonly string[];
  /** Names of proprietary hardware tokens (with `custom-hardware`). */
  readonly customHardware: readonly string[];
}

/** What the passkeys directory says about a service. */
export interface PasskeyInfo {
  /** The directory's name for the service. */
  readonly name: string;
  /** The entry's own domain (may be a subdomain). */
  readonly domain: string;
  /** A passkey as a second factor: allowed, required, or not supported (null). */
  readonly mfa: PasskeySupport | null;
  /** A passkey instead of the password: allowed, required, or not supported (null). */
  readonly passwordless: PasskeySupport | null;
  /** How to set passkeys up, or null. */
  readonly documentation: string | null;
}

/** The date (`YYYY-MM-DD`) each dataset is as of, for "checked against data of …". */
export interface DatasetDates {
  /** The latest `AddedDate` of any breach (the day HIBP last added one), or null with no breaches. */
  readonly breaches: string | null;
  /** The 2FA directory's commit date, as the committer's local date. */
  readonly twoFactor: string;
  /** The passkeys directory's commit date, as the committer's local date. */
  readonly passkeys: string;
  /** The change-password URL snapshot's date. */
  readonly changePasswordUrls: string;
  /** The shared-credentials snapshot's date. */
  readonly sharedCredentials: string;
  /** When Lockstep last reviewed its account families. */
  readonly accountFamilies: string;
}

/** The built catalogue. Lookups accept a host or a registrable domain, any case. */
export interface Catalogue {
  /** Every breach, merged and sorted by name. */
  readonly breaches: readonly Breach[];
  /** The date of each dataset. */
  readonly datasetDates: DatasetDates;
  /** The breach with this HIBP `Name` (exact), or null. */
  breach(name: string): Breach | null;
  /**
   * Breaches at the registrable domain of `domain`, and at every domain sharing its login (a breach
   * at one domain of a shared-credentials group concerns all of them). Most recent breach first.
   * Includes breaches that raise no findings: filter on `raisesAccountFindings`.
   */
  breachesByDomain(domain: string): readonly Breach[];
  /**
   * Breaches whose name, title or domain contain `text`, ignoring case and accents: exact matches
   * first, then prefixes, then word prefixes, then anywhere; by name within each. Empty text gives
   * the most recently added breaches. At most `limit` (default 20) results. A linear scan (~1,000
   * records), fine per keystroke.
   */
  searchBreaches(text: string, limit?: number): Breach[];
  /**
   * The 2FA directory entry for a service: the entry for this exact host (its domain or one of its
   * `additional-domains`), else the best entry under the same registrable domain, else the first
   * match among the domains sharing its login. Null when the directory does not list the service.
   */
  twoFactor(domain: string): TwoFactorInfo | null;
  /** The passkeys directory entry, matched like {@link Catalogue.twoFactor}; null when not listed. */
  passkeys(domain: string): PasskeyInfo | null;
  /**
   * The change-password page: the bundled URL for this host, its registrable domain or a domain
   * sharing its login; else `https://<host>/.well-known/change-password`. Null only for input that
   * is not a host name.
   */
  changePasswordUrl(domain: string): string | null;
  /**
   * The other registrable domains that share a login with this one (shared-credentials groups),
   * without the domain itself; empty when it is in no group.
   */
  sameLoginDomains(domain: string): readonly string[];
  /** The account families (one sign-in across several domains). */
  readonly families: FamilyIndex;
  /**
   * The breaches of a whole family: those HIBP lists at exactly one of the family's own or shared
   * domains or listed hosts (`yahoo.com`, not `voices.yahoo.com` and not `xbox360iso.com`). They
   * concern every account of the family. Most recent first; includes breaches that raise no
   * findings (filter on `raisesAccountFindings`). Empty for an unknown id.
   */
  familyBreaches(familyId: string): readonly Breach[];
}

/** Options for {@link buildCatalogue}. */
export interface CatalogueOptions {
  /** The date of the Apple change-password/shared-credentials snapshot (their files carry none). */
  appleQuirksDate?: string;
}

/**
 * The registrable domain of a host (`Accounts.Google.com.` → `google.com`), or null for IPs,
 * single-label hosts, public suffixes themselves (`gov.uk`) and junk.
 */
export function toRegistrableDomain(host: string): string | null {
  const normalized = normalizeHost(host);
  return normalized === '' ? null : getDomain(normalized);
}

/**
 * tldts options for host names the dataset checks already validated (lower-case, no URL around
 * them): skipping hostname extraction and validation makes indexing several times faster.
 */
const KNOWN_HOST = { extractHostname: false, validateHostname: false, detectIp: false, mixedInputs: false };

const HOST_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** The registrable domain of a dataset host name (validated by the schemas), or null. */
function registrableOfKnownHost(host: string): string | null {
  return getDomain(host, KNOWN_HOST);
}

/**
 * An index key for a dataset host: its registrable domain. A two-label host (`example.com`, most
 * of them) is its own key without asking tldts — if it is a public suffix itself (`gov.uk`) the key
 * is never looked up, because no lookup turns a host into a public suffix — which halves the cost of
 * building the indexes on a cold start.
 */
function indexKeyOfKnownHost(host: string): string | null {
  return host.indexOf('.') === host.lastIndexOf('.') ? host : registrableOfKnownHost(host);
}

function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** The lookup keys of an input: its host, the host without `www.`, and its registrable domain. */
function lookupKeys(input: string): { hosts: string[]; registrable: string | null } {
  const host = normalizeHost(input);
  if (host === '') return { hosts: [], registrable: null };
  const hosts = host.startsWith('www.') ? [host, host.slice(4)] : [host];
  return { hosts, registrable: getDomain(host) };
}

const FULL_RECORD_FIELDS = [
  'Title',
  'Domain',
  'BreachDate',
  'DataClasses',
  'IsVerified',
  'IsFabricated',
  'IsSensitive',
  'IsRetired',
  'IsSpamList',
  'IsMalware',
] as const;

type MergedRecord = HibpSupplementBreach | HibpBreach;

/** True for a value the supplement may override with: present, not `''`, not an empty list. */
function hasData(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== '';
}

/**
 * Merges HIBP's main list with the supplement by `Name`: a supplement field with data (present,
 * not `''` or `[]`) fills or overrides the main record's; main keeps the fields the supplement lacks.
 * Normalises to {@link Breach}, sorted by name (case-insensitive, then exact).
 */
export function mergeBreaches(
  main: readonly HibpBreach[],
  supplement: readonly HibpSupplementBreach[],
): Breach[] {
  const records = new Map<string, MergedRecord>();
  for (const record of main) records.set(record.Name, record);
  for (const record of supplement) {
    const base = records.get(record.Name);
    if (!base) {
      records.set(record.Name, record);
      continue;
    }
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(record)) {
      if (hasData(value)) merged[key] = value;
    }
    records.set(record.Name, merged as MergedRecord);
  }
  return [...records.values()].map(toBreach).sort((a, b) => compareText(a.name, b.name));
}

function toBreach(record: MergedRecord): Breach {
  const listedDomain = record.Domain ? normalizeHost(record.Domain) : null;
  const domain = listedDomain && HOST_NAME.test(listedDomain) ? registrableOfKnownHost(listedDomain) : null;
  const isSpamList = record.IsSpamList ?? false;
  const isFabricated = record.IsFabricated ?? false;
  const isRetired = record.IsRetired ?? false;
  return {
    name: record.Name,
    title: record.Title || record.Name,
    domain,
    listedDomain,
    breachDate: record.BreachDate ?? null,
    addedDate: record.AddedDate,
    pwnCount: record.PwnCount,
    descriptionText: htmlToText(record.Description),
    dataClasses: record.DataClasses ?? [],
    isVerified: record.IsVerified ?? false,
    isFabricated,
    isRetired,
    isSpamList,
    isSensitive: record.IsSensitive ?? false,
    isMalware: record.IsMalware ?? false,
    isPartial: FULL_RECORD_FIELDS.some((field) => record[field] === undefined),
    raisesAccountFindings: !isSpamList && !isFabricated && !isRetired && domain !== null,
  };
}

function compareText(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  if (left !== right) return left < right ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Most recent breach first; unknown dates last; then by name. */
function byBreachDateDescending(a: Breach, b: Breach): number {
  if (a.breachDate !== b.breachDate) {
    if (a.breachDate === null) return 1;
    if (b.breachDate === null) return -1;
    return a.breachDate < b.breachDate ? 1 : -1;
  }
  return compareText(a.name, b.name);
}

/** Case- and accent-insensitive form for search. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();
}

/**
 * Groups of registrable domains that share one login, as a map from each member to its whole group.
 * A `{from, to}` entry is treated like `{shared}`: all its domains form one group (an account or a
 * breach at an old domain concerns the new one, and the other way round), with the `to` domains
 * listed first because they are where the login lives now. Hosts are reduced to registrable domains
 * (`signin.costco.com` → `costco.com`); groups that end up sharing a domain are merged.
 */
function buildLoginGroups(groups: SharedCredentials): Map<string, readonly string[]> {
  const groupOf = new Map<string, string[]>();
  const current = new Set<string>();
  for (const group of groups) {
    const hosts = 'shared' in group ? group.shared : [...group.to, ...group.from];
    if (!('shared' in group)) for (const host of group.to) current.add(indexKeyOfKnownHost(host) ?? host);
    const members: string[] = [];
    for (const host of hosts) {
      const domain = indexKeyOfKnownHost(host) ?? host;
      if (!members.includes(domain)) members.push(domain);
    }
    if (members.length < 2) continue;
    for (const domain of [...members]) {
      for (const other of groupOf.get(domain) ?? []) if (!members.includes(other)) members.push(other);
    }
    for (const member of members) groupOf.set(member, members);
  }
  // `to` domains first (stable), also after merging groups.
  for (const members of new Set(groupOf.values())) {
    members.sort((a, b) => Number(current.has(b)) - Number(current.has(a)));
  }
  return groupOf;
}

interface DirectoryCandidate<T> {
  info: T;
  host: string;
  isMainDomain: boolean;
  labels: number;
  score: number;
  entryName: string;
}

/**
 * Indexes a directory by exact host and by registrable domain. Exact host: the entry's own domain
 * wins over another entry's `additional-domains`. Registrable domain: an entry whose host *is* the
 * registrable domain wins; then `score` (more support first), an own domain over an additional
 * one, fewer labels, and name — so `google.com` resolves to one Google entry, deterministically.
 */
function indexDirectory<E extends { name: string; domain: string; 'additional-domains'?: string[] }, T>(
  entries: readonly E[],
  toInfo: (entry: E) => T,
  score: (info: T) => number,
): { byHost: Map<string, T>; byRegistrable: Map<string, T> } {
  const bestByHost = new Map<string, DirectoryCandidate<T>>();
  const bestByRegistrable = new Map<string, DirectoryCandidate<T>>();
  const offer = (map: Map<string, DirectoryCandidate<T>>, key: string, candidate: DirectoryCandidate<T>) => {
    const current = map.get(key);
    if (!current || isBetterCandidate(candidate, current, key)) map.set(key, candidate);
  };
  for (const entry of entries) {
    const info = toInfo(entry);
    const infoScore = score(info);
    const hosts = [entry.domain, ...(entry['additional-domains'] ?? [])];
    hosts.forEach((host, index) => {
      const candidate: DirectoryCandidate<T> = {
        info,
        host,
        isMainDomain: index === 0,
        labels: host.split('.').length,
        score: infoScore,
        entryName: entry.name,
      };
      offer(bestByHost, host, candidate);
      const registrable = indexKeyOfKnownHost(host);
      if (registrable) offer(bestByRegistrable, registrable, candidate);
    });
  }
  const infos = (map: Map<string, DirectoryCandidate<T>>) =>
    new Map([...map].map(([key, candidate]) => [key, candidate.info] as const));
  return { byHost: infos(bestByHost), byRegistrable: infos(bestByRegistrable) };
}

/** The ranking of {@link indexDirectory}: true when `a` should answer for `key` rather than `b`. */
function isBetterCandidate<T>(a: DirectoryCandidate<T>, b: DirectoryCandidate<T>, key: string): boolean {
  const order =
    Number(b.host === key) - Number(a.host === key) ||
    Number(b.isMainDomain && b.host === key) - Number(a.isMainDomain && a.host === key) ||
    b.score - a.score ||
    Number(b.isMainDomain) - Number(a.isMainDomain) ||
    a.labels - b.labels ||
    compareText(a.entryName, b.entryName) ||
    compareText(a.host, b.host);
  return order < 0;
}

/** A lookup by host, then registrable domain, then the login group's domains — resolved once. */
function createDirectoryLookup<T>(
  index: { byHost: Map<string, T>; byRegistrable: Map<string, T> },
  loginGroups: Map<string, readonly string[]>,
): (input: string) => T | null {
  const viaGroup = new Map<string, T>();
  for (const [domain, members] of loginGroups) {
    if (index.byHost.has(domain) || index.byRegistrable.has(domain)) continue;
    for (const member of members) {
      const found = index.byHost.get(member) ?? index.byRegistrable.get(member);
      if (found) {
        viaGroup.set(domain, found);
        break;
      }
    }
  }
  return (input) => {
    const { hosts, registrable } = lookupKeys(input);
    for (const host of hosts) {
      const found = index.byHost.get(host);
      if (found) return found;
    }
    if (!registrable) return null;
    return index.byRegistrable.get(registrable) ?? viaGroup.get(registrable) ?? null;
  };
}

function toTwoFactorInfo(entry: TwoFactorEntry): TwoFactorInfo {
  return {
    name: entry.name,
    domain: entry.domain,
    methods: entry.tfa ?? [],
    documentation: entry.documentation ?? null,
    recovery: entry.recovery ?? null,
    notes: entry.notes ?? null,
    customSoftware: entry['custom-software'] ?? [],
    customHardware: entry['custom-hardware'] ?? [],
  };
}

function toPasskeyInfo(entry: PasskeysEntry): PasskeyInfo {
  return {
    name: entry.name,
    domain: entry.domain,
    mfa: entry.mfa ?? null,
    passwordless: entry.passwordless ?? null,
    documentation: entry.documentation ?? null,
  };
}

/** The date part of a git date (`2026-08-04 18:17:11 -0700` → `2026-08-04`, the committer's day). */
function gitDateDay(commitDate: string): string {
  return commitDate.slice(0, 10);
}

/** A host name usable in a URL (letters, digits, dots, hyphens; punycode for others), or null. */
/** The most answers a {@link memoByDomain} lookup keeps (far more domains than an office has). */
const MEMO_LIMIT = 50_000;

/**
 * A domain lookup that remembers its answers: the checks ask the same immutable catalogue about
 * the same few thousand domains on every run, and host parsing (tldts) dominates the asking.
 * Forgets everything when full, so memory stays bounded whatever it is asked.
 */
function memoByDomain<T>(lookup: (domain: string) => T): (domain: string) => T {
  const answers = new Map<string, T>();
  return (domain) => {
    if (answers.has(domain)) return answers.get(domain)!;
    const answer = lookup(domain);
    if (answers.size >= MEMO_LIMIT) answers.clear();
    answers.set(domain, answer);
    return answer;
  };
}

function safeHost(input: string): string | null {
  const host = normalizeHost(input);
  if (host === '' || /[/?#@:\\\s]/.test(host)) return null;
  try {
    const hostname = new URL(`https://${host}/`).hostname;
    return /^[a-z0-9.-]+$/.test(hostname) ? hostname : null;
  } catch {
    return null;
  }
}

/**
 * Builds the catalogue from the parsed files. Every index is built here, once; each lookup is a few
 * Map reads.
 */
export function buildCatalogue(files: DatasetFiles, options: CatalogueOptions = {}): Catalogue {
  const breaches = mergeBreaches(files.breaches, files.breachesSupplement);
  const loginGroups = buildLoginGroups(files.sharedCredentials);

  const byName = new Map(breaches.map((breach) => [breach.name, breach]));
  const directBreaches = new Map<string, Breach[]>();
  for (const breach of breaches) {
    if (!breach.domain) continue;
    const list = directBreaches.get(breach.domain);
    if (list) list.push(breach);
    else directBreaches.set(breach.domain, [breach]);
  }
  const breachesByKey = new Map<string, readonly Breach[]>();
  for (const [domain, list] of directBreaches)
    breachesByKey.set(domain, [...list].sort(byBreachDateDescending));
  for (const members of new Set(loginGroups.values())) {
    const union = members.flatMap((member) => directBreaches.get(member) ?? []);
    if (union.length === 0) continue;
    const sorted = [...new Set(union)].sort(byBreachDateDescending);
    for (const member of members) breachesByKey.set(member, sorted);
  }

  // Built on the first search: most catalogue users (the checks) never search.
  let searchIndex: { breach: Breach; keys: string[] }[] | null = null;
  let recentFirst: Breach[] | null = null;

  const twoFactor = createDirectoryLookup(
    indexDirectory(files.twoFactor.entries, toTwoFactorInfo, (info) => info.methods.length),
    loginGroups,
  );
  const passkeys = createDirectoryLookup(
    indexDirectory(
      files.passkeys.entries,
      toPasskeyInfo,
      (info) => Number(info.passwordless !== null) + Number(info.mfa !== null),
    ),
    loginGroups,
  );

  const passwordPages = new Map(Object.entries(files.changePasswordUrls));
  // Per registrable domain: its own entry, else the first host under it (`news.google.com`).
  const passwordPagesByRegistrable = new Map<string, string>();
  for (const [host, url] of passwordPages) {
    const registrable = indexKeyOfKnownHost(host);
    if (registrable && (registrable === host || !passwordPagesByRegistrable.has(registrable))) {
      passwordPagesByRegistrable.set(registrable, url);
    }
  }

  const families = buildFamilyIndex(files.accountFamilies);
  const breachesOfFamily = new Map<string, Breach[]>();
  for (const breach of breaches) {
    if (!breach.listedDomain) continue;
    for (const family of families.atExactly(breach.listedDomain)) {
      const list = breachesOfFamily.get(family.id);
      if (list) list.push(breach);
      else breachesOfFamily.set(family.id, [breach]);
    }
  }
  for (const list of breachesOfFamily.values()) list.sort(byBreachDateDescending);

  const latestAdded = breaches.reduce<string | null>(
    (latest, breach) => (latest === null || breach.addedDate > latest ? breach.addedDate : latest),
    null,
  );
  const appleDate = options.appleQuirksDate ?? APPLE_QUIRKS_SNAPSHOT_DATE;
  const datasetDates: DatasetDates = {
    breaches: latestAdded ? latestAdded.slice(0, 10) : null,
    twoFactor: gitDateDay(files.twoFactor.commit_date),
    passkeys: gitDateDay(files.passkeys.commit_date),
    changePasswordUrls: appleDate,
    sharedCredentials: appleDate,
    accountFamilies: files.accountFamilies.reviewedOn,
  };

  const sameLogin = (domain: string): readonly string[] => {
    const registrable = toRegistrableDomain(domain);
    const members = registrable ? loginGroups.get(registrable) : undefined;
    return members ? members.filter((member) => member !== registrable) : [];
  };

  return {
    breaches,
    datasetDates,
    breach: (name) => byName.get(name) ?? null,
    breachesByDomain: memoByDomain((domain) => {
      const registrable = toRegistrableDomain(domain);
      return (registrable && breachesByKey.get(registrable)) || [];
    }),
    searchBreaches(text, limit = 20) {
      const max = Math.max(0, Math.floor(limit));
      const query = fold(text);
      if (query === '') {
        recentFirst ??= [...breaches].sort((a, b) =>
          a.addedDate < b.addedDate ? 1 : a.addedDate > b.addedDate ? -1 : compareText(a.name, b.name),
        );
        return recentFirst.slice(0, max);
      }
      searchIndex ??= breaches.map((breach) => ({
        breach,
        keys: [fold(breach.name), fold(breach.title), breach.domain ?? '', breach.listedDomain ?? ''].filter(
          Boolean,
        ),
      }));
      const hits: { breach: Breach; tier: number }[] = [];
      for (const { breach, keys } of searchIndex) {
        let tier = 4;
        for (const key of keys) {
          if (key === query) tier = Math.min(tier, 0);
          else if (key.startsWith(query)) tier = Math.min(tier, 1);
          else if (key.includes(` ${query}`) || key.includes(`.${query}`)) tier = Math.min(tier, 2);
          else if (key.includes(query)) tier = Math.min(tier, 3);
        }
        if (tier < 4) hits.push({ breach, tier });
      }
      hits.sort((a, b) => a.tier - b.tier || compareText(a.breach.name, b.breach.name));
      return hits.slice(0, max).map((hit) => hit.breach);
    },
    twoFactor,
    passkeys,
    changePasswordUrl: memoByDomain((domain) => {
      const host = safeHost(domain);
      if (!host) return null;
      const { hosts, registrable } = lookupKeys(host);
      for (const candidate of hosts) {
        const url = passwordPages.get(candidate);
        if (url) return url;
      }
      if (registrable) {
        const url = passwordPagesByRegistrable.get(registrable);
        if (url) return url;
        for (const member of sameLogin(registrable)) {
          const viaGroup = passwordPages.get(member) ?? passwordPagesByRegistrable.get(member);
          if (viaGroup) return viaGroup;
        }
      }
      return `https://${host}/.well-known/change-password`;
    }),
    sameLoginDomains: sameLogin,
    families,
    familyBreaches: (familyId) => breachesOfFamily.get(familyId) ?? [],
  };
}
