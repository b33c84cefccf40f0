import { test, expect } from '../fixtures/app';
import { format } from '../../common/messages/format';

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
    app.page
      .getByRole('alert', { name: 'How breached passwords were checked' })
      .or(app.page.getByLabel('How breached passwords were checked')),
  ).toContainText('No passwords have been imported yet, so none has been checked.');
  await expect(app.page.getByText(/no problems/i)).toHaveCount(0);
});

test('the offline corpus index is built from a chosen file, shown with its date, and removed', async ({
  app,
  dataDir,
}) => {
  const { createHash } = await import('node:crypto');
  const { writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const sha1 = (text: string) => createHash('sha1').update(text).digest('hex').toUpperCase();
  const corpus = join(dataDir, 'corpus.txt');
  const lines = Array.from({ length: 2000 }, (_, i) => `${sha1(`p${i}`)}:${i + 1}`).sort();
  writeFileSync(corpus, lines.join('\n'));

  await app.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Settings' }).click();
  const card = app.page.getByRole('region', { name: format('settings.offline.title') });
  await app.answerNextFile(corpus);
  await card.getByRole('button', { name: format('settings.offline.fromFile') }).click();
  await expect(card.getByRole('status')).toContainText(
    /Installed: the corpus as of \d{4}-\d{2}-\d{2}, 2,000 passwords/,
    { timeout: 20_000 },
  );
  await card.getByRole('button', { name: format('settings.offline.remove') }).click();
  await expect(card.getByRole('status')).toHaveCount(0);
});
