import punycode from 'punycode/punycode.js';
import { format, formatList } from '../messages/format';
import type { MessageId } from '../messages/en';

/**
 * Names a person can read for identifiers that machines use: an Android app id
 * ("com.instagram.android") and an internationalised domain in its ASCII form
 * ("xn--bcher-kva.ch"). The raw identifier is never shown as a name.
 */

const PACKAGE_ID = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/i;

// Labels of an app id that say what kind of build it is, not what the app is called.
const GENERIC_LABELS = new Set([
  'android',
  'app',
  'apps',
  'mobile',
  'client',
  'lite',
  'free',
  'pro',
  'prod',
  'release',
  'main',
  'phone',
  'tablet',
  'beta',
]);

/** True when `text` has the shape of an Android app id (reverse-DNS: "com.example.app"). */
export function isAndroidAppId(text: string): boolean {
  return PACKAGE_ID.test(text.trim()) && !/\s/.test(text);
}

/**
 * The name to show for an Android app id: the service's own name when `nameOfDomain` knows the
 * domain the id points to ("com.instagram.android" → instagram.com → "Instagram (Android app)"),
 * else a readable name from the id's most telling label ("com.example.fitnesstracker" →
 * "Fitnesstracker (Android app)").
 */
export function androidAppName(
  appId: string,
  nameOfDomain: (domain: string) => string | undefined = () => undefined,
): string {
  const labels = appId.trim().toLowerCase().split('.');
  const domain = labels.length >= 2 ? `${labels[1]}.${labels[0]}` : undefined;
  const known = domain ? nameOfDomain(domain) : undefined;
  if (known) return format('names.androidApp', { name: known });
  // The first label is the reverse-DNS top-level domain ("com"); the app is usually named by the
  // last label that is not a build word, or else by the company label.
  const meaningful = labels.slice(1).filter((label) => !GENERIC_LABELS.has(label));
  const chosen = meaningful.at(-1) ?? labels[1] ?? labels[0] ?? appId;
  const words = chosen
    .split('_')
    .filter((word) => word !== '')
    .map((word) => word[0]!.toUpperCase() + word.slice(1));
  return format('names.androidApp', { name: words.join(' ') });
}

/**
 * The name to show for a service name as stored: an Android app id becomes the app's name (see
 * {@link androidAppName}); an ASCII-encoded international domain becomes its Unicode form;
 * anything else is kept.
 */
export function readableServiceName(
  name: string,
  nameOfDomain?: (domain: string) => string | undefined,
): string {
  if (looksLikeAppId(name)) return androidAppName(name, nameOfDomain);
  if (/(^|\.)xn--/i.test(name)) return unicodeDomain(name);
  return name;
}

// "accounts.google.com" is a host, "com.google.android.gm" is an app id: app ids start with a
// top-level domain. Two labels ending in one ("me.com") stay a host.
const TOP_LEVEL =
  /^(com|org|net|io|de|uk|fr|nl|it|es|ch|be|at|se|no|dk|fi|pl|ru|jp|cn|kr|br|au|ca|us|eu|co|me|tv|app|dev|edu|gov)$/;

/**
 * True when a stored service name is an Android app id rather than a name or a host
 * ("com.instagram.android", "com.whatsapp"; not "accounts.google.com", not "me.com").
 */
export function looksLikeAppId(name: string): boolean {
  if (!isAndroidAppId(name)) return false;
  const labels = name.trim().toLowerCase().split('.');
  if (!TOP_LEVEL.test(labels[0]!)) return false;
  return labels.length >= 3 || !TOP_LEVEL.test(labels.at(-1)!);
}

/** A domain in Unicode: "xn--bcher-kva.ch" → "bücher.ch". Anything not ASCII-encoded is kept. */
export function unicodeDomain(domain: string): string {
  try {
    return punycode.toUnicode(domain.toLowerCase());
  } catch {
    // Not valid punycode: the text as it is is all there is to show.
    return domain;
  }
}

/** The writing systems a look-alike check tells apart. */
export const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Thai',
  'Devanagari',
  'Cherokee',
] as const;

/** One of {@link SCRIPTS}, or `Other` for a letter of any other script. */
export type Script = (typeof SCRIPTS)[number] | 'Other';

const SCRIPT_PATTERNS: readonly [Script, RegExp][] = SCRIPTS.map((script) => [
  script,
  new RegExp(`\\p{Script=${script}}`, 'u'),
]);

/** The scripts of the letters in `text` (digits, hyphens and marks belong to none), in order of first use. */
export function scriptsOf(text: string): Script[] {
  const found: Script[] = [];
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    const script = SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Other';
    if (!found.includes(script)) found.push(script);
  }
  return found;
}

// Scripts that are written together in one word by design (Japanese, Chinese, Korean), each
// possibly with Latin: mixing inside one of these sets is not a warning sign.
const WRITTEN_TOGETHER: readonly (readonly Script[])[] = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Hangul'],
  ['Latin', 'Han'],
];

/** What {@link inspectDomain} found. */
export interface DomainInspection {
  /** The domain in Unicode, as a person reads it ("bücher.ch"). */
  name: string;
  /** True when the domain was written in its ASCII-encoded form ("xn--…"). */
  wasEncoded: boolean;
  /**
   * The first label whose letters come from scripts not normally written together (Latin with
   * Cyrillic, say: "pаypal" with a Cyrillic "а"), with those scripts; null when there is none.
   */
  mixedScripts: { label: string; scripts: Script[] } | null;
}

/**
 * A domain as a person should see it: in Unicode, with a look-alike warning when one of its labels
 * mixes scripts (the trick behind "аpple.com" with a Cyrillic "а"). Labels are checked one by one,
 * as browsers do, so "bücher.рф" (Latin, then Cyrillic) is not flagged, and scripts written together
 * by design (Japanese kanji with kana) are allowed.
 */
export function inspectDomain(domain: string): DomainInspection {
  const name = unicodeDomain(domain);
  const wasEncoded = /(^|\.)xn--/i.test(domain);
  for (const label of name.split('.')) {
    const scripts = scriptsOf(label);
    if (scripts.length < 2) continue;
    if (WRITTEN_TOGETHER.some((set) => scripts.every((script) => set.includes(script)))) continue;
    return { name, wasEncoded, mixedScripts: { label, scripts } };
  }
  return { name, wasEncoded, mixedScripts: null };
}

/** The look-alike warning for a domain, in plain words, or null when its scripts are not mixed. */
export function mixedScriptWarning(domain: string): string | null {
  const { name, mixedScripts } = inspectDomain(domain);
  if (!mixedScripts) return null;
  const scripts = mixedScripts.scripts.map((script) => format(`names.script.${script}` as MessageId));
  return format('names.mixedScripts', { domain: name, scripts: formatList(scripts) });
}
