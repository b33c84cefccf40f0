import { format } from '../../common/messages/format';
import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Channel, ParsedRequestOf, ResponseOf } from '../../common/ipc/contract';
import { requestSchemas } from '../../common/ipc/schemas';
import { AppFailure, fail, ok, type Result } from '../../common/ipc/result';
import { fieldErrorsOf } from '../../common/domain/validation';
import { isSafeExternalUrl } from '../../common/domain/externalUrl';
import type { Core } from '../services/core';
import { peopleInScope } from '../services/scope';

/** One function per channel, taking the validated request. Importable without Electron. */
export type HandlerTable = {
  [C in Channel]: (request: ParsedRequestOf<C>) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

/**
 * The channels that work on the data folder as a whole — the recovery screen, backups and
 * restore, export, erase — answered by the host that owns the open data (`appHandlers.ts`), even
 * when no data can be opened.
 */
export const HOST_CHANNELS = [
  'app:state',
  'recovery:retry',
  'recovery:startEmpty',
  'backups:list',
  'backups:inspect',
  'backups:create',
  'backups:pick',
  'backups:restore',
  'backups:chooseFolder',
  'backups:useDefaultFolder',
  'data:export',
  'data:erase',
] as const satisfies readonly Channel[];
/** One of {@link HOST_CHANNELS}. */
export type HostChannel = (typeof HOST_CHANNELS)[number];
/** The channels one open {@link Core} answers. */
export type CoreHandlerTable = Omit<HandlerTable, HostChannel>;

/** The channel → service table over one open core (the host adds its own channels). */
export function createHandlers(core: Core): CoreHandlerTable {
  const { inventory, checks, imports, settings, exposure } = core;
  return {
    'app:info': () => ({
      version: core.version,
      dataDir: core.dataDir,
      databasePath: core.databasePath,
      schemaVersion: core.schemaVersion(),
      platform: process.platform,
    }),
    'people:list': () => inventory.listPeople(),
    'people:create': (request) => inventory.createPerson(request),
    'people:rename': (request) => inventory.renamePerson(request),
    'people:delete': (request) => inventory.deletePerson(request),
    'emails:add': (request) => inventory.addEmail(request),
    'emails:addMany': (request) => inventory.addEmails(request),
    'emails:delete': (request) => inventory.deleteEmail(request),
    'accounts:list': (request) => inventory.listAccounts(request),
    'accounts:get': (request) => inventory.getAccount(request),
    'accounts:create': (request) => inventory.createAccount(request),
    'accounts:update': (request) => inventory.updateAccount(request),
    'accounts:delete': (request) => inventory.deleteAccounts(request),
    'trash:undo': (request) => inventory.undo(request),
    'trash:list': () => inventory.pendingDeletions(),
    'shell:openExternal': async ({ url }) => {
      if (!isSafeExternalUrl(url)) {
        throw new AppFailure('forbidden', format('errors.ipc.httpsOnly'));
      }
      await core.platform.openExternal(url);
      return { opened: true };
    },
    'findings:list': (request) => checks.list(request),
    'passwords:coverage': () => checks.passwordCoverage(),
    'import:pickFile': async () => {
      const path = await core.platform.pickFile({
        title: format('dialogs.passwordExport'),
        filters: [
          { name: format('dialogs.passwordExports'), extensions: ['csv', 'json', '1pux', 'xml', 'txt'] },
          { name: format('dialogs.allFiles'), extensions: ['*'] },
        ],
      });
      return path ? core.files.grant(path) : null;
    },
    'import:preview': (request) => imports.preview(request),
    'import:confirm': (request) => imports.confirm(request),
    'import:cancel': (request) => imports.cancel(request),
    'settings:get': () => settings.get(),
    'settings:update': (request) => settings.update(request),
    'ledger:list': () => core.read.ledger.list(),
    'findings:dismiss': (request) => checks.dismiss(request),
    'breaches:search': (request) => exposure.search(request),
    'breaches:get': (request) => exposure.get(request),
    'emails:markBreach': (request) => exposure.mark(request),
    'emails:unmarkBreach': (request) => exposure.unmark(request),
    'emails:breaches': () => exposure.marks(),
    'accounts:confirmPasswordChange': (request) => inventory.confirmPasswordChange(request),
    'data:sources': () => exposure.sources(),
    'history:verify': () => {
      const result = core.read.history.verify();
      return result.ok
        ? { ok: true, count: result.count, brokenAt: null, reason: null }
        : { ok: false, count: result.count, brokenAt: result.brokenAt, reason: result.reason };
    },
    'history:list': ({ subjectType, subjectId, limit, personId, group }) => {
      const people = peopleInScope(core.read, { personId, group });
      const rows =
        people !== null
          ? core.read.history.listForPeople([...people], limit ?? 200)
          : core.read.history.list(
              subjectType ? { subjectType, subjectId, limit: limit ?? 200 } : { limit: limit ?? 200 },
            );
      return rows.map(({ prevHash: _prev, hash: _hash, ...entry }) => entry);
    },
    'reminders:check': () => core.reminders.check(),
    'dashboard:get': (request) => core.dashboard.summary(request),
    'guides:list': () => core.guides.list(),
    'guides:get': (request) => core.guides.get(request),
    'pwnedIndex:status': () => core.pwnedIndex.status(),
    'pwnedIndex:build': (request) => core.pwnedIndex.build(request),
    'pwnedIndex:cancel': () => {
      core.pwnedIndex.cancelBuild();
      return core.pwnedIndex.status();
    },
    'pwnedIndex:verify': () => core.pwnedIndex.verify(),
    'pwnedIndex:remove': () => core.pwnedIndex.remove(),
    'tasks:bulk': (request) => core.tasks.bulk(request),
    'online:keyStatus': () => core.online.keyStatus(),
    'online:saveApiKey': (request) => core.online.saveKey(request),
    'online:deleteApiKey': () => core.online.deleteKey(),
    'online:checkEmails': (request) => core.online.checkEmails(request),
    'online:refreshData': () => core.online.refresh(),
    'tasks:list': (request) => core.tasks.list(request),
    'tasks:done': (request) => core.tasks.done(request),
    'tasks:setStatus': (request) => core.tasks.setStatus(request),
    'tasks:snooze': (request) => core.tasks.snooze(request),
    'tasks:wontdo': (request) => core.tasks.wontDo(request),
    'tasks:create': (request) => core.tasks.create(request),
    'tasks:plan': (request) => core.tasks.plan(request),
    'guides:import': async () => {
      const imported = await core.guides.importFromFile();
      return { imported };
    },
    'guides:export': (request) => core.guides.exportToFile(request),
    'incidents:list': () => core.notices.incidents(),
    'notices:list': () => core.notices.list(),
    'notices:record': (request) => core.notices.record(request),
    'notices:delete': (request) => core.notices.delete(request),
    'guideRuns:list': () => core.guideRuns.list(),
    'guideRuns:get': (request) => core.guideRuns.get(request),
    'guideRuns:suggest': (request) => core.guideRuns.suggest(request),
    'guideRuns:start': (request) => core.guideRuns.start(request),
    'guideRuns:mark': (request) => core.guideRuns.mark(request),
    'guideRuns:note': (request) => core.guideRuns.note(request),
    'guideRuns:goto': (request) => core.guideRuns.goto(request),
    'guideRuns:setHelper': (request) => core.guideRuns.setHelper(request),
    'guideRuns:finish': (request) => core.guideRuns.finish(request),
    'guideRuns:abandon': (request) => core.guideRuns.abandon(request),
    'guideRuns:summary': (request) => core.guideRuns.summary(request),
    'guideRuns:export': (request) => core.guideRuns.export(request),
    'findings:reopen': (request) => checks.reopen(request),
    'people:update': (request) => inventory.updatePerson(request),
    'people:pickFile': async () => {
      const path = await core.platform.pickFile({
        title: format('dialogs.staffList'),
        filters: [
          { name: format('dialogs.spreadsheets'), extensions: ['csv', 'txt'] },
          { name: format('dialogs.allFiles'), extensions: ['*'] },
        ],
      });
      return path ? core.files.grant(path) : null;
    },
    'people:importPreview': (request) => core.staffImport.preview(request),
    'people:importConfirm': (request) => core.staffImport.confirm(request),
    'people:importCancel': (request) => core.staffImport.cancel(request),
    'team:get': (request) => core.team.view(request),
    'tasks:assign': (request) => core.tasks.assign(request),
    'checklists:list': () => core.guideRuns.checklists(),
    'checklists:get': (request) => core.guideRuns.checklist(request),
    'checklists:start': (request) => core.guideRuns.startChecklist(request),
    'reports:export': (request) => core.reports.export(request),
    'tasks:page': (request) => core.tasks.page(request),
    'findings:page': (request) => checks.page(request),
    'accounts:page': (request) => inventory.accountsPage(request),
    'mailScan:status': () => core.mailScan.status(),
    'mailScan:start': (request) => core.mailScan.start(request),
    'mailScan:cancel': () => core.mailScan.cancel(),
    'mailScan:resume': (request) => core.mailScan.resume(request),
    'mailScan:discard': (request) => core.mailScan.discard(request),
  };
}

/**
 * Grants main a file dropped on the window (called by the preload with the path Electron gives for
 * the dropped File). Only a regular file is granted; the window gets a token, never reads a path.
 */
export function grantDroppedFile(
  core: Pick<Core, 'files'>,
  path: unknown,
): Result<{ token: string; name: string }> {
  if (typeof path !== 'string' || path.length === 0 || path.length > 4096 || !isAbsolute(path))
    return fail('invalid_input', format('errors.ipc.unreadableFile'));
  try {
    if (!statSync(path).isFile()) return fail('invalid_input', format('errors.ipc.folderDropped'));
  } catch {
    return fail('not_found', format('errors.ipc.fileNotFound'));
  }
  return ok(core.files.grant(path));
}

const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && Object.hasOwn(requestSchemas, value);

/**
 * Validates and runs one call: unknown channels and invalid payloads are refused before any handler
 * runs, and nothing is thrown across the boundary — every outcome is a Result.
 */
export async function dispatch(
  handlers: HandlerTable | CoreHandlerTable,
  channel: unknown,
  payload: unknown,
  log: (message: string, error: unknown) => void = defaultLog,
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail('unknown_channel', format('errors.ipc.unknownChannel'));
  const parsed = requestSchemas[channel].safeParse(payload ?? {});
  if (!parsed.success) {
    return fail('invalid_input', format('errors.ipc.invalid'), fieldErrorsOf(parsed.error));
  }
  try {
    const handler = (handlers as Partial<Record<Channel, (request: unknown) => unknown>>)[channel];
    if (!handler) return fail('unavailable', format('errors.ipc.unavailable'));
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof AppFailure) return fail(error.code, error.message, error.fieldErrors);
    log(`Handler for ${channel} failed`, error);
    return fail('internal', format('errors.ipc.internal'));
  }
}

function defaultLog(message: string, error: unknown): void {
  console.error(message, error);
}
