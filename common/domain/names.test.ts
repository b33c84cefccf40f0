import { describe, expect, it } from 'vitest';
import {
  androidAppName,
  inspectDomain,
  looksLikeAppId,
  mixedScriptWarning,
  readableServiceName,
  scriptsOf,
  unicodeDomain,
} from './names';

const directory: Record<string, string> = { 'instagram.com': 'Instagram', 'facebook.com': 'Facebook' };
const nameOf = (domain: string) => directory[domain];

describe('Android app ids', () => {
  it("names a known app by its service's name", () => {
    expect(androidAppName('com.instagram.android', nameOf)).toBe('Instagram (Android app)');
    expect(androidAppName('com.facebook.katana', nameOf)).toBe('Facebook (Android app)');
  });

  it('names an unknown app from its most telling label, never the raw id', () => {
    expect(androidAppName('com.example.fitnesstracker')).toBe('Fitnesstracker (Android app)');
    expect(androidAppName('com.instagram.android')).toBe('Instagram (Android app)');
    expect(androidAppName('org.mozilla.firefox_beta')).toBe('Firefox Beta (Android app)');
    expect(androidAppName('com.whatsapp')).toBe('Whatsapp (Android app)');
  });

  it('tells app ids from host names', () => {
    expect(looksLikeAppId('com.instagram.android')).toBe(true);
    expect(looksLikeAppId('com.whatsapp')).toBe(true);
    expect(looksLikeAppId('accounts.google.com')).toBe(false);
    expect(looksLikeAppId('me.com')).toBe(false);
    expect(looksLikeAppId('Instagram')).toBe(false);
    expect(looksLikeAppId('My bank')).toBe(false);
  });

  it('leaves ordinary service names alone and decodes encoded domains', () => {
    expect(readableServiceName('Yahoo Mail')).toBe('Yahoo Mail');
    expect(readableServiceName('amazon.com')).toBe('amazon.com');
    expect(readableServiceName('com.instagram.android', nameOf)).toBe('Instagram (Android app)');
    expect(readableServiceName('xn--bcher-kva.ch')).toBe('bücher.ch');
  });
});

describe('international domains', () => {
  it('shows the Unicode name of an ASCII-encoded domain', () => {
    expect(unicodeDomain('xn--bcher-kva.ch')).toBe('bücher.ch');
    expect(unicodeDomain('XN--BCHER-KVA.CH')).toBe('bücher.ch');
    expect(unicodeDomain('example.com')).toBe('example.com');
    expect(inspectDomain('xn--bcher-kva.ch')).toEqual({
      name: 'bücher.ch',
      wasEncoded: true,
      mixedScripts: null,
    });
  });

  it('warns when a label mixes Latin with Cyrillic (a possible look-alike)', () => {
    // "аpple.com" with a Cyrillic а (U+0430).
    const lookAlike = 'xn--pple-43d.com';
    expect(unicodeDomain(lookAlike)).toBe('\u0430pple.com');
    expect(inspectDomain(lookAlike).mixedScripts).toEqual({
      label: '\u0430pple',
      scripts: ['Cyrillic', 'Latin'],
    });
    expect(mixedScriptWarning(lookAlike)).toBe(
      '\u0430pple.com mixes letters from different alphabets (Cyrillic and Latin). It may be a look-alike of another site’s address: check it before you sign in.',
    );
    expect(mixedScriptWarning('p\u0430yp\u03b1l.com')).toMatch(/\(Latin, Cyrillic and Greek\)/);
  });

  it('does not warn for one script per label, or for scripts written together by design', () => {
    expect(mixedScriptWarning('xn--bcher-kva.ch')).toBeNull();
    expect(mixedScriptWarning('пример.рф')).toBeNull();
    expect(mixedScriptWarning('bücher.рф')).toBeNull();
    expect(mixedScriptWarning('日本語のサイト.jp')).toBeNull();
    expect(mixedScriptWarning('my-site2.com')).toBeNull();
    expect(scriptsOf('a-1-б')).toEqual(['Latin', 'Cyrillic']);
  });
});
