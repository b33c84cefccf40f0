import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { AccountsRepository, type AccountValues } from './accountsRepository';
import { PasswordSignalsRepository } from './passwordSignalsRepository';
import { PeopleRepository } from './peopleRepository';

const NOW = '2026-12-04T10:00:00.000Z';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function open() {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-accounts-repo-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const db = openDatabase(dir);
  cleanups.push(() => db.close());
  return {
    accounts: new AccountsRepository(db),
    people: new PeopleRepository(db),
    signals: new PasswordSignalsRepository(db),
  };
}

const values = (personId: number, service: string, more: Partial<AccountValues> = {}): AccountValues => ({
  personId,
  service,
  url: `https://${service.toLowerCase()}.example/login`,
  domain: `${service.toLowerCase()}.example`,
  urlKind: 'web',
  username: `${service}@mail.example`,
  category: 'other',
  criticality: 'standard',
  mfa: 'unknown',
  passwordChangedAt: null,
  recoveryReviewedAt: null,
  notes: 'a note',
  ...more,
});

/** An office's accounts: two people, one account and one person in the trash, one password known. */
function office() {
  const repos = open();
  const { accounts, people, signals } = repos;
  const ana = people.create('Ana', NOW);
  const ben = people.create('Ben', NOW);
  const ids = {
    zeta: accounts.insert(values(ana, 'zeta', { mfa: 'totp', passwordChangedAt: '2025-01-02' }), NOW, {
      hasTotp: true,
      source: 'import',
    }),
    alpha: accounts.insert(values(ben, 'Alpha'), NOW),
    beta: accounts.insert(values(ana, 'beta', { domain: null, url: '' }), NOW),
    trashed: accounts.insert(values(ana, 'Gone'), NOW),
    ofTrashedPerson: accounts.insert(values(people.create('Cy', NOW), 'Cyan'), NOW),
  };
  signals.put(
    ids.zeta,
    {
      strength: 1,
      strengthWarning: '',
      exactFingerprint: 'e'.repeat(32),
      similarFingerprint: 's'.repeat(32),
      similarGroup: null,
      commonRank: 12,
      onlineStatus: 'found',
      pwnedCount: 40,
      onlineCheckedAt: NOW,
      indexCount: 3,
      indexBuiltAt: '2026-11-30T00:00:00.000Z',
    },
    NOW,
  );
  signals.put(
    ids.trashed,
    {
      strength: 4,
      strengthWarning: '',
      exactFingerprint: 'f'.repeat(32),
      similarFingerprint: 't'.repeat(32),
      similarGroup: null,
      commonRank: null,
      onlineStatus: 'off',
      pwnedCount: null,
      onlineCheckedAt: null,
    },
    NOW,
  );
  accounts.trash([ids.trashed], 'token-1');
  people.trash(people.list().find((p) => p.name === 'Cy')!.id, 'token-2');
  return { ...repos, ids };
}

describe('the accounts listing', () => {
  it('gives each active account as the full list does, with only the fields a listing shows, in its order', () => {
    const { accounts } = office();
    const full = accounts.list();
    expect(full.map((a) => a.service)).toEqual(['Alpha', 'beta', 'zeta']);
    expect(accounts.listSummaries()).toEqual(
      full.map((a) => ({
        id: a.id,
        personName: a.personName,
        service: a.service,
        domain: a.domain,
        url: a.url,
        username: a.username,
        mfa: a.mfa,
        hasTotp: a.hasTotp,
        passwordStrength: a.passwordStrength,
        passwordChangedAt: a.passwordChangedAt,
      })),
    );
    expect(accounts.listSummaries().find((a) => a.service === 'zeta')).toMatchObject({
      personName: 'Ana',
      hasTotp: true,
      mfa: 'totp',
      passwordStrength: 1,
      passwordChangedAt: '2025-01-02',
    });
  });

  it('gives what each breached-password source said, for active accounts only', () => {
    const { signals, ids } = office();
    expect([...signals.breachFacts()]).toEqual([
      [
        ids.zeta,
        {
          commonRank: 12,
          onlineStatus: 'found',
          pwnedCount: 40,
          onlineCheckedAt: NOW,
          indexCount: 3,
          indexBuiltAt: '2026-11-30T00:00:00.000Z',
        },
      ],
    ]);
  });
});
