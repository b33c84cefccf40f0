// The mailbox scan's worker thread (built as `out/main/mailScanWorker.js` beside the main bundle):
// it runs one scan with the same code as the in-process runner and reports back. Only kinds, masked
// hints, keyed fingerprints, counts and our own error messages cross back to the parent.
import { parentPort, workerData } from 'node:worker_threads';
import { format } from '../../../common/messages/format';
import { setMessageLocale, type MessageLocale } from '../../../common/messages/locale';
import { inProcessMailScanRunner, type MailScanWorkerEvent, type MailScanWorkerRequest } from './runner';
import { MailScanError } from './sources';

const port = parentPort;
const locale = (workerData as { locale?: MessageLocale } | null)?.locale;
if (locale) setMessageLocale(locale);
if (port) {
  const controller = new AbortController();
  const send = (event: MailScanWorkerEvent) => port.postMessage(event);
  port.on('message', (request: MailScanWorkerRequest) => {
    if (request.type === 'cancel') {
      controller.abort();
      return;
    }
    inProcessMailScanRunner
      .run(
        {
          ...request.job,
          onProgress: (progress) => send({ type: 'progress', progress }),
          onCheckpoint: (checkpoint) => send({ type: 'checkpoint', checkpoint }),
        },
        controller.signal,
      )
      .then(
        (report) => send({ type: 'done', report }),
        (error: unknown) => {
          if (controller.signal.aborted) send({ type: 'aborted' });
          else if (error instanceof MailScanError)
            send({ type: 'failed', code: error.code, message: error.message });
          // Any other error: its kind only (a parser's message could quote the mail).
          else
            send({
              type: 'failed',
              code: null,
              message: format('errors.mailScan.stoppedKind', {
                kind: error instanceof Error ? error.name : 'error',
              }),
            });
        },
      );
  });
}
