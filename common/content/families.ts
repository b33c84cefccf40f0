/**
 * Account families: one sign-in that serves several domains (a Microsoft account at live.com,
 * outlook.com, xbox.com…; a Google Account at gmail.com and youtube.com). The bundled, sourced
 * `account-families.json` (electron/data, see its SOURCES.md) is validated here, and
 * {@link buildFamilyIndex} answers "which families does this account, address or host belong to?".
 * Platform-free: the caller reads the file.
 *
 * How a sign-in finds its family (the rule every check uses):
 * 1. A listed host decides alone. `hosts` are sign-in hosts under a domain the family does not own
 *    (`aws.amazon.com` is an AWS account although amazon.com is Amazon's shop;
 *    `myaccount.microsoft.com` is a work or school account): the host and every host under it
 *    belong to that family only. The longest listed host wins.
 * 2. Otherwise the registrable domain decides: the family that lists it in `domains`, or every
 *    family that lists it in `sharedDomains` (office.com serves personal Microsoft accounts and
 *    work or school accounts alike).
 * 3. A shared domain is narrowed by the account's username: an email address at a domain one of
 *    those families owns (`ann@hotmail.fr`, `ann@contoso.onmicrosoft.com`) picks that family. Any
 *    other username (`ann@contoso.com`) leaves the account in every family sharing the domain — a
 *    notice about either concerns it, deliberately: missing a notice costs more than a spare one.
 *
 * Sharing is declared, never accidental: a domain in one family's `domains` appears in no other
 * family, and a domain in `sharedDomains` is shared by at least two families (checked on load).
 */
import { getDomain } from 'tldts';
import { z } from 'zod';
import { format, says } from '../messages/format';

/** Who signs in with a family: people for themselves, staff of an organisation, or both. */
export const ACCOUNT_FAMILY_KINDS = ['personal', 'work', 'both'] as const;
/** One of {@link ACCOUNT_FAMILY_KINDS}. */
export type AccountFamilyKind = (typeof ACCOUNT_FAMILY_KINDS)[number];

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const hostName = z.string().regex(HOST, says('jsonFile.hostName'));
const familyId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, says('jsonFile.kebabId', { example: 'microsoft-account' }));
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, says('jsonFile.date'));

/** A labelled https link saying where a family's domains come from. */
export const familySourceSchema = z.object({
  label: z.string().min(1),
  url: z.url({ protocol: /^https$/, ...says('jsonFile.httpsUrl') }),
});

/**
 * One family: `domains` it owns (registrable, lower case), `sharedDomains` it shares with other
 * families, `hosts` under other domains that sign in to it, whether it `providesMail` (a mailbox
 * that resets other accounts), and at least one source per family.
 */
export const accountFamilySchema = z.object({
  id: familyId,
  name: z.string().min(1),
  kind: z.enum(ACCOUNT_FAMILY_KINDS),
  providesMail: z.boolean(),
  domains: z.array(hostName).min(1),
  sharedDomains: z.array(hostName).optional(),
  hosts: z.array(hostName).optional(),
  notes: z.string().optional(),
  sources: z.array(familySourceSchema).min(1, says('datasetFile.family.noSource')),
});

/** A family as written in the file. */
export type AccountFamilyRecord = z.infer<typeof accountFamilySchema>;

/**
 * The cross-record rules: unique ids; registrable domains (`google.co.uk`, never `mail.google.com`
 * or a public suffix); hosts strictly below a registrable domain; no domain owned twice or both
 * owned and shared; every shared domain shared by at least two families; no host listed twice.
 */
