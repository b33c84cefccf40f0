import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { AccountsRepository } from './accountsRepository';
import { FindingsRepository } from './findingsRepository';
import { PasswordSignalsRepository } from './passwordSignalsRepository';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const NOW = '2026-12-04T10:00:00.000Z';

describe('the checks’ read of the accounts', () => {
  it('gives every field from its own column, with and without password signals', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-findings-repo-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = openDatabase(dir);
    cleanups.push(() => db.close());
    const accounts = new AccountsRepository(db);
    const values = {
      personId: 1,
      service: 'Mail',
      url: 'http://mail.example/login',
      domain: 'mail.example',
      urlKind: 'web' as const,
      username: 'ana@mail.example',
      category: 'email' as const,
      criticality: 'critical' as const,
      mfa: 'totp' as const,
      passwordChangedAt: '2024-02-03',
      recoveryReviewedAt: null,
      notes: '',
    };
    const signed = accounts.insert(values, NOW, { hasTotp: true, source: 'import' });
    const bare = accounts.insert(
      { ...values, service: 'Shop', url: 'https://shop.example', domain: 'shop.example', mfa: 'none' },
      NOW,
    );
    new PasswordSignalsRepository(db).put(
      signed,
      {
        strength: 2,
        strengthWarning: 'dates',
        exactFingerprint: 'e'.repeat(32),
        similarFingerprint: 's'.repeat(32),
        similarGroup: 'g1',
        commonRank: 77,
        onlineStatus: 'found',
        pwnedCount: 12,
        onlineCheckedAt: '2026-12-01T00:00:00.000Z',
      },
      NOW,
    );

    const read = new FindingsRepository(db).checkAccounts();
    expect(read.find((a) => a.id === signed)).toMatchObject({
      id: signed,
      personId: 1,
      service: 'Mail',
      url: 'http://mail.example/login',
      domain: 'mail.example',
      username: 'ana@mail.example',
      mfa: 'totp',
      hasTotp: true,
      passwordChangedAt: '2024-02-03',
      criticality: 'critical',
      category: 'email',
      isInsecureUrl: true,
      urlKind: 'web',
      password: {
        strength: 2,
        strengthWarning: 'dates',
        exactFingerprint: 'e'.repeat(32),
        similarFingerprint: 's'.repeat(32),
        similarGroup: 'g1',
        commonRank: 77,
        onlineStatus: 'found',
        pwnedCount: 12,
        onlineCheckedAt: '2026-12-01T00:00:00.000Z',
      },
    });
    expect(read.find((a) => a.id === bare)).toMatchObject({
      service: 'Shop',
      mfa: 'none',
      hasTotp: false,
      isInsecureUrl: false,
      password: null,
    });
  });
});

describe('writing and counting findings', () => {
  const open = () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-findings-repo-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const db = openDatabase(dir);
    cleanups.push(() => db.close());
    const accounts = new AccountsRepository(db);
    const ids = ['A', 'B', 'C'].map((service) =>
      accounts.insert(
        {
          personId: 1,
          service,
          url: '',
          domain: null,
          urlKind: null,
          username: '',
          category: 'other',
          criticality: 'standard',
          mfa: 'unknown',
          passwordChangedAt: null,
          recoveryReviewedAt: null,
          notes: '',
        },
        NOW,
      ),
    );
    return { findings: new FindingsRepository(db), ids };
  };
  const upsert = (
    kind: 'password_weak' | 'password_reused' | 'insecure_url',
    subject: string,
    accountIds: number[],
    status: 'open' | 'dismissed' = 'open',
    existingId: number | null = null,
  ) => ({
    draft: { kind, subject, severity: 'medium' as const, accountIds, evidence: {} },
    existingId,
    status,
    reopened: false,
  });

  it('counts the open findings of each kind, kinds in the order their first open finding was stored', () => {
    const { findings, ids } = open();
    findings.stored();
    findings.apply(
      [
        upsert('insecure_url', 'account:1', [ids[0]!], 'dismissed'),
        upsert('password_weak', 'account:1', [ids[0]!]),
        upsert('password_reused', 'group:x', [ids[0]!, ids[1]!]),
        upsert('password_weak', 'account:2', [ids[1]!]),
        upsert('insecure_url', 'account:2', [ids[1]!]),
      ],
      [],
      NOW,
    );
    expect(findings.openCounts()).toEqual([
      { kind: 'password_weak', count: 2 },
      { kind: 'password_reused', count: 1 },
      { kind: 'insecure_url', count: 1 },
    ]);
  });

  it('links a new finding to its accounts, and an updated one to its new accounts only', () => {
    const { findings, ids } = open();
    findings.stored();
    findings.apply([upsert('password_reused', 'group:x', [ids[0]!, ids[1]!])], [], NOW);
    const [created] = findings.list();
    expect(created!.accountIds).toEqual([ids[0], ids[1]]);
    findings.stored();
    findings.apply([upsert('password_reused', 'group:x', [ids[1]!, ids[2]!], 'open', created!.id)], [], NOW);
    expect(findings.list().map((f) => f.accountIds)).toEqual([[ids[1], ids[2]]]);
  });

  it('reads the open findings of the kinds asked for, each as the full list gives it', () => {
    const { findings, ids } = open();
    findings.stored();
    findings.apply(
      [
        upsert('insecure_url', 'account:1', [ids[0]!], 'dismissed'),
        upsert('password_weak', 'account:1', [ids[0]!]),
        upsert('password_reused', 'group:x', [ids[0]!, ids[1]!]),
        upsert('insecure_url', 'account:2', [ids[1]!]),
        upsert('insecure_url', 'account:3', [ids[2]!]),
      ],
      [],
      NOW,
    );
    const all = findings.list();
    const asked = findings.listOpen(['password_reused', 'insecure_url']);
    expect(asked).toEqual(
      all.filter((f) => f.status === 'open' && (f.kind === 'password_reused' || f.kind === 'insecure_url')),
    );
    expect(asked.map((f) => [f.kind, f.accountIds])).toEqual([
      ['password_reused', [ids[0], ids[1]]],
      ['insecure_url', [ids[1]]],
      ['insecure_url', [ids[2]]],
    ]);
    expect(findings.listOpen([])).toEqual([]);
    expect(findings.listOpen(['password_similar'])).toEqual([]);
  });
});
