import type { ImportErrorCode } from './types';

/**
 * A file that cannot be imported at all. `message` is written for the user and always names the
 * file; `details.row` points at the data row involved and `details.columns` lists the header seen.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly details: { row?: number; columns?: string[] } = {},
  ) {
    super(message);
  }
}
