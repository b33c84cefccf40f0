import type { Migration } from './index';

/**
 * The history of every change to a task, finding or account, as a hash chain
 * (`common/domain/history/chain.ts`): `seq` is the chain order, each row carries the previous row's
 * hash. `history_head` anchors the chain's end (row count and last hash), written in the same
 * transaction as each row, so removing the last rows is detected too. Its one row starts at the
 * genesis hash (64 zeros).
 *
 * The triggers refuse UPDATE and DELETE on `history` (and removing or shrinking the head) from any
 * connection, so a bug in the app can never rewrite the past quietly. They are a guard, not the
 * protection: anyone can drop them, and the chain is what makes such an edit detectable. A later
 * migration that has to rebuild `history` drops and recreates them. There are no foreign keys on
 * purpose: the record of what was done outlives the task, finding or account it was about.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'history',
  sql: `
CREATE TABLE history (
  seq INTEGER PRIMARY KEY CHECK (seq > 0),
  at TEXT NOT NULL CHECK (length(at) > 0),
  actor TEXT NOT NULL CHECK (length(actor) > 0),
  subject_type TEXT NOT NULL CHECK (subject_type IN ('task', 'finding', 'account')),
  subject_id INTEGER NOT NULL,
  action TEXT NOT NULL CHECK (length(action) > 0),
  from_value TEXT,
  to_value TEXT,
  note TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;
CREATE INDEX history_by_subject ON history (subject_type, subject_id);

CREATE TABLE history_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  count INTEGER NOT NULL CHECK (count >= 0),
  hash TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;
INSERT INTO history_head (id, count, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER history_refuses_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_refuses_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
CREATE TRIGGER history_head_refuses_delete BEFORE DELETE ON history_head
BEGIN SELECT RAISE(ABORT, 'history head cannot be removed'); END;
CREATE TRIGGER history_head_only_grows BEFORE UPDATE ON history_head WHEN NEW.count <= OLD.count
BEGIN SELECT RAISE(ABORT, 'history head only moves forward'); END;
`,
};
