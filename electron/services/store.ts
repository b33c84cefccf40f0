import type { ReadRepositories } from '../db/repositories/index';
import type { WriteContext } from './writePath';

/**
 * What a service works with: read-only repositories for questions, and the write path for every
 * change (DESIGN.md, "One write path"). A service never writes outside `write`.
 */
export interface Store {
  /** Repositories over the read-only connection. */
  readonly read: ReadRepositories;
  /** Runs a change and everything it implies as one transaction. */
  write<T>(fn: (tx: WriteContext) => T): T;
}
