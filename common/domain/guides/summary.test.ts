import { afterEach, describe, expect, it } from 'vitest';
import { setMessageLocale } from '../../messages/format';
import {
  formatElapsed,
  summaryContent,
  summaryCounts,
  summaryFileName,
  summaryHtml,
  summaryMarkdown,
  type GuideRunSummary,
  type SummaryFormatOptions,
  type SummaryStepStatus,
} from './summary';

const UTC: SummaryFormatOptions = { timeZone: 'UTC' };

type Step = GuideRunSummary['steps'][number];

function step(title: string, status: SummaryStepStatus, extra: Partial<Step> = {}): Step {
  return {
    title,
    status,
    note: '',
    completedAt: status === 'pending' ? null : '2026-11-28T21:50:00Z',
    applied: [],
    items: [],
    ...extra,
  };
}

function sample(overrides: Partial<GuideRunSummary> = {}): GuideRunSummary {
  return {
    guideTitle: 'Secure your main email account',
    guideVersion: '1.0',
    variantLabel: 'Google',
    accountLabel: 'Outlook (ann@example.com)',
    personName: 'Ann',
    helperName: 'Sam',
    startedAt: '2026-11-28T21:40:00Z',
    finishedAt: '2026-11-28T22:45:00Z',
    generatedAt: '2026-11-28T22:46:00Z',
    steps: [
      step('Check recovery email', 'done'),
      step('Turn on two-step sign-in', 'done', {
        applied: ['Recorded two-step sign-in (Authenticator app) on Outlook'],
      }),
      step('Review signed-in devices', 'done'),
      step('Save backup codes', 'done'),
      step('List app passwords', 'done', { items: ['AWS access key for billing', 'Old phone mail app'] }),
      step('Remove forwarding rules', 'skipped'),
      step('Check connected apps', 'skipped'),
      step('Update recovery phone', 'blocked', { note: 'Ann has no access to the old number' }),
    ],
    followUps: [
      { title: 'Update recovery phone', priority: 'P2', dueAt: '2026-12-05', status: 'todo' },
      { title: 'Review connected apps', priority: 'P4', dueAt: null, status: 'snoozed' },
    ],
    ...overrides,
  };
}

/** The HTML <li> elements of the steps list, in order, with their data-status. */
function stepStatuses(html: string): string[] {
  return [...html.matchAll(/<li data-status="([a-z]+)">/g)].map((m) => m[1]!);
}

describe('summaryCounts', () => {
  it('counts steps by status', () => {
    expect(summaryCounts(sample())).toEqual({ done: 5, skipped: 2, blocked: 1, pending: 0, total: 8 });
  });

  it('counts an empty guide as all zeros', () => {
    expect(summaryCounts(sample({ steps: [] }))).toEqual({
      done: 0,
      skipped: 0,
      blocked: 0,
      pending: 0,
      total: 0,
    });
  });

  it('counts pending steps, and reads an unknown status as pending so the total adds up', () => {
    const odd = { ...step('Odd', 'done'), status: 'weird' as SummaryStepStatus };
    const counts = summaryCounts(sample({ steps: [step('A', 'pending'), odd, step('B', 'done')] }));
    expect(counts).toEqual({ done: 1, skipped: 0, blocked: 0, pending: 2, total: 3 });
  });
});

describe('formatElapsed', () => {
  const at = (seconds: number) => new Date(Date.UTC(2026, 10, 28, 21, 40) + seconds * 1000).toISOString();

  it.each([
    [0, 'under a minute'],
    [59, 'under a minute'],
    [60, '1 min'],
    [12 * 60, '12 min'],
    [12 * 60 + 59, '12 min'],
    [59 * 60, '59 min'],
    [60 * 60, '1 h 00 min'],
    [65 * 60, '1 h 05 min'],
    [26 * 60 * 60 + 30 * 60, '26 h 30 min'],
  ])('formats %i s as "%s"', (seconds, expected) => {
    expect(formatElapsed(at(0), at(seconds))).toBe(expected);
  });

  it('says "under a minute" for negative spans and invalid timestamps', () => {
    expect(formatElapsed(at(600), at(0))).toBe('under a minute');
    expect(formatElapsed('not a date', at(0))).toBe('under a minute');
    expect(formatElapsed(at(0), '')).toBe('under a minute');
  });
});

