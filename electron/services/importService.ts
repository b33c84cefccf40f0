import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  detectFormat,
  IMPORT_FORMATS,
  ImportError,
  loginEmailAddresses,
  parseExport,
  suggestMapping,
} from '../../common/domain/import/index';
import type { ImportedEntry, ImportFormat, ParsedExport, SkippedRow } from '../../common/domain/import/types';
import { suggestCategory, suggestCriticality } from '../../common/domain/inventory';
import { isServiceUrlError, parseServiceUrl, type ServiceUrlInfo } from '../../common/domain/serviceUrl';
import { androidAppName, readableServiceName } from '../../common/domain/names';
import { format } from '../../common/messages/format';
import { localDateString } from '../../common/domain/validation';
import type {
  ImportPreview,
  ImportPreviewItem,
  ImportProgress,
  ImportResult,
  ParsedRequestOf,
} from '../../common/ipc/contract';
import type { Account } from '../../common/model/index';
import { AppFailure } from '../../common/ipc/result';
import type { AccountValues } from '../db/repositories/accountsRepository';
import type { ReadRepositories } from '../db/repositories/index';
import type { StoredPasswordSignals } from '../db/repositories/passwordSignalsRepository';
import type { Clock } from './clock';
import type { FileGrants } from './fileGrants';
import type { StoredVerdictCache } from './passwordHealth/storedVerdicts';
import { requireAccount, updateAccount } from './inventoryService';
import type { Store } from './store';
import type { PasswordHealth } from './passwordHealthDeps';
import { analyzePasswords, type PasswordSignals } from './passwordHealth/analyze';
import { checkPwnedRange, type RangeOutcome } from './pwnedRange';
import type { SettingsService } from './settingsService';
import type { PwnedIndexService } from './pwnedIndexService';

/** The largest export Lockstep reads (a 10,000-entry export is about 2 MB). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** An unconfirmed preview is forgotten (with the passwords it holds in memory) after this long. */
const SESSION_TTL_MS = 15 * 60 * 1000;
const PREVIEW_ITEMS = 500;
/** From this many entries, the scoring workers are stopped before the write (see confirm). */
const RELEASE_SCORING_FROM = 1_000;

interface Session {
  id: string;
  fileName: string;
  bytes: Uint8Array;
  personId: number;
  parsed: ParsedExport | null;
  format: ImportFormat | null;
  createdAt: number;
  running: AbortController | null;
  /** The passwords' analysis, started when the preview was shown (see {@link ImportService.analyse}). */
  analysis: Analysis | null;
  /** The preview's plan of this parse: what the analysis takes (planned again in the write). */
  planned: { parsed: ParsedExport; entries: PlannedEntry[] } | null;
}

/**
 * The analysis of a preview's passwords. It starts as soon as the preview is shown, so the scoring
 * runs while the person reads the preview; the confirm waits for what is left of it. It belongs to
 * one parse of the file: a preview with another mapping or format starts a new one.
 */
interface Analysis {
  parsed: ParsedExport;
  /** The entries analysed: which rows are created or updated is decided again in the write. */
  planned: PlannedEntry[];
  controller: AbortController;
  result: Promise<Map<string, PasswordSignals>>;
  /** Scoring progress so far, for a confirm that arrives while it runs. */
  done: number;
  total: number;
  onProgress: ((done: number, total: number) => void) | null;
}

interface PlannedEntry {
  entry: ImportedEntry;
  service: string;
  url: string;
  info: ServiceUrlInfo | null;
  existing: Account | undefined;
}

