// Kill test: SIGKILL the real CLI at random moments during an import, a backup and a restore, then
// check — as the app would at its next start — that nothing was half-done: no partial import (the
// accounts are those of before, or of before plus the whole import), no damaged database (it opens,
// passes integrity_check, and its history verifies), and no lost backup (every backup the rotation
// keeps is still there, complete, checked, with its key).
//
//   npm run bench -- kill                 200 kills (the default)
//   npm run bench -- kill --sizes 60      60 kills
//
// Not part of `npm test`: 200 kills take several minutes on 2 cores.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { backupKeyNames, parseBackupFileName } from '../common/domain/dataSafety/backupNames';
import { backupsToKeep } from '../common/domain/dataSafety/retention';
import { checkBackupFile } from '../electron/db/backupFile';
import { checkDatabase, DataFileError } from '../electron/db/dataFile';
import { LATEST_SCHEMA_VERSION } from '../electron/db/migrate';
import { createHeadlessPlatform } from '../electron/platform/headless';
import { openCore } from '../electron/services/core';
import { markdownTable, REPO_ROOT, seconds, type BenchOptions, type BenchResult } from './common';
import { mulberry32, writeBitwardenExport } from './generateExport';

export const DEFAULT_KILLS = [200];
const LOGINS_PER_IMPORT = 60;

type Operation = 'import' | 'backup' | 'restore';

/** What the data folder holds, read as the app reads it at start (a pending restore is finished). */
interface State {
  /** Why it could not be opened or checked; null when it is sound. */
  damage: string | null;
  accounts: number;
  history: number;
  historyHash: string;
}

async function inspect(dataDir: string): Promise<State> {
  let core;
  try {
    core = openCore({ dataDir, platform: createHeadlessPlatform(() => {}) });
  } catch (error) {
    if (error instanceof DataFileError)
      return { damage: `${error.kind}: ${error.message}`, accounts: -1, history: -1, historyHash: '' };
    throw error;
  }
  try {
    const check = checkDatabase(core.readDb, LATEST_SCHEMA_VERSION, { thorough: true });
    if (check.status === 'problem')
      return { damage: `${check.kind}: ${check.detail}`, accounts: -1, history: -1, historyHash: '' };
    const verified = core.read.history.verify();
    const head = core.readDb.prepare('SELECT count, hash FROM history_head').get() as {
      count: number;
      hash: string;
    };
    return {
      damage: verified.ok ? null : `history: ${verified.reason} at ${verified.brokenAt}`,
      accounts: core.inventory.listAccounts().length,
      history: head.count,
      historyHash: head.hash,
    };
  } finally {
    await core.close();
  }
}

/** The backups in the folder, each checked in full with its key. */
function backupsOf(dataDir: string) {
  const folder = join(dataDir, 'backups');
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const parsed = parseBackupFileName(name);
    if (!parsed) return [];
    const keys = backupKeyNames(name);
    const check = checkBackupFile(join(folder, name), { thorough: true });
    return [
      {
        id: name,
        ...parsed,
        sound: check.status === 'ok' && check.contents?.historyVerifies !== false,
        hasKey: existsSync(join(folder, keys.plain)) || existsSync(join(folder, keys.sealed)),
      },
    ];
  });
}

/** Runs the CLI; kills it with SIGKILL after `killAfterMs` (null: lets it finish). */
function runCli(
  cli: string,
  args: string[],
  killAfterMs: number | null,
): Promise<{ code: number | null; killed: boolean; ms: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let killed = false;
    const timer =
      killAfterMs === null
        ? null
        : setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({
        code,
        killed: killed && signal === 'SIGKILL',
        ms: performance.now() - started,
        stdout,
        stderr,
      });
    });
  });
}

