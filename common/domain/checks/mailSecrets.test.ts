import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDatasetText } from '../../content/datasets';
import { buildFamilyIndex } from '../../content/families';
import type { Finding } from '../../model/index';
import { reconcileTasks, type TaskAccount } from '../tasks/reconcile';
import { describeFinding } from './describe';
import type { CheckAccount, CheckPasswordSignals } from './findings';
import { runChecks } from './findings';
import {
  mailSecretChecks,
  mailSecretSubject,
  parseMailSecretSubject,
  type CheckMailHit,
} from './mailSecrets';

const families = buildFamilyIndex(
  parseDatasetText(
    'accountFamilies',
    readFileSync(join(import.meta.dirname, '../../../electron/data/account-families.json'), 'utf8'),
    'full',
  ),
);

const FP = 'a'.repeat(32);
const signals = (exactFingerprint: string): CheckPasswordSignals => ({
  strength: 4,
  strengthWarning: '',
  exactFingerprint,
  similarFingerprint: null,
  similarGroup: null,
  commonRank: null,
  onlineStatus: 'off',
  pwnedCount: null,
});
const account = (
  id: number,
  url: string,
  domain: string,
  fields: Partial<CheckAccount> = {},
): CheckAccount => ({
  id,
  personId: 1,
  service: `Service ${id}`,
  url,
  domain,
  username: 'ann@example.org',
  criticality: 'standard',
  mfa: 'unknown',
  hasTotp: false,
  passwordChangedAt: null,
  isInsecureUrl: false,
  password: null,
  ...fields,
});
const hit = (fields: Partial<CheckMailHit> = {}): CheckMailHit => ({
  scanId: 1,
  personId: 1,
  kind: 'github_token',
  fingerprint: FP,
  hint: 'GitHub token, 40 characters',
  count: 3,
  firstSeen: '2021-03-04',
  lastSeen: '2024-01-12',
  folders: ['Inbox'],
  correspondentDomains: ['github.com'],
  service: 'github.com',
  accountIds: [],
  ...fields,
});

describe('secrets found in mail as findings', () => {
  it('one finding per secret across scans, tied to the service’s account, saying how often and when', () => {
    const github = account(1, 'https://github.com/login', 'github.com', { service: 'GitHub' });
    const other = account(2, 'https://gitlab.com/', 'gitlab.com');
    const bobs = account(3, 'https://github.com/', 'github.com', { personId: 2 });
    const drafts = mailSecretChecks(
      [github, other, bobs],
      [
        hit(),
        hit({ scanId: 2, count: 2, firstSeen: '2020-01-01', lastSeen: '2023-05-05', folders: ['Sent'] }),
      ],
    );
    expect(drafts).toEqual([
      {
        kind: 'mail_secret',
        subject: mailSecretSubject('github_token', FP),
        severity: 'high',
        accountIds: [1],
        evidence: expect.objectContaining({
          kind: 'github_token',
          label: 'GitHub token',
          count: 5,
          firstSeen: '2020-01-01',
          lastSeen: '2024-01-12',
          account: 'github.com',
          folders: ['Inbox', 'Sent'],
          linkedBy: 'service',
          scanIds: [1, 2],
        }),
        evidenceAt: '2024-01-12',
      },
    ]);
    expect(parseMailSecretSubject(drafts[0]!.subject)).toEqual({ kind: 'github_token', fingerprint: FP });
    const text = describeFinding('mail_secret', drafts[0]!.evidence, ['GitHub']);
    expect(text.title).toBe('GitHub token in your mail (seen in 5 messages, from 2020-01-01 to 2024-01-12)');
    expect(text.why).toContain('It belongs to GitHub.');
    expect(text.why).toContain('GitHub token, 40 characters');
    // The checks run it with everything else, needing no public data.
    expect(runChecks([github], { mailHits: [hit()] }).map((d) => d.kind)).toEqual(['mail_secret']);
  });

  it('ties a key to the AWS account by family, and never a card to whoever sent it', () => {
    const aws = account(1, 'https://console.aws.amazon.com/', 'amazon.com');
    const shop = account(2, 'https://www.amazon.com/', 'amazon.com');
    const sender = account(3, 'https://partner.example/', 'partner.example');
    const [key] = mailSecretChecks(
      [aws, shop],
      [hit({ kind: 'aws_access_key', service: 'aws.amazon.com' })],
      [],
      families,
    );
    expect(key!.accountIds).toEqual([1]);
    const [card] = mailSecretChecks([sender], [hit({ kind: 'payment_card', service: 'partner.example' })]);
    expect(card).toMatchObject({ accountIds: [], evidence: { account: null, service: null } });
  });

  it('a password that is an account’s password stays open while in use, whatever the dates, and closes once changed', () => {
    const forum = account(1, 'https://forum.example.net/', 'example.net', {
      criticality: 'critical',
      password: signals(FP),
      passwordChangedAt: '2025-01-01',
    });
    const mailed = hit({ kind: 'password', service: null, lastSeen: '2024-01-12' });
    const [draft] = mailSecretChecks(
      [forum],
      [mailed],
      [{ kind: 'password', fingerprint: FP, rotatedOn: '2025-01-01' }],
    );
    expect(draft).toMatchObject({
      severity: 'critical',
      accountIds: [1],
      evidence: { linkedBy: 'password', stillInUse: true },
    });
    // Changed (the signals of the old password are gone): closed, as the scan tied them.
    const changed = { ...forum, password: null, passwordChangedAt: '2026-11-28' };
    expect(mailSecretChecks([changed], [{ ...mailed, accountIds: [1] }])).toEqual([]);
    // Without that tie nothing says it was replaced.
    expect(mailSecretChecks([changed], [mailed])).toHaveLength(1);
  });

  it('a password tied by service closes when the account’s password changed after the last mail', () => {
    const shop = account(1, 'https://www.shopwise.co.uk/', 'shopwise.co.uk');
    const mailed = hit({ kind: 'password', service: 'shopwise.co.uk', lastSeen: '2024-01-12' });
    expect(mailSecretChecks([shop], [mailed])[0]!.accountIds).toEqual([1]);
    expect(mailSecretChecks([{ ...shop, passwordChangedAt: '2024-01-12' }], [mailed])).toHaveLength(1);
    expect(mailSecretChecks([{ ...shop, passwordChangedAt: '2024-02-01' }], [mailed])).toEqual([]);
  });

  it('anything else closes on the person’s word that it was replaced after the last mail it was in', () => {
    const rotated = (rotatedOn: string) =>
      mailSecretChecks([], [hit()], [{ kind: 'github_token', fingerprint: FP, rotatedOn }]);
    expect(rotated('2024-01-11')).toHaveLength(1);
    expect(rotated('2024-01-12')).toEqual([]);
    // A later mail with the same secret: still in use after all.
    expect(
      mailSecretChecks(
        [],
        [hit({ lastSeen: '2024-06-01' })],
        [{ kind: 'github_token', fingerprint: FP, rotatedOn: '2024-02-01' }],
      ),
    ).toHaveLength(1);
  });
});