export interface ImportServiceDeps {
  store: Store;
  settings: SettingsService;
  clock: Clock;
  progress: (event: ImportProgress) => void;
  health: () => PasswordHealth;
  /**
   * The strength scorer's workers: started when a preview has read the export, so that they are
   * ready when it is confirmed; for a large import, stopped before the write.
   */
  scoring?: {
    prepare(distinctPasswords: number): void;
    release(): Promise<void>;
  };
  /** The offline Pwned Passwords index, when one is installed. */
  offlineIndex: (passwords: readonly string[]) => ReturnType<PwnedIndexService['lookup']>;
  userAgent: string;
  fetchImpl?: typeof fetch;
  /** The files the person picked (the window refers to them by token only). */
  files: FileGrants;
  /** Strength verdicts kept across imports; written with the import. */
  verdicts?: Pick<StoredVerdictCache, 'flush'>;
  /**
   * The service's own name for a domain ("instagram.com" → "Instagram"), from the bundled
   * directories: an entry named by its Android app id is saved under the app's name.
   */
  serviceName?: (domain: string) => string | undefined;
}

/**
 * Importing a password-manager export: a preview that writes nothing, then one transaction. The
 * passwords live only in this process's memory, between preview and confirm; only derived signals
 * are stored (DESIGN.md, the promise).
 */
