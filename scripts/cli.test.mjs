import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'lockstep-launcher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Loaded before the launcher: reports the thread pool's size the process ended with.
const reporter = join(dir, 'report.cjs');
writeFileSync(
  reporter,
  "process.on('exit', () => process.stderr.write(`pool=${process.env.UV_THREADPOOL_SIZE}\\n`));\n",
);

const run = (env) =>
  spawnSync(process.execPath, ['--require', reporter, 'scripts/cli.cjs', '--help'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

describe('the command line’s launcher (scripts/cli.cjs)', () => {
  it('sizes Node’s thread pool at 8 before anything uses it, and runs the command', () => {
    const { UV_THREADPOOL_SIZE: _ignored, ...env } = process.env;
    const result = spawnSync(process.execPath, ['--require', reporter, 'scripts/cli.cjs', '--help'], {
      cwd: ROOT,
      encoding: 'utf8',
      env,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Exit status:');
    expect(result.stderr).toContain('pool=8');
  });

  it('keeps a size the environment gives', () => {
    const result = run({ UV_THREADPOOL_SIZE: '3' });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('pool=3');
  });

  it('is what package.json runs, as the bin and as `npm run cli`', async () => {
    const { default: pkg } = await import('../package.json', { with: { type: 'json' } });
    expect(pkg.bin.lockstep).toBe('scripts/cli.cjs');
    expect(pkg.scripts.cli).toBe('node scripts/cli.cjs');
  });
});
