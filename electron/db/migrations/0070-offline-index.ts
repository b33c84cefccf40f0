import type { Migration } from './index';

/** What the offline Pwned Passwords index said about a password, and the corpus it came from. */
export const migration0070: Migration = {
  version: 70,
  name: 'offline-index',
  sql: `
ALTER TABLE password_signals ADD COLUMN index_count INTEGER CHECK (index_count IS NULL OR index_count >= 0);
ALTER TABLE password_signals ADD COLUMN index_built_at TEXT;
`,
};
