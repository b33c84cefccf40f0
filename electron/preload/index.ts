import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  DID_CHANGE_CHANNEL,
  DROP_GRANT_CHANNEL,
  IMPORT_PROGRESS_CHANNEL,
  NAVIGATE_CHANNEL,
  type DidChangeEvent,
  type ImportProgress,
  type LockstepApi,
} from '../../common/ipc/contract';
import type { Result } from '../../common/ipc/result';

// One function per channel; ipcRenderer itself never reaches the page.
const api = {
  'app:info': (request) => ipcRenderer.invoke('app:info', request),
  'people:list': (request) => ipcRenderer.invoke('people:list', request),
  'people:create': (request) => ipcRenderer.invoke('people:create', request),
  'people:rename': (request) => ipcRenderer.invoke('people:rename', request),
  'people:delete': (request) => ipcRenderer.invoke('people:delete', request),
  'emails:add': (request) => ipcRenderer.invoke('emails:add', request),
  'emails:addMany': (request) => ipcRenderer.invoke('emails:addMany', request),
  'emails:delete': (request) => ipcRenderer.invoke('emails:delete', request),
  'accounts:list': (request) => ipcRenderer.invoke('accounts:list', request),
  'accounts:get': (request) => ipcRenderer.invoke('accounts:get', request),
  'accounts:create': (request) => ipcRenderer.invoke('accounts:create', request),
  'accounts:update': (request) => ipcRenderer.invoke('accounts:update', request),
  'accounts:delete': (request) => ipcRenderer.invoke('accounts:delete', request),
  'trash:undo': (request) => ipcRenderer.invoke('trash:undo', request),
  'trash:list': (request) => ipcRenderer.invoke('trash:list', request),
  'shell:openExternal': (request) => ipcRenderer.invoke('shell:openExternal', request),
  'findings:list': (request) => ipcRenderer.invoke('findings:list', request),
  'passwords:coverage': (request) => ipcRenderer.invoke('passwords:coverage', request),
  'import:pickFile': (request) => ipcRenderer.invoke('import:pickFile', request),
  'import:preview': (request) => ipcRenderer.invoke('import:preview', request),
  'import:confirm': (request) => ipcRenderer.invoke('import:confirm', request),
  'import:cancel': (request) => ipcRenderer.invoke('import:cancel', request),
  'settings:get': (request) => ipcRenderer.invoke('settings:get', request),
  'settings:update': (request) => ipcRenderer.invoke('settings:update', request),
  'ledger:list': (request) => ipcRenderer.invoke('ledger:list', request),
  'findings:dismiss': (request) => ipcRenderer.invoke('findings:dismiss', request),
  'findings:reopen': (request) => ipcRenderer.invoke('findings:reopen', request),
  'breaches:search': (request) => ipcRenderer.invoke('breaches:search', request),
  'breaches:get': (request) => ipcRenderer.invoke('breaches:get', request),
  'emails:markBreach': (request) => ipcRenderer.invoke('emails:markBreach', request),
  'emails:unmarkBreach': (request) => ipcRenderer.invoke('emails:unmarkBreach', request),
  'emails:breaches': (request) => ipcRenderer.invoke('emails:breaches', request),
  'accounts:confirmPasswordChange': (request) =>
    ipcRenderer.invoke('accounts:confirmPasswordChange', request),
  'data:sources': (request) => ipcRenderer.invoke('data:sources', request),
  'history:verify': (request) => ipcRenderer.invoke('history:verify', request),
  'history:list': (request) => ipcRenderer.invoke('history:list', request),
  'reminders:check': (request) => ipcRenderer.invoke('reminders:check', request),
  'dashboard:get': (request) => ipcRenderer.invoke('dashboard:get', request),
  'guides:list': (request) => ipcRenderer.invoke('guides:list', request),
  'guides:get': (request) => ipcRenderer.invoke('guides:get', request),
  'pwnedIndex:status': (request) => ipcRenderer.invoke('pwnedIndex:status', request),
  'pwnedIndex:build': (request) => ipcRenderer.invoke('pwnedIndex:build', request),
  'pwnedIndex:cancel': (request) => ipcRenderer.invoke('pwnedIndex:cancel', request),
  'pwnedIndex:verify': (request) => ipcRenderer.invoke('pwnedIndex:verify', request),
  'pwnedIndex:remove': (request) => ipcRenderer.invoke('pwnedIndex:remove', request),
  'tasks:bulk': (request) => ipcRenderer.invoke('tasks:bulk', request),
  'online:keyStatus': (request) => ipcRenderer.invoke('online:keyStatus', request),
  'online:saveApiKey': (request) => ipcRenderer.invoke('online:saveApiKey', request),
  'online:deleteApiKey': (request) => ipcRenderer.invoke('online:deleteApiKey', request),
  'online:checkEmails': (request) => ipcRenderer.invoke('online:checkEmails', request),
  'online:refreshData': (request) => ipcRenderer.invoke('online:refreshData', request),
  'tasks:list': (request) => ipcRenderer.invoke('tasks:list', request),
  'tasks:done': (request) => ipcRenderer.invoke('tasks:done', request),
  'tasks:setStatus': (request) => ipcRenderer.invoke('tasks:setStatus', request),
  'tasks:snooze': (request) => ipcRenderer.invoke('tasks:snooze', request),
  'tasks:wontdo': (request) => ipcRenderer.invoke('tasks:wontdo', request),
  'tasks:create': (request) => ipcRenderer.invoke('tasks:create', request),
  'tasks:plan': (request) => ipcRenderer.invoke('tasks:plan', request),
  'guides:import': (request) => ipcRenderer.invoke('guides:import', request),
  'guides:export': (request) => ipcRenderer.invoke('guides:export', request),
  'incidents:list': (request) => ipcRenderer.invoke('incidents:list', request),
  'notices:list': (request) => ipcRenderer.invoke('notices:list', request),
  'notices:record': (request) => ipcRenderer.invoke('notices:record', request),
  'notices:delete': (request) => ipcRenderer.invoke('notices:delete', request),
  'guideRuns:list': (request) => ipcRenderer.invoke('guideRuns:list', request),
  'guideRuns:get': (request) => ipcRenderer.invoke('guideRuns:get', request),
  'guideRuns:suggest': (request) => ipcRenderer.invoke('guideRuns:suggest', request),
  'guideRuns:start': (request) => ipcRenderer.invoke('guideRuns:start', request),
  'guideRuns:mark': (request) => ipcRenderer.invoke('guideRuns:mark', request),
  'guideRuns:note': (request) => ipcRenderer.invoke('guideRuns:note', request),
  'guideRuns:goto': (request) => ipcRenderer.invoke('guideRuns:goto', request),
  'guideRuns:setHelper': (request) => ipcRenderer.invoke('guideRuns:setHelper', request),
  'guideRuns:finish': (request) => ipcRenderer.invoke('guideRuns:finish', request),
  'guideRuns:abandon': (request) => ipcRenderer.invoke('guideRuns:abandon', request),
  'guideRuns:summary': (request) => ipcRenderer.invoke('guideRuns:summary', request),
  'guideRuns:export': (request) => ipcRenderer.invoke('guideRuns:export', request),
  'people:update': (request) => ipcRenderer.invoke('people:update', request),
  'people:pickFile': (request) => ipcRenderer.invoke('people:pickFile', request),
  'people:importPreview': (request) => ipcRenderer.invoke('people:importPreview', request),
  'people:importConfirm': (request) => ipcRenderer.invoke('people:importConfirm', request),
  'people:importCancel': (request) => ipcRenderer.invoke('people:importCancel', request),
  'team:get': (request) => ipcRenderer.invoke('team:get', request),
  'tasks:assign': (request) => ipcRenderer.invoke('tasks:assign', request),
  'checklists:list': (request) => ipcRenderer.invoke('checklists:list', request),
  'checklists:get': (request) => ipcRenderer.invoke('checklists:get', request),
  'checklists:start': (request) => ipcRenderer.invoke('checklists:start', request),
  'reports:export': (request) => ipcRenderer.invoke('reports:export', request),
  'tasks:page': (request) => ipcRenderer.invoke('tasks:page', request),
  'findings:page': (request) => ipcRenderer.invoke('findings:page', request),
  'accounts:page': (request) => ipcRenderer.invoke('accounts:page', request),
  'mailScan:status': (request) => ipcRenderer.invoke('mailScan:status', request),
  'mailScan:start': (request) => ipcRenderer.invoke('mailScan:start', request),
  'mailScan:cancel': (request) => ipcRenderer.invoke('mailScan:cancel', request),
  'mailScan:resume': (request) => ipcRenderer.invoke('mailScan:resume', request),
  'mailScan:discard': (request) => ipcRenderer.invoke('mailScan:discard', request),
  'app:state': (request) => ipcRenderer.invoke('app:state', request),
  'recovery:retry': (request) => ipcRenderer.invoke('recovery:retry', request),
  'recovery:startEmpty': (request) => ipcRenderer.invoke('recovery:startEmpty', request),
  'backups:list': (request) => ipcRenderer.invoke('backups:list', request),
  'backups:inspect': (request) => ipcRenderer.invoke('backups:inspect', request),
  'backups:create': (request) => ipcRenderer.invoke('backups:create', request),
  'backups:pick': (request) => ipcRenderer.invoke('backups:pick', request),
  'backups:restore': (request) => ipcRenderer.invoke('backups:restore', request),
  'backups:chooseFolder': (request) => ipcRenderer.invoke('backups:chooseFolder', request),
  'backups:useDefaultFolder': (request) => ipcRenderer.invoke('backups:useDefaultFolder', request),
  'data:export': (request) => ipcRenderer.invoke('data:export', request),
  'data:erase': (request) => ipcRenderer.invoke('data:erase', request),
  onDidChange(listener) {
    const wrapped = (_event: IpcRendererEvent, payload: DidChangeEvent) => listener(payload);
    ipcRenderer.on(DID_CHANGE_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(DID_CHANGE_CHANNEL, wrapped);
  },
  onNavigate(listener) {
    const wrapped = (_event: IpcRendererEvent, path: string) => listener(path);
    ipcRenderer.on(NAVIGATE_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(NAVIGATE_CHANNEL, wrapped);
  },
  onImportProgress(listener) {
    const wrapped = (_event: IpcRendererEvent, payload: ImportProgress) => listener(payload);
    ipcRenderer.on(IMPORT_PROGRESS_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(IMPORT_PROGRESS_CHANNEL, wrapped);
  },
  // The page hands over the File object it got from the drop; only this preload turns it into a
  // path, for main. A page cannot name a path of its choosing.
  grantDroppedFile: async (file) => {
    const path = webUtils.getPathForFile(file as File);
    if (!path) return null;
    const result = (await ipcRenderer.invoke(DROP_GRANT_CHANNEL, path)) as Result<{
      token: string;
      name: string;
    }>;
    return result.ok ? result.value : null;
  },
} satisfies LockstepApi;

contextBridge.exposeInMainWorld('lockstep', api);
