// One measured mailbox scan of the `mail` benchmark, in a fresh process; prints one JSON line.
//   node bench/.data/mailProbe.mjs PATH
// The benchmark bundles this file to plain JavaScript so that peak RSS is the scan's and Node's,
// not the TypeScript loader's. Fingerprints are plain SHA-256 here (the app injects its keyed
// HMAC), so the benchmark can match findings to the planted secrets.
import { createHash } from 'node:crypto';
import { scanMailbox } from '../electron/services/mailScan';

/** What the probe prints. */
export interface MailProbeResult {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  /** RSS sampled during the scan (ru_maxrss counts the process's whole life). */
  sampledPeakRssMb: number;
  rssBeforeMb: number;
  messages: number;
  bytes: number;
  undecodable: number;
  attachmentsNotRead: number;
  /** Every finding as kind + SHA-256 of its secret, with its message count. */
  findings: { kind: string; fingerprint: string; count: number }[];
}

async function main(path: string): Promise<void> {
  const rssBefore = process.memoryUsage.rss();
  let sampledPeak = rssBefore;
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  }, 50);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const report = await scanMailbox(path, {
    fingerprint: (secret) => createHash('sha256').update(secret).digest('hex'),
    onProgress: () => {
      sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
    },
  });
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpuBefore);
  const result: MailProbeResult = {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    sampledPeakRssMb: sampledPeak / 2 ** 20,
    rssBeforeMb: rssBefore / 2 ** 20,
    messages: report.messages,
    bytes: report.bytes,
    undecodable: report.undecodable.count,
    attachmentsNotRead: report.attachmentsNotRead.count,
    findings: report.findings.map((f) => ({ kind: f.kind, fingerprint: f.fingerprint, count: f.count })),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
