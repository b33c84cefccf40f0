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
import { format } from '../../messages/format';
import { actorWords } from '../history/actor';
import type { MessageId } from '../../messages/en';
import { clean, escapeHtml, escapeMarkdown } from '../guides/summary';
import { escapeMarkdownLineStart } from '../markdown';
import { MFA_LABELS, type MfaMethod } from '../inventory';
import { spreadsheetCsv } from '../spreadsheet';
import { TASK_STATUSES, type TaskStatus } from '../tasks/tasks';
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

/** Why the main email's two-step sign-in is unknown, as a table cell ("Unknown: …"). */
const unknownWords = (reason: UnknownMainEmail) => format(`teamReport.unknown.${reason}`);

const DEFAULT_MAX_ROWS = 300;

/** "On (Authenticator app)", "Off", "Unknown: not recorded". */
function mfaWords(mfa: MfaMethod): string {
  if (mfa === 'unknown') return format('teamReport.mfa.unknown');
  if (mfa === 'none') return format('teamReport.mfa.off');
  return format('teamReport.mfa.on', { method: MFA_LABELS[mfa] });
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
      return date
        ? format('teamReport.dateTime', { day: day.format(date), time: time.format(date) })
        : clean(iso);
    },
    /** A YYYY-MM-DD date as "5 December 2026". */
    calendar: (ymd: string) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
      return match ? utcDay.format(new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!))) : clean(ymd);
    },
    /** The day of a timestamp in the display zone, YYYY-MM-DD. */
    isoDay: (iso: string) => {
      const date = parse(iso);
      if (!date) return format('teamReport.undated');
      const p = Object.fromEntries(parts.formatToParts(date).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day}`;
    },
  };
}

function table(columns: string[], rows: string[][], maxRows: number): ReportTable {
  return { columns, rows: rows.slice(0, maxRows), more: Math.max(0, rows.length - maxRows) };
}

/** Yes or no, for a message's `select`. */
const yesNo = (value: boolean) => (value ? 'yes' : 'no');
/** On, off or unknown, for a message's `select`. */
const onOff = (value: boolean | null) => (value === null ? 'unknown' : value ? 'on' : 'off');

/** The coverage figures, read out the same way everywhere. */
export function coverageFigures(view: TeamView): { label: string; value: string; detail: string }[] {
  const c = view.coverage;
  return [
    {
      label: format('teamReport.figure.mainEmail.label'),
      value: format('teamReport.figure.mainEmail.value', { yes: c.mainEmailMfa.yes, people: c.people }),
      detail: format('teamReport.figure.offUnknown', {
        off: c.mainEmailMfa.no,
        unknown: c.mainEmailMfa.unknown,
      }),
    },
    {
      label: format('teamReport.figure.critical.label'),
      value: format('teamReport.figure.nOfM', { count: c.criticalWithMfa.yes, of: c.criticalWithMfa.of }),
      detail: format('teamReport.figure.offUnknown', {
        off: c.criticalWithMfa.of - c.criticalWithMfa.yes - c.criticalWithMfa.unknown,
        unknown: c.criticalWithMfa.unknown,
      }),
    },
    {
      label: format('teamReport.figure.reuse.label'),
      value: format('teamReport.figure.nOfM', { count: c.peopleWithReuse.count, of: c.peopleWithReuse.of }),
      detail: format('teamReport.figure.reuse.detail'),
    },
    {
      label: format('teamReport.figure.overdue.label'),
      value: format('teamReport.figure.overdue.value', {
        count: c.overdueTasks.count,
        people: c.overdueTasks.people,
      }),
      detail: format('teamReport.figure.overdue.detail'),
    },
  ];
}

/** The report's content, once for every format. */
export function reportContent(input: ReportInput, options: ReportFormatOptions = {}): ReportContent {
  const f = formatters(options);
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const { view } = input;
  const c = view.coverage;
  const scope = format('teamReport.scope', {
    hasGroup: yesNo(view.group !== null),
    group: clean(view.group ?? ''),
  });
  const facts = [
    { label: format('teamReport.fact.madeOn'), value: f.dateTime(input.generatedAt) },
    {
      label: format('teamReport.fact.covers'),
      value: format('teamReport.fact.coversValue', {
        scope,
        people: c.people,
        accounts: input.accountCount,
      }),
    },
  ];
  const sections: ReportSection[] = [];
  const section = (s: Partial<ReportSection> & Pick<ReportSection, 'id' | 'heading'>) =>
    sections.push({ paragraphs: [], figures: [], table: null, ...s });

  if (input.kind === 'attestation') {
    section({
      id: 'scope',
      heading: format('teamReport.attests.heading'),
      paragraphs: [
        format('teamReport.attests.scope', {
          people: c.people,
          accounts: input.accountCount,
          day: f.day(input.generatedAt),
        }),
        format('teamReport.attests.critical'),
      ],
    });
  }

  section({ id: 'coverage', heading: format('teamReport.coverage.heading'), figures: coverageFigures(view) });

  const mainRows = view.rows.map((row) => {
    const unknown = c.mainEmailMfa.lists.unknown.find((u) => u.id === row.id);
    return [
      row.name,
      row.group,
      row.mainEmail ? accountWords(row.mainEmail) : format('teamReport.none'),
      row.mainEmailMfa === null
        ? unknownWords(unknown?.reason ?? 'not_recorded')
        : mfaWords(row.mainEmail?.mfa ?? 'unknown'),
    ];
  });
  section({
    id: 'main-email',
    heading: format('teamReport.mainEmail.heading'),
    paragraphs: [format('teamReport.mainEmail.explained')],
    table: table(columns('person', 'group', 'mainEmail', 'mfa'), mainRows, maxRows),
  });

  const critical = [
    ...c.criticalWithMfa.lists.no,
    ...c.criticalWithMfa.lists.unknown,
    ...(input.kind === 'attestation' ? c.criticalWithMfa.lists.yes : []),
  ].map((a) => [a.personName, accountWords(a), mfaWords(a.mfa)]);
  section({
    id: 'critical',
    heading: format('teamReport.critical.heading', { kind: input.kind }),
    paragraphs:
      critical.length === 0
        ? [
            c.criticalWithMfa.of === 0
              ? format('teamReport.critical.none')
              : format('teamReport.critical.allOn'),
          ]
        : [],
    table: critical.length === 0 ? null : table(columns('person', 'account', 'mfa'), critical, maxRows),
  });

  section({
    id: 'reuse',
    heading: format('teamReport.reuse.heading'),
    paragraphs: c.peopleWithReuse.count === 0 ? [format('teamReport.reuse.none')] : [],
    table:
      c.peopleWithReuse.count === 0
        ? null
        : table(
            columns('person', 'group', 'sharing'),
            c.peopleWithReuse.people.map((p) => [p.name, p.group, String(p.accounts)]),
            maxRows,
          ),
  });

  if (input.kind === 'team') {
    section({
      id: 'people',
      heading: format('teamReport.people.heading'),
      table: table(
        columns(
          'person',
          'group',
          'role',
          'mainEmailMfa',
          'criticalCovered',
          'openFindings',
          'overdueTasks',
          'lastActivity',
        ),
        view.rows.map((row) => [
          row.name,
          row.group,
          row.role,
          format('teamReport.onOff', { state: onOff(row.mainEmailMfa) }),
          format('teamReport.figure.nOfM', { count: row.criticalWithMfa, of: row.criticalAccounts }),
          String(row.openFindings),
          String(row.overdueTasks),
          row.lastActivity ? f.day(row.lastActivity) : format('teamReport.noneRecorded'),
        ]),
        maxRows,
      ),
    });
  }

  section({
    id: 'open',
    heading: format('teamReport.open.heading'),
    paragraphs:
      input.openTasks.length === 0
        ? [format('teamReport.open.none')]
        : [
            format('teamReport.open.summary', {
              count: input.openTasks.length,
              overdue: c.overdueTasks.count,
            }),
          ],
    table:
      input.openTasks.length === 0
        ? null
        : table(
            columns('task', 'whose', 'assignedTo', 'priority', 'due', 'status'),
            input.openTasks.map((t) => [
              t.title,
              t.owner ?? format('teamReport.open.noOwner'),
              t.assignee ?? format('teamReport.open.unassigned'),
              t.priority,
              t.dueAt ? f.calendar(t.dueAt) : format('teamReport.open.noDate'),
              format('teamReport.open.status', {
                status: statusWords(t.status),
                overdue: yesNo(t.isOverdue),
              }),
            ]),
            maxRows,
          ),
  });

  section({
    id: 'fixed',
    heading: format('teamReport.fixed.heading'),
    paragraphs:
      input.fixed.length === 0 ? [format('teamReport.fixed.none')] : [format('teamReport.fixed.explained')],
    table:
      input.fixed.length === 0
        ? null
        : table(
            columns('when', 'what', 'whose', 'recordedBy', 'verified'),
            input.fixed.map((x) => [
              f.dateTime(x.at),
              x.title,
              x.owner ?? '',
              actorWords(x.actor),
              format('teamReport.verified', { verified: yesNo(x.verified) }),
            ]),
            maxRows,
          ),
  });

  const h = input.history;
  section({
    id: 'record',
    heading: format('teamReport.record.heading'),
    paragraphs: [
      h.ok
        ? format('teamReport.record.intact', {
            count: h.count,
            when: f.dateTime(input.generatedAt),
            hash: h.headHash,
          })
        : format('teamReport.record.broken', { entry: String(h.brokenAt ?? '?'), hash: h.headHash }),
      format('teamReport.record.limits'),
    ],
  });

  const cannot: string[] = [format('teamReport.cannot.recorded'), format('teamReport.cannot.mfa')];
  const unknownEmail = c.mainEmailMfa.unknown;
  if (unknownEmail > 0)
    cannot.push(
      format('teamReport.cannot.unknownEmail', {
        people: unknownEmail,
        // A list of items that hold commas themselves: kept apart with semicolons.
        list: c.mainEmailMfa.lists.unknown
          .map((u) =>
            format('teamReport.cannot.unknownEmailItem', {
              name: u.name,
              reason: format(`teamReport.unknownReason.${u.reason}`),
            }),
          )
          .join('; '),
      }),
    );
  if (c.criticalWithMfa.unknown > 0)
    cannot.push(format('teamReport.cannot.unknownCritical', { count: c.criticalWithMfa.unknown }));
  cannot.push(
    input.checks.onlinePasswordCheck
      ? format('teamReport.cannot.online')
      : format('teamReport.cannot.offline'),
  );
  cannot.push(
    input.checks.breachData
      ? format('teamReport.cannot.breaches', {
          breaches: f.calendar(input.checks.breachData),
          hasTwoFactor: yesNo(input.checks.twoFactorData !== null),
          twoFactor: input.checks.twoFactorData ? f.calendar(input.checks.twoFactorData) : '',
        })
      : format('teamReport.cannot.noData'),
  );
  cannot.push(format('teamReport.cannot.secrets'));
  section({ id: 'unknown', heading: format('teamReport.cannot.heading'), paragraphs: cannot });

  if (input.kind === 'attestation') {
    section({
      id: 'sign',
      heading: format('teamReport.sign.heading'),
      paragraphs: [
        format('teamReport.sign.confirm'),
        // Lines to write on, each label with its blank.
        `${format('teamReport.sign.name')} ${'_'.repeat(22)}    ${format('teamReport.sign.role')} ${'_'.repeat(22)}`,
        `${format('teamReport.sign.signature')} ${'_'.repeat(18)}    ${format('teamReport.sign.date')} ${'_'.repeat(22)}`,
      ],
    });
  }

  return {
    title: format(`teamReport.title.${input.kind}`),
    facts,
    sections,
    footer: format('teamReport.footer', { when: f.dateTime(input.generatedAt) }),
  };
}

/** A task's status in words ("To do"); a status this build does not know, as it is. */
function statusWords(status: string): string {
  return (TASK_STATUSES as readonly string[]).includes(status)
    ? format(`tasks.status.${status as TaskStatus}`)
    : clean(status);
}

/** "Gmail (sam@example.com)", or the service alone when there is no username. */
function accountWords(account: { service: string; username: string | null }): string {
  return format('teamReport.accountWithUser', {
    service: account.service,
    hasUsername: yesNo(!!account.username),
    username: account.username ?? '',
  });
}

type ColumnName = MessageId extends infer Id
  ? Id extends `teamReport.column.${infer Name}`
    ? Name
    : never
  : never;

/** A table's column headings, by name (`teamReport.column.NAME`). */
function columns(...names: ColumnName[]): string[] {
  return names.map((name) => format(`teamReport.column.${name}`));
}

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
      if (s.table.more > 0) lines.push(md(format('teamReport.more', { count: s.table.more })), '');
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
        out.push(`<p class="more">${h(format('teamReport.more', { count: s.table.more }))}</p>`);
    }
    out.push('</section>');
  }
  out.push(`<footer><p>${h(r.footer)}</p></footer>`, '</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

/** The sections of the CSV (`teamReport.csv.section.NAME`). */
type CsvSection =
  | 'report'
  | 'coverage'
  | 'mainEmail'
  | 'critical'
  | 'reuse'
  | 'people'
  | 'open'
  | 'fixed'
  | 'record'
  | 'unknown';

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
  const sectionName = (name: CsvSection) => format(`teamReport.csv.section.${name}`);
  for (const fact of full.facts)
    push(sectionName('report'), '', fact.label, fact.value, f.isoDay(input.generatedAt), '');
  for (const fig of coverageFigures(view))
    push(sectionName('coverage'), '', fig.label, fig.value, input.view.day, fig.detail);
  const mainEmail = full.sections.find((s) => s.id === 'main-email')!.table!;
  for (const [person, , account, state] of mainEmail.rows)
    push(sectionName('mainEmail'), person!, account!, state!, '', '');
  const critical = full.sections.find((s) => s.id === 'critical')!.table;
  for (const [person, account, state] of critical?.rows ?? [])
    push(sectionName('critical'), person!, account!, state!, '', '');
  for (const p of view.coverage.peopleWithReuse.people)
    push(
      sectionName('reuse'),
      p.name,
      format('report.reusedAccounts', { count: p.accounts }),
      format('teamReport.csv.reused'),
      '',
      '',
    );
  for (const row of view.rows)
    push(
      sectionName('people'),
      row.name,
      row.role,
      format('teamReport.csv.mainEmailMfa', { state: onOff(row.mainEmailMfa) }),
      row.lastActivity ? f.isoDay(row.lastActivity) : '',
      format('teamReport.csv.personDetail', {
        covered: row.criticalWithMfa,
        critical: row.criticalAccounts,
        openFindings: row.openFindings,
        overdueTasks: row.overdueTasks,
      }),
    );
  for (const t of input.openTasks)
    push(
      sectionName('open'),
      t.owner ?? '',
      t.title,
      format('teamReport.csv.openStatus', { status: statusWords(t.status), overdue: yesNo(t.isOverdue) }),
      t.dueAt ?? '',
      format('teamReport.csv.openDetail', {
        priority: t.priority,
        hasAssignee: yesNo(t.assignee !== null),
        assignee: t.assignee ?? '',
      }),
    );
  for (const x of input.fixed)
    push(
      sectionName('fixed'),
      x.owner ?? '',
      x.title,
      format('teamReport.verified', { verified: yesNo(x.verified) }),
      f.isoDay(x.at),
      format('teamReport.csv.recordedBy', { actor: actorWords(x.actor) }),
    );
  push(
    sectionName('record'),
    '',
    format('teamReport.csv.history'),
    format('teamReport.csv.historyState', {
      ok: yesNo(input.history.ok),
      entry: String(input.history.brokenAt ?? '?'),
    }),
    f.isoDay(input.generatedAt),
    format('teamReport.csv.historyDetail', { count: input.history.count, hash: input.history.headHash }),
  );
  for (const p of full.sections.find((s) => s.id === 'unknown')!.paragraphs)
    push(sectionName('unknown'), '', p, '', '', '');
  return spreadsheetCsv(
    [
      format('teamReport.csv.column.section'),
      format('teamReport.column.person'),
      format('teamReport.column.group'),
      format('teamReport.csv.column.item'),
      format('teamReport.column.status'),
      format('teamReport.csv.column.date'),
      format('teamReport.csv.column.detail'),
    ],
    rows,
  );
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
