import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setMessageLocale, type MessageLocale } from '../../common/messages/format';
import { RecordingPlatform } from '../platform/recorder';
import { FakeClock } from '../testing/fakeClock';
import { openCore, type Core } from './core';

const cores: Core[] = [];
afterEach(async () => {
  setMessageLocale('en');
  while (cores.length) await cores.pop()!.close();
});

/** The reminder digest shown for `titles` (created a day apart, so the first is overdue), in `locale`. */
function digest(titles: string[], locale: MessageLocale): { title: string; body: string } {
  const clock = new FakeClock('2026-11-28T09:00:00Z');
  const platform = new RecordingPlatform();
  const core = openCore({ dataDir: mkdtempSync(join(tmpdir(), 'lockstep-remind-')), platform, clock });
  cores.push(core);
  for (const title of titles) {
    core.tasks.create({ title, priority: 'P1' } as never);
    clock.advance(24 * 60 * 60 * 1000);
  }
  setMessageLocale(locale);
  try {
    expect(core.reminders.check().notified).toBe(true);
  } finally {
    setMessageLocale('en');
  }
  return platform.recording.notifications[0]!;
}

describe('the reminder digest', () => {
  it('counts the tasks in words that agree with the count', () => {
    expect(digest(['Shred the old bank letters'], 'en')).toEqual({
      title: '1 security task is due',
      body: 'Next: Shred the old bank letters.',
    });
    expect(
      digest(['Shred the old bank letters', 'Change the router password', 'Call the bank'], 'en'),
    ).toEqual({
      title: '3 security tasks are due',
      body: '2 overdue. Next: Shred the old bank letters and 2 more.',
    });
  });

  it('has no plain English word in the pseudo-locale besides the task’s title', () => {
    const titles = ['Shred the old bank letters', 'Change the router password'];
    const { title, body } = digest(titles, 'pseudo');
    for (const text of [title, body.split(titles[0]!).join(' ')]) {
      expect(text.match(/[A-Za-z]{2,}/g) ?? [], text).toEqual([]);
    }
    expect(body).toContain(titles[0]);
  });
});
