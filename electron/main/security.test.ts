import { resolveDataDir } from '../services/dataDir';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../ipc/senders';
import {
  CONTENT_SECURITY_POLICY,
  isPermissionAllowed,
  PRINT_PARTITION,
  printWebPreferences,
  resolveAppAsset,
  secureWebPreferences,
} from './security';
import { windowOpenPolicy } from './windowPolicy';

describe('window security', () => {
  // Electron's security checklist, item by item, for every window Lockstep opens.
  const windows = {
    'app window (packaged)': secureWebPreferences('/app/preload.cjs', { isPackaged: true }),
    'app window (development)': secureWebPreferences('/app/preload.cjs', { isPackaged: false }),
    'PDF printer': printWebPreferences(),
  };

  it.each(Object.entries(windows))('locks down the %s', (_name, preferences) => {
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
  });

  it('offers DevTools only in development', () => {
    expect(windows['app window (packaged)'].devTools).toBe(false);
    expect(windows['app window (development)'].devTools).toBe(true);
    expect(windows['PDF printer'].devTools).toBe(false);
  });

  it('prints with JavaScript off, without a preload, in a partition of its own', () => {
    expect(windows['PDF printer']).toMatchObject({ javascript: false, partition: PRINT_PARTITION });
    expect(windows['PDF printer']).not.toHaveProperty('preload');
    expect(PRINT_PARTITION).not.toBe('');
  });

  it('refuses every permission a page could ask for', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'midi',
      'openExternal',
      'fullscreen',
    ]) {
      expect(isPermissionAllowed(permission), permission).toBe(false);
    }
  });

  it('has a strict CSP: only our own scripts, nothing inline or remote', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('denies every new window and hands only https links to the browser', () => {
    expect(windowOpenPolicy('https://haveibeenpwned.com')).toEqual({ action: 'deny', openExternally: true });
    expect(windowOpenPolicy('http://example.com')).toEqual({ action: 'deny', openExternally: false });
    expect(windowOpenPolicy('file:///etc/passwd')).toEqual({ action: 'deny', openExternally: false });
    expect(windowOpenPolicy('app://lockstep/index.html')).toEqual({ action: 'deny', openExternally: false });
  });

  it('accepts IPC only from our own origin, main frame', () => {
    expect(isTrustedSender('app://lockstep/index.html#/accounts', true)).toBe(true);
    expect(isTrustedSender('app://lockstep/index.html', false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender('app://lockstep.evil/index.html', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

describe('serving the renderer', () => {
  it('maps app URLs to files inside the renderer folder and refuses escapes', () => {
    expect(resolveAppAsset('app://lockstep/', '/opt/lockstep/renderer')).toBe(
      '/opt/lockstep/renderer/index.html',
    );
    expect(resolveAppAsset('app://lockstep/assets/index.js', '/r/')).toBe('/r/assets/index.js');
    // URL parsing resolves dot segments at the root, so this stays inside the folder.
    expect(resolveAppAsset('app://lockstep/%2e%2e/%2e%2e/etc/passwd', '/r')).toBe('/r/etc/passwd');
    expect(resolveAppAsset('app://lockstep/assets/%2E%2E%2F%2E%2E%2Fx', '/r')).toBeNull();
    expect(resolveAppAsset('app://lockstep/assets/..%5c..%5csecret', '/r')).toBeNull();
    expect(resolveAppAsset('app://lockstep/a%00b', '/r')).toBeNull();
    expect(resolveAppAsset('app://lockstep/%E0%A4%A', '/r')).toBeNull();
  });
});

describe('resolveDataDir', () => {
  it('prefers --user-data-dir, then LOCKSTEP_DATA_DIR, then the default', () => {
    expect(
      resolveDataDir(['electron', '.', '--user-data-dir', '/tmp/a'], {}, '/home/u/.config/Lockstep'),
    ).toBe('/tmp/a');
    expect(resolveDataDir(['--user-data-dir=/tmp/b'], { LOCKSTEP_DATA_DIR: '/tmp/c' }, '/d')).toBe('/tmp/b');
    expect(resolveDataDir([], { LOCKSTEP_DATA_DIR: '/tmp/c' }, '/d')).toBe('/tmp/c');
    expect(resolveDataDir([], { LOCKSTEP_DATA_DIR: '  ' }, '/d')).toBe('/d');
  });
});
