import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Garbles a SQLite file the way a bad disk sector or a half-written page does: the cell pointers of
 * every table b-tree leaf page (type 0x0D) point outside the page — or, with `lastOnly`, of the
 * last one only (a page of rows, far from the schema, so the file still answers pragmas and only
 * a check or a read of those rows notices). The header stays intact, so the file still opens.
 */
export function garblePages(path: string, options: { lastOnly?: boolean } = {}): number {
  const bytes = readFileSync(path);
  const raw = bytes.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const leaves: number[] = [];
  for (let page = 2; page * pageSize <= bytes.length; page += 1) {
    const start = (page - 1) * pageSize;
    if (bytes[start] === 0x0d) leaves.push(start);
  }
  const garbled = options.lastOnly ? leaves.slice(-1) : leaves;
  for (const start of garbled) bytes.fill(0xff, start + 8, start + 8 + 24);
  writeFileSync(path, bytes);
  return garbled.length;
}

/** Every row of every table of a database file, in rowid order, by table name. */
export function dumpTables(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

/**
 * What a folder holds, file by file (name → size and SHA-256), recursively: compare two to prove
 * that nothing was written.
 */
export function folderSnapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (path: string, prefix: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
      else {
        const bytes = readFileSync(full);
        out[`${prefix}${entry.name}`] = `${bytes.length}:${createHash('sha256').update(bytes).digest('hex')}`;
      }
    }
  };
  walk(dir, '');
  return out;
}

/**
 * {@link folderSnapshot} without what a read-only SQLite connection creates beside a WAL database
 * when it opens it (an empty log and the shared-memory cache): no data is written by those.
 */
export function writtenSnapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(folderSnapshot(dir)).filter(
      ([name, content]) => !name.endsWith('-shm') && !(name.endsWith('-wal') && content.startsWith('0:')),
    ),
  );
}
