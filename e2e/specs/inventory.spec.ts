import { test, expect } from '../fixtures/app';
import { AccountsPage } from '../pages/AccountsPage';
import { format } from '../../common/messages/format';

test('a new user adds, edits, deletes and undoes an account, and it survives a restart', async ({
  app,
  restart,
}) => {
  const accounts = new AccountsPage(app.page);
  await accounts.open();
  await expect(app.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();

  await accounts.add({
    service: 'LinkedIn',
    url: 'https://www.linkedin.com/login',
    username: 'alex@example.com',
  });
  const row = accounts.row('LinkedIn');
  await expect(row).toContainText('linkedin.com');
  await expect(row).toContainText('alex@example.com');
  await expect(row).toContainText('Me');

  await accounts.edit('LinkedIn');
  await accounts.fill({ mfa: 'Authenticator app', passwordChangedAt: '2023-05-01' });
  await accounts.dialog.getByRole('button', { name: format('accountForm.saveChanges') }).click();
  await expect(accounts.dialog).toBeHidden();
  await expect(row).toContainText('Authenticator app');
  await expect(row).toContainText('2023-05-01');

  await row.getByRole('button', { name: 'Delete LinkedIn' }).click();
  await expect(accounts.row('LinkedIn')).toHaveCount(0);
  await app.page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(accounts.row('LinkedIn')).toContainText('Authenticator app');

  // The toast goes after a few seconds; the undo stays until the app closes, as the README says.
  await accounts.row('LinkedIn').getByRole('button', { name: 'Delete LinkedIn' }).click();
  await expect(accounts.row('LinkedIn')).toHaveCount(0);
  await expect(app.page.getByRole('button', { name: 'Undo', exact: true })).toBeHidden({ timeout: 15_000 });
  await app.page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  await accounts.open();
  const deleted = app.page.getByLabel('Deleted in this session');
  await expect(deleted).toContainText('LinkedIn');
  await deleted.getByRole('button', { name: 'Undo deleting LinkedIn' }).click();
  await expect(accounts.row('LinkedIn')).toContainText('Authenticator app');
  await expect(deleted).toBeHidden();

  const reopened = await restart();
  const again = new AccountsPage(reopened.page);
  await again.open();
  await expect(again.row('LinkedIn')).toContainText('2023-05-01');
});

test('an email service is suggested as critical, and the domain is derived as you type', async ({ app }) => {
  const accounts = new AccountsPage(app.page);
  await accounts.open();
  await accounts.startAdding();
  await accounts.fill({ service: 'Gmail', url: 'https://accounts.google.com/signin' });
  await expect(accounts.dialog.getByText('google.com', { exact: true })).toBeVisible();
  await expect(accounts.dialog.getByRole('combobox', { name: format('accountForm.category') })).toHaveValue(
    'Email',
  );
  await expect(
    accounts.dialog.getByRole('combobox', { name: format('accountForm.criticality') }),
  ).toHaveValue('Critical');
  await accounts.dialog.getByRole('button', { name: format('accountForm.add') }).click();
  await expect(accounts.row('Gmail')).toContainText('Critical');
});

test('invalid input shows messages next to the fields and saves nothing', async ({ app }) => {
  const accounts = new AccountsPage(app.page);
  await accounts.open();
  await accounts.startAdding();
  await accounts.fill({ url: 'ftp://files.example.com', passwordChangedAt: '2999-01-01' });
  await accounts.dialog.getByRole('button', { name: format('accountForm.add') }).click();
  await expect(accounts.dialog.getByText("Enter the service's name.")).toBeVisible();
  await expect(
    accounts.dialog.getByText('Only web (http or https) and Android app addresses can be used.'),
  ).toBeVisible();
  await expect(accounts.dialog.getByText('This date is in the future.')).toBeVisible();
  await expect(accounts.dialog.getByLabel(format('accountForm.service'))).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await accounts.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
});

test('the main process refuses an invalid payload even if the form were bypassed', async ({ app }) => {
  const result = await app.page.evaluate(() =>
    window.lockstep['accounts:create']({
      personId: 1,
      service: '',
      url: 'javascript:alert(1)',
      username: '',
      category: 'email',
      criticality: 'critical',
      mfa: 'sms',
      passwordChangedAt: '',
      recoveryReviewedAt: '',
      notes: '',
    }),
  );
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe('invalid_input');
    expect(Object.keys(result.error.fieldErrors ?? {})).toEqual(expect.arrayContaining(['service', 'url']));
  }
  const list = await app.page.evaluate(() => window.lockstep['accounts:list']({}));
  expect(list.ok && list.value).toEqual([]);
});

test('search, filters and sorting narrow the list', async ({ app }) => {
  const accounts = new AccountsPage(app.page);
  await accounts.open();
  await accounts.add({
    service: 'Barclays',
    url: 'https://bank.barclays.co.uk',
    category: 'Banking & finance',
  });
  await accounts.add({ service: 'Dropbox', url: 'dropbox.com', mfa: 'Text message (SMS)' });
  await accounts.add({
    service: 'Adobe',
    url: 'https://account.adobe.com',
    username: 'designer@example.com',
  });

  await accounts.search('designer');
  await expect(accounts.rows).toHaveCount(1);
  await expect(accounts.row('Adobe')).toBeVisible();
  await accounts.search('');

  await accounts.filter('Filter by criticality', 'Critical');
  await expect(accounts.rows).toHaveCount(1);
  await expect(accounts.row('Barclays')).toBeVisible();
  await app.page.getByRole('button', { name: 'Clear filters' }).click();

  await accounts.filter('Filter by two-step sign-in', 'Text message (SMS)');
  await expect(accounts.rows).toHaveCount(1);
  await expect(accounts.row('Dropbox')).toBeVisible();
  await app.page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(accounts.rows).toHaveCount(3);

  await expect(accounts.rows.first()).toContainText('Adobe');
  await accounts.table.getByRole('button', { name: 'Service', exact: true }).click();
  await expect(accounts.table.getByRole('columnheader', { name: 'Service' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await expect(accounts.rows.first()).toContainText('Dropbox');
});
