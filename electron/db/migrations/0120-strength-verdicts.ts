import type { Migration } from './index';

/**
 * Password-strength verdicts kept across imports, so a re-import of the same export scores nothing
 * new: zxcvbn's estimate of a password without user inputs, under the password's keyed fingerprint
 * (an HMAC with the install's key, as password_signals keeps) and the scorer's version. Never the
 * password. Rows no account's current password uses are removed after each import.
 *
 * Frozen: the literal SQL that shipped.
 */
export const migration0120: Migration = {
  version: 120,
  name: 'strength-verdicts',
  sql: `
CREATE TABLE strength_verdicts (
  fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 32 AND fingerprint NOT GLOB '*[^0-9a-f]*'),
  version TEXT NOT NULL CHECK (length(version) BETWEEN 1 AND 300),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 4),
  guesses_log10 REAL NOT NULL,
  warning TEXT NOT NULL DEFAULT '',
  suggestions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(suggestions) AND json_type(suggestions) = 'array'),
  stored_at TEXT NOT NULL
) STRICT;
`,
};
