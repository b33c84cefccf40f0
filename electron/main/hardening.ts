/**
 * How every session and every page Lockstep creates is locked down, written against the few
 * Electron methods it uses so tests can apply it to fakes. `index.ts` hands it the real `app`
 * events and sessions; nothing here imports Electron.
 */
import { isPermissionAllowed } from './security';
import { windowOpenPolicy } from './windowPolicy';

/** An event whose default action can be cancelled (Electron's navigation and webview events). */
export interface Preventable {
  preventDefault(): void;
}

/** The navigation events a page is refused: every one of them is cancelled. */
export const REFUSED_CONTENTS_EVENTS = [
  'will-navigate',
  'will-frame-navigate',
  'will-redirect',
  'will-attach-webview',
] as const;

/** The part of Electron's `WebContents` that hardening uses. */
export interface HardenableContents {
  on(event: (typeof REFUSED_CONTENTS_EVENTS)[number], listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The part of Electron's `Session` that hardening uses. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

/** Where hardening hooks in: the default session, and every session and page created later. */
export interface HardeningHost {
  readonly defaultSession: HardenableSession;
  onSessionCreated(listener: (session: HardenableSession) => void): void;
  onWebContentsCreated(listener: (contents: HardenableContents) => void): void;
}

/** What a page may still cause: an https link opened in the user's browser. */
export interface HardeningPolicy {
  openExternally(url: string): void;
}

/**
 * Our pages never navigate (in any frame, by link, script or redirect), never attach a
 * `<webview>`, and never open a window: `window.open` and `target=_blank` are denied, and an https
 * link among them goes to the user's browser instead.
 */
export function hardenWebContents(contents: HardenableContents, policy: HardeningPolicy): void {
  for (const name of REFUSED_CONTENTS_EVENTS) contents.on(name, (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenPolicy(url);
    if (decision.openExternally) policy.openExternally(url);
    return { action: decision.action };
  });
}

/** Every permission request and every permission check in `session` is answered by the policy. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionAllowed(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}

/**
 * Hardens the default session now and every session (the PDF printer's partition included) and
 * every page as they are created.
 */
export function installHardening(host: HardeningHost, policy: HardeningPolicy): void {
  hardenSession(host.defaultSession);
  host.onSessionCreated(hardenSession);
  host.onWebContentsCreated((contents) => hardenWebContents(contents, policy));
}
