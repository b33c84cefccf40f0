import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult, PwnedIndexStatus, ResponseOf } from '../../common/ipc/contract';
import type { Finding } from '../../common/model/index';
import { createHandlers, dispatch } from '../ipc/handlers';
import { RecordingPlatform } from '../platform/recorder';
import { closedPortUrl, startFakePwnedServer, type FakePwnedServer } from '../testing/fakePwnedServer';
import { openCore, type Core } from './core';

const BITWARDEN = resolve(import.meta.dirname, '../../e2e/fixtures/exports/bitwarden.csv');
const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex').toUpperCase();
const cores: Core[] = [];
const servers: FakePwnedServer[] = [];
afterEach(async () => {
  while (servers.length) await servers.pop()?.close();
  while (cores.length) await cores.pop()?.close();
});

function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-coverage-'));
  const platform = new RecordingPlatform();
  const core = openCore({ dataDir, platform, clock: { now: () => new Date('2026-12-03T10:00:00Z') } });
  cores.push(core);
  const handlers = createHandlers(core);
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, payload, () => {});
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  const importSample = async () => {
    const preview = await call<ImportPreview>('import:preview', {
      source: { fileToken: core.files.grant(BITWARDEN).token },
      personId: 1,
    });
    return call<ImportResult>('import:confirm', { sessionId: preview.sessionId });
  };
  const coverage = () => call<ResponseOf<'passwords:coverage'>>('passwords:coverage', {});
  const gaps = async () =>
    (await call<Finding[]>('findings:list', {})).filter((f) => f.kind === 'password_check_gap');
  return { core, dataDir, platform, call, importSample, coverage, gaps };
}

describe('saying how breached passwords were checked', () => {
  it('never claims the online check when every request failed, and says which passwords it missed', async () => {
    const { call, importSample, coverage, gaps } = setup();
    await call('settings:update', { onlinePwnedCheck: true, pwnedRangeUrl: await closedPortUrl() });
    const result = await importSample();
    expect(result.pwnedCheck.online).toBe('failed');
    const { lines, coverage: numbers } = await coverage();
    expect(numbers.online.checked).toBe(0);
    expect(lines.join(' ')).not.toMatch(/online, against the full/);
    expect(lines).toContain(
      'The online check failed on 3 December 2026: 39 passwords were not checked online. Import your export again when you are connected to check them.',
    );
    // The same is a finding (so the dashboard, the findings list and the command line say it too).
    expect(await gaps()).toEqual([
      expect.objectContaining({
        status: 'open',
        subject: 'online:failed',
        evidence: expect.objectContaining({ count: 39, failedOn: '2026-12-03' }),
      }),
    ]);
    expect((await call<ResponseOf<'dashboard:get'>>('dashboard:get', {})).passwordChecks.gaps).toBe(1);
  });

  it('says which passwords a source turned on later has not seen, and a re-import checks them', async () => {
    const { call, importSample, coverage, gaps } = setup();
    await importSample();
    expect((await coverage()).lines).toEqual([
      'All 39 passwords were checked against the bundled list of the 100,000 most common leaked passwords (UK NCSC, 2019).',
      'A password not on the common list may still have leaked: turn on the online check, or install the offline corpus, in Settings.',
    ]);
    expect(await gaps()).toEqual([]);

    const server = await startFakePwnedServer({ passwords: { 'Kestrel88!': 52_301 } });
    servers.push(server);
    await call('settings:update', { onlinePwnedCheck: true, pwnedRangeUrl: server.url });
    expect((await coverage()).lines).toContain(
      '39 passwords were imported before the online check was turned on and have not been checked online. Import your export again to check them.',
    );
    expect((await gaps()).map((f) => [f.subject, f.status, f.accountIds.length])).toEqual([
      ['online:before_enabled', 'open', 39],
    ]);

    await importSample();
    expect((await coverage()).lines).toContain(
      '39 passwords online, against the full Have I Been Pwned corpus.',
    );
    expect((await gaps()).map((f) => [f.subject, f.status])).toEqual([
      ['online:before_enabled', 'auto_resolved'],
    ]);
  });

  it('counts the offline index it was checked against, and what an index installed later has not seen', async () => {
    const { dataDir, platform, call, importSample, coverage, gaps } = setup();
    await importSample();
    const lines = new Map<string, number>();
    for (let i = 0; i < 2000; i += 1) lines.set(sha1(`filler-${i}`), i + 1);
    lines.set(sha1('Kestrel88!'), 52_301);
    const corpus = join(dataDir, 'corpus.txt');
    writeFileSync(
      corpus,
      [...lines]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([h, c]) => `${h}:${c}`)
        .join('\n'),
    );
    platform.answerNextFile(corpus);
    await call('pwnedIndex:build', { folder: false });
    await expect
      .poll(async () => (await call<PwnedIndexStatus>('pwnedIndex:status', {})).installed, {
        timeout: 15_000,
      })
      .toBe(true);
    await expect
      .poll(async () => (await gaps()).map((f) => f.subject))
      .toEqual(['offline_index:before_installed']);
    expect((await coverage()).lines.join(' ')).toMatch(
      /39 passwords have not been checked against your offline copy of the corpus \(built \d+ \w+ \d{4}\)/,
    );

    await importSample();
    const after = await coverage();
    expect(after.coverage.offlineIndex.checked).toBe(39);
    expect(after.lines.join(' ')).toMatch(
      /39 passwords against your offline copy of the Have I Been Pwned corpus/,
    );
    expect((await gaps()).map((f) => f.status)).toEqual(['auto_resolved']);
  });
});

describe('strength verdicts kept across imports', () => {
  it('scores nothing new when the same export is imported again, even after a restart', async () => {
    const first = setup();
    await first.importSample();
    const verdicts = (
      first.core.readDb.prepare('SELECT count(*) AS n FROM strength_verdicts').get() as { n: number }
    ).n;
    expect(verdicts).toBeGreaterThan(20);
    expect(first.core.scoringStats()!.passwordsScored).toBeGreaterThan(0);
    const dataDir = first.dataDir;
    await cores.splice(cores.indexOf(first.core), 1)[0]!.close();

    const again = openCore({ dataDir, platform: new RecordingPlatform() });
    cores.push(again);
    const handlers = createHandlers(again);
    const preview = await dispatch(handlers, 'import:preview', {
      source: { fileToken: again.files.grant(BITWARDEN).token },
      personId: 1,
    });
    if (!preview.ok) throw new Error(preview.error.message);
    const result = await dispatch(handlers, 'import:confirm', {
      sessionId: (preview.value as { sessionId: string }).sessionId,
    });
    expect(result).toMatchObject({ ok: true, value: { updated: 39 } });
    // Only passwords whose user inputs could matter are scored again (with those inputs).
    expect(again.scoringStats()?.passwordsScored ?? 0).toBeLessThan(verdicts / 2);
    // Nothing is kept for a password no account uses.
    expect(
      (again.readDb.prepare('SELECT count(*) AS n FROM strength_verdicts').get() as { n: number }).n,
    ).toBeLessThanOrEqual(verdicts);
  });
});
