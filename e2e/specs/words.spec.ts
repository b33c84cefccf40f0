import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../fixtures/app';
import { wordingProblems } from '../fixtures/words';
import { format } from '../../common/messages/format';
import { IMPORT_FORMATS } from '../../common/domain/import/index';
import { parseGuideText } from '../../common/content/guides/loader';
import { GUIDE_EFFECT_TYPES } from '../../common/content/guides';
import type { LaunchedApp } from '../fixtures/app';
import { ERASE_CONFIRMATION } from '../../common/domain/dataSafety/confirm';
import { PeoplePage } from '../pages/PeoplePage';

/**
 * Issue #16: every word comes from the message catalogue. The journeys run in the pseudo-locale
 * ("[Ŝéţţîñĝš~~~~]": our words accented and ~40 % longer), so a word written into a screen instead
 * of the catalogue shows as plain ASCII, and a layout that cannot take longer words cuts text off.
 */

const EXPORTS = resolve(import.meta.dirname, '../fixtures/exports');
const DATA = resolve(import.meta.dirname, '../../electron/data');
const CHROME = `${EXPORTS}/chrome.csv`;
const GUIDES = `${DATA}/guides`;
/** The guide the guide journey follows. */
const TWO_STEP_GUIDE = 'turn-on-two-step-sign-in';
const STAFF = resolve(import.meta.dirname, '../fixtures/team/staff.csv');
const BAD_GUIDE = resolve(import.meta.dirname, '../fixtures/guides/bad-guide.json');

/**
 * The person's data (names, addresses, usernames) and the public datasets' names: never translated.
 * `guides` names the guides whose whole content a journey shows: a guide's words are authored
 * content, translated as whole files, never catalogue strings (every guide's title and summary are
 * allowed, as the library lists them all).
 */
function allowedWords(guides: readonly string[] = []): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.match(/[A-Za-z]{3,}/g) ?? []) words.add(word.toLowerCase());
  };
  for (const guide of bundledGuides()) {
    add(`${guide.title} ${guide.summary}`);
    if (guides.includes(guide.id)) addStrings(guide, add);
  }
  const rows = Papa.parse<Record<string, string>>(readFileSync(CHROME, 'utf8'), { header: true }).data;
  const domains = new Set<string>();
  for (const row of rows) {
    // Never the password column: it is not shown, and must not be allowed to be.
    for (const column of ['name', 'url', 'username']) add(row[column] ?? '');
    for (const host of (row.url ?? '').match(/[a-z0-9.-]+\.[a-z]{2,}/gi) ?? [])
      domains.add(host.split('.').slice(-2).join('.').toLowerCase());
  }
  const breaches = JSON.parse(readFileSync(`${DATA}/hibp-breaches.json`, 'utf8')) as {
    Name: string;
    Title: string;
    Domain: string;
    DataClasses: string[];
  }[];
  for (const breach of breaches) {
    // Breach names are proper nouns, wherever they show; data classes only for the export's sites.
    add(`${breach.Name} ${breach.Title}`);
    if (!domains.has(breach.Domain.split('.').slice(-2).join('.').toLowerCase())) continue;
    add(`${breach.Domain} ${breach.DataClasses.join(' ')}`);
  }
  // The app names a site by the 2FA directory's entry for it: found by the entry's own or additional
  // domains, or through a domain that shares its login (steamcommunity.com → Steam).
  const registrable = (domain: string) => domain.split('.').slice(-2).join('.').toLowerCase();
  const groups = JSON.parse(readFileSync(`${DATA}/shared-credentials.json`, 'utf8')) as {
    shared?: string[];
    from?: string[];
    to?: string[];
  }[];
  for (const group of groups) {
    const members = [...(group.shared ?? []), ...(group.from ?? []), ...(group.to ?? [])].map(registrable);
    if (members.some((member) => domains.has(member))) for (const member of members) domains.add(member);
  }
  const directory = JSON.parse(readFileSync(`${DATA}/2fa-directory.json`, 'utf8')) as {
    entries: { name: string; domain: string; 'additional-domains'?: string[] }[];
  };
  for (const entry of directory.entries) {
    const own = [entry.domain, ...(entry['additional-domains'] ?? [])].map(registrable);
    if (own.some((domain) => domains.has(domain))) add(entry.name);
  }
  // Product names (the password managers an export can come from), dates' month names, our name.
  for (const { label } of Object.values(IMPORT_FORMATS)) add(label);
  add(
    'Bitwarden LastPass Chrome Edge Opera Brave Vivaldi Firefox Safari KeePass KeePassXC Dashlane Proton Pass',
  );
  add('NordPass Keeper RoboForm Enpass Zoho Vault Passbolt Sticky Password Psono Kaspersky Avira');
  add('January February March April May June July August September October November December Lockstep');
  return words;
}

