import { afterEach, describe, expect, it } from 'vitest';
import { format, setMessageLocale } from '../../messages/format';
import type { GuideStep } from '../../content/guides/schema';
import { noticeChecks, type CheckAccount, type CheckNotice } from '../checks/findings';
import { describeEffects, doneProblem, itemProblem, nextPendingPosition, planStep, progressOf } from './run';

const step = (fields: Partial<GuideStep> = {}): GuideStep => ({
  id: 'a-step',
  title: 'A step',
  why: 'Because.',
  instructions: ['Do it.'],
  links: [],
  estimatedMinutes: 5,
  effects: [],
  sources: [{ label: 'Source', url: 'https://example.org/' }],
  ...fields,
});
const outlook = { service: 'Outlook', mfa: 'sms' as const };

describe('planning what a done step records', () => {
  it('sets the MFA method, the password date and the recovery check on the run account', () => {
    const plan = planStep(
      step({
        effects: [
          { type: 'set_mfa', method: 'ask' },
          { type: 'set_password_changed' },
          { type: 'mark_recovery_reviewed' },
        ],
      }),
      outlook,
      { mfa: 'passkey' },
      '2026-11-28',
    );
    expect(plan.account).toEqual({
      mfa: 'passkey',
      passwordChangedAt: '2026-11-28',
      recoveryReviewedAt: '2026-11-28',
    });
    expect(plan.applied).toEqual([
      'Recorded two-step sign-in (Passkey) on Outlook',
      'Recorded a new password on Outlook (2026-11-28)',
      'Marked the recovery details of Outlook as checked (2026-11-28)',
    ]);
    expect(plan.applied[0]).toBe(format('guideRun.applied.mfa', { method: 'Passkey', service: 'Outlook' }));
    expect(plan.tasks).toEqual([]);
  });

  it('records an account effect on each account of a run for several, naming each', () => {
    const xbox = { service: 'Xbox', mfa: 'none' as const };
    const both = step({ effects: [{ type: 'set_mfa', method: 'ask' }, { type: 'set_password_changed' }] });
    expect(doneProblem(both, [outlook, xbox], {})).toBe(format('guide.done.chooseMfa'));
    const plan = planStep(both, [outlook, xbox], { mfa: 'totp' }, '2026-11-28');
    expect(plan.account).toEqual({ mfa: 'totp', passwordChangedAt: '2026-11-28' });
    expect(plan.applied).toEqual([
      'Recorded two-step sign-in (Authenticator app) on Outlook',
      'Recorded two-step sign-in (Authenticator app) on Xbox',
      'Recorded a new password on Outlook (2026-11-28)',
      'Recorded a new password on Xbox (2026-11-28)',
    ]);
    expect(planStep(both, [], { mfa: 'totp' }, '2026-11-28').account).toBeNull();
  });

  it('a step that offers the mailbox scan says so, and asks the service for what the scan found', () => {
    const scan = step({ effects: [{ type: 'link_mail_scan' }] });
    expect(planStep(scan, null, {}, '2026-11-28')).toEqual({
      account: null,
      tasks: [],
      mailScan: true,
      applied: [],
    });
    expect(describeEffects(scan, null)).toEqual([
      'Adds the secrets a mailbox scan found, each with its task, to this step’s follow-up list.',
    ]);
  });

  it('uses a fixed method as given, and changes no account when the run has none', () => {
    const fixed = step({
      effects: [{ type: 'set_mfa', method: 'security_key' }, { type: 'set_password_changed' }],
    });
    expect(planStep(fixed, outlook, {}, '2026-11-28').account).toEqual({
      mfa: 'security_key',
      passwordChangedAt: '2026-11-28',
    });
    expect(planStep(fixed, null, {}, '2026-11-28')).toEqual({
      account: null,
      tasks: [],
      mailScan: false,
      applied: [],
    });
  });

  it('creates follow-up tasks with due dates, one per listed item for per-item tasks', () => {
    const perItem = step({
      collects: { prompt: 'List them.', itemLabel: 'Secret', maxItems: 5 },
      effects: [
        { type: 'create_task', title: 'Replace {item}', priority: 'P2', perItem: true },
        { type: 'create_task', title: 'Check your bank statement', priority: 'P3', dueInDays: 30 },
        { type: 'create_task', title: 'Someday', priority: 'P4' },
      ],
    });
    const plan = planStep(perItem, null, { items: [' Billing key ', '', 'Router'] }, '2026-11-28');
    expect(plan.tasks).toEqual([
      { title: 'Replace Billing key', priority: 'P2', dueAt: '2026-12-01' },
      { title: 'Replace Router', priority: 'P2', dueAt: '2026-12-01' },
      { title: 'Check your bank statement', priority: 'P3', dueAt: '2026-12-28' },
      { title: 'Someday', priority: 'P4', dueAt: null },
    ]);
    expect(plan.applied[0]).toBe('Added the task "Replace Billing key", due 2026-12-01');
    expect(plan.applied[3]).toBe('Added the task "Someday"');
  });

  it('fills every {item} of a per-item title, so no placeholder reaches a task or the screen', () => {
    const twice = step({
      collects: { prompt: 'List them.', itemLabel: 'Secret', maxItems: 5 },
      effects: [{ type: 'create_task', title: 'Replace {item} ({item})', priority: 'P2', perItem: true }],
    });
    const plan = planStep(twice, null, { items: ['Billing key'] }, '2026-11-28');
    expect(plan.tasks.map((t) => t.title)).toEqual(['Replace Billing key (Billing key)']);
    expect(plan.applied.join(' ')).not.toMatch(/\{item\}/);
    expect(describeEffects(twice, null).join(' ')).not.toMatch(/\{item\}/);
  });

  it('says in advance what a step will record', () => {
    const s = step({
      effects: [
        { type: 'set_mfa', method: 'ask' },
        { type: 'create_task', title: 'Replace {item}', priority: 'P2', perItem: true },
      ],
    });
    expect(describeEffects(s, 'Outlook')).toEqual([
      'Records the two-step method you choose on Outlook.',
      'Adds a task for each item you list (“Replace each item”).',
    ]);
    expect(describeEffects(s, null)).toEqual(['Adds a task for each item you list (“Replace each item”).']);
  });
});

