import { format } from '../../messages/format';
/**
 * Reports for a small business: the **team report** for the owner or office manager, and the
 * **MFA and security attestation** for an insurer's questionnaire or a Cyber Essentials
 * self-assessment. Both show the coverage figures of the team view with the lists behind them, the
 * open items with their owners and due dates, what was fixed and when (from the hash-chained
 * history, with its head hash and when it was last verified intact), and what Lockstep cannot
 * know. Rendered as Markdown, as a printable HTML document (Chromium prints it to PDF) and as a
 * spreadsheet-safe CSV.
 *
 * Pure. Nothing secret is ever an input (no password, code, note or mail), and every input string
 * is treated as untrusted text: control characters collapse, and each format escapes it.
 */
import { clean, escapeHtml, escapeMarkdown } from '../guides/summary';
import { escapeMarkdownLineStart } from '../markdown';
import { MFA_LABELS, type MfaMethod } from '../inventory';
import { spreadsheetCsv } from '../spreadsheet';
import type { TeamView, UnknownMainEmail } from '../../model/team';

/** Which report. */
export type ReportKind = 'team' | 'attestation';

/** An open task, as a report lists it. */
export interface ReportTask {
  title: string;
  /** Whose it is. */
  owner: string | null;
  /** Who was asked to do it ("Priya", "Helper: Sam"), or null. */
  assignee: string | null;
  priority: string;
  dueAt: string | null;
  status: string;
  isOverdue: boolean;
}

/** A fix, as the history recorded it. */
export interface ReportFix {
  /** When it was recorded (ISO timestamp). */
  at: string;
  title: string;
  owner: string | null;
  /** Who recorded it ("Me", "Helper: Sam"). */
  actor: string;
  /** The checks agree it is fixed. */
  verified: boolean;
}

/** Everything a report shows. */
export interface ReportInput {
  kind: ReportKind;
  /** ISO timestamp: when the report was made. */
  generatedAt: string;
  view: TeamView;
  /** Open tasks (to do, in progress, snoozed), the most urgent first. */
  openTasks: readonly ReportTask[];
  /** Fixes, the newest first. */
  fixed: readonly ReportFix[];
  /** The history of changes, as verified when the report was made. */
  history: { ok: boolean; count: number; headHash: string; brokenAt: number | null };
  /** What the checks could rely on. */
  checks: {
    /** Date of the breach catalogue used, or null when it could not be loaded. */
    breachData: string | null;
    /** Date of the two-step directory used, or null. */
    twoFactorData: string | null;
    /** Passwords were also checked online (Have I Been Pwned's range API). */
    onlinePasswordCheck: boolean;
  };
  /** Accounts in the report's scope. */
  accountCount: number;
}

/** How dates are shown. */
export interface ReportFormatOptions {
  /** IANA time zone for timestamps; default: the runtime's local zone. Tests pass 'UTC'. */
  timeZone?: string;
  /** The most rows a table shows in Markdown and PDF (the CSV has them all); default 300. */
  maxRows?: number;
}

/** A table of a report: its columns, its rows (plain text) and how many rows were left out. */
export interface ReportTable {
  columns: string[];
  rows: string[][];
  more: number;
}

/** A section of a report. */
export interface ReportSection {
  id: string;
  heading: string;
  paragraphs: string[];
  figures: { label: string; value: string; detail: string }[];
  table: ReportTable | null;
}

/** A report's content in display order, as plain text (each renderer escapes it). */
export interface ReportContent {
  title: string;
  facts: { label: string; value: string }[];
  sections: ReportSection[];
  footer: string;
}

const TITLES: Record<ReportKind, string> = {
  team: 'Security report for the team',
  attestation: 'Multi-factor authentication and security attestation',
};

const UNKNOWN_WORDS: Record<UnknownMainEmail, string> = {
  not_recorded: 'Unknown: two-step sign-in not recorded',
  no_email_account: 'Unknown: no email account recorded',
  several_email_accounts: 'Unknown: several email accounts, none at their first address',
};

const DEFAULT_MAX_ROWS = 300;