export class ImportService {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly deps: ImportServiceDeps) {}

  /** Reads the file and says what an import would do. Writes nothing. */
  preview(request: ParsedRequestOf<'import:preview'>): ImportPreview {
    this.expireSessions();
    if (!this.deps.store.read.people.get(request.personId)) {
      throw new AppFailure('invalid_input', format('errors.import.chooseOwner'), {
        personId: format('errors.import.ownerGone'),
      });
    }
    let session: Session;
    if ('sessionId' in request.source) {
      session = this.requireSession(request.source.sessionId);
      if (session.running) throw new AppFailure('conflict', format('errors.import.running'));
      // Another mapping or format: the analysis of the previous parse is of no use.
      this.stopAnalysis(session);
    } else {
      const { fileName, bytes } =
        'fileToken' in request.source
          ? readExport(this.pickedFile(request.source.fileToken))
          : fromBase64(request.source);
      session = {
        id: randomUUID(),
        fileName,
        bytes,
        personId: request.personId,
        parsed: null,
        format: null,
        createdAt: Date.now(),
        running: null,
        analysis: null,
        planned: null,
      };
      this.sessions.set(session.id, session);
    }
    session.personId = request.personId;
    try {
      const detected = detectFormat(session.bytes, session.fileName);
      const chosen = request.mapping ? 'generic-csv' : (request.format ?? detected.format);
      if (chosen === null) {
        session.parsed = null;
        session.format = null;
        return {
          sessionId: session.id,
          fileName: session.fileName,
          personId: session.personId,
          format: null,
          formatLabel: format('importService.unknownColumns'),
          columns: detected.columns,
          suggestedMapping: suggestMapping(detected.columns),
          entries: 0,
          skipped: [],
          toCreate: 0,
          toUpdate: 0,
          notices: [],
          items: [],
        };
      }
      session.parsed = parseExport(session.bytes, session.fileName, {
        format: chosen,
        mapping: request.mapping,
      });
      session.format = session.parsed.format;
      // The workers load their dictionaries while this preview plans and the person reads it.
      this.deps.scoring?.prepare(new Set(session.parsed.entries.map((entry) => entry.password)).size);
    } catch (error) {
      if (error instanceof ImportError) throw new AppFailure('invalid_input', error.message);
      throw error;
    }
    const { planned, skipped } = plan(session, this.deps.store.read, this.deps.serviceName);
    session.planned = { parsed: session.parsed, entries: planned };
    // The scoring starts once this preview is on its way: it runs while the person reads it.
    if (this.deps.scoring && planned.length > 0) {
      const parsed = session.parsed;
      setImmediate(() => {
        if (this.sessions.get(session.id) !== session || session.parsed !== parsed || session.running) return;
        try {
          this.analyse(session, planned);
        } catch {
          // E.g. the fingerprint key cannot be read: the confirm meets the same error and reports it.
        }
      });
    }
    const items: ImportPreviewItem[] = planned.slice(0, PREVIEW_ITEMS).map((p) => ({
      row: p.entry.row,
      service: p.service,
      domain: p.info?.domain ?? null,
      username: p.entry.username,
      hasTotp: p.entry.hasTotp,
      action: p.existing ? 'update' : 'create',
    }));
    return {
      sessionId: session.id,
      fileName: session.fileName,
      personId: session.personId,
      format: session.parsed.format,
      formatLabel: IMPORT_FORMATS[session.parsed.format].label,
      columns: session.parsed.columns,
      suggestedMapping: suggestMapping(session.parsed.columns),
      entries: session.parsed.entries.length,
      skipped,
      toCreate: planned.filter((p) => !p.existing).length,
      toUpdate: planned.filter((p) => p.existing).length,
      notices: [...session.parsed.notices],
      items,
    };
  }

  /**
   * Analyses the passwords off the main thread, then writes everything in one transaction and
   * re-runs the checks. Cancelling before the write leaves the database untouched.
   */
  async confirm(
    { sessionId }: ParsedRequestOf<'import:confirm'>,
    options: { personName?: string } = {},
  ): Promise<ImportResult> {
    const session = this.requireSession(sessionId);
    if (session.running) throw new AppFailure('conflict', format('errors.import.running'));
    if (!session.parsed || !session.format) {
      throw new AppFailure('invalid_input', format('errors.import.chooseColumns'));
    }
    const controller = new AbortController();
    session.running = controller;
    const progress = (phase: ImportProgress['phase'], done: number, total: number) =>
      this.deps.progress({ sessionId, phase, done, total });
    const stopAnalysis = () => session.analysis?.controller.abort(controller.signal.reason);
    controller.signal.addEventListener('abort', stopAnalysis);
    try {
      // What to analyse (whether each entry creates or updates is decided again inside the write):
      // the preview's analysis, or a new one if it is not there (or failed).
      const analysis = this.analyse(
        session,
        session.analysis?.parsed === session.parsed
          ? session.analysis.planned
          : session.planned?.parsed === session.parsed
            ? session.planned.entries
            : plan(session, this.deps.store.read, this.deps.serviceName).planned,
      );
      const planned = analysis.planned;
      if (analysis.total > 0) progress('analysing', analysis.done, analysis.total);
      analysis.onProgress = (done, total) => progress('analysing', done, total);
      const analysed = await analysis.result.catch((error: unknown) => {
        // A failed analysis is not kept: confirming again starts a new one.
        if (session.analysis === analysis) session.analysis = null;
        throw error;
      });
      // A large import gives the workers' memory back before its write, which needs its own; a
      // small one leaves them to the pool's idle timeout, so a run of small imports reuses them.
      // Not awaited: the threads wind down on their own cores while the write runs here.
      if (planned.length >= RELEASE_SCORING_FROM) void this.deps.scoring?.release().catch(() => {});
      // The offline corpus index (if installed) answers before the online check.
      const offline = await this.deps.offlineIndex([...new Set(planned.map((p) => p.entry.password))]);
      if (controller.signal.aborted) throw controller.signal.reason;
      const settings = this.deps.settings.get();
      let online: Map<string, RangeOutcome> | null = null;
      const sha1ByRow = new Map<number, string>();
      if (settings.onlinePwnedCheck && planned.length > 0) {
        for (const p of planned)
          sha1ByRow.set(
            p.entry.row,
            createHash('sha1').update(p.entry.password, 'utf8').digest('hex').toUpperCase(),
          );
        online = await checkPwnedRange([...new Set(sha1ByRow.values())], {
          baseUrl: settings.pwnedRangeUrl,
          userAgent: this.deps.userAgent,
          record: (entry) => this.deps.store.write((tx) => tx.repos.ledger.append(entry)),
          fetchImpl: this.deps.fetchImpl,
          signal: controller.signal,
          onProgress: (done, total) => progress('checking-online', done, total),
        });
      }
      if (controller.signal.aborted) throw controller.signal.reason;
      progress('saving', 0, planned.length);
      const { created, updated, onlineFailed, skipped, personId } = this.deps.store.write((tx) => {
        const now = tx.now;
        const day = tx.day;
        // The person, and create-or-update, decided where they are written: a concurrent import of
        // the same file (another window, the command line) finds what this one wrote, and updates it.
        let personId = session.personId;
        if (options.personName !== undefined) {
          const name = options.personName.trim();
          const existing = tx.repos.people.list().find((p) => p.name.toLowerCase() === name.toLowerCase());
          if (existing) personId = existing.id;
          else {
            personId = tx.repos.people.create(name, now);
            tx.record({
              subjectType: 'person',
              subjectId: personId,
              action: 'added',
              from: null,
              to: name,
              note: '',
            });
          }
        }
        if (!tx.repos.people.get(personId)) {
          throw new AppFailure('invalid_input', format('errors.import.chooseOwner'), {
            personId: format('errors.import.ownerGone'),
          });
        }
        const decided = plan({ ...session, personId }, tx.repos, this.deps.serviceName);
        const analysedRows = new Map(planned.map((p) => [p.entry.row, p]));
        const note = `Import: ${session.fileName}`;
        let created = 0;
        let updated = 0;
        let onlineFailed = 0;
        for (const p of decided.planned) {
          if (!analysedRows.has(p.entry.row)) continue;
          const signals = analysed.get(String(p.entry.row));
          if (!signals) continue;
          const outcome = online ? online.get(sha1ByRow.get(p.entry.row) ?? '') : undefined;
          if (online && (outcome === null || outcome === undefined)) onlineFailed += 1;
          const stored: StoredPasswordSignals = {
            strength: signals.strength,
            strengthWarning: signals.strengthWarning,
            exactFingerprint: signals.exactFingerprint,
            similarFingerprint: signals.similarFingerprint,
            similarGroup: signals.similarGroup,
            commonRank: signals.commonRank,
            onlineStatus: !online
              ? 'off'
              : outcome === null || outcome === undefined
                ? 'failed'
                : outcome > 0
                  ? 'found'
                  : 'not_found',
            pwnedCount: typeof outcome === 'number' ? outcome : null,
            onlineCheckedAt: online ? now : null,
            indexCount: offline.status === 'checked' ? (offline.counts.get(p.entry.password) ?? 0) : null,
            indexBuiltAt: offline.status === 'checked' ? offline.builtAt : null,
          };
          const changedOn = entryDate(p.entry, day);
          if (p.existing) {
            const previous = tx.repos.signals.exactFingerprintOf(p.existing.id);
            const passwordChanged = previous !== undefined && previous !== signals.exactFingerprint;
            const before = requireAccount(tx.repos, p.existing.id);
            updateAccount(tx, before, mergeInto(p, changedOn, passwordChanged, day), note);
            tx.repos.accounts.markImported(p.existing.id, p.entry.hasTotp || p.existing.hasTotp);
            tx.repos.signals.put(p.existing.id, stored, now);
            updated += 1;
          } else {
            const values = newAccount(p, personId, changedOn);
            const id = tx.repos.accounts.insert(values, now, { hasTotp: p.entry.hasTotp, source: 'import' });
            tx.repos.signals.put(id, stored, now);
            tx.record({
              subjectType: 'account',
              subjectId: id,
              action: 'added',
              from: null,
              to: values.service,
              note,
            });
            created += 1;
          }
        }
        this.deps.verdicts?.flush(tx);
        const importId = tx.repos.imports.add({
          personId,
          fileName: session.fileName,
          format: session.format!,
          entries: session.parsed!.entries.length,
          created,
          updated,
          skipped: decided.skipped.length,
          importedAt: now,
        });
        tx.record({
          subjectType: 'import',
          subjectId: importId,
          action: 'imported',
          from: null,
          to: format('importService.history', { created, updated, skipped: decided.skipped.length }),
          note: session.fileName,
        });
        tx.touch('inventory');
        tx.announce('accounts', 'people', 'findings', 'ledger');
        return { created, updated, onlineFailed, skipped: decided.skipped, personId };
      });
      progress('done', planned.length, planned.length);
      this.sessions.delete(sessionId);
      session.personId = personId;
      const openFindings: ImportResult['openFindings'] = {};
      for (const { kind, count } of this.deps.store.read.findings.openCounts()) openFindings[kind] = count;
      const known = new Set(
        (this.deps.store.read.people.get(personId)?.emails ?? []).map((e) => e.address.toLowerCase()),
      );
      const loginEmails = loginEmailAddresses(session.parsed.entries).filter((a) => !known.has(a));
      return {
        fileName: session.fileName,
        format: session.format,
        entries: session.parsed.entries.length,
        created,
        updated,
        skipped,
        openFindings,
        loginEmails,
        pwnedCheck: {
          commonList: true,
          online: !online
            ? 'off'
            : onlineFailed === 0
              ? 'checked'
              : onlineFailed === planned.length
                ? 'failed'
                : 'partial',
          offlineIndex: offline.status,
        },
      };
    } catch (error) {
      if (controller.signal.aborted) {
        this.sessions.delete(sessionId);
        throw new AppFailure('conflict', format('errors.import.cancelled'));
      }
      throw error;
    } finally {
      controller.signal.removeEventListener('abort', stopAnalysis);
      session.running = null;
    }
  }

  /**
   * The session's analysis of these entries, started if it is not running or done already. Scoring
   * runs in the strength workers; the fingerprints, common ranks and similarity groups are worked
   * out here while they score.
   */
  private analyse(session: Session, planned: PlannedEntry[]): Analysis {
    const parsed = session.parsed!;
    if (session.analysis?.parsed === parsed) return session.analysis;
    this.stopAnalysis(session);
    const controller = new AbortController();
    const analysis: Analysis = {
      parsed,
      planned,
      controller,
      result: Promise.resolve(new Map()),
      done: 0,
      total: 0,
      onProgress: null,
    };
    analysis.result = analyzePasswords(
      planned.map((p) => ({
        key: String(p.entry.row),
        password: p.entry.password,
        userInputs: userInputsOf(p),
      })),
      this.deps.health(),
      (done, total) => {
        analysis.done = done;
        analysis.total = total;
        analysis.onProgress?.(done, total);
      },
      controller.signal,
    );
    // A preview nobody confirms: its failure (or cancellation) is nobody's error.
    analysis.result.catch(() => {});
    session.analysis = analysis;
    return analysis;
  }

  /** Stops a session's analysis (the workers drop its passwords) and forgets it. */
  private stopAnalysis(session: Session): void {
    session.analysis?.controller.abort(new DOMException('Cancelled', 'AbortError'));
    session.analysis = null;
  }

  /**
   * Reads an export at a path the command line was given (the person typed it: a trusted caller).
   * The window never gets this: it sends a token for a file picked in main's dialog.
   */
  previewFile(path: string, request: Omit<ParsedRequestOf<'import:preview'>, 'source'>): ImportPreview {
    return this.preview({ ...request, source: { fileToken: this.deps.files.grant(resolve(path)).token } });
  }

  private pickedFile(token: string): string {
    const path = this.deps.files.pathOf(token);
    if (!path) throw new AppFailure('not_found', format('errors.file.gone'));
    return path;
  }

  /** Cancels a running import, or forgets a preview. Nothing is written either way. */
  cancel({ sessionId }: ParsedRequestOf<'import:cancel'>): { cancelled: boolean } {
    const session = this.sessions.get(sessionId);
    if (!session) return { cancelled: false };
    if (session.running) session.running.abort(new DOMException('Cancelled', 'AbortError'));
    this.stopAnalysis(session);
    this.sessions.delete(sessionId);
    return { cancelled: true };
  }

  /** Forgets every pending preview (the passwords they hold in memory go with them). */
  dispose(): void {
    for (const session of this.sessions.values()) {
      session.running?.abort();
      this.stopAnalysis(session);
    }
    this.sessions.clear();
  }

  private requireSession(id: string): Session {
    this.expireSessions();
    const session = this.sessions.get(id);
    if (!session) throw new AppFailure('not_found', format('errors.import.expired'));
    return session;
  }

  private expireSessions(): void {
    const cutoff = Date.now() - SESSION_TTL_MS;
    for (const [id, session] of this.sessions) {
      if (!session.running && session.createdAt < cutoff) {
        this.stopAnalysis(session);
        this.sessions.delete(id);
      }
    }
  }
}

