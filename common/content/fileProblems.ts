/**
 * What is wrong with a JSON file Lockstep reads — a guide or incidents file, a dataset, the account
 * families — in the catalogue's words (`jsonFile.*`): where its text stops being JSON, and a zod
 * error map for what a schema finds (wrong types, missing fields, limits), so neither the
 * JavaScript engine's nor zod's own English reaches a person. Each kind of file adds its own words
 * for its own rules (`guideFile.*`, `datasetFile.*`).
 */
import type { z } from 'zod';
import { format } from '../messages/format';

/**
 * Where JSON text stops being JSON, as the values of `jsonFile.notJson` and its kin: `where` is
 * `at` (with a 1-based `line` and `column`), `end` (the text ends before the JSON is complete) or
 * `unknown` (the engine names no position). Only the position in the parse `error` is used: the
 * engine's own message is English and differs between versions.
 */
export function jsonSyntaxValues(
  text: string,
  error: unknown,
): { where: 'at' | 'end' | 'unknown'; line: number; column: number } {
  const message = error instanceof Error ? error.message : String(error);
  const at = /\bposition (\d+)/.exec(message);
  if (at === null) {
    const end = /unexpected end/i.test(message) || text.trim() === '';
    return { where: end ? 'end' : 'unknown', line: 0, column: 0 };
  }
  if (Number(at[1]) >= text.length) return { where: 'end', line: 0, column: 0 };
  const before = text.slice(0, Number(at[1])).split(/\r\n|\r|\n/);
  return { where: 'at', line: before.length, column: before.at(-1)!.length + 1 };
}

/** What a JSON value is, in the words of `jsonFile.wrongType`'s `got`. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}

/** A value from the file as its author wrote it (JSON), shortened when long. */
function shownValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** Options a value must be one of, as written in the file. */
function optionList(values: readonly unknown[]): string {
  return values.map(String).join(', ');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** How a kind of file words the value of a discriminated union that matches no option. */
export interface FileErrorMapOptions {
  /** The problem when the discriminator has a value no option takes (`jsonFile.unknownValue`). */
  unknownChoice?: (values: { value: string; options: string }) => string;
  /** The options to name when zod does not give them. */
  choices?: readonly string[];
}

/**
 * A zod error map (`schema.safeParse(json, { error: fileErrorMap() })`) that words, from the
 * catalogue, every problem a check raised without a message of its own — limits such as
 * `.max(253)`, wrong types, enum values, missing fields. zod calls it when the problems are read,
 * so it words them in the catalogue in use then. A check's own message (`says(…)`) wins over it.
 */
export function fileErrorMap(options: FileErrorMapOptions = {}): z.core.$ZodErrorMap {
  return (issue) => {
    const field = issue.path?.at(-1);
    const missing = issue.input === undefined && typeof field === 'string';
    switch (issue.code) {
      case 'invalid_type':
        if (missing) return format('jsonFile.missingField', { field });
        return issue.input === undefined
          ? format('jsonFile.expected', { expected: issue.expected })
          : format('jsonFile.wrongType', { expected: issue.expected, got: kindOf(issue.input) });
      case 'invalid_value': {
        if (missing) return format('jsonFile.missingField', { field });
        const choices = optionList(issue.values);
        return issue.values.length === 1
          ? format('jsonFile.exactValue', { option: choices, value: shownValue(issue.input) })
          : format('jsonFile.unknownValue', { value: shownValue(issue.input), options: choices });
      }
      case 'invalid_union': {
        const discriminator = issue.discriminator;
        if (discriminator === undefined) return format('jsonFile.noMatch');
        const given = (issue as { options?: readonly unknown[] }).options;
        const choices = optionList(given ?? options.choices ?? []);
        const value = isRecord(issue.input) ? issue.input[discriminator] : undefined;
        if (value === undefined)
          return format('jsonFile.missingChoice', { field: discriminator, options: choices });
        const shown = shownValue(value);
        return options.unknownChoice
          ? options.unknownChoice({ value: shown, options: choices })
          : format('jsonFile.unknownValue', { value: shown, options: choices });
      }
      case 'too_big': {
        const max = Number(issue.maximum);
        if (issue.origin === 'string') return format('jsonFile.tooLong', { max });
        if (issue.origin === 'array' || issue.origin === 'set') return format('jsonFile.tooMany', { max });
        return format(issue.inclusive === false ? 'jsonFile.lessThan' : 'jsonFile.atMost', { max });
      }
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'string') {
          return min === 1 ? format('jsonFile.empty') : format('jsonFile.tooShort', { min });
        }
        if (issue.origin === 'array' || issue.origin === 'set') return format('jsonFile.tooFew', { min });
        return format(issue.inclusive === false ? 'jsonFile.moreThan' : 'jsonFile.atLeast', { min });
      }
      case 'unrecognized_keys':
        return format('jsonFile.unknownField', { field: issue.keys.join(', ') });
      case 'invalid_key':
        return format('jsonFile.invalidKey', {
          key: shownValue(String(issue.input ?? field)),
          problem: issue.issues[0]?.message ?? format('jsonFile.notAllowed'),
        });
      case 'invalid_format':
        return format('jsonFile.badFormat');
      case 'not_multiple_of':
        return format('jsonFile.notMultiple', { divisor: issue.divisor });
      default:
        return format('jsonFile.notAllowed');
    }
  };
}
