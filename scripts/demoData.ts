import { resolve } from 'node:path';
import type { RequestOf } from '../common/ipc/contract';
import { RecordingPlatform } from '../electron/platform/recorder';
import { openCore } from '../electron/services/core';

type AccountSeed = Omit<RequestOf<'accounts:create'>, 'personId' | 'recoveryReviewedAt' | 'notes'> & {
  notes?: string;
};

const ALEX: AccountSeed[] = [
  {
    service: 'Outlook',
    url: 'https://login.live.com/',
    username: 'alex.morgan@example.com',
    category: 'email',
    criticality: 'critical',
    mfa: 'sms',
    passwordChangedAt: '2021-03-14',
  },
  {
    service: 'Google',
    url: 'https://accounts.google.com/',
    username: 'alexmorgan.demo@example.com',
    category: 'email',
    criticality: 'critical',
    mfa: 'totp',
    passwordChangedAt: '2025-09-02',
  },
  {
    service: 'LinkedIn',
    url: 'https://www.linkedin.com/login',
    username: 'alex.morgan@example.com',
    category: 'social',
    criticality: 'standard',
    mfa: 'none',
    passwordChangedAt: '2011-06-01',
  },
  {
    service: 'Dropbox',
    url: 'https://www.dropbox.com/login',
    username: 'alex.morgan@example.com',
    category: 'cloud',
    criticality: 'important',
    mfa: 'unknown',
    passwordChangedAt: null,
  },
  {
    service: 'Adobe',
    url: 'https://account.adobe.com/',
    username: 'alex.morgan@example.com',
    category: 'other',
    criticality: 'standard',
    mfa: 'unknown',
    passwordChangedAt: '2013-02-10',
  },
  {
    service: 'Barclays',
    url: 'https://bank.barclays.co.uk/',
    username: 'amorgan87',
    category: 'finance',
    criticality: 'critical',
    mfa: 'push',
    passwordChangedAt: '2024-11-30',
  },
  {
    service: 'GitHub',
    url: 'https://github.com/login',
    username: 'octo-morgan',
    category: 'developer',
    criticality: 'important',
    mfa: 'security_key',
    passwordChangedAt: '2025-01-20',
  },
  {
    service: 'Amazon',
    url: 'https://www.amazon.com/ap/signin',
    username: 'alex.morgan@example.com',
    category: 'shopping',
    criticality: 'important',
    mfa: 'unknown',
    passwordChangedAt: null,
  },
  {
    service: 'Myspace',
    url: 'http://www.myspace.com/signin',
    username: 'alexm_1987@example.net',
    category: 'social',
    criticality: 'standard',
    mfa: 'none',
    passwordChangedAt: '2007-08-11',
    notes: 'Old account — probably close it.',
  },
  {
    service: 'Facebook',
    url: 'androidapp://com.facebook.katana',
    username: 'alex.morgan@example.com',
    category: 'social',
    criticality: 'standard',
    mfa: 'email',
    passwordChangedAt: '2019-05-05',
  },
  {
    service: 'Work (Microsoft 365)',
    url: 'https://outlook.office.com/mail/',
    username: 'a.morgan@example.org',
    category: 'work',
    criticality: 'critical',
    mfa: 'passkey',
    passwordChangedAt: '2026-02-01',
  },
  {
    service: 'Home router',
    url: 'http://192.168.1.1/',
    username: 'admin',
    category: 'utilities',
    criticality: 'important',
    mfa: 'none',
    passwordChangedAt: null,
  },
];

const SAM: AccountSeed[] = [
  {
    service: 'Yahoo Mail',
    url: 'https://login.yahoo.com/',
    username: 'sam.morgan@example.net',
    category: 'email',
    criticality: 'critical',
    mfa: 'none',
    passwordChangedAt: '2016-04-04',
  },
  {
    service: 'Canva',
    url: 'https://www.canva.com/login',
    username: 'sam.morgan@example.net',
    category: 'other',
    criticality: 'standard',
    mfa: 'unknown',
    passwordChangedAt: null,
  },
  {
    service: 'PayPal',
    url: 'https://www.paypal.com/signin',
    username: 'sam.morgan@example.net',
    category: 'finance',
    criticality: 'critical',
    mfa: 'sms',
    passwordChangedAt: '2023-07-19',
  },
];

/** Fills a data folder with a small, realistic household: for the preview and the README screenshots. */
export async function seedDemoData(dataDir: string): Promise<void> {
  const core = openCore({ dataDir, platform: new RecordingPlatform() });
  try {
    const { inventory } = core;
    const me = inventory.listPeople()[0];
    if (!me) throw new Error('No default person.');
    inventory.renamePerson({ id: me.id, name: 'Alex' });
    inventory.addEmail({ personId: me.id, address: 'alex.morgan@example.com' });
    inventory.addEmail({ personId: me.id, address: 'alexmorgan.demo@example.com' });
    const sam = inventory.createPerson({ name: 'Sam' });
    inventory.addEmail({ personId: sam.id, address: 'sam.morgan@example.net' });
    for (const [personId, seeds] of [
      [me.id, ALEX],
      [sam.id, SAM],
    ] as const) {
      for (const seed of seeds) {
        inventory.createAccount({ ...seed, personId, recoveryReviewedAt: null, notes: seed.notes ?? '' });
      }
    }
    // Alex also imports a password-manager export: the synthetic Bitwarden sample of the test suite.
    const preview = core.imports.previewFile(
      resolve(import.meta.dirname, '../e2e/fixtures/exports/bitwarden.csv'),
      { personId: me.id },
    );
    await core.imports.confirm({ sessionId: preview.sessionId });
    // Alex's employer forwarded Microsoft's notice about its 2024 corporate-mail breach.
    const work = inventory.listPeople().find((p) => p.id === me.id)?.emails[0];
    core.notices.record({
      personId: me.id,
      incidentId: 'microsoft-midnight-blizzard-2024',
      domain: 'live.com',
      receivedOn: '2024-03-21',
      exposed: [],
      ...(work ? { emailId: work.id } : {}),
      details: 'Our emails with Microsoft support may have been read; rotate anything shared with them.',
    });
  } finally {
    await core.close();
  }
}
