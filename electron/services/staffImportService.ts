import { format } from '../../common/messages/format';
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ImportError } from '../../common/domain/import/importError';
import { parseStaffCsv, planStaff, type StaffList } from '../../common/domain/team/staffCsv';
import type { ParsedRequestOf, StaffImportPreview, StaffImportResult } from '../../common/ipc/contract';
import { AppFailure } from '../../common/ipc/result';
import type { ReadRepositories } from '../db/repositories/index';
import { addAddresses, addPerson } from './inventoryService';
import type { FileGrants } from './fileGrants';
import type { Store } from './store';

/** The largest staff list Lockstep reads. */
export const MAX_STAFF_BYTES = 4 * 1024 * 1024;
/** An unconfirmed preview is forgotten after this long. */
const SESSION_TTL_MS = 15 * 60 * 1000;

interface Session {
  id: string;
  fileName: string;
  list: StaffList;
  createdAt: number;
}

/**
 * Importing a staff list (CSV: name, email addresses, role, group): a preview that writes nothing,
 * then one change that makes every decision again where it writes — who is new, who is updated —
 * so two imports of the same list never add anyone twice.
 */
export class StaffImportService {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly store: Store,
    /** Files the person picked in main's dialog (the window sends their tokens, never a path). */
    private readonly files: FileGrants,
    private readonly now: () => number = Date.now,
  ) {}

  /** Reads the list and says what importing it would do. Writes nothing. */
  preview(request: ParsedRequestOf<'people:importPreview'>): StaffImportPreview {
    this.expire();
    const { fileName, bytes } =
      'fileToken' in request.source
        ? readList(this.pickedFile(request.source.fileToken))
        : fromBase64(request.source);
    let list: StaffList;
    try {
      list = parseStaffCsv(bytes, fileName);
    } catch (error) {
      if (error instanceof ImportError) throw new AppFailure('invalid_input', error.message);
      throw error;
    }
    if (list.rows.length === 0 && list.skipped.length === 0) {
      throw new AppFailure('invalid_input', format('errors.staffImport.empty', { file: fileName }));
    }
    const session: Session = { id: randomUUID(), fileName, list, createdAt: this.now() };
    this.sessions.set(session.id, session);
    return this.describe(session, this.store.read);
  }

  /**
   * Reads a staff list at a path the command line was given (the person typed it: a trusted
   * caller). The window never gets this: it sends a token for a file picked in main's dialog.
   */
  previewFile(path: string): StaffImportPreview {
    return this.preview({ source: { fileToken: this.files.grant(resolve(path)).token } });
  }

  private pickedFile(token: string): string {
    const path = this.files.pathOf(token);
    if (!path) throw new AppFailure('not_found', format('errors.file.gone'));
    return path;
  }

  /** Imports a previewed list in one change: new people are added, known ones updated. */
  confirm({ sessionId }: ParsedRequestOf<'people:importConfirm'>): StaffImportResult {
    const session = this.require(sessionId);
    const result = this.store.write((tx) => {
      const plan = planStaff(session.list.rows, existingPeople(tx.repos));
      let created = 0;
      let updated = 0;
      for (const row of plan) {
        if (row.personId === null) {
          addPerson(tx, { name: row.name, group: row.group, role: row.role, emails: row.emails });
          created += 1;
          continue;
        }
        const before = tx.repos.people.get(row.personId)!;
        if (row.group !== before.group || row.role !== before.role) {
          tx.repos.people.setProfile(row.personId, { group: row.group, role: row.role }, tx.now);
          for (const field of ['group', 'role'] as const) {
            if (row[field] !== before[field])
              tx.record({
                subjectType: 'person',
                subjectId: row.personId,
                action: field,
                from: before[field] || null,
                to: row[field] || null,
                note: format('importService.staffList', { file: session.fileName }),
              });
          }
        }
        addAddresses(tx, row.personId, row.newEmails);
        updated += 1;
      }
      tx.announce('people');
      return { created, updated, skipped: session.list.skipped };
    });
    this.sessions.delete(sessionId);
    return result;
  }

  /** Forgets a preview. */
  cancel({ sessionId }: ParsedRequestOf<'people:importCancel'>): { cancelled: boolean } {
    return { cancelled: this.sessions.delete(sessionId) };
  }

  private describe(session: Session, read: Pick<ReadRepositories, 'people'>): StaffImportPreview {
    const plan = planStaff(session.list.rows, existingPeople(read));
    return {
      sessionId: session.id,
      fileName: session.fileName,
      columns: session.list.columns,
      rows: plan.map(({ personId: _id, newEmails: _new, ...row }) => row),
      skipped: session.list.skipped,
      toCreate: plan.filter((r) => r.action === 'create').length,
      toUpdate: plan.filter((r) => r.action === 'update').length,
    };
  }

  private require(sessionId: string): Session {
    this.expire();
    const session = this.sessions.get(sessionId);
    if (!session) throw new AppFailure('not_found', format('errors.staffImport.expired'));
    return session;
  }

  private expire(): void {
    for (const [id, session] of this.sessions) {
      if (this.now() - session.createdAt > SESSION_TTL_MS) this.sessions.delete(id);
    }
  }
}

function existingPeople(read: Pick<ReadRepositories, 'people'>) {
  return read.people.list().map((p) => ({
    id: p.id,
    name: p.name,
    group: p.group,
    role: p.role,
    emails: p.emails.map((e) => e.address),
  }));
}

function readList(path: string): { fileName: string; bytes: Uint8Array } {
  const fileName = basename(path);
  try {
    const stat = statSync(path);
    if (!stat.isFile())
      throw new AppFailure('invalid_input', format('errors.file.notAFile', { file: fileName }));
    if (stat.size > MAX_STAFF_BYTES) {
      throw new AppFailure('invalid_input', format('errors.staffImport.tooLarge', { file: fileName }));
    }
    return { fileName, bytes: new Uint8Array(readFileSync(path)) };
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    throw new AppFailure(
      'invalid_input',
      format('errors.file.unreadable', {
        file: fileName,
        code: (error as NodeJS.ErrnoException).code ?? 'error',
      }),
    );
  }
}

function fromBase64(source: { name: string; base64: string }): { fileName: string; bytes: Uint8Array } {
  const bytes = new Uint8Array(Buffer.from(source.base64, 'base64'));
  if (bytes.byteLength > MAX_STAFF_BYTES) {
    throw new AppFailure('invalid_input', format('errors.staffImport.tooLarge', { file: source.name }));
  }
  return { fileName: basename(source.name), bytes };
}
