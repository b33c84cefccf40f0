import { app, BrowserWindow, dialog, Notification, safeStorage, session, shell } from 'electron';
import { join } from 'node:path';
import { hardenSession } from '../main/hardening';
import { isRealKeychain } from './keychain';
import { PRINT_PARTITION, printWebPreferences } from '../main/security';
import type { PlatformPort } from './port';

/** The port's only Electron implementation: thin calls, no logic worth testing elsewhere. */
export function createElectronPlatform(getWindow: () => BrowserWindow | null): PlatformPort {
  return {
    secrets: {
      // Linux's basic_text fallback "encrypts" with a public key: not a keychain (keychain.ts).
      isAvailable: () =>
        isRealKeychain({
          platform: process.platform,
          encryptionAvailable: safeStorage.isEncryptionAvailable(),
          linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
        }),
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
    async pickSavePath({ title, defaultName, filters }) {
      const window = getWindow();
      const options = { title, filters, defaultPath: join(app.getPath('documents'), defaultName) };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async htmlToPdf(html) {
      // An offscreen, sandboxed window with JavaScript off, in a partition of its own (which refuses
      // every permission, like the default session: `index.ts` hardens each session as it is
      // created, and this says so again here), with nothing to load but the document itself (its
      // CSP forbids every fetch).
      hardenSession(session.fromPartition(PRINT_PARTITION));
      const printer = new BrowserWindow({ show: false, webPreferences: printWebPreferences() });
      try {
        await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        const pdf = await printer.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
        return new Uint8Array(pdf);
      } finally {
        printer.destroy();
      }
    },
    notify({ title, body, onClick }) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body });
      if (onClick) notification.on('click', onClick);
      notification.show();
    },
  };
}
