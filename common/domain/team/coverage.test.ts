import { describe, expect, it } from 'vitest';
import {
  hasMfa,
  isOverdueTask,
  mainEmailAccount,
  mfaState,
  teamView,
  type TeamAccountInput,
  type TeamFindingInput,
  type TeamInput,
  type TeamPersonInput,
  type TeamTaskInput,
} from './coverage';

const DAY = '2026-12-01';
let nextId = 1;
const person = (name: string, emails: string[] = [], group = ''): TeamPersonInput => ({
  id: nextId++,
  name,
  group,
  role: '',
  emails,
});
const account = (
  owner: TeamPersonInput,
  values: Partial<TeamAccountInput> & Pick<TeamAccountInput, 'service'>,
): TeamAccountInput => ({
  id: nextId++,
  personId: owner.id,
  username: '',
  category: 'other',
  criticality: 'standard',
  mfa: 'unknown',
  ...values,
});
const view = (input: Partial<TeamInput> & Pick<TeamInput, 'people'>) =>
  teamView({ accounts: [], findings: [], tasks: [], day: DAY, ...input });

describe('mainEmailAccount', () => {
  it('is the email account whose username is the first address, whatever its case', () => {
    const [a, b, c] = [
      { id: 1, category: 'email' as const, username: 'other@x.com' },
      { id: 2, category: 'email' as const, username: ' Priya@Tea.Example ' },
      { id: 3, category: 'finance' as const, username: 'priya@tea.example' },
    ];
    expect(mainEmailAccount(['priya@tea.example', 'other@x.com'], [a, b, c]).account).toBe(b);
  });

  it('is the only email account when none matches the first address', () => {
    const only = { id: 7, category: 'email' as const, username: 'someone@else.example' };
    expect(mainEmailAccount(['priya@tea.example'], [only]).account).toBe(only);
    expect(mainEmailAccount([], [only]).account).toBe(only);
  });

  it('is none when there is no email account, or several and none matches', () => {
    expect(mainEmailAccount(['a@x.com'], [{ id: 1, category: 'social', username: 'a@x.com' }])).toEqual({
      account: null,
      reason: 'no_email_account',
    });
    expect(
      mainEmailAccount(
        ['a@x.com'],
        [
          { id: 1, category: 'email', username: 'b@x.com' },
          { id: 2, category: 'email', username: 'c@x.com' },
        ],
      ),
    ).toEqual({ account: null, reason: 'several_email_accounts' });
  });

  it('matches the first address only, not a later one', () => {
    const second = { id: 1, category: 'email' as const, username: 'second@x.com' };
    const other = { id: 2, category: 'email' as const, username: 'z@x.com' };
    expect(mainEmailAccount(['first@x.com', 'second@x.com'], [second, other]).account).toBeNull();
  });
});

describe('two-step states', () => {
  it('counts every real method as on, none as off and unknown as unknown (never on)', () => {
    for (const method of ['sms', 'email', 'totp', 'push', 'passkey', 'security_key'] as const) {
      expect(hasMfa(method)).toBe(true);
      expect(mfaState(method)).toBe(true);
    }
    expect(hasMfa('none')).toBe(false);
    expect(mfaState('none')).toBe(false);
    expect(hasMfa('unknown')).toBe(false);
    expect(mfaState('unknown')).toBeNull();
  });
});

