// Any screen, any eyes (issue #16): every screen and dialog in both colour schemes, at full size, at
// 200 % zoom (a 1280×820 window is a 640×410 layout) and 320 CSS px wide — no serious accessibility
// violation, no sideways scrolling of the page, the navigation and the accounts reachable — and the
// main journeys by keyboard alone.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { DATABASE_FILE } from '../../electron/db/connection';
import { garblePages } from '../../electron/testing/dataFiles';
import { test, expect, type LaunchedApp } from '../fixtures/app';
import { ImportPage } from '../pages/ImportPage';

const BITWARDEN = resolve(import.meta.dirname, '../fixtures/exports/bitwarden.csv');

// Twelve independent tests (each its own app and data folder) that take half the suite's time:
// shared between the workers rather than run one after another on one of them.
test.describe.configure({ mode: 'parallel' });

const seriousViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
};

/**
 * What scrolls sideways, besides the data tables (which may): the page itself, or any scrolling
 * container of the screen.
 */
const sidewaysScrolling = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) found.push(`page ${root.scrollWidth} > ${window.innerWidth}`);
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (element.scrollWidth <= element.clientWidth + 1) continue;
      const style = getComputedStyle(element);
      if (!['auto', 'scroll'].includes(style.overflowX) || style.visibility === 'hidden') continue;
      if (element.closest('[role="table"], table') || element.querySelector(':scope > table')) continue;
      // A data table in its own scroll area (Mantine's ScrollArea) may scroll sideways.
      if (
        /ScrollArea-viewport|Table-scrollContainer/.test(element.className) &&
        element.querySelector('table')
      )
        continue;
      if (element.getClientRects().length === 0) continue;
      found.push(
        `${element.tagName.toLowerCase()}.${element.className} ${element.scrollWidth} > ${element.clientWidth}`,
      );
    }
    return found;
  });

const SIZES = [
  { name: 'full size', width: 1280, height: 820 },
  { name: '200 % zoom', width: 640, height: 410 },
  { name: '320 px wide', width: 320, height: 640 },
] as const;

/** Goes to a screen through the navigation, opening the menu first in a narrow window. */
async function go(page: Page, screen: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) {
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
  }
  const link = page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: screen });
  await link.scrollIntoViewIfNeeded();
  await expect(link).toBeInViewport();
  await link.click();
}

/** Imports the Bitwarden example at the default size, so every screen has something to show. */
async function seed(app: LaunchedApp): Promise<void> {
  await new ImportPage(app).importAll(BITWARDEN);
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const size of SIZES) {
    test(`every screen and dialog, ${colorScheme}, ${size.name}`, async ({ app }) => {
      test.setTimeout(120_000);
      const { page } = app;
      await seed(app);
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: size.width, height: size.height });
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);

      const check = async (what: string, visible: Locator) => {
        await expect(visible).toBeVisible();
        expect(await sidewaysScrolling(page), `${what}: sideways scrolling`).toEqual([]);
        expect(await seriousViolations(page), what).toEqual([]);
      };
      const heading = (name: string) => page.getByRole('heading', { name, level: 2, exact: true });

      await go(page, 'Dashboard');
      await check('dashboard', page.getByRole('region', { name: 'Next best action' }));
      await go(page, 'Team');
      await check('team', heading('Team'));
      await go(page, 'Exposure');
      await check('exposure', page.getByRole('list', { name: 'Findings' }));
      await go(page, 'Tasks');
      await check('tasks', page.getByRole('list', { name: 'Tasks' }));

      await go(page, 'Accounts');
      const table = page.getByRole('table', { name: 'Accounts' });
      const row = table.getByRole('row').filter({ hasText: 'Dropbox' });
      await row.scrollIntoViewIfNeeded();
      await expect(row, 'an account row is in view').toBeInViewport();
      const box = await table.boundingBox();
      expect(box?.height ?? 0, 'the accounts table keeps a usable height').toBeGreaterThan(200);
      await check('accounts', row);
      await row.getByRole('button', { name: /^Edit Dropbox/ }).click();
      const form = page.getByRole('dialog');
      await check('account form', form);
      const save = form.getByRole('button', { name: 'Save changes' });
      await save.scrollIntoViewIfNeeded();
      await expect(save, 'the dialog buttons are reachable').toBeInViewport();
      await page.keyboard.press('Escape');
      await expect(form).toBeHidden();

      await page.getByRole('button', { name: 'Import passwords' }).click();
      const importing = new ImportPage(app);
      await importing.choose(BITWARDEN);
      await check('import preview', importing.dialog.getByRole('table', { name: 'Accounts to import' }));
      await importing.dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(importing.dialog).toBeHidden();

      await go(page, 'Breaches');
      await check('breaches', heading('Breaches'));
      await go(page, 'Mailbox scan');
      await check('mailbox scan', heading('Scan a mailbox'));
      await go(page, 'People');
      await check('people', heading('People'));
      await go(page, 'Reports');
      await check('reports', heading('Reports'));

      await go(page, 'Guides');
      await check('guides', page.getByRole('list', { name: 'Guide library' }));
      await go(page, 'Exposure');
      await page
        .getByRole('list', { name: 'Findings' })
        .getByRole('listitem', { name: 'Turn on two-step sign-in at Dropbox' })
        .getByRole('button', { name: 'Guide me' })
        .click();
      const start = page.getByRole('dialog', { name: 'Follow a guide' });
      await check('start a guide', start);
      await start.getByRole('button', { name: 'Start guide' }).click();
      const step = page.getByRole('region', { name: /^Step \d+ of \d+$/ });
      await expect(step.getByRole('heading', { level: 3 })).toBeFocused();
      await check('a guide', step);
      await page.getByRole('button', { name: 'Guide mode' }).click();
      const guideMode = page.getByRole('dialog', { name: 'Guide mode' });
      await guideMode.getByRole('button', { name: 'Start guide mode' }).click();
      await expect(guideMode.getByRole('heading', { level: 2 })).toBeFocused();
      await check('guide mode', guideMode.getByRole('button', { name: /^Yes, done/ }));
      await page.keyboard.press('Escape');
      await expect(guideMode).toBeHidden();
      await page.getByRole('button', { name: 'Summary' }).click();
      await check('guide summary', page.getByRole('article', { name: 'Session summary' }));

      await go(page, 'Settings');
      await check('settings', heading('Settings'));
    });
  }
}

