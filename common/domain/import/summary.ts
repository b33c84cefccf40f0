import { REASONS } from './entries';
import { ImportError, fileLabel } from './importError';
import type { SkippedRow } from './types';
import type { MessageId } from '../../messages/en';
import { format, formatList } from '../../messages/format';

/** The skip reasons shared by several formats that a summary names, each with its counted noun. */
const NOUNS = {
  note: 'importSkipped.note',
  card: 'importSkipped.card',
  identity: 'importSkipped.identity',
  sshKey: 'importSkipped.sshKey',
  folder: 'importSkipped.folder',
  alias: 'importSkipped.alias',
  noPassword: 'importSkipped.noPassword',
  archived: 'importSkipped.archived',
  recycleBin: 'importSkipped.recycleBin',
  trash: 'importSkipped.trash',
  history: 'importSkipped.history',
  bookmark: 'importSkipped.bookmark',
  strayQuote: 'importSkipped.strayQuote',
} as const satisfies Partial<Record<keyof typeof REASONS, MessageId>>;

/** Kinds of skipped items a summary names before "and N other items". */
const SHOWN_KINDS = 4;

/**
 * What was skipped, in plain words and most frequent first, e.g. "4 secure notes, 2 credit cards
 * and 1 entry without a password were skipped"; "" when nothing was.
 */
export function describeSkipped(skipped: readonly SkippedRow[]): string {
  if (skipped.length === 0) return '';
  // A row keeps its reason as worded then; the words in use now name the same reasons.
  const keyOf = new Map<string, keyof typeof NOUNS>(
    (Object.keys(NOUNS) as (keyof typeof NOUNS)[]).map((key) => [REASONS[key], key]),
  );
  const counts = new Map<keyof typeof NOUNS | '', number>();
  for (const { reason } of skipped) {
    const key = keyOf.get(reason) ?? '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const other = counts.get('') ?? 0;
  counts.delete('');
  const kinds = [...counts] as [keyof typeof NOUNS, number][];
  kinds.sort((a, b) => b[1] - a[1]);
  const parts = kinds.slice(0, SHOWN_KINDS).map(([key, count]) => format(NOUNS[key], { count }));
  const rest = other + kinds.slice(SHOWN_KINDS).reduce((sum, [, count]) => sum + count, 0);
  if (rest > 0)
    parts.push(format('importSkipped.rest', { count: rest, others: parts.length > 0 ? 'yes' : 'no' }));
  return format('importSkipped.sentence', { list: formatList(parts), count: skipped.length });
}

/**
 * The error for a file that was read but holds no login to import: never an empty success. Says
 * what the file held instead, e.g. "export.json has no logins to import: 4 secure notes and
 * 2 credit cards were skipped."
 */
export function noLoginsError(fileName: string, skipped: readonly SkippedRow[]): ImportError {
  const why = skipped.length === 0 ? format('importFile.noItems') : describeSkipped(skipped);
  return new ImportError('no_logins', format('importFile.noLogins', { file: fileLabel(fileName), why }));
}
