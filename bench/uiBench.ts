// The UI with a 50-person office: 5,000 accounts with ~5,000 findings and tasks. Opens the Team,
// Tasks, Exposure and Accounts screens in the browser target (the built renderer in Chromium over
// the real handlers and a real SQLite file, as the e2e suite runs it) and times, in the page, from
// the click to the first frame showing the data: opening each screen (data fetched from main, then
// again from the cache) and filtering it to one person or group (filtered in main). DESIGN.md's
// target: every screen opens in ≤ 300 ms and filters in ≤ 100 ms.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { MfaMethod } from '../common/domain/inventory';
import { launchApp, makeDataDir } from '../e2e/fixtures/app';
import { createHeadlessPlatform } from '../electron/platform/headless';
import { openCore } from '../electron/services/core';
import {
  loadAverage,
  markdownTable,
  median,
  REPO_ROOT,
  type BenchOptions,
  type BenchResult,
  type Goal,
} from './common';

export const DEFAULT_UI_SIZES = [50];
const ACCOUNTS_PER_PERSON = 100;
const GROUPS = ['Shop', 'Office', 'Kitchen', 'Delivery', 'Management'];
// Mostly without two-step (a finding and a task each), some with SMS (an upgrade where better exists).
const MFA: readonly MfaMethod[] = [
  'unknown',
  'none',
  'unknown',
  'none',
  'unknown',
  'none',
  'unknown',
  'none',
  'sms',
  'totp',
];

/** Domains the two-step directory lists: an account there without two-step is a finding and a task. */
function directoryDomains(): string[] {
  const directory = JSON.parse(readFileSync(join(REPO_ROOT, 'electron/data/2fa-directory.json'), 'utf8')) as {
    entries: { domain: string }[];
  };
  return directory.entries.map((e) => e.domain).filter((d) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(d));
}

/**
 * A data folder with `people` people in five groups, each with an address, a main email account and
 * 99 more accounts at services that offer two-step sign-in — built through the services: people
 * with `createPerson`, accounts in one change through the write path (so the checks, findings and
 * tasks are derived exactly as in the app).
 */
export async function seedOffice(
  people: number,
): Promise<{ dataDir: string; accounts: number; findings: number; tasks: number }> {
  const dataDir = makeDataDir();
  const core = openCore({ dataDir, platform: createHeadlessPlatform(() => {}) });
  const domains = directoryDomains();
  const ids: number[] = [];
  for (let p = 0; p < people; p += 1) {
    const person = core.inventory.createPerson({
      name: `Person ${String(p + 1).padStart(2, '0')}`,
      group: GROUPS[p % GROUPS.length]!,
      role: p === 0 ? 'Owner' : 'Staff',
      emails: [`person${p + 1}@office.example`],
    });
    ids.push(person.id);
  }
  core.writePath.write((tx) => {
    let n = 0;
    for (const [p, personId] of ids.entries()) {
      for (let i = 0; i < ACCOUNTS_PER_PERSON; i += 1) {
        const isMail = i === 0;
        const domain = isMail ? 'google.com' : domains[(n * 7) % domains.length]!;
        const id = tx.repos.accounts.insert(
          {
            personId,
            service: isMail ? 'Office mail' : `${domain.split('.')[0]} ${i}`,
            // Every third one signs in over http: an "unencrypted sign-in page" finding as well.
            url: `${!isMail && i % 3 === 0 ? 'http' : 'https'}://${domain}/login`,
            domain,
            urlKind: 'web',
            username: isMail ? `person${p + 1}@office.example` : `person${p + 1}.${i}`,
            category: isMail ? 'email' : i % 9 === 0 ? 'finance' : 'other',
            criticality: isMail || i % 9 === 0 ? 'critical' : 'standard',
            mfa: MFA[(p + i) % MFA.length]!,
            passwordChangedAt: null,
            recoveryReviewedAt: null,
            notes: '',
          },
          tx.now,
        );
        tx.record({
          subjectType: 'account',
          subjectId: id,
          action: 'added',
          from: null,
          to: domain,
          note: 'bench',
        });
        n += 1;
      }
    }
    tx.touch('inventory');
  });
  const counts = {
    accounts: core.read.accounts.list().length,
    findings: core.read.findings.list().filter((f) => f.status === 'open').length,
    tasks: core.read.tasks.list().length,
  };
  await core.close();
  return { dataDir, ...counts };
}

