import type { Migration } from './index';

/**
 * People, their email addresses and their accounts. Deleted rows wait in the trash for undo.
 *
 * Frozen: the literal SQL that shipped. Never import today's constants into a migration — a value
 * added later gets its own migration, so fresh and upgraded databases accept the same values.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'inventory',
  sql: `
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deletion_token TEXT
) STRICT;
CREATE INDEX people_by_deletion_token ON people (deletion_token);

CREATE TABLE email_addresses (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  address TEXT NOT NULL CHECK (length(address) BETWEEN 3 AND 254),
  created_at TEXT NOT NULL,
  deletion_token TEXT
) STRICT;
CREATE INDEX email_addresses_by_person_id ON email_addresses (person_id);
CREATE INDEX email_addresses_by_deletion_token ON email_addresses (deletion_token);

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  service TEXT NOT NULL CHECK (length(service) BETWEEN 1 AND 200),
  url TEXT NOT NULL DEFAULT '',
  domain TEXT,
  url_kind TEXT CHECK (url_kind IN ('web', 'android', 'ip', 'local')),
  username TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL CHECK (category IN ('email', 'finance', 'work', 'social', 'shopping', 'cloud', 'developer', 'government', 'health', 'entertainment', 'utilities', 'other')),
  criticality TEXT NOT NULL CHECK (criticality IN ('critical', 'important', 'standard')),
  mfa TEXT NOT NULL DEFAULT 'unknown' CHECK (mfa IN ('unknown', 'none', 'sms', 'email', 'totp', 'push', 'passkey', 'security_key')),
  password_changed_at TEXT,
  recovery_reviewed_at TEXT,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deletion_token TEXT
) STRICT;
CREATE INDEX accounts_by_person_id ON accounts (person_id);
CREATE INDEX accounts_by_domain ON accounts (domain);
CREATE INDEX accounts_by_deletion_token ON accounts (deletion_token);
`,
};
