import AxeBuilder from '@axe-core/playwright';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { forbiddenForms, plantedMailbox } from '../../electron/testing/plantedMailbox';
import { scanDataDirForSecrets } from '../../electron/testing/secretScan';
import { test, expect } from '../fixtures/app';
import { GuidePage } from '../pages/GuidePage';
import { ImportPage } from '../pages/ImportPage';
import { format } from '../../common/messages/format';

const MICROSOFT_FAMILY = resolve(import.meta.dirname, '../fixtures/notices/microsoft-family.csv');

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name }).click();

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

/** Marks a step that opens a form (a list to give) done without listing anything. */
async function doneThroughForm(guide: GuidePage, number: number): Promise<void> {
  await guide.steps.getByRole('button', { name: new RegExp(`^Step ${number}: `) }).click();
  await guide.step.getByRole('button', { name: 'Yes, done' }).click();
  await guide.step
    .getByRole('form', { name: 'Mark this step done' })
    .getByRole('button', { name: 'Mark done' })
    .click();
  await expect(
    guide.steps.getByRole('button', { name: new RegExp(`^Step ${number}: .*\\(Done\\)$`) }),
  ).toBeVisible();
}

test('the Microsoft notice marks every Microsoft sign-in; its guide, started from Exposure for two of them, updates both and closes the notice and its task as verified', async ({
  app,
}) => {
  const page = app.page;
  await new ImportPage(app).importAll(MICROSOFT_FAMILY);

  // Record the bundled Microsoft incident as a notice received.
  await nav(page, 'Breaches');
  await page.getByRole('tab', { name: format('breaches.tab.notices') }).click();
  await page
    .getByRole('article', { name: /Midnight Blizzard/ })
    .getByRole('button', { name: format('notices.incident.gotNotice') })
    .click();
  const record = page.getByRole('dialog', {
    name: format('notices.dialog.titleFor', { provider: 'Microsoft' }),
  });
  await expect(record).toContainText('outlook.com');
  await record.getByLabel(format('notices.form.date')).fill('2024-03-20');
  await record.getByRole('button', { name: format('notices.form.submit') }).click();
  // It offers the guide at once; this time it is followed from Exposure instead.
  const offer = page.getByRole('dialog', { name: 'Follow a guide' });
  await expect(offer.getByRole('checkbox')).toHaveCount(7);
  await offer.getByRole('button', { name: 'Cancel' }).click();

  // Exposure: a "fix now" item naming every Microsoft sign-in, and only those.
  await nav(page, 'Exposure');
  const card = page
    .getByRole('list', { name: 'Findings' })
    .getByRole('listitem', { name: 'Microsoft told you about a breach' });
  for (const service of [
    'Outlook (live.com)',
    'Outlook.com',
    'Hotmail',
    'Office',
    'Xbox',
    'Skype',
    'Work (Microsoft 365)',
  ]) {
    await expect(card).toContainText(service);
  }
  await expect(card).not.toContainText('Dropbox');
  await expect(card).toContainText('Fix now');

  // Guide me: the guide runs for the accounts the notice concerns — the person keeps two.
  await card.getByRole('button', { name: 'Guide me' }).click();
  const dialog = page.getByRole('dialog', { name: 'Follow a guide' });
  await expect(
    dialog.getByRole('radio', { name: /^A company that holds your emails was breached/ }),
  ).toBeChecked();
  const boxes = dialog.getByRole('group', { name: 'For which accounts' });
  for (const box of await boxes.getByRole('checkbox').all()) await expect(box).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
  for (const service of ['Outlook (live.com)', 'Hotmail', 'Office', 'Skype', 'Work (Microsoft 365)']) {
    await boxes
      .getByRole('checkbox', { name: new RegExp(`^${service.replace(/[()]/g, '\\$&')} \\(`) })
      .uncheck();
  }
  await dialog.getByRole('button', { name: 'Start guide' }).click();
  const guide = new GuidePage(app);
  await expect(guide.steps).toBeVisible();
  await expect(page.getByText('For Outlook.com (ann@outlook.com) and Xbox (ann@hotmail.com)')).toBeVisible();

  for (const number of [1, 2]) await guide.yesDone(number);
  // Two-step: asks the method once, and records it on both.
  await guide.steps.getByRole('button', { name: /^Step 3: / }).click();
  await expect(guide.step).toContainText('Records the two-step method you choose on Outlook.com and Xbox.');
  await guide.step.getByRole('button', { name: 'Yes, done' }).click();
  const form = guide.step.getByRole('form', { name: 'Mark this step done' });
  await form.getByRole('radio', { name: 'Authenticator app' }).check();
  await form.getByRole('button', { name: 'Mark done' }).click();
  await expect(guide.step).toHaveAccessibleName('Step 4 of 8');
  await guide.steps.getByRole('button', { name: /^Step 3: / }).click();
  await expect(guide.step).toContainText('Recorded two-step sign-in (Authenticator app) on Outlook.com');
  await expect(guide.step).toContainText('Recorded two-step sign-in (Authenticator app) on Xbox');
  for (const number of [4, 5, 6]) await guide.yesDone(number);
  await doneThroughForm(guide, 7);
  await guide.yesDone(8);
  await page.getByRole('button', { name: 'Finish guide' }).click();
  await expect(page.getByRole('article', { name: 'Session summary' })).toContainText('8 of 8 steps done');

  // Both accounts are updated; the others are not.
  await nav(page, 'Accounts');
  const row = (service: string) => page.getByRole('row', { name: new RegExp(`^Edit ${service} \\(`) });
  await expect(row('Outlook\\.com')).toContainText('Authenticator app');
  await expect(row('Xbox')).toContainText('Authenticator app');
  await expect(row('Skype')).toContainText('Not recorded');

  // The notice's finding is closed and its task is done and verified.
  await nav(page, 'Exposure');
  await expect(page.getByRole('list', { name: 'Findings' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Microsoft told you about a breach' })).toHaveCount(0);
  await nav(page, 'Tasks');
  await page.getByRole('radiogroup', { name: 'Which tasks' }).getByText('Done').click();
  await expect(page.getByRole('listitem', { name: 'Respond to the Microsoft notice' })).toContainText(
    /verified/i,
  );
});

test('a mailbox scan: picked through the app’s dialog, with progress, cancel and resume, an honest summary, findings with tasks — and no secret kept', async ({
  app,
  dataDir,
}, testInfo) => {
  const page = app.page;
  const mailbox = plantedMailbox({ decoys: 4000 });
  const mbox = testInfo.outputPath('Takeout.mbox');
  writeFileSync(mbox, mailbox.mbox);

  await nav(page, 'Mailbox scan');
  await expect(page.getByRole('heading', { name: format('mailScan.title') })).toBeVisible();
  // Cancelling the dialog starts nothing.
  await app.answerNextFile(null);
  await page.getByRole('button', { name: format('mailScan.chooseFile') }).click();
  await expect(page.getByRole('list', { name: format('mailScan.list') })).toHaveCount(0);

  await app.answerNextFile(mbox);
  await page.getByRole('button', { name: format('mailScan.chooseFile') }).click();
  const scan = page.getByRole('listitem', { name: format('mailScan.scanOf', { source: 'Takeout.mbox' }) });
  await expect(scan.getByRole('progressbar', { name: format('mailScan.progressLabel') })).toBeVisible();
  await expect(scan).toContainText(/[1-9][\d,]* messages read/);
  await scan.getByRole('button', { name: format('common.cancel') }).click();
  await expect(scan).toContainText(format('mailScan.status.paused'));
  await expect(scan).toContainText(/Paused after [\d,]+ messages/);
  await scan.getByRole('button', { name: format('mailScan.resume') }).click();
  await expect(scan).toContainText(format('mailScan.status.finished'), { timeout: 60_000 });

  const summary = scan.getByLabel(format('mailScan.summary'));
  await expect(summary).toContainText(`Read ${mailbox.messages.toLocaleString('en')} messages`);
  await expect(summary).toContainText(format('mailScan.found', { count: mailbox.plants.length }));
  await expect(summary).toContainText(format('mailScan.allDecoded'));
  await summary.getByText(/What it looked for/).click();
  await expect(summary).toContainText('GitHub token');
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.content()).not.toContain(testInfo.outputDir);

  // Each secret is a finding, with a task to replace it.
  await summary.getByRole('button', { name: format('mailScan.seeThem') }).click();
  const findings = page.getByRole('list', { name: 'Findings' });
  const github = findings.getByRole('listitem', { name: /^GitHub token in your mail \(seen in one message/ });
  await expect(github).toHaveCount(5);
  await expect(github.first()).toContainText('GitHub token, 40 characters');
  await nav(page, 'Tasks');
  const task = page.getByRole('listitem', { name: 'Replace the GitHub token found in your mail' }).first();
  await expect(task).toBeVisible();

  // No secret at rest, in any form, anywhere in the data folder.
  expect(scanDataDirForSecrets(dataDir, forbiddenForms(mailbox.plants))).toEqual([]);
});

test('the provider-breach guide’s step for secrets offers the scan, and takes what it found as its follow-up list', async ({
  app,
}, testInfo) => {
  const page = app.page;
  const mailbox = plantedMailbox({ decoys: 5 });
  const mbox = testInfo.outputPath('inbox.mbox');
  writeFileSync(mbox, mailbox.mbox);

  await nav(page, 'Guides');
  await page
    .getByRole('list', { name: 'Guide library' })
    .getByRole('listitem')
    .filter({ hasText: 'A company that holds your emails was breached' })
    .click();
  await page.getByRole('button', { name: 'Start this guide' }).click();
  await page
    .getByRole('dialog', { name: /^Start: / })
    .getByRole('button', { name: 'Start guide' })
    .click();
  const guide = new GuidePage(app);
  await expect(guide.steps).toBeVisible();
  await guide.steps.getByRole('button', { name: /^Step 7: / }).click();
  const offer = guide.step.getByRole('complementary', { name: 'Let Lockstep look through the mail' });
  await expect(offer).toContainText('No scan has found a secret yet.');
  expect(await seriousViolations(page)).toEqual([]);
  await offer.getByRole('button', { name: 'Scan a mailbox export…' }).click();

  await app.answerNextFile(mbox);
  await page.getByRole('button', { name: format('mailScan.chooseFile') }).click();
  await expect(
    page.getByRole('listitem', { name: format('mailScan.scanOf', { source: 'inbox.mbox' }) }),
  ).toContainText(format('mailScan.status.finished'));
  await page.getByRole('button', { name: format('mailScan.backToGuide') }).click();
  await guide.steps.getByRole('button', { name: /^Step 7: / }).click();
  await expect(guide.step).toContainText(
    `Scans so far found ${mailbox.plants.length} secrets still to replace`,
  );
  await doneThroughForm(guide, 7);
  await guide.steps.getByRole('button', { name: /^Step 7: / }).click();
  await expect(guide.step).toContainText(
    `Added the ${mailbox.plants.length} secrets a mailbox scan found, each with its task, to the follow-up list`,
  );
});
