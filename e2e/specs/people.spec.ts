import { test, expect } from '../fixtures/app';
import { AccountsPage } from '../pages/AccountsPage';
import { PeoplePage } from '../pages/PeoplePage';
import { format } from '../../common/messages/format';

test('people: "Me" exists, others can be added, renamed and given addresses', async ({ app, restart }) => {
  const people = new PeoplePage(app.page);
  await people.open();
  await expect(people.card('Me')).toContainText(format('people.noAccounts'));

  await people.add('Sam');
  await people.addEmail('Sam', ' Sam.Morgan@Example.NET ');
  await expect(people.card('Sam')).toContainText('Sam.Morgan@example.net');

  await people.addEmail('Sam', 'not-an-address');
  await expect(people.card('Sam').getByText('This does not look like an email address.')).toBeVisible();
  await people.addEmail('Sam', 'sam.morgan@example.net');
  await expect(people.card('Sam').getByText('This person already has that address.')).toBeVisible();

  await people
    .card('Me')
    .getByRole('button', { name: format('people.renameNamed', { name: 'Me' }) })
    .click();
  const dialog = app.page.getByRole('dialog', { name: format('people.renameNamed', { name: 'Me' }) });
  await dialog.getByLabel(format('people.name')).fill('   ');
  await dialog.getByRole('button', { name: format('common.save') }).click();
  await expect(dialog.getByText('Enter a name.')).toBeVisible();
  await dialog.getByLabel(format('people.name')).fill('Alex');
  await dialog.getByRole('button', { name: format('common.save') }).click();
  await expect(people.card('Alex')).toBeVisible();

  const reopened = await restart();
  const again = new PeoplePage(reopened.page);
  await again.open();
  await expect(again.card('Alex')).toBeVisible();
  await expect(again.card('Sam')).toContainText('Sam.Morgan@example.net');
});

test('deleting a person removes their accounts, and undo brings everything back', async ({ app }) => {
  const people = new PeoplePage(app.page);
  await people.open();
  await expect(
    people.card('Me').getByRole('button', { name: format('people.deleteNamed', { name: 'Me' }) }),
  ).toBeDisabled();
  await people.add('Sam');

  const accounts = new AccountsPage(app.page);
  await accounts.open();
  await accounts.add({ service: 'Canva', url: 'canva.com', person: 'Sam' });
  await expect(accounts.row('Canva')).toContainText('Sam');

  await people.open();
  await expect(people.card('Sam')).toContainText('1 account');
  await people
    .card('Sam')
    .getByRole('button', { name: format('people.deleteNamed', { name: 'Sam' }) })
    .click();
  const confirm = app.page.getByRole('dialog', { name: format('people.deleteTitle', { name: 'Sam' }) });
  await expect(confirm).toContainText(format('people.deleteWithAccounts', { name: 'Sam', count: 1 }));
  await confirm.getByRole('button', { name: format('people.delete'), exact: true }).click();
  await expect(people.card('Sam')).toHaveCount(0);

  await app.page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(people.card('Sam')).toContainText('1 account');
  await accounts.open();
  await expect(accounts.row('Canva')).toBeVisible();
});
