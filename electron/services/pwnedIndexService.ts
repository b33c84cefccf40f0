import { format } from '../../common/messages/format';
import { closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PwnedIndexStatus } from '../../common/ipc/contract';
import { AppFailure } from '../../common/ipc/result';
import type { PlatformPort } from '../platform/port';
import {
  buildPwnedIndex,
  openPwnedIndex,
  PwnedIndexError,
  verifyIndex,
  type IndexInfo,
} from './pwnedIndex/index';
import { decodeHeader, HEADER_BYTES, infoFromHeader } from './pwnedIndex/format';
import type { ChangeNotifier } from './events';

/** The offline index's file inside the data folder; its presence turns the offline check on. */
export const PWNED_INDEX_FILE = 'pwned-index.lkpw';

/** Where the offline index lives for a data folder. */
export const pwnedIndexPath = (dataDir: string) => join(dataDir, PWNED_INDEX_FILE);

/**
 * The offline Pwned Passwords check: build the index from the downloaded corpus (in the
 * background, with progress), show what is installed, remove it, and answer lookups for imports.
 */
export class PwnedIndexService {
  private building: {
    linesDone: number;
    bytesDone: number;
    bytesTotal: number;
    startedAt: number;
    source: string;
  } | null = null;
  private lastError: string | null = null;
  private abort: AbortController | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly platform: PlatformPort,
    private readonly changed: ChangeNotifier,
    /** Tells the checks that the index came or went (what the stored passwords were checked against). */
    private readonly sourcesChanged: () => void = () => {},
  ) {}

  /**
   * The installed index as the checks need it, read from its header alone (cheap, synchronous):
   * its build time, why it cannot be used, or null when none is installed.
   */
  installed(): { builtAt: string } | { problem: string } | null {
    const path = pwnedIndexPath(this.dataDir);
    if (!existsSync(path)) return null;
    let fd: number | null = null;
    try {
      fd = openSync(path, 'r');
      const header = Buffer.alloc(HEADER_BYTES);
      if (readSync(fd, header, 0, HEADER_BYTES, 0) !== HEADER_BYTES)
        throw new Error(format('errors.pwnedIndexService.cutShort'));
      return { builtAt: infoFromHeader(decodeHeader(header, path)).builtAt };
    } catch (error) {
      return { problem: error instanceof Error ? error.message : String(error) };
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }

  async status(): Promise<PwnedIndexStatus> {
    const path = pwnedIndexPath(this.dataDir);
    let info: IndexInfo | null = null;
    let problem: string | null = this.lastError;
    if (existsSync(path)) {
      try {
        const index = await openPwnedIndex(path);
        info = index.info;
        await index.close();
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
    }
    return {
      installed: info !== null,
      info: info && {
        builtAt: info.builtAt,
        entries: info.entries,
        bytes: info.bytes,
        sourceLines: info.sourceLines,
        falsePositiveRate: info.falsePositiveRate,
      },
      problem,
      building: this.building && {
        ...this.building,
        secondsLeft: estimateSecondsLeft(this.building),
      },
    };
  }

  /** Asks for the downloaded corpus (a file, or a folder of prefix files) and builds the index. */
  async build({ folder }: { folder: boolean }): Promise<PwnedIndexStatus> {
    if (this.building) throw new AppFailure('conflict', format('errors.pwnedIndexService.building'));
    const source = folder
      ? await this.platform.pickFolder({ title: format('dialogs.pwnedFolder') })
      : await this.platform.pickFile({
          title: format('dialogs.pwnedFile'),
          filters: [
            { name: format('dialogs.pwnedFiles'), extensions: ['txt'] },
            { name: format('dialogs.allFiles'), extensions: ['*'] },
          ],
        });
    if (!source) return this.status();
    this.lastError = null;
    this.abort = new AbortController();
    this.building = { linesDone: 0, bytesDone: 0, bytesTotal: 0, startedAt: Date.now(), source };
    // Runs in the background; the window polls the status. A failure keeps any previous index.
    void buildPwnedIndex(source, pwnedIndexPath(this.dataDir), {
      signal: this.abort.signal,
      onProgress: (linesDone, bytesDone, bytesTotal) => {
        if (this.building) this.building = { ...this.building, linesDone, bytesDone, bytesTotal };
      },
    })
      .catch((error: unknown) => {
        this.lastError =
          error instanceof PwnedIndexError || error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        this.building = null;
        this.abort = null;
        this.changed(['settings']);
        this.sourcesChanged();
      });
    return this.status();
  }

  cancelBuild(): void {
    this.abort?.abort();
  }

  /** Checks every record of the installed index (minutes for the full corpus). */
  async verify(): Promise<PwnedIndexStatus> {
    try {
      await verifyIndex(pwnedIndexPath(this.dataDir));
      this.lastError = null;
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
    }
    return this.status();
  }

  async remove(): Promise<PwnedIndexStatus> {
    if (this.building) throw new AppFailure('conflict', format('errors.pwnedIndexService.wait'));
    rmSync(pwnedIndexPath(this.dataDir), { force: true });
    this.lastError = null;
    this.changed(['settings']);
    this.sourcesChanged();
    return this.status();
  }

  /**
   * Looks passwords up in the installed index: counts by password, with the corpus date; or
   * 'off' when none is installed, or 'unavailable' (with why) when it is missing, damaged or of an
   * unknown version — never "not breached".
   */
  async lookup(
    passwords: readonly string[],
  ): Promise<
    | { status: 'off' }
    | { status: 'unavailable'; reason: string }
    | { status: 'checked'; counts: Map<string, number>; builtAt: string }
  > {
    const path = pwnedIndexPath(this.dataDir);
    if (!existsSync(path)) return { status: 'off' };
    try {
      const index = await openPwnedIndex(path);
      try {
        return {
          status: 'checked',
          counts: await index.lookupPasswords(passwords),
          builtAt: index.info.builtAt,
        };
      } finally {
        await index.close();
      }
    } catch (error) {
      return { status: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
    }
  }
}

function estimateSecondsLeft(building: {
  bytesDone: number;
  bytesTotal: number;
  startedAt: number;
}): number | null {
  if (building.bytesDone <= 0 || building.bytesTotal <= 0) return null;
  const elapsed = (Date.now() - building.startedAt) / 1000;
  return Math.max(0, Math.round((elapsed * (building.bytesTotal - building.bytesDone)) / building.bytesDone));
}
