import AxeBuilder from '@axe-core/playwright';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures/app';
import { GuidePage } from '../pages/GuidePage';
import { ImportPage } from '../pages/ImportPage';
import { format } from '../../common/messages/format';

const BITWARDEN = resolve(import.meta.dirname, '../fixtures/exports/bitwarden.csv');

/** Every password and TOTP secret in the sample export: none may ever appear in what Lockstep writes. */
function secretsOfExport(): string[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(BITWARDEN, 'utf8'), { header: true }).data;
  const secrets = rows.flatMap((row) => {
    const totp = row.login_totp ?? '';
    const secret = /secret=([A-Z2-7]+)/i.exec(totp)?.[1] ?? totp;
    return [row.login_password ?? '', secret];
  });
  // Dictionary words ("password") also appear in ordinary text; the rest may not appear anywhere.
  return [...new Set(secrets.filter((value) => value.length >= 6 && !/^[a-z]+$/.test(value)))];
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

/** "4 of 5 steps done". */
const progress = (done: number, total: number) =>
  format('summary.progressLine', { done, total, skipped: 0, blocked: 0, pending: 0 });

const nav = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: format('nav.screens') })
    .getByRole('link', { name })
    .click();

test('a guide started from a finding records what was done: the account, the finding and its task update', async ({
  app,
}) => {
  await new ImportPage(app).importAll(BITWARDEN);
  await nav(app.page, format('nav.exposure'));
  const card = app.page.getByRole('list', { name: format('exposure.list') }).getByRole('listitem', {
    name: 'Turn on two-step sign-in at Dropbox',
  });
  await card.getByRole('button', { name: format('exposure.card.guideMe') }).click();
  const guide = new GuidePage(app);
  await guide.startFromDialog(/^Turn on two-step sign-in \(best fit\)/);
  await expect(app.page.getByText(format('guideRun.for.one', { name: 'Dropbox' }))).toBeVisible();
  await expect(app.page.getByText(progress(0, 5))).toBeVisible();

  for (const number of [1, 2, 3, 4]) await guide.yesDone(number);
  await expect(app.page.getByText(progress(4, 5))).toBeVisible();

  // The last step records the method: it asks which one, and refuses to guess.
  await guide.steps.getByRole('button', { name: /^Step 5: / }).click();
  await expect(guide.step).toContainText(format('guide.effect.mfaAsk', { service: 'Dropbox' }));
  await guide.step.getByRole('button', { name: format('step.yesDone') }).click();
  const form = guide.step.getByRole('form', { name: format('step.doneForm') });
  await form.getByRole('button', { name: format('step.markDone') }).click();
  await expect(guide.step.getByRole('alert')).toHaveText(format('guide.done.chooseMfa'));
  await form.getByRole('radio', { name: format('inventory.mfa.totp') }).check();
  await form.getByRole('button', { name: format('step.markDone') }).click();
  await expect(guide.step).toContainText(
    format('guideRun.applied.mfa', { method: format('inventory.mfa.totp'), service: 'Dropbox' }),
  );

  await app.page.getByRole('button', { name: format('guideRun.finish') }).click();
  const summary = app.page.getByRole('article', { name: format('summary.label') });
  await expect(summary).toContainText(progress(5, 5));
  // A finished guide can still be read, step by step, with what each step recorded.
  await app.page.getByRole('button', { name: format('summary.backToGuide') }).click();
  await expect(app.page.getByText(format('guideRun.finished.title'))).toBeVisible();
  await guide.steps.getByRole('button', { name: /^Step 5: / }).click();
  await expect(guide.step).toHaveAccessibleName(format('step.position', { number: 5, total: 5 }));
  await expect(guide.step).toContainText(
    format('guideRun.applied.mfa', { method: format('inventory.mfa.totp'), service: 'Dropbox' }),
  );
  await expect(guide.step.getByRole('button', { name: format('step.yesDone') })).toHaveCount(0);

  // The finding is gone, its task is done and verified, and the account says so.
  await nav(app.page, format('nav.exposure'));
  await expect(app.page.getByRole('list', { name: format('exposure.list') })).toBeVisible();
  await expect(
    app.page.getByRole('listitem', { name: 'Turn on two-step sign-in at Dropbox', exact: true }),
  ).toHaveCount(0);
  await nav(app.page, format('nav.tasks'));
  await app.page.getByRole('radiogroup', { name: 'Which tasks' }).getByText('Done').click();
  await expect(app.page.getByRole('listitem', { name: 'Turn on two-step sign-in at Dropbox' })).toContainText(
    /verified/i,
  );
  await nav(app.page, format('nav.accounts'));
  await expect(app.page.getByRole('row', { name: /Dropbox/ })).toContainText(format('inventory.mfa.totp'));
});

