import type { Clock } from '../services/clock';

interface Timer {
  at: number;
  everyMs: number;
  fn: () => void;
  cancelled: boolean;
}

/**
 * A clock whose time only moves when a test says so. Its timers (`every`) fire in time order as
 * `advance` passes them, each at its own instant; after each, `advance` awaits `settle` (e.g. the
 * scheduler finishing the jobs the timer started), so asynchronous work sees the time it ran at.
 */
export class FakeClock implements Clock {
  private time: number;
  private readonly timers: Timer[] = [];

  constructor(start: Date | string) {
    this.time = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.time);
  }

  every(ms: number, fn: () => void): () => void {
    const timer: Timer = { at: this.time + ms, everyMs: ms, fn, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  /** How many timers are live. */
  get pendingTimers(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way, in order. */
  async advance(ms: number, settle: () => Promise<void> = async () => {}): Promise<void> {
    const end = this.time + ms;
    // Let what is already running finish its turn before time moves.
    await nextTurn();
    await settle();
    for (;;) {
      const next = this.timers.filter((t) => !t.cancelled && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.time = Math.max(this.time, next.at);
      next.at += next.everyMs;
      next.fn();
      await nextTurn();
      await settle();
    }
    this.time = end;
    await settle();
  }

  /** Sets the time (forward only), firing what falls due on the way. */
  async setTo(date: Date | string, settle?: () => Promise<void>): Promise<void> {
    const target = new Date(date).getTime();
    if (target < this.time) throw new Error('A fake clock only moves forward.');
    await this.advance(target - this.time, settle);
  }
}

/** One turn of the event loop: promise callbacks and I/O already due run first. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
