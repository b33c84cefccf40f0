import { test, expect } from '../fixtures/app';

test('online checks are off by default, the ledger says nothing left, and the switch persists', async ({
  app,
  restart,
}) => {
  const nav = app.page.getByRole('navigation', { name: 'Screens' });
  await nav.getByRole('link', { name: 'Settings' }).click();
  const toggle = app.page.getByRole('switch', { name: 'Check passwords online with Have I Been Pwned' });
  await expect(toggle).not.toBeChecked();
  await expect(app.page.getByText('No requests yet: nothing has left this computer.')).toBeVisible();

  await toggle.click({ force: true });
  await expect(toggle).toBeChecked();
  const reopened = await restart();
  await reopened.page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await expect(
    reopened.page.getByRole('switch', { name: 'Check passwords online with Have I Been Pwned' }),
  ).toBeChecked();
});

test('the exposure screen says how breached passwords were checked, never an all-clear', async ({ app }) => {
  await app.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Exposure' }).click();
  await expect(app.page.getByRole('heading', { name: 'Nothing checked yet' })).toBeVisible();
  await expect(
    app.page.getByText('Only against the bundled list of the 100,000 most common leaked passwords'),
  ).toBeVisible();
  await expect(app.page.getByText(/no problems/i)).toHaveCount(0);
});
