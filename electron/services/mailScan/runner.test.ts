import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plantedMailbox } from '../../testing/plantedMailbox';
import { inProcessMailScanRunner, workerMailScanRunner } from './runner';
import type { MailScanCheckpoint } from './scanMailbox';

/**
 * The worker thread the app runs scans in, built from its source as the app's build does (one
 * file, packages from node_modules), so what runs here is the code that ships.
 */
const root = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'lockstep-mailworker-'));
// Inside the repository, where its packages resolve from node_modules (as out/main's do).
const buildDir = join(root, 'out/test');
mkdirSync(buildDir, { recursive: true });
const workerFile = join(mkdtempSync(join(buildDir, 'mail-worker-')), 'mailScanWorker.mjs');
const mbox = join(dir, 'mail.mbox');
const key = new Uint8Array(32).fill(7);

beforeAll(async () => {
  await build({
    entryPoints: [join(import.meta.dirname, 'worker.ts')],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    absWorkingDir: root,
  });
  writeFileSync(mbox, plantedMailbox({ decoys: 1500 }).mbox);
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(dirname(workerFile), { recursive: true, force: true });
});

describe('scanning in a worker thread', () => {
  it('gives the report the same code gives on this thread, with progress', async () => {
    const progress: number[] = [];
    const inWorker = await workerMailScanRunner(workerFile).run(
      { path: mbox, key, ownAddresses: ['me@example.org'], onProgress: (p) => progress.push(p.messages) },
      new AbortController().signal,
    );
    const here = await inProcessMailScanRunner.run(
      { path: mbox, key, ownAddresses: ['me@example.org'] },
      new AbortController().signal,
    );
    expect(inWorker).toEqual(here);
    expect(inWorker.findings.length).toBeGreaterThan(50);
    expect(progress.at(-1)).toBe(here.messages);
  });

  it('stops when cancelled, handing back a checkpoint that resumes to the same report', async () => {
    const runner = workerMailScanRunner(workerFile);
    const controller = new AbortController();
    let checkpoint: MailScanCheckpoint | undefined;
    const cancelled = runner.run(
      {
        path: mbox,
        key,
        ownAddresses: [],
        onProgress: (p) => {
          if (p.messages > 0) controller.abort();
        },
        onCheckpoint: (c) => {
          checkpoint = c;
        },
      },
      controller.signal,
    );
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(checkpoint!.state.messages).toBeGreaterThan(0);
    const resumed = await runner.run(
      { path: mbox, key, ownAddresses: [], resumeFrom: checkpoint! },
      new AbortController().signal,
    );
    const whole = await inProcessMailScanRunner.run(
      { path: mbox, key, ownAddresses: [] },
      new AbortController().signal,
    );
    expect(resumed).toEqual(whole);
  });

  it('says why a place holds no mail, without the worker’s internals', async () => {
    const pst = join(dir, 'archive.pst');
    writeFileSync(pst, 'not really');
    await expect(
      workerMailScanRunner(workerFile).run(
        { path: pst, key, ownAddresses: [] },
        new AbortController().signal,
      ),
    ).rejects.toMatchObject({ name: 'MailScanError', code: 'outlook_file' });
  });
});