describe('what a done step needs', () => {
  const asks = step({ effects: [{ type: 'set_mfa', method: 'ask' }] });
  const collects = step({ collects: { prompt: 'List them.', itemLabel: 'Secret', maxItems: 2 } });

  it('asks for the method only when there is an account to record it on', () => {
    expect(doneProblem(asks, outlook, {})).toBe(format('guide.done.chooseMfa'));
    expect(doneProblem(asks, null, {})).toBeNull();
    expect(doneProblem(asks, outlook, { mfa: 'totp' })).toBeNull();
    expect(doneProblem(asks, outlook, { mfa: 'none' })).toMatch(/Choose/);
  });

  it('takes a list only where the step asks for one, up to its limit, and never a secret', () => {
    expect(doneProblem(step(), null, { items: ['x'] })).toBe(format('guide.done.noList'));
    expect(doneProblem(collects, null, { items: ['a', 'b', 'c'] })).toBe('List at most 2 items.');
    expect(doneProblem(collects, null, { items: ['a\nb'] })).toBe(
      format('guideRun.item.problem', { item: 'a\nb', problem: format('guideRun.item.oneLine') }),
    );
    expect(
      doneProblem(collects, null, { items: ['Billing key', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'] }),
    ).toMatch(/looks like the secret itself/);
    expect(doneProblem(collects, null, { items: ['Billing key', 'Router admin password'] })).toBeNull();
  });
});

describe('list items are names, never secrets', () => {
  it.each([
    'AKIAIOSFODNN7EXAMPLE',
    'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
    'sk-proj-abcdefghijklmnop1234',
    'xoxb-123456789012-abcdefghijkl',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    '5f4dcc3b5aa765d61d8327deb882cf99',
    'Tr0ub4dor&3xyzzyQ!',
    'the key is Hunter2Hunter2Hunter2!',
  ])('refuses %s', (item) => {
    expect(itemProblem(item)).toMatch(/looks like the secret itself/);
  });

  it.each([
    'AWS access key for billing',
    'Router admin password',
    'Wi-Fi password at the office',
    'Recovery codes for GitHub',
    'https://intranet.example.com/payroll-portal-2024',
    'Stripe API key (live)',
  ])('accepts %s', (item) => {
    expect(itemProblem(item)).toBeNull();
  });

  it('refuses empty, long and multi-line items', () => {
    expect(itemProblem('   ')).toBe(format('guideRun.item.empty'));
    expect(itemProblem('x'.repeat(121))).toMatch(/under 120/);
    expect(itemProblem('two\nlines')).toMatch(/one line/);
  });
});

describe('progress', () => {
  it('counts each status and moves to the next step still to do, wrapping round', () => {
    expect(progressOf(['done', 'pending', 'skipped', 'blocked', 'pending'])).toEqual({
      done: 1,
      skipped: 1,
      blocked: 1,
      pending: 2,
      total: 5,
    });
    expect(nextPendingPosition(['done', 'pending', 'done', 'pending'], 1)).toBe(3);
    expect(nextPendingPosition(['pending', 'done', 'done', 'done'], 3)).toBe(0);
    expect(nextPendingPosition(['done', 'done', 'done'], 1)).toBe(2);
    expect(nextPendingPosition(['done', 'done', 'done'], 2)).toBe(2);
  });
});

describe('breach notices as findings', () => {
  const account = (id: number, fields: Partial<CheckAccount> = {}): CheckAccount => ({
    id,
    personId: 1,
    service: `Service ${id}`,
    url: '',
    domain: null,
    username: '',
    criticality: 'standard',
    mfa: 'unknown',
    hasTotp: false,
    passwordChangedAt: null,
    isInsecureUrl: false,
    password: null,
    ...fields,
  });
  const notice = (fields: Partial<CheckNotice> = {}): CheckNotice => ({
    id: 7,
    personId: 1,
    provider: 'Acme',
    domains: ['acme.com'],
    receivedOn: '2026-11-01',
    exposed: ['Email addresses'],
    emailAddress: null,
    incidentId: null,
    handledAt: null,
    createdAt: '2026-11-02T10:00:00.000Z',
    ...fields,
  });

  it("concerns the person's accounts at the provider (subdomains too), not other people's", () => {
    const accounts = [
      account(1, { domain: 'acme.com' }),
      account(2, { domain: 'shop.acme.com' }),
      account(3, { domain: 'notacme.com' }),
      account(4, { domain: 'acme.com', personId: 2 }),
    ];
    const [draft] = noticeChecks(accounts, [notice({ emailAddress: 'Ann@Example.com' })]);
    expect(draft).toMatchObject({
      kind: 'breach_notice',
      subject: 'notice:7',
      severity: 'medium',
      accountIds: [1, 2],
      evidence: { provider: 'Acme', emails: ['ann@example.com'], services: ['Service 1', 'Service 2'] },
      evidenceAt: '2026-11-02T10:00:00.000Z',
    });
  });

  it("concerns the address it went to and the person's own addresses at the provider", () => {
    const emails = [
      { personId: 1, address: 'ann@acme.com' },
      { personId: 1, address: 'ann@mail.acme.com' },
      { personId: 1, address: 'ann@example.com' },
      { personId: 2, address: 'bob@acme.com' },
    ];
    const [draft] = noticeChecks([], [notice({ emailAddress: 'ann@example.com' })], emails);
    expect(draft!.evidence.emails).toEqual(['ann@acme.com', 'ann@example.com', 'ann@mail.acme.com']);
  });

  it('is urgent when what was exposed opens accounts or money, and gone once handled', () => {
    expect(noticeChecks([], [notice({ exposed: ['passwords'] })])[0]!.severity).toBe('high');
    expect(noticeChecks([], [notice({ exposed: ['Email messages'] })])[0]!.severity).toBe('high');
    expect(noticeChecks([], [notice({ handledAt: '2026-11-05T00:00:00Z' })])).toEqual([]);
    // A notice with no matching account still stands: it is about the person.
    expect(noticeChecks([], [notice()])[0]!.accountIds).toEqual([]);
  });
});

describe('notes on steps', () => {
  it('keep what happened, never a secret', async () => {
    const { noteProblem } = await import('./run');
    expect(noteProblem('Waiting for the IT admin; she will call back Monday')).toBeNull();
    expect(noteProblem('Her new password is Xk9#mP2$vL8@qR4!z')).toMatch(/never the secret itself/);
    expect(noteProblem('recovery code ghp_abc')).toMatch(/never the secret itself/);
    expect(noteProblem('x'.repeat(1001))).toMatch(/under 1,000/);
  });
});

describe('in the pseudo-locale', () => {
  afterEach(() => setMessageLocale('en'));

  it('words what a step records from the catalogue, keeping the names and dates as given', () => {
    setMessageLocale('pseudo');
    const plan = planStep(
      step({
        effects: [
          { type: 'set_password_changed' },
          { type: 'create_task', title: 'Someday', priority: 'P4' },
        ],
      }),
      outlook,
      {},
      '2026-11-28',
    );
    expect(plan.applied[0]).toMatch(/^\[Ŕéçöŕðéð á ñéŵ þáššŵöŕð öñ Outlook \(2026-11-28\)~+\]$/);
    expect(plan.applied[1]).toMatch(/^\[Åððéð ţĥé ţášķ "Someday"~+\]$/);
  });
});
