import type { Channel, LockstepApi, RequestOf, ResponseOf } from '../../../common/ipc/contract';
import type { AppError, ErrorCode } from '../../../common/ipc/result';
import { format } from '../app/words';

declare global {
  interface Window {
    lockstep: LockstepApi;
  }
}

/** A failed call, carrying the main process's code and field errors. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: Record<string, string>;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.fieldErrors = error.fieldErrors ?? {};
  }
}

/** The bridge, or a clear failure when the page runs outside Lockstep. */
function bridge(): LockstepApi {
  if (!window.lockstep) {
    throw new ApiError({
      code: 'internal',
      message: format('app.bridgeMissing'),
    });
  }
  return window.lockstep;
}

/** Calls a channel and unwraps the Result: resolves with the value, or rejects with an ApiError. */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const fn = bridge()[channel] as unknown as (request: RequestOf<C>) => ReturnType<LockstepApi[C]>;
  let result: Awaited<ReturnType<LockstepApi[C]>>;
  try {
    result = await fn(request);
  } catch (error) {
    throw new ApiError({
      code: 'internal',
      message: format('app.unreachable', {
        problem: error instanceof Error ? error.message : String(error),
      }),
    });
  }
  if (!result.ok) throw new ApiError(result.error);
  return result.value as ResponseOf<C>;
}

/** Subscribes to change events from main. */
export function onDidChange(listener: Parameters<LockstepApi['onDidChange']>[0]): () => void {
  return bridge().onDidChange(listener);
}

/** A message for any error a call can produce. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return format('app.somethingWrong');
}

/** Subscribes to import progress events from main. */
export function onImportProgress(listener: Parameters<LockstepApi['onImportProgress']>[0]): () => void {
  return bridge().onImportProgress(listener);
}

/** A token for a dropped file where the shell can grant main one (Electron), else null. */
export async function grantDroppedFile(file: File): Promise<{ token: string; name: string } | null> {
  try {
    return await bridge().grantDroppedFile(file);
  } catch {
    return null;
  }
}

/** Subscribes to main's requests to show a screen (a clicked reminder). */
export function onNavigate(listener: (path: string) => void): () => void {
  return bridge().onNavigate(listener);
}