describe('teamView', () => {
  it('gives one row per person, by name, with the figures the command line documents', () => {
    const priya = person('Priya', ['priya@tea.example'], 'Shop');
    const tom = person('Tom', ['tom@tea.example'], 'Office');
    const mail = account(priya, {
      service: 'Tea mail',
      category: 'email',
      criticality: 'critical',
      username: 'priya@tea.example',
      mfa: 'totp',
    });
    const bank = account(priya, {
      service: 'Bank',
      category: 'finance',
      criticality: 'critical',
      mfa: 'none',
    });
    const shop = account(priya, { service: 'Shop', category: 'shopping' });
    const tomMail = account(tom, {
      service: 'Tom mail',
      category: 'email',
      criticality: 'critical',
      username: 'tom@tea.example',
      mfa: 'none',
    });
    const findings: TeamFindingInput[] = [
      {
        kind: 'password_weak',
        severity: 'medium',
        status: 'open',
        personIds: [priya.id],
        accountIds: [shop.id],
      },
      {
        kind: 'mfa_available',
        severity: 'high',
        status: 'open',
        personIds: [tom.id],
        accountIds: [tomMail.id],
      },
      {
        kind: 'password_weak',
        severity: 'low',
        status: 'resolved',
        personIds: [tom.id],
        accountIds: [tomMail.id],
      },
    ];
    const tasks: TeamTaskInput[] = [
      { status: 'todo', dueAt: '2026-11-30', personId: priya.id },
      { status: 'in_progress', dueAt: '2026-11-01', personId: priya.id },
      { status: 'todo', dueAt: DAY, personId: priya.id },
      { status: 'snoozed', dueAt: '2026-11-01', personId: tom.id },
      { status: 'done', dueAt: '2026-11-01', personId: tom.id },
    ];
    const result = view({ people: [tom, priya], accounts: [mail, bank, shop, tomMail], findings, tasks });
    expect(result.rows.map((r) => r.name)).toEqual(['Priya', 'Tom']);
    expect(result.groups).toEqual(['Office', 'Shop']);
    const [p, t] = result.rows;
    expect(p).toMatchObject({
      group: 'Shop',
      mainEmailMfa: true,
      accounts: 3,
      criticalAccounts: 2,
      criticalWithMfa: 1,
      openFindings: 1,
      openTasks: 3,
      overdueTasks: 2,
      mainEmail: { accountId: mail.id, isMain: true },
    });
    expect(t).toMatchObject({
      mainEmailMfa: false,
      criticalAccounts: 1,
      criticalWithMfa: 0,
      openFindings: 1,
    });
    expect(t!.findingsBySeverity).toEqual({ critical: 0, high: 1, medium: 0, low: 0 });
    expect(result.coverage.mainEmailMfa).toMatchObject({ yes: 1, no: 1, unknown: 0 });
    expect(result.coverage.criticalWithMfa).toMatchObject({ yes: 1, of: 3, unknown: 0 });
    expect(result.coverage.criticalWithMfa.lists.no.map((a) => a.service)).toEqual(['Bank', 'Tom mail']);
    expect(result.coverage.overdueTasks).toMatchObject({ count: 2, people: 1 });
  });

  it('counts an unknown method, or no main email account, as unknown, never as on', () => {
    const a = person('Ann', ['ann@x.example']);
    const b = person('Ben', ['ben@x.example']);
    const c = person('Cat', []);
    const accounts = [
      account(a, { service: 'Mail', category: 'email', username: 'ann@x.example', criticality: 'critical' }),
      account(b, { service: 'Social', category: 'social', criticality: 'critical', mfa: 'sms' }),
      account(c, { service: 'M1', category: 'email', username: 'c1@x.example' }),
      account(c, { service: 'M2', category: 'email', username: 'c2@x.example' }),
    ];
    const { rows, coverage } = view({ people: [a, b, c], accounts });
    expect(rows.map((r) => r.mainEmailMfa)).toEqual([null, null, null]);
    expect(coverage.mainEmailMfa).toMatchObject({ yes: 0, no: 0, unknown: 3 });
    expect(coverage.mainEmailMfa.lists.unknown.map((u) => [u.name, u.reason])).toEqual([
      ['Ann', 'not_recorded'],
      ['Ben', 'no_email_account'],
      ['Cat', 'several_email_accounts'],
    ]);
    expect(coverage.criticalWithMfa).toMatchObject({ yes: 1, of: 2, unknown: 1 });
    expect(rows[0]).toMatchObject({ criticalAccounts: 1, criticalWithMfa: 0, criticalUnknown: 1 });
  });

  it('lists the people with a reused password, counting each person once', () => {
    const a = person('Ann');
    const b = person('Ben');
    const c = person('Cat');
    const a1 = account(a, { service: 'A1' });
    const a2 = account(a, { service: 'A2' });
    const b1 = account(b, { service: 'B1' });
    const c1 = account(c, { service: 'C1' });
    const findings: TeamFindingInput[] = [
      // Shared between Ann and Ben (a shared login), and within Ann.
      {
        kind: 'password_reused',
        severity: 'high',
        status: 'open',
        personIds: [a.id, b.id],
        accountIds: [a1.id, b1.id],
      },
      {
        kind: 'password_reused',
        severity: 'high',
        status: 'open',
        personIds: [a.id],
        accountIds: [a1.id, a2.id],
      },
      // Closed: no longer counts.
      {
        kind: 'password_reused',
        severity: 'high',
        status: 'auto_resolved',
        personIds: [c.id],
        accountIds: [c1.id],
      },
      {
        kind: 'password_similar',
        severity: 'medium',
        status: 'open',
        personIds: [c.id],
        accountIds: [c1.id],
      },
    ];
    const { coverage, rows } = view({ people: [a, b, c], accounts: [a1, a2, b1, c1], findings });
    expect(coverage.peopleWithReuse).toMatchObject({ count: 2, of: 3 });
    expect(coverage.peopleWithReuse.people.map((p) => [p.name, p.accounts])).toEqual([
      ['Ann', 2],
      ['Ben', 1],
    ]);
    expect(rows.map((r) => r.hasReusedPassword)).toEqual([true, true, false]);
    // A finding shared by two people counts once for each.
    expect(rows.map((r) => r.openFindings)).toEqual([2, 1, 1]);
  });

  it('limits everything to a group, and counts a task that is no one’s only for everyone', () => {
    const a = person('Ann', [], 'Sales');
    const b = person('Ben', [], 'Office');
    const tasks: TeamTaskInput[] = [
      { status: 'todo', dueAt: '2026-01-01', personId: a.id },
      { status: 'todo', dueAt: '2026-01-01', personId: b.id },
      { status: 'todo', dueAt: '2026-01-01', personId: null },
    ];
    const everyone = view({ people: [a, b], tasks });
    expect(everyone.coverage.overdueTasks).toMatchObject({ count: 3, people: 2 });
    expect(everyone.coverage.overdueTasks.byPerson.map((p) => p.person?.name ?? null)).toEqual([
      'Ann',
      'Ben',
      null,
    ]);
    const sales = view({ people: [a, b], tasks, group: 'Sales' });
    expect(sales.rows.map((r) => r.name)).toEqual(['Ann']);
    expect(sales.coverage.people).toBe(1);
    expect(sales.coverage.overdueTasks).toMatchObject({ count: 1, people: 1 });
    expect(sales.groups).toEqual(['Office', 'Sales']);
    expect(view({ people: [a, b], group: '' }).rows).toEqual([]);
  });

  it('ignores accounts of people outside the view, and reports last activity as given', () => {
    const a = person('Ann');
    const stranger = account(person('Zed'), { service: 'X', criticality: 'critical', mfa: 'totp' });
    const result = view({
      people: [a],
      accounts: [stranger],
      lastActivity: new Map([[a.id, '2026-11-30T10:00:00Z']]),
    });
    expect(result.coverage.criticalWithMfa.of).toBe(0);
    expect(result.rows[0]!.lastActivity).toBe('2026-11-30T10:00:00Z');
  });

  it('leaves out the first-run "Me" while nothing is recorded for them and others are here', () => {
    const me = { ...person('Me'), isDefault: true };
    const ann = person('Ann');
    expect(view({ people: [me, ann] }).rows.map((r) => r.name)).toEqual(['Ann']);
    expect(view({ people: [me] }).rows.map((r) => r.name)).toEqual(['Me']);
    const withMail = { ...me, emails: ['me@x.example'] };
    expect(view({ people: [withMail, ann] }).rows.map((r) => r.name)).toEqual(['Ann', 'Me']);
    const withAccount = view({ people: [me, ann], accounts: [account(me, { service: 'Bank' })] });
    expect(withAccount.rows.map((r) => r.name)).toEqual(['Ann', 'Me']);
  });

  it('is empty, not wrong, for no people', () => {
    const { coverage, rows } = view({ people: [] });
    expect(rows).toEqual([]);
    expect(coverage).toMatchObject({
      people: 0,
      mainEmailMfa: { yes: 0, no: 0, unknown: 0 },
      criticalWithMfa: { yes: 0, of: 0 },
      peopleWithReuse: { count: 0, of: 0 },
      overdueTasks: { count: 0, people: 0 },
    });
  });
});

describe('isOverdueTask', () => {
  it('is an open task due before today; snoozed, done and undated tasks are not', () => {
    expect(isOverdueTask({ status: 'todo', dueAt: '2026-11-30' }, DAY)).toBe(true);
    expect(isOverdueTask({ status: 'in_progress', dueAt: '2026-11-30' }, DAY)).toBe(true);
    expect(isOverdueTask({ status: 'todo', dueAt: DAY }, DAY)).toBe(false);
    expect(isOverdueTask({ status: 'snoozed', dueAt: '2026-11-30' }, DAY)).toBe(false);
    expect(isOverdueTask({ status: 'done', dueAt: '2026-11-30' }, DAY)).toBe(false);
    expect(isOverdueTask({ status: 'todo', dueAt: null }, DAY)).toBe(false);
  });
});
