import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { exportCsvFiles } from '../../../common/domain/dataSafety/exportCsv';
import {
  EXPORT_FILES,
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  exportJsonSchema,
  lockstepExportSchema,
  type LockstepExport,
} from '../../../common/domain/dataSafety/exportFormat';
import { localDateString } from '../../../common/domain/validation';
import type { ExportOutcome } from '../../../common/model/dataSafety';
import type { ReadableDb } from '../../db/connection';
import { readExportTables } from '../../db/dataExport';
import { writeFileAtomically } from '../online/atomicFile';
import { format } from '../../../common/messages/format';

/**
 * Builds the export of everything from the read-only connection: one consistent snapshot, checked
 * against its own schema before anything is written (a bug shows as an error, never as a file that
 * does not match its schema).
 */
export function buildExport(db: ReadableDb, meta: { now: Date; appVersion: string }): LockstepExport {
  const tables = readExportTables(db);
  return lockstepExportSchema.parse({
    format: EXPORT_FORMAT,
    version: EXPORT_FORMAT_VERSION,
    exportedAt: meta.now.toISOString(),
    app: { version: meta.appVersion, schemaVersion: db.pragma('user_version', { simple: true }) as number },
    ...tables,
  });
}

/**
 * "Export everything" into `folder` (created if needed): `lockstep-export.json` with its JSON Schema
 * beside it, and one spreadsheet-safe CSV per list (people, accounts, findings, tasks, history), each
 * file written atomically with mode 0600 (it is the person's data). No password, secret or
 * fingerprint is in any of them. If writing fails part-way (a full disk), the files already written
 * are removed again (and the folder, when this made it).
 */
export function writeExport(
  db: ReadableDb,
  folder: string,
  meta: { now: Date; appVersion: string },
): ExportOutcome {
  const data = buildExport(db, meta);
  const files: [string, string][] = [
    [EXPORT_FILES.json, `${JSON.stringify(data, null, 2)}\n`],
    [EXPORT_FILES.schema, `${JSON.stringify(exportJsonSchema(), null, 2)}\n`],
    ...Object.entries(exportCsvFiles(data)),
  ];
  const createdFolder = !existsSync(folder);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const written: string[] = [];
  try {
    for (const [name, text] of files) {
      writeFileAtomically(join(folder, name), text, 0o600);
      written.push(join(folder, name));
    }
  } catch (error) {
    // A half-written export (a full disk) is no export: what was written goes again.
    for (const path of written) rmSync(path, { force: true });
    if (createdFolder) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return { folder, files: written };
}

/** A new folder for an export inside `parent`: `Lockstep export 2026-05-03`, then `… (2)`. */
export function newExportFolder(parent: string, now: Date): string {
  const base = join(parent, format('dataSafety.exportFolder', { date: localDateString(now) }));
  let folder = base;
  for (let n = 2; existsSync(folder); n += 1) folder = `${base} (${n})`;
  return folder;
}
