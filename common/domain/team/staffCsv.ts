/**
 * A staff list from a spreadsheet: one person per row, with their name, email addresses, role and
 * (optionally) group or department. Column names are recognised loosely, so a list typed by hand
 * and a user export from Microsoft 365 ("Display name", "User principal name", "Department",
 * "Title") or Google Workspace ("First Name [Required]", "Email Address [Required]") all read.
 *
 * Pure: bytes in, rows out; the decision to create or update each person is {@link planStaff}'s.
 */
import { decodeText } from '../import/decode';
import { readCsvTable } from '../import/csvReader';
import { fileLabel, ImportError, nameList } from '../import/importError';
import { emailAddressSchema, personNameSchema } from '../validation';
import { format } from '../../messages/format';
import type { StaffPreviewRow } from '../../model/team';

/** One person as a staff list gives them. */
export interface StaffRow {
  /** 1-based data row (the header is not counted). */
  row: number;
  name: string;
  /** In the order the file lists them: the first is the person's main address. */
  emails: string[];
  /** '' when the file has no role for them. */
  role: string;
  /** '' when the file has no group for them. */
  group: string;
}

/** A staff list, read. */
export interface StaffList {
  columns: string[];
  rows: StaffRow[];
  skipped: { row: number; reason: string }[];
}

/** The longest group or role kept (the database's limit). */
export const MAX_GROUP_LENGTH = 80;
/** The most rows a staff list may have (a small business, with a wide margin). */
export const MAX_STAFF_ROWS = 5000;

const NAME = new Set([
  'name',
  'fullname',
  'displayname',
  'person',
  'staff',
  'staffname',
  'employee',
  'employeename',
]);
const FIRST = new Set(['firstname', 'givenname', 'forename']);
const LAST = new Set(['lastname', 'surname', 'familyname']);
const ROLE = new Set(['role', 'title', 'jobtitle', 'position', 'job', 'jobrole']);
const GROUP = new Set(['group', 'department', 'dept', 'team', 'orgunit', 'orgunitpath', 'division', 'unit']);

/** "Email Address [Required]" → "emailaddress". */
const normalise = (column: string) =>
  column
    .toLowerCase()
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[^a-z0-9]/g, '');

const isEmailColumn = (key: string) =>
  key.includes('email') || key === 'mail' || key === 'userprincipalname' || key === 'upn';

/** Which columns hold what; throws when none holds a name. */
function columnsOf(columns: readonly string[], fileName: string) {
  const keys = columns.map(normalise);
  const find = (set: ReadonlySet<string>) => keys.findIndex((key) => set.has(key));
  const name = find(NAME);
  const first = find(FIRST);
  const last = find(LAST);
  const emails = keys.flatMap((key, index) => (isEmailColumn(key) ? [index] : []));
  if (name < 0 && first < 0) {
    throw new ImportError(
      'unknown_columns',
      format('errors.staffImport.noNames', { file: fileLabel(fileName), columns: nameList(columns) }),
      { columns },
    );
  }
  return { name, first, last, emails, role: find(ROLE), group: find(GROUP) };
}

