// Deterministic synthetic Bitwarden CSV exports for the import benchmark.
//
//   npx tsx bench/generateExport.ts N OUT [--seed S]
//
// Writes OUT (the CSV) and OUT.stats.json (the exact facts of what was written, counted from the
// rows themselves, not from the target ratios). The same N and seed give byte-identical output.
//
// Row mix (targets; the stats say what landed):
//   N login rows, every one with a password, plus about 1% secure notes (type "note", skipped);
//   of the logins: ~30% take a password from a shared pool (reuse), ~10% one of the first 10,000
//   lines of electron/data/ncsc-top100k-passwords.txt, the rest a fresh random password (generator
//   strings, passphrases or "human" word+digits+symbol); ~15% carry a TOTP otpauth:// URI;
//   ~3% are a second account on an earlier site, ~1% repeat an earlier site and user name exactly
//   (the import keeps the first); URLs are mostly https, some http, bare, Android app or absent.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from '../electron/testing/random';

export const BITWARDEN_HEADER = [
  'folder',
  'favorite',
  'type',
  'name',
  'notes',
  'fields',
  'reprompt',
  'login_uri',
  'login_username',
  'login_password',
  'login_totp',
] as const;

export const DEFAULT_SEED = 0x10c5_7e9;
/** How many lines of the NCSC list the "common password" rows draw from. */
export const COMMON_LINES = 10_000;

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const COMMON_PASSWORDS_PATH = join(REPO_ROOT, 'electron/data/ncsc-top100k-passwords.txt');

/** The facts of one generated export. */
export interface ExportStats {
  seed: number;
  /** Data rows in the CSV (logins and notes). */
  rows: number;
  /** Login rows, all with a password (what the import reads as entries). */
  logins: number;
  /** Secure-note rows (the import skips them). */
  secureNotes: number;
  /** Logins repeating an earlier login's site and user name (the import skips them). */
  duplicateLogins: number;
  /** Logins with a distinct site + user name: the accounts an import into an empty database creates. */
  expectedCreated: number;
  /** Logins with a TOTP URI. */
  withTotp: number;
  /** Logins whose password was drawn from the reuse pool. */
  fromReusePool: number;
  /** Logins whose password was drawn from the common-password list. */
  fromCommonList: number;
  /** Logins with a fresh random password. */
  fresh: number;
  /** Among the accounts the import creates: distinct password strings. */
  distinctPasswords: number;
  /** Among the accounts the import creates: accounts sharing their password with another one. */
  accountsWithReusedPassword: number;
  bytes: number;
}

export interface GeneratedExport {
  csv: string;
  stats: ExportStats;
}

export { mulberry32 };

/** The first `limit` non-empty lines of the bundled NCSC list, read from the repository. */
export function loadCommonPasswords(limit = COMMON_LINES, path = COMMON_PASSWORDS_PATH): string[] {
  const lines: string[] = [];
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    if (line === '') continue;
    lines.push(line);
    if (lines.length >= limit) break;
  }
  return lines;
}