test('a recorded breach notice becomes a finding, and guide mode works it through by keyboard alone into a summary PDF and Markdown with no secrets', async ({
  app,
  dataDir,
}) => {
  await new ImportPage(app).importAll(BITWARDEN);
  const page = app.page;
  await nav(page, format('nav.breaches'));
  await page.getByRole('tab', { name: 'Notices you received' }).click();
  await page.getByRole('button', { name: 'Record a notice…' }).click();
  const notice = page.getByRole('dialog', { name: 'Record a breach notice' });
  await notice.getByRole('textbox', { name: 'Company' }).fill('Yahoo');
  await notice.getByRole('textbox', { name: /web address/ }).fill('yahoo.com');
  // A notice cannot be from the future: refused with the reason, and nothing recorded.
  await notice.getByLabel('Date of the notice').fill('2099-01-01');
  await notice.getByRole('button', { name: 'Record notice' }).click();
  await expect(notice.getByText('Choose today or an earlier date.')).toBeVisible();
  await notice.getByLabel('Date of the notice').fill('2026-11-20');
  const exposed = notice.getByLabel('What it says was exposed');
  await exposed.fill('Email messages');
  await exposed.press('Enter');
  await notice.getByRole('textbox', { name: /What the notice says/ }).fill('Mailbox contents were copied.');
  await notice.getByRole('button', { name: 'Record notice' }).click();

  // Recording it offers the guide for it straight away.
  const guide = new GuidePage(app);
  await guide.startFromDialog(/^A company that holds your emails was breached \(best fit\)/);
  await expect(page.getByText(/For Yahoo Mail/)).toBeVisible();
  await expect(page.getByText(/Notice: Yahoo, 2026-11-20/)).toBeVisible();

  // Guide mode: everything from here on is the keyboard.
  await page.getByRole('button', { name: format('guideRun.guideMode') }).focus();
  await page.keyboard.press('Enter');
  const mode = guide.guideMode;
  await expect(mode.getByRole('textbox', { name: format('guideMode.helper.label') })).toBeFocused();
  await page.keyboard.type('Sam from the helpdesk');
  await page.keyboard.press('Enter');
  await expect(mode.getByText(format('guideRun.helper', { name: 'Sam from the helpdesk' }))).toBeVisible();
  await expect(mode.getByRole('timer')).toHaveText(/^\d+:\d\d$/);
  expect(await seriousViolations(page)).toEqual([]);

  const at = (n: number) => expect(mode).toContainText(format('step.position', { number: n, total: 8 }));
  await at(1);
  // Tab stays inside guide mode: the app behind it is out of reach until it closes.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => Boolean(document.activeElement?.closest('[aria-label="Guide mode"]'))),
    ).toBe(true);
  }
  await page.keyboard.press('ArrowRight');
  await at(2);
  await page.keyboard.press('ArrowLeft');
  await at(1);
  await page.keyboard.press('d'); // 1: yes
  await at(2);
  await page.keyboard.press('d'); // 2: password changed and signed out everywhere
  await at(3);
  await page.keyboard.press('d'); // 3: which method? Space picks the first (Authenticator app), Enter saves
  await expect(mode.getByRole('radio', { name: format('inventory.mfa.totp') })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await at(4);
  await page.keyboard.press('s'); // 4: skipped for now
  await at(5);
  await page.keyboard.press('b'); // 5: blocked, saying why
  await expect(mode.getByRole('textbox', { name: format('step.blocked.label') })).toBeFocused();
  await page.keyboard.type('Waiting for the IT admin');
  await page.keyboard.press('Enter');
  await at(6);
  await page.keyboard.press('d'); // 6: recovery info checked
  await at(7);
  await page.keyboard.press('d'); // 7: list what passed through that mailbox, by name
  await expect(mode.getByRole('textbox', { name: /Name each secret/ })).toBeFocused();
  await page.keyboard.type('AKIAIOSFODNN7EXAMPLE');
  await page.keyboard.press('Control+Enter');
  await expect(mode.getByRole('alert')).toContainText('looks like the secret itself');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Billing API key');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Router admin password');
  await page.keyboard.press('Control+Enter');
  await at(8);
  await page.keyboard.press('n'); // 8: a note, then yes
  await page.keyboard.type('Showed her two real phishing examples');
  await page.keyboard.press('Enter');
  await expect(mode).toContainText(`${format('summary.note')} Showed her two real phishing examples`);
  await page.keyboard.press('d');
  await expect(mode.getByText(format('guideMode.allMarked'))).toBeVisible();
  await expect(mode).toContainText(
    format('summary.progressLine', { done: 6, total: 8, skipped: 1, blocked: 1, pending: 0 }),
  );
  await page.keyboard.press('f');

  const summary = page.getByRole('article', { name: format('summary.label') });
  await expect(summary).toContainText('Sam from the helpdesk');
  await expect(summary.getByRole('listitem').filter({ hasText: 'Waiting for the IT admin' })).toHaveAttribute(
    'data-status',
    'blocked',
  );
  const followUps = summary.getByRole('table', { name: format('summary.followUps') });
  await expect(followUps).toContainText(
    "Replace Billing API key: it passed through a breached company's email",
  );
  await expect(followUps).toContainText('Replace Router admin password');
  await expect(followUps).toContainText(/Finish "Review apps connected to the account"|Finish "/);
  expect(await seriousViolations(page)).toEqual([]);

  // Printed, only the summary shows: no navigation, no buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: format('nav.screens') })).toBeHidden();
  await expect(page.getByRole('button', { name: format('summary.print') })).toBeHidden();
  await expect(summary).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // Saved as PDF (Chromium printing) and as Markdown, where the person chose; neither holds a secret.
  const pdfPath = join(dataDir, 'summary.pdf');
  await app.answerNextSave(pdfPath);
  await page.getByRole('button', { name: format('summary.saveAsPdf') }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(format('summary.pdfSaved'))).toBeVisible();
  const mdPath = join(dataDir, 'summary.md');
  await app.answerNextSave(mdPath);
  await page.keyboard.press('Tab'); // the next button
  await expect(page.getByRole('button', { name: format('summary.saveAsMarkdown') })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(format('summary.markdownSaved'))).toBeVisible();

  const pdf = readFileSync(pdfPath);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(5_000);
  const markdown = readFileSync(mdPath, 'utf8');
  expect(markdown).toContain('Sam from the helpdesk');
  expect(markdown).toContain('Waiting for the IT admin');
  expect(markdown).toMatch(
    /Replace Billing API key: it passed through a breached company's email\*\* — P2 · due/,
  );
  const printed = (await app.recording()).printed.at(-1) ?? '';
  expect(printed).toContain('Sam from the helpdesk');
  for (const secret of secretsOfExport()) {
    expect(markdown, 'a password or TOTP secret in the Markdown').not.toContain(secret);
    expect(printed, 'a password or TOTP secret in the printed HTML').not.toContain(secret);
    expect(pdf.includes(Buffer.from(secret)), 'a password or TOTP secret in the PDF').toBe(false);
  }

  // The notice is handled: its finding is closed.
  await nav(page, format('nav.breaches'));
  await page.getByRole('tab', { name: 'Notices you received' }).click();
  await expect(page.getByRole('listitem', { name: 'Yahoo notice of 2026-11-20' })).toContainText('Handled');
  await nav(page, format('nav.exposure'));
  await expect(page.getByRole('list', { name: format('exposure.list') })).not.toContainText(
    'Yahoo told you about a breach',
  );
});