/** Splits a cell that may hold several addresses ("a@x.com; b@x.com"). */
const addressesIn = (cell: string) =>
  cell
    .split(/[;,\s]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * Reads a staff list (CSV, any of the usual delimiters and encodings). A row without a name, with
 * an address that is not one, or naming someone a row above already named, is skipped with its
 * reason; nothing else is dropped silently.
 */
export function parseStaffCsv(bytes: Uint8Array, fileName: string): StaffList {
  const table = readCsvTable(decodeText(bytes, fileName), fileName);
  if (table.records.length > MAX_STAFF_ROWS) {
    throw new ImportError(
      'too_large',
      format('errors.staffImport.tooManyRows', {
        file: fileLabel(fileName),
        rows: table.records.length,
        max: MAX_STAFF_ROWS,
      }),
    );
  }
  const at = columnsOf(table.columns, fileName);
  const rows: StaffRow[] = [];
  const skipped: StaffList['skipped'] = [];
  const seen = new Map<string, number>();
  for (const record of table.records) {
    const cell = (index: number) => (index < 0 ? '' : (record.fields[index] ?? '').trim());
    const name =
      at.name >= 0 && cell(at.name) !== ''
        ? cell(at.name)
        : [cell(at.first), cell(at.last)].filter(Boolean).join(' ');
    if (record.fields.every((field) => field.trim() === '')) continue;
    const parsedName = personNameSchema.safeParse(name);
    if (!parsedName.success) {
      skipped.push({
        row: record.row,
        reason: name === '' ? format('staffImport.reason.noName') : parsedName.error.issues[0]!.message,
      });
      continue;
    }
    const key = parsedName.data.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      skipped.push({ row: record.row, reason: format('staffImport.reason.sameName', { row: earlier }) });
      continue;
    }
    const emails: string[] = [];
    let badAddress: string | null = null;
    for (const raw of at.emails.flatMap((index) => addressesIn(cell(index)))) {
      const parsed = emailAddressSchema.safeParse(raw);
      if (!parsed.success) {
        badAddress = raw;
        break;
      }
      if (!emails.some((e) => e.toLowerCase() === parsed.data.toLowerCase())) emails.push(parsed.data);
    }
    if (badAddress !== null) {
      skipped.push({
        row: record.row,
        reason: format('staffImport.reason.badAddress', { address: badAddress.slice(0, 60) }),
      });
      continue;
    }
    const role = cell(at.role);
    const group = cell(at.group);
    if (role.length > MAX_GROUP_LENGTH || group.length > MAX_GROUP_LENGTH) {
      skipped.push({
        row: record.row,
        reason: format('staffImport.reason.tooLong', { max: MAX_GROUP_LENGTH }),
      });
      continue;
    }
    seen.set(key, record.row);
    rows.push({ row: record.row, name: parsedName.data, emails, role, group });
  }
  return { columns: table.columns, rows, skipped };
}

/** A person already in the file, as {@link planStaff} compares them. */
export interface ExistingPerson {
  id: number;
  name: string;
  group: string;
  role: string;
  emails: readonly string[];
}

/** What importing one row does: create the person, or update the one with the same name. */
export interface StaffPlanRow extends StaffPreviewRow {
  /** The person it updates; null for a new person. */
  personId: number | null;
  /** For an update: the addresses the person does not have yet. */
  newEmails: string[];
}

/**
 * Decides, row by row, what a staff list changes: a row whose name (case-insensitively) is someone
 * already here updates them — the addresses they do not have are added, and a role or group the
 * file gives replaces theirs (an empty cell leaves it) — and any other row adds a person.
 */
export function planStaff(rows: readonly StaffRow[], existing: readonly ExistingPerson[]): StaffPlanRow[] {
  const byName = new Map(existing.map((p) => [p.name.trim().toLowerCase(), p]));
  return rows.map((row) => {
    const person = byName.get(row.name.toLowerCase());
    if (!person) return { ...row, action: 'create', changes: [], personId: null, newEmails: row.emails };
    const have = new Set(person.emails.map((e) => e.toLowerCase()));
    const newEmails = row.emails.filter((e) => !have.has(e.toLowerCase()));
    const changes: string[] = [];
    if (newEmails.length > 0)
      changes.push(format('staffImport.change.addresses', { count: newEmails.length }));
    if (row.role !== '' && row.role !== person.role)
      changes.push(
        person.role
          ? format('staffImport.change.role', { from: person.role, to: row.role })
          : format('staffImport.change.roleNew', { to: row.role }),
      );
    if (row.group !== '' && row.group !== person.group)
      changes.push(
        person.group
          ? format('staffImport.change.group', { from: person.group, to: row.group })
          : format('staffImport.change.groupNew', { to: row.group }),
      );
    return {
      ...row,
      role: row.role || person.role,
      group: row.group || person.group,
      action: 'update',
      changes,
      personId: person.id,
      newEmails,
    };
  });
}
