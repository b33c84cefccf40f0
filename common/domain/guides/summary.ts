import { format, labelsOf } from '../../messages/format';
import { escapeMarkdownLineStart, escapeMarkdownText } from '../markdown';
/**
 * Session summary of a followed guide: what was done, skipped or blocked, follow-up tasks, the date and
 * the helper — rendered as Markdown and as a printable HTML document (Chromium prints it to PDF).
 *
 * Pure and platform-free. Every input string is treated as untrusted text: line breaks and control
 * characters collapse to one space, and each renderer escapes it so that no input can become markup.
 */

/** Where a step of the guide stands. */
export type SummaryStepStatus = 'pending' | 'done' | 'skipped' | 'blocked';

/** Everything a session summary shows. Inputs hold names only, never secrets. */
export interface GuideRunSummary {
  guideTitle: string;
  /** e.g. "1.0". */
  guideVersion: string;
  /** Provider variant, e.g. "Google"; null when none. */
  variantLabel: string | null;
  /** e.g. "Outlook (ann@example.com)"; null when the guide was run without an account. */
  accountLabel: string | null;
  /** Whose accounts, e.g. "Ann"; null when unknown. */
  personName: string | null;
  /** '' when the person did it alone. */
  helperName: string;
  /** ISO-8601 UTC timestamp. */
  startedAt: string;
  /** ISO timestamp; null while the session is still in progress. */
  finishedAt: string | null;
  /** ISO timestamp of when the summary was made. */
  generatedAt: string;
  steps: {
    title: string;
    status: SummaryStepStatus;
    /** '' when none (the reason a step was blocked, or any note). */
    note: string;
    /** ISO timestamp when done/skipped/blocked was last recorded. */
    completedAt: string | null;
    /** What the app recorded when the step was done, in words. */
    applied: string[];
    /** Names the person listed in this step, never secrets. */
    items: string[];
  }[];
  /** dueAt is YYYY-MM-DD or null. */
  followUps: {
    title: string;
    priority: 'P1' | 'P2' | 'P3' | 'P4';
    dueAt: string | null;
    status: string;
    /** Done and the checks agree (shown as "Done and verified"). */
    verified?: boolean;
  }[];
}

/** How dates are shown. */
export interface SummaryFormatOptions {
  /** IANA time zone for displaying timestamps; default: the runtime's local zone. Tests pass 'UTC'. */
  timeZone?: string;
  /** BCP 47 locale for dates; default 'en-GB'. */
  locale?: string;
}

type Status = SummaryStepStatus;
type Step = GuideRunSummary['steps'][number];

const STATUS_WORDS: Readonly<Record<Status, string>> = labelsOf({
  done: 'summary.status.done',
  skipped: 'summary.status.skipped',
  blocked: 'summary.status.blocked',
  pending: 'summary.status.pending',
});

/** Task statuses (common/domain/tasks) in words; any other status is shown as given. */
const TASK_STATUS_WORDS: Readonly<Record<string, string>> = labelsOf({
  todo: 'tasks.status.todo',
  in_progress: 'tasks.status.in_progress',
  done: 'tasks.status.done',
  snoozed: 'tasks.status.snoozed',
  wont_do: 'tasks.status.wont_do',
});
const DEFAULT_LOCALE = 'en-GB';
const MAX_SLUG = 60;

// ---------------------------------------------------------------------------------------------------
// Counting and elapsed time
// ---------------------------------------------------------------------------------------------------

/** A step's status, reading anything unexpected at runtime as 'pending' so counts always add up. */
function statusOf(step: Step): Status {
  const status: unknown = step.status;
  return status === 'done' || status === 'skipped' || status === 'blocked' ? status : 'pending';
}

/** Elapsed time between two ISO timestamps as "1 h 05 min", "12 min", "under a minute". Negative or invalid → "under a minute". */
export function formatElapsed(fromIso: string, toIso: string): string {
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(ms) || ms < 60_000) return format('summary.elapsed.underMinute');
  const totalMinutes = Math.floor(ms / 60_000);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  return hours === 0
    ? format('summary.elapsed.minutes', { minutes })
    : format('summary.elapsed.hours', { hours, minutes: String(minutes).padStart(2, '0') });
}