/** "On (Authenticator app)", "Off", "Unknown: not recorded". */
function mfaWords(mfa: MfaMethod): string {
  if (mfa === 'unknown') return 'Unknown: not recorded';
  if (mfa === 'none') return 'Off';
  return `On (${MFA_LABELS[mfa]})`;
}

function formatters(options: ReportFormatOptions) {
  let timeZone = options.timeZone;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
  } catch {
    timeZone = undefined;
  }
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const utcDay = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const parts = new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  });
  const parse = (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? null : date;
  };
  return {
    /** "1 December 2026" from a timestamp. */
    day: (iso: string) => {
      const date = parse(iso);
      return date ? day.format(date) : clean(iso);
    },
    /** "1 December 2026, 09:30". */
    dateTime: (iso: string) => {
      const date = parse(iso);
      return date ? `${day.format(date)}, ${time.format(date)}` : clean(iso);
    },
    /** A YYYY-MM-DD date as "5 December 2026". */
    calendar: (ymd: string) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
      return match ? utcDay.format(new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!))) : clean(ymd);
    },
    /** The day of a timestamp in the display zone, YYYY-MM-DD. */
    isoDay: (iso: string) => {
      const date = parse(iso);
      if (!date) return 'undated';
      const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day}`;
    },
  };
}

function table(columns: string[], rows: string[][], maxRows: number): ReportTable {
  return { columns, rows: rows.slice(0, maxRows), more: Math.max(0, rows.length - maxRows) };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The coverage figures, read out the same way everywhere. */
export function coverageFigures(view: TeamView): { label: string; value: string; detail: string }[] {
  const c = view.coverage;
  return [
    {
      label: 'Two-step sign-in on the main email account',
      value: `${c.mainEmailMfa.yes} of ${plural(c.people, 'person', 'people')}`,
      detail: `${c.mainEmailMfa.no} off, ${c.mainEmailMfa.unknown} unknown, counted as not on`,
    },
    {
      label: 'Critical accounts with two-step sign-in',
      value: `${c.criticalWithMfa.yes} of ${c.criticalWithMfa.of}`,
      detail: `${c.criticalWithMfa.of - c.criticalWithMfa.yes - c.criticalWithMfa.unknown} off, ${c.criticalWithMfa.unknown} unknown, counted as not on`,
    },
    {
      label: 'People with a reused password',
      value: `${c.peopleWithReuse.count} of ${c.peopleWithReuse.of}`,
      detail: 'the same password on two or more accounts, theirs or shared with someone else',
    },
    {
      label: 'Overdue tasks',
      value: `${c.overdueTasks.count} (${plural(c.overdueTasks.people, 'person', 'people')})`,
      detail: 'tasks to do or in progress, past their due date',
    },
  ];
}

/** The report's content, once for every format. */
export function reportContent(input: ReportInput, options: ReportFormatOptions = {}): ReportContent {
  const f = formatters(options);
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const { view } = input;
  const c = view.coverage;
  const scope = view.group === null ? 'Everyone' : `The group "${clean(view.group)}"`;
  const facts = [
    { label: 'Made on', value: f.dateTime(input.generatedAt) },
    {
      label: 'Covers',
      value: `${scope}: ${plural(c.people, 'person', 'people')}, ${plural(input.accountCount, 'account', 'accounts')}`,
    },
  ];
  const sections: ReportSection[] = [];
  const section = (s: Partial<ReportSection> & Pick<ReportSection, 'id' | 'heading'>) =>
    sections.push({ paragraphs: [], figures: [], table: null, ...s });

  if (input.kind === 'attestation') {
    section({
      id: 'scope',
      heading: 'What this attests',
      paragraphs: [
        `A self-assessment of multi-factor authentication (two-step sign-in) and account security for ${plural(c.people, 'person', 'people')} and the ${plural(input.accountCount, 'account', 'accounts')} recorded for them in Lockstep, as recorded on ${f.day(input.generatedAt)}. It answers the questions insurers' MFA attestations and the Cyber Essentials self-assessment ask about user access control: is multi-factor authentication on for email, for cloud services and for administrator and financial accounts.`,
        'Email, banking and work-identity accounts are critical by default, because email resets every other account. A two-step method counts as on only when it is recorded; an unknown method is reported as unknown and never counted as on.',
      ],
    });
  }

  section({ id: 'coverage', heading: 'Coverage', figures: coverageFigures(view) });

  const mainRows = view.rows.map((row) => {
    const unknown = c.mainEmailMfa.lists.unknown.find((u) => u.id === row.id);
    return [
      row.name,
      row.group,
      row.mainEmail
        ? `${row.mainEmail.service}${row.mainEmail.username ? ` (${row.mainEmail.username})` : ''}`
        : 'None',
      row.mainEmailMfa === null
        ? UNKNOWN_WORDS[unknown?.reason ?? 'not_recorded']
        : mfaWords(row.mainEmail?.mfa ?? 'unknown'),
    ];
  });
  section({
    id: 'main-email',
    heading: 'Two-step sign-in on each person’s main email account',
    paragraphs: [
      'The main email account is the one whose username is the person’s first email address, or their only email account.',
    ],
    table: table(['Person', 'Group', 'Main email account', 'Two-step sign-in'], mainRows, maxRows),
  });

  const critical = [
    ...c.criticalWithMfa.lists.no,
    ...c.criticalWithMfa.lists.unknown,
    ...(input.kind === 'attestation' ? c.criticalWithMfa.lists.yes : []),
  ].map((a) => [a.personName, `${a.service}${a.username ? ` (${a.username})` : ''}`, mfaWords(a.mfa)]);
  section({
    id: 'critical',
    heading:
      input.kind === 'attestation'
        ? 'Critical accounts and their two-step sign-in'
        : 'Critical accounts without two-step sign-in',
    paragraphs:
      critical.length === 0
        ? [
            c.criticalWithMfa.of === 0
              ? 'No critical accounts are recorded.'
              : 'Every critical account has two-step sign-in on.',
          ]
        : [],
    table: critical.length === 0 ? null : table(['Person', 'Account', 'Two-step sign-in'], critical, maxRows),
  });

  section({
    id: 'reuse',
    heading: 'People with a reused password',
    paragraphs:
      c.peopleWithReuse.count === 0
        ? ['No reused password is known. Lockstep only knows the passwords of the exports imported into it.']
        : [],
    table:
      c.peopleWithReuse.count === 0
        ? null
        : table(
            ['Person', 'Group', 'Accounts sharing a password'],
            c.peopleWithReuse.people.map((p) => [p.name, p.group, String(p.accounts)]),
            maxRows,
          ),
  });

  if (input.kind === 'team') {
    section({
      id: 'people',
      heading: 'Everyone',
      table: table(
        [
          'Person',
          'Group',
          'Role',
          'Main email two-step',
          'Critical accounts covered',
          'Open findings',
          'Overdue tasks',
          'Last activity',
        ],
        view.rows.map((row) => [
          row.name,
          row.group,
          row.role,
          row.mainEmailMfa === null ? 'Unknown' : row.mainEmailMfa ? 'On' : 'Off',
          `${row.criticalWithMfa} of ${row.criticalAccounts}`,
          String(row.openFindings),
          String(row.overdueTasks),
          row.lastActivity ? f.day(row.lastActivity) : 'None recorded',
        ]),
        maxRows,
      ),
    });
  }

  section({
    id: 'open',
    heading: 'Open items',
    paragraphs:
      input.openTasks.length === 0
        ? ['Nothing is open.']
        : [
            `${plural(input.openTasks.length, 'task is', 'tasks are')} open, ${c.overdueTasks.count} of them overdue.`,
          ],
    table:
      input.openTasks.length === 0
        ? null
        : table(
            ['Task', 'Whose', 'Assigned to', 'Priority', 'Due', 'Status'],
            input.openTasks.map((t) => [
              t.title,
              t.owner ?? 'No one in particular',
              t.assignee ?? 'Unassigned',
              t.priority,
              t.dueAt ? f.calendar(t.dueAt) : 'No date',
              `${STATUS_WORDS[t.status] ?? clean(t.status)}${t.isOverdue ? ' — overdue' : ''}`,
            ]),
            maxRows,
          ),
  });

  section({
    id: 'fixed',
    heading: 'What was fixed, and when',
    paragraphs:
      input.fixed.length === 0
        ? ['Nothing has been recorded as fixed yet.']
        : ['From the history of changes. "Verified" means Lockstep’s checks no longer see the problem.'],
    table:
      input.fixed.length === 0
        ? null
        : table(
            ['When', 'What', 'Whose', 'Recorded by', 'Verified'],
            input.fixed.map((x) => [
              f.dateTime(x.at),
              x.title,
              x.owner ?? '',
              x.actor,
              x.verified ? 'Verified' : 'Not verified',
            ]),
            maxRows,
          ),
  });

  const h = input.history;
  section({
    id: 'record',
    heading: 'The record behind this report',
    paragraphs: [
      h.ok
        ? `Every change is kept in a hash-chained history (SHA-256; each entry carries the hash of the one before). It holds ${plural(h.count, 'entry', 'entries')}, was verified intact on ${f.dateTime(input.generatedAt)}, and its head hash is ${h.headHash}.`
        : `The hash-chained history of changes is BROKEN at entry ${h.brokenAt ?? '?'}: it was changed outside Lockstep, so what it says before that point cannot be trusted. Its head hash is ${h.headHash}.`,
      'The chain makes edits detectable, not impossible: someone able to rewrite the data file and recompute every hash could forge it. Compare the head hash with the one in an earlier report to see that nothing before it changed.',
    ],
  });

  const cannot: string[] = [
    'Lockstep knows only the people and accounts recorded in it. An account nobody entered or imported is not covered by any figure here.',
    'Two-step sign-in is as people recorded it (or as a password export showed it); Lockstep does not sign in to services to check. An unknown method is counted as unknown, never as on.',
  ];
  const unknownEmail = c.mainEmailMfa.unknown;
  if (unknownEmail > 0)
    cannot.push(
      `For ${plural(unknownEmail, 'person', 'people')}, two-step sign-in on the main email account is unknown: ${c.mainEmailMfa.lists.unknown.map((u) => `${u.name} (${UNKNOWN_WORDS[u.reason].replace('Unknown: ', '')})`).join('; ')}.`,
    );
  if (c.criticalWithMfa.unknown > 0)
    cannot.push(
      `${plural(c.criticalWithMfa.unknown, 'critical account has', 'critical accounts have')} no two-step method recorded.`,
    );
  cannot.push(
    input.checks.onlinePasswordCheck
      ? 'Breached passwords were checked against the bundled list of the 100,000 most common and online against Have I Been Pwned (only 5 characters of each hash left the computer).'
      : 'Breached passwords were checked only against the bundled list of the 100,000 most common leaked passwords; a password not on it may still have leaked.',
  );
  cannot.push(
    input.checks.breachData
      ? `Breaches are those public in Have I Been Pwned’s catalogue as of ${f.calendar(input.checks.breachData)}${input.checks.twoFactorData ? `, and two-step availability is from the 2fa.directory list as of ${f.calendar(input.checks.twoFactorData)}` : ''}. A breach not yet published is not counted.`
      : 'The public breach and two-step datasets could not be loaded, so breach and two-step-availability checks did not run.',
  );
  cannot.push(
    'Passwords, two-step codes, recovery codes, notes and mail are never stored by Lockstep, so none appear here.',
  );
  section({ id: 'unknown', heading: 'What this report cannot know', paragraphs: cannot });

  if (input.kind === 'attestation') {
    section({
      id: 'sign',
      heading: 'Declaration',
      paragraphs: [
        'I confirm that the figures above reflect the accounts recorded for the people named, to the best of my knowledge.',
        'Name: ______________________    Role: ______________________',
        'Signature: __________________    Date: ______________________',
      ],
    });
  }

  return {
    title: TITLES[input.kind],
    facts,
    sections,
    footer: `Made by Lockstep on ${f.dateTime(input.generatedAt)}. Nothing secret is in this report: no password, code or note is ever stored.`,
  };
}

