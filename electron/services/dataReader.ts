import { join } from 'node:path';
import { DATABASE_FILE, openReadableDatabase, type ReadConnection } from '../db/connection';
import { checkDatabase, checkFileHeader } from '../db/dataFile';
import { LATEST_SCHEMA_VERSION } from '../db/migrate';
import { AccountsRepository } from '../db/repositories/accountsRepository';
import { FindingsRepository } from '../db/repositories/findingsRepository';
import { PasswordSignalsRepository } from '../db/repositories/passwordSignalsRepository';
import { finishPendingRestore } from './dataSafety/pendingRestore';

/** The data opened for reading only, with the repositories a listing of the accounts reads. */
export interface DataReader {
  readonly accounts: AccountsRepository;
  readonly signals: PasswordSignalsRepository;
  readonly findings: FindingsRepository;
  close(): void;
}

/**
 * Opens the data in `dataDir` for reading only, without the services (and the validation, the
 * datasets and the domain rules they load): for a command that only lists what is stored. It opens
 * the file as `openCore` does, with the same checks — a restore a crash interrupted is
 * finished, then the header, SQLite's `quick_check` and the schema — and answers only when the
 * data is simply there to read. Otherwise it returns null — having done nothing beyond finishing an
 * interrupted restore, which `openCore` does first too — and the caller opens the data with
 * `openCore`, which creates a missing file, migrates an older one and explains a problem (with the
 * same checks, so a problem is reported exactly as for any other command).
 */
export function openDataForReading(dataDir: string): DataReader | null {
  finishPendingRestore(dataDir);
  if (checkFileHeader(join(dataDir, DATABASE_FILE)).status !== 'ok') return null;
  let reader: ReadConnection;
  try {
    reader = openReadableDatabase(dataDir);
  } catch {
    return null;
  }
  try {
    const check = checkDatabase(reader.db, LATEST_SCHEMA_VERSION);
    if (check.status !== 'ok' || check.isNew || check.schemaVersion !== LATEST_SCHEMA_VERSION) {
      reader.close();
      return null;
    }
    return {
      accounts: new AccountsRepository(reader.db),
      signals: new PasswordSignalsRepository(reader.db),
      findings: new FindingsRepository(reader.db),
      close: () => reader.close(),
    };
  } catch {
    reader.close();
    return null;
  }
}
