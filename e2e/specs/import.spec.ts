import { resolve } from 'node:path';
import { test, expect } from '../fixtures/app';
import { ImportPage } from '../pages/ImportPage';

const EXPORTS = resolve(import.meta.dirname, '../fixtures/exports');
const BAD = resolve(import.meta.dirname, '../fixtures/bad');

test('import a Bitwarden export through the preview and see what to fix — without a password on screen', async ({
  app,
}) => {
  const importing = new ImportPage(app);
  await importing.open();
  await importing.choose(`${EXPORTS}/bitwarden.csv`);

  await expect(importing.stat('Format')).toContainText('Bitwarden (CSV)');
  await expect(importing.stat('Logins found')).toContainText('40');
  await expect(importing.stat('New accounts')).toContainText('39');
  await expect(importing.dialog.getByRole('list', { name: 'Skipped rows' })).toContainText(
    'Secure note, not a login',
  );
  await expect(importing.dialog.getByRole('table', { name: 'Accounts to import' })).toContainText('LinkedIn');
  expect((await app.recording()).fileRequests).toEqual(['Choose a password-manager export']);

  await importing.dialog.getByRole('button', { name: 'Import 39 accounts' }).click();
  await expect(importing.dialog.getByRole('status')).toContainText('39 added, 0 updated');
  await importing.dialog.getByRole('button', { name: 'See what to fix' }).click();

  await expect(app.page.getByRole('heading', { name: 'Exposure', level: 2 })).toBeVisible();
  const findings = app.page.getByRole('list', { name: 'Findings' });
  const reuse = findings
    .getByRole('listitem')
    .filter({ hasText: 'LinkedIn' })
    .filter({ hasText: 'share one password' });
  await expect(reuse).toContainText('4 accounts share one password');
  await expect(reuse).toContainText('Facebook, LinkedIn, Myspace and Dropbox all use the same password');
  await expect(
    findings.getByRole('listitem').filter({ hasText: 'Yahoo Mail password is one of the most common' }),
  ).toBeVisible();
  await expect(
    findings.getByRole('listitem').filter({ hasText: 'Amazon' }).filter({ hasText: 'near-identical' }),
  ).toBeVisible();

  const text = await app.page.locator('body').innerText();
  for (const password of ['Bluebird#2019', 'Summer2024!', 'Kestrel88#tw', '123456\n', 'qwerty123']) {
    expect(text).not.toContain(password);
  }
});

test('a dropped file imports, and importing it again updates instead of duplicating', async ({ app }) => {
  const importing = new ImportPage(app);
  await importing.open();
  await importing.drop(`${EXPORTS}/chrome.csv`);
  await expect(importing.stat('Format')).toContainText('Chrome, Edge, Opera, Brave or Vivaldi (CSV)');
  const created = await importing.stat('New accounts').innerText();
  await importing.dialog.getByRole('button', { name: /^Import \d+ accounts?$/ }).click();
  await expect(importing.dialog.getByRole('status')).toContainText('added');
  await importing.dialog.getByRole('button', { name: 'Done', exact: true }).click();

  await importing.open();
  await importing.drop(`${EXPORTS}/chrome.csv`);
  await expect(importing.stat('New accounts')).toContainText('0');
  await expect(importing.stat('Updated accounts')).toContainText(created.replace(/\D+/g, ''));
});

test('unknown columns lead to a mapping step, then import', async ({ app }) => {
  const importing = new ImportPage(app);
  await importing.open();
  await importing.choose(`${BAD}/random-columns.csv`);
  await expect(
    importing.dialog.getByText('Lockstep does not recognise the columns of random-columns.csv'),
  ).toBeVisible();
  for (const [label, column] of [
    ['Web address', 'site_label'],
    ['Password', 'secret_value'],
    ['Username or email', 'login_hint'],
    ['Name of the service', 'site_label'],
  ] as const) {
    await importing.dialog
      .getByRole('textbox', { name: label })
      .or(importing.dialog.getByRole('combobox', { name: label }))
      .click();
    await app.page.getByRole('option', { name: column, exact: true }).click();
  }
  await importing.dialog.getByRole('button', { name: 'Preview' }).click();
  await expect(importing.stat('Format')).toContainText('Other CSV');
  await importing.dialog.getByRole('button', { name: 'Import 3 accounts' }).click();
  await expect(importing.dialog.getByRole('status')).toContainText('3 added');
});

test('a bad file gets a clear message and changes nothing', async ({ app }) => {
  const importing = new ImportPage(app);
  await importing.open();
  for (const [file, message] of [
    ['empty.csv', 'empty.csv is empty.'],
    ['header-only.csv', 'header-only.csv'],
    ['bitwarden-encrypted.json', 'encrypted'],
    ['binary-renamed.csv', 'binary-renamed.csv'],
  ] as const) {
    await importing.choose(`${BAD}/${file}`);
    await expect(importing.dialog.getByRole('alert')).toContainText(message);
  }
  await importing.dialog.getByRole('button', { name: 'Cancel' }).click();
  const accounts = await app.page.evaluate(() => window.lockstep['accounts:list']({}));
  expect(accounts.ok && accounts.value).toEqual([]);
});

test('cancelling the preview writes nothing', async ({ app }) => {
  const importing = new ImportPage(app);
  await importing.open();
  await importing.choose(`${EXPORTS}/firefox.csv`);
  await expect(importing.stat('Format')).toContainText('Firefox');
  await importing.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(importing.dialog).toBeHidden();
  const accounts = await app.page.evaluate(() => window.lockstep['accounts:list']({}));
  expect(accounts.ok && accounts.value).toEqual([]);
});
