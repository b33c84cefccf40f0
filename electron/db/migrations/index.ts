/**
 * Every schema step, in order. A migration is never edited once released: add a new one instead.
 * Versions go in steps of 10 so a fix can slot in between.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * The step edits tables' SQL in `sqlite_schema` in place (SQLite's procedure for changes that
   * leave every stored row and index as it is, such as a CHECK constraint rewritten to an
   * equivalent one). The runner allows it for this step only and verifies the whole database
   * (`PRAGMA quick_check` of each table it edited) before the transaction commits.
   */
  editsTableSql?: true;
}

import { migration0010 } from './0010-inventory';
import { migration0020 } from './0020-password-health';
import { migration0030 } from './0030-exposure';
import { migration0040 } from './0040-history';
import { migration0050 } from './0050-tasks';
import { migration0060 } from './0060-snapshots';
import { migration0070 } from './0070-offline-index';
import { migration0080 } from './0080-guide-sessions';
import { migration0090 } from './0090-write-path';
import { migration0110 } from './0110-mail-scan';
import { migration0120 } from './0120-strength-verdicts';
import { migration0130 } from './0130-team';
import { migration0140 } from './0140-cheaper-checks';

export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0090,
  migration0110,
  migration0120,
  migration0130,
  migration0140,
];
