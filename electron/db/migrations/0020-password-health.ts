import type { Migration } from './index';

/**
 * Imports and what they leave behind: derived password signals (never a password), findings with
 * the accounts they concern, settings, and the ledger of every network request.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'password-health',
  sql: `
ALTER TABLE accounts ADD COLUMN has_totp INTEGER NOT NULL DEFAULT 0 CHECK (has_totp IN (0, 1));
ALTER TABLE accounts ADD COLUMN source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import'));

CREATE TABLE password_signals (
  account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  strength INTEGER NOT NULL CHECK (strength BETWEEN 0 AND 4),
  strength_warning TEXT NOT NULL DEFAULT '',
  exact_fingerprint TEXT NOT NULL CHECK (length(exact_fingerprint) = 32),
  similar_fingerprint TEXT CHECK (similar_fingerprint IS NULL OR length(similar_fingerprint) = 32),
  similar_group TEXT,
  common_rank INTEGER CHECK (common_rank IS NULL OR common_rank > 0),
  online_status TEXT NOT NULL DEFAULT 'off' CHECK (online_status IN ('off', 'found', 'not_found', 'failed')),
  pwned_count INTEGER CHECK (pwned_count IS NULL OR pwned_count >= 0),
  online_checked_at TEXT,
  analysed_at TEXT NOT NULL
) STRICT;
CREATE INDEX password_signals_by_exact_fingerprint ON password_signals (exact_fingerprint);
CREATE INDEX password_signals_by_similar_fingerprint ON password_signals (similar_fingerprint);

CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved', 'auto_resolved', 'dismissed')),
  evidence TEXT NOT NULL CHECK (json_valid(evidence)),
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  resolved_at TEXT,
  dismissed_reason TEXT,
  recheck_at TEXT,
  UNIQUE (kind, subject)
) STRICT;
CREATE INDEX findings_by_status ON findings (status);

CREATE TABLE finding_accounts (
  finding_id INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  PRIMARY KEY (finding_id, account_id)
) STRICT;
CREATE INDEX finding_accounts_by_account_id ON finding_accounts (account_id);

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  entries INTEGER NOT NULL,
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE network_ledger (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  method TEXT NOT NULL,
  url TEXT NOT NULL,
  purpose TEXT NOT NULL,
  sent TEXT NOT NULL,
  outcome TEXT NOT NULL
) STRICT;
CREATE INDEX network_ledger_by_at ON network_ledger (at);
`,
};
