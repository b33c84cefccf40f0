import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The folder of bundled datasets: `electron/data` when running from source (tests, CLI), and
 * `out/data` beside the bundled main process (the build copies it there). Both are `../data` from
 * here, because the bundle puts all main-process code in `out/main/`.
 */
export const BUNDLED_DATA_DIR = join(import.meta.dirname, '../data');

/** Reads a bundled text file. */
export function readBundledText(name: string): string {
  return readFileSync(join(BUNDLED_DATA_DIR, name), 'utf8');
}