test('a guide left mid-way resumes exactly where it was, after a restart', async ({ app, restart }) => {
  await nav(app.page, format('nav.guides'));
  await app.page
    .getByRole('list', { name: format('guides.library') })
    .getByRole('listitem')
    .filter({ hasText: 'Secure your main email account' })
    .click();
  await app.page.getByRole('button', { name: format('guides.start') }).click();
  await app.page
    .getByRole('dialog', { name: /^Start:/ })
    .getByRole('button', { name: format('guides.startDialog.submit') })
    .click();
  const guide = new GuidePage(app);
  await guide.yesDone(1);
  await guide.step.getByRole('button', { name: format('step.skip') }).click();
  await expect(guide.step).toHaveAccessibleName(/^Step 3 of 7$/);
  await guide.step.getByRole('button', { name: format('step.addNote') }).click();
  await guide.step.getByRole('textbox', { name: format('step.note.label') }).fill('Needs the recovery phone');
  await guide.step.getByRole('button', { name: format('step.note.submit') }).click();
  await expect(guide.step).toContainText(`${format('summary.note')} Needs the recovery phone`);

  const later = await restart();
  // The first screen says a guide is under way.
  await expect(later.page.getByRole('region', { name: format('dashboard.guide.label') })).toContainText(
    'Secure your main email account',
  );
  await nav(later.page, format('nav.guides'));
  const inProgress = later.page.getByRole('region', { name: format('guides.runs.inProgress') });
  await expect(inProgress).toContainText(
    format('summary.progressLine', { done: 1, total: 7, skipped: 1, blocked: 0, pending: 0 }),
  );
  await inProgress.getByRole('button', { name: format('guides.runs.continue') }).click();
  const resumed = new GuidePage(later);
  await expect(resumed.step).toHaveAccessibleName(format('step.position', { number: 3, total: 7 }));
  await expect(resumed.step).toContainText(`${format('summary.note')} Needs the recovery phone`);
  await expect(resumed.steps.getByRole('button', { name: /^Step 1: .*\(Done\)$/ })).toBeVisible();
  await expect(resumed.steps.getByRole('button', { name: /^Step 2: .*\(Skipped for now\)$/ })).toBeVisible();
  expect(await seriousViolations(later.page)).toEqual([]);
});

