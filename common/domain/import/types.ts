/** Every export format Lockstep can read. `generic-csv` is any CSV read through a column mapping. */
export type ImportFormat =
  | 'bitwarden-csv'
  | 'bitwarden-json'
  | '1password-csv'
  | '1password-1pux'
  | 'lastpass-csv'
  | 'chrome-csv'
  | 'firefox-csv'
  | 'apple-csv'
  | 'keepassxc-csv'
  | 'keepass-xml'
  | 'dashlane-csv'
  | 'protonpass-csv'
  | 'nordpass-csv'
  | 'keeper-csv'
  | 'keeper-json'
  | 'roboform-csv'
  | 'enpass-json'
  | 'enpass-csv'
  | 'zoho-vault-csv'
  | 'passbolt-csv'
  | 'sticky-xml'
  | 'psono-json'
  | 'kaspersky-txt'
  | 'avira-csv'
  | 'generic-csv';

/**
 * One login read from an export. It holds the password because the caller derives signals from it
 * (strength, reuse, breach); it never holds a TOTP secret or the entry's notes, which may carry
 * recovery codes.
 */
export interface ImportedEntry {
  /**
   * 1-based position a careful reader of the file would give: for CSV the data-record number (header
   * excluded, blank lines not counted, a quoted multi-line value is one record; Keeper's and older
   * Enpass's CSVs have no header, so their first line is record 1); for JSON, XML and 1PUX the item's
   * index in file order (KeePass XML counts every `<Entry>`, history versions included; Sticky
   * Password counts its `Login` elements, then its secure memos); for Kaspersky's TXT the entry's.
   */
  row: number;
  /** The entry's name, or '' when it has none (Firefox). */
  title: string;
  /** Every URL of the entry, trimmed, in file order, without empty values or exact duplicates. */
  urls: string[];
  /** The user name or e-mail address, trimmed; '' when there is none. */
  username: string;
  /** The password exactly as exported; never empty (entries without one are skipped). */
  password: string;
  /** True when the entry carries a TOTP secret or `otpauth://` URI. The secret itself is never returned. */
  hasTotp: boolean;
  /** When the password last changed, as ISO-8601 UTC, from the format's own date; null when there is none. */
  passwordChangedAt: string | null;
  /** Folder or group path (`/`-separated; KeePass paths without the root group), or ''. */
  folder: string;
}

/** A row or item that was read but is not imported, with the reason in plain words. */
export interface SkippedRow {
  /** Same numbering as {@link ImportedEntry.row}. */
  row: number;
  /** Why it was skipped, e.g. 'Secure note, not a login'. Never contains a secret. */
  reason: string;
}

/** The result of reading one export file. */
export interface ParsedExport {
  format: ImportFormat;
  entries: ImportedEntry[];
  skipped: SkippedRow[];
  /**
   * Header names as seen in the file (trimmed); [] for JSON, XML, 1PUX, TXT and the CSV layouts
   * without a header row (Keeper, older Enpass).
   */
  columns: string[];
  /**
   * Plain-English remarks for the preview about how the file was read, e.g. "3 rows had fewer
   * fields than the header; the missing fields were read as empty." Never contains a secret.
   */
  notices: string[];
}

/** Why a whole file could not be read. */
export type ImportErrorCode =
  | 'empty'
  | 'header_only'
  | 'unknown_columns'
  | 'encrypted'
  | 'binary'
  | 'malformed'
  | 'unsupported'
  /** The file was read, but none of its items is a login with a password. */
  | 'no_logins'
  /** The file exceeds a safety limit (size once unpacked, nesting, number of columns or entries). */
  | 'too_large';

/** Header names chosen by the user in a mapping step, for a CSV of unknown layout. */
export interface ColumnMapping {
  title?: string;
  /** May be '' when only a title is mapped. */
  url: string;
  username?: string;
  password: string;
  totp?: string;
}
