import { format } from '../../common/messages/format';
import { basename } from 'node:path';
import { MAIL_PASSWORD_KINDS } from '../../common/domain/checks/mailSecrets';
import { MAIL_SECRET_LABELS, isMailSecretKind, type MailScanReport } from '../../common/domain/mailScan';
import type { ParsedRequestOf } from '../../common/ipc/contract';
import { AppFailure } from '../../common/ipc/result';
import type { MailScanStatus, MailScanSummary } from '../../common/model/index';
import type { MailScanRow } from '../db/repositories/mailScansRepository';
import type { PlatformPort } from '../platform/port';
import type { MailScanCheckpoint, MailScanProgress } from './mailScan/scanMailbox';
import { listMailSources, MailScanError } from './mailScan/sources';
import type { MailScanRunner } from './mailScan/runner';
import type { Store } from './store';

/** What the mailbox scan needs. */
export interface MailScanDeps {
  store: Store;
  platform: PlatformPort;
  /** The install's fingerprint key (the password fingerprinter's). */
  key: () => Uint8Array;
  /** Where scans run: a worker thread in the app, this thread in the CLI and the e2e harness. */
  runner: MailScanRunner;
}

interface Current {
  scanId: number;
  controller: AbortController;
  progress: MailScanProgress;
  done: Promise<void>;
}

/** A scan the CLI ran to the end: its summary and the engine's report (no secret in either). */
export interface FinishedMailScan {
  scan: MailScanSummary;
  report: MailScanReport;
}

/**
 * The mailbox scan in the app (issue #15): a person picks a mail export through main's own dialog
 * (the renderer never names a path), the scan runs off the main thread with progress, and can be
 * cancelled and resumed — after a restart too, by picking the same mail again (its checkpoint
 * knows the files' names, sizes and dates). A finished scan stores its summary and what it found —
 * kinds, masked hints, keyed fingerprints, dates, folders, domains, hashes; never a secret, a
 * message or the full path — and the checks turn each secret into a `mail_secret` finding and a
 * task, in the same transaction.
 */
export class MailScanService {
  private current: Current | null = null;
  /** Paths picked in this session, by scan (never stored: a resume after a restart asks again). */
  private readonly paths = new Map<number, string>();
  /** The report of the last scan that finished (the command line prints it). */
  private lastReport: MailScanReport | null = null;

  constructor(private readonly deps: MailScanDeps) {}

  /** The scan under way, and every scan so far. */
  status(): MailScanStatus {
    const current = this.current;
    return {
      running: current
        ? {
            scanId: current.scanId,
            messages: current.progress.messages,
            bytes: current.progress.bytes,
            bytesTotal: current.progress.bytesTotal,
          }
        : null,
      scans: this.deps.store.read.mailScans.list().map((row) => this.summary(row)),
    };
  }

  /**
   * Asks the person for a mailbox export (a file, or a folder) and starts scanning it for
   * `personId`. `started: false` when they cancelled the dialog.
   */
  async start({
    personId,
    source,
  }: ParsedRequestOf<'mailScan:start'>): Promise<{ started: boolean; status: MailScanStatus }> {
    this.requireIdle();
    this.requirePerson(personId);
    const path = await this.pick(source, null);
    if (!path) return { started: false, status: this.status() };
    await this.begin(path, personId, source);
    return { started: true, status: this.status() };
  }

  /**
   * Resumes a paused scan where it stopped: with the mail picked earlier in this session, or — after
   * a restart — the same mail picked again (a different one is refused by its checkpoint).
   */
  async resume({
    id,
  }: ParsedRequestOf<'mailScan:resume'>): Promise<{ started: boolean; status: MailScanStatus }> {
    this.requireIdle();
    const row = this.deps.store.read.mailScans.get(id);
    if (!row) throw new AppFailure('not_found', format('errors.mailScan.scanGone'));
    if (row.status === 'finished') throw new AppFailure('conflict', format('errors.mailScan.finished'));
    const path = this.paths.get(id) ?? (await this.pick(row.sourceKind, row.sourceName));
    if (!path) return { started: false, status: this.status() };
    const checkpoint = this.deps.store.read.mailScans.checkpoint(id) as MailScanCheckpoint | null;
    this.deps.store.write((tx) => {
      tx.repos.mailScans.update(id, { status: 'running', problem: null }, tx.now);
      tx.record({
        subjectType: 'mail_scan',
        subjectId: id,
        action: 'resumed',
        from: row.status,
        to: 'running',
        note: row.sourceName,
      });
      tx.announce('mail');
    });
    this.launch(id, path, row.personId, checkpoint ?? undefined);
    return { started: true, status: this.status() };
  }