test('a notice recorded by mistake is removed after a confirmation, and its finding closes', async ({
  app,
}) => {
  await new ImportPage(app).importAll(BITWARDEN);
  const page = app.page;
  await nav(page, format('nav.breaches'));
  await page.getByRole('tab', { name: 'Notices you received' }).click();
  await page
    .getByRole('article', { name: /Snowflake/ })
    .getByRole('button', { name: 'I got a notice about this…' })
    .click();
  const form = page.getByRole('dialog', { name: 'Record a notice: Snowflake' });
  await form.getByLabel(/Another web address/).fill('canva.com');
  await form.getByRole('button', { name: 'Record notice' }).click();
  await page
    .getByRole('dialog', { name: format('startGuide.title') })
    .getByRole('button', { name: format('common.cancel') })
    .click();
  await nav(page, format('nav.exposure'));
  const finding = page.getByRole('listitem', { name: 'Snowflake told you about a breach' });
  await expect(finding).toContainText('It concerns your account at Canva');

  await nav(page, format('nav.breaches'));
  await page.getByRole('tab', { name: 'Notices you received' }).click();
  const notice = page.getByRole('listitem', { name: /^Snowflake notice of / });
  await notice.getByRole('button', { name: 'Remove the Snowflake notice' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove this notice?' });
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Remove the Snowflake notice' }).click();
  await confirm.getByRole('button', { name: 'Remove notice' }).click();
  await expect(notice).toHaveCount(0);
  await nav(page, format('nav.exposure'));
  await expect(page.getByRole('list', { name: format('exposure.list') })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Snowflake told you about a breach' })).toHaveCount(0);
});
