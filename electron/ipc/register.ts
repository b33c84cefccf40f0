import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { DROP_GRANT_CHANNEL } from '../../common/ipc/contract';
import { CHANNELS } from '../../common/ipc/schemas';
import { fail, type Result } from '../../common/ipc/result';
import { format } from '../../common/messages/format';
import { dispatch, type HandlerTable } from './handlers';
import { isTrustedSender } from './senders';

/**
 * The only place `ipcMain` is used: every channel is checked for sender, then dispatched. The
 * dropped-file grant is not one of the page's channels: only the preload calls it (the page has
 * no ipcRenderer), with the path Electron gives for a File the page received from a drop.
 */
export function registerIpc(
  handlers: HandlerTable,
  devOrigin: string | undefined,
  grantDroppedFile: (path: unknown) => Result<{ token: string; name: string }>,
): void {
  const trusted = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    return (
      isTrustedSender(frame?.url, frame?.parent === null) ||
      (devOrigin !== undefined && isTrustedSender(frame?.url, frame?.parent === null, devOrigin))
    );
  };
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!trusted(event)) return fail('forbidden', format('errors.ipc.forbidden'));
      return dispatch(handlers, channel, payload);
    });
  }
  ipcMain.handle(DROP_GRANT_CHANNEL, (event: IpcMainInvokeEvent, path: unknown) =>
    trusted(event) ? grantDroppedFile(path) : fail('forbidden', format('errors.ipc.forbidden')),
  );
}
