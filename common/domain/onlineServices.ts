/**
 * The only places Lockstep's online features may talk to: each feature's official service, or a
 * server on this computer's loopback interface (what the tests run). Settings that point anywhere
 * else are refused, so a compromised window cannot send the range check (or anything else) to a
 * server of its choosing.
 */

/** Have I Been Pwned's k-anonymity range API for passwords. */
export const OFFICIAL_PWNED_RANGE_URL = 'https://api.pwnedpasswords.com';
/** Have I Been Pwned's API (email search with the person's own key). */
export const OFFICIAL_HIBP_URL = 'https://haveibeenpwned.com';
/** Where the public datasets are refreshed from. */
export const OFFICIAL_DATASET_URLS = {
  breaches: 'https://haveibeenpwned.com/api/v3/breaches',
  twoFactor: 'https://api.2fa.directory/v3/all.json',
  passkeys: 'https://passkeys-api.2fa.directory/v1/all.json',
} as const;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A server on this computer (http or https, any port): allowed for tests and local mirrors. */
export function isLoopbackUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

/**
 * Whether `value` may be used for a service whose official address is `official`: that address's
 * own origin over https (any path under it), or a loopback server. Credentials in the URL are never
 * allowed.
 */
export function isAllowedServiceUrl(value: string, official: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (isLoopbackUrl(value)) return true;
  return url.protocol === 'https:' && url.origin === new URL(official).origin;
}