/**
 * Decides, per entry, create or update. Accounts match on registrable domain + username; where
 * several services share a domain (a hosting domain, `example.de` sites), the service name or the
 * host must agree too, so unrelated sites are never merged.
 */
function plan(
  session: Pick<Session, 'parsed' | 'personId'>,
  repos: Pick<ReadRepositories, 'accounts'>,
  serviceName: (domain: string) => string | undefined = () => undefined,
): { planned: PlannedEntry[]; skipped: SkippedRow[] } {
  const parsed = session.parsed!;
  const existingByKey = new Map<string, Account[]>();
  for (const account of repos.accounts.list()) {
    if (account.personId !== session.personId) continue;
    const key = matchKey(account.domain ?? account.service, account.username);
    existingByKey.set(key, [...(existingByKey.get(key) ?? []), account]);
  }
  const seen = new Map<string, { row: number; title: string; host: string }[]>();
  const planned: PlannedEntry[] = [];
  const skipped: SkippedRow[] = [...parsed.skipped];
  for (const entry of parsed.entries) {
    const { url, info } = firstUsableUrl(entry.urls);
    // A name people read: never an Android app id ("com.instagram.android") or "xn--" domain.
    const named =
      entry.title ||
      (info?.kind === 'android' ? androidAppName(info.host, serviceName) : info?.domain) ||
      entry.urls[0] ||
      format('import.untitledLogin');
    const service = truncate(readableServiceName(named, serviceName), 200);
    const key = matchKey(info?.domain ?? service, entry.username);
    const title = entry.title.trim().toLowerCase();
    const host = info?.host ?? '';
    const earlier = (seen.get(key) ?? []).find((s) => s.title === title || (host !== '' && s.host === host));
    if (earlier) {
      skipped.push({
        row: entry.row,
        reason: format('import.reason.duplicate', { row: earlier.row }),
      });
      continue;
    }
    seen.set(key, [...(seen.get(key) ?? []), { row: entry.row, title, host }]);
    const hasOwnName = title !== '' && title !== info?.domain;
    planned.push({
      entry,
      service,
      url,
      info,
      existing: pickExisting(existingByKey.get(key) ?? [], service, host, hasOwnName),
    });
  }
  skipped.sort((a, b) => a.row - b.row);
  return { planned, skipped };
}

