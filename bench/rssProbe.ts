// What bench/rssProbe.mjs (preloaded into the benchmarked CLI process) writes, as JSON.

/** The process's own resource usage at exit. */
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