describe('tasks for secrets found in mail', () => {
  const finding = (fields: Partial<Finding>): Finding => ({
    id: 10,
    kind: 'mail_secret',
    subject: mailSecretSubject('github_token', FP),
    severity: 'high',
    status: 'open',
    evidence: { kind: 'github_token', label: 'GitHub token' },
    accountIds: [],
    personIds: [],
    firstSeenAt: 't',
    lastSeenAt: 't',
    resolvedAt: null,
    dismissedReason: null,
    recheckAt: null,
    ...fields,
  });
  const accounts = new Map<number, TaskAccount>([
    [
      1,
      {
        id: 1,
        personId: 1,
        service: 'GitHub',
        criticality: 'important',
        domain: 'github.com',
        urlKind: 'web',
      },
    ],
    [
      2,
      {
        id: 2,
        personId: 1,
        service: 'Forum',
        criticality: 'standard',
        domain: 'example.net',
        urlKind: 'web',
      },
    ],
  ]);
  const plan = (findings: Finding[]) =>
    reconcileTasks({ findings, accounts, tasks: [], day: '2026-11-28', now: 't', changePasswordUrl: null });

  it('a token: "replace it", on its account when there is one', () => {
    const [insert] = plan([finding({ accountIds: [1] })]).inserts;
    expect(insert!.task).toMatchObject({
      kind: 'rotate_secret',
      key: `rotate_secret:${mailSecretSubject('github_token', FP)}`,
      title: 'Replace the GitHub token found in your mail',
      accountId: 1,
      priority: 'P2',
    });
  });

  it('a password tied to an account: that account’s "change your password"', () => {
    const password = finding({
      subject: mailSecretSubject('password', FP),
      evidence: { kind: 'password', label: 'Password or login details' },
      accountIds: [2],
    });
    const [insert] = plan([password]).inserts;
    expect(insert!.task).toMatchObject({
      kind: 'change_password',
      key: 'change_password:account:2',
      title: 'Change your password at Forum',
    });
    const [loose] = plan([{ ...password, accountIds: [] }]).inserts;
    expect(loose!.task).toMatchObject({
      kind: 'rotate_secret',
      title: 'Change the password found in your mail',
    });
  });
});
