import { format } from '../../../common/messages/format';
import { parseArgs } from 'node:util';
import {
  backupDateLabel,
  describeDataProblem,
  FILE_DAMAGE_KINDS,
} from '../../../common/domain/dataSafety/problems';
import { terminalSafe } from '../../../common/domain/terminal';
import { AppFailure } from '../../../common/ipc/result';
import type { DataProblemKind } from '../../../common/model/dataSafety';
import { systemClock, type Clock } from '../clock';
import { DataFileError, newerDataFileError } from '../../db/dataFile';
import { DatabaseFromFutureError } from '../../db/migrate';
import type { PlatformPort } from '../../platform/port';
import { StorageFailure } from '../writePath';
import { BackupService } from './backupService';
import { AppHost } from './host';
import { RestoreRefused } from './restore';

/**
 * The command line's exit codes. 1 is also what `history verify` returns for a broken history, so
 * a damaged or unusable data file has codes of its own.
 */
export const EXIT = {
  ok: 0,
  /** An internal error; `history verify`: the history is broken. */
  internal: 1,
  /**
   * Bad input or refused (a file that is not a good backup), or the data is busy — another
   * Lockstep is changing it ("try again"): nothing was written.
   */
  badInput: 2,
  /** The data file is damaged, empty, cut short, not a Lockstep database, or from a newer version. */
  damaged: 3,
  /** The data cannot be used now: read-only, disk full, no access. Nothing was changed. */
  unavailable: 4,
} as const;

/** The exit code for a problem with the data file or its surroundings. */
export function exitCodeOf(kind: DataProblemKind): number {
  // Another Lockstep holding the write lock is a refusal to try again (exit 2), like bad input.
  if (kind === 'locked') return EXIT.badInput;
  return FILE_DAMAGE_KINDS.has(kind) ? EXIT.damaged : EXIT.unavailable;
}

/**
 * The exit code and message for an error that is about the data (a damaged file, a full disk, a
 * refused restore), or null for any other error.
 */
export function dataErrorExit(error: unknown): { code: number; message: string } | null {
  if (error instanceof RestoreRefused) return { code: EXIT.badInput, message: error.message };
  if (error instanceof DatabaseFromFutureError) error = newerDataFileError(error);
  if (error instanceof DataFileError) return { code: exitCodeOf(error.kind), message: error.message };
  if (error instanceof StorageFailure) return { code: exitCodeOf(error.kind), message: error.message };
  return null;
}

/**
 * What to tell a person whose data could not be opened: what happened and what to do, naming the
 * newest good backup to restore when the file itself is bad.
 */
export function describeOpenFailure(dataDir: string, error: DataFileError, clock?: Clock): string {
  const backup = FILE_DAMAGE_KINDS.has(error.kind)
    ? new BackupService({ dataDir, clock: clock ?? systemClock, source: () => null }).newestGood()
    : null;
  const problem = describeDataProblem(error.kind, {
    file: error.file,
    detail: error.detail,
    backup: backup ? { createdAt: backup.createdAt, path: backup.path } : null,
    ...(error.versions ? { versions: error.versions } : {}),
  });
  return `${problem.message} ${problem.advice}`;
}

export { dataSafetyUsage } from './usage';

