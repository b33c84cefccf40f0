import type { Migration } from './index';

/**
 * Guide runs and the breach notices a person received.
 *
 * A guide session keeps the guide exactly as it was when it was started (`guide_json`), so a run
 * resumes step for step even if the guide is later updated or removed; each step's state is a row
 * of `guide_session_steps`. A breach notice is what a provider told the person (or a bundled
 * incident they say concerns them); it raises a finding until a guide for it is finished.
 */
export const migration0080: Migration = {
  version: 80,
  name: 'guide-sessions',
  sql: `
CREATE TABLE breach_notices (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  incident_id TEXT CHECK (incident_id IS NULL OR length(incident_id) BETWEEN 1 AND 64),
  provider TEXT NOT NULL CHECK (length(provider) BETWEEN 1 AND 80),
  domains TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(domains) AND json_type(domains) = 'array'),
  received_on TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  exposed TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(exposed) AND json_type(exposed) = 'array'),
  email_id INTEGER REFERENCES email_addresses (id) ON DELETE SET NULL,
  details TEXT NOT NULL DEFAULT '' CHECK (length(details) <= 1000),
  handled_at TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX breach_notices_by_person_id ON breach_notices (person_id);
CREATE INDEX breach_notices_by_email_id ON breach_notices (email_id);

CREATE TABLE guide_sessions (
  id INTEGER PRIMARY KEY,
  guide_id TEXT NOT NULL CHECK (length(guide_id) BETWEEN 1 AND 64),
  guide_version TEXT NOT NULL,
  guide_json TEXT NOT NULL CHECK (json_valid(guide_json)),
  variant_id TEXT,
  account_id INTEGER REFERENCES accounts (id) ON DELETE SET NULL,
  account_label TEXT,
  person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
  person_name TEXT,
  origin TEXT NOT NULL CHECK (origin IN ('library', 'finding', 'task', 'notice')),
  origin_id INTEGER,
  origin_label TEXT NOT NULL DEFAULT '',
  helper_name TEXT NOT NULL DEFAULT '' CHECK (length(helper_name) <= 80),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'finished', 'abandoned')),
  current_step INTEGER NOT NULL DEFAULT 0 CHECK (current_step >= 0),
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  finished_at TEXT
) STRICT;
CREATE INDEX guide_sessions_by_status ON guide_sessions (status);
CREATE INDEX guide_sessions_by_account_id ON guide_sessions (account_id);

CREATE TABLE guide_session_steps (
  session_id INTEGER NOT NULL REFERENCES guide_sessions (id) ON DELETE CASCADE,
  step_id TEXT NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'skipped', 'blocked')),
  note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  items TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(items) AND json_type(items) = 'array'),
  applied TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(applied) AND json_type(applied) = 'array'),
  task_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(task_ids) AND json_type(task_ids) = 'array'),
  updated_at TEXT,
  PRIMARY KEY (session_id, step_id),
  UNIQUE (session_id, position)
) STRICT;
`,
};
