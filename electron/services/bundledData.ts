import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The folder of bundled datasets: `electron/data` when running from source (tests), and `out/data`
 * beside the bundles (the builds copy it there). That is `../data` from here — from
 * `electron/services/`, `out/main/` or `out/cli/` — or `../../data` when a bundler moved this code
 * into a chunk one folder down (`out/main/chunks/`).
 */
export const BUNDLED_DATA_DIR =
  [join(import.meta.dirname, '../data'), join(import.meta.dirname, '../../data')].find((dir) =>
    existsSync(join(dir, 'hibp-breaches.json')),
  ) ?? join(import.meta.dirname, '../data');

/** Reads a bundled text file. */
export function readBundledText(name: string): string {
  return readFileSync(join(BUNDLED_DATA_DIR, name), 'utf8');
}
