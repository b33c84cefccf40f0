import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DATABASE_FILE } from '../db/connection';

/**
 * Every file in `dataDir` (the database, its -wal and -shm, key files) searched for each secret, in
 * UTF-8 and UTF-16LE; returns "file: secret" for each hit. Checkpoints the WAL passively first (with
 * a connection of its own), so the data is in both the WAL and the main file. Folders inside it (the
 * backups) are searched too.
 */
export function scanDataDirForSecrets(dataDir: string, secrets: Iterable<string>): string[] {
  const db = new Database(join(dataDir, DATABASE_FILE));
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
  }
  const files = filesUnder(dataDir);
  if (!files.some((f) => f.endsWith('-wal'))) throw new Error('expected a -wal file to scan as well');
  const hits: string[] = [];
  for (const file of files) {
    const content = readFileSync(file);
    for (const secret of secrets) {
      if (content.includes(Buffer.from(secret, 'utf8')) || content.includes(Buffer.from(secret, 'utf16le'))) {
        hits.push(`${relative(dataDir, file)}: ${JSON.stringify(secret)}`);
      }
    }
  }
  return hits;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
