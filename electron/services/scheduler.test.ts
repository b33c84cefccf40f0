import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingPlatform } from '../platform/recorder';
import { FakeClock } from '../testing/fakeClock';
import { openCore, type Core } from './core';
import { Scheduler } from './scheduler';

const HOUR = 60 * 60 * 1000;
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the scheduler', () => {
  it('runs each job at the start and then at its interval, on the clock it is given', async () => {
    const clock = new FakeClock('2026-12-04T08:00:00Z');
    const scheduler = new Scheduler(clock);
    const runs: string[] = [];
    scheduler.add({
      name: 'hourly',
      everyMs: HOUR,
      run: () => void runs.push(`hourly ${clock.now().toISOString()}`),
    });
    scheduler.add({ name: 'daily', everyMs: 24 * HOUR, run: () => void runs.push('daily') });
    scheduler.start();
    await flush();
    expect(runs).toEqual(['hourly 2026-12-04T08:00:00.000Z', 'daily']);
    clock.advance(3 * HOUR);
    await flush();
    expect(runs.filter((r) => r.startsWith('hourly'))).toHaveLength(4);
    scheduler.stop();
    clock.advance(48 * HOUR);
    expect(runs).toHaveLength(5);
  });

  it('reports a failing job and keeps running it at its next turn; never runs one twice at once', async () => {
    const clock = new FakeClock('2026-12-04T08:00:00Z');
    const failures: string[] = [];
    const scheduler = new Scheduler(clock, (job) => failures.push(job));
    let calls = 0;
    let release: () => void = () => {};
    scheduler.add({
      name: 'slow',
      everyMs: 1000,
      run: () => {
        calls += 1;
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    scheduler.add({
      name: 'broken',
      everyMs: 1000,
      run: () => {
        throw new Error('no disk');
      },
    });
    scheduler.start();
    clock.advance(5000);
    await flush();
    expect(calls).toBe(1);
    expect(failures).toEqual(Array(6).fill('broken'));
    release();
    await flush();
    clock.advance(1000);
    await flush();
    expect(calls).toBe(2);
    scheduler.stop();
  });
});

describe('the app’s scheduled work', () => {
  let core: Core | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });

  it('shows the reminder digest from main once a day, as time passes, with no window asking', async () => {
    const clock = new FakeClock('2026-11-28T09:00:00Z');
    const platform = new RecordingPlatform();
    core = openCore({ dataDir: mkdtempSync(join(tmpdir(), 'lockstep-sched-')), platform, clock });
    core.tasks.create({ title: 'Shred the old bank letters', priority: 'P1' } as never);
    core.startSession();
    core.scheduler.start();
    await flush();
    // Due tomorrow: nothing today.
    expect(platform.recording.notifications).toHaveLength(0);
    clock.advance(24 * HOUR);
    await flush();
    expect(platform.recording.notifications.map((n) => n.title)).toEqual(['1 security task is due']);
    clock.advance(5 * HOUR);
    await flush();
    expect(platform.recording.notifications).toHaveLength(1);
  });
});