/** Where the commands run and write. */
export interface DataSafetyIo {
  dataDir: string;
  platform: PlatformPort;
  version: string;
  clock?: Clock;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * `backup create|list|restore`, `export --out DIR` and `erase --yes`, as the command line runs them.
 * Returns the exit code; errors about the data become their codes and messages.
 */
export async function runDataSafetyCli(argv: string[], io: DataSafetyIo): Promise<number> {
  let values: { out?: string; json?: boolean; yes?: boolean; backups?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        yes: { type: 'boolean', default: false },
        backups: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    io.stderr.write(`lockstep: ${(error as Error).message}\n`);
    return EXIT.badInput;
  }
  const print = (human: string, json: unknown) =>
    io.stdout.write(values.json ? `${JSON.stringify(json, null, 2)}\n` : `${terminalSafe(human)}\n`);
  const fail = (message: string, code: number) => {
    io.stderr.write(`lockstep: ${terminalSafe(message)}\n`);
    return code;
  };
  const usage = (syntax: string) => fail(format('cli.usageOf', { syntax }), EXIT.badInput);
  const host = new AppHost({
    dataDir: io.dataDir,
    platform: io.platform,
    version: io.version,
    clock: io.clock,
  });
  try {
    const [command, sub, ...rest] = positionals;
    if (command === 'backup' && sub === 'create' && rest.length === 0) {
      const problem = host.problemNow();
      if (problem) return fail(`${problem.message} ${problem.advice}`, exitCodeOf(problem.kind));
      const backup = await host.createBackup(values.out ? { out: values.out } : {});
      print(
        format('cli.backup.done', {
          accounts: backup.contents.accounts,
          history: backup.contents.historyEntries,
          path: backup.path,
          bytes: backup.bytes,
        }),
        {
          file: backup.path,
          bytes: backup.bytes,
          accounts: backup.contents.accounts,
          historyEntries: backup.contents.historyEntries,
        },
      );
      return EXIT.ok;
    }
    if (command === 'backup' && sub === 'list' && rest.length === 0) {
      const { folder, entries } = host.listBackups();
      print(
        entries.length === 0
          ? format('cli.backup.none', { folder })
          : [
              format('cli.backup.listHeading', { folder }),
              ...entries.map(
                (b) =>
                  `  ${b.fileName}  ${backupDateLabel(b.createdAt)}  ${b.kind}  ${b.ok ? format('count.accounts', { count: b.accounts ?? 0 }) : format('cli.backup.notUsable', { problem: b.problem ?? '' })}`,
              ),
            ].join('\n'),
        entries.map((b) => ({
          file: b.path,
          createdAt: b.createdAt,
          bytes: b.bytes,
          accounts: b.accounts,
          ok: b.ok,
        })),
      );
      return EXIT.ok;
    }
    if (command === 'backup' && sub === 'restore') {
      if (rest.length !== 1) return usage('backup restore FILE');
      const outcome = await host.restore({ path: rest[0]! });
      for (const warning of outcome.warnings) io.stderr.write(`lockstep: ${terminalSafe(warning)}\n`);
      print(
        format('cli.backup.restored', {
          from: outcome.restoredFrom,
          hasSaved: outcome.savedCurrentAs ? 'yes' : 'no',
          saved: outcome.savedCurrentAs ?? '',
        }),
        { restoredFrom: outcome.restoredFrom, savedCurrentAs: outcome.savedCurrentAs },
      );
      return EXIT.ok;
    }
    if (command === 'backup') return usage('backup create [--out FILE] | backup list | backup restore FILE');
    if (command === 'export') {
      if (!values.out || sub !== undefined) return usage('export --out DIR');
      const problem = host.problemNow();
      if (problem) return fail(`${problem.message} ${problem.advice}`, exitCodeOf(problem.kind));
      const outcome = (await host.exportAll(values.out))!;
      print(format('cli.export.done', { folder: outcome.folder, count: outcome.files.length }), outcome);
      return EXIT.ok;
    }
    if (command === 'erase') {
      if (sub !== undefined) return usage('erase --yes [--backups]');
      if (!values.yes) {
        io.stderr.write(`lockstep: ${format('cli.erase.confirm')}\n`);
        return EXIT.badInput;
      }
      const outcome = await host.erase({ includeBackups: Boolean(values.backups), reopen: false });
      print(
        format('cli.erase.done', {
          count: outcome.removed.length,
          hasKept: outcome.keptBackups ? 'yes' : 'no',
          kept: outcome.keptBackups ?? '',
        }),
        outcome,
      );
      return EXIT.ok;
    }
    return usage('backup create|list|restore, export --out DIR, erase --yes');
  } catch (error) {
    const known = dataErrorExit(error);
    if (known) {
      io.stderr.write(`lockstep: ${terminalSafe(known.message)}\n`);
      return known.code;
    }
    if (error instanceof AppFailure && error.code !== 'internal') {
      io.stderr.write(`lockstep: ${terminalSafe(error.message)}\n`);
      return error.code === 'unavailable' ? EXIT.unavailable : EXIT.badInput;
    }
    throw error;
  } finally {
    await host.close();
  }
}