/** A dialog fits: no serious violation, nothing scrolls sideways, and its last button can be reached. */
async function checkDialog(page: Page, what: string, dialog: Locator): Promise<void> {
  await expect(dialog).toBeVisible();
  expect(await sidewaysScrolling(page), `${what}: sideways scrolling`).toEqual([]);
  expect(await seriousViolations(page), what).toEqual([]);
  const last = dialog.getByRole('button').last();
  await last.scrollIntoViewIfNeeded();
  await expect(last, `${what}: its last button is reachable`).toBeInViewport();
  const box = await dialog.boundingBox();
  const viewport = page.viewportSize();
  expect((box?.y ?? 0) + (box?.height ?? 0), `${what}: the dialog fits the window`).toBeLessThanOrEqual(
    viewport?.height ?? 0,
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const size of SIZES.slice(1)) {
    test(`the dialogs and the team's lists, ${colorScheme}, ${size.name}`, async ({ app }) => {
      test.setTimeout(120_000);
      const { page } = app;
      await seed(app);
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: size.width, height: size.height });

      await go(page, 'Tasks');
      await page.getByRole('button', { name: 'Add a task' }).click();
      await checkDialog(page, 'add a task', page.getByRole('dialog', { name: 'Add a task' }));
      const firstTask = page.getByRole('list', { name: 'Tasks' }).getByRole('listitem').first();
      await firstTask.getByRole('button', { name: 'Snooze…' }).click();
      await checkDialog(page, 'snooze a task', page.getByRole('dialog'));
      await firstTask.getByRole('button', { name: 'Assign…' }).click();
      await checkDialog(page, 'assign a task', page.getByRole('dialog', { name: 'Assign 1 task' }));

      await go(page, 'Exposure');
      await page
        .getByRole('list', { name: 'Findings' })
        .getByRole('listitem')
        .first()
        .getByRole('button', { name: 'Set aside…' })
        .click();
      await checkDialog(page, 'set a finding aside', page.getByRole('dialog', { name: 'Set this aside' }));

      await go(page, 'Breaches');
      await page.getByRole('tab', { name: 'Notices you received' }).click();
      await page.getByRole('button', { name: 'Record a notice…' }).click();
      await checkDialog(
        page,
        'record a notice',
        page.getByRole('dialog', { name: 'Record a breach notice' }),
      );

      await go(page, 'People');
      await page.getByRole('button', { name: 'Add person' }).click();
      await checkDialog(page, 'add a person', page.getByRole('dialog', { name: 'Add a person' }));
      await page.getByRole('button', { name: 'Import staff…' }).click();
      await checkDialog(
        page,
        'import staff',
        page.getByRole('dialog', { name: 'Import staff from a spreadsheet' }),
      );

      await go(page, 'Team');
      await page
        .getByRole('button', { name: /Show who$/ })
        .first()
        .click();
      await checkDialog(page, 'a coverage list', page.getByRole('dialog'));
      await page.getByRole('button', { name: 'Start a checklist…' }).click();
      const checklist = page.getByRole('dialog', { name: 'Start a checklist for several people' });
      await expect(checklist).toBeVisible();
      expect(await seriousViolations(page), 'start a checklist').toEqual([]);
      await checklist.getByRole('button', { name: 'Everyone' }).click();
      await checklist.getByRole('button', { name: /^Start for \d+ (people|person)$/ }).click();
      const board = page.getByRole('list', { name: 'Each person' });
      await expect(board).toBeVisible();
      expect(await sidewaysScrolling(page), 'checklist board: sideways scrolling').toEqual([]);
      expect(await seriousViolations(page), 'checklist board').toEqual([]);

      await go(page, 'Guides');
      await page.getByRole('button', { name: 'Start this guide' }).first().click();
      await checkDialog(page, 'start a guide from the library', page.getByRole('dialog'));

      await go(page, 'Settings');
      await page.getByRole('button', { name: 'Erase everything…' }).click();
      await checkDialog(page, 'erase everything', page.getByRole('dialog', { name: 'Erase everything?' }));
      await page.getByRole('button', { name: 'Back up now' }).click();
      await page
        .getByRole('button', { name: /^Restore the backup of/ })
        .first()
        .click();
      await checkDialog(page, 'restore a backup', page.getByRole('dialog', { name: 'Restore this backup?' }));
    });
  }
}

