import type { Migration } from './index';

/**
 * One name per concept, and a history that can record every kind of change.
 *
 * - A "guide run" was stored as a "guide session": the tables and their key column are renamed
 *   (SQLite rewrites the foreign key that points at the renamed table).
 * - The history could only be about tasks, findings and accounts. People, email addresses, notices,
 *   guide runs, imports and the data file itself (backups, restores) change too, and each change
 *   is recorded. The table is rebuilt with a pattern check instead of a closed list, so a new kind of
 *   subject never needs another rebuild; the rows, their order and their hashes are copied as they
 *   are (the hash covers the subject type's text, which does not change), so the chain verifies.
 *
 * Frozen: the literal SQL that shipped.
 */
export const migration0090: Migration = {
  version: 90,
  name: 'write-path',
  sql: `
ALTER TABLE guide_sessions RENAME TO guide_runs;
ALTER TABLE guide_session_steps RENAME TO guide_run_steps;
ALTER TABLE guide_run_steps RENAME COLUMN session_id TO run_id;
DROP INDEX guide_sessions_by_status;
DROP INDEX guide_sessions_by_account_id;
CREATE INDEX guide_runs_by_status ON guide_runs (status);
CREATE INDEX guide_runs_by_account_id ON guide_runs (account_id);

DROP TRIGGER history_refuses_update;
DROP TRIGGER history_refuses_delete;
CREATE TABLE history_next (
  seq INTEGER PRIMARY KEY CHECK (seq > 0),
  at TEXT NOT NULL CHECK (length(at) > 0),
  actor TEXT NOT NULL CHECK (length(actor) > 0),
  subject_type TEXT NOT NULL CHECK (length(subject_type) BETWEEN 1 AND 32 AND subject_type NOT GLOB '*[^a-z_]*'),
  subject_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (length(action) > 0),
  from_value TEXT,
  to_value TEXT,
  note TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;
INSERT INTO history_next (seq, at, actor, subject_type, subject_id, action, from_value, to_value, note, prev_hash, hash)
  SELECT seq, at, actor, subject_type, subject_id, action, from_value, to_value, note, prev_hash, hash
  FROM history ORDER BY seq;
DROP TABLE history;
ALTER TABLE history_next RENAME TO history;
CREATE INDEX history_by_subject ON history (subject_type, subject_id);
CREATE TRIGGER history_refuses_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_refuses_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
`,
};
