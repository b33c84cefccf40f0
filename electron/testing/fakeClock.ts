import type { Clock } from '../services/clock';

interface Timer {
  next: number;
  every: number;
  fn: () => void;
}

/**
 * A clock whose time moves only when a test says so; its timers fire as it moves. `advance` fires
 * them synchronously; `advanceAndSettle` gives each one's work (a scheduled backup, a refresh) a
 * turn of the event loop and `settle` (e.g. the scheduler going idle) before time moves on, so
 * asynchronous work sees the time it ran at.
 */
export class FakeClock implements Clock {
  private ms: number;
  private readonly timers = new Set<Timer>();

  constructor(start: string | Date) {
    this.ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  every(ms: number, fn: () => void): () => void {
    const timer = { next: this.ms + ms, every: ms, fn };
    this.timers.add(timer);
    return () => this.timers.delete(timer);
  }

  /** How many timers are live. */
  get pendingTimers(): number {
    return this.timers.size;
  }

  /** Moves time forward, firing every timer that falls due, in time order. */
  advance(ms: number): void {
    const end = this.ms + ms;
    for (let due = this.nextDue(end); due; due = this.nextDue(end)) {
      this.ms = due.next;
      due.next += due.every;
      due.fn();
    }
    this.ms = end;
  }

  /**
   * Moves time forward like {@link advance}, but lets what is running finish first and, after each
   * timer, gives its work a turn of the event loop and waits for `settle`.
   */
  async advanceAndSettle(ms: number, settle: () => Promise<void> = async () => {}): Promise<void> {
    const end = this.ms + ms;
    await nextTurn();
    await settle();
    for (let due = this.nextDue(end); due; due = this.nextDue(end)) {
      this.ms = Math.max(this.ms, due.next);
      due.next += due.every;
      due.fn();
      await nextTurn();
      await settle();
    }
    this.ms = end;
    await settle();
  }

  private nextDue(end: number): Timer | undefined {
    return [...this.timers].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
  }
}

/** One turn of the event loop: promise callbacks and I/O already due run first. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
