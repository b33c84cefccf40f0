import { test, expect } from '../fixtures/app';

test('the page has no Node or Electron access, only the lockstep bridge', async ({ app }) => {
  const globals = await app.page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    module: typeof (window as unknown as { module?: unknown }).module,
    ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    electron: typeof (window as unknown as { electron?: unknown }).electron,
    bridgeKeys: Object.keys(window.lockstep).sort(),
    bridgeFrozen: Object.isFrozen(window.lockstep),
  }));
  expect(globals).toMatchObject({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    ipcRenderer: 'undefined',
    electron: 'undefined',
  });
  // Only functions, one per channel, plus the change subscription: no generic invoke/send.
  expect(globals.bridgeKeys).toContain('accounts:list');
  expect(globals.bridgeKeys).not.toContain('invoke');
  expect(globals.bridgeKeys).not.toContain('send');
  expect(globals.bridgeFrozen).toBe(true);
});

test('a strict Content-Security-Policy blocks inline and remote scripts', async ({ app, consoleErrors }) => {
  const meta = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("default-src 'self'");
  expect(meta).toContain("script-src 'self'");
  const blocked = await app.page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true;';
    document.body.append(inline);
    const remote = document.createElement('script');
    remote.src = 'https://cdn.example.com/tracker.js';
    const remoteBlocked = new Promise<boolean>((resolve) => {
      remote.onerror = () => resolve(true);
      remote.onload = () => resolve(false);
    });
    document.body.append(remote);
    return {
      inlineRan: Boolean((window as unknown as { __inlineRan?: boolean }).__inlineRan),
      remoteBlocked: await remoteBlocked,
      violations,
    };
  });
  expect(blocked.inlineRan).toBe(false);
  expect(blocked.remoteBlocked).toBe(true);
  expect(blocked.violations).toEqual(expect.arrayContaining(['script-src-elem']));
  // The refusals above are logged as console errors on purpose; they are the point of this test.
  expect(consoleErrors.filter((text) => !/Content Security Policy/i.test(text))).toEqual([]);
  consoleErrors.length = 0;
});

test('window.open never opens a window; https links go to the browser through the platform port', async ({
  app,
  consoleErrors,
}) => {
  const pagesBefore = app.page.context().pages().length;
  await app.page.evaluate(() => window.open('https://haveibeenpwned.com/', '_blank'));
  await expect.poll(async () => (await app.recording()).openedUrls).toContain('https://haveibeenpwned.com/');
  await app.page.evaluate(() => window.open('file:///etc/passwd', '_blank'));
  await expect.poll(() => app.page.context().pages().length).toBe(pagesBefore);
  expect((await app.recording()).openedUrls).toEqual(['https://haveibeenpwned.com/']);
  expect(consoleErrors).toEqual([]);
});

test('the bridge refuses non-https links and malformed calls with a clear Result', async ({ app }) => {
  const results = await app.page.evaluate(async () => {
    const api = window.lockstep as unknown as Record<string, (request: unknown) => Promise<unknown>>;
    return {
      http: await api['shell:openExternal']!({ url: 'http://example.com' }),
      js: await api['shell:openExternal']!({ url: 'javascript:alert(1)' }),
      wrongShape: await api['accounts:get']!({ id: 'one' }),
    };
  });
  expect(results.http).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(results.js).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(results.wrongShape).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  expect((await app.recording()).openedUrls).toEqual([]);
});

test('the app never navigates away from its own origin', async ({ app }) => {
  const origin = new URL(app.page.url()).origin;
  await app.page.evaluate(() => {
    const link = document.createElement('a');
    link.href = 'https://example.com/phish';
    link.textContent = 'external';
    document.body.append(link);
    link.click();
  });
  await expect.poll(async () => (await app.recording()).openedUrls).toContain('https://example.com/phish');
  expect(new URL(app.page.url()).origin).toBe(origin);
});
