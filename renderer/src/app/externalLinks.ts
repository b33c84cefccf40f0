import { call } from '../api/client';
import { format } from '../../../common/messages/format';
import { notifyError } from './notify';

/**
 * The window never navigates away from Lockstep: a click on any link to another origin is sent to
 * the user's browser through main (which opens https links only).
 */
export function routeExternalLinks(doc: Document): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button > 1) return;
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (!(anchor instanceof HTMLAnchorElement)) return;
    const url = new URL(anchor.href, doc.baseURI);
    if (url.origin === doc.location.origin) return;
    event.preventDefault();
    call('shell:openExternal', { url: url.href }).catch((error: unknown) =>
      notifyError(error, format('errors.link.openFailed')),
    );
  };
  doc.addEventListener('click', onClick, true);
  doc.addEventListener('auxclick', onClick, true);
  return () => {
    doc.removeEventListener('click', onClick, true);
    doc.removeEventListener('auxclick', onClick, true);
  };
}