/** The bundled guides, read as the app reads them (JSON, then the guide schema). */
function bundledGuides() {
  return readdirSync(GUIDES)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const parsed = parseGuideText(readFileSync(`${GUIDES}/${name}`, 'utf8'), name);
      if (!parsed.ok) throw new Error(`${name} is not a valid guide`);
      return parsed.guide;
    });
}

/** Every string in a guide (its words; web addresses are never shown as text but hold no words of ours). */
function addStrings(value: unknown, add: (text: string) => void): void {
  if (typeof value === 'string') add(value);
  else if (Array.isArray(value)) for (const item of value) addStrings(item, add);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) addStrings(item, add);
}

/** Plain ASCII words on screen that are neither pseudo-localised nor the person's data. */
async function untranslated(scope: Locator, allowed: Set<string>): Promise<string[]> {
  let text = await scope.innerText();
  // A dataset's own English (a breach's description, an incident's summary) is marked with its
  // language (lang="en"): it is the source's text, not Lockstep's words.
  for (const foreign of await scope.locator('[lang]').allInnerTexts()) text = text.replace(foreign, ' ');
  const found: string[] = [];
  for (const match of text.matchAll(/(?<![\p{L}\p{N}])[A-Za-z]{3,}(?![\p{L}])/gu)) {
    if (allowed.has(match[0].toLowerCase())) continue;
    // The word with a little of its line, to find where it comes from.
    found.push(`${match[0]} in “${text.slice(Math.max(0, match.index - 30), match.index + 30).trim()}”`);
  }
  return [...new Set(found)];
}

/**
 * Text cut off by the layout: an element that hides its overflow (or ends in an ellipsis) whose
 * content is wider than it. Truncated user data that carries its full text in a `title` is meant.
 */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      // Visually hidden text (for screen readers) is 1 px wide on purpose.
      if (element.scrollWidth <= element.clientWidth + 1 || element.clientWidth <= 1) continue;
      const style = getComputedStyle(element);
      const hides =
        style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
      if (!hides || element.closest('[title]')) continue;
      // Only elements that hold text themselves (a scroller's rows are not cut off).
      const ownText = Array.from(element.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
      if (ownText !== '') found.push(ownText.slice(0, 80));
    }
    return found;
  });
}

async function expectAllWords(page: Page, scope: Locator, allowed: Set<string>, where: string) {
  expect(await untranslated(scope, allowed), `words outside the catalogue on ${where}`).toEqual([]);
  expect(wordingProblems(await scope.innerText()), `wording on ${where}`).toEqual([]);
  expect(await cutOff(page), `text cut off on ${where}`).toEqual([]);
}

