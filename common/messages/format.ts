import { IntlMessageFormat, type Formatters, type PrimitiveType } from 'intl-messageformat';
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

const compiled = new Map<MessageId, IntlMessageFormat>();

function compile(id: MessageId): IntlMessageFormat {
  let message = compiled.get(id);
  if (!message) {
    message = new IntlMessageFormat(EN[id], ICU_LOCALE, undefined, {
      ignoreTag: true,
      formatters: FORMATTERS,
    });
    compiled.set(id, message);
  }
  return message;
}

/**
 * Intl's number, date and plural formatters, built once for all messages and found by a cheap key:
 * intl-messageformat's own per-message cache serialises its arguments on every call, which made a
 * plural cost ten times a plain message (the checks word thousands of findings on every run).
 */
const FORMATTERS: Formatters = (() => {
  const cached = <T>(build: (locales?: string | string[], options?: object) => T) => {
    const built = new Map<string, T>();
    return (locales?: string | string[], options?: object): T => {
      const key = options === undefined ? String(locales) : `${String(locales)} ${JSON.stringify(options)}`;
      let formatter = built.get(key);
      if (formatter === undefined) {
        formatter = build(locales, options);
        built.set(key, formatter);
      }
      return formatter;
    };
  };
  return {
    getNumberFormat: cached((locales, options) => new Intl.NumberFormat(locales, options)),
    getDateTimeFormat: cached((locales, options) => new Intl.DateTimeFormat(locales, options)),
    getPluralRules: cached((locales, options) => new Intl.PluralRules(locales, options)),
  };
})();

/**
 * The message `id` with `values` filled in, in the active catalogue. A message that names an
 * argument missing from `values` throws: an unfilled `{placeholder}` never reaches a person.
 */
export function format(id: MessageId, values?: MessageValues): string {
  const message = compile(id);
  if (messageLocale() === 'en') return String(message.format(values));
  const fenced: MessageValues = {};
  const selectors = selectorsOf(id, message);
  for (const [name, value] of Object.entries(values ?? {})) {
    // A select's argument chooses the words and is never shown: fenced, it would match no case.
    fenced[name] = typeof value === 'string' && !selectors.has(name) ? `${OPEN}${value}${CLOSE}` : value;
  }
  return pseudoLocalise(String(message.format(fenced)));
}

const selectorNames = new Map<MessageId, ReadonlySet<string>>();

/** The names of the arguments a message selects on (`{who, select, …}`), anywhere in it. */
function selectorsOf(id: MessageId, message: IntlMessageFormat): ReadonlySet<string> {
  let names = selectorNames.get(id);
  if (!names) {
    const found = new Set<string>();
    type Element = ReturnType<IntlMessageFormat['getAst']>[number];
    const walk = (elements: readonly Element[]) => {
      for (const element of elements) {
        if ('options' in element) {
          found.add(element.value);
          for (const option of Object.values(element.options)) walk(option.value);
        }
      }
    };
    walk(message.getAst());
    names = found;
    selectorNames.set(id, names);
  }
  return names;
}

/**
 * Joins names as a sentence does: "A", "A and B", "A, B and C" (`'or'`: "A, B or C"). The names
 * are the caller's data and are kept as they are.
 */
export function formatList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  const list = listFormat(conjunction);
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

/**
 * A zod error parameter whose message is the catalogue's `id`, formatted when the error happens,
 * so it follows the catalogue in use (English, or the pseudo-locale of tests) — not the one at
 * load time: `z.string().max(100, says('validation.name.tooLong', { max: 100 }))`.
 */
export function says(id: MessageId, values?: MessageValues): { error: () => string } {
  return { error: () => format(id, values) };
}

/** A whole number as people read it: "1,234". */
export function formatNumber(value: number): string {
  return (numberFormat ??= new Intl.NumberFormat(ICU_LOCALE)).format(value);
}

// Intl's formatters are costly to build (a finding's text may use several): built once, when first
// used — not when this module loads (~13 ms of ICU's locale data on every command-line start).
const listFormats: Partial<Record<'and' | 'or', Intl.ListFormat>> = {};
const listFormat = (conjunction: 'and' | 'or'): Intl.ListFormat =>
  (listFormats[conjunction] ??= new Intl.ListFormat(LIST_LOCALE, {
    type: conjunction === 'and' ? 'conjunction' : 'disjunction',
  }));
let numberFormat: Intl.NumberFormat | undefined;
