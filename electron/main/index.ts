import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  protocol,
  session,
  Tray,
} from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WINDOW_BACKGROUND } from '../../common/domain/appearance';
import { whenLastWindowCloses } from '../../common/domain/dataSafety/background';
import { fail } from '../../common/ipc/result';
import { format, messageLocaleFromEnv, setMessageLocale } from '../../common/messages/format';
import { DID_CHANGE_CHANNEL, IMPORT_PROGRESS_CHANNEL, NAVIGATE_CHANNEL } from '../../common/ipc/contract';
import { createAppHandlers } from '../ipc/appHandlers';
import { grantDroppedFile } from '../ipc/handlers';
import { registerIpc } from '../ipc/register';
import { APP_ORIGIN } from '../ipc/senders';
import { createElectronPlatform } from '../platform/electron';
import type { PlatformPort } from '../platform/port';
import { RecordingPlatform } from '../platform/recorder';
import { AppHost } from '../services/dataSafety/host';
import { resolveDataDir } from '../services/dataDir';
import { installHardening } from './hardening';
import { menuTemplate } from './menu';
import { CONTENT_SECURITY_POLICY, mimeTypeOf, resolveAppAsset, secureWebPreferences } from './security';

// The catalogue the main process writes in (notifications, dialogs, errors): English, or the
// pseudo-locale of tests with LOCKSTEP_PSEUDO_LOCALE=1.
setMessageLocale(messageLocaleFromEnv(process.env));

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
app.setPath('userData', dataDir);

let mainWindow: BrowserWindow | null = null;
let host: AppHost | null = null;
let platform: PlatformPort | null = null;
let tray: Tray | null = null;
const rendererDir = join(import.meta.dirname, '../renderer');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    showWindow();
  });
  // Closing the last window quits, unless the person asked Lockstep to keep watching in the
  // background: then an icon stays in the tray (menu bar) and the scheduler goes on.
  app.on('window-all-closed', () => {
    const settings = host?.currentCore()?.settings.get();
    if (
      whenLastWindowCloses({ keepRunningInBackground: settings?.keepRunningInBackground ?? false }) === 'quit'
    ) {
      app.quit();
    } else {
      tray ??= createTray();
    }
  });
  // The dock icon (macOS) brings the window back after it was closed to the menu bar.
  app.on('activate', () => {
    if (host) showWindow();
  });
  app.on('will-quit', (event) => {
    if (!host) return;
    // Stop the analysis workers and the scheduler, and close the database cleanly before exiting.
    event.preventDefault();
    const closing = host;
    host = null;
    tray?.destroy();
    tray = null;
    void closing.close().finally(() => app.quit());
  });
  app.whenReady().then(start, (error: unknown) => fatal(error));
}

function start(): void {
  installHardening(
    {
      defaultSession: session.defaultSession,
      onSessionCreated: (listener) => app.on('session-created', listener),
      onWebContentsCreated: (listener) =>
        app.on('web-contents-created', (_event, contents) => listener(contents)),
    },
    { openExternally: (url) => void platform?.openExternal(url) },
  );
  serveRenderer();
  platform = createPlatform();
  host = new AppHost({
    dataDir,
    version: app.getVersion(),
    platform,
    // Mailbox scans run in a worker thread, so the window stays responsive.
    mailScanWorker: join(import.meta.dirname, 'mailScanWorker.js'),
    onDidChange: (areas) => {
      if (areas.includes('settings')) followColorScheme();
      mainWindow?.webContents.send(DID_CHANGE_CHANNEL, { areas });
    },
    onImportProgress: (event) => mainWindow?.webContents.send(IMPORT_PROGRESS_CHANNEL, event),
    onNavigate: (path) => {
      showWindow();
      mainWindow?.webContents.send(NAVIGATE_CHANNEL, path);
    },
  });
  // A damaged or locked data file is not fatal: the window shows the recovery screen instead.
  try {
    host.open();
  } catch (error) {
    fatal(error);
    return;
  }
  followColorScheme();
  nativeTheme.on('updated', () => mainWindow?.setBackgroundColor(windowBackground()));
  const running = host;
  registerIpc(createAppHandlers(running), devServerUrl ? new URL(devServerUrl).origin : undefined, (path) => {
    // Grants belong to the data that is open now (a restore opens new data, with no grants).
    const core = running.currentCore();
    return core ? grantDroppedFile(core, path) : fail('unavailable', format('main.cannotImportNow'));
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ isPackaged: app.isPackaged, platform: process.platform })),
  );
  createWindow();
  // The session's own writes (the last session's trash, the day's re-check), then periodic work.
  host.startBackground();
}

/** Shows the window (creating it again when it was closed to the tray). */
function showWindow(): void {
  if (!mainWindow) {
    createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** The tray (menu bar) icon while Lockstep runs in the background: open the window, or quit. */
function createTray(): Tray {
  const icon = new Tray(nativeImage.createFromPath(join(import.meta.dirname, '../data/tray-icon.png')));
  icon.setToolTip(format('main.tray.tooltip'));
  icon.setContextMenu(
    Menu.buildFromTemplate([
      { label: format('main.tray.open'), click: () => showWindow() },
      { type: 'separator' },
      { label: format('main.tray.quit'), click: () => app.quit() },
    ]),
  );
  icon.on('click', () => showWindow());
  return icon;
}

/**
 * The real platform, or — for the e2e suite's electron target on an unpackaged build only — a
 * recorder the test reads through `electronApp.evaluate`.
 */
function createPlatform(): PlatformPort {
  if (app.isPackaged || process.env.LOCKSTEP_TEST_PLATFORM !== 'record') {
    return createElectronPlatform(() => mainWindow);
  }
  const real = createElectronPlatform(() => mainWindow);
  const recorder = new RecordingPlatform((html) => real.htmlToPdf(html));
  Object.assign(globalThis, {
    __lockstepRecording: recorder.recording,
    __lockstepAnswerNextFile: (path: string | null) => recorder.answerNextFile(path),
    __lockstepAnswerNextSave: (path: string | null) => recorder.answerNextSave(path),
    __lockstepClickNotification: (index: number) => recorder.clickNotification(index),
  });
  return recorder;
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Lockstep',
    backgroundColor: windowBackground(),
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs'), {
      isPackaged: app.isPackaged,
    }),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}

/**
 * The colour scheme chosen in Settings (System, Light or Dark) becomes the native theme: the page's
 * `prefers-color-scheme` follows it, and so do the window's own background and title bar.
 */
function followColorScheme(): void {
  const choice = host?.currentCore()?.settings.get().colorScheme ?? 'system';
  if (nativeTheme.themeSource !== choice) nativeTheme.themeSource = choice;
}

function windowBackground(): string {
  return nativeTheme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light;
}

/** Serves the built renderer under app://lockstep with the CSP header, refusing paths outside it. */
function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    const path = new URL(request.url).host === 'lockstep' ? resolveAppAsset(request.url, rendererDir) : null;
    if (!path) return new Response('Not found', { status: 404 });
    try {
      const file = await net.fetch(pathToFileURL(path).toString());
      if (!file.ok) return new Response('Not found', { status: 404 });
      return new Response(file.body, {
        status: 200,
        headers: {
          'content-type': mimeTypeOf(path),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const native =
    /NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3\.node/.test(
      message,
    );
  dialog.showErrorBox(
    format('main.fatal.title'),
    native
      ? format('main.fatal.nativeModule', { message })
      : format('main.fatal.cannotOpen', { dataDir, message }),
  );
  app.exit(1);
}
