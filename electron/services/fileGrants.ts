import { randomUUID } from 'node:crypto';
import { basename, isAbsolute } from 'node:path';

/** How long a file the person picked stays readable through its token. */
const GRANT_TTL_MS = 30 * 60 * 1000;

/**
 * Files the person chose through main's own dialog (or dropped on the window, through the
 * preload), handed to the window as opaque tokens. The window never sends a path: main reads only
 * what the person picked, so a compromised window cannot read any other file of the system.
 */
export class FileGrants {
  private readonly grants = new Map<string, { path: string; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Grants one picked file; returns the token the window uses for it, and its name to show. */
  grant(path: string): { token: string; name: string } {
    if (!isAbsolute(path)) throw new Error('Only a picked file (an absolute path) can be granted.');
    this.expire();
    const token = randomUUID();
    this.grants.set(token, { path, at: this.now() });
    return { token, name: basename(path) };
  }

  /** The picked file behind a token, or null when the token is unknown or has expired. */
  pathOf(token: string): string | null {
    this.expire();
    return this.grants.get(token)?.path ?? null;
  }

  private expire(): void {
    const cutoff = this.now() - GRANT_TTL_MS;
    for (const [token, grant] of this.grants) if (grant.at < cutoff) this.grants.delete(token);
  }
}