/**
 * Clicks what `click` finds in the page and waits for `ready` to hold; returns the milliseconds
 * between the click and the first animation frame where it held, measured in the page.
 */
async function timed(page: Page, click: string, ready: string): Promise<number> {
  // Passed as source text, so no transpiler helper leaks into the page.
  return (await page.evaluate(`new Promise((resolve, reject) => {
    const target = (${click});
    if (!target) return reject(new Error('Nothing to click: ' + ${JSON.stringify(click)}));
    const start = performance.now();
    const deadline = start + 30000;
    target.click();
    const check = () => {
      if (${ready}) resolve(performance.now() - start);
      else if (performance.now() > deadline) reject(new Error('Not ready after 30 s: ' + ${JSON.stringify(ready)}));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`)) as number;
}

const navLink = (name: string) =>
  `[...document.querySelectorAll('nav[aria-label="Screens"] a')].find((a) => a.textContent.trim().startsWith(${JSON.stringify(name)}))`;
const option = (label: string) =>
  `[...document.querySelectorAll('[role="option"]')].find((o) => o.textContent.trim() === ${JSON.stringify(label)})`;

interface Screen {
  name: string;
  link: string;
  /** The screen shows its data. */
  opened: string;
  /** How it is filtered, and when the filtered data shows. */
  filter: { combobox: string; option: string; shown: string };
}

const SCREENS: Screen[] = [
  {
    name: 'Team',
    link: 'Team',
    opened: `document.querySelectorAll('table[aria-label="People"] tbody tr').length >= 50`,
    filter: {
      combobox: 'Group',
      option: 'Kitchen',
      shown: `document.querySelectorAll('table[aria-label="People"] tbody tr').length === 10`,
    },
  },
  {
    name: 'Tasks',
    link: 'Tasks',
    opened: `!!document.querySelector('[role="list"][aria-label="Tasks"] > [role="listitem"]')`,
    filter: {
      combobox: 'Show for',
      option: 'Person 07',
      shown: `(() => { const l = document.querySelector('[role="list"][aria-label="Tasks"]'); const i = l && l.querySelector(':scope > [role="listitem"]'); return !!i && !l.hasAttribute('aria-busy') && i.getAttribute('aria-label').includes('Person 07'); })()`,
    },
  },
  {
    name: 'Exposure',
    link: 'Exposure',
    opened: `!!document.querySelector('[role="list"][aria-label="Findings"] > [role="listitem"]')`,
    filter: {
      combobox: 'Show for',
      option: 'Person 07',
      shown: `(() => { const l = document.querySelector('[role="list"][aria-label="Findings"]'); const i = l && l.querySelector(':scope > [role="listitem"]'); return !!i && !l.hasAttribute('aria-busy') && i.getAttribute('aria-label').includes('Person 07'); })()`,
    },
  },
  {
    name: 'Accounts',
    link: 'Accounts',
    opened: `document.querySelectorAll('[role="table"][aria-label="Accounts"] [role="row"]').length > 5`,
    filter: {
      combobox: 'Show for',
      option: 'Person 07',
      shown: `[...document.querySelectorAll('[role="table"][aria-label="Accounts"] [role="row"]')].slice(1).every((r) => r.textContent.includes('Person 07')) && document.body.textContent.includes('100 accounts')`,
    },
  },
];

