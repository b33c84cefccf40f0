import type { Migration } from './index';

/** One row a day of the exposure score, for the dashboard's trend. */
export const migration0060: Migration = {
  version: 60,
  name: 'snapshots',
  sql: `
CREATE TABLE score_snapshots (
  day TEXT PRIMARY KEY CHECK (length(day) = 10),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  open_findings INTEGER NOT NULL CHECK (open_findings >= 0),
  fixed_findings INTEGER NOT NULL CHECK (fixed_findings >= 0)
) STRICT;
`,
};
