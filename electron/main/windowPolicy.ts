import { isSafeExternalUrl } from '../../common/domain/externalUrl';

/**
 * What happens when a page asks for a new window (`window.open`, `target=_blank`): never a new
 * Electron window; https links go to the user's browser through the platform port.
 */
export function windowOpenPolicy(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) };
}
