// Runs the commands bundle (`out/cli/commands.cjs`, CommonJS) with V8's code cache, the way Node 22's
// `module.enableCompileCache()` does for its own loader (Node 20 has no such thing for ES modules):
// the first command compiles the bundle and leaves the compiled code beside it; later commands
// skip parsing the ~3 MB of JavaScript.
//
// The cache belongs to one build of the bundle: it starts with the bundle's size and modification
// time, and V8 itself refuses a cache made by another V8 version or with other flags. A refused or
// missing cache costs only the compilation it would have saved, and is written again. It is
// written to a temporary file and renamed, so a command started meanwhile reads the old cache or the
// new one, never half of one; where the folder cannot be written the command just compiles.
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** Bytes before V8's data: the bundle's size and modification time (ms), two little-endian doubles. */
const HEADER_BYTES = 16;

export interface CachedModule<T> {
  readonly exports: T;
  /** Whether V8 used the cache (false: there was none, it was stale, or V8 refused it). */
  readonly cacheUsed: boolean;
  /**
   * Writes the cache when it was missing or unusable. Called after the command ran, so the code it
   * compiled on the way (V8 compiles functions when first called) is cached too.
   */
  saveCache(): void;
}

/** The bundle's identity as the cache's header records it. */
function stamp(file: string): Buffer {
  const { size, mtimeMs } = statSync(file);
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeDoubleLE(size, 0);
  header.writeDoubleLE(mtimeMs, 8);
  return header;
}

/** V8's data from `cacheFile` when its header is `header` (this build of the bundle); else undefined. */
function readCache(cacheFile: string, header: Buffer): Buffer | undefined {
  let raw: Buffer;
  try {
    raw = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  return raw.length > HEADER_BYTES && raw.subarray(0, HEADER_BYTES).equals(header)
    ? raw.subarray(HEADER_BYTES)
    : undefined;
}

/**
 * Loads a CommonJS file as `require` would (its own `require`, `module`, `__filename`, `__dirname`),
 * compiled with the code cache in `cacheFile` when that was made from this very file.
 */
export function loadWithCodeCache<T>(file: string, cacheFile: string): CachedModule<T> {
  const header = stamp(file);
  const cachedData = readCache(cacheFile, header);
  const source = readFileSync(file, 'utf8');
  // On one line with the source's first, so line numbers in stack traces are the file's own.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const cacheUsed = cachedData !== undefined && script.cachedDataRejected === false;
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (
    exports: T,
    require: NodeJS.Require,
    module: { exports: T },
    filename: string,
    dirname: string,
  ) => void;
  wrapper(module.exports, createRequire(file), module, file, dirname(file));
  return {
    exports: module.exports,
    cacheUsed,
    saveCache() {
      if (cacheUsed) return;
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, Buffer.concat([header, script.createCachedData()]));
        renameSync(temporary, cacheFile);
      } catch {
        // A folder that cannot be written (an installed copy): the next command compiles again.
        try {
          unlinkSync(temporary);
        } catch {
          // It was never made.
        }
      }
    },
  };
}
