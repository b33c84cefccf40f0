import { Worker } from 'node:worker_threads';
import type { MailScanReport, MailSecretKind } from '../../../common/domain/mailScan';
import { createFingerprinter } from '../passwordHealth/fingerprint';
import type { MailScanCheckpoint, MailScanProgress } from './scanMailbox';
import { MailScanError, type MailScanErrorCode } from './sources';
import { format } from '../../../common/messages/format';
import { messageLocale } from '../../../common/messages/locale';

/** One scan to run: where, with which key, for whom, and from where to resume. */
export interface MailScanJob {
  path: string;
  /**
   * The install's fingerprint key: secrets leave the scan only as `exact` fingerprints under it, so
   * a password found in mail has the fingerprint the same password has in the vault.
   */
  key: Uint8Array;
  ownAddresses: readonly string[];
  kinds?: readonly MailSecretKind[];
  resumeFrom?: MailScanCheckpoint;
  onProgress?(progress: MailScanProgress): void;
  onCheckpoint?(checkpoint: MailScanCheckpoint): void;
}

/**
 * Runs a mailbox scan somewhere. Resolves to the report; rejects with a {@link MailScanError} when
 * the path holds no readable mail, and with an `AbortError` when `signal` aborts — after handing
 * `onCheckpoint` the checkpoint to resume from.
 */
export interface MailScanRunner {
  run(job: MailScanJob, signal: AbortSignal): Promise<MailScanReport>;
}

/** Runs the scan on the calling thread (the CLI; the e2e browser target runs it in the test process). */
export const inProcessMailScanRunner: MailScanRunner = {
  async run(job, signal) {
    // The MIME parsers load with the first scan, not with every command that opens the data.
    const { scanMailbox } = await import('./scanMailbox');
    const fingerprinter = createFingerprinter(job.key);
    return scanMailbox(job.path, {
      fingerprint: fingerprinter.exact,
      ownAddresses: job.ownAddresses,
      signal,
      ...(job.kinds ? { kinds: job.kinds } : {}),
      ...(job.resumeFrom ? { resumeFrom: job.resumeFrom } : {}),
      ...(job.onProgress ? { onProgress: job.onProgress } : {}),
      ...(job.onCheckpoint ? { onCheckpoint: job.onCheckpoint } : {}),
    });
  },
};

/** What the parent sends the worker. */
export type MailScanWorkerRequest =
  { type: 'start'; job: Omit<MailScanJob, 'onProgress' | 'onCheckpoint'> } | { type: 'cancel' };

/** What the worker sends back. Errors carry a code and our own message only: never mail content. */
export type MailScanWorkerEvent =
  | { type: 'progress'; progress: MailScanProgress }
  | { type: 'checkpoint'; checkpoint: MailScanCheckpoint }
  | { type: 'done'; report: MailScanReport }
  | { type: 'aborted' }
  | { type: 'failed'; code: MailScanErrorCode | null; message: string };

/**
 * Runs each scan in a worker thread (`workerFile`: the built `mailScanWorker.js` beside the main
 * bundle), so the main process's event loop — and the window's IPC — stay responsive while the
 * CPU-bound scan reads gigabytes. Cancelling asks the worker to stop (it hands back a checkpoint
 * first); the worker exits after each scan.
 */
export function workerMailScanRunner(workerFile: string): MailScanRunner {
  return {
    run(job, signal) {
      return new Promise<MailScanReport>((resolve, reject) => {
        // The worker words its hints and problems in the catalogue in use here.
        const worker = new Worker(workerFile, { workerData: { locale: messageLocale() } });
        let settled = false;
        const settle = (fn: () => void) => {
          if (settled) return;
          settled = true;
          signal.removeEventListener('abort', onAbort);
          fn();
          void worker.terminate();
        };
        const onAbort = () => worker.postMessage({ type: 'cancel' } satisfies MailScanWorkerRequest);
        worker.on('message', (event: MailScanWorkerEvent) => {
          switch (event.type) {
            case 'progress':
              job.onProgress?.(event.progress);
              break;
            case 'checkpoint':
              job.onCheckpoint?.(event.checkpoint);
              break;
            case 'done':
              settle(() => resolve(event.report));
              break;
            case 'aborted':
              settle(() => reject(new DOMException(format('errors.mailScan.cancelled'), 'AbortError')));
              break;
            case 'failed':
              settle(() =>
                reject(event.code ? new MailScanError(event.code, event.message) : new Error(event.message)),
              );
              break;
          }
        });
        worker.on('error', (error) =>
          settle(() => reject(new Error(format('errors.mailScan.stoppedError', { kind: error.name })))),
        );
        worker.on('exit', (code) =>
          settle(() => reject(new Error(format('errors.mailScan.exited', { code })))),
        );
        signal.addEventListener('abort', onAbort, { once: true });
        const { onProgress: _progress, onCheckpoint: _checkpoint, ...plain } = job;
        worker.postMessage({ type: 'start', job: plain } satisfies MailScanWorkerRequest);
        if (signal.aborted) onAbort();
      });
    },
  };
}
