// A deterministic sample of distinct passwords, each with the user inputs an import would give it
// (service name, user name, the address's local part, domain, domain label — as importService's
// userInputsOf builds them), for the `scoring` benchmark. The same size and seed give the same sample.
import { COMMON_PASSWORDS_PATH, loadCommonPasswords, mulberry32 } from './generateExport';

/** What kind of password a sample entry is (the benchmark reports agreement per kind). */
export type SampleCategory =
  | 'generated-random'
  | 'generated-passphrase'
  | 'human-word-digits'
  | 'human-name-year'
  | 'human-keyboard'
  | 'human-l33t'
  | 'human-own-words'
  | 'leaked'
  | 'leaked-mutated';

/** Each category's share of the sample. */
export const CATEGORY_SHARES: Readonly<Record<SampleCategory, number>> = {
  'generated-random': 0.15,
  'generated-passphrase': 0.1,
  'human-word-digits': 0.15,
  'human-name-year': 0.1,
  'human-keyboard': 0.05,
  'human-l33t': 0.1,
  'human-own-words': 0.05,
  leaked: 0.15,
  'leaked-mutated': 0.15,
};

export interface SampleEntry {
  index: number;
  category: SampleCategory;
  password: string;
  userInputs: string[];
}

export const DEFAULT_SAMPLE_SEED = 0x5c0_2e5;

const WORDS = (
  'summer winter autumn spring kestrel falcon tiger panda dolphin otter maple willow cedar river ' +
  'ocean harbor meadow canyon glacier thunder rocket galaxy pepper mango cherry lemon coffee ' +
  'biscuit pancake waffle arsenal chelsea liverpool yankees lakers barcelona football hockey tennis ' +
  'guitar piano violin jazz disco marble copper silver golden purple orange crimson emerald ' +
  'sapphire phoenix dragon wizard ninja pirate shadow monkey master dolphin sunshine princess ' +
  'welcome freedom whatever trustno iloveyou letmein starwars batman superman pokemon minecraft ' +
  'castle garden cottage village island mountain forest desert valley london paris berlin madrid ' +
  'dublin oslo vienna lisbon sydney toronto monday friday holiday sunset sunrise moonlight ' +
  'starlight rainbow blossom butterfly chocolate cookie banana apple orange tomato potato carrot ' +
  'bread butter cheese pizza pasta rocket planet comet meteor nebula quasar pulsar engine turbo ' +
  'diesel harley ferrari porsche mustang camaro corvette jaguar falcon eagle hawk raven sparrow'
).split(' ');
const FIRST_NAMES = (
  'alex sam jordan taylor morgan casey jamie robin chris pat lee kim dana drew ellis frankie harper ' +
  'quinn reese sky michael jessica ashley jennifer daniel matthew andrew joshua david sarah emily ' +
  'hannah olivia sophie lucas noah liam emma mia charlotte amelia oliver jack harry george'
).split(' ');
const LAST_NAMES = (
  'morgan smith jones garcia muller rossi dubois jansen novak silva kowalski nakamura okafor larsen ' +
  'murphy cohen schmidt fischer martin brown wilson taylor johnson williams anderson thomas'
).split(' ');
const KEYBOARD_WALKS = [
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'asdfghjkl',
  'zxcvbn',
  'zxcvbnm',
  '1qaz2wsx',
  '1qaz2wsx3edc',
  'qazwsx',
  '!qaz@wsx',
  'qweasd',
  'qweasdzxc',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'zaq12wsx',
  'poiuytrewq',
  'mnbvcxz',
  '147258369',
  '123qwe',
  'qwe123',
  'asd123',
  '!@#$%^',
  '1234qwer',
  'qwer1234',
  'wsxedc',
  'yxcvbnm',
  'azerty',
  'qwertz',
  '741852963',
];
const L33T: Record<string, string[]> = {
  a: ['4', '@'],
  b: ['8'],
  e: ['3'],
  g: ['9', '6'],
  i: ['1', '!'],
  l: ['1', '|'],
  o: ['0'],
  s: ['$', '5'],
  t: ['7', '+'],
  z: ['2'],
};
const SYLLABLES = (
  'ba be bo ca co da de di fa fi ga go ka ki la le li lo lu ma me mi mo na ne no pa pi po ra re ri ' +
  'ro sa se si ta te ti to va ve vi xa za zo tor lin mar ven sol tec net pay hub box ly fy ster io'
).split(' ');
const REAL_SERVICES: [name: string, domain: string][] = [
  ['LinkedIn', 'linkedin.com'],
  ['Dropbox', 'dropbox.com'],
  ['Adobe', 'adobe.com'],
  ['Netflix', 'netflix.com'],
  ['Spotify', 'spotify.com'],
  ['GitHub', 'github.com'],
  ['Amazon', 'amazon.co.uk'],
  ['PayPal', 'paypal.com'],
  ['Nordea Bank', 'nordea.fi'],
  ['Steam', 'steampowered.com'],
  ['Outlook', 'live.com'],
  ['Twitter', 'x.com'],
];
const TLDS = 'com com com net org io co.uk de fr nl com.au app dev'.split(' ');
const SYMBOLS = [...'!@#$%&*?_-.'];
const RANDOM_CHARSETS = [
  'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%^&*',
  'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  '0123456789abcdef',
  'abcdefghijklmnopqrstuvwxyz0123456789',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
];

