import type { Clock } from '../services/clock';

/** A clock whose time moves only when a test says so; its timers fire as it moves. */
export class FakeClock implements Clock {
  private ms: number;
  private readonly timers = new Set<{ next: number; every: number; fn: () => void }>();

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

  /** Moves time forward, firing every timer that falls due, in time order. */
  advance(ms: number): void {
    const end = this.ms + ms;
    for (;;) {
      const due = [...this.timers].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.ms = due.next;
      due.next += due.every;
      due.fn();
    }
    this.ms = end;
  }
}
