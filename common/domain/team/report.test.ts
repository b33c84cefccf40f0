import { describe, expect, it } from 'vitest';
import { teamView } from './coverage';
import {
  reportContent,
  reportCsv,
  reportFileName,
  reportHtml,
  reportMarkdown,
  type ReportInput,
} from './report';

const HOSTILE = '=HYPERLINK("https://evil.example")<img src=x onerror=alert(1)>*bold* | pipe';

function input(kind: ReportInput['kind'] = 'team', overrides: Partial<ReportInput> = {}): ReportInput {
  const view = teamView({
    people: [
      { id: 1, name: 'Priya', group: 'Shop', role: 'Owner', emails: ['priya@tea.example'] },
      { id: 2, name: HOSTILE, group: '', role: '', emails: [] },
    ],
    accounts: [
      {
        id: 10,
        personId: 1,
        service: 'Tea mail',
        username: 'priya@tea.example',
        category: 'email',
        criticality: 'critical',
        mfa: 'totp',
      },
      {
        id: 11,
        personId: 2,
        service: 'Bank',
        username: '',
        category: 'finance',
        criticality: 'critical',
        mfa: 'unknown',
      },
    ],
    findings: [
      { kind: 'password_reused', severity: 'high', status: 'open', personIds: [1, 2], accountIds: [10, 11] },
    ],
    tasks: [{ status: 'todo', dueAt: '2026-11-01', personId: 2 }],
    day: '2026-12-01',
  });
  return {
    kind,
    generatedAt: '2026-12-01T09:30:00.000Z',
    view,
    openTasks: [
      {
        title: `Change ${HOSTILE}'s password at Bank`,
        owner: HOSTILE,
        assignee: 'Helper: Sam',
        priority: 'P1',
        dueAt: '2026-11-01',
        status: 'todo',
        isOverdue: true,
      },
    ],
    fixed: [
      {
        at: '2026-11-30T10:00:00.000Z',
        title: 'Turn on two-step sign-in at Tea mail',
        owner: 'Priya',
        actor: 'Me',
        verified: true,
      },
    ],
    history: { ok: true, count: 42, headHash: 'ab'.repeat(32), brokenAt: null },
    checks: { breachData: '2026-11-28', twoFactorData: '2026-11-20', onlinePasswordCheck: false },
    accountCount: 2,
    ...overrides,
  };
}

describe('reports', () => {
  it('read out the coverage figures the team view computed', () => {
    const content = reportContent(input(), { timeZone: 'UTC' });
    const coverage = content.sections.find((s) => s.id === 'coverage')!;
    expect(coverage.figures.map((f) => [f.label, f.value])).toEqual([
      ['Two-step sign-in on the main email account', '1 of 2 people'],
      ['Critical accounts with two-step sign-in', '1 of 2'],
      ['People with a reused password', '2 of 2'],
      ['Overdue tasks', '1 (1 person)'],
    ]);
    expect(content.facts).toContainEqual({ label: 'Made on', value: '1 December 2026, 09:30' });
  });

  it('say what they cannot know: unknown two-step is unknown, never on', () => {
    const unknown = reportContent(input(), { timeZone: 'UTC' }).sections.find((s) => s.id === 'unknown')!;
    const text = unknown.paragraphs.join('\n');
    expect(text).toContain('never as on');
    expect(text).toContain('no email account recorded');
    expect(text).toContain('1 critical account has no two-step method recorded');
    expect(text).toContain('only against the bundled list');
    expect(text).toContain('28 November 2026');
  });

  it('give the history’s head hash and when it was verified intact — or that it is broken', () => {
    const md = reportMarkdown(input(), { timeZone: 'UTC' });
    expect(md).toContain(`head hash is ${'ab'.repeat(32)}`);
    expect(md).toContain('verified intact on 1 December 2026, 09:30');
    const broken = reportMarkdown(
      input('team', { history: { ok: false, count: 42, headHash: 'cd'.repeat(32), brokenAt: 7 } }),
    );
    expect(broken).toContain('BROKEN at entry 7');
    expect(broken).not.toContain('verified intact');
  });

  it('escape every name in Markdown and HTML, so nothing becomes a link, markup or a script', () => {
    const md = reportMarkdown(input(), { timeZone: 'UTC' });
    // Every < is backslash-escaped: CommonMark shows it as text.
    expect(md).not.toMatch(/(^|[^\\])<img/m);
    expect(md).toContain('\\<img');
    expect(md).toContain('\\| pipe');
    const html = reportHtml(input('attestation'), { timeZone: 'UTC' });
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('&lt;img src&#61;x onerror&#61;alert(1)&gt;');
    expect(html).toContain('Declaration');
  });

  it('write a spreadsheet-safe CSV with every row, formulas neutralised', () => {
    const csv = reportCsv(input(), { timeZone: 'UTC' });
    expect(csv.startsWith('\uFEFFSection,Person,Group,Item,Status,Date,Detail\r\n')).toBe(true);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).toContain('Coverage,,,Two-step sign-in on the main email account,1 of 2 people');
    expect(csv).toContain('Open items');
    expect(csv).toContain(
      'Fixed,Priya,Shop,Turn on two-step sign-in at Tea mail,Verified,2026-11-30,recorded by Me',
    );
  });

  it('cut long tables in Markdown and PDF, saying the CSV has them all', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ ...input().openTasks[0]!, title: `Task ${i}` }));
    const md = reportMarkdown(input('team', { openTasks: many }), { maxRows: 2 });
    expect(md).toContain('…and 3 more (the CSV export lists them all).');
    expect(reportCsv(input('team', { openTasks: many })).match(/Task \d/g)).toHaveLength(5);
  });

  it('name their files by kind and day', () => {
    expect(reportFileName('attestation', '2026-12-01T09:30:00Z', 'pdf', { timeZone: 'UTC' })).toBe(
      'lockstep-mfa-attestation-2026-12-01.pdf',
    );
  });
});
