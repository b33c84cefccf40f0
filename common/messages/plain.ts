/**
 * Messages read as they are written, without compiling ICU: for text that takes no values and must
 * cost next to nothing to load, such as the command line's `--help` (which loads no package). Only
 * the `usage.*` messages are read this way, and a test checks that each reads the same as
 * `format(id)` — no plural, select, argument or quoting in them. The pseudo-locale applies as it
 * does to `format`.
 */
import { USAGE_WORDS } from './areas/usage';
import { messageLocale, pseudoLocalise } from './locale';

/** The id of a message read without compiling: the usage texts of the command line. */
export type PlainMessageId = keyof typeof USAGE_WORDS;

/** The message `id`, in the active catalogue, read without compiling ICU. */
export function plainMessage(id: PlainMessageId): string {
  const text: string = USAGE_WORDS[id];
  return messageLocale() === 'en' ? text : pseudoLocalise(text);
}

/**
 * One row of a usage table: `syntax` (commands and options are the contract and are never
 * translated) and, at `column`, the description `id`, whose own line breaks continue under it. A
 * syntax too long for the column, or on several lines, puts the description on the next line.
 */
export function usageRow(syntax: string, id: PlainMessageId | null, column: number): string {
  if (id === null) return syntax;
  const [first = '', ...more] = plainMessage(id).split('\n');
  const indent = ' '.repeat(column);
  const head =
    !syntax.includes('\n') && syntax.length < column
      ? `${syntax.padEnd(column)}${first}`
      : `${syntax}\n${indent}${first}`;
  return [head, ...more.map((line) => `${indent}${line}`)].join('\n');
}
