import { localDateString } from '../../common/domain/validation';

/** Where services get the time, and their timers, so tests can fix it and move it. */
export interface Clock {
  now(): Date;
  /**
   * Calls `fn` every `ms` milliseconds until the returned function is called. Clocks that only
   * fix the time leave it out and get the real timers.
   */
  every?(ms: number, fn: () => void): () => void;
}

/** The real clock. Its timers never keep the process alive on their own. */
export const systemClock: Clock = {
  now: () => new Date(),
  every: (ms, fn) => {
    const timer = setInterval(fn, ms);
    timer.unref?.();
    return () => clearInterval(timer);
  },
};

/** Calls `fn` every `ms` milliseconds on the clock's timers (the real ones if it has none). */
export const every = (clock: Clock, ms: number, fn: () => void): (() => void) =>
  clock.every ? clock.every(ms, fn) : systemClock.every!(ms, fn);

/** ISO-8601 UTC timestamp of the clock's now. */
export const timestamp = (clock: Clock): string => clock.now().toISOString();

/** Today as `YYYY-MM-DD` in local time. */
export const today = (clock: Clock): string => localDateString(clock.now());
