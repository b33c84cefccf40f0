import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { test, expect } from '../fixtures/app';
import { AccountsPage } from '../pages/AccountsPage';
import { ImportPage } from '../pages/ImportPage';
import { PeoplePage } from '../pages/PeoplePage';

const EXPORTS = resolve(import.meta.dirname, '../fixtures/exports');

const seriousViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
};

test('every screen and the account form have no serious accessibility violations', async ({ app }) => {
  const accounts = new AccountsPage(app.page);
  await accounts.open();
  expect(await seriousViolations(app.page), 'empty accounts').toEqual([]);
  await accounts.add({ service: 'LinkedIn', url: 'linkedin.com', mfa: 'None' });
  expect(await seriousViolations(app.page), 'accounts list').toEqual([]);
  await accounts.startAdding();
  await accounts.dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(accounts.dialog.getByText("Enter the service's name.")).toBeVisible();
  expect(await seriousViolations(app.page), 'account form with errors').toEqual([]);
  await accounts.dialog.getByRole('button', { name: 'Cancel' }).click();

  const people = new PeoplePage(app.page);
  await people.open();
  expect(await seriousViolations(app.page), 'people').toEqual([]);

  const nav = app.page.getByRole('navigation', { name: 'Screens' });
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(app.page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  expect(await seriousViolations(app.page), 'settings').toEqual([]);

  const importing = new ImportPage(app);
  await importing.open();
  expect(await seriousViolations(app.page), 'import: choose').toEqual([]);
  await importing.choose(`${EXPORTS}/bitwarden.csv`);
  await expect(importing.stat('Format')).toContainText('Bitwarden');
  expect(await seriousViolations(app.page), 'import: preview').toEqual([]);
  await importing.dialog.getByRole('button', { name: /^Import \d+ accounts$/ }).click();
  await importing.dialog.getByRole('button', { name: 'See what to fix' }).click();
  await expect(app.page.getByRole('list', { name: 'Findings' })).toBeVisible();
  expect(await seriousViolations(app.page), 'exposure').toEqual([]);
  await nav.getByRole('link', { name: 'Dashboard' }).click();
  await expect(app.page.getByRole('region', { name: 'Next best action' })).toBeVisible();
  expect(await seriousViolations(app.page), 'dashboard').toEqual([]);
  await nav.getByRole('link', { name: 'Tasks' }).click();
  await expect(app.page.getByRole('list', { name: 'Tasks' })).toBeVisible();
  expect(await seriousViolations(app.page), 'tasks').toEqual([]);
  await nav.getByRole('link', { name: 'Breaches' }).click();
  await app.page.getByRole('textbox', { name: 'Search breaches' }).fill('adobe');
  await expect(app.page.getByRole('region', { name: 'Adobe breach' })).toBeVisible();
  expect(await seriousViolations(app.page), 'breaches').toEqual([]);
  await app.page.getByRole('tab', { name: 'Notices you received' }).click();
  await expect(app.page.getByRole('region', { name: 'Incidents without a published dataset' })).toBeVisible();
  expect(await seriousViolations(app.page), 'breach notices').toEqual([]);
  await app.page.getByRole('button', { name: 'Record a notice…' }).click();
  const notice = app.page.getByRole('dialog', { name: 'Record a breach notice' });
  await notice.getByRole('button', { name: 'Record notice' }).click();
  await expect(notice.getByText('Name the company that sent the notice.')).toBeVisible();
  expect(await seriousViolations(app.page), 'breach notice form with errors').toEqual([]);
  await notice.getByRole('button', { name: 'Cancel' }).click();
  await nav.getByRole('link', { name: 'Guides' }).click();
  await expect(app.page.getByRole('list', { name: 'Guide library' })).toBeVisible();
  expect(await seriousViolations(app.page), 'guides').toEqual([]);
});

test('the accounts screen works by keyboard alone', async ({ app }) => {
  const accounts = new AccountsPage(app.page);
  await accounts.open();
  await app.page.getByRole('button', { name: 'Add your first account' }).focus();
  await app.page.keyboard.press('Enter');
  await expect(accounts.dialog).toBeVisible();
  await expect(accounts.dialog.getByLabel('Service')).toBeFocused();
  await app.page.keyboard.type('Dropbox');
  await app.page.keyboard.press('Tab');
  await app.page.keyboard.press('Tab');
  await app.page.keyboard.type('dropbox.com');
  await app.page.keyboard.press('Enter');
  await expect(accounts.dialog).toBeHidden();
  await expect(accounts.row('Dropbox')).toContainText('dropbox.com');
  await accounts
    .row('Dropbox')
    .getByRole('button', { name: /^Edit Dropbox/ })
    .focus();
  await app.page.keyboard.press('Enter');
  await expect(accounts.dialog).toBeVisible();
  await app.page.keyboard.press('Escape');
  await expect(accounts.dialog).toBeHidden();
});
