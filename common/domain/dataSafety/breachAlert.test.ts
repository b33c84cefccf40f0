import { describe, expect, it } from 'vitest';
import type { Finding } from '../../model/findings';
import { isDailyBackupDue, isRefreshDue, whenLastWindowCloses } from './background';
import { breachNotification, monthAndYear, newBreaches } from './breachAlert';

const finding = (
  id: number,
  kind: Finding['kind'],
  evidence: Record<string, unknown>,
  status: Finding['status'] = 'open',
): Finding => ({
  id,
  kind,
  subject: `account:${id}`,
  severity: 'high',
  status,
  evidence,
  accountIds: [id],
  personIds: [],
  firstSeenAt: '2026-01-01T00:00:00Z',
  lastSeenAt: '2026-01-01T00:00:00Z',
  resolvedAt: null,
  dismissedReason: null,
  recheckAt: null,
});
const breach = (name: string, title: string, breachDate: string) => ({ name, title, breachDate });

describe('a new breach that concerns the inventory', () => {
  it('is found by comparing the breaches each open finding lists, before and after', () => {
    const before = [
      finding(1, 'breached_service', { breaches: [breach('LinkedIn', 'LinkedIn', '2012-05-05')] }),
      finding(2, 'password_weak', {}),
    ];
    const after = [
      finding(1, 'breached_service', {
        breaches: [
          breach('LinkedIn2026', 'LinkedIn', '2026-02-01'),
          breach('LinkedIn', 'LinkedIn', '2012-05-05'),
        ],
        passwordChangedAt: null,
      }),
      finding(3, 'breached_service', {
        breaches: [breach('Dropbox2026', 'Dropbox', '2026-05-20')],
        passwordChangedAt: '2021-03-04',
      }),
      finding(
        4,
        'email_in_breach',
        { address: 'ann@example.com', breaches: [breach('Canva', 'Canva', '2019-05-24')] },
        'dismissed',
      ),
    ];
    const found = newBreaches(before, after);
    expect(found.map((b) => b.name)).toEqual(['Dropbox2026', 'LinkedIn2026']);
    expect(breachNotification(found)).toEqual({
      title: '2 new breaches concern your accounts',
      body: 'New breach at Dropbox (May 2026): your password there was last changed in 2021. And 1 more: see Exposure.',
    });
  });

  it('makes one notification in plain words, or none', () => {
    expect(breachNotification([])).toBeNull();
    const dropbox = newBreaches(
      [],
      [
        finding(3, 'breached_service', {
          breaches: [breach('Dropbox2026', 'Dropbox', '2026-05-20')],
          passwordChangedAt: '2021-03-04',
        }),
      ],
    );
    expect(breachNotification(dropbox)).toEqual({
      title: 'A new breach concerns you',
      body: 'New breach at Dropbox (May 2026): your password there was last changed in 2021.',
    });
    const unknown = newBreaches(
      [],
      [
        finding(5, 'breached_service', {
          breaches: [breach('X', 'Example', '2026-01-09')],
          passwordChangedAt: null,
        }),
      ],
    );
    expect(breachNotification(unknown)?.body).toBe(
      'New breach at Example (January 2026): Lockstep does not know when you last changed your password there.',
    );
    const email = newBreaches(
      [],
      [
        finding(6, 'email_in_breach', {
          address: 'ann@example.com',
          breaches: [breach('Canva', 'Canva', '2019-05-24')],
        }),
      ],
    );
    expect(breachNotification(email)?.body).toBe(
      'New breach at Canva (May 2019): your address ann@example.com was in it.',
    );
    expect(monthAndYear(null)).toBe('');
  });
});

describe('background decisions', () => {
  it('backs up after the first change of a day that has no backup yet', () => {
    expect(
      isDailyBackupDue({ today: '2026-05-03', lastBackupDay: '2026-05-02', lastChangeDay: '2026-05-03' }),
    ).toBe(true);
    expect(isDailyBackupDue({ today: '2026-05-03', lastBackupDay: null, lastChangeDay: '2026-05-03' })).toBe(
      true,
    );
    expect(
      isDailyBackupDue({ today: '2026-05-03', lastBackupDay: '2026-05-03', lastChangeDay: '2026-05-03' }),
    ).toBe(false);
    expect(isDailyBackupDue({ today: '2026-05-03', lastBackupDay: '2026-05-01', lastChangeDay: null })).toBe(
      false,
    );
    expect(
      isDailyBackupDue({ today: '2026-05-03', lastBackupDay: '2026-05-01', lastChangeDay: '2026-05-02' }),
    ).toBe(false);
  });

  it('refreshes weekly only when online updates are on, and retries a failure the next day', () => {
    const now = new Date('2026-05-10T12:00:00Z');
    expect(isRefreshDue({ enabled: false, now, last: null })).toBe(false);
    expect(isRefreshDue({ enabled: true, now, last: null })).toBe(true);
    expect(isRefreshDue({ enabled: true, now, last: { at: '2026-05-04T12:00:00Z', ok: true } })).toBe(false);
    expect(isRefreshDue({ enabled: true, now, last: { at: '2026-05-03T12:00:00Z', ok: true } })).toBe(true);
    expect(isRefreshDue({ enabled: true, now, last: { at: '2026-05-09T13:00:00Z', ok: false } })).toBe(false);
    expect(isRefreshDue({ enabled: true, now, last: { at: '2026-05-09T11:00:00Z', ok: false } })).toBe(true);
  });

  it('quits when the window closes unless the person asked to keep watching', () => {
    expect(whenLastWindowCloses({ keepRunningInBackground: false })).toBe('quit');
    expect(whenLastWindowCloses({ keepRunningInBackground: true })).toBe('stay-in-tray');
  });
});
