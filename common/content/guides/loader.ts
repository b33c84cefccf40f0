/**
 * Guide files as text: parsing (JSON, then {@link validateGuide}) and the canonical serialisation
 * used for export and for imported copies. Platform-free: the caller reads and writes the files.
 */
import { format } from '../../messages/format';
import { jsonSyntaxValues } from '../fileProblems';
import {
  validateGuide,
  validateIncidentsFile,
  type Guide,
  type GuideIssue,
  type GuideValidation,
  type IncidentsFile,
  type ValidationResult,
} from './schema';

/** The largest guide file accepted, in characters: a long guide is about 40 000. */
export const MAX_GUIDE_FILE_CHARS = 1_000_000;

/** Parses JSON text, or says why it is not JSON (as a `$` issue of `fileName`). */
function parseJson(
  text: string,
  fileName: string,
): { ok: true; json: unknown } | { ok: false; errors: GuideIssue[] } {
  const problem = (message: string) => ({
    ok: false as const,
    errors: [{ file: fileName, path: '$', message }],
  });
  if (text.length > MAX_GUIDE_FILE_CHARS) {
    return problem(format('guideFile.tooLarge', { size: text.length, max: MAX_GUIDE_FILE_CHARS }));
  }
  // A byte-order mark is legal at the start of a UTF-8 file but not in JSON.
  const json = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, json: JSON.parse(json) as unknown };
  } catch (error) {
    return problem(format('jsonFile.notJson', jsonSyntaxValues(json, error)));
  }
}

/** Parses and validates the text of a guide file; every problem names `fileName` and a JSON path. */
export function parseGuideText(text: string, fileName: string): GuideValidation {
  const parsed = parseJson(text, fileName);
  return parsed.ok ? validateGuide(parsed.json, fileName) : parsed;
}

/** Parses and validates the text of `incidents.json`. */
export function parseIncidentsText(text: string, fileName: string): ValidationResult<IncidentsFile> {
  const parsed = parseJson(text, fileName);
  return parsed.ok ? validateIncidentsFile(parsed.json, fileName) : parsed;
}

/**
 * A guide as a file: pretty JSON (two-space indent, fields in schema order, defaults filled in)
 * ending in a newline. Parsing the result gives the same guide back.
 */
export function serializeGuide(guide: Guide): string {
  return `${JSON.stringify(guide, null, 2)}\n`;
}
