import { describe, expect, it } from 'vitest';
import { isServiceUrlError, parseServiceUrl } from './serviceUrl';

const ok = (input: string) => {
  const result = parseServiceUrl(input);
  if (isServiceUrlError(result)) throw new Error(`expected ${input} to parse: ${result.error}`);
  return result;
};
const error = (input: string) => {
  const result = parseServiceUrl(input);
  if (!isServiceUrlError(result)) throw new Error(`expected ${input} to fail, got ${result.domain}`);
  return result.error;
};

describe('parseServiceUrl', () => {
  it.each([
    ['https://www.linkedin.com/login', 'linkedin.com'],
    ['https://accounts.google.com/signin/v2/identifier?hl=en', 'google.com'],
    ['HTTPS://WWW.EBAY.COM/signin', 'ebay.com'],
    ['steamcommunity.com', 'steamcommunity.com'],
    ['https://bank.barclays.co.uk', 'barclays.co.uk'],
    ['https://login.example.com:8443/path?q=1', 'example.com'],
    ['https://xn--bcher-kva.ch/', 'xn--bcher-kva.ch'],
    ['https://müller-reisen.example.de/', 'example.de'],
  ])('%s → %s', (input, domain) => {
    const info = ok(input);
    expect(info.kind).toBe('web');
    expect(info.domain).toBe(domain);
  });

  it('marks plain http as insecure, but not a bare host', () => {
    expect(ok('http://www.myspace.com/signin').isInsecure).toBe(true);
    expect(ok('myspace.com').isInsecure).toBe(false);
    expect(ok('https://myspace.com').isInsecure).toBe(false);
  });

  it('derives a domain from Android app ids in both notations', () => {
    expect(ok('androidapp://com.facebook.katana')).toMatchObject({ kind: 'android', domain: 'facebook.com' });
    expect(ok('android://AbC123hash==@com.twitter.android/')).toMatchObject({
      kind: 'android',
      domain: 'twitter.com',
    });
    // No known public suffix once reversed: keep the package id.
    expect(ok('androidapp://zz.vendor.myapp')).toMatchObject({ kind: 'android', domain: 'zz.vendor.myapp' });
  });

  it('keeps IP hosts and single-label hosts as their own "domain"', () => {
    expect(ok('http://192.168.1.1:8080/admin')).toMatchObject({
      kind: 'ip',
      domain: '192.168.1.1',
      isInsecure: true,
    });
    expect(ok('https://[2001:db8::1]/')).toMatchObject({ kind: 'ip', domain: '2001:db8::1' });
    expect(ok('http://nas:5001/')).toMatchObject({ kind: 'local', domain: 'nas' });
  });

  it('refuses what is not a web or app address, with a reason', () => {
    expect(error('javascript:alert(1)')).toMatch(/This does not look like a web address|Only web/);
    expect(error('ftp://files.example.com')).toMatch(/Only web/);
    expect(error('chrome://FirefoxAccounts')).toMatch(/Only web/);
    expect(error('https://exa mple.com')).toMatch(/spaces/);
    expect(error('   ')).toMatch(/Enter a web address/);
    expect(error('androidapp://')).toMatch(/Android/);
  });
});