describe('summaryMarkdown', () => {
  const md = summaryMarkdown(sample(), UTC);

  it('has every section, in order, and ends with a single newline', () => {
    const order = [
      '# Session summary: Secure your main email account',
      '- **For:** Ann — Outlook (ann\\@example.com)',
      '- **Provider:** Google',
      '- **Date:** 28 November 2026, 21:40 – 22:45',
      '- **Time taken:** 1 h 05 min',
      '- **Helper:** Sam',
      '- **Guide version:** 1.0',
      '**Progress:** 5 of 8 steps done · 2 skipped · 1 blocked',
      '## Steps',
      '## Follow-up tasks',
      '## Still to do',
      'Made by Lockstep on 28 November 2026, 22:46. Lockstep never stores passwords or two-step codes; this summary lists only what was done.',
    ];
    let from = 0;
    for (const line of order) {
      const at = md.indexOf(line, from);
      expect(at, line).toBeGreaterThanOrEqual(from);
      from = at + line.length;
    }
    expect(md.endsWith('was done.\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
  });

  it('lists the steps with status words, notes, recorded and listed items', () => {
    expect(md).toContain('1. **Check recovery email** — Done');
    expect(md).toContain(
      '2. **Turn on two-step sign-in** — Done\n   - Recorded:\n     - Recorded two-step sign-in (Authenticator app) on Outlook',
    );
    expect(md).toContain(
      '5. **List app passwords** — Done\n   - Listed:\n     - AWS access key for billing\n     - Old phone mail app',
    );
    expect(md).toContain('6. **Remove forwarding rules** — Skipped for now');
    expect(md).toContain(
      '8. **Update recovery phone** — Blocked\n   - Note: Ann has no access to the old number',
    );
    const pending = summaryMarkdown(sample({ steps: [step('Later', 'pending')] }), UTC);
    expect(pending).toContain('1. **Later** — Not started');
  });

  it('indents sub-lists under two-digit step numbers', () => {
    const steps = Array.from({ length: 10 }, (_, i) => step(`S${i + 1}`, 'done', { note: `n${i + 1}` }));
    const out = summaryMarkdown(sample({ steps }), UTC);
    expect(out).toContain('9. **S9** — Done\n   - Note: n9');
    expect(out).toContain('10. **S10** — Done\n    - Note: n10');
  });

  it('lists follow-ups with due dates formatted in UTC, or "no due date"', () => {
    expect(md).toContain(
      '## Follow-up tasks\n\n- **Update recovery phone** — P2 · due 5 December 2026 · Status: To do',
    );
    expect(md).toContain('- **Review connected apps** — P4 · no due date · Status: Snoozed');
  });

  it('shows an unknown follow-up status as given, escaped', () => {
    const out = summaryMarkdown(
      sample({ followUps: [{ title: 'X', priority: 'P1', dueAt: '2026-12-01', status: 'waiting_on-bank' }] }),
      UTC,
    );
    expect(out).toContain('- **X** — P1 · due 1 December 2026 · Status: waiting\\_on-bank');
  });

  it('says "No follow-up tasks." when there are none', () => {
    expect(summaryMarkdown(sample({ followUps: [] }), UTC)).toContain(
      '## Follow-up tasks\n\nNo follow-up tasks.\n',
    );
  });

  it('lists skipped, blocked and pending steps under "Still to do"', () => {
    const out = summaryMarkdown(
      sample({
        steps: [step('A', 'done'), step('B', 'skipped'), step('C', 'blocked'), step('D', 'pending')],
      }),
      UTC,
    );
    expect(out).toContain(
      '## Still to do\n\n- Step 2: B — Skipped for now\n- Step 3: C — Blocked\n- Step 4: D — Not started\n',
    );
    expect(out).toContain('**Progress:** 1 of 4 steps done · 1 skipped · 1 blocked · 1 not started');
  });

  it('omits "Still to do" and zero parts of the progress line when everything is done', () => {
    const out = summaryMarkdown(sample({ steps: [step('A', 'done'), step('B', 'done')] }), UTC);
    expect(out).not.toContain('Still to do');
    expect(out).toContain('**Progress:** 2 of 2 steps done\n');
    expect(out).not.toMatch(/· 0 /);
    const one = summaryMarkdown(sample({ steps: [step('A', 'skipped')] }), UTC);
    expect(one).toContain('**Progress:** 0 of 1 step done · 1 skipped\n');
  });

  it('says who helped, or that the person did it alone', () => {
    expect(md).toContain('- **Helper:** Sam\n');
    const alone = summaryMarkdown(sample({ helperName: '' }), UTC);
    expect(alone).toContain('- **Helper:** None — done by the person\n');
    expect(summaryMarkdown(sample({ helperName: '  \n ' }), UTC)).toContain('None — done by the person');
  });

  it('leaves out the provider when there is none, and the account or person when unknown', () => {
    const out = summaryMarkdown(sample({ variantLabel: null, accountLabel: null }), UTC);
    expect(out).not.toContain('Provider');
    expect(out).toContain('- **For:** Ann\n');
    const noPerson = summaryMarkdown(sample({ personName: null }), UTC);
    expect(noPerson).toContain('- **For:** Outlook (ann\\@example.com)\n');
    const nobody = summaryMarkdown(sample({ personName: null, accountLabel: null }), UTC);
    expect(nobody).not.toContain('**For:**');
  });

  it('says "in progress" and measures time to generatedAt when the session is not finished', () => {
    const out = summaryMarkdown(sample({ finishedAt: null, generatedAt: '2026-11-28T21:52:30Z' }), UTC);
    expect(out).toContain('- **Date:** 28 November 2026, 21:40 (in progress)\n');
    expect(out).toContain('- **Time taken:** 12 min\n');
  });

  it('shows the full finish date when the session ran past midnight in the display zone', () => {
    const out = summaryMarkdown(sample({ finishedAt: '2026-11-29T00:10:00Z' }), UTC);
    expect(out).toContain('- **Date:** 28 November 2026, 21:40 – 29 November 2026, 00:10\n');
  });

  it('formats dates in the requested time zone and locale', () => {
    const tokyo = summaryMarkdown(sample(), { timeZone: 'Asia/Tokyo' });
    expect(tokyo).toContain('- **Date:** 29 November 2026, 06:40 – 07:45\n');
    const us = summaryMarkdown(sample(), { timeZone: 'UTC', locale: 'en-US' });
    expect(us).toContain('- **Date:** November 28, 2026, 21:40 – 22:45\n');
  });

  it('falls back to the defaults for an unknown time zone or locale instead of throwing', () => {
    expect(() => summaryMarkdown(sample(), { timeZone: 'Not/AZone', locale: 'not a locale!' })).not.toThrow();
    expect(summaryMarkdown(sample(), { timeZone: 'UTC', locale: '!!' })).toContain('28 November 2026, 21:40');
  });

  it('shows an unparsable timestamp or due date as given rather than inventing one', () => {
    const out = summaryMarkdown(
      sample({
        startedAt: 'sometime',
        finishedAt: null,
        followUps: [{ title: 'T', priority: 'P3', dueAt: '2026-02-30', status: 'todo' }],
      }),
      UTC,
    );
    expect(out).toContain('- **Date:** sometime (in progress)');
    expect(out).toContain('- **Time taken:** under a minute');
    expect(out).toContain('due 2026-02-30');
  });
});

/** The text with every backslash-escaped character removed, leaving only what Markdown reads as syntax. */
const withoutEscapes = (text: string) => text.replace(/\\[\s\S]/g, '');

/** The characters the output backslash-escapes, sorted. */
const escapedChars = (text: string) =>
  [...new Set((text.match(/\\[\s\S]/g) ?? []).map((pair) => pair.slice(1)))].sort();

describe('Markdown escaping', () => {
  const evil = sample({
    guideTitle: '[click](javascript:alert(1))',
    personName: '<img src=x onerror=alert(1)>',
    helperName: '**bold** _it_ `code`',
    steps: [
      step('Line one\n# Injected heading\r\n- injected item', 'blocked', {
        note: 'see [here](https://evil.example) <script>alert(1)</script>',
        items: ['![pic](http://x/y.png)', 'a | b ~~strike~~ &amp; {x} +1 !'],
        applied: ['\\[already escaped\\]'],
      }),
    ],
    followUps: [{ title: '<b>x</b>\n\n## Fake', priority: 'P1', dueAt: null, status: 'todo' }],
  });
  const out = summaryMarkdown(evil, UTC);
  const lines = out.split('\n');

  it('escapes exactly the inline-syntax and autolink characters and leaves other punctuation readable', () => {
    expect(escapedChars(out)).toEqual(
      ['&', '*', ':', '<', '>', '@', '[', '\\', ']', '_', '`', '|', '~'].sort(),
    );
    expect(out).toContain('a \\| b \\~\\~strike\\~\\~ \\&amp; {x} +1 !');
    expect(out).toContain('- **Guide version:** 1.0\n');
  });

  it('leaves no link, image or HTML syntax', () => {
    // Every [ ] < > is escaped, so no link, image (which needs "!["), autolink or tag can open or close.
    expect(withoutEscapes(out)).not.toMatch(/[[\]<>]/);
    expect(out).not.toContain('![');
    expect(out).toContain('# Session summary: \\[click\\](javascript:alert(1))\n');
    expect(out).toContain('- **For:** \\<img src=x onerror=alert(1)\\> — ');
    expect(out).toContain(
      '- Note: see \\[here\\](https\\://evil.example) \\<script\\>alert(1)\\</script\\>\n',
    );
    expect(out).toContain('- !\\[pic\\](http\\://x/y.png)\n');
  });

  it('escapes emphasis, code, tables, strikethrough, entities and backslashes', () => {
    expect(withoutEscapes(out)).not.toMatch(/[\\`_|~&]/);
    expect(out).toContain('- **Helper:** \\*\\*bold\\*\\* \\_it\\_ \\`code\\`\n');
    // The only unescaped asterisks on the line are the fixed label's.
    const helper = lines.find((line) => line.startsWith('- **Helper:**')) ?? '';
    expect(withoutEscapes(helper)).toBe('- **Helper:** bold it code');
    expect(out).toContain('\\\\\\[already escaped\\\\\\]');
  });

  it('collapses line breaks so input cannot start a heading or list item', () => {
    expect(out).toContain('1. **Line one # Injected heading - injected item** — Blocked\n');
    expect(out).toContain('- **\\<b\\>x\\</b\\> ## Fake** — P1');
    expect(lines.filter((line) => line.startsWith('#'))).toEqual([
      '# Session summary: \\[click\\](javascript:alert(1))',
      '## Steps',
      '## Follow-up tasks',
      '## Still to do',
    ]);
    expect(lines.filter((line) => /^\s*([-+*]|\d+[.)])(\s|$)/.test(line))).toEqual([
      '- **For:** \\<img src=x onerror=alert(1)\\> — Outlook (ann\\@example.com)',
      '- **Provider:** Google',
      '- **Date:** 28 November 2026, 21:40 – 22:45',
      '- **Time taken:** 1 h 05 min',
      '- **Helper:** \\*\\*bold\\*\\* \\_it\\_ \\`code\\`',
      '- **Guide version:** 1.0',
      '1. **Line one # Injected heading - injected item** — Blocked',
      '   - Note: see \\[here\\](https\\://evil.example) \\<script\\>alert(1)\\</script\\>',
      '   - Recorded:',
      '     - \\\\\\[already escaped\\\\\\]',
      '   - Listed:',
      '     - !\\[pic\\](http\\://x/y.png)',
      '     - a \\| b \\~\\~strike\\~\\~ \\&amp; {x} +1 !',
      '- **\\<b\\>x\\</b\\> ## Fake** — P1 · no due date · Status: To do',
      '- Step 1: Line one # Injected heading - injected item — Blocked',
    ]);
  });

  it('leaves block markers unescaped because input always follows fixed text on its line', () => {
    const marked = sample({
      guideTitle: '# Heading',
      personName: '- Ann',
      accountLabel: '+ Outlook',
      variantLabel: '1. Google',
      helperName: '2) Sam',
      guideVersion: '---',
      steps: [step('# Step {1}', 'blocked', { note: '- (see) #tag!' })],
      followUps: [{ title: '1. Task', priority: 'P1', dueAt: null, status: '+ waiting' }],
    });
    const text = summaryMarkdown(marked, UTC);
    expect(escapedChars(text)).toEqual([]);
    for (const fragment of [
      '# Session summary: # Heading\n',
      '- **For:** - Ann — + Outlook\n',
      '- **Provider:** 1. Google\n',
      '- **Helper:** 2) Sam\n',
      '- **Guide version:** ---\n',
      '1. **# Step {1}** — Blocked\n   - Note: - (see) #tag!\n',
      '- **1. Task** — P1 · no due date · Status: + waiting\n',
      '- Step 1: # Step {1} — Blocked\n',
    ]) {
      expect(text, fragment).toContain(fragment);
    }
    // Every line is blank, fixed wording, or starts with a fixed prefix ahead of any input.
    const fixedStart =
      /^($|## (Steps|Follow-up tasks|Still to do)$|---$|# Session summary: |- \*\*(For|Provider|Date|Time taken|Helper|Guide version):\*\* |\*\*Progress:\*\* |\d+\. \*\*|\s+- Note: |- \*\*|- Step \d+: |Made by Lockstep on )/;
    for (const line of text.split('\n')) expect(line, line).toMatch(fixedStart);
    expect(text.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '# Session summary: # Heading',
      '## Steps',
      '## Follow-up tasks',
      '## Still to do',
    ]);
  });

  it('collapses other control characters to a single space', () => {
    const ctl = summaryMarkdown(sample({ personName: 'A\u0000\u0007B\tC\u2028D' }), UTC);
    expect(ctl).toContain('- **For:** A B C D — ');
  });
});

describe('summaryHtml', () => {
  const html = summaryHtml(sample(), UTC);

  it('is a complete, self-contained document with a strict CSP and A4 print styles', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).toContain('<title>Session summary: Secure your main email account</title>');
    expect(html).toContain('@page { size: A4; margin: 18mm; }');
    expect(html).toMatch(/font-size: 11pt/);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('has no scripts, external resources, links or event handlers', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/src=/i);
    expect(html).not.toMatch(/href=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('shows the same facts, progress, steps, follow-ups, still-to-do and footer', () => {
    for (const text of [
      '<h1>Session summary: Secure your main email account</h1>',
      '<dt>For</dt><dd>Ann — Outlook (ann@example.com)</dd>',
      '<dt>Provider</dt><dd>Google</dd>',
      '<dt>Date</dt><dd>28 November 2026, 21:40 – 22:45</dd>',
      '<dt>Time taken</dt><dd>1 h 05 min</dd>',
      '<dt>Helper</dt><dd>Sam</dd>',
      '<dt>Guide version</dt><dd>1.0</dd>',
      '<p class="progress">5 of 8 steps done · 2 skipped · 1 blocked</p>',
      '<span class="step-title">Update recovery phone</span> <span class="status">Blocked</span>',
      '<span class="label">Note:</span> Ann has no access to the old number',
      '<li>Recorded two-step sign-in (Authenticator app) on Outlook</li>',
      '<li>AWS access key for billing</li>',
      '<td>Update recovery phone</td><td class="nowrap">P2</td><td class="nowrap">5 December 2026</td><td class="nowrap">To do</td>',
      '<td class="nowrap">None</td>',
      '<h2 id="todo-heading">Still to do</h2>',
      '<li>Step 6: Remove forwarding rules — Skipped for now</li>',
      'Made by Lockstep on 28 November 2026, 22:46. Lockstep never stores passwords or two-step codes; this summary lists only what was done.',
    ]) {
      expect(html, text).toContain(text);
    }
    expect(html.indexOf('Follow-up tasks')).toBeLessThan(html.indexOf('Still to do'));
  });

  it('puts the steps in an ordered list with a data-status on each step', () => {
    expect(html).toContain('<ol class="steps">');
    expect(stepStatuses(html)).toEqual([
      'done',
      'done',
      'done',
      'done',
      'done',
      'skipped',
      'skipped',
      'blocked',
    ]);
    const mixed = summaryHtml(sample({ steps: [step('A', 'pending'), step('B', 'done')] }), UTC);
    expect(stepStatuses(mixed)).toEqual(['pending', 'done']);
    expect(mixed).toContain('<span class="status">Not started</span>');
  });

  it('shows follow-ups as a table with column header cells, or says there are none', () => {
    expect(html.match(/<th scope="col">/g)).toHaveLength(4);
    const none = summaryHtml(sample({ followUps: [], steps: [step('A', 'done')] }), UTC);
    expect(none).toContain('<p>No follow-up tasks.</p>');
    expect(none).not.toContain('<table');
    expect(none).not.toContain('Still to do');
  });

  it('says "in progress" and who helped', () => {
    const out = summaryHtml(sample({ finishedAt: null, helperName: '' }), UTC);
    expect(out).toContain('<dt>Date</dt><dd>28 November 2026, 21:40 (in progress)</dd>');
    expect(out).toContain('<dt>Helper</dt><dd>None — done by the person</dd>');
  });

  it('escapes every input so none of it becomes markup', () => {
    const out = summaryHtml(
      sample({
        guideTitle: '</title><script>alert(1)</script>',
        personName: `"'><img src=x onerror=alert(1)>`,
        steps: [
          step('A & B', 'blocked', {
            note: '<script>alert(1)</script>',
            items: ['<a href="javascript:alert(1)">x</a>'],
          }),
        ],
        followUps: [{ title: '<iframe src=//evil>', priority: 'P1', dueAt: null, status: '<b>' }],
      }),
      UTC,
    );
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<img|<a |<iframe|<b>/i);
    expect(out).not.toMatch(/src=|href=|onerror=/i);
    expect(out).toContain('<span class="label">Note:</span> &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain(
      '<title>Session summary: &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>',
    );
    expect(out).toContain('<dd>&quot;&#39;&gt;&lt;img src&#61;x onerror&#61;alert(1)&gt; — Outlook');
    expect(out).toContain('<span class="step-title">A &amp; B</span>');
    expect(out).toContain('<li>&lt;a href&#61;&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;</li>');
    expect(out).toContain('<td>&lt;iframe src&#61;//evil&gt;</td>');
    expect(out).toContain('<td class="nowrap">&lt;b&gt;</td>');
  });
});

