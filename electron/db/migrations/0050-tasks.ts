import type { Migration } from './index';

/**
 * Fix tasks: generated from findings (one per thing a person does) or added by hand.
 *
 * Frozen: the literal SQL that shipped (no imported constants).
 */
export const migration0050: Migration = {
  version: 50,
  name: 'tasks',
  sql: `
CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  task_key TEXT UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('change_password', 'enable_mfa', 'upgrade_mfa', 'fix_url', 'review_email', 'manual')),
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
CREATE INDEX tasks_by_status ON tasks (status);
CREATE INDEX tasks_by_account_id ON tasks (account_id);

CREATE TABLE task_findings (
  task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  finding_id INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, finding_id)
) STRICT;
CREATE INDEX task_findings_by_finding_id ON task_findings (finding_id);
`,
};
