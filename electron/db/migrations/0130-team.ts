import type { Migration } from './index';

/**
 * A small business in one file: people get a group (department) and a role; a task gets an owner
 * (whose account it is — stored for tasks that have no account, such as an address in a breach or
 * a notice; for the others the account says) and may get an assignee, who does it: one of the
 * people, or a helper who is not one of them (the office's IT helper), kept by name; guide runs
 * started for several people at once belong to a checklist, which the board reads back.
 *
 * An assignee is one or the other, never both. A checklist keeps its guide's title as it was at the
 * start, as each of its runs keeps its guide.
 *
 * Frozen: the literal SQL that shipped.
 */
export const migration0130: Migration = {
  version: 130,
  name: 'team',
  sql: `
ALTER TABLE people ADD COLUMN group_name TEXT NOT NULL DEFAULT '' CHECK (length(group_name) <= 80);
ALTER TABLE people ADD COLUMN role TEXT NOT NULL DEFAULT '' CHECK (length(role) <= 80);
CREATE INDEX people_by_group_name ON people (group_name);

ALTER TABLE tasks ADD COLUMN owner_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL;
ALTER TABLE tasks ADD COLUMN assignee_person_id INTEGER REFERENCES people (id) ON DELETE SET NULL;
ALTER TABLE tasks ADD COLUMN assignee_helper TEXT
  CHECK (assignee_helper IS NULL OR (length(assignee_helper) BETWEEN 1 AND 80 AND assignee_person_id IS NULL));
CREATE INDEX tasks_by_owner_person_id ON tasks (owner_person_id);
CREATE INDEX tasks_by_assignee_person_id ON tasks (assignee_person_id);

CREATE TABLE checklists (
  id INTEGER PRIMARY KEY,
  guide_id TEXT NOT NULL CHECK (length(guide_id) BETWEEN 1 AND 64),
  guide_title TEXT NOT NULL CHECK (length(guide_title) BETWEEN 1 AND 200),
  helper_name TEXT NOT NULL DEFAULT '' CHECK (length(helper_name) <= 80),
  created_at TEXT NOT NULL
) STRICT;
ALTER TABLE guide_runs ADD COLUMN checklist_id INTEGER REFERENCES checklists (id) ON DELETE SET NULL;
CREATE INDEX guide_runs_by_checklist_id ON guide_runs (checklist_id);
CREATE INDEX guide_runs_by_person_id ON guide_runs (person_id);
`,
};