  /** Stops the running scan; it keeps a checkpoint and can be resumed. */
  async cancel(): Promise<MailScanStatus> {
    const current = this.current;
    if (current) {
      current.controller.abort();
      await current.done;
    }
    return this.status();
  }

  /** Forgets a scan that did not finish (a finished scan's findings stay: they are evidence). */
  discard({ id }: ParsedRequestOf<'mailScan:discard'>): MailScanStatus {
    if (this.current?.scanId === id) throw new AppFailure('conflict', format('errors.mailScan.cancelFirst'));
    this.deps.store.write((tx) => {
      const row = tx.repos.mailScans.get(id);
      if (!row) throw new AppFailure('not_found', format('errors.mailScan.scanGone'));
      if (row.status === 'finished') {
        throw new AppFailure('conflict', format('errors.mailScan.finishedStays'));
      }
      tx.repos.mailScans.delete(id);
      tx.record({
        subjectType: 'mail_scan',
        subjectId: id,
        action: 'discarded',
        from: row.status,
        to: null,
        note: row.sourceName,
      });
      tx.announce('mail');
    });
    this.paths.delete(id);
    return this.status();
  }

  /** Scans `path` for `personId` to the end (the command line): the summary and the report. */
  async scanPath(path: string, personId: number, signal?: AbortSignal): Promise<FinishedMailScan> {
    this.requireIdle();
    this.requirePerson(personId);
    const scanId = await this.begin(path, personId, null, signal);
    const report = await this.idleReport();
    const row = this.deps.store.read.mailScans.get(scanId)!;
    if (row.status !== 'finished' || !report) {
      throw new AppFailure(
        row.status === 'paused' ? 'conflict' : 'unavailable',
        row.problem ?? format('errors.mailScan.cancelledBeforeEnd'),
      );
    }
    return { scan: this.summary(row), report };
  }

  /** Waits for the running scan (if any) to settle. */
  async idle(): Promise<void> {
    await this.current?.done;
  }

  /** Stops a running scan (keeping its checkpoint) before the database closes. */
  async dispose(): Promise<void> {
    const current = this.current;
    if (!current) return;
    current.controller.abort();
    await current.done;
  }

  private async idleReport(): Promise<MailScanReport | null> {
    await this.idle();
    return this.lastReport;
  }

  /** Checks the path holds mail, writes the scan's row and starts it. */
  private async begin(
    path: string,
    personId: number,
    source: 'file' | 'folder' | null,
    signal?: AbortSignal,
  ): Promise<number> {
    let kind = source;
    try {
      const sources = await listMailSources(path);
      kind ??= sources.length === 1 && sources[0]!.path === path ? 'file' : 'folder';
    } catch (error) {
      if (error instanceof MailScanError)
        throw new AppFailure('invalid_input', withoutPath(error.message, path));
      throw error;
    }
    this.requireIdle();
    const sourceName = basename(path) || path;
    const scanId = this.deps.store.write((tx) => {
      if (!tx.repos.people.get(personId))
        throw new AppFailure('invalid_input', format('errors.mailScan.personGone'));
      const id = tx.repos.mailScans.insert({ personId, sourceName, sourceKind: kind, kinds: [] }, tx.now);
      tx.record({
        subjectType: 'mail_scan',
        subjectId: id,
        action: 'started',
        from: null,
        to: 'running',
        note: sourceName,
      });
      tx.announce('mail');
      return id;
    });
    this.launch(scanId, path, personId, undefined, signal);
    return scanId;
  }