/** Counts by status. */
export function summaryCounts(summary: GuideRunSummary): {
  done: number;
  skipped: number;
  blocked: number;
  pending: number;
  total: number;
} {
  const counts = { done: 0, skipped: 0, blocked: 0, pending: 0, total: 0 };
  for (const step of summary.steps) {
    counts[statusOf(step)] += 1;
    counts.total += 1;
  }
  return counts;
}

/** "5 of 8 steps done · 2 skipped · 1 blocked · 1 not started" — zero parts left out, except the first. */
function progressLine(summary: GuideRunSummary): string {
  return format('summary.progressLine', summaryCounts(summary));
}

// ---------------------------------------------------------------------------------------------------
// Text clean-up and dates
// ---------------------------------------------------------------------------------------------------

/** True for C0/C1 control characters (line breaks and tabs included) and the Unicode line/paragraph separators. */
function isBreakChar(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/** Collapses each run of line breaks / control characters to one space and trims the ends. */
export function clean(value: string | null | undefined): string {
  const text = typeof value === 'string' ? value : value == null ? '' : String(value);
  let out = '';
  let inRun = false;
  for (const char of text) {
    if (isBreakChar(char.charCodeAt(0))) {
      if (!inRun) out += ' ';
      inRun = true;
    } else {
      out += char;
      inRun = false;
    }
  }
  return out.trim();
}

/** Date formatting for one render, tolerant of a bad time zone or locale (falls back to the defaults). */
interface Dates {
  /** "28 November 2026, 21:40"; the raw text when the timestamp does not parse. */
  dateTime(iso: string): string;
  /** "28 November 2026" — the calendar day in the display zone. */
  day(iso: string): string;
  /** "21:40". */
  time(iso: string): string;
  /** A YYYY-MM-DD calendar date as "5 December 2026"; the raw text when it is not one. */
  calendarDate(ymd: string): string;
  /** The day of a timestamp in the display zone as YYYY-MM-DD, or null when it does not parse. */
  isoDay(iso: string): string | null;
}

function usableTimeZone(timeZone: string | undefined): string | undefined {
  if (timeZone === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

function usableLocale(locale: string | undefined): string {
  if (locale === undefined) return DEFAULT_LOCALE;
  try {
    new Intl.DateTimeFormat(locale);
    return locale;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function parseIso(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function makeDates(options: SummaryFormatOptions = {}): Dates {
  const timeZone = usableTimeZone(options.timeZone);
  const locale = usableLocale(options.locale);
  const dayFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  });
  const timeFormat = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const utcDayFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const partsFormat = new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  });

  const day = (iso: string): string => {
    const date = parseIso(iso);
    return date ? dayFormat.format(date) : clean(iso);
  };
  const time = (iso: string): string => {
    const date = parseIso(iso);
    return date ? timeFormat.format(date) : clean(iso);
  };
  return {
    day,
    time,
    dateTime: (iso) => (parseIso(iso) ? `${day(iso)}, ${time(iso)}` : clean(iso)),
    calendarDate: (ymd) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd.trim());
      if (!match) return clean(ymd);
      const [, y, m, d] = match.map(Number) as [number, number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
      return real ? utcDayFormat.format(date) : clean(ymd);
    },
    isoDay: (iso) => {
      const date = parseIso(iso);
      if (!date) return null;
      const parts = Object.fromEntries(partsFormat.formatToParts(date).map((p) => [p.type, p.value]));
      return `${parts.year}-${parts.month}-${parts.day}`;
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// The content, once for both renderers
// ---------------------------------------------------------------------------------------------------

/**
 * The summary's content in display order, already escaped for one format: every input-derived string
 * (dates included, since an unparsable one is shown as given) goes through `esc`; our own fixed
 * wording is plain text that is safe in both formats as it stands.
 */
export interface SummaryContent {
  title: string;
  facts: { label: string; value: string }[];
  progress: string;
  steps: {
    number: number;
    title: string;
    status: Status;
    statusWord: string;
    note: string;
    applied: string[];
    items: string[];
  }[];
  followUps: { title: string; priority: string; due: string; dueDate: string; status: string }[];
  stillToDo: { number: number; title: string; statusWord: string }[];
  footer: string;
}

function nonEmpty(values: readonly string[] | null | undefined): string[] {
  return (values ?? []).filter((value) => clean(value) !== '');
}

function when(summary: GuideRunSummary, dates: Dates, esc: (text: string) => string): string {
  const start = esc(dates.dateTime(summary.startedAt));
  if (summary.finishedAt === null) return format('summary.when.inProgress', { start });
  const sameDay =
    parseIso(summary.startedAt) !== null &&
    parseIso(summary.finishedAt) !== null &&
    dates.day(summary.startedAt) === dates.day(summary.finishedAt);
  return format('summary.when.range', {
    start,
    end: esc(sameDay ? dates.time(summary.finishedAt) : dates.dateTime(summary.finishedAt)),
  });
}

function contentOf(
  summary: GuideRunSummary,
  options: SummaryFormatOptions | undefined,
  esc: (text: string) => string,
): SummaryContent {
  const dates = makeDates(options);
  const person = clean(summary.personName);
  const account = clean(summary.accountLabel);
  const variant = clean(summary.variantLabel);
  const helper = clean(summary.helperName);

  const facts: SummaryContent['facts'] = [];
  if (person !== '' || account !== '') {
    facts.push({
      label: format('summary.fact.for'),
      value:
        person !== '' && account !== ''
          ? format('summary.forWhom', { person: esc(person), account: esc(account) })
          : esc(person || account),
    });
  }
  if (variant !== '') facts.push({ label: format('summary.fact.provider'), value: esc(variant) });
  facts.push({ label: format('summary.fact.date'), value: when(summary, dates, esc) });
  facts.push({
    label: format('summary.fact.timeTaken'),
    value: formatElapsed(summary.startedAt, summary.finishedAt ?? summary.generatedAt),
  });
  facts.push({
    label: format('summary.fact.helper'),
    value: helper === '' ? format('summary.noHelper') : esc(helper),
  });
  facts.push({ label: format('summary.fact.guideVersion'), value: esc(summary.guideVersion) });

  const steps = summary.steps.map((step, index) => {
    const status = statusOf(step);
    return {
      number: index + 1,
      title: clean(step.title) === '' ? format('summary.untitledStep') : esc(step.title),
      status,
      statusWord: STATUS_WORDS[status],
      note: clean(step.note) === '' ? '' : esc(step.note),
      applied: nonEmpty(step.applied).map(esc),
      items: nonEmpty(step.items).map(esc),
    };
  });

  return {
    title: format('summary.title', {
      guide: clean(summary.guideTitle) === '' ? format('summary.untitledGuide') : esc(summary.guideTitle),
    }),
    facts,
    progress: progressLine(summary),
    steps,
    followUps: summary.followUps.map((task) => {
      const status = clean(task.status);
      const due = task.dueAt === null ? '' : clean(task.dueAt);
      return {
        title: clean(task.title) === '' ? format('summary.untitledTask') : esc(task.title),
        priority: esc(task.priority),
        due:
          due === ''
            ? format('summary.task.noDue')
            : format('summary.task.due', { date: esc(dates.calendarDate(due)) }),
        dueDate: due === '' ? format('summary.task.none') : esc(dates.calendarDate(due)),
        status:
          task.verified && status === 'done'
            ? format('summary.task.verified')
            : (TASK_STATUS_WORDS[status] ?? esc(status)),
      };
    }),
    stillToDo: steps
      .filter((step) => step.status !== 'done')
      .map(({ number, title, statusWord }) => ({ number, title, statusWord })),
    footer: format('summary.footer', { date: esc(dates.dateTime(summary.generatedAt)) }),
  };
}

/**
 * The summary's content as plain text, in display order, for a view that escapes on its own (the
 * app's summary screen): the same facts, words and dates as the Markdown and the HTML.
 */
export function summaryContent(summary: GuideRunSummary, options?: SummaryFormatOptions): SummaryContent {
  return contentOf(summary, options, (text) => clean(text));
}

/** "Step 3: Check the recovery phone — Skipped for now" (the parts already escaped). */
function stillToDoLine(step: { number: number; title: string; statusWord: string }): string {
  return format('summary.stillToDoStep', { number: step.number, title: step.title, status: step.statusWord });
}

// ---------------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------------

/** Cleans text and escapes it so CommonMark and GFM render it literally (no autolinks either). */
export function escapeMarkdown(value: string): string {
  return escapeMarkdownText(clean(value));
}

/** The summary as Markdown (CommonMark). */
export function summaryMarkdown(summary: GuideRunSummary, options?: SummaryFormatOptions): string {
  const c = contentOf(summary, options, escapeMarkdown);
  const lines: string[] = [`# ${c.title}`, ''];

  for (const fact of c.facts) lines.push(`- **${fact.label}:** ${fact.value}`);
  lines.push('', `**${format('summary.progress')}** ${c.progress}`, '', `## ${format('summary.steps')}`, '');

  if (c.steps.length === 0) lines.push(format('summary.noSteps'), '');
  for (const step of c.steps) {
    // Sub-lists sit under the item's content column, which moves right once the number has two digits.
    const marker = `${step.number}. `;
    const indent = ' '.repeat(marker.length);
    lines.push(`${marker}**${step.title}** — ${step.statusWord}`);
    if (step.note !== '') lines.push(`${indent}- ${format('summary.note')} ${step.note}`);
    for (const [label, list] of [
      [format('summary.recorded'), step.applied],
      [format('summary.listed'), step.items],
    ] as const) {
      if (list.length === 0) continue;
      lines.push(`${indent}- ${label}`);
      for (const entry of list) lines.push(`${indent}  - ${escapeMarkdownLineStart(entry)}`);
    }
    lines.push('');
  }

  lines.push(`## ${format('summary.followUps')}`, '');
  if (c.followUps.length === 0) lines.push(format('summary.noFollowUps'));
  for (const task of c.followUps) {
    lines.push(
      `- **${task.title}** — ${task.priority} · ${task.due} · ${format('summary.taskStatus', { status: task.status })}`,
    );
  }
  lines.push('');

  if (c.stillToDo.length > 0) {
    lines.push(`## ${format('summary.stillToDo')}`, '');
    for (const step of c.stillToDo) lines.push(`- ${stillToDoLine(step)}`);
    lines.push('');
  }

  lines.push('---', '', c.footer);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------------

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '=': '&#61;',
};

/**
 * Cleans text and escapes it for HTML text and quoted attributes. Beyond & < > " ' it also encodes
 * ` and =, so even escaped input never reads as `src=` / `onerror=` to a naive scanner.
 */
export function escapeHtml(value: string): string {
  return clean(value).replace(/[&<>"'`=]/g, (char) => HTML_ENTITIES[char] ?? char);
}

const STYLE = `
@page { size: A4; margin: 18mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
html, body { background: #fff; color: #000; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  font-size: 11pt;
  line-height: 1.45;
  overflow-wrap: break-word;
}
main { max-width: 174mm; margin: 0 auto; }
@media screen { body { padding: 18mm 12mm; } }
h1 { font-size: 18pt; line-height: 1.2; margin: 0 0 10pt; }
h2 {
  font-size: 13pt;
  margin: 18pt 0 6pt;
  padding-bottom: 2pt;
  border-bottom: 0.75pt solid #000;
  break-after: avoid;
}
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3pt 14pt; margin: 0 0 10pt; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.progress { font-weight: 600; margin: 0 0 4pt; }
.steps { margin: 0; padding-left: 18pt; }
.steps > li { margin: 0 0 8pt; padding-left: 2pt; break-inside: avoid; }
.step-title { font-weight: 600; }
.status {
  display: inline-block;
  margin-left: 6pt;
  padding: 0 5pt;
  border: 0.75pt solid #000;
  border-radius: 3pt;
  white-space: nowrap;
}
li[data-status="done"] .status { font-weight: 600; }
li[data-status="blocked"] .status { border-width: 1.5pt; font-weight: 700; }
li[data-status="skipped"] .status, li[data-status="pending"] .status { border-style: dashed; }
.step-detail { margin: 2pt 0 0; padding-left: 14pt; }
.step-detail p { margin: 3pt 0 0; }
.step-detail ul { margin: 1pt 0 0; padding-left: 14pt; }
.label { font-weight: 600; }
table { width: 100%; border-collapse: collapse; margin: 4pt 0 0; }
th, td { text-align: left; vertical-align: top; padding: 4pt 6pt; border-bottom: 0.75pt solid #000; }
th, td.nowrap { white-space: nowrap; }
thead th { border-bottom-width: 1.5pt; }
tr { break-inside: avoid; }
.todo { margin: 0; padding-left: 18pt; }
footer { margin-top: 20pt; padding-top: 6pt; border-top: 0.75pt solid #000; }
footer p { margin: 0; }
`.trim();

/** The summary as a complete, self-contained HTML document for printing / PDF (A4). */
export function summaryHtml(summary: GuideRunSummary, options?: SummaryFormatOptions): string {
  const c = contentOf(summary, options, escapeHtml);
  const out: string[] = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="color-scheme" content="light">',
    `<title>${c.title}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${c.title}</h1>`,
    '<dl class="facts">',
    ...c.facts.map((fact) => `<dt>${fact.label}</dt><dd>${fact.value}</dd>`),
    '</dl>',
    `<p class="progress">${c.progress}</p>`,
    '<section aria-labelledby="steps-heading">',
    `<h2 id="steps-heading">${format('summary.steps')}</h2>`,
  ];

  if (c.steps.length === 0) out.push(`<p>${format('summary.noSteps')}</p>`);
  else {
    out.push('<ol class="steps">');
    for (const step of c.steps) {
      out.push(`<li data-status="${step.status}">`);
      out.push(
        `<span class="step-title">${step.title}</span> <span class="status">${step.statusWord}</span>`,
      );
      const detail: string[] = [];
      if (step.note !== '')
        detail.push(`<p><span class="label">${format('summary.note')}</span> ${step.note}</p>`);
      for (const [label, list] of [
        [format('summary.recorded'), step.applied],
        [format('summary.listed'), step.items],
      ] as const) {
        if (list.length === 0) continue;
        detail.push(`<p><span class="label">${label}</span></p>`);
        detail.push(`<ul>${list.map((entry) => `<li>${entry}</li>`).join('')}</ul>`);
      }
      if (detail.length > 0) out.push('<div class="step-detail">', ...detail, '</div>');
      out.push('</li>');
    }
    out.push('</ol>');
  }
  out.push('</section>');

  out.push(
    '<section aria-labelledby="followups-heading">',
    `<h2 id="followups-heading">${format('summary.followUps')}</h2>`,
  );
  if (c.followUps.length === 0) out.push(`<p>${format('summary.noFollowUps')}</p>`);
  else {
    out.push(
      '<table>',
      `<thead><tr><th scope="col">${format('summary.column.task')}</th><th scope="col">${format('tasks.priority')}</th><th scope="col">${format('summary.column.due')}</th><th scope="col">${format('summary.column.status')}</th></tr></thead>`,
      '<tbody>',
      ...c.followUps.map(
        (task) =>
          `<tr><td>${task.title}</td><td class="nowrap">${task.priority}</td><td class="nowrap">${task.dueDate}</td><td class="nowrap">${task.status}</td></tr>`,
      ),
      '</tbody>',
      '</table>',
    );
  }
  out.push('</section>');

  if (c.stillToDo.length > 0) {
    out.push(
      '<section aria-labelledby="todo-heading">',
      `<h2 id="todo-heading">${format('summary.stillToDo')}</h2>`,
      '<ul class="todo">',
      ...c.stillToDo.map((step) => `<li>${stillToDoLine(step)}</li>`),
      '</ul>',
      '</section>',
    );
  }

  out.push(`<footer><p>${c.footer}</p></footer>`, '</main>', '</body>', '</html>');
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------
// File name
// ---------------------------------------------------------------------------------------------------

/** Lower-case ASCII letters/digits joined by single hyphens, at most 60 characters; accents are folded first. */
function slugOf(title: string): string {
  const words = clean(title)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  return (words ?? []).join('-').slice(0, MAX_SLUG).replace(/-+$/, '');
}

/** A file name for the export, e.g. "lockstep-summary-secure-your-main-email-account-2026-11-28.md"; the date is generatedAt's day in the time zone. */
export function summaryFileName(
  summary: GuideRunSummary,
  ext: 'md' | 'pdf',
  options?: SummaryFormatOptions,
): string {
  const slug = slugOf(summary.guideTitle);
  const day =
    makeDates(options).isoDay(summary.generatedAt) ?? /^\d{4}-\d{2}-\d{2}/.exec(summary.generatedAt)?.[0];
  const parts = ['lockstep-summary', slug, day ?? 'undated'].filter((part) => part !== '');
  return `${parts.join('-')}.${ext === 'pdf' ? 'pdf' : 'md'}`;
}