function readExport(path: string): { fileName: string; bytes: Uint8Array } {
  const fileName = basename(path);
  try {
    const stat = statSync(path);
    if (!stat.isFile())
      throw new AppFailure('invalid_input', format('errors.file.notAFile', { file: fileName }));
    if (stat.size > MAX_IMPORT_BYTES) {
      throw new AppFailure('invalid_input', format('errors.import.tooLarge', { file: fileName }));
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
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new AppFailure('invalid_input', format('errors.import.tooLarge', { file: source.name }));
  }
  return { fileName: basename(source.name), bytes };
}

/**
 * The existing account an entry updates: the one with the same name or host; else the only
 * candidate, unless the entry names a different service on a different host (two sites sharing a
 * hosting domain).
 */
function pickExisting(
  candidates: readonly Account[],
  service: string,
  host: string,
  hasOwnName: boolean,
): Account | undefined {
  const sameName = candidates.find((a) => a.service.trim().toLowerCase() === service.trim().toLowerCase());
  if (sameName) return sameName;
  const bareHost = stripWww(host);
  const sameHost = bareHost ? candidates.find((a) => stripWww(hostOf(a.url)) === bareHost) : undefined;
  if (sameHost) return sameHost;
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (!only) return undefined;
  const otherHost = stripWww(hostOf(only.url));
  return hasOwnName && bareHost && otherHost && otherHost !== bareHost ? undefined : only;
}

const stripWww = (host: string) => host.replace(/^www\./, '');

function hostOf(url: string): string {
  if (!url) return '';
  const info = parseServiceUrl(url);
  return isServiceUrlError(info) ? '' : info.host;
}

const matchKey = (site: string, username: string) =>
  `${site.trim().toLowerCase()}\0${username.trim().toLowerCase()}`;
const truncate = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value);

