/**
 * Which catalogue Lockstep's words come from — English, or the pseudo-locale of tests — and the
 * pseudo-locale itself. Kept apart from `./format` (which compiles ICU messages with
 * intl-messageformat) so that text read without compiling, such as the command line's `--help`,
 * follows the same choice at little cost.
 */

/** The catalogues that exist: English, and the pseudo-locale used by tests. */
export type MessageLocale = 'en' | 'pseudo';

let activeLocale: MessageLocale = 'en';

/**
 * Chooses the catalogue every later `format` call uses. Only tests, the e2e harness and
 * `LOCKSTEP_PSEUDO_LOCALE=1` pick `'pseudo'`; people always see English.
 */
export function setMessageLocale(locale: MessageLocale): void {
  activeLocale = locale;
}

/** The catalogue in use. */
export function messageLocale(): MessageLocale {
  return activeLocale;
}

/**
 * The catalogue a process was asked for in its environment: `'pseudo'` when
 * `LOCKSTEP_PSEUDO_LOCALE` is `1`, else English. The composition roots (the app's main process,
 * the command line) pass it to {@link setMessageLocale} at start.
 */
export function messageLocaleFromEnv(env: Readonly<Record<string, string | undefined>>): MessageLocale {
  return env.LOCKSTEP_PSEUDO_LOCALE === '1' ? 'pseudo' : 'en';
}

/**
 * In the pseudo-locale, values are fenced with these (never in real text) while a message is
 * formatted, so only the catalogue's own words are pseudo-localised.
 */
export const OPEN = '\u0001';
/** The end of a fenced value (see {@link OPEN}). */
export const CLOSE = '\u0002';

const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
};

/** `text` with every ASCII letter accented ("Settings" → "Šéţţîñĝš"). */
export function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => ACCENTED[letter] ?? letter);
}

/**
 * The pseudo-locale form of a formatted message: letters outside fenced values accented, the
 * text padded ~40 % with `~`, the whole in brackets. Fences are removed; fenced text is kept.
 * Exported for tests of the pseudo-locale itself.
 */
export function pseudoLocalise(text: string): string {
  let out = '';
  let ownLength = 0;
  let inValue = false;
  for (const char of text) {
    if (char === OPEN) inValue = true;
    else if (char === CLOSE) inValue = false;
    else if (inValue) out += char;
    else {
      out += accent(char);
      ownLength += 1;
    }
  }
  if (ownLength === 0) return out;
  return `[${out}${'~'.repeat(Math.max(1, Math.ceil(ownLength * 0.4)))}]`;
}