test('the recovery screen for a damaged data file, in both schemes at 320 px', async ({
  app,
  dataDir,
  restart,
}) => {
  await seed(app);
  await go(app.page, 'Settings');
  await app.page.getByRole('button', { name: 'Back up now' }).click();
  await expect(app.page.getByRole('button', { name: /^Restore the backup of/ }).first()).toBeVisible();
  const reopened = await restart({
    whileClosed: () => {
      expect(garblePages(join(dataDir, DATABASE_FILE))).toBeGreaterThan(0);
    },
  });
  const { page } = reopened;
  await page.setViewportSize({ width: 320, height: 640 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await sidewaysScrolling(page), `recovery, ${colorScheme}: sideways scrolling`).toEqual([]);
    expect(await seriousViolations(page), `recovery, ${colorScheme}`).toEqual([]);
    await page.getByRole('button', { name: 'Restore it' }).click();
    await checkDialog(page, `recovery's restore dialog, ${colorScheme}`, page.getByRole('dialog'));
  }
});

test('guide mode at 1024×700: the step, its question and its answers in view, the focus on its heading', async ({
  app,
}) => {
  const { page } = app;
  await seed(app);
  await page.setViewportSize({ width: 1024, height: 700 });
  await go(page, 'Exposure');
  await page
    .getByRole('list', { name: 'Findings' })
    .getByRole('listitem', { name: 'Turn on two-step sign-in at Dropbox' })
    .getByRole('button', { name: 'Guide me' })
    .click();
  await page
    .getByRole('dialog', { name: 'Follow a guide' })
    .getByRole('button', { name: 'Start guide' })
    .click();
  await page.getByRole('button', { name: 'Guide mode' }).click();
  const guideMode = page.getByRole('dialog', { name: 'Guide mode' });
  await guideMode.getByRole('button', { name: 'Start guide mode' }).click();
  for (let step = 1; step <= 3; step++) {
    const heading = guideMode.getByRole('heading', { level: 2 });
    await expect(heading).toBeFocused();
    for (const answer of [/^(Yes, done|Mark done)/, /^Skip for now/, /^Blocked/]) {
      await expect(guideMode.getByRole('button', { name: answer }), `step ${step}`).toBeInViewport({
        ratio: 1,
      });
    }
    await expect(heading, `step ${step}`).toBeInViewport({ ratio: 1 });
    // The question and the answers: the part of the step below its explanation, whole.
    await expect(guideMode.getByRole('main').locator(':scope > div').last()).toBeInViewport({ ratio: 1 });
    await page.keyboard.press('ArrowRight');
    await expect(guideMode.getByText(`Step ${step + 1} of`).first()).toBeVisible();
  }
});

test('a page printed in the dark scheme is printed light, and the screen stays dark', async ({ app }) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'dark' });
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.emulateMedia({ media: 'print' });
  expect(await seriousViolations(page), 'printed page').toEqual([]);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
});

