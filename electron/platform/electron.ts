import { dialog, Notification, safeStorage, shell, type BrowserWindow } from 'electron';
import type { PlatformPort } from './port';

/** The port's only Electron implementation: thin calls, no logic worth testing elsewhere. */
export function createElectronPlatform(getWindow: () => BrowserWindow | null): PlatformPort {
  return {
    secrets: {
      isAvailable: () => safeStorage.isEncryptionAvailable(),
      encrypt: (plain) => new Uint8Array(safeStorage.encryptString(Buffer.from(plain).toString('base64'))),
      decrypt: (cipher) =>
        new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(cipher)), 'base64')),
    },
    openExternal: (url) => shell.openExternal(url),
    async pickFile({ title, filters }) {
      const window = getWindow();
      const options = { title, filters, properties: ['openFile' as const] };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickFolder({ title }) {
      const window = getWindow();
      const options = { title, properties: ['openDirectory' as const] };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    notify({ title, body, onClick }) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body });
      if (onClick) notification.on('click', onClick);
      notification.show();
    },
  };
}
