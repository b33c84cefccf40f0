import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/db/connection';
import { garblePages } from '../../electron/testing/dataFiles';
import { test, expect } from '../fixtures/app';
import { AccountsPage } from '../pages/AccountsPage';
import { format } from '../../common/messages/format';

/** Serious and critical axe violations, on the page or (`within`) on one part of it. */
const seriousViolations = async (page: Page, within?: string) => {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (within ? builder.include(within) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
};

const openSettings = async (page: Page) => {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
};

/** Settings → Backups → "Back up now", waiting for it to be listed. */
const backUpNow = async (page: Page) => {
  const card = page.getByRole('region', { name: format('dataSafety.backups.title') });
  const mine = card.getByRole('row').filter({ hasText: format('dataSafety.backup.manual') });
  const before = await mine.count();
  await card.getByRole('button', { name: format('dataSafety.backups.now') }).click();
  await expect(mine).toHaveCount(before + 1);
};

test('start-up on a damaged database shows the recovery screen, and restoring from it works', async ({
  app,
  dataDir,
  restart,
}) => {
  const accounts = new AccountsPage(app.page);
  await accounts.open();
  await accounts.add({ service: 'LinkedIn', url: 'linkedin.com', mfa: 'None' });
  await openSettings(app.page);
  await backUpNow(app.page);

  const reopened = await restart({
    whileClosed: () => {
      expect(garblePages(join(dataDir, DATABASE_FILE))).toBeGreaterThan(0);
    },
  });
  const page = reopened.page;
  await expect(
    page.getByRole('heading', { name: 'Lockstep’s data file is damaged', level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('garbled pages');
  await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
  const newest = page.getByRole('region', { name: format('restore.newest') });
  await expect(newest.getByRole('list', { name: format('dataSafety.summary.label') })).toContainText(
    '1 account',
  );
  await expect(newest).toContainText('its chain verifies');
  await expect(page.getByRole('button', { name: format('restore.startEmpty') })).toBeVisible();
  expect(await seriousViolations(page), 'recovery screen').toEqual([]);

  await newest.getByRole('button', { name: format('restore.restoreIt') }).click();
  const dialog = page.getByRole('dialog', { name: format('restore.title') });
  await expect(dialog).toContainText(format('restore.damagedAside'));
  expect(await seriousViolations(page), 'restore dialog').toEqual([]);
  await dialog.getByRole('button', { name: format('restore.confirm') }).click();

  // The app runs on the restored data, and the damaged file is still there, set aside.
  const restored = new AccountsPage(page);
  await restored.open();
  await expect(restored.row('LinkedIn')).toHaveCount(1);
  expect(readdirSync(dataDir).some((name) => name.startsWith(`${DATABASE_FILE}.damaged-`))).toBe(true);
  await expect(
    page.getByRole('alert').filter({ hasText: 'history of changes has been altered' }),
  ).toHaveCount(0);
});

test('a backup is restored from Settings after seeing what it holds', async ({ app }) => {
  const accounts = new AccountsPage(app.page);
  await accounts.open();
  await accounts.add({ service: 'LinkedIn', url: 'linkedin.com', mfa: 'None' });
  await openSettings(app.page);
  await backUpNow(app.page);
  await accounts.open();
  await accounts.add({ service: 'Dropbox', url: 'dropbox.com', mfa: 'None' });

  await openSettings(app.page);
  const card = app.page.getByRole('region', { name: format('dataSafety.backups.title') });
  await expect(card).toContainText('no secret the data file does not');
  expect(await seriousViolations(app.page), 'settings with backups').toEqual([]);
  await card
    .getByRole('row')
    .filter({ hasText: format('dataSafety.backup.manual') })
    .getByRole('button', { name: /^Restore the backup of / })
    .click();
  const dialog = app.page.getByRole('dialog', { name: format('restore.title') });
  await expect(dialog.getByRole('list', { name: format('dataSafety.summary.label') })).toContainText(
    '1 account',
  );
  await expect(dialog).toContainText(format('restore.backedUpFirst'));
  await dialog.getByRole('button', { name: format('restore.confirm') }).click();
  await expect(app.page.getByText(format('restore.done'))).toBeVisible();

  await accounts.open();
  await expect(accounts.row('LinkedIn')).toHaveCount(1);
  await expect(accounts.row('Dropbox')).toHaveCount(0);
  // The data it replaced was backed up first.
  await openSettings(app.page);
  await expect(card.getByRole('row').filter({ hasText: 'taken before a restore' })).toHaveCount(1);
});

test('export everything writes a folder; erase everything asks for the words, then starts fresh', async ({
  app,
  dataDir,
}) => {
  const accounts = new AccountsPage(app.page);
  await accounts.open();
  await accounts.add({ service: '=HYPERLINK("https://evil.example")', url: 'evil.example', mfa: 'None' });
  await openSettings(app.page);

  await app.answerNextFile(dataDir);
  await app.page.getByRole('button', { name: format('dataSafety.export.button') }).click();
  await expect(app.page.getByText(format('dataSafety.export.done'), { exact: true })).toBeVisible();
  const folder = readdirSync(dataDir).find((name) => name.startsWith('Lockstep export '));
  expect(folder).toBeDefined();
  const csv = readFileSync(join(dataDir, folder!, 'accounts.csv'), 'utf8');
  expect(csv).toContain(`'=HYPERLINK(`);
  expect(existsSync(join(dataDir, folder!, 'lockstep-export.json'))).toBe(true);

  await backUpNow(app.page);
  await app.page.getByRole('button', { name: format('dataSafety.erase.button') }).click();
  const dialog = app.page.getByRole('dialog', { name: format('dataSafety.erase.confirmTitle') });
  const words = dialog.getByLabel(format('dataSafety.erase.typeLabel', { word: 'erase everything' }));
  await words.fill('erase');
  await dialog.getByRole('button', { name: format('dataSafety.erase.title'), exact: true }).click();
  await expect(
    dialog.getByText(format('dataSafety.erase.typeToConfirm', { word: 'erase everything' })),
  ).toBeVisible();
  // The dialog itself (the toasts of the export and the backup are still on screen behind it).
  expect(await seriousViolations(app.page, '[role="dialog"]'), 'erase dialog with an error').toEqual([]);
  await words.fill('Erase everything');
  await expect(dialog.getByRole('checkbox', { name: /Also erase the backups/ })).not.toBeChecked();
  await dialog.getByRole('button', { name: format('dataSafety.erase.title'), exact: true }).click();
  await expect(app.page.getByText(format('dataSafety.erase.done'))).toBeVisible();

  await accounts.open();
  await expect(app.page.getByRole('button', { name: 'Add your first account' })).toBeVisible();
  // The backups were kept (they were not chosen for erasing).
  expect(readdirSync(join(dataDir, 'backups')).some((name) => name.endsWith('-manual.sqlite'))).toBe(true);
});
