import { REASONS, type ImportCollector, type ReadOutcome } from './entries';
import { format } from '../../messages/format';

/** The keys Kaspersky Password Manager writes, each at the start of a line followed by `:`. */
const KEYS = [
  'Website name',
  'Website URL',
  'Application',
  'Account name',
  'Login name',
  'Login',
  'Password',
  'Comment',
  'Name',
  'Text',
] as const;
type Key = (typeof KEYS)[number];

/** Keys whose value runs to the end of the entry, over several lines. */
const MULTILINE_KEYS: readonly Key[] = ['Comment', 'Text'];
/** Section headings (English exports). */
const HEADINGS = ['Websites', 'Applications', 'Other Accounts', 'Notes'];
/** Characters examined when deciding whether a text is a Kaspersky export. */
const SNIFF_CHARS = 4096;

function keyOf(line: string): Key | null {
  const colon = line.indexOf(':');
  if (colon === -1) return null;
  const name = line.slice(0, colon);
  return (KEYS as readonly string[]).includes(name) ? (name as Key) : null;
}

/** The value after `Key:`, without the one space Kaspersky writes after the colon. */
function valueOf(line: string): string {
  return line.slice(line.indexOf(':') + 1).replace(/^ /, '');
}

/**
 * True when a text is a Kaspersky Password Manager TXT export: it starts with a section heading
 * (`Websites`, `Applications`, `Other Accounts`, `Notes`) or a known `Key:` line, and its first
 * lines hold `Key: value` lines of an entry. Only the first 4 KB are examined.
 */
export function looksLikeKasperskyTxt(text: string): boolean {
  const lines = text.slice(0, SNIFF_CHARS).replace(/\r\n?/g, '\n').split('\n');
  const firstLine = lines.find((line) => line.trim() !== '')?.trim() ?? '';
  if (!HEADINGS.includes(firstLine) && keyOf(firstLine) === null) return false;
  const keyed = lines.filter((line) => keyOf(line) !== null).length;
  return keyed >= 2 && lines.some((line) => /^(Login|Password|Text):/.test(line));
}

/**
 * Reads a Kaspersky Password Manager TXT export. Entries are separated by a `---` line; each is
 * `Key: value` lines. `Comment` and `Text` take every following line up to the separator, even one
 * that looks like `Password: …` (it is part of the note). An entry with a `Login` key is a login
 * (titled with the website, application or account name, then `: ` and the `Login name`); one with
 * `Text` is a note. `row` numbers the entries in file order; headings are not entries.
 */
export function readKasperskyTxt(text: string, collector: ImportCollector): void {
  let row = 0;
  let entry = new Map<Key, string>();
  let multiline: Key | null = null;
  const finish = () => {
    if (entry.size > 0) {
      row++;
      collector.add(row, readEntry(entry));
    }
    entry = new Map();
    multiline = null;
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '---') {
      finish();
      continue;
    }
    if (multiline !== null) {
      entry.set(multiline, `${entry.get(multiline) ?? ''}\n${line}`);
      continue;
    }
    const key = keyOf(line);
    if (key === null) continue; // a heading, a blank line, or text outside any entry
    if (!entry.has(key)) entry.set(key, valueOf(line));
    if (MULTILINE_KEYS.includes(key)) multiline = key;
  }
  finish();
}

function readEntry(entry: ReadonlyMap<Key, string>): ReadOutcome {
  const get = (key: Key) => entry.get(key) ?? '';
  if (!entry.has('Login')) {
    return entry.has('Text') ? { skip: REASONS.note } : { skip: format('import.reason.noLogin') };
  }
  // The site, application or account, then the user's own label for this login when it has one.
  const base =
    [get('Website name'), get('Application'), get('Account name')]
      .map((value) => value.trim())
      .find(Boolean) ?? '';
  const label = get('Login name').trim();
  const title = label === '' || label === base ? base : base === '' ? label : `${base}: ${label}`;
  return {
    title,
    urls: [get('Website URL')],
    username: get('Login'),
    password: get('Password'),
    hasTotp: false,
    passwordChangedAt: null,
    folder: '',
  };
}
