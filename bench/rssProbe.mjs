// Preloaded into the benchmarked CLI process (`node --import ./bench/rssProbe.mjs out/cli/index.mjs …`),
// plain JavaScript so that the CLI runs exactly as users run it (no TypeScript loader). On exit it
// writes the process's own resource usage to $LOCKSTEP_BENCH_PROBE_FILE (the shape: ProbeReport in
// rssProbe.ts): peak RSS (the whole process, worker threads included, since they share its address
// space) and CPU time (all threads). Nothing of the import itself is read; it changes nothing the
// CLI does.
import { writeFileSync } from 'node:fs';

const target = process.env.LOCKSTEP_BENCH_PROBE_FILE;
if (target) {
  process.on('exit', (code) => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({
        maxRssKb: usage.maxRSS,
        userCpuMs: usage.userCPUTime / 1000,
        systemCpuMs: usage.systemCPUTime / 1000,
        uptimeMs: performance.now(),
        exitCode: code,
      }),
    );
  });
}