function familyFileProblems(file: { families: AccountFamilyRecord[] }, context: z.RefinementCtx): void {
  const problem = (path: PropertyKey[], message: string) =>
    context.addIssue({ code: 'custom', message, path: ['families', ...path] });
  const ids = new Set<string>();
  const owners = new Map<string, string[]>();
  const sharers = new Map<string, string[]>();
  const hostOwner = new Map<string, string>();
  const add = (map: Map<string, string[]>, key: string, id: string) =>
    map.set(key, [...(map.get(key) ?? []), id]);
  file.families.forEach((family, index) => {
    if (ids.has(family.id)) problem([index, 'id'], format('datasetFile.family.duplicate', { id: family.id }));
    ids.add(family.id);
    const own = new Set<string>();
    for (const field of ['domains', 'sharedDomains'] as const) {
      (family[field] ?? []).forEach((domain, at) => {
        if (getDomain(domain) !== domain) {
          problem([index, field, at], format('datasetFile.family.notRegistrable', { domain }));
        }
        if (own.has(domain))
          problem([index, field, at], format('datasetFile.family.listedTwice', { domain }));
        own.add(domain);
        add(field === 'domains' ? owners : sharers, domain, family.id);
      });
    }
    (family.hosts ?? []).forEach((host, at) => {
      const registrable = getDomain(host);
      if (!registrable || registrable === host) {
        problem([index, 'hosts', at], format('datasetFile.family.hostNotBelow', { host }));
      }
      const previous = hostOwner.get(host);
      if (previous) {
        problem([index, 'hosts', at], format('datasetFile.family.hostTaken', { host, family: previous }));
      }
      hostOwner.set(host, family.id);
    });
  });
  file.families.forEach((family, index) => {
    family.domains.forEach((domain, at) => {
      const others = [...(owners.get(domain) ?? []), ...(sharers.get(domain) ?? [])].filter(
        (id) => id !== family.id,
      );
      if (others.length > 0) {
        problem(
          [index, 'domains', at],
          format('datasetFile.family.alsoIn', { domain, family: others[0]!, field: 'sharedDomains' }),
        );
      }
    });
    (family.sharedDomains ?? []).forEach((domain, at) => {
      if ((sharers.get(domain) ?? []).length < 2) {
        problem(
          [index, 'sharedDomains', at],
          format('datasetFile.family.sharedAlone', { domain, field: 'domains' }),
        );
      }
    });
  });
}

/** `account-families.json`: `{ version, reviewedOn, families }`, checked as a whole. */
export const accountFamiliesFileSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+$/, says('jsonFile.version')),
    reviewedOn: calendarDate,
    families: z.array(accountFamilySchema),
  })
  .superRefine(familyFileProblems);

/** The account-families file. */
export type AccountFamiliesFile = z.infer<typeof accountFamiliesFileSchema>;

/** A family, as the checks and the app see it. */
export interface AccountFamily {
  readonly id: string;
  readonly name: string;
  readonly kind: AccountFamilyKind;
  readonly providesMail: boolean;
  /** Registrable domains only this family signs in at. */
  readonly domains: readonly string[];
  /** Registrable domains this family shares with others. */
  readonly sharedDomains: readonly string[];
  /** Hosts under other domains that belong to this family alone. */
  readonly hosts: readonly string[];
  readonly notes: string | null;
  readonly sources: readonly { readonly label: string; readonly url: string }[];
}

/** What a finding's evidence says about a family: `{ id, name }`. */
export interface FamilyRef {
  id: string;
  name: string;
}

/** The reference put in evidence. */
export const familyRef = (family: AccountFamily): FamilyRef => ({ id: family.id, name: family.name });

/** A sign-in to resolve: its address (any URL), registrable domain and username. */
export interface FamilyLookup {
  url?: string | null;
  domain: string | null;
  username?: string | null;
}

/** The built index. Lookups accept any case and a trailing dot; results keep the file's order. */
export interface FamilyIndex {
  /** Every family, in file order. */
  readonly families: readonly AccountFamily[];
  /** The file's `reviewedOn` date. */
  readonly reviewedOn: string;
  /** The family with this id, or null. */
  byId(id: string): AccountFamily | null;
  /**
   * The families of a host or domain (rules 1 and 2 of the module comment): a listed host, or a
   * host under one, gives that family alone; else the registrable domain's family, or every family
   * sharing it; else none.
   */
  ofHost(host: string): readonly AccountFamily[];
  /** The families of a sign-in (rules 1–3): its URL's host, else its domain; narrowed by username. */
  ofAccount(account: FamilyLookup): readonly AccountFamily[];
  /** The families of an email address, by the host after its last `@` (rules 1 and 2). */
  ofAddress(address: string): readonly AccountFamily[];
  /**
   * The families whose own domain or listed host is exactly `host` (`www.` ignored): the test for
   * whether a breach listed at that host is a breach of the whole family — a breach of a product at
   * a subdomain (`forums.example.com`) or at another domain is not.
   */
  atExactly(host: string): readonly AccountFamily[];
}

const NONE: readonly AccountFamily[] = Object.freeze([]);

function normalizeHost(input: string): string {
  const host = input.trim().toLowerCase().replace(/\.$/, '');
  return host.startsWith('www.') ? host.slice(4) : host;
}

