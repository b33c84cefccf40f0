import type Database from 'better-sqlite3';
import { join } from 'node:path';
import type { ChangeArea } from '../../common/ipc/contract';
import { DATABASE_FILE, openDatabase } from '../db/connection';
import { AccountsRepository } from '../db/repositories/accountsRepository';
import { PeopleRepository } from '../db/repositories/peopleRepository';
import { TrashRepository } from '../db/repositories/trashRepository';
import type { PlatformPort } from '../platform/port';
import { systemClock, type Clock } from './clock';
import { InventoryService } from './inventoryService';

/** What the app needs to run, whatever the shell around it (Electron, the CLI, the e2e harness). */
export interface CoreOptions {
  dataDir: string;
  platform: PlatformPort;
  clock?: Clock;
  /** Called after every write with the areas that changed. */
  onDidChange?: (areas: ChangeArea[]) => void;
  version?: string;
}

/** The composed app: database, services and the platform port. */
export interface Core {
  readonly dataDir: string;
  readonly databasePath: string;
  readonly version: string;
  readonly db: Database.Database;
  readonly platform: PlatformPort;
  readonly clock: Clock;
  readonly inventory: InventoryService;
  close(): void;
}

/** Opens the database in `dataDir` and wires the services over it. */
export function openCore(options: CoreOptions): Core {
  const db = openDatabase(options.dataDir);
  const clock = options.clock ?? systemClock;
  const notify = options.onDidChange ?? (() => {});
  const inventory = new InventoryService(
    new PeopleRepository(db),
    new AccountsRepository(db),
    new TrashRepository(db),
    clock,
    notify,
  );
  inventory.initialise();
  return {
    dataDir: options.dataDir,
    databasePath: join(options.dataDir, DATABASE_FILE),
    version: options.version ?? '0.0.0',
    db,
    platform: options.platform,
    clock,
    inventory,
    close: () => {
      if (db.open) db.close();
    },
  };
}