test('the colour scheme follows the system until Settings says otherwise, and stays chosen', async ({
  app,
  restart,
}) => {
  await app.page.emulateMedia({ colorScheme: 'dark' });
  const html = app.page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await app.page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');

  await go(app.page, 'Settings');
  const appearance = app.page.getByRole('region', { name: 'Appearance' });
  await expect(appearance.getByRole('radio', { name: 'System' })).toBeChecked();
  await appearance.getByText('Dark', { exact: true }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  const background = await app.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(36, 36, 36)');

  // A new session (fresh browser storage) reads the choice from the data file.
  const reopened = await restart();
  await reopened.page.emulateMedia({ colorScheme: 'light' });
  await expect(reopened.page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await go(reopened.page, 'Settings');
  const again = reopened.page.getByRole('region', { name: 'Appearance' });
  await expect(again.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await again.getByText('System', { exact: true }).click();
  await expect(reopened.page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test('the menu in a narrow window: a button that says whether it is open, Escape closes it', async ({
  app,
}) => {
  const { page } = app;
  await page.setViewportSize({ width: 640, height: 410 });
  const menu = page.getByRole('button', { name: 'Menu' });
  const nav = page.getByRole('navigation', { name: 'Screens' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toHaveAttribute('aria-controls', 'app-navigation');
  await expect(nav).toBeHidden();
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  await page.keyboard.press('Space');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  // At 410 px high the menu scrolls (on its own, not the page) to its last screens.
  const settings = nav.getByRole('link', { name: 'Settings' });
  await settings.scrollIntoViewIfNeeded();
  await expect(settings).toBeInViewport();
  // Behind the open menu nothing takes the focus: Tab stays in the menu and the header.
  for (let i = 0; i < 14; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.closest('main') === null)).toBe(true);

  // A wide window has no menu button: the navigation is always there.
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(menu).toBeHidden();
  await expect(nav.getByRole('link', { name: 'Settings' })).toBeInViewport();
});

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, at most `limit` times: the keyboard's way
 * to reach it.
 */
async function tabTo(page: Page, target: Locator, { limit = 60, backwards = false } = {}): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

test('add an account, import, and fix a task through a guide, by keyboard alone at 200 % zoom', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const { page } = app;
  await page.setViewportSize({ width: 640, height: 410 });
  const menu = page.getByRole('button', { name: 'Menu' });
  const nav = page.getByRole('navigation', { name: 'Screens' });
  const goByKeyboard = async (screen: string) => {
    await tabTo(page, menu, { backwards: true });
    await page.keyboard.press('Enter');
    await tabTo(page, nav.getByRole('link', { name: screen }));
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
  };

  // Add an account.
  await goByKeyboard('Accounts');
  await tabTo(page, page.getByRole('button', { name: 'Add your first account' }));
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog');
  await expect(form.getByLabel('Service')).toBeFocused();
  await page.keyboard.type('Dropbox');
  await tabTo(page, form.getByLabel('Sign-in address'));
  await page.keyboard.type('dropbox.com');
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  await expect(page.getByRole('table', { name: 'Accounts' })).toContainText('dropbox.com');

  // Import a password manager's export.
  await tabTo(page, page.getByRole('button', { name: 'Import passwords' }));
  await page.keyboard.press('Enter');
  const importing = new ImportPage(app);
  await expect(importing.dialog).toBeVisible();
  await app.answerNextFile(BITWARDEN);
  await tabTo(page, importing.dialog.getByRole('button', { name: 'Choose file…' }));
  await page.keyboard.press('Enter');
  await tabTo(page, importing.dialog.getByRole('button', { name: /^Import \d+ accounts$/ }));
  await page.keyboard.press('Enter');
  await expect(importing.dialog.getByRole('status')).toContainText('Import finished');
  await tabTo(page, importing.dialog.getByRole('button', { name: 'Done', exact: true }));
  await page.keyboard.press('Enter');
  await expect(importing.dialog).toBeHidden();

  // Fix a task through its guide.
  await goByKeyboard('Tasks');
  const tasks = page.getByRole('list', { name: 'Tasks' });
  const task = tasks.getByRole('listitem').filter({ hasText: 'Turn on two-step sign-in at Dropbox' }).first();
  await tabTo(page, task.getByRole('button', { name: 'Guide me' }), { limit: 200 });
  await page.keyboard.press('Enter');
  const start = page.getByRole('dialog', { name: 'Follow a guide' });
  await tabTo(page, start.getByRole('button', { name: 'Start guide' }));
  await page.keyboard.press('Enter');
  const step = page.getByRole('region', { name: /^Step \d+ of \d+$/ });
  await expect(step.getByRole('heading', { level: 3 })).toBeFocused();
  await expect(page.getByText('0 of 5 steps done')).toBeVisible();
  await tabTo(page, step.getByRole('button', { name: /^Yes, done/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 of 5 steps done')).toBeVisible();
  await page.keyboard.press('Escape');
});
