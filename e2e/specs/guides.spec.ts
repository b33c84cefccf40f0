import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from '../fixtures/app';
import { ImportPage } from '../pages/ImportPage';
import { GUIDE_EFFECT_TYPES } from '../../common/content/guides';
import { format } from '../../common/messages/format';

test('the guide library puts the guides for my findings first, with provider variants and sources', async ({
  app,
}) => {
  await new ImportPage(app).importAll(resolve(import.meta.dirname, '../fixtures/exports/bitwarden.csv'));
  await app.page
    .getByRole('navigation', { name: format('nav.screens') })
    .getByRole('link', { name: format('nav.guides') })
    .click();
  const library = app.page.getByRole('list', { name: format('guides.library') });
  await expect(library.getByRole('listitem').first()).toContainText(format('guides.forYourFindings'));

  await library.getByRole('listitem').filter({ hasText: 'Secure your main email account' }).click();
  const reader = app.page.getByRole('region', { name: /main email/i });
  await expect(reader).toContainText(
    new RegExp(format('step.position', { number: 1, total: 99 }).replace('99', '\\d+')),
  );
  await expect(reader.getByRole('link').first()).toHaveAttribute('href', /^https:\/\//);
  const providers = reader.getByRole('radiogroup', { name: format('guides.provider') });
  await providers.getByText('Google').click();
  await expect(reader).toContainText(/Google/);

  const results = await new AxeBuilder({ page: app.page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
});

test('a shared guide is imported after a full check; an invalid one is refused with each problem and where it is', async ({
  app,
  dataDir,
}) => {
  const guides = resolve(import.meta.dirname, '../fixtures/guides');
  await app.page
    .getByRole('navigation', { name: format('nav.screens') })
    .getByRole('link', { name: format('nav.guides') })
    .click();
  const library = app.page.getByRole('list', { name: format('guides.library') });
  await expect(library.getByRole('listitem')).toHaveCount(16); // the bundled guides
  const count = 16;

  await app.answerNextFile(`${guides}/bad-guide.json`);
  await app.page.getByRole('button', { name: format('guides.import') }).click();
  const refused = app.page.getByRole('dialog', { name: format('guides.importRefused') });
  await expect(refused).toContainText(
    format('errors.guides.invalid', { hasFile: 'yes', file: 'bad-guide.json', count: 4 }),
  );
  // The problems are the catalogue's words for the file's author, at the file's JSON paths.
  const problems = refused.getByRole('list', { name: format('guides.importProblems') });
  await expect(problems).toContainText(`$.steps[0].links[0].url: ${format('guideFile.link.https')}`);
  await expect(problems).toContainText(
    `$.steps[0].effects[0].type: ${format('guideFile.unknownEffect', { value: '"run_script"', options: GUIDE_EFFECT_TYPES.join(', ') })}`,
  );
  await expect(problems).toContainText(`$.steps[0].sources: ${format('guideFile.step.noSource')}`);
  await refused.getByRole('button', { name: format('guides.ok') }).click();
  await expect(library.getByRole('listitem')).toHaveCount(count);

  await app.answerNextFile(`${guides}/shared-checklist.json`);
  await app.page.getByRole('button', { name: format('guides.import') }).click();
  await expect(app.page.getByText(format('guides.importDone'))).toBeVisible();
  await expect(library.getByRole('listitem')).toHaveCount(count + 1);
  const reader = app.page.getByRole('region', { name: 'Acme Ltd: new starter account checklist' });
  await expect(reader).toContainText('Turn on two-step sign-in for your work email');
  await expect(reader).toContainText(
    format('guides.importedFrom', { hasAuthor: 'yes', author: 'Acme Ltd office manager', version: '1.0' }),
  );
  await expect(library.getByRole('listitem').filter({ hasText: 'Acme Ltd' })).toContainText('imported');

  const out = `${dataDir}/exported.json`;
  await app.answerNextSave(out);
  await reader.getByRole('button', { name: format('guides.export') }).click();
  await expect(app.page.getByText(format('guides.exported'))).toBeVisible();
  const exported = JSON.parse(readFileSync(out, 'utf8')) as { id: string; steps: unknown[] };
  expect(exported.id).toBe('acme-new-starter-checklist');
  expect(exported.steps).toHaveLength(2);
});