/**
 * The host of a URL (`scheme://[user@]host[:port]/…`), lower-cased, or null when it has none (an
 * app id, a bare word). A pattern rather than `new URL`: it runs for every account at a domain with
 * listed hosts on every check run, and only compares the result with listed host names.
 */
const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:@]+)/i;
function hostOfUrl(url: string): string | null {
  const host = URL_HOST.exec(url.trim())?.[1];
  return host ? host.toLowerCase() : null;
}

/** Builds the index once; each lookup is a few Map reads (a URL parse only at domains with hosts). */
export function buildFamilyIndex(file: AccountFamiliesFile): FamilyIndex {
  const families: AccountFamily[] = file.families.map((record) => ({
    id: record.id,
    name: record.name,
    kind: record.kind,
    providesMail: record.providesMail,
    domains: [...record.domains],
    sharedDomains: [...(record.sharedDomains ?? [])],
    hosts: [...(record.hosts ?? [])],
    notes: record.notes ?? null,
    sources: record.sources.map((source) => ({ label: source.label, url: source.url })),
  }));
  const byId = new Map(families.map((family) => [family.id, family]));
  const byDomain = new Map<string, AccountFamily[]>();
  const owned = new Map<string, AccountFamily>();
  const byHost = new Map<string, AccountFamily>();
  /** Registrable domains with listed hosts below them: only there is a URL worth parsing. */
  const hostParents = new Set<string>();
  for (const family of families) {
    for (const domain of family.domains) {
      owned.set(domain, family);
      byDomain.set(domain, [family]);
    }
    for (const domain of family.sharedDomains)
      byDomain.set(domain, [...(byDomain.get(domain) ?? []), family]);
    for (const host of family.hosts) {
      byHost.set(host, family);
      const parent = getDomain(host);
      if (parent) hostParents.add(parent);
    }
  }

  /** The listed host equal to `host` or above it, longest first. */
  const hostFamily = (host: string): AccountFamily | undefined => {
    let candidate = host;
    for (;;) {
      const found = byHost.get(candidate);
      if (found) return found;
      const dot = candidate.indexOf('.');
      if (dot === -1) return undefined;
      candidate = candidate.slice(dot + 1);
    }
  };

  const ofHost = (input: string): readonly AccountFamily[] => {
    const host = normalizeHost(input);
    if (host === '') return NONE;
    const direct = byDomain.get(host);
    if (direct) return direct;
    const listed = hostFamily(host);
    if (listed) return [listed];
    const registrable = getDomain(host);
    return (registrable && byDomain.get(registrable)) || NONE;
  };

  /** Rule 3: a shared domain narrowed to the families that own the username's email domain. */
  const narrow = (candidates: readonly AccountFamily[], username: string | null | undefined) => {
    if (candidates.length < 2 || !username) return candidates;
    const at = username.lastIndexOf('@');
    if (at === -1) return candidates;
    const userHost = normalizeHost(username.slice(at + 1));
    const userDomain = owned.has(userHost) ? userHost : getDomain(userHost);
    const family = userDomain ? owned.get(userDomain) : undefined;
    return family && candidates.includes(family) ? [family] : candidates;
  };

  return {
    families,
    reviewedOn: file.reviewedOn,
    byId: (id) => byId.get(id) ?? null,
    ofHost,
    ofAccount({ url, domain, username }) {
      if (!domain) return NONE;
      // An account's domain is already a lower-case registrable domain: normalise only on a miss.
      const registrable = byDomain.has(domain) || hostParents.has(domain) ? domain : normalizeHost(domain);
      if (hostParents.has(registrable) && url) {
        const host = hostOfUrl(url);
        const listed = host ? hostFamily(normalizeHost(host)) : undefined;
        if (listed) return [listed];
      }
      return narrow(byDomain.get(registrable) ?? NONE, username);
    },
    ofAddress(address) {
      const at = address.lastIndexOf('@');
      return at === -1 ? NONE : ofHost(address.slice(at + 1));
    },
    atExactly(input) {
      const host = normalizeHost(input);
      const listed = byHost.get(host);
      if (listed) return [listed];
      return byDomain.get(host) ?? NONE;
    },
  };
}

/** Families in both lists (by id). */
export function sharesFamily(a: readonly AccountFamily[], b: readonly AccountFamily[]): boolean {
  return a.some((family) => b.includes(family));
}