export interface SampleOptions {
  size: number;
  seed?: number;
  /** Lines of the common-password list (default: all 100,000 of the bundled NCSC list). */
  commonPasswords?: readonly string[];
}

/** Builds `size` distinct passwords, shuffled, each with its account's user inputs. */
export function buildScoringSample(options: SampleOptions): SampleEntry[] {
  const size = Math.max(0, Math.floor(options.size));
  const random = mulberry32(options.seed ?? DEFAULT_SAMPLE_SEED);
  const common = options.commonPasswords ?? loadCommonPasswords(100_000, COMMON_PASSWORDS_PATH);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const chance = (p: number) => random() < p;
  const digits = (min: number, max: number) => {
    let out = '';
    for (let i = min + int(max - min + 1); i > 0; i -= 1) out += String(int(10));
    return out;
  };
  const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  const year = () => String(chance(0.8) ? 1950 + int(75) : int(100)).padStart(2, '0');
  const l33tify = (word: string, p: number) =>
    [...word].map((c) => (L33T[c] && chance(p) ? pick(L33T[c]!) : c)).join('');
  const reverse = (text: string) => [...text].reverse().join('');

  /** An account: what the import would pass as user inputs, and the words themselves. */
  const account = () => {
    let service: string;
    let domain: string;
    if (chance(0.3)) [service, domain] = pick(REAL_SERVICES);
    else {
      let label = '';
      for (let i = 2 + int(2); i > 0; i -= 1) label += pick(SYLLABLES);
      service = capitalise(label) + pick(['', '', ' Mail', ' Bank', ' Shop', ' Cloud']);
      domain = `${label}.${pick(TLDS)}`;
    }
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const roll = random();
    const username =
      roll < 0.5
        ? `${first}.${last}${chance(0.3) ? digits(2, 2) : ''}@example.com`
        : roll < 0.8
          ? `${first}${pick(['_', '.', ''])}${pick(WORDS)}${digits(0, 3)}`
          : `${first}${last}${digits(0, 2)}@mail.example.org`;
    const inputs = [service, username, username.split('@')[0] ?? '', domain, domain.split('.')[0] ?? ''];
    const userInputs = [...new Set(inputs.map((s) => s.trim()).filter((s) => s.length > 0))];
    return { userInputs, service, domain, username, first, last };
  };

  const leaked = () => common[Math.floor(common.length * random() ** 2.5)]!;
  const mutate = (base: string): string => {
    switch (int(8)) {
      case 0:
        return capitalise(base);
      case 1:
        return base + digits(1, 2);
      case 2:
        return base + pick(SYMBOLS);
      case 3:
        return capitalise(base) + year() + (chance(0.5) ? pick(SYMBOLS) : '');
      case 4:
        return l33tify(base, 0.5);
      case 5:
        return reverse(base);
      case 6:
        return base + base.slice(0, Math.min(4, base.length));
      default:
        return base.toUpperCase() + digits(1, 1);
    }
  };

  const generators: Record<SampleCategory, (who: ReturnType<typeof account>) => string> = {
    'generated-random': () => {
      const charset = pick(RANDOM_CHARSETS);
      let out = '';
      for (let i = 10 + int(15); i > 0; i -= 1) out += charset[int(charset.length)]!;
      return out;
    },
    'generated-passphrase': () => {
      const words = Array.from({ length: 3 + int(4) }, () => pick(WORDS));
      const separator = pick(['-', '.', ' ', '_', '']);
      return (
        words.map((w, i) => (i === 0 && chance(0.5) ? capitalise(w) : w)).join(separator) +
        (chance(0.5) ? digits(1, 2) : '')
      );
    },
    'human-word-digits': () => {
      let word = pick(WORDS);
      if (chance(0.5)) word = capitalise(word);
      if (chance(0.25)) word += capitalise(pick(WORDS));
      return `${word}${chance(0.5) ? year() : digits(1, 4)}${chance(0.6) ? pick(SYMBOLS) : ''}`;
    },
    'human-name-year': (who) => {
      const name = pick([who.first, who.last, pick(FIRST_NAMES), `${pick(FIRST_NAMES)}${pick(LAST_NAMES)}`]);
      const date = pick([year(), `${digits(2, 2)}${year()}`, `${1 + int(28)}${1 + int(12)}${year()}`]);
      return `${chance(0.5) ? capitalise(name) : name}${pick(['', '', '.', '_', '-'])}${date}${chance(0.3) ? pick(SYMBOLS) : ''}`;
    },
    'human-keyboard': () => {
      let walk = pick(KEYBOARD_WALKS);
      if (chance(0.3)) walk = capitalise(walk);
      if (chance(0.3)) walk += pick(KEYBOARD_WALKS);
      return walk + (chance(0.5) ? digits(1, 3) : '') + (chance(0.3) ? pick(SYMBOLS) : '');
    },
    'human-l33t': () => {
      let word = l33tify(pick(WORDS), 0.7);
      if (chance(0.3)) word += l33tify(pick(WORDS), 0.5);
      if (chance(0.4)) word = capitalise(word);
      return word + (chance(0.7) ? digits(1, 4) : '') + (chance(0.5) ? pick(SYMBOLS) : '');
    },
    'human-own-words': (who) => {
      // The account's own words: zxcvbn must score these with the user inputs.
      const own = pick([
        who.service.split(' ')[0]!,
        who.domain.split('.')[0]!,
        who.username.split('@')[0]!.replace(/[._]/g, ''),
        who.first,
      ]).toLowerCase();
      const shaped = pick([own, capitalise(own), l33tify(own, 0.6), reverse(own), own.toUpperCase()]);
      return `${shaped}${chance(0.7) ? digits(1, 4) : ''}${chance(0.5) ? pick(SYMBOLS) : ''}`;
    },
    leaked: () => leaked(),
    'leaked-mutated': () => mutate(leaked()),
  };

  const seen = new Set<string>();
  const entries: SampleEntry[] = [];
  const categories = Object.keys(CATEGORY_SHARES) as SampleCategory[];
  for (const [position, category] of categories.entries()) {
    const target =
      position === categories.length - 1
        ? size - entries.length
        : Math.round(size * CATEGORY_SHARES[category]);
    for (let made = 0, attempts = 0; made < target; attempts += 1) {
      const who = account();
      let password = generators[category](who);
      // Passwords are distinct; a repeat of a leaked one gets a small mutation after a few tries.
      if (seen.has(password) && attempts % 8 === 7) password = mutate(password);
      if (seen.has(password) || password.length === 0) continue;
      seen.add(password);
      entries.push({ index: 0, category, password, userInputs: who.userInputs });
      made += 1;
    }
  }
  // Shuffle (Fisher–Yates), so every chunk of work mixes the kinds, then number them.
  for (let i = entries.length - 1; i > 0; i -= 1) {
    const j = int(i + 1);
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  entries.forEach((entry, index) => (entry.index = index));
  return entries;
}
