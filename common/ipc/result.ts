/**
 * The envelope every IPC call returns. A thrown error loses everything but its message when it
 * crosses the IPC boundary, so handlers never throw: they return `{ ok: false, error }`.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Machine-readable reasons a call can fail; the renderer maps each to a message a person understands. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unknown_channel'
  /** Something outside Lockstep is missing or refused (a printer, a folder). */
  | 'unavailable'
  /** Another Lockstep (the app, or the command line) is changing the data: try again shortly. */
  | 'busy'
  | 'internal';

/** A failure that can cross IPC: plain data only. */
export interface AppError {
  code: ErrorCode;
  /** A sentence a person can read. Never contains a secret. */
  message: string;
  /** For `invalid_input`: field path (dot-joined) → message, shown next to the field. */
  fieldErrors?: Record<string, string>;
}

/** Wraps a value in a successful Result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed Result. */
export function fail<T = never>(
  code: ErrorCode,
  message: string,
  fieldErrors?: Record<string, string>,
): Result<T> {
  return { ok: false, error: fieldErrors ? { code, message, fieldErrors } : { code, message } };
}

/** An error a service throws on purpose; the IPC layer turns it into a failed Result. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}