export async function runKillBench(options: BenchOptions): Promise<BenchResult> {
  const kills = options.sizes?.[0] ?? DEFAULT_KILLS[0]!;
  const { ensureCli } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts/buildCli.mjs')).href)) as {
    ensureCli: (root: string) => Promise<string>;
  };
  const cli = await ensureCli(REPO_ROOT);
  const work = mkdtempSync(join(tmpdir(), 'lockstep-bench-kill-'));
  const dataDir = join(work, 'data');
  const random = mulberry32(0x5eed);
  const exportFile = (n: number) => {
    const path = join(work, `import-${n}.csv`);
    if (!existsSync(path)) writeBitwardenExport(LOGINS_PER_IMPORT, path, 1000 + n);
    return path;
  };
  const args = (...rest: string[]) => [...rest, '--data-dir', dataDir, '--json'];

  try {
    // The starting point: some data, and the backup every restore goes back to.
    const seed = await runCli(cli, args('import', exportFile(0)), null);
    if (seed.code !== 0) throw new Error(`The first import failed: ${seed.stderr}`);
    const origin = await runCli(cli, args('backup', 'create'), null);
    if (origin.code !== 0) throw new Error(`The first backup failed: ${origin.stderr}`);
    const restoreFrom = (JSON.parse(origin.stdout) as { file: string }).file;
    const restored = await inspect(dataDir);

    // How long each operation takes when left alone: kills land anywhere in that span.
    const span: Record<Operation, number> = { import: 0, backup: 0, restore: 0 };
    span.import = (await runCli(cli, args('import', exportFile(1)), null)).ms;
    span.backup = (await runCli(cli, args('backup', 'create'), null)).ms;
    span.restore = (await runCli(cli, args('backup', 'restore', restoreFrom), null)).ms;
    const calibration = { ...span };
    const effectAt = { ...span };
    console.log(
      `  calibration: import ${seconds(span.import)}, backup ${seconds(span.backup)}, restore ${seconds(span.restore)}`,
    );

    // For runs that were killed: did the operation take effect (all of it) or not (none of it)?
    const tally = {
      import: { runs: 0, killed: 0, tookEffect: 0 },
      backup: { runs: 0, killed: 0, tookEffect: 0 },
      restore: { runs: 0, killed: 0, tookEffect: 0 },
    };
    let partialImports = 0;
    let damaged = 0;
    let lostBackups = 0;
    let brokenBackups = 0;
    const problems: string[] = [];
    let nextImport = 2;

    for (let i = 0; i < kills; i += 1) {
      const operation = (['import', 'backup', 'restore'] as const)[i % 3]!;
      const before = await inspect(dataDir);
      const backupsBefore = backupsOf(dataDir);
      let expectedAfterImport: number | null = null;
      let command: string[];
      if (operation === 'import') {
        const file = exportFile(nextImport);
        nextImport += 1;
        const dry = await runCli(cli, args('import', file, '--dry-run'), null);
        expectedAfterImport = before.accounts + (JSON.parse(dry.stdout) as { created: number }).created;
        command = args('import', file);
      } else if (operation === 'backup') command = args('backup', 'create');
      else command = args('backup', 'restore', restoreFrom);

      // Every other kill anywhere up to a little past the moment the operation takes effect (its
      // commit or its rename), the others close around that moment, on either side. The moment is
      // tracked as the runs go: a kill after it finds the operation done, one before finds nothing.
      const around = effectAt[operation];
      const delay = Math.floor(i % 2 === 0 ? random() * 1.2 * around : (0.85 + random() * 0.3) * around);
      const run = await runCli(cli, command, delay);
      tally[operation].runs += 1;
      if (run.killed) tally[operation].killed += 1;
      else if (run.code !== 0) problems.push(`#${i} ${operation} exited ${run.code}: ${run.stderr.trim()}`);

      const after = await inspect(dataDir);
      if (after.damage) {
        damaged += 1;
        problems.push(`#${i} ${operation}: damaged — ${after.damage}`);
        break;
      }
      const backupsAfter = backupsOf(dataDir);
      if (run.killed) {
        const tookEffect =
          operation === 'import'
            ? after.accounts !== before.accounts
            : operation === 'restore'
              ? after.historyHash !== before.historyHash
              : backupsAfter.some((b) => !backupsBefore.some((old) => old.id === b.id));
        if (tookEffect) tally[operation].tookEffect += 1;
        effectAt[operation] *= tookEffect ? 0.95 : 1.05;
      } else {
        effectAt[operation] *= 0.95;
      }
      if (
        operation === 'import' &&
        after.accounts !== before.accounts &&
        after.accounts !== expectedAfterImport
      ) {
        partialImports += 1;
        problems.push(
          `#${i} import: ${after.accounts} accounts, expected ${before.accounts} or ${expectedAfterImport}`,
        );
      }
      if (operation === 'restore') {
        const unchanged = after.accounts === before.accounts && after.historyHash === before.historyHash;
        const isRestored = after.accounts === restored.accounts && after.history === restored.history + 1;
        if (!unchanged && !isRestored) {
          damaged += 1;
          problems.push(`#${i} restore: neither the old data nor the backup (${after.accounts} accounts)`);
        }
      }
      if (operation !== 'restore' && operation !== 'import' && after.historyHash !== before.historyHash) {
        problems.push(`#${i} backup changed the data`);
      }
      const present = new Set(backupsAfter.map((b) => b.id));
      const newOnes = backupsAfter.filter((b) => !backupsBefore.some((old) => old.id === b.id));
      const keep = backupsToKeep([...backupsBefore, ...newOnes]);
      for (const old of backupsBefore) {
        if (keep.has(old.id) && !present.has(old.id)) {
          lostBackups += 1;
          problems.push(`#${i} ${operation}: lost the backup ${old.id}`);
        }
      }
      for (const backup of backupsAfter) {
        if (!backup.sound || !backup.hasKey) {
          brokenBackups += 1;
          problems.push(
            `#${i} ${operation}: backup ${backup.id} ${backup.sound ? 'has no key' : 'is not sound'}`,
          );
        }
      }
      if ((i + 1) % 20 === 0) {
        console.log(
          `  ${i + 1}/${kills}: killed mid-way ${tally.import.killed + tally.backup.killed + tally.restore.killed}; partial imports ${partialImports}, damaged ${damaged}, lost backups ${lostBackups}`,
        );
      }
    }

    const leftovers = readdirSync(dataDir).filter(
      (name) => name.startsWith('.restoring-') || name === 'restore-pending.json',
    );
    const partials = existsSync(join(dataDir, 'backups'))
      ? readdirSync(join(dataDir, 'backups')).filter((name) => name.endsWith('.partial')).length
      : 0;
    const rows = (['import', 'backup', 'restore'] as const).map((op) => [
      op,
      String(tally[op].runs),
      String(tally[op].killed - tally[op].tookEffect),
      String(tally[op].tookEffect),
      String(tally[op].runs - tally[op].killed),
      seconds(calibration[op]),
    ]);
    const markdown = [
      markdownTable(
        [
          'Operation',
          'Runs',
          'Killed before it took effect',
          'Killed after it took effect',
          'Finished before the kill',
          'Uninterrupted run',
        ],
        rows,
      ),
      '',
      `- ${kills} runs, each SIGKILLed after a random delay: every other one anywhere up to 1.2× the moment the operation takes effect (its commit, or the backup's rename), the others within ±15% of that moment. The moment starts at the uninterrupted time and is tracked as the runs go (a kill that finds the operation done moves it earlier, one that finds nothing later), so the kills straddle it; a run that finished before its kill counts as not killed.`,
      `- **Partial imports: ${partialImports}. Damaged databases: ${damaged}. Lost backups: ${lostBackups}.** Backups not complete or without their key: ${brokenBackups}.`,
      `- Left behind: ${leftovers.length} restore files after the next open (should be 0); ${partials} partial backup copies (removed by the next rotation once an hour old).`,
      ...(problems.length > 0 ? ['', 'Problems:', ...problems.slice(0, 20).map((p) => `- ${p}`)] : []),
    ].join('\n');
    console.log(markdown);
    if (partialImports + damaged + lostBackups + brokenBackups > 0) process.exitCode = 1;
    return { markdown };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
