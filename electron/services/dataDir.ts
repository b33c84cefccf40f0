import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Resolves the user-data folder: `--user-data-dir DIR` (or `--user-data-dir=DIR`) on the command
 * line, then `LOCKSTEP_DATA_DIR`, then the platform default.
 */
export function resolveDataDir(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  fallback: string,
): string {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--user-data-dir=')) return arg.slice('--user-data-dir='.length);
    if (arg === '--user-data-dir' && argv[i + 1]) return argv[i + 1] as string;
  }
  const fromEnv = env.LOCKSTEP_DATA_DIR?.trim();
  return fromEnv ? fromEnv : fallback;
}

/** The folder the app keeps its data in on this system (what Electron calls `userData`). */
export function defaultDataDir(): string {
  const home = homedir();
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Lockstep');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Lockstep');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Lockstep');
}
