import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localDateString } from '../../../common/domain/validation';
import { RecordingPlatform } from '../../platform/recorder';
import { FakeClock } from '../../testing/fakeClock';
import { startFakeHttpServer, type FakeHttpServer } from '../../testing/fakeHttpServer';
import { AppHost } from './host';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const hosts: AppHost[] = [];
const servers: FakeHttpServer[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close();
  while (servers.length) await servers.pop()!.close();
});

/** The app as it runs: the host opens the data, starts the session's work and the scheduler. */
function runningApp(options: { fetchImpl?: typeof fetch; before?: (host: AppHost) => void } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-watch-'));
  const clock = new FakeClock(new Date(2026, 4, 3, 9, 0, 0));
  const platform = new RecordingPlatform();
  // Set up the data first without background work, as a previous session would have left it.
  const setup = new AppHost({ dataDir, platform, clock });
  setup.open();
  options.before?.(setup);
  setup.core().settings.update({ reminders: false });
  return setup.close().then(() => {
    const navigated: string[] = [];
    const host = new AppHost({
      dataDir,
      platform,
      clock,
      onNavigate: (path) => navigated.push(path),
    });
    hosts.push(host);
    host.open();
    host.startBackground();
    const settle = () => host.core().scheduler.idle();
    return { host, clock, platform, dataDir, settle, navigated };
  });
}

const days = (host: AppHost) =>
  host
    .listBackups()
    .entries.map((b) => localDateString(new Date(b.createdAt)))
    .reverse();

describe('the daily backup', () => {
  it('is taken after the first change of each day, once, and holds that change', async () => {
    const { host, clock, settle } = await runningApp();
    await settle();
    // Opening on a new day re-runs the checks: that first change of the day is backed up.
    expect(days(host)).toEqual(['2026-05-03']);
    host.core().inventory.createPerson({ name: 'Priya' });
    await settle();
    expect(days(host)).toEqual(['2026-05-03']);

    // The next day: the hourly re-check at midnight is the day's first change.
    await clock.advanceAndSettle(15 * HOUR + 30 * 60 * 1000, settle);
    expect(days(host)).toEqual(['2026-05-03', '2026-05-04']);
    const [newest] = host.listBackups().entries;
    const details = host.inspectBackup(newest!.id);
    expect(details.contents).toMatchObject({ people: 2, historyVerifies: true });
    // No more that day, however long the app stays open.
    await clock.advanceAndSettle(20 * HOUR, settle);
    expect(days(host)).toEqual(['2026-05-03', '2026-05-04']);
  });

  it('keeps 7 daily, 4 weekly and 3 monthly backups while the app runs for months', async () => {
    const { host, clock, settle } = await runningApp();
    for (let day = 0; day < 100; day += 1) {
      await clock.advanceAndSettle(DAY, settle);
    }
    const kept = days(host);
    expect(kept.length).toBeLessThanOrEqual(14);
    expect(kept.length).toBeGreaterThanOrEqual(10);
    expect(kept.at(-1)).toBe(localDateString(clock.now()));
    expect(kept.slice(-7)).toEqual(
      Array.from({ length: 7 }, (_, i) => localDateString(new Date(clock.now().getTime() - (6 - i) * DAY))),
    );
    expect(new Set(kept.map((d) => d.slice(0, 7))).size).toBe(3);
  }, 120_000);

  it('is not taken by the command line (no scheduler runs there)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-watch-cli-'));
    const host = new AppHost({
      dataDir,
      platform: new RecordingPlatform(),
      clock: new FakeClock('2026-05-03T09:00:00Z'),
    });
    hosts.push(host);
    host.core().inventory.createPerson({ name: 'Priya' });
    await host.core().scheduler.idle();
    expect(host.listBackups().entries).toEqual([]);
  });
});

