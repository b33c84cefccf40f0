import { localDateString } from '../../common/domain/validation';

/** Where services get the time, so tests can fix it. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** ISO-8601 UTC timestamp of the clock's now. */
export const timestamp = (clock: Clock): string => clock.now().toISOString();

/** Today as `YYYY-MM-DD` in local time. */
export const today = (clock: Clock): string => localDateString(clock.now());
