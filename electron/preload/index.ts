import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { DID_CHANGE_CHANNEL, type DidChangeEvent, type LockstepApi } from '../../common/ipc/contract';

// One function per channel; ipcRenderer itself never reaches the page.
const api = {
  'app:info': (request) => ipcRenderer.invoke('app:info', request),
  'people:list': (request) => ipcRenderer.invoke('people:list', request),
  'people:create': (request) => ipcRenderer.invoke('people:create', request),
  'people:rename': (request) => ipcRenderer.invoke('people:rename', request),
  'people:delete': (request) => ipcRenderer.invoke('people:delete', request),
  'emails:add': (request) => ipcRenderer.invoke('emails:add', request),
  'emails:delete': (request) => ipcRenderer.invoke('emails:delete', request),
  'accounts:list': (request) => ipcRenderer.invoke('accounts:list', request),
  'accounts:get': (request) => ipcRenderer.invoke('accounts:get', request),
  'accounts:create': (request) => ipcRenderer.invoke('accounts:create', request),
  'accounts:update': (request) => ipcRenderer.invoke('accounts:update', request),
  'accounts:delete': (request) => ipcRenderer.invoke('accounts:delete', request),
  'trash:undo': (request) => ipcRenderer.invoke('trash:undo', request),
  'shell:openExternal': (request) => ipcRenderer.invoke('shell:openExternal', request),
  onDidChange(listener) {
    const wrapped = (_event: IpcRendererEvent, payload: DidChangeEvent) => listener(payload);
    ipcRenderer.on(DID_CHANGE_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(DID_CHANGE_CHANNEL, wrapped);
  },
} satisfies LockstepApi;

contextBridge.exposeInMainWorld('lockstep', api);