const SYLLABLES = (
  'ba be bo ca co da de di fa fi ga go ka ki la le li lo lu ma me mi mo na ne no pa pi po ra re ' +
  'ri ro sa se si ta te ti to va ve vi xa za zo tor lin mar ven sol tec net pay hub box ly fy ' +
  'ster io'
).split(' ');
// Suffixes tldts knows as public (ICANN) suffixes, so the registrable domain is `label.tld`.
const TLDS = 'com com com com net org io co.uk de fr nl com.au app dev ch se co'.split(' ');
/** What follows the name of a service: often nothing. */
const SERVICE_KINDS = [
  ...['', '', '', ''],
  ...'Bank Mail Cloud Shop Travel Games Health Energy Insurance Social TV Music Forum Pay'
    .split(' ')
    .map((kind) => ` ${kind}`),
];
const LOGIN_PATHS = ['/', '/login', '/signin', '/account', '/users/sign_in', '/auth/login?next=%2Fhome'];
const FOLDERS = [
  '',
  '',
  '',
  '',
  'Work',
  'Personal',
  'Finance',
  'Shopping',
  'Social, media',
  'Family "shared"',
];
const WORDS = (
  'summer winter autumn spring kestrel falcon tiger panda dolphin otter maple willow cedar ' +
  'river ocean harbor meadow canyon glacier thunder rocket galaxy pepper mango cherry lemon ' +
  'coffee biscuit pancake waffle arsenal chelsea liverpool yankees lakers barcelona football ' +
  'hockey tennis guitar piano violin jazz disco marble copper silver golden purple orange ' +
  'crimson emerald sapphire phoenix dragon wizard ninja pirate shadow bailey charlie buster max ' +
  'luna bella daisy oscar milo ruby london paris berlin madrid dublin oslo vienna lisbon sydney ' +
  'toronto monday friday holiday sunset sunrise moonlight starlight rainbow blossom castle ' +
  'garden cottage village island mountain forest desert valley'
).split(' ');
const FIRST_NAMES = (
  'alex sam jordan taylor morgan casey jamie robin chris pat lee kim dana drew ellis frankie ' +
  'harper quinn reese sky'
).split(' ');
const LAST_NAMES = (
  'morgan smith jones garcia muller rossi dubois jansen novak silva kowalski nakamura okafor ' +
  'larsen murphy cohen schmidt fischer martin'
).split(' ');
/** The export owner's usual addresses: most accounts use one of these. */
const OWNER_EMAILS = [
  'alex.morgan@example.com',
  'alexmorgan77@example.org',
  'a.morgan@work.example.net',
  'alex+shopping@example.com',
];
const SYMBOLS = '!@#$%&*?_-.';
const STRONG_CHARSET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%^&*';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

interface Site {
  label: string;
  /** The registrable domain the import derives from any of this site's URLs. */
  domain: string;
  tld: string;
  service: string;
}

interface Login {
  folder: string;
  favorite: boolean;
  name: string;
  notes: string;
  fields: string;
  uri: string;
  username: string;
  password: string;
  totp: string;
  /** What the import matches accounts on: the registrable domain, else the name (lower case). */
  site: string;
}

export interface GenerateOptions {
  /** Login rows. */
  entries: number;
  seed?: number;
  /** Lines of the common-password list; default: the first 10,000 of the bundled NCSC list. */
  commonPasswords?: readonly string[];
}

