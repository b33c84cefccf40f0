import AxeBuilder from '@axe-core/playwright';
import { resolve } from 'node:path';
import { test, expect } from '../fixtures/app';
import { ImportPage } from '../pages/ImportPage';

test('the guide library puts the guides for my findings first, with provider variants and sources', async ({
  app,
}) => {
  await new ImportPage(app).importAll(resolve(import.meta.dirname, '../fixtures/exports/bitwarden.csv'));
  await app.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Guides' }).click();
  const library = app.page.getByRole('list', { name: 'Guide library' });
  await expect(library.getByRole('listitem').first()).toContainText('For your findings');

  await library.getByRole('listitem').filter({ hasText: 'Secure your main email account' }).click();
  const reader = app.page.getByRole('region', { name: /main email/i });
  await expect(reader).toContainText('Step 1 of');
  await expect(reader.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
  const providers = reader.getByRole('radiogroup', { name: 'Provider' });
  await providers.getByText('Google').click();
  await expect(reader).toContainText(/Google/);

  const results = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
});
