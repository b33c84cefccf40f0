import { describe, expect, it } from 'vitest';
import {
  reconcileFindings,
  runChecks,
  type CheckAccount,
  type CheckPasswordSignals,
  type StoredFinding,
} from './findings';

const signals = (fields: Partial<CheckPasswordSignals>): CheckPasswordSignals => ({
  strength: 4,
  strengthWarning: '',
  exactFingerprint: 'f'.repeat(32),
  similarFingerprint: null,
  similarGroup: null,
  commonRank: null,
  onlineStatus: 'off',
  pwnedCount: null,
  ...fields,
});
const account = (
  id: number,
  fields: Partial<CheckAccount> = {},
  password: Partial<CheckPasswordSignals> | null = {},
): CheckAccount => ({
  id,
  personId: 1,
  service: `Service ${id}`,
  url: `https://s${id}.example.com`,
  domain: `s${id}.example.com`,
  username: 'alex@example.com',
  mfa: 'unknown',
  hasTotp: false,
  passwordChangedAt: null,
  criticality: 'standard',
  isInsecureUrl: false,
  password:
    password === null ? null : signals({ exactFingerprint: String(id).padStart(32, '0'), ...password }),
  ...fields,
});

describe('runChecks', () => {
  it('groups reuse by fingerprint, critical when a critical account is in the group', () => {
    const shared = 'a'.repeat(32);
    const drafts = runChecks([
      account(1, {}, { exactFingerprint: shared }),
      account(2, { criticality: 'critical' }, { exactFingerprint: shared }),
      account(3),
    ]);
    const reuse = drafts.filter((d) => d.kind === 'password_reused');
    expect(reuse).toEqual([
      {
        kind: 'password_reused',
        subject: `group:${shared.slice(0, 16)}`,
        severity: 'critical',
        accountIds: [1, 2],
        evidence: { groupId: shared.slice(0, 16), services: ['Service 1', 'Service 2'], count: 2 },
      },
    ]);
  });

  it('flags breached passwords from either source, and never from a failed online check', () => {
    const drafts = runChecks([
      account(1, {}, { commonRank: 3 }),
      account(2, {}, { onlineStatus: 'found', pwnedCount: 52301 }),
      account(3, {}, { onlineStatus: 'failed' }),
      account(4, {}, { onlineStatus: 'not_found', pwnedCount: 0 }),
    ]);
    const pwned = drafts.filter((d) => d.kind === 'password_pwned');
    expect(pwned.map((d) => [d.accountIds[0], d.evidence.source, d.severity])).toEqual([
      [1, 'common_list', 'critical'],
      [2, 'online', 'critical'],
    ]);
  });

  it('rates weak passwords by account criticality, and flags http sign-in pages', () => {
    const drafts = runChecks([
      account(1, {}, { strength: 1 }),
      account(2, { criticality: 'critical' }, { strength: 2 }),
      account(3, {}, { strength: 3 }),
      account(4, { isInsecureUrl: true, url: 'http://shop.example' }, null),
    ]);
    expect(
      drafts.filter((d) => d.kind === 'password_weak').map((d) => [d.accountIds[0], d.severity]),
    ).toEqual([
      [1, 'medium'],
      [2, 'high'],
    ]);
    expect(drafts.find((d) => d.kind === 'insecure_url')).toMatchObject({
      accountIds: [4],
      evidence: { url: 'http://shop.example' },
    });
  });

  it('finds near-duplicates within an import and across imports, but not identical-only groups', () => {
    const drafts = runChecks([
      account(1, {}, { similarGroup: 'g1', similarFingerprint: 'b1'.padEnd(32, '0') }),
      account(2, {}, { similarGroup: 'g1' }),
      account(3, {}, { similarFingerprint: 'b1'.padEnd(32, '0') }),
      account(4, {}, { exactFingerprint: 'x'.repeat(32), similarFingerprint: 'c1'.padEnd(32, '0') }),
      account(5, {}, { exactFingerprint: 'x'.repeat(32), similarFingerprint: 'c1'.padEnd(32, '0') }),
    ]);
    const similar = drafts.filter((d) => d.kind === 'password_similar');
    expect(similar.map((d) => d.accountIds)).toEqual([[1, 2, 3]]);
  });

  it('is deterministic', () => {
    const accounts = [account(2, {}, { strength: 0 }), account(1, { isInsecureUrl: true })];
    expect(runChecks(accounts)).toEqual(runChecks([...accounts].reverse()));
  });
});