const STATUS_WORDS: Record<string, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  snoozed: 'Snoozed',
  done: 'Done',
  wont_do: "Won't do",
};

/** The report as Markdown (CommonMark, with GitHub-style tables). */
export function reportMarkdown(input: ReportInput, options?: ReportFormatOptions): string {
  const r = reportContent(input, options);
  const md = escapeMarkdown;
  const lines = [`# ${md(r.title)}`, ''];
  for (const fact of r.facts) lines.push(`- **${fact.label}:** ${md(fact.value)}`);
  lines.push('');
  for (const s of r.sections) {
    lines.push(`## ${md(s.heading)}`, '');
    for (const p of s.paragraphs) lines.push(escapeMarkdownLineStart(md(p)), '');
    for (const fig of s.figures) lines.push(`- **${md(fig.label)}: ${md(fig.value)}** — ${md(fig.detail)}`);
    if (s.figures.length > 0) lines.push('');
    if (s.table) {
      lines.push(
        `| ${s.table.columns.map(md).join(' | ')} |`,
        `|${s.table.columns.map(() => ' --- |').join('')}`,
      );
      for (const row of s.table.rows) lines.push(`| ${row.map((cell) => md(cell) || ' ').join(' | ')} |`);
      lines.push('');
      if (s.table.more > 0) lines.push(`…and ${s.table.more} more (the CSV export lists them all).`, '');
    }
  }
  lines.push('---', '', md(r.footer));
  return `${lines.join('\n')}\n`;
}

