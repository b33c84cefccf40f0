import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../common/ipc/schemas';
import { fail } from '../../common/ipc/result';
import { dispatch, type HandlerTable } from './handlers';
import { isTrustedSender } from './senders';

/** The only place `ipcMain` is used: every channel is checked for sender, then dispatched. */
export function registerIpc(handlers: HandlerTable, devOrigin?: string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const frame = event.senderFrame;
      const trusted =
        isTrustedSender(frame?.url, frame?.parent === null) ||
        (devOrigin !== undefined && isTrustedSender(frame?.url, frame?.parent === null, devOrigin));
      if (!trusted) return fail('forbidden', 'Refused a request from an unknown page.');
      return dispatch(handlers, channel, payload);
    });
  }
}