function firstUsableUrl(urls: readonly string[]): { url: string; info: ServiceUrlInfo | null } {
  for (const candidate of urls) {
    if (candidate.length > 2000) continue;
    const info = parseServiceUrl(candidate);
    if (!isServiceUrlError(info)) return { url: candidate, info };
  }
  return { url: '', info: null };
}

function userInputsOf(p: PlannedEntry): string[] {
  const inputs = [p.service, p.entry.username, p.entry.username.split('@')[0] ?? ''];
  if (p.info) inputs.push(p.info.domain, p.info.domain.split('.')[0] ?? '');
  return [...new Set(inputs.map((s) => s.trim()).filter((s) => s.length > 0))];
}

/** The export's own date of the password change as a local date, never later than today. */
function entryDate(entry: ImportedEntry, day: string): string | null {
  if (!entry.passwordChangedAt) return null;
  const date = new Date(entry.passwordChangedAt);
  if (Number.isNaN(date.getTime())) return null;
  const local = localDateString(date);
  return local > day ? day : local;
}

function newAccount(p: PlannedEntry, personId: number, changedOn: string | null): AccountValues {
  const category = suggestCategory(p.info?.domain) ?? 'other';
  return {
    personId,
    service: p.service,
    url: p.url,
    domain: p.info?.domain ?? null,
    urlKind: p.info?.kind ?? null,
    username: truncate(p.entry.username, 320),
    category,
    criticality: suggestCriticality(category),
    mfa: p.entry.hasTotp ? 'totp' : 'unknown',
    passwordChangedAt: changedOn,
    recoveryReviewedAt: null,
    notes: '',
  };
}