describe('summaryFileName', () => {
  it('builds the name from a slug of the title and the day it was generated', () => {
    expect(summaryFileName(sample(), 'md', UTC)).toBe(
      'lockstep-summary-secure-your-main-email-account-2026-11-28.md',
    );
    expect(summaryFileName(sample(), 'pdf', UTC)).toBe(
      'lockstep-summary-secure-your-main-email-account-2026-11-28.pdf',
    );
  });

  it('joins lower-case ascii letters and digits with single hyphens', () => {
    const name = (guideTitle: string) => summaryFileName(sample({ guideTitle }), 'md', UTC);
    expect(name('  Turn on 2-Step  Sign-in -- (Google)!  ')).toBe(
      'lockstep-summary-turn-on-2-step-sign-in-google-2026-11-28.md',
    );
    expect(name('../../etc/passwd')).toBe('lockstep-summary-etc-passwd-2026-11-28.md');
  });

  it('drops non-ascii characters, folding accents first', () => {
    const name = (guideTitle: string) => summaryFileName(sample({ guideTitle }), 'md', UTC);
    expect(name('Sécurité du compte 🔒 Ωmega')).toBe(
      'lockstep-summary-securite-du-compte-mega-2026-11-28.md',
    );
    expect(name('日本語のガイド')).toBe('lockstep-summary-2026-11-28.md');
  });

  it('cuts the slug at 60 characters without a trailing hyphen', () => {
    const title = 'Secure every single one of your many online accounts before the holidays begin';
    const name = summaryFileName(sample({ guideTitle: title }), 'md', UTC);
    const slug = name.slice('lockstep-summary-'.length, -'-2026-11-28.md'.length);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('secure-every-single-one-of-your-many-online-accounts-before');
    expect(slug.endsWith('-')).toBe(false);
    const exact = summaryFileName(sample({ guideTitle: 'a'.repeat(75) }), 'md', UTC);
    expect(exact).toBe(`lockstep-summary-${'a'.repeat(60)}-2026-11-28.md`);
  });

  it('takes the date in the given time zone', () => {
    const late = sample({ generatedAt: '2026-11-28T23:30:00Z' });
    expect(summaryFileName(late, 'md', UTC)).toMatch(/-2026-11-28\.md$/);
    expect(summaryFileName(late, 'md', { timeZone: 'Europe/Berlin' })).toMatch(/-2026-11-29\.md$/);
    expect(summaryFileName(late, 'md', { timeZone: 'America/New_York' })).toMatch(/-2026-11-28\.md$/);
    const early = sample({ generatedAt: '2026-11-29T02:00:00Z' });
    expect(summaryFileName(early, 'md', { timeZone: 'America/Los_Angeles' })).toMatch(/-2026-11-28\.md$/);
  });

  it('says "undated" when generatedAt does not parse', () => {
    expect(summaryFileName(sample({ generatedAt: 'soon' }), 'md', UTC)).toBe(
      'lockstep-summary-secure-your-main-email-account-undated.md',
    );
  });
});

