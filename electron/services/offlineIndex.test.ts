import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult, PwnedIndexStatus } from '../../common/ipc/contract';
import type { Finding } from '../../common/model/index';
import { createHandlers, dispatch } from '../ipc/handlers';
import { RecordingPlatform } from '../platform/recorder';
import { openCore, type Core } from './core';
import { pwnedIndexPath } from './pwnedIndexService';

const EXPORTS = resolve(import.meta.dirname, '../../e2e/fixtures/exports');
const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex').toUpperCase();
const cores: Core[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()?.close();
});

/** A small corpus in the downloader's format: random hashes plus the planted ones, sorted. */
function writeCorpus(dir: string, planted: Record<string, number>): string {
  const lines = new Map<string, number>();
  for (let i = 0; i < 3000; i += 1) lines.set(sha1(`filler-${i}`), (i % 97) + 1);
  for (const [password, count] of Object.entries(planted)) lines.set(sha1(password), count);
  const path = join(dir, 'pwnedpasswords.txt');
  writeFileSync(
    path,
    [...lines]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([h, c]) => `${h}:${c}`)
      .join('\r\n'),
  );
  return path;
}

async function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-offline-'));
  const platform = new RecordingPlatform();
  const core = openCore({ dataDir, platform, fetchImpl: () => Promise.reject(new Error('network used')) });
  cores.push(core);
  const handlers = createHandlers(core);
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, payload, () => {});
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  const importSample = async () => {
    const preview = await call<ImportPreview>('import:preview', {
      source: { fileToken: core.files.grant(join(EXPORTS, 'bitwarden.csv')).token },
      personId: 1,
    });
    return call<ImportResult>('import:confirm', { sessionId: preview.sessionId });
  };
  return { dataDir, platform, call, importSample };
}

describe('the offline Pwned Passwords index in the app', () => {
  it('is built from a chosen corpus, then every import uses it, saying which source answered', async () => {
    const { dataDir, platform, call, importSample } = await setup();
    expect(await call<PwnedIndexStatus>('pwnedIndex:status', {})).toMatchObject({
      installed: false,
      building: null,
    });
    platform.answerNextFile(writeCorpus(dataDir, { 'Kestrel88!': 52_301 }));
    await call('pwnedIndex:build', { folder: false });
    await expect
      .poll(async () => (await call<PwnedIndexStatus>('pwnedIndex:status', {})).installed, {
        timeout: 15_000,
      })
      .toBe(true);
    const status = await call<PwnedIndexStatus>('pwnedIndex:status', {});
    expect(status.info).toMatchObject({ entries: 3001, falsePositiveRate: expect.any(Number) });
    expect(status.info!.falsePositiveRate).toBeLessThan(1e-9);

    const result = await importSample();
    expect(result.pwnedCheck).toMatchObject({ offlineIndex: 'checked', online: 'off' });
    const adobe = (await call<Finding[]>('findings:list', {})).find(
      (f) => f.kind === 'password_pwned' && f.evidence.source === 'offline_index',
    )!;
    // The index keeps counts above 127 as a lower bound within 11% (one byte per entry).
    expect(adobe.evidence).toMatchObject({
      countIsLowerBound: true,
      corpusDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(Number(adobe.evidence.timesSeen)).toBeGreaterThan(52_301 * 0.89);
    expect(Number(adobe.evidence.timesSeen)).toBeLessThanOrEqual(52_301);
  });

  it('a damaged index is "unavailable": the import falls back and never says "not breached"', async () => {
    const { dataDir, call, importSample } = await setup();
    writeFileSync(pwnedIndexPath(dataDir), 'LKSPWNIX but not really an index');
    const status = await call<PwnedIndexStatus>('pwnedIndex:status', {});
    expect(status).toMatchObject({ installed: false, problem: expect.any(String) });
    const result = await importSample();
    expect(result.pwnedCheck.offlineIndex).toBe('unavailable');
    const pwned = (await call<Finding[]>('findings:list', {})).filter((f) => f.kind === 'password_pwned');
    expect(pwned.every((f) => f.evidence.source === 'common_list')).toBe(true);
    expect(pwned.length).toBeGreaterThan(0);
    await call('pwnedIndex:remove', {});
    expect((await call<PwnedIndexStatus>('pwnedIndex:status', {})).problem).toBeNull();
  });
});
