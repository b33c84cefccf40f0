/** The origin the renderer is served from, under the app's own protocol. */
export const APP_ORIGIN = 'app://lockstep';

/**
 * True when an IPC message comes from our own page's main frame: not an iframe, not a page that
 * somehow navigated elsewhere.
 */
export function isTrustedSender(
  frameUrl: string | undefined,
  isMainFrame: boolean,
  origin = APP_ORIGIN,
): boolean {
  if (!isMainFrame || !frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return `${url.protocol}//${url.host}` === origin;
  } catch {
    return false;
  }
}