describe('reconcileFindings', () => {
  const draft = (subject: string) => ({
    kind: 'password_weak' as const,
    subject,
    severity: 'medium' as const,
    accountIds: [1],
    evidence: {},
  });
  const stored = (
    id: number,
    subject: string,
    status: StoredFinding['status'],
    recheckAt: string | null = null,
  ): StoredFinding => ({
    id,
    kind: 'password_weak',
    subject,
    status,
    recheckAt,
  });

  it('keeps, opens, reopens and auto-resolves', () => {
    const { upserts, autoResolve } = reconcileFindings(
      [
        stored(1, 'account:1', 'open'),
        stored(2, 'account:2', 'auto_resolved'),
        stored(3, 'account:3', 'open'),
      ],
      [draft('account:1'), draft('account:2'), draft('account:4')],
      '2026-11-28',
    );
    expect(upserts.map((u) => [u.draft.subject, u.existingId, u.status, u.reopened])).toEqual([
      ['account:1', 1, 'open', false],
      ['account:2', 2, 'open', true],
      ['account:4', null, 'open', false],
    ]);
    expect(autoResolve).toEqual([3]);
  });

  it('leaves a dismissal alone until its re-check date comes', () => {
    const before = reconcileFindings(
      [stored(1, 'account:1', 'dismissed', '2026-12-01')],
      [draft('account:1')],
      '2026-11-28',
    );
    expect(before.upserts[0]).toMatchObject({ status: 'dismissed', reopened: false });
    const after = reconcileFindings(
      [stored(1, 'account:1', 'dismissed', '2026-12-01')],
      [draft('account:1')],
      '2026-12-01',
    );
    expect(after.upserts[0]).toMatchObject({ status: 'open', reopened: true });
    // A dismissed finding that no longer fires is not auto-resolved: the dismissal stands.
    expect(reconcileFindings([stored(1, 'account:1', 'dismissed')], [], '2026-11-28').autoResolve).toEqual(
      [],
    );
  });

  it('reopens a dismissal when newer evidence arrives, not for evidence it already knew', () => {
    const dismissed = { ...stored(1, 'account:1', 'dismissed'), dismissedAt: '2026-06-01T10:00:00.000Z' };
    const old = reconcileFindings(
      [dismissed],
      [{ ...draft('account:1'), evidenceAt: '2024-11-21' }],
      '2026-11-28',
    );
    expect(old.upserts[0]).toMatchObject({ status: 'dismissed', reopened: false });
    const newer = reconcileFindings(
      [dismissed],
      [{ ...draft('account:1'), evidenceAt: '2026-08-22' }],
      '2026-11-28',
    );
    expect(newer.upserts[0]).toMatchObject({ status: 'open', reopened: true });
  });

  it('is idempotent: reconciling the same drafts twice changes nothing the second time', () => {
    const drafts = [draft('account:1')];
    const first = reconcileFindings([], drafts, '2026-11-28');
    const second = reconcileFindings([stored(7, 'account:1', 'open')], drafts, '2026-11-28');
    expect(first.upserts).toHaveLength(1);
    expect(second.upserts.map((u) => [u.existingId, u.status, u.reopened])).toEqual([[7, 'open', false]]);
    expect(second.autoResolve).toEqual([]);
  });
});

describe('checks at scale', () => {
  it('run over 10,000 accounts (timing is in bench/, not here)', () => {
    const accounts = Array.from({ length: 10_000 }, (_, i) =>
      account(
        i + 1,
        { isInsecureUrl: i % 50 === 0 },
        {
          exactFingerprint: String(i % 7000).padStart(32, '0'),
          strength: i % 5,
          similarGroup: i % 97 === 0 ? 'g' : null,
        },
      ),
    );
    const drafts = runChecks(accounts);
    expect(drafts.filter((d) => d.kind === 'password_reused')).toHaveLength(3000);
    expect(drafts.filter((d) => d.kind === 'insecure_url')).toHaveLength(200);
  });
});
