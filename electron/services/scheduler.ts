import { every, type Clock } from './clock';

/** Periodic work the main process owns (reminders, the day's re-check; backups, data refresh). */
export interface ScheduledJob {
  name: string;
  /** How often it runs once the scheduler is started (it also runs at the start). */
  everyMs: number;
  run(): void | Promise<void>;
}

/**
 * A small scheduler driven by the clock's timers, so tests can move time instead of waiting. Jobs
 * run one at a time in the order they were added; a job that fails is reported and runs again at
 * its next turn; a job still running when its turn comes again is not started twice.
 */
export class Scheduler {
  private readonly jobs: ScheduledJob[] = [];
  private readonly cancels: (() => void)[] = [];
  private readonly running = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly clock: Clock,
    private readonly report: (job: string, error: unknown) => void = (job, error) =>
      console.error(`Scheduled job "${job}" failed`, error),
  ) {}

  add(job: ScheduledJob): void {
    this.jobs.push(job);
  }

  /** Runs every job now, then each at its interval, until {@link stop}. */
  start(): void {
    this.stop();
    for (const job of this.jobs) {
      void this.runJob(job);
      this.cancels.push(every(this.clock, job.everyMs, () => void this.runJob(job)));
    }
  }

  /** Runs one job now (a menu item, a test). */
  runNow(name: string): Promise<void> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new Error(`No scheduled job "${name}".`);
    return this.runJob(job);
  }

  stop(): void {
    for (const cancel of this.cancels.splice(0)) cancel();
  }

  /** Whether the scheduler was started and not stopped (the app runs it; the CLI never does). */
  isRunning(): boolean {
    return this.cancels.length > 0;
  }

  /** Resolves once no job is running (closing waits for a backup in progress). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private runJob(job: ScheduledJob): Promise<void> {
    if (this.running.has(job.name)) return Promise.resolve();
    let result: void | Promise<void>;
    try {
      result = job.run();
    } catch (error) {
      this.report(job.name, error);
      return Promise.resolve();
    }
    if (!(result instanceof Promise)) return Promise.resolve();
    this.running.add(job.name);
    const run: Promise<void> = result
      .catch((error: unknown) => this.report(job.name, error))
      .finally(() => {
        this.running.delete(job.name);
        this.inFlight.delete(run);
      });
    this.inFlight.add(run);
    return run;
  }
}
