/**
 * Security settings of the window, kept free of Electron imports so tests can check them.
 */

/** The Content-Security-Policy of every page Lockstep serves. Mantine needs inline styles. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Whether a page may have a permission (camera, microphone, geolocation, notifications from the
 * page, clipboard reading, …). Lockstep needs none: desktop notifications come from the main
 * process, so every request and check is refused.
 */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}

/**
 * What every Lockstep page runs with, following Electron's security checklist: no Node, isolated
 * and sandboxed, same-origin policy on, no mixed content, no experimental Blink features, no
 * `<webview>`.
 */
const LOCKED_DOWN = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

/**
 * The `webPreferences` of the app window. DevTools exist only in development: a packaged app
 * cannot open them (and its menu has no item for them).
 */
export function secureWebPreferences(preloadPath: string, { isPackaged }: { isPackaged: boolean }) {
  return { ...LOCKED_DOWN, preload: preloadPath, devTools: !isPackaged } as const;
}

/** The session partition of the offscreen window that prints reports to PDF. */
export const PRINT_PARTITION = 'lockstep-print';

/**
 * The `webPreferences` of the offscreen window that prints a report to PDF: locked down like the
 * app window, with JavaScript off, no preload, no DevTools, in a partition of its own.
 */
export function printWebPreferences() {
  return { ...LOCKED_DOWN, javascript: false, devTools: false, partition: PRINT_PARTITION } as const;
}

/**
 * Maps a request under the app protocol to a file inside the renderer folder; null for anything
 * that would escape it.
 */
export function resolveAppAsset(requestUrl: string, rendererDir: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const segments = relative.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\\'))) return null;
  const base = rendererDir.replace(/[\\/]+$/, '');
  return `${base}/${segments.join('/')}`;
}

/** MIME types of what the renderer build contains. */
export function mimeTypeOf(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  const types: Record<string, string> = {
    html: 'text/html; charset=utf-8',
    js: 'text/javascript; charset=utf-8',
    mjs: 'text/javascript; charset=utf-8',
    css: 'text/css; charset=utf-8',
    json: 'application/json',
    svg: 'image/svg+xml',
    png: 'image/png',
    ico: 'image/x-icon',
    woff2: 'font/woff2',
    woff: 'font/woff',
    ttf: 'font/ttf',
  };
  return types[ext] ?? 'application/octet-stream';
}