describe('content round trip', () => {
  /** Undoes the Markdown backslash escapes. */
  const unescapeMd = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  /** Undoes the HTML escapes. */
  const unescapeHtml = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&#96;/g, '`')
      .replace(/&#61;/g, '=')
      .replace(/&amp;/g, '&');

  // Fake secret-looking strings: the module must neither redact, truncate nor invent anything around them.
  const inputs = {
    guideTitle: 'Rotate key AKIAIOSFODNN7EXAMPLE now',
    personName: 'Ann password=hunter2',
    accountLabel: 'GitHub (ghp_FAKE0123456789abcdefFAKE0123456789ab)',
    variantLabel: 'token: sk-test_51Hfake*_[x]',
    helperName: 'Sam <sam@example.com>',
    note: 'Code 123-456 & backup `otpauth://totp/x?secret=JBSWY3DPEHPK3PXP`',
    applied: 'Recorded "app password" xoxb-0000-FAKE on Slack',
    item: 'AWS access key AKIA...EXAMPLE (billing) | ~old~',
    followUp: 'Revoke -----BEGIN FAKE KEY----- #1 !',
  };
  const summary = sample({
    guideTitle: inputs.guideTitle,
    personName: inputs.personName,
    accountLabel: inputs.accountLabel,
    variantLabel: inputs.variantLabel,
    helperName: inputs.helperName,
    steps: [step('Step', 'blocked', { note: inputs.note, applied: [inputs.applied], items: [inputs.item] })],
    followUps: [{ title: inputs.followUp, priority: 'P1', dueAt: null, status: 'todo' }],
  });

  it('keeps every input string intact in the Markdown, apart from escaping', () => {
    const text = unescapeMd(summaryMarkdown(summary, UTC));
    for (const value of Object.values(inputs)) expect(text, value).toContain(value);
  });

  it('keeps every input string intact in the HTML, apart from escaping', () => {
    const text = unescapeHtml(summaryHtml(summary, UTC));
    for (const value of Object.values(inputs)) expect(text, value).toContain(value);
  });

  it('says the same things in both formats', () => {
    const mdText = unescapeMd(summaryMarkdown(summary, UTC));
    const htmlText = unescapeHtml(summaryHtml(summary, UTC));
    for (const phrase of [
      'Session summary: Rotate key AKIAIOSFODNN7EXAMPLE now',
      'Ann password=hunter2 — GitHub (ghp_FAKE0123456789abcdefFAKE0123456789ab)',
      '0 of 1 step done · 1 blocked',
      'Step 1: Step — Blocked',
      'Made by Lockstep on 28 November 2026, 22:46.',
    ]) {
      expect(mdText, phrase).toContain(phrase);
      expect(htmlText, phrase).toContain(phrase);
    }
    // The table has its own Due column: "None" there, "no due date" in the Markdown line.
    expect(mdText).toContain('no due date');
    expect(htmlText).toContain('<td class="nowrap">None</td>');
  });

  it('does not mutate its input', () => {
    const copy = JSON.parse(JSON.stringify(summary)) as GuideRunSummary;
    summaryMarkdown(summary, UTC);
    summaryHtml(summary, UTC);
    summaryFileName(summary, 'pdf', UTC);
    expect(summary).toEqual(copy);
  });
});

describe('Markdown list entries that open a line', () => {
  it('escape a leading block marker, so a listed name never becomes a heading, list or rule', () => {
    const md = summaryMarkdown(
      {
        guideTitle: 'T',
        guideVersion: '1.0',
        variantLabel: null,
        accountLabel: null,
        personName: null,
        helperName: '',
        startedAt: '2026-11-28T12:00:00Z',
        finishedAt: null,
        generatedAt: '2026-11-28T12:00:00Z',
        steps: [
          {
            title: 'S',
            status: 'done',
            note: '',
            completedAt: null,
            applied: ['# Heading', '1. one', '2) two'],
            items: ['---', '+ plus', '> quote', '= under', 'plain'],
          },
        ],
        followUps: [],
      },
      { timeZone: 'UTC' },
    );
    for (const entry of [
      '\\# Heading',
      '1\\. one',
      '2\\) two',
      '\\---',
      '\\+ plus',
      '\\> quote',
      '\\= under',
      'plain',
    ]) {
      expect(md).toContain(`  - ${entry}\n`);
    }
  });
});

describe('the Markdown summary under GitHub-flavoured Markdown', () => {
  it('turns no account name, note or item into a link, even a bare address', async () => {
    const { micromark } = await import('micromark');
    const { gfm, gfmHtml } = await import('micromark-extension-gfm');
    const base = sample();
    const md = summaryMarkdown(
      sample({
        accountLabel: 'https://evil.example/login (www.evil.example)',
        personName: 'boss@evil.example',
        steps: base.steps.map((s) => ({
          ...s,
          note: 'mail mailto:a@evil.example or see HTTPS://EVIL.EXAMPLE',
        })),
      }),
    );
    const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(html).not.toMatch(/<a |<img/);
    expect(html).toContain('https://evil.example/login (www.evil.example)');
  });
});

describe('in the pseudo-locale', () => {
  afterEach(() => setMessageLocale('en'));

  it('words every fact and the progress from the catalogue, and keeps names, dates and titles as given', () => {
    setMessageLocale('pseudo');
    const c = summaryContent(sample(), UTC);
    const facts = Object.fromEntries(c.facts.map((fact) => [fact.label, fact.value]));
    // Labels are ours (accented); the person, the account and the dates are not.
    expect(Object.keys(facts).every((label) => label.startsWith('['))).toBe(true);
    expect(Object.values(facts)).toContainEqual(
      expect.stringMatching(/^\[Ann — Outlook \(ann@example\.com\)~+\]$/),
    );
    expect(Object.values(facts)).toContainEqual(
      expect.stringMatching(/^\[28 November 2026, 21:40 – 22:45~+\]$/),
    );
    expect(c.progress).toMatch(/^\[5 öƒ 8 šţéþš ðöñé · 2 šķîþþéð · 1 ƀļöçķéð~+\]$/);
    // Plain ASCII words left on the summary can only be the person's data.
    const text = [c.title, ...c.facts.flatMap((f) => [f.label, f.value]), c.progress, c.footer].join(' ');
    expect(text).not.toMatch(/\b(?:Progress|Date|Helper|Steps|done|skipped|blocked)\b/);
  });
});