  private launch(
    scanId: number,
    path: string,
    personId: number,
    resumeFrom?: MailScanCheckpoint,
    signal?: AbortSignal,
  ): void {
    this.paths.set(scanId, path);
    const controller = new AbortController();
    signal?.addEventListener('abort', () => controller.abort(), { once: true });
    const ownAddresses = (this.deps.store.read.people.get(personId)?.emails ?? []).map((e) => e.address);
    const current: Current = {
      scanId,
      controller,
      progress: { messages: 0, bytes: 0, bytesTotal: 0 },
      done: Promise.resolve(),
    };
    this.current = current;
    this.lastReport = null;
    // A checkpoint that cannot be saved now (another Lockstep is writing) is skipped: the next one,
    // five seconds on, or the one taken when the scan is cancelled, will be.
    const saveCheckpoint = (checkpoint: MailScanCheckpoint) => {
      try {
        this.writeCheckpoint(scanId, checkpoint, current.progress.bytesTotal);
      } catch {
        // Nothing to do: see above.
      }
    };
    current.done = this.deps.runner
      .run(
        {
          path,
          key: this.deps.key(),
          ownAddresses,
          ...(resumeFrom ? { resumeFrom } : {}),
          onProgress: (progress) => {
            current.progress = progress;
          },
          onCheckpoint: saveCheckpoint,
        },
        controller.signal,
      )
      .then(
        (report) => {
          this.lastReport = report;
          try {
            this.finish(scanId, personId, report);
          } catch (error) {
            this.stopped(scanId, path, false, error);
          }
        },
        (error: unknown) => this.stopped(scanId, path, controller.signal.aborted, error),
      )
      .finally(() => {
        if (this.current === current) this.current = null;
      });
  }

  private writeCheckpoint(scanId: number, checkpoint: MailScanCheckpoint, bytesTotal: number): void {
    this.deps.store.write((tx) => {
      tx.repos.mailScans.update(
        scanId,
        { messages: checkpoint.state.messages, bytes: checkpoint.state.bytes, bytesTotal, checkpoint },
        tx.now,
      );
    });
  }

  /** Stores what a finished scan found, and its summary, in one write; the checks run with it. */
  private finish(scanId: number, personId: number, report: MailScanReport): void {
    this.deps.store.write((tx) => {
      const scan = tx.repos.mailScans.get(scanId);
      if (!scan) return;
      // A password in the mail that is an account's password now (same keyed fingerprint) stays tied
      // to that account after its password changes — which is what closes it. Earlier scans' ties
      // are kept too (a password changed since is no longer any account's now).
      const passwords = new Map<string, Set<number>>();
      const tie = (fingerprint: string, ids: readonly number[]) =>
        passwords.set(fingerprint, new Set([...(passwords.get(fingerprint) ?? []), ...ids]));
      for (const account of tx.repos.findings.checkAccounts()) {
        const fingerprint = account.password?.exactFingerprint;
        if (fingerprint && account.personId === personId) tie(fingerprint, [account.id]);
      }
      for (const hit of tx.repos.mailScans.checkHits()) {
        if (hit.personId === personId && MAIL_PASSWORD_KINDS.has(hit.kind))
          tie(hit.fingerprint, hit.accountIds);
      }
      tx.repos.mailScans.update(
        scanId,
        {
          status: 'finished',
          messages: report.messages,
          bytes: report.bytes,
          bytesTotal: Math.max(report.bytes, this.current?.progress.bytesTotal ?? 0),
          undecodableCount: report.undecodable.count,
          undecodable: report.undecodable.parts,
          attachmentsNotRead: report.attachmentsNotRead.byType,
          kinds: report.kindsLookedFor,
          findingsNotListed: report.findingsNotListed.count,
          checkpoint: null,
          problem: null,
          finishedAt: tx.now,
        },
        tx.now,
      );
      tx.repos.mailScans.put(
        scanId,
        report.findings.map((finding) => ({
          kind: finding.kind,
          fingerprint: finding.fingerprint,
          hint: finding.hint,
          count: finding.count,
          firstSeen: finding.firstSeen,
          lastSeen: finding.lastSeen,
          folders: finding.folders,
          correspondentDomains: finding.correspondentDomains,
          messageIdHashes: finding.messageIdHashes,
          service: finding.account,
          accountIds: MAIL_PASSWORD_KINDS.has(finding.kind)
            ? [...(passwords.get(finding.fingerprint) ?? [])].sort((a, b) => a - b)
            : [],
        })),
      );
      // A new scan of the same mailbox replaces what earlier ones found: nothing is counted twice.
      tx.repos.mailScans.purge(scan.personId, scan.sourceName, scanId);
      tx.record({
        subjectType: 'mail_scan',
        subjectId: scanId,
        action: 'finished',
        from: scan.status,
        to: 'finished',
        note: format('mailScan.historyNote', {
          source: scan.sourceName,
          messages: report.messages,
          secrets: report.findings.length,
          parts: report.undecodable.count,
        }),
      });
      tx.touch('mail');
      tx.announce('mail', 'findings', 'tasks');
    });
  }