describe('the weekly refresh (online updates)', () => {
  async function withServer() {
    const server = await startFakeHttpServer();
    servers.push(server);
    const bundled = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../data/hibp-breaches.json'), 'utf8'),
    ) as Record<string, unknown>[];
    const dropbox = bundled.find((b) => b.Name === 'Dropbox')!;
    const newer = {
      ...dropbox,
      Name: 'Dropbox2026',
      Title: 'Dropbox',
      BreachDate: '2026-05-01',
      AddedDate: '2026-05-06T08:00:00Z',
      ModifiedDate: '2026-05-06T08:00:00Z',
    };
    let served = bundled;
    server.serve('/breaches', () => ({ body: JSON.stringify(served) }));
    server.serve('/2fa', { status: 404, body: '' });
    server.serve('/passkeys', { status: 404, body: '' });
    return { server, publish: () => (served = [...bundled, newer]) };
  }

  const withDropbox = (server: FakeHttpServer, weeklyRefresh: boolean) => (host: AppHost) => {
    const core = host.core();
    core.settings.update({
      weeklyRefresh,
      datasetUrls: {
        breaches: `${server.url}/breaches`,
        twoFactor: `${server.url}/2fa`,
        passkeys: `${server.url}/passkeys`,
      },
    });
    core.inventory.createAccount({
      personId: 1,
      service: 'Dropbox',
      url: 'https://www.dropbox.com/login',
      username: 'ann@example.com',
      category: 'cloud',
      criticality: 'standard',
      mfa: 'totp',
      passwordChangedAt: '2021-03-04',
      recoveryReviewedAt: null,
      notes: '',
    });
  };

  it('runs weekly when turned on, and notifies once about a new breach that concerns an account', async () => {
    const { server, publish } = await withServer();
    const { host, clock, platform, settle, navigated } = await runningApp({
      before: withDropbox(server, true),
    });
    await settle();
    // The first refresh at start (every request in the ledger): nothing new concerns the inventory.
    const catalogueRequests = () => server.requests.filter((r) => r.pathname === '/breaches').length;
    expect(catalogueRequests()).toBe(1);
    expect(new Set(server.requests.map((r) => r.pathname))).toEqual(
      new Set(['/2fa', '/breaches', '/passkeys']),
    );
    expect(platform.recording.notifications).toEqual([]);
    expect(host.core().read.ledger.list()).toHaveLength(server.requests.length);

    // A new breach at Dropbox is published; the next weekly refresh finds it.
    publish();
    await clock.advanceAndSettle(6 * DAY, settle);
    expect(catalogueRequests()).toBe(1);
    await clock.advanceAndSettle(DAY + HOUR, settle);
    expect(catalogueRequests()).toBe(2);
    expect(platform.recording.notifications).toEqual([
      {
        title: 'A new breach concerns you',
        body: 'New breach at Dropbox (May 2026): your password there was last changed in 2021.',
      },
    ]);
    const finding = host
      .core()
      .checks.list()
      .find((f) => f.kind === 'breached_service' && f.status === 'open');
    expect(finding?.evidence.name).toBe('Dropbox2026');
    expect(host.core().read.ledger.list()).toHaveLength(server.requests.length);
    // Clicking it shows the findings.
    platform.clickNotification(0);
    expect(navigated).toEqual(['/exposure']);

    // A week later the same breach is still there: no second notification.
    await clock.advanceAndSettle(7 * DAY + HOUR, settle);
    expect(catalogueRequests()).toBe(3);
    expect(platform.recording.notifications).toHaveLength(1);
  }, 60_000);

  it('tries again a day after a refresh that got nothing', async () => {
    const { server } = await withServer();
    server.behave({ kind: 'status', status: 404 }, '/breaches');
    const { clock, settle } = await runningApp({ before: withDropbox(server, true) });
    await settle();
    const attempts = () => server.requests.filter((r) => r.pathname === '/breaches').length;
    expect(attempts()).toBe(1);
    await clock.advanceAndSettle(DAY - HOUR, settle);
    expect(attempts()).toBe(1);
    await clock.advanceAndSettle(2 * HOUR, settle);
    expect(attempts()).toBe(2);
  }, 60_000);

  it('sends nothing while online updates are off', async () => {
    const { server } = await withServer();
    const { clock, settle } = await runningApp({ before: withDropbox(server, false) });
    await clock.advanceAndSettle(15 * DAY, settle);
    expect(server.requests).toEqual([]);
  }, 60_000);
});