/**
 * Re-importing updates what the export knows better and keeps what the user entered: the name,
 * category, criticality and notes stay; a TOTP upgrades an unknown MFA; a new password moves the
 * change date (to the export's date, or to today when the export has none).
 */
function mergeInto(
  p: PlannedEntry,
  changedOn: string | null,
  passwordChanged: boolean,
  day: string,
): AccountValues {
  const a = p.existing!;
  let passwordChangedAt = a.passwordChangedAt;
  if (passwordChanged) passwordChangedAt = changedOn ?? day;
  else if (changedOn && (!passwordChangedAt || changedOn > passwordChangedAt)) passwordChangedAt = changedOn;
  const useUrl = a.url === '' && p.url !== '';
  return {
    personId: a.personId,
    service: a.service,
    url: useUrl ? p.url : a.url,
    domain: useUrl ? (p.info?.domain ?? null) : a.domain,
    urlKind: useUrl ? (p.info?.kind ?? null) : a.urlKind,
    username: a.username,
    category: a.category,
    criticality: a.criticality,
    mfa: p.entry.hasTotp && (a.mfa === 'unknown' || a.mfa === 'none') ? 'totp' : a.mfa,
    passwordChangedAt,
    recoveryReviewedAt: a.recoveryReviewedAt,
    notes: a.notes,
  };
}
