import { CHANNELS } from '../../common/ipc/schemas';
import type { Core } from '../services/core';
import type { AppHost } from '../services/dataSafety/host';
import {
  createHandlers,
  HOST_CHANNELS,
  type CoreHandlerTable,
  type HandlerTable,
  type HostChannel,
} from './handlers';

/**
 * The app's channel table: the data-folder channels answered by the host, every other channel by
 * the core the host has open at the time of the call — so after a restore (a new core) the same
 * table serves the restored data, and on the recovery screen those calls are told why not.
 */
export function createAppHandlers(host: AppHost): HandlerTable {
  const tables = new WeakMap<Core, CoreHandlerTable>();
  const coreTable = (): CoreHandlerTable => {
    const core = host.core();
    let table = tables.get(core);
    if (!table) {
      table = createHandlers(core);
      tables.set(core, table);
    }
    return table;
  };
  const hostChannels = new Set<string>(HOST_CHANNELS);
  const delegated = Object.fromEntries(
    CHANNELS.filter((channel) => !hostChannels.has(channel)).map((channel) => [
      channel,
      (request: unknown) =>
        (coreTable()[channel as Exclude<typeof channel, HostChannel>] as (request: unknown) => unknown)(
          request,
        ),
    ]),
  ) as CoreHandlerTable;
  const own: Pick<HandlerTable, HostChannel> = {
    'app:state': () => host.state(),
    'recovery:retry': () => host.retry(),
    'recovery:startEmpty': () => host.startEmpty(),
    'backups:list': () => host.listBackups(),
    'backups:inspect': ({ id }) => host.inspectBackup(id),
    'backups:create': async () => {
      const { contents: _contents, ...entry } = await host.createBackup();
      return entry;
    },
    'backups:pick': () => host.pickBackup(),
    'backups:restore': ({ id }) => host.restore({ id }),
    'backups:chooseFolder': () => host.chooseBackupFolder(),
    'backups:useDefaultFolder': () => host.useDefaultBackupFolder(),
    'data:export': () => host.exportAll(),
    'data:erase': ({ includeBackups }) => host.erase({ includeBackups }),
  };
  return { ...delegated, ...own };
}