test.describe('in the pseudo-locale', () => {
  test.use({ pseudoLocale: true });

  test('the main journeys show only catalogue words, none cut off: first start, import, exposure, accounts, tasks, dashboard', async ({
    app,
  }) => {
    const { page } = app;
    const allowed = allowedWords();
    const body = page.locator('body');
    const go = async (screen: Parameters<typeof format>[0]) => {
      await page
        .getByRole('navigation', { name: format('nav.screens') })
        .getByRole('link', { name: format(screen) })
        .click();
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    };

    // First start: the empty dashboard says what to do first.
    await expect(page.getByRole('heading', { name: format('dashboard.empty.title') })).toBeVisible();
    await expectAllWords(page, body, allowed, 'the first dashboard');

    // Import a browser export, through the preview.
    await go('nav.accounts');
    await expectAllWords(page, body, allowed, 'the empty accounts screen');
    await page
      .getByRole('button', { name: format('exposure.import') })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: format('dashboard.empty.import') });
    await expect(dialog).toBeVisible();
    await expectAllWords(page, dialog, allowed, 'the import dialog');
    await app.answerNextFile(CHROME);
    await dialog.getByRole('button', { name: format('import.choose.file') }).click();
    await expect(dialog.getByRole('table', { name: format('import.table') })).toBeVisible();
    await expectAllWords(page, dialog, allowed, 'the import preview');
    // Raw identifiers are shown by name: the app by its service, the encoded domain in Unicode.
    await expect(dialog).toContainText('Instagram');
    await expect(dialog).toContainText('bücher.ch');
    await dialog.getByRole('button', { name: /\d/ }).click();
    await expect(dialog.getByRole('status')).toContainText(format('import.finished'));
    await expectAllWords(page, dialog, allowed, 'the import summary');
    await dialog.getByRole('button', { name: format('import.seeWhatToFix') }).click();

    // What to fix, worst first.
    await expect(page.getByRole('list', { name: format('exposure.list') })).toBeVisible();
    await expectAllWords(page, body, allowed, 'the exposure screen');

    await go('nav.accounts');
    await expect(page.getByRole('table', { name: format('nav.accounts') })).toBeVisible();
    await expectAllWords(page, body, allowed, 'the accounts screen');

    await go('nav.tasks');
    await expect(page.getByRole('list', { name: format('nav.tasks') })).toBeVisible();
    await expectAllWords(page, body, allowed, 'the tasks screen');

    await go('nav.dashboard');
    await expect(page.getByText(format('dashboard.score.title'))).toBeVisible();
    await expectAllWords(page, body, allowed, 'the dashboard');
  });

  test('the guide screens show only catalogue words, none cut off: library, a guide, guide mode at 1024×700, the summary, a checklist board', async ({
    app,
  }) => {
    test.slow(); // a long journey, on a shared machine
    const { page } = app;
    // The helper's name is typed in the journey: the person's data.
    const allowed = allowedWords([TWO_STEP_GUIDE]);
    allowed.add('sam');
    const body = page.locator('body');
    const screens = page.getByRole('navigation', { name: format('nav.screens') });
    await importChrome(app);

    // The library, with the guide for two-step sign-in open.
    await screens.getByRole('link', { name: format('nav.guides') }).click();
    const library = page.getByRole('list', { name: format('guides.library') });
    await library.getByRole('listitem').filter({ hasText: 'Turn on two-step sign-in' }).first().click();
    const reader = page.getByRole('region', { name: 'Turn on two-step sign-in', exact: true });
    await expect(reader.getByText(format('step.position', { number: 1, total: 5 }))).toBeVisible();
    await expectAllWords(page, body, allowed, 'the guide library');

    // A guide file with mistakes, refused: the problems are worded for its author by the catalogue.
    // What the file says (its keys, values, the JSON paths into it) and the format's effect names
    // are the author's words, shown as written.
    const refusedWords = new Set(allowed);
    const addWords = (text: string) => {
      for (const word of text.match(/[A-Za-z]{3,}/g) ?? []) refusedWords.add(word.toLowerCase());
    };
    const badGuide = readFileSync(BAD_GUIDE, 'utf8');
    addWords(`bad-guide.json ${badGuide} ${GUIDE_EFFECT_TYPES.join(' ')}`);
    await app.answerNextFile(BAD_GUIDE);
    await page.getByRole('button', { name: format('guides.import') }).click();
    const refused = page.getByRole('dialog', { name: format('guides.importRefused') });
    await expect(refused.getByRole('list', { name: format('guides.importProblems') })).toContainText(
      format('guideFile.step.noSource'),
    );
    await expectAllWords(page, refused, refusedWords, 'a refused guide file');
    await refused.getByRole('button', { name: format('guides.ok') }).click();

    // Started from the library, for the Dropbox account.
    await reader.getByRole('button', { name: format('guides.start') }).click();
    const start = page.getByRole('dialog', {
      name: format('guides.startDialog.title', { guide: 'Turn on two-step sign-in' }),
    });
    const account = start.getByRole('combobox', { name: format('guides.startDialog.account') });
    await account.click();
    await account.fill('dropbox');
    await page
      .getByRole('option', { name: /dropbox/i })
      .first()
      .click();
    await expectAllWords(page, start, allowed, 'starting a guide');
    await start.getByRole('button', { name: format('guides.startDialog.submit') }).click();

    // Steps answered in the normal view: yes, skip and back, a note, the blocked form.
    const steps = page.getByRole('navigation', { name: format('guideRun.steps') });
    const step = page.getByRole('region', {
      name: new RegExp(`^${escape(format('step.position', { number: 0, total: 5 })).replace('0', '\\d+')}$`),
    });
    await expect(steps).toBeVisible();
    await expectAllWords(page, body, allowed, 'a guide');
    const yes = new RegExp(`^(?:${escape(format('step.yesDone'))}|${escape(format('step.markDone'))})$`);
    await step.getByRole('button', { name: yes }).click();
    await expect(step).toHaveAccessibleName(format('step.position', { number: 2, total: 5 }));
    await step.getByRole('button', { name: format('step.skip') }).click();
    await expect(step).toHaveAccessibleName(format('step.position', { number: 3, total: 5 }));
    const second = format('guideRun.stepButton', { number: 2, title: '\u0004', status: '' }).split(
      '\u0004',
    )[0]!;
    await steps.getByRole('button', { name: new RegExp(`^${escape(second)}`) }).click();
    await expect(step.getByRole('button', { name: format('step.reset') })).toBeVisible();
    await expectAllWords(page, body, allowed, 'a skipped step');
    await step.getByRole('button', { name: format('step.reset') }).click();
    await step.getByRole('button', { name: format('step.addNote') }).click();
    await step.getByRole('textbox', { name: format('step.note.label') }).fill('Sam');
    await step.getByRole('button', { name: format('step.note.submit') }).click();
    await step.getByRole('button', { name: format('step.block') }).click();
    await expect(step.getByRole('textbox', { name: format('step.blocked.label') })).toBeVisible();
    await expectAllWords(page, body, allowed, 'a step with a note, being marked blocked');
    await step.getByRole('button', { name: format('common.cancel') }).click();
    await step.getByRole('button', { name: yes }).click();
    await expect(page.getByText(format('guideRun.marked', { marked: 2, total: 5 }))).toBeVisible();

    // Guide mode, on a small laptop screen: the rest by keyboard.
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByRole('button', { name: format('guideRun.guideMode') }).click();
    const mode = page.getByRole('dialog', { name: format('guideRun.guideMode') });
    const helper = mode.getByRole('textbox', { name: format('guideMode.helper.label') });
    await expect(helper).toBeFocused();
    await expectAllWords(page, mode, allowed, 'guide mode: who is helping');
    await helper.fill('Sam');
    await page.keyboard.press('Enter');
    await expect(mode.getByText(format('guideRun.helper', { name: 'Sam' }))).toBeVisible();
    await expectAllWords(page, mode, allowed, 'guide mode');
    await page.keyboard.press('d'); // 3
    await expect(mode).toContainText(format('step.position', { number: 4, total: 5 }));
    await page.keyboard.press('d'); // 4
    await expect(mode).toContainText(format('step.position', { number: 5, total: 5 }));
    await page.keyboard.press('d'); // 5: which method?
    const method = mode.getByRole('radio', { name: format('inventory.mfa.totp') });
    await expect(method).toBeFocused();
    await expectAllWords(page, mode, allowed, 'guide mode: which method');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await expect(mode.getByText(format('guideMode.allMarked'))).toBeVisible();
    await expectAllWords(page, mode, allowed, 'guide mode: every step marked');
    await page.keyboard.press('f');

    const summary = page.getByRole('article', { name: format('summary.label') });
    await expect(summary).toBeVisible();
    await expect(summary).toContainText(
      format('summary.progressLine', { done: 5, total: 5, skipped: 0, blocked: 0, pending: 0 }),
    );
    await expectAllWords(page, body, allowed, 'the summary');
    await page.setViewportSize({ width: 1280, height: 820 });

    // A checklist for the person (started as the Team screen does), and its board.
    const people = (await api(page, 'people:list', {})) as { id: number }[];
    await api(page, 'checklists:start', { guideId: TWO_STEP_GUIDE, personIds: people.map((p) => p.id) });
    await screens.getByRole('link', { name: format('nav.guides') }).click();
    // The guide followed is the one open in the library (another guide's text is not allowed here).
    await library.getByRole('listitem').filter({ hasText: 'Turn on two-step sign-in' }).first().click();
    await expect(reader).toBeVisible();
    const checklists = page.getByRole('region', { name: format('guides.runs.checklists') });
    await expect(page.getByRole('region', { name: format('guides.runs.finished') })).toBeVisible();
    await expectAllWords(page, body, allowed, 'the guides under way and finished');
    await checklists.getByRole('button', { name: format('guides.runs.openBoard') }).click();
    const board = page.getByRole('list', { name: format('checklist.people') });
    await expect(board.getByRole('listitem')).toHaveCount(people.length);
    await expectAllWords(page, body, allowed, 'the checklist board');
    await board
      .getByRole('button', { name: format('checklist.continue') })
      .first()
      .click();
    await expect(page.getByRole('button', { name: format('guideRun.backToChecklist') })).toBeVisible();
    await expectAllWords(page, body, allowed, 'a run of the checklist');
  });

  test('the office shows only catalogue words, none cut off: people, staff import, team, reports, breaches and notices, mailbox scan, settings, and the account, dismiss and restore dialogs', async ({
    app,
    dataDir,
  }) => {
    const { page } = app;
    const allowed = allowedWords();
    const allow = (text: string) => {
      for (const word of text.match(/[A-Za-z]{3,}/g) ?? []) allowed.add(word.toLowerCase());
    };
    // The test's own data: the staff list (names, addresses, roles, departments and the bad row),
    // the people and notice it adds, where the data lives, the file names Lockstep writes, and the
    // companies of the bundled incidents.
    allow(readFileSync(STAFF, 'utf8'));
    allow('Sam sam.morgan@example.net Acme');
    allow(join(dataDir, 'backups'));
    allow('lockstep-export.json');
    // The phrase a person types to confirm erasing (main compares it exactly): a token, not prose.
    allow(ERASE_CONFIRMATION);
    const incidents = JSON.parse(readFileSync(`${DATA}/incidents.json`, 'utf8')) as {
      incidents: { provider: string }[];
    };
    for (const incident of incidents.incidents) allow(incident.provider);
    const body = page.locator('body');
    const go = async (screen: Parameters<typeof format>[0]) => {
      await page
        .getByRole('navigation', { name: format('nav.screens') })
        .getByRole('link', { name: format(screen) })
        .click();
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    };

    // People: add someone and an address, then import the staff list through its dialog.
    const people = new PeoplePage(page);
    await people.open();
    await expectAllWords(page, body, allowed, 'the people screen');
    await people.add('Sam');
    await people.addEmail('Sam', 'sam.morgan@example.net');
    await expect(people.card('Sam')).toContainText('sam.morgan@example.net');
    await page.getByRole('button', { name: format('people.importStaff') }).click();
    const staff = page.getByRole('dialog', { name: format('staffImport.title') });
    await expectAllWords(page, staff, allowed, 'the staff import dialog');
    await app.answerNextFile(STAFF);
    await staff.getByRole('button', { name: format('staffImport.choose') }).click();
    await expect(staff.getByRole('table', { name: format('staffImport.table') })).toBeVisible();
    await expectAllWords(page, staff, allowed, 'the staff import preview');
    await staff.getByRole('button', { name: format('staffImport.confirm', { count: 3 }) }).click();
    await expect(staff.getByRole('status')).toContainText(format('staffImport.done'));
    await expectAllWords(page, staff, allowed, 'the staff import summary');
    await staff.getByRole('button', { name: format('import.done') }).click();
    await expect(staff).toBeHidden();
    await expectAllWords(page, body, allowed, 'the people screen with the staff');
    await people
      .card('Sam')
      .getByRole('button', { name: format('people.deleteNamed', { name: 'Sam' }) })
      .click();
    const deleting = page.getByRole('dialog', { name: format('people.deleteTitle', { name: 'Sam' }) });
    await expectAllWords(page, deleting, allowed, 'deleting a person');
    await deleting.getByRole('button', { name: format('people.keep') }).click();

    // Import the browser export, as the first journey does (it ends on the accounts screen).
    await importChrome(app);

    // The account form.
    await page
      .getByRole('button', { name: format('accounts.add') })
      .first()
      .click();
    const form = page.getByRole('dialog', { name: format('accountForm.addTitle') });
    await expect(form).toBeVisible();
    await expectAllWords(page, form, allowed, 'the account form');
    await form.getByRole('button', { name: format('common.cancel') }).click();
    await expect(form).toBeHidden();

    // Setting a finding aside.
    await go('nav.exposure');
    await page
      .getByRole('list', { name: format('exposure.list') })
      .getByRole('button', { name: format('exposure.card.setAside') })
      .first()
      .click();
    const dismiss = page.getByRole('dialog', { name: format('dismiss.title') });
    await expectAllWords(page, dismiss, allowed, 'the dismiss dialog');
    await dismiss.getByRole('button', { name: format('dismiss.keepOpen') }).click();
    await expect(dismiss).toBeHidden();

    // The team, a coverage list, and the checklist dialog.
    await go('nav.team');
    await expect(page.getByRole('table', { name: format('nav.people') })).toBeVisible();
    await expect(page.getByRole('region', { name: format('team.recent') })).toBeVisible();
    await expectAllWords(page, body, allowed, 'the team screen');
    await page
      .getByRole('region', { name: format('team.coverage') })
      .getByRole('button')
      .first()
      .click();
    const figure = page.getByRole('dialog');
    await expect(figure.getByRole('region').first()).toBeVisible();
    await expectAllWords(page, figure, allowed, 'a coverage list');
    await figure.getByRole('button', { name: format('common.close') }).click();
    await expect(figure).toBeHidden();
    await page.getByRole('button', { name: format('team.startChecklist') }).click();
    const checklist = page.getByRole('dialog', { name: format('checklistDialog.title') });
    await expectAllWords(page, checklist, allowed, 'the checklist dialog');
    await checklist.getByRole('button', { name: format('common.cancel') }).click();

    await go('nav.reports');
    await expect(page.getByRole('region', { name: format('reports.team.title') })).toBeVisible();
    await expectAllWords(page, body, allowed, 'the reports screen');

    // Breaches: a breach of a site in the export, then the notices, with one recorded.
    await go('nav.breaches');
    await page.getByRole('textbox', { name: format('breaches.search') }).fill('Adobe');
    await expect(
      page.getByRole('region', { name: format('breaches.card', { title: 'Adobe' }) }),
    ).toBeVisible();
    await expectAllWords(page, body, allowed, 'the breaches screen');
    await page.getByRole('tab', { name: format('breaches.tab.notices') }).click();
    await expect(page.getByRole('region', { name: format('notices.incidents') })).toBeVisible();
    await expectAllWords(page, body, allowed, 'the notices panel');
    await page.getByRole('button', { name: format('notices.record') }).click();
    const notice = page.getByRole('dialog', { name: format('notices.dialog.title') });
    await expectAllWords(page, notice, allowed, 'the notice form');
    await notice.getByRole('textbox', { name: format('notices.form.company') }).fill('Acme');
    await notice.getByRole('button', { name: format('notices.form.submit') }).click();
    await expect(notice).toBeHidden();
    const recorded = page.getByRole('list', { name: format('notices.list') }).getByRole('listitem');
    await expect(recorded).toHaveCount(1);
    // The guide it offers is the guide screens' words (their own test); closed here.
    const offer = page.getByRole('dialog');
    const offered = await offer.waitFor({ state: 'visible', timeout: 3_000 }).then(
      () => true,
      () => false,
    );
    if (offered) {
      await page.keyboard.press('Escape');
      await expect(offer).toBeHidden();
    }
    await expectAllWords(page, body, allowed, 'the notices panel with a notice');

    await go('nav.mailScan');
    await expectAllWords(page, body, allowed, 'the mailbox scan screen');

    // Settings, all of it, with a backup made and the restore dialog open on it.
    await go('nav.settings');
    const backups = page.getByRole('region', { name: format('dataSafety.backups.title') });
    await backups.getByRole('button', { name: format('dataSafety.backups.now') }).click();
    const backupTable = backups.getByRole('table', { name: format('dataSafety.backups.table') });
    await expect(backupTable.getByRole('button').first()).toBeVisible();
    await expectAllWords(page, body, allowed, 'the settings screen');
    await backupTable.getByRole('button').first().click();
    const restore = page.getByRole('dialog', { name: format('restore.title') });
    await expect(restore.getByRole('list', { name: format('dataSafety.summary.label') })).toBeVisible();
    await expectAllWords(page, restore, allowed, 'the restore dialog');
    await restore.getByRole('button', { name: format('common.cancel') }).click();
    await expect(restore).toBeHidden();
    await page.getByRole('button', { name: format('dataSafety.erase.button') }).click();
    const erase = page.getByRole('dialog', { name: format('dataSafety.erase.confirmTitle') });
    await expectAllWords(page, erase, allowed, 'the erase dialog');
    await erase.getByRole('button', { name: format('common.cancel') }).click();
  });
});

