import { resolve } from 'node:path';
import { test, expect } from '../fixtures/app';
import { ImportPage } from '../pages/ImportPage';

const EXPORTS = resolve(import.meta.dirname, '../fixtures/exports');

test('a finding set aside with a reason comes back by itself on its re-check date', async ({
  app,
  restart,
}) => {
  const importing = new ImportPage(app);
  await importing.open();
  await importing.choose(`${EXPORTS}/bitwarden.csv`);
  await importing.dialog.getByRole('button', { name: /^Import \d+ accounts$/ }).click();
  await importing.dialog.getByRole('button', { name: 'See what to fix' }).click();

  const findings = app.page.getByRole('list', { name: 'Findings' });
  const card = findings.getByRole('listitem', {
    name: 'You sign in to Retro games portal on an unencrypted page',
  });
  await card.getByRole('button', { name: 'Set aside…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Set this aside' });
  await dialog.getByRole('button', { name: 'Set aside' }).click();
  await expect(dialog.getByText('Choose a reason.')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Why?' }).click();
  await app.page.getByRole('option', { name: "Can't change it" }).click();
  await dialog.getByLabel('Note (optional)').fill('The old portal only has http');
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel('Look at it again on (optional)').fill(inAWeek);
  await dialog.getByRole('button', { name: 'Set aside' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toHaveCount(0);

  await app.page.getByRole('button', { name: 'Show 1 set aside' }).click();
  const setAside = app.page.getByRole('list', { name: 'Set aside' });
  await expect(setAside).toContainText("Can't change it: The old portal only has http");
  await expect(setAside).toContainText(`comes back on ${inAWeek}`);

  // Eight days later the app is opened again: the finding is back, without anyone touching it.
  const later = await restart({ now: () => new Date(Date.now() + 8 * 86_400_000) });
  await later.page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('link', { name: 'Exposure' })
    .click();
  await expect(
    later.page
      .getByRole('list', { name: 'Findings' })
      .getByRole('listitem', { name: 'You sign in to Retro games portal on an unencrypted page' }),
  ).toBeVisible();
  await expect(later.page.getByRole('button', { name: /set aside$/ })).toHaveCount(0);
});