  /** A scan that was cancelled (paused, resumable) or failed (with why, never mail content). */
  private stopped(scanId: number, path: string, aborted: boolean, error: unknown): void {
    const problem = aborted
      ? null
      : error instanceof MailScanError
        ? withoutPath(error.message, path)
        : format('errors.mailScan.stopped', { kind: error instanceof Error ? error.name : 'error' });
    const write = (fn: Parameters<Store['write']>[0]) => {
      try {
        this.deps.store.write(fn);
      } catch {
        // The data cannot be written now: the scan shows as paused (left "running"), to resume.
      }
    };
    write((tx) => {
      const scan = tx.repos.mailScans.get(scanId);
      if (!scan) return;
      tx.repos.mailScans.update(
        scanId,
        {
          status: aborted ? 'paused' : 'failed',
          problem,
          ...(this.current?.scanId === scanId ? { bytesTotal: this.current.progress.bytesTotal } : {}),
          // A scan whose mail changed cannot resume from its checkpoint: drop it.
          ...(error instanceof MailScanError && error.code === 'checkpoint_mismatch'
            ? { checkpoint: null }
            : {}),
        },
        tx.now,
      );
      tx.record({
        subjectType: 'mail_scan',
        subjectId: scanId,
        action: aborted ? 'cancelled' : 'failed',
        from: scan.status,
        to: aborted ? 'paused' : 'failed',
        note: problem ?? scan.sourceName,
      });
      tx.announce('mail');
    });
  }

  private async pick(source: 'file' | 'folder', again: string | null): Promise<string | null> {
    const { platform } = this.deps;
    const title = again
      ? format('mailScan.pick.again', { name: again })
      : source === 'file'
        ? format('mailScan.pick.file')
        : format('mailScan.pick.folder');
    return source === 'file'
      ? platform.pickFile({
          title,
          filters: [
            { name: format('mailScan.pick.exports'), extensions: ['mbox', 'mbx', 'eml', 'emlx'] },
            { name: format('mailScan.pick.allFiles'), extensions: ['*'] },
          ],
        })
      : platform.pickFolder({ title });
  }

  private requireIdle(): void {
    if (this.current) throw new AppFailure('conflict', format('errors.mailScan.busy'));
  }

  private requirePerson(personId: number): void {
    if (!this.deps.store.read.people.get(personId)) {
      throw new AppFailure('invalid_input', format('errors.mailScan.personGone'), {
        personId: format('errors.mailScan.choosePerson'),
      });
    }
  }

  private summary(row: MailScanRow): MailScanSummary {
    // A scan left "running" by a session that ended (a crash) is paused: its checkpoint stays.
    const status = row.status === 'running' && this.current?.scanId !== row.id ? 'paused' : row.status;
    return {
      id: row.id,
      personId: row.personId,
      personName: row.personName,
      sourceName: row.sourceName,
      sourceKind: row.sourceKind,
      status,
      messages: row.messages,
      bytes: row.bytes,
      bytesTotal: row.bytesTotal,
      undecodable: { count: row.undecodableCount, parts: row.undecodable },
      attachmentsNotRead: {
        count: Object.values(row.attachmentsNotRead).reduce((sum, n) => sum + n, 0),
        byType: row.attachmentsNotRead,
      },
      kindsLookedFor: row.kinds.map((kind) => (isMailSecretKind(kind) ? MAIL_SECRET_LABELS[kind] : kind)),
      secretsFound: row.hits,
      findingsNotListed: row.findingsNotListed,
      problem: row.problem,
      canResume: status === 'paused',
      startedAt: row.startedAt,
      updatedAt: row.updatedAt,
      finishedAt: row.finishedAt,
    };
  }
}

/** A message about a path, naming only its last segment. */
function withoutPath(message: string, path: string): string {
  return message.split(path).join(basename(path));
}