const STYLE = `
@page { size: A4; margin: 16mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
html, body { background: #fff; color: #000; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; font-size: 10pt; line-height: 1.4; overflow-wrap: break-word; }
main { max-width: 178mm; margin: 0 auto; }
@media screen { body { padding: 16mm 12mm; } }
h1 { font-size: 17pt; margin: 0 0 8pt; }
h2 { font-size: 12.5pt; margin: 16pt 0 6pt; padding-bottom: 2pt; border-bottom: 0.75pt solid #000; break-after: avoid; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 0 0 8pt; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.figures { list-style: none; margin: 0; padding: 0; }
.figures li { margin: 0 0 5pt; }
.figure-value { font-weight: 700; }
p { margin: 0 0 6pt; }
table { width: 100%; border-collapse: collapse; margin: 2pt 0 4pt; font-size: 9pt; }
th, td { text-align: left; vertical-align: top; padding: 3pt 5pt; border-bottom: 0.75pt solid #000; }
thead th { border-bottom-width: 1.5pt; }
tr { break-inside: avoid; }
.more { font-style: italic; }
.hash { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; word-break: break-all; }
footer { margin-top: 18pt; padding-top: 6pt; border-top: 0.75pt solid #000; }
`.trim();

/** The report as a complete, self-contained HTML document to print (A4): no script, no resource. */
export function reportHtml(input: ReportInput, options?: ReportFormatOptions): string {
  const r = reportContent(input, options);
  const h = escapeHtml;
  const out = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="color-scheme" content="light">',
    `<title>${h(r.title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${h(r.title)}</h1>`,
    '<dl class="facts">',
    ...r.facts.map((fact) => `<dt>${h(fact.label)}</dt><dd>${h(fact.value)}</dd>`),
    '</dl>',
  ];
  for (const s of r.sections) {
    out.push(`<section aria-labelledby="${s.id}">`, `<h2 id="${s.id}">${h(s.heading)}</h2>`);
    for (const p of s.paragraphs) {
      // The head hash is set in a fixed-width face so it can be compared by eye.
      const text = h(p).replace(/\b([0-9a-f]{64})\b/g, '<span class="hash">$1</span>');
      out.push(`<p>${text}</p>`);
    }
    if (s.figures.length > 0) {
      out.push('<ul class="figures">');
      for (const fig of s.figures)
        out.push(
          `<li>${h(fig.label)}: <span class="figure-value">${h(fig.value)}</span> — ${h(fig.detail)}</li>`,
        );
      out.push('</ul>');
    }
    if (s.table) {
      out.push(
        '<table>',
        `<thead><tr>${s.table.columns.map((col) => `<th scope="col">${h(col)}</th>`).join('')}</tr></thead>`,
        '<tbody>',
        ...s.table.rows.map((row) => `<tr>${row.map((cell) => `<td>${h(cell)}</td>`).join('')}</tr>`),
        '</tbody>',
        '</table>',
      );
      if (s.table.more > 0)
        out.push(`<p class="more">…and ${s.table.more} more (the CSV export lists them all).</p>`);
    }
    out.push('</section>');
  }
  out.push(`<footer><p>${h(r.footer)}</p></footer>`, '</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

/**
 * The report as a spreadsheet-safe CSV (cells that would start a formula are neutralised): one row
 * per fact, in long form — Section, Person, Group, Item, Status, Date, Detail — with every row of
 * every list (none is cut).
 */
export function reportCsv(input: ReportInput, options: ReportFormatOptions = {}): string {
  const full = reportContent(input, { ...options, maxRows: Number.MAX_SAFE_INTEGER });
  const f = formatters(options);
  const { view } = input;
  const groupOf = new Map(view.rows.map((row) => [row.name, row.group]));
  const rows: string[][] = [];
  const push = (
    section: string,
    person: string,
    item: string,
    status: string,
    date: string,
    detail: string,
  ) =>
    rows.push([
      section,
      clean(person),
      clean(groupOf.get(person) ?? ''),
      clean(item),
      clean(status),
      date,
      clean(detail),
    ]);
  for (const fact of full.facts) push('Report', '', fact.label, fact.value, f.isoDay(input.generatedAt), '');
  for (const fig of coverageFigures(view))
    push('Coverage', '', fig.label, fig.value, input.view.day, fig.detail);
  const mainEmail = full.sections.find((s) => s.id === 'main-email')!.table!;
  for (const [person, , account, state] of mainEmail.rows)
    push('Main email two-step', person!, account!, state!, '', '');
  const critical = full.sections.find((s) => s.id === 'critical')!.table;
  for (const [person, account, state] of critical?.rows ?? [])
    push('Critical accounts', person!, account!, state!, '', '');
  for (const p of view.coverage.peopleWithReuse.people)
    push(
      'Reused passwords',
      p.name,
      format('report.reusedAccounts', { count: p.accounts }),
      'Reused',
      '',
      '',
    );
  for (const row of view.rows)
    push(
      'People',
      row.name,
      row.role,
      row.mainEmailMfa === null
        ? 'Main email two-step unknown'
        : row.mainEmailMfa
          ? 'Main email two-step on'
          : 'Main email two-step off',
      row.lastActivity ? f.isoDay(row.lastActivity) : '',
      `critical accounts covered ${row.criticalWithMfa} of ${row.criticalAccounts}; open findings ${row.openFindings}; overdue tasks ${row.overdueTasks}`,
    );
  for (const t of input.openTasks)
    push(
      'Open items',
      t.owner ?? '',
      t.title,
      `${STATUS_WORDS[t.status] ?? t.status}${t.isOverdue ? ' (overdue)' : ''}`,
      t.dueAt ?? '',
      `${t.priority}; assigned to ${t.assignee ?? 'no one'}`,
    );
  for (const x of input.fixed)
    push(
      'Fixed',
      x.owner ?? '',
      x.title,
      x.verified ? 'Verified' : 'Not verified',
      f.isoDay(x.at),
      `recorded by ${x.actor}`,
    );
  push(
    'Record',
    '',
    'History of changes (SHA-256 chain)',
    input.history.ok ? 'Verified intact' : `Broken at entry ${input.history.brokenAt ?? '?'}`,
    f.isoDay(input.generatedAt),
    `${input.history.count} entries; head hash ${input.history.headHash}`,
  );
  for (const p of full.sections.find((s) => s.id === 'unknown')!.paragraphs)
    push('Not known', '', p, '', '', '');
  return spreadsheetCsv(['Section', 'Person', 'Group', 'Item', 'Status', 'Date', 'Detail'], rows);
}

/** A file name for a report, e.g. "lockstep-team-report-2026-12-01.pdf". */
export function reportFileName(
  kind: ReportKind,
  generatedAt: string,
  ext: 'pdf' | 'md' | 'csv',
  options: ReportFormatOptions = {},
): string {
  return `lockstep-${kind === 'team' ? 'team-report' : 'mfa-attestation'}-${formatters(options).isoDay(generatedAt)}.${ext}`;
}