/** Runs the UI benchmark: the office is built once, then each screen is opened and filtered `runs` times. */
export async function runUiBench(options: BenchOptions): Promise<BenchResult> {
  const people = options.sizes?.[0] ?? DEFAULT_UI_SIZES[0]!;
  const runs = Math.max(1, options.runs);
  const seedStart = performance.now();
  const office = await seedOffice(people);
  const seedMs = performance.now() - seedStart;
  console.log(
    `Built ${people} people, ${office.accounts} accounts, ${office.findings} open findings, ${office.tasks} tasks in ${(seedMs / 1000).toFixed(1)} s.`,
  );
  const app = await launchApp({ dataDir: office.dataDir, viewport: { width: 1280, height: 820 } });
  const rows: string[][] = [];
  const goals: Goal[] = [];
  try {
    const page = app.page;
    for (const screen of SCREENS) {
      const first: number[] = [];
      const again: number[] = [];
      const filtered: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        // From another screen; the first run of each screen fetches its data from main.
        await page.evaluate(`location.hash = '#/people'`);
        await page.getByRole('heading', { name: 'People', level: 2 }).waitFor();
        if (run === 0) {
          // Forget what earlier screens cached, so this open fetches from main.
          await page.evaluate(`location.reload()`);
          await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
        }
        (run === 0 ? first : again).push(await timed(page, navLink(screen.link), screen.opened));
        if (run === 0) {
          await page.evaluate(`location.hash = '#/people'`);
          await page.getByRole('heading', { name: 'People', level: 2 }).waitFor();
          again.push(await timed(page, navLink(screen.link), screen.opened));
        }
        await page.getByRole('combobox', { name: screen.filter.combobox }).click();
        await page.getByRole('option', { name: screen.filter.option, exact: true }).waitFor();
        filtered.push(await timed(page, option(screen.filter.option), screen.filter.shown));
      }
      const target = (ms: number, limit: number) => `${Math.round(ms)} ms${ms <= limit ? '' : ' (over)'}`;
      goals.push(
        {
          figure: `${screen.name}: open (data from main), ${people} people`,
          measured: `${Math.round(median(first))} ms`,
          goal: '≤ 300 ms',
          met: median(first) <= 300,
        },
        {
          figure: `${screen.name}: filter to one person or group`,
          measured: `${Math.round(median(filtered))} ms`,
          goal: '≤ 100 ms',
          met: median(filtered) <= 100,
        },
      );
      rows.push([
        screen.name,
        target(median(first), 300),
        target(median(again), 300),
        target(median(filtered), 100),
      ]);
      console.log(
        `${screen.name}: open ${first.map(Math.round).join('/')} ms, again ${again.map(Math.round).join('/')} ms, filter ${filtered.map(Math.round).join('/')} ms`,
      );
    }
    // The "Won't do…" dialog on a long Tasks list (it took 3.6 s with 2,071 accounts before).
    await page.evaluate(`location.hash = '#/tasks'`);
    await page.locator('[role="list"][aria-label="Tasks"] > [role="listitem"]').first().waitFor();
    const dialog: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      dialog.push(
        await timed(
          page,
          `[...document.querySelectorAll('[role="list"][aria-label="Tasks"] button')].find((b) => b.textContent.includes("Won't do"))`,
          `!!document.querySelector('[role="dialog"] textarea')`,
        ),
      );
      await page.keyboard.press('Escape');
      await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
    }
    rows.push(['Tasks: "Won\'t do…" dialog', '—', `${Math.round(median(dialog))} ms`, '—']);
  } finally {
    await app.close();
    rmSync(office.dataDir, { recursive: true, force: true });
  }
  const markdown = `## UI: a ${people}-person office (browser target)\n\n${office.accounts.toLocaleString('en-US')} accounts, ${office.findings.toLocaleString('en-US')} open findings, ${office.tasks.toLocaleString('en-US')} tasks (built through the services in ${(seedMs / 1000).toFixed(1)} s). Median of ${runs} runs, from the click to the first frame showing the data, measured in the page; load average ${loadAverage()}.\n\n${markdownTable(
    ['Screen', 'Open (data from main)', 'Open again (cached)', 'Filter to one person or group'],
    rows,
  )}\n\nTargets: open ≤ 300 ms, filter ≤ 100 ms ("(over)" marks a miss).`;
  return { markdown, goals };
}
