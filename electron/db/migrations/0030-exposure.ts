import type { Migration } from './index';

/**
 * Exposure intelligence: when a finding was dismissed (so newer evidence can reopen it), and the
 * breaches a person has marked (or the online check found) for each email address.
 */
export const migration0030: Migration = {
  version: 30,
  name: 'exposure',
  sql: `
ALTER TABLE findings ADD COLUMN dismissed_at TEXT;

CREATE TABLE email_breaches (
  email_id INTEGER NOT NULL REFERENCES email_addresses (id) ON DELETE CASCADE,
  breach_name TEXT NOT NULL CHECK (length(breach_name) BETWEEN 1 AND 200),
  source TEXT NOT NULL CHECK (source IN ('manual', 'hibp')),
  added_at TEXT NOT NULL,
  PRIMARY KEY (email_id, breach_name)
) STRICT;
CREATE INDEX email_breaches_by_breach_name ON email_breaches (breach_name);
`,
};
