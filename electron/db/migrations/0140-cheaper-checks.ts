import type { Migration } from './index';

/**
 * The import's inserts stop paying for `IN (...)` lists in CHECK constraints (issue #17): SQLite
 * builds a throw-away table for a constant `IN` list of three or more values every time a statement
 * runs, which cost an `accounts` insert about 8 µs of its 12. Each such constraint of the tables an
 * import writes — accounts, password_signals, findings, tasks — becomes the same test written as
 * `col = 'a' OR col = 'b' …`, which accepts and refuses exactly the same values (a NULL passes
 * both, as NULL). Lists of two values (`IN (0, 1)`) stay: SQLite already tests them as two
 * comparisons.
 *
 * Only the constraints' text changes: no row, rowid, index or trigger is touched. It is done with
 * SQLite's documented procedure for changes that leave the stored content as it is (editing the
 * table's SQL in `sqlite_schema`, https://www.sqlite.org/lang_altertable.html#otheralter), which
 * the runner allows for this step only (`editsTableSql`) and checks with `PRAGMA quick_check`
 * (every row of the edited tables against the new constraints) before it commits. The table
 * rebuild the same page describes needs foreign keys off, which cannot change inside the one
 * transaction the runner applies every pending step in — and migration 110, in the same
 * transaction for a file older than it, needs them on (its `DROP TABLE tasks` cascades).
 *
 * Frozen: the literal SQL that shipped.
 */
export const migration0140: Migration = {
  version: 140,
  name: 'cheaper-checks',
  editsTableSql: true,
  sql: `
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (url_kind IN (''web'', ''android'', ''ip'', ''local''))',
  'CHECK (url_kind = ''web'' OR url_kind = ''android'' OR url_kind = ''ip'' OR url_kind = ''local'')')
WHERE type = 'table' AND name = 'accounts';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (category IN (''email'', ''finance'', ''work'', ''social'', ''shopping'', ''cloud'', ''developer'', ''government'', ''health'', ''entertainment'', ''utilities'', ''other''))',
  'CHECK (category = ''email'' OR category = ''finance'' OR category = ''work'' OR category = ''social'' OR category = ''shopping'' OR category = ''cloud'' OR category = ''developer'' OR category = ''government'' OR category = ''health'' OR category = ''entertainment'' OR category = ''utilities'' OR category = ''other'')')
WHERE type = 'table' AND name = 'accounts';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (criticality IN (''critical'', ''important'', ''standard''))',
  'CHECK (criticality = ''critical'' OR criticality = ''important'' OR criticality = ''standard'')')
WHERE type = 'table' AND name = 'accounts';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (mfa IN (''unknown'', ''none'', ''sms'', ''email'', ''totp'', ''push'', ''passkey'', ''security_key''))',
  'CHECK (mfa = ''unknown'' OR mfa = ''none'' OR mfa = ''sms'' OR mfa = ''email'' OR mfa = ''totp'' OR mfa = ''push'' OR mfa = ''passkey'' OR mfa = ''security_key'')')
WHERE type = 'table' AND name = 'accounts';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (online_status IN (''off'', ''found'', ''not_found'', ''failed''))',
  'CHECK (online_status = ''off'' OR online_status = ''found'' OR online_status = ''not_found'' OR online_status = ''failed'')')
WHERE type = 'table' AND name = 'password_signals';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (severity IN (''critical'', ''high'', ''medium'', ''low''))',
  'CHECK (severity = ''critical'' OR severity = ''high'' OR severity = ''medium'' OR severity = ''low'')')
WHERE type = 'table' AND name = 'findings';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (status IN (''open'', ''resolved'', ''auto_resolved'', ''dismissed''))',
  'CHECK (status = ''open'' OR status = ''resolved'' OR status = ''auto_resolved'' OR status = ''dismissed'')')
WHERE type = 'table' AND name = 'findings';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (kind IN (''change_password'', ''enable_mfa'', ''upgrade_mfa'', ''fix_url'', ''review_email'', ''rotate_secret'', ''manual''))',
  'CHECK (kind = ''change_password'' OR kind = ''enable_mfa'' OR kind = ''upgrade_mfa'' OR kind = ''fix_url'' OR kind = ''review_email'' OR kind = ''rotate_secret'' OR kind = ''manual'')')
WHERE type = 'table' AND name = 'tasks';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (source IN (''finding'', ''manual'', ''guide''))',
  'CHECK (source = ''finding'' OR source = ''manual'' OR source = ''guide'')')
WHERE type = 'table' AND name = 'tasks';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (priority IN (''P1'', ''P2'', ''P3'', ''P4''))',
  'CHECK (priority = ''P1'' OR priority = ''P2'' OR priority = ''P3'' OR priority = ''P4'')')
WHERE type = 'table' AND name = 'tasks';
UPDATE sqlite_schema SET sql = replace(sql,
  'CHECK (status IN (''todo'', ''in_progress'', ''done'', ''snoozed'', ''wont_do''))',
  'CHECK (status = ''todo'' OR status = ''in_progress'' OR status = ''done'' OR status = ''snoozed'' OR status = ''wont_do'')')
WHERE type = 'table' AND name = 'tasks';
`,
};
