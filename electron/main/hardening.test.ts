import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  hardenWebContents,
  installHardening,
  type HardenableContents,
  type HardenableSession,
  type Preventable,
} from './hardening';
import { menuTemplate } from './menu';

/** A page: records its listeners and window-open handler, and fires events at them. */
class FakeContents implements HardenableContents {
  readonly listeners = new Map<string, ((event: Preventable) => void)[]>();
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  on(event: string, listener: (event: Preventable) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
  /** Fires `event` as Electron would; true when a listener cancelled it. */
  fire(event: string): boolean {
    let prevented = false;
    for (const listener of this.listeners.get(event) ?? []) {
      listener({ preventDefault: () => (prevented = true) });
    }
    return prevented;
  }
}

/** A session: answers permission requests and checks through the handlers set on it. */
class FakeSession implements HardenableSession {
  requestHandler: Parameters<HardenableSession['setPermissionRequestHandler']>[0] | null = null;
  checkHandler: Parameters<HardenableSession['setPermissionCheckHandler']>[0] | null = null;
  setPermissionRequestHandler(handler: NonNullable<FakeSession['requestHandler']>) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['checkHandler']>) {
    this.checkHandler = handler;
  }
  /** What a page asking for `permission` gets; Electron grants it when no handler is set. */
  request(permission: string): boolean {
    if (!this.requestHandler) return true;
    let granted: boolean | undefined;
    this.requestHandler({}, permission, (answer) => (granted = answer));
    if (granted === undefined) throw new Error('the request was never answered');
    return granted;
  }
  check(permission: string): boolean {
    return this.checkHandler ? this.checkHandler({}, permission) : true;
  }
}

/** An app: a default session, and sessions and pages that appear later. */
function fakeApp() {
  const sessionListeners: ((session: HardenableSession) => void)[] = [];
  const contentsListeners: ((contents: HardenableContents) => void)[] = [];
  const opened: string[] = [];
  const defaultSession = new FakeSession();
  installHardening(
    {
      defaultSession,
      onSessionCreated: (listener) => sessionListeners.push(listener),
      onWebContentsCreated: (listener) => contentsListeners.push(listener),
    },
    { openExternally: (url) => opened.push(url) },
  );
  return {
    defaultSession,
    opened,
    createSession() {
      const session = new FakeSession();
      for (const listener of sessionListeners) listener(session);
      return session;
    },
    createContents() {
      const contents = new FakeContents();
      for (const listener of contentsListeners) listener(contents);
      return contents;
    },
  };
}

const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown'];

describe('hardening every session', () => {
  it('refuses permission requests and checks in the default session', () => {
    const app = fakeApp();
    for (const permission of PERMISSIONS) {
      expect(app.defaultSession.request(permission), permission).toBe(false);
      expect(app.defaultSession.check(permission), permission).toBe(false);
    }
  });

  it('refuses them in a session created later, such as the PDF printer partition', () => {
    const app = fakeApp();
    const printer = app.createSession();
    for (const permission of PERMISSIONS) {
      expect(printer.request(permission), permission).toBe(false);
      expect(printer.check(permission), permission).toBe(false);
    }
  });
});

describe('hardening every page', () => {
  it('cancels every navigation, in any frame, and every webview', () => {
    const page = fakeApp().createContents();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(page.fire(event), event).toBe(true);
    }
  });

  it('denies every new window and hands only https links to the browser', () => {
    const app = fakeApp();
    const page = app.createContents();
    const open = (url: string) => page.openHandler?.({ url });
    expect(open('https://haveibeenpwned.com/')).toEqual({ action: 'deny' });
    expect(open('http://example.com/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('app://lockstep/index.html')).toEqual({ action: 'deny' });
    expect(app.opened).toEqual(['https://haveibeenpwned.com/']);
  });

  it('hardens a page handed to it directly, with the same rules', () => {
    const page = new FakeContents();
    const opened: string[] = [];
    hardenWebContents(page, { openExternally: (url) => opened.push(url) });
    expect(page.fire('will-frame-navigate')).toBe(true);
    expect(page.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });
});

describe('the menu', () => {
  const roles = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [
      ...(item.role ? [item.role] : []),
      ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
    ]);

  it('has no way to open DevTools in a packaged app', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(roles(menuTemplate({ isPackaged: true, platform }))).not.toContain('toggleDevTools');
    }
  });

  it('offers DevTools in development', () => {
    expect(roles(menuTemplate({ isPackaged: false, platform: 'linux' }))).toContain('toggleDevTools');
  });
});
