// Preloaded into the benchmarked CLI process (`node --import tsx --import ./bench/rssProbe.ts …`).
// On exit it writes the process's own resource usage to $LOCKSTEP_BENCH_PROBE_FILE: peak RSS (the
// whole process, worker threads included, since they share its address space) and CPU time (all
// threads). Nothing of the import itself is read; it changes nothing the CLI does.
import { writeFileSync } from 'node:fs';

/** What the probe writes, as JSON. */
export interface ProbeReport {
  /** Peak resident set size in kilobytes (getrusage ru_maxrss, as Node reports it). */
  maxRssKb: number;
  /** CPU time of all the process's threads, milliseconds. */
  userCpuMs: number;
  systemCpuMs: number;
  /** Milliseconds from process start to exit, measured inside the process. */
  uptimeMs: number;
  exitCode: number;
}

const target = process.env.LOCKSTEP_BENCH_PROBE_FILE;
if (target) {
  process.on('exit', (code) => {
    const usage = process.resourceUsage();
    const report: ProbeReport = {
      maxRssKb: usage.maxRSS,
      userCpuMs: usage.userCPUTime / 1000,
      systemCpuMs: usage.systemCPUTime / 1000,
      uptimeMs: performance.now(),
      exitCode: code,
    };
    writeFileSync(target, JSON.stringify(report));
  });
}
