import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { EN, type MessageId } from './en';
import { accent, CLOSE, messageLocale, OPEN, pseudoLocalise } from './locale';

export {
  messageLocale,
  messageLocaleFromEnv,
  pseudoLocalise,
  setMessageLocale,
  type MessageLocale,
} from './locale';

/**
 * Formats Lockstep's words from the one message catalogue (`en.ts`): ICU plurals ("1 account",
 * "2 accounts"), selects, and lists ("A, B and C"). The renderer, the CLI's human output and the
 * guide summaries all format through here, so a word is written once.
 *
 * Two catalogues exist: English, and a pseudo-locale for tests — every letter of our own words
 * accented and the text ~40 % longer, in brackets ("[Ŝéţţîñĝš~~~~]") — which shows at a glance
 * any text that did not come through the catalogue, and any layout that cannot take longer words.
 * Values passed in (names, domains, counts) are never altered: they are the person's data.
 */

/** The values a message takes: strings, numbers, dates or booleans, by argument name. */
export type MessageValues = Record<string, PrimitiveType>;

/** The locale used for plural rules and numbers. */
const ICU_LOCALE = 'en';
/** The locale used for lists: "A, B and C" (no serial comma), as Lockstep writes. */
const LIST_LOCALE = 'en-GB';

interface Compiled {
  message: IntlMessageFormat;
  /** The arguments that choose a branch (`{kind, select, …}`): never fenced in the pseudo-locale. */
  selectors: ReadonlySet<string>;
}
const compiled = new Map<MessageId, Compiled>();

function compile(id: MessageId): Compiled {
  let entry = compiled.get(id);
  if (!entry) {
    const message = new IntlMessageFormat(EN[id], ICU_LOCALE, undefined, { ignoreTag: true });
    const selectors = new Set<string>();
    selectorsOf(message.getAst() as unknown as readonly AstNode[], selectors);
    entry = { message, selectors };
    compiled.set(id, entry);
  }
  return entry;
}

/** The part of an ICU message's syntax tree (`@formatjs/icu-messageformat-parser`) read here. */
interface AstNode {
  type: number;
  value?: unknown;
  options?: Record<string, { value: readonly AstNode[] }>;
  children?: readonly AstNode[];
}
/** `TYPE.select` in the parser's syntax tree. */
const SELECT = 5;

function selectorsOf(nodes: readonly AstNode[], into: Set<string>): void {
  for (const node of nodes) {
    if (node.type === SELECT && typeof node.value === 'string') into.add(node.value);
    for (const option of Object.values(node.options ?? {})) selectorsOf(option.value, into);
    if (node.children) selectorsOf(node.children, into);
  }
}

/**
 * The message `id` with `values` filled in, in the active catalogue. A message that names an
 * argument missing from `values` throws: an unfilled `{placeholder}` never reaches a person.
 */
export function format(id: MessageId, values?: MessageValues): string {
  const { message, selectors } = compile(id);
  if (messageLocale() === 'en') return String(message.format(values));
  const fenced: MessageValues = {};
  for (const [name, value] of Object.entries(values ?? {})) {
    fenced[name] = typeof value === 'string' && !selectors.has(name) ? `${OPEN}${value}${CLOSE}` : value;
  }
  return pseudoLocalise(String(message.format(fenced)));
}

/**
 * Joins names as a sentence does: "A", "A and B", "A, B and C" (`'or'`: "A, B or C"). The names
 * are the caller's data and are kept as they are.
 */
export function formatList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  const list = listFormats[conjunction];
  if (messageLocale() === 'en') return list.format(items);
  return list
    .formatToParts(items)
    .map((part) => (part.type === 'literal' ? accent(part.value) : part.value))
    .join('');
}

/**
 * A record of labels whose values are formatted when read (`LABELS[key]`), so a label follows the
 * catalogue in use — English, or the pseudo-locale of tests — rather than the one at load time.
 */
export function labelsOf<K extends string>(ids: Record<K, MessageId>): Readonly<Record<K, string>> {
  const labels = {} as Record<K, string>;
  for (const key of Object.keys(ids) as K[]) {
    Object.defineProperty(labels, key, { enumerable: true, get: () => format(ids[key]) });
  }
  return Object.freeze(labels);
}

/** A whole number as people read it: "1,234". */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

// Intl's formatters are costly to build (a finding's text may use several): built once.
const listFormats = {
  and: new Intl.ListFormat(LIST_LOCALE, { type: 'conjunction' }),
  or: new Intl.ListFormat(LIST_LOCALE, { type: 'disjunction' }),
};
const numberFormat = new Intl.NumberFormat(ICU_LOCALE);
