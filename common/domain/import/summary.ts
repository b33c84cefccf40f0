import { REASONS } from './entries';
import { ImportError, fileLabel } from './importError';
import type { SkippedRow } from './types';

/** Singular and plural nouns for the skip reasons shared by several formats. */
const NOUNS: Record<string, [string, string]> = {
  [REASONS.note]: ['secure note', 'secure notes'],
  [REASONS.card]: ['credit card', 'credit cards'],
  [REASONS.identity]: ['identity', 'identities'],
  [REASONS.sshKey]: ['SSH key', 'SSH keys'],
  [REASONS.folder]: ['folder', 'folders'],
  [REASONS.alias]: ['e-mail alias', 'e-mail aliases'],
  [REASONS.noPassword]: ['entry without a password', 'entries without a password'],
  [REASONS.archived]: ['archived item', 'archived items'],
  [REASONS.recycleBin]: ['item in the recycle bin', 'items in the recycle bin'],
  [REASONS.trash]: ['item in the trash', 'items in the trash'],
  [REASONS.history]: ['older version of an entry', 'older versions of entries'],
  [REASONS.bookmark]: ['bookmark', 'bookmarks'],
  [REASONS.strayQuote]: ['damaged row', 'damaged rows'],
};

/** Kinds of skipped items a summary names before "and N other items". */
const SHOWN_KINDS = 4;

/**
 * What was skipped, in plain words and most frequent first, e.g. "4 secure notes, 2 credit cards
 * and 1 entry without a password were skipped"; "" when nothing was.
 */
export function describeSkipped(skipped: readonly SkippedRow[]): string {
  if (skipped.length === 0) return '';
  const counts = new Map<string, number>();
  for (const { reason } of skipped) {
    const key = Object.hasOwn(NOUNS, reason) ? reason : '';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const other = counts.get('') ?? 0;
  counts.delete('');
  const kinds = [...counts].sort((a, b) => b[1] - a[1]);
  const parts = kinds.slice(0, SHOWN_KINDS).map(([reason, count]) => {
    const [one, many] = NOUNS[reason] ?? ['item', 'items'];
    return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
  });
  const rest = other + kinds.slice(SHOWN_KINDS).reduce((sum, [, count]) => sum + count, 0);
  if (rest > 0) {
    const noun =
      parts.length > 0 ? (rest === 1 ? 'other item' : 'other items') : rest === 1 ? 'item' : 'items';
    parts.push(`${rest.toLocaleString('en-US')} ${noun} that ${rest === 1 ? 'is' : 'are'} not a login`);
  }
  const list =
    parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}` : (parts[0] ?? '');
  const total = skipped.length;
  return `${list} ${total === 1 ? 'was' : 'were'} skipped`;
}

/**
 * The error for a file that was read but holds no login to import: never an empty success. Says
 * what the file held instead, e.g. "export.json has no logins to import: 4 secure notes and
 * 2 credit cards were skipped."
 */
export function noLoginsError(fileName: string, skipped: readonly SkippedRow[]): ImportError {
  const why = skipped.length === 0 ? 'it holds no items at all' : describeSkipped(skipped);
  return new ImportError(
    'no_logins',
    `${fileLabel(fileName)} has no logins to import: ${why}. Lockstep imports sign-ins that have a ` +
      'password; check that you exported the right vault, or export again with passwords included.',
  );
}
