import { parse } from 'tldts';
import { format } from '../messages/format';

/**
 * What a login URL tells us about the service behind it.
 * - `web`: an ordinary site; `domain` is its registrable domain (`accounts.google.com` → `google.com`).
 * - `android`: an Android app id (`androidapp://com.example.app`, `android://<hash>@com.example.app/`);
 *   `domain` is derived from the reversed package name when it ends in a known suffix.
 * - `ip`: an IP address host; `domain` is the address itself (there is no registrable part).
 * - `local`: a single-label host such as `localhost` or `nas`; `domain` is the host.
 */
export interface ServiceUrlInfo {
  kind: 'web' | 'android' | 'ip' | 'local';
  /** Lower-case host as written (punycode stays punycode). */
  host: string;
  /** The registrable domain, or the host where there is none. */
  domain: string;
  /** True when the URL uses plain `http:` (never for a bare host with no scheme). */
  isInsecure: boolean;
  /** The URL in a normal form (scheme added when missing). */
  normalizedUrl: string;
}

/** Why a login URL could not be understood. */
export type ServiceUrlError = { error: string };

const ANDROID_APP = /^androidapp:\/\/([a-z0-9_.]+)\/?$/i;
const ANDROID_CHROME = /^android:\/\/[^@/]*@([a-z0-9_.]+)\/?$/i;
const PACKAGE = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/i;

/**
 * Parses a login URL (with or without scheme) into the service it points to.
 * Returns `{ error }` for input that is not a usable address; an empty input is the caller's case.
 */
export function parseServiceUrl(input: string): ServiceUrlInfo | ServiceUrlError {
  const raw = input.trim();
  if (raw === '') return { error: format('validation.url.empty') };

  const android = ANDROID_APP.exec(raw) ?? ANDROID_CHROME.exec(raw);
  if (android?.[1]) return fromAndroidPackage(android[1]);
  if (/^android(app)?:/i.test(raw)) return { error: format('validation.url.androidNoPackage') };

  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  if (hasScheme && !/^https?:\/\//i.test(raw)) {
    return { error: format('validation.url.scheme') };
  }
  if (/\s/.test(raw)) return { error: format('validation.url.spaces') };
  const candidate = hasScheme ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { error: format('validation.url.invalid') };
  }
  if (!url.hostname) return { error: format('validation.url.noHost') };
  const isInsecure = hasScheme && url.protocol === 'http:';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const info = parse(url.hostname, { allowPrivateDomains: false });
  if (info.isIp) {
    return { kind: 'ip', host, domain: host, isInsecure, normalizedUrl: url.href };
  }
  if (!host.includes('.')) {
    return { kind: 'local', host, domain: host, isInsecure, normalizedUrl: url.href };
  }
  if (!info.domain) return { error: format('validation.url.noDomain') };
  return { kind: 'web', host, domain: info.domain, isInsecure, normalizedUrl: url.href };
}

function fromAndroidPackage(packageName: string): ServiceUrlInfo | ServiceUrlError {
  if (!PACKAGE.test(packageName)) return { error: format('validation.url.androidInvalid') };
  const lower = packageName.toLowerCase();
  // com.facebook.katana → katana.facebook.com → facebook.com. Only trust it when the reversed name
  // ends in a real public suffix; otherwise keep the package id itself as the "domain".
  const reversed = lower.split('.').reverse().join('.');
  const info = parse(reversed);
  const domain = info.domain && info.isIcann ? info.domain : lower;
  return {
    kind: 'android',
    host: lower,
    domain,
    isInsecure: false,
    normalizedUrl: `androidapp://${lower}`,
  };
}

/** True when the parse produced an error. */
export function isServiceUrlError(value: ServiceUrlInfo | ServiceUrlError): value is ServiceUrlError {
  return 'error' in value;
}
