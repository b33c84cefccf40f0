import type { Migration } from './index';

/**
 * When the company holding your email is breached (issue #15): guide runs for several accounts,
 * and the mailbox scan.
 *
 * - `guide_run_accounts`: the accounts a guide run is for, in order (a notice's guide runs for every
 *   account the person picked). Existing runs keep their one account; `guide_runs.account_id` stays
 *   the first account, for what already reads it.
 * - `mail_scans`: one scan of a mailbox export — its honest summary (messages and bytes read, the
 *   parts that could not be decoded, named; what it looked for) and, while it is paused, the
 *   engine's checkpoint to resume from. The file is named (its last path segment), never stored
 *   with its full path.
 * - `mail_hits`: what a scan found, one row per secret: its kind, a keyed fingerprint (an HMAC
 *   under the install's key: hex only, so no secret can sit in it), a masked hint ("GitHub token,
 *   40 characters"), how many messages, when, in which folders, with which correspondents' domains,
 *   SHA-256 of the Message-IDs, and the accounts whose password it was when the scan finished (the
 *   same keyed fingerprint). Never the secret, never a message body.
 * - `mail_secret_rotations`: the person's word that a secret found in mail was replaced, and when
 *   (what verifies a "replace it" task whose secret nothing else can check).
 * - `tasks` is rebuilt to accept the new kind `rotate_secret`. Its links from `task_findings` are
 *   kept aside and put back: dropping the old table would otherwise delete them by cascade.
 *
 * Frozen: the literal SQL that shipped.
 */
export const migration0110: Migration = {
  version: 110,
  name: 'mail-scan',
  sql: `
CREATE TABLE guide_run_accounts (
  run_id INTEGER NOT NULL REFERENCES guide_runs (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 300),
  PRIMARY KEY (run_id, position)
) STRICT;
CREATE INDEX guide_run_accounts_by_account_id ON guide_run_accounts (account_id);
INSERT INTO guide_run_accounts (run_id, position, account_id, label)
  SELECT id, 0, account_id, coalesce(account_label, 'Account ' || account_id)
  FROM guide_runs WHERE account_id IS NOT NULL;

CREATE TABLE mail_scans (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  source_name TEXT NOT NULL CHECK (length(source_name) BETWEEN 1 AND 255),
  source_kind TEXT NOT NULL CHECK (source_kind IN ('file', 'folder')),
  status TEXT NOT NULL CHECK (status IN ('running', 'paused', 'finished', 'failed')),
  messages INTEGER NOT NULL DEFAULT 0 CHECK (messages >= 0),
  bytes INTEGER NOT NULL DEFAULT 0 CHECK (bytes >= 0),
  bytes_total INTEGER NOT NULL DEFAULT 0 CHECK (bytes_total >= 0),
  undecodable_count INTEGER NOT NULL DEFAULT 0 CHECK (undecodable_count >= 0),
  undecodable TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(undecodable) AND json_type(undecodable) = 'array'),
  attachments_not_read TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attachments_not_read) AND json_type(attachments_not_read) = 'object'),
  kinds TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(kinds) AND json_type(kinds) = 'array'),
  findings_not_listed INTEGER NOT NULL DEFAULT 0 CHECK (findings_not_listed >= 0),
  checkpoint TEXT CHECK (checkpoint IS NULL OR json_valid(checkpoint)),
  problem TEXT,
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT
) STRICT;
CREATE INDEX mail_scans_by_person_id ON mail_scans (person_id);

CREATE TABLE mail_hits (
  id INTEGER PRIMARY KEY,
  scan_id INTEGER NOT NULL REFERENCES mail_scans (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40 AND kind NOT GLOB '*[^a-z0-9_]*'),
  fingerprint TEXT NOT NULL CHECK (length(fingerprint) BETWEEN 16 AND 128 AND fingerprint NOT GLOB '*[^0-9a-f]*'),
  hint TEXT NOT NULL CHECK (length(hint) BETWEEN 1 AND 200),
  count INTEGER NOT NULL CHECK (count >= 1),
  first_seen TEXT CHECK (first_seen IS NULL OR first_seen GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  last_seen TEXT CHECK (last_seen IS NULL OR last_seen GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  folders TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(folders) AND json_type(folders) = 'array'),
  correspondent_domains TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(correspondent_domains) AND json_type(correspondent_domains) = 'array'),
  message_id_hashes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(message_id_hashes) AND json_type(message_id_hashes) = 'array'),
  service TEXT CHECK (service IS NULL OR length(service) BETWEEN 1 AND 253),
  account_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(account_ids) AND json_type(account_ids) = 'array'),
  UNIQUE (scan_id, kind, fingerprint)
) STRICT;
CREATE INDEX mail_hits_by_fingerprint ON mail_hits (kind, fingerprint);

CREATE TABLE mail_secret_rotations (
  kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
  fingerprint TEXT NOT NULL CHECK (length(fingerprint) BETWEEN 16 AND 128 AND fingerprint NOT GLOB '*[^0-9a-f]*'),
  rotated_on TEXT NOT NULL CHECK (rotated_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (kind, fingerprint)
) STRICT;

CREATE TABLE task_findings_kept AS SELECT task_id, finding_id FROM task_findings;
CREATE TABLE tasks_next (
  id INTEGER PRIMARY KEY,
  task_key TEXT UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('change_password', 'enable_mfa', 'upgrade_mfa', 'fix_url', 'review_email', 'rotate_secret', 'manual')),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  why TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(why)),
  links TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links)),
  account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
  source TEXT NOT NULL CHECK (source IN ('finding', 'manual', 'guide')),
  priority TEXT NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
  priority_is_manual INTEGER NOT NULL DEFAULT 0 CHECK (priority_is_manual IN (0, 1)),
  due_at TEXT,
  status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done', 'snoozed', 'wont_do')),
  snoozed_until TEXT,
  wont_do_reason TEXT,
  verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
  verification_note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  done_at TEXT
) STRICT;
INSERT INTO tasks_next (id, task_key, kind, title, why, links, account_id, source, priority, priority_is_manual,
    due_at, status, snoozed_until, wont_do_reason, verified, verification_note, created_at, updated_at, done_at)
  SELECT id, task_key, kind, title, why, links, account_id, source, priority, priority_is_manual,
    due_at, status, snoozed_until, wont_do_reason, verified, verification_note, created_at, updated_at, done_at
  FROM tasks ORDER BY id;
DROP TABLE tasks;
ALTER TABLE tasks_next RENAME TO tasks;
CREATE INDEX tasks_by_status ON tasks (status);
CREATE INDEX tasks_by_account_id ON tasks (account_id);
INSERT INTO task_findings (task_id, finding_id) SELECT task_id, finding_id FROM task_findings_kept;
DROP TABLE task_findings_kept;
`,
};