/** Generates a Bitwarden CSV export (papaparse-style: CRLF, quotes only where needed, no final newline). */
export function generateBitwardenExport(options: GenerateOptions): GeneratedExport {
  const entries = Math.max(0, Math.floor(options.entries));
  const seed = options.seed ?? DEFAULT_SEED;
  const common = options.commonPasswords ?? loadCommonPasswords();
  if (common.length === 0) throw new Error('The common-password list is empty.');
  const random = mulberry32(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const chance = (p: number) => random() < p;
  const digits = (min: number, max: number) => {
    let out = '';
    const length = min + int(max - min + 1);
    for (let i = 0; i < length; i += 1) out += String(int(10));
    return out;
  };
  const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

  // Labels are unique (not just label + TLD), so no two sites share a name or a domain.
  const usedLabels = new Set<string>();
  const newSite = (): Site => {
    for (;;) {
      let label = '';
      const syllables = 2 + int(2) + (chance(0.15) ? 1 : 0);
      for (let i = 0; i < syllables; i += 1) label += pick(SYLLABLES);
      if (usedLabels.has(label)) continue;
      usedLabels.add(label);
      const tld = pick(TLDS);
      return { label, domain: `${label}.${tld}`, tld, service: `${capitalise(label)}${pick(SERVICE_KINDS)}` };
    }
  };

  const humanPassword = (): string => {
    let word = pick(WORDS);
    if (chance(0.5)) word = capitalise(word);
    if (chance(0.15)) word = word.replace(/a/g, '@').replace(/o/g, '0');
    if (chance(0.2)) word += capitalise(pick(WORDS));
    const year = chance(0.4) ? String(1960 + int(65)) : digits(1, 4);
    return `${word}${year}${chance(0.6) ? pick([...SYMBOLS]) : ''}`;
  };
  const strongPassword = (): string => {
    let out = '';
    const length = 14 + int(11);
    for (let i = 0; i < length; i += 1) out += STRONG_CHARSET[int(STRONG_CHARSET.length)]!;
    return out;
  };
  const passphrase = (): string => {
    const words = Array.from({ length: 3 + int(2) }, () => pick(WORDS));
    return `${words.map((w, i) => (i === 0 ? capitalise(w) : w)).join(pick(['-', '.', ' ', '_']))}${digits(1, 1)}`;
  };
  const freshPassword = (): string => {
    const roll = random();
    if (roll < 0.4) return strongPassword();
    if (roll < 0.55) return passphrase();
    return humanPassword();
  };
  const totpUri = (service: string, username: string): string => {
    let secret = '';
    for (let i = 0; i < 32; i += 1) secret += BASE32[int(BASE32.length)]!;
    const issuer = encodeURIComponent(service);
    return `otpauth://totp/${issuer}:${encodeURIComponent(username)}?secret=${secret}&issuer=${issuer}`;
  };
  const username = (site: Site): string => {
    const roll = random();
    if (roll < 0.7) return pick(OWNER_EMAILS);
    if (roll < 0.85) return `${pick(WORDS)}${pick(['_', '.', ''])}${pick(FIRST_NAMES)}${digits(0, 3)}`;
    if (roll < 0.95) return `${pick(FIRST_NAMES)}.${pick(LAST_NAMES)}${digits(0, 2)}@example.org`;
    return `${site.label}-${digits(4, 6)}`;
  };
  /** The URI cell and the site key the import will use for it. */
  const uriOf = (site: Site): { uri: string; site: string } => {
    const roll = random();
    if (roll < 0.02) return { uri: '', site: site.service.toLowerCase() };
    if (roll < 0.04 && site.tld === 'com')
      return { uri: `androidapp://com.${site.label}.mobile`, site: site.domain };
    if (roll < 0.09) return { uri: `http://${site.domain}${pick(LOGIN_PATHS)}`, site: site.domain };
    if (roll < 0.12) return { uri: site.domain, site: site.domain };
    const host = pick(['', '', 'www.', 'www.', 'accounts.', 'login.', 'my.']);
    let uri = `https://${host}${site.domain}${pick(LOGIN_PATHS)}`;
    if (chance(0.05)) uri += `,https://m.${site.domain}/`;
    return { uri, site: site.domain };
  };
  const noteText = (): string =>
    pick([
      'Security questions: first pet, "Biscuit"; street, Elm Road',
      'Account no. 4411-2093\nBranch: Harbor St, suite 4',
      'Shared with family, ask before changing',
      ' leading and trailing spaces ',
      'Recovery codes are in the safe.\r\nRenew by March, 2027.',
    ]);

  // Passwords several accounts share: mostly "human" ones, a few strong (copied between sites).
  const pool = Array.from({ length: Math.max(20, Math.round(entries / 40)) }, () =>
    chance(0.8) ? humanPassword() : strongPassword(),
  );

  const sites: Site[] = [];
  const usersBySite = new Map<Site, Set<string>>();
  const logins: Login[] = [];
  let fromReusePool = 0;
  let fromCommonList = 0;
  let fresh = 0;
  for (let i = 0; i < entries; i += 1) {
    const roll = random();
    let login: Login;
    if (roll < 0.01 && logins.length > 0) {
      // An exact copy of an earlier login's name, address and user name (an entry saved twice):
      // the import keeps the first.
      const earlier = logins[int(logins.length)]!;
      login = { ...earlier, folder: pick(FOLDERS), notes: '', totp: '', password: '' };
    } else {
      const site = roll < 0.04 && sites.length > 0 ? sites[int(sites.length)]! : newSite();
      if (!sites.includes(site)) sites.push(site);
      // A second account on a site always has another user name, so it is a new account however
      // the import tells sites apart (by domain, name or host); only the exact copies above repeat.
      const usersHere = usersBySite.get(site) ?? new Set<string>();
      usersBySite.set(site, usersHere);
      let user = username(site);
      for (let attempt = 0; usersHere.has(user.toLowerCase()); attempt += 1) {
        user = attempt < 10 ? username(site) : `${site.label}-${attempt}`;
      }
      usersHere.add(user.toLowerCase());
      const uri = uriOf(site);
      login = {
        folder: pick(FOLDERS),
        favorite: chance(0.05),
        name: uri.uri === '' ? site.service : chance(0.9) ? site.service : '',
        notes: chance(0.05) ? noteText() : '',
        fields: chance(0.03) ? `PIN: ${digits(4, 4)}` : '',
        uri: uri.uri,
        username: user,
        password: '',
        totp: '',
        site: uri.site,
      };
    }
    login.totp = chance(0.15) ? totpUri(login.name || login.site, login.username) : '';
    const source = random();
    if (source < 0.3) {
      login.password = pool[Math.floor(pool.length * random() ** 1.5)]!;
      fromReusePool += 1;
    } else if (source < 0.4) {
      login.password = common[Math.floor(common.length * random() ** 2)]!;
      fromCommonList += 1;
    } else {
      login.password = freshPassword();
      fresh += 1;
    }
    logins.push(login);
  }

  // What the import will do with these rows: the first login per (site, user name) is kept.
  const seen = new Set<string>();
  const passwordUses = new Map<string, number>();
  let duplicateLogins = 0;
  let withTotp = 0;
  for (const login of logins) {
    if (login.totp !== '') withTotp += 1;
    const key = `${login.site.trim().toLowerCase()}\0${login.username.trim().toLowerCase()}`;
    if (seen.has(key)) {
      duplicateLogins += 1;
      continue;
    }
    seen.add(key);
    passwordUses.set(login.password, (passwordUses.get(login.password) ?? 0) + 1);
  }
  let accountsWithReusedPassword = 0;
  for (const uses of passwordUses.values()) if (uses > 1) accountsWithReusedPassword += uses;

  // Secure notes (~1%, at least 3) spread through the file.
  const noteCount = entries === 0 ? 0 : Math.max(3, Math.round(entries / 100));
  const notePositions = new Set<number>();
  while (notePositions.size < noteCount) notePositions.add(int(entries + noteCount));

  const lines: string[] = [BITWARDEN_HEADER.join(',')];
  let next = 0;
  for (let position = 0; position < entries + noteCount; position += 1) {
    if (notePositions.has(position)) {
      lines.push(
        csvRow([
          pick(FOLDERS),
          '',
          'note',
          pick(['Wi-Fi', 'Passport', 'Alarm code', 'Locker']),
          noteText(),
          '',
          '0',
          '',
          '',
          '',
          '',
        ]),
      );
      continue;
    }
    const login = logins[next++]!;
    lines.push(
      csvRow([
        login.folder,
        login.favorite ? '1' : '',
        'login',
        login.name,
        login.notes,
        login.fields,
        '0',
        login.uri,
        login.username,
        login.password,
        login.totp,
      ]),
    );
  }
  const csv = lines.join('\r\n');
  return {
    csv,
    stats: {
      seed,
      rows: entries + noteCount,
      logins: entries,
      secureNotes: noteCount,
      duplicateLogins,
      expectedCreated: seen.size,
      withTotp,
      fromReusePool,
      fromCommonList,
      fresh,
      distinctPasswords: passwordUses.size,
      accountsWithReusedPassword,
      bytes: Buffer.byteLength(csv, 'utf8'),
    },
  };
}

/** One CSV line as papaparse's unparse writes it: a value is quoted only when it has to be. */
export function csvRow(values: readonly string[]): string {
  return values
    .map((value) =>
      /[",\r\n\uFEFF]/.test(value) || value.startsWith(' ') || value.endsWith(' ')
        ? `"${value.replace(/"/g, '""')}"`
        : value,
    )
    .join(',');
}

/** Generates an export and writes it to `out`, with its stats in `out.stats.json`. */
export function writeBitwardenExport(entries: number, out: string, seed = DEFAULT_SEED): ExportStats {
  const { csv, stats } = generateBitwardenExport({ entries, seed });
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, csv);
  writeFileSync(`${out}.stats.json`, `${JSON.stringify(stats, null, 2)}\n`);
  return stats;
}

function cli(argv: string[]): number {
  const seedAt = argv.indexOf('--seed');
  const seed = seedAt === -1 ? DEFAULT_SEED : Number(argv[seedAt + 1]);
  const positionals = seedAt === -1 ? argv : argv.filter((_, i) => i !== seedAt && i !== seedAt + 1);
  const [count, out] = positionals;
  const entries = Number(count);
  if (!out || !Number.isInteger(entries) || entries < 0 || !Number.isInteger(seed)) {
    process.stderr.write('Usage: npx tsx bench/generateExport.ts N OUT [--seed S]\n');
    return 2;
  }
  const stats = writeBitwardenExport(entries, out, seed);
  process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = cli(process.argv.slice(2));
}