/** Imports the Chrome export through the import dialog (its words are checked by the first journey). */
async function importChrome(app: LaunchedApp): Promise<void> {
  const { page } = app;
  await page
    .getByRole('navigation', { name: format('nav.screens') })
    .getByRole('link', { name: format('nav.accounts') })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: format('nav.accounts') })).toBeVisible();
  await page
    .getByRole('button', { name: format('exposure.import') })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: format('dashboard.empty.import') });
  await app.answerNextFile(CHROME);
  await dialog.getByRole('button', { name: format('import.choose.file') }).click();
  await expect(dialog.getByRole('table', { name: format('import.table') })).toBeVisible();
  await dialog.getByRole('button', { name: /\d/ }).click();
  await expect(dialog.getByRole('status')).toContainText(format('import.finished'));
  await dialog.getByRole('button', { name: format('import.done'), exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Calls a channel as the renderer does, for set-up the journey does not walk through. */
async function api(page: Page, channel: string, request: unknown): Promise<unknown> {
  const result = (await page.evaluate(
    ([name, payload]) =>
      (window as unknown as { lockstep: Record<string, (r: unknown) => Promise<unknown>> }).lockstep[name]!(
        payload,
      ),
    [channel, request] as const,
  )) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message);
  return result.value;
}

/** `text` matched literally in a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('the wording scan finds raw identifiers, placeholders and wrong plurals', () => {
  expect(
    wordingProblems(
      'Instagram (Android app) · com.instagram.android · xn--bcher-kva.ch · Replace {item} · 1 rows skipped · 0 person · 2 account',
    ),
  ).toEqual([
    'raw Android app id: com.instagram.android',
    'domain in its encoded form: xn--bcher-kva.ch',
    'unfilled placeholder: {item}',
    'count with the wrong plural: 1 rows',
    'count with the wrong plural: 0 person',
    'count with the wrong plural: 2 account',
  ]);
  expect(
    wordingProblems(
      '1 account · 2 accounts · 12 people · step 2 of 5 · 2 account families · version 0.1.0 · me.com',
    ),
  ).toEqual([]);
});
