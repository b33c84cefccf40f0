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

test('breaches at my services ask whether I changed the password since, and the answer settles it', async ({
  app,
}) => {
  const importing = new ImportPage(app);
  await importing.open();
  await importing.choose(`${EXPORTS}/bitwarden.csv`);
  await importing.dialog.getByRole('button', { name: /^Import \d+ accounts$/ }).click();
  await importing.dialog.getByRole('button', { name: 'See what to fix' }).click();

  await expect(
    app.page.getByText(/Checked against breach data as of \d{4}-\d{2}-\d{2} \(Have I Been Pwned\)/),
  ).toBeVisible();
  const findings = app.page.getByRole('list', { name: 'Findings' });
  const adobe = findings.getByRole('listitem', { name: /^Adobe was breached in October 2013/ });
  await expect(adobe).toContainText('Attackers took');
  await expect(adobe).toContainText('passwords');
  await adobe.getByRole('button', { name: 'Yes' }).click();
  await adobe.getByRole('textbox', { name: 'When did you change it?' }).fill('2014-02-01');
  await adobe.getByRole('button', { name: 'Save' }).click();
  await expect(adobe).toHaveCount(0);

  // Two-step sign-in that Dropbox offers, with its own instructions opened in the browser.
  const dropbox = findings.getByRole('listitem', { name: 'Turn on two-step sign-in at Dropbox' });
  await dropbox.getByRole('link', { name: /How to turn it on at Dropbox/ }).click();
  await expect
    .poll(async () => (await app.recording()).openedUrls)
    .toEqual([expect.stringMatching(/^https:\/\/.*dropbox/)]);
});

test('search the breach catalogue, add an account from it, and record a breach notice for an address', async ({
  app,
}) => {
  const nav = app.page.getByRole('navigation', { name: 'Screens' });
  await nav.getByRole('link', { name: 'People' }).click();
  await app.page.getByRole('textbox', { name: 'New email address for Me' }).fill('alex.morgan@example.com');
  await app.page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(app.page.getByText('alex.morgan@example.com')).toBeVisible();

  await nav.getByRole('link', { name: 'Breaches' }).click();
  await app.page.getByRole('textbox', { name: 'Search breaches' }).fill('dropbox');
  const details = app.page.getByRole('region', { name: 'Dropbox breach' });
  await expect(details).toContainText('2012-07-01');
  await expect(details).toContainText('Passwords');
  await details.getByRole('button', { name: 'I have an account here' }).click();
  await expect(details.getByRole('status')).toContainText('Added to your accounts');

  await details.getByRole('combobox', { name: 'This breach concerns my address' }).click();
  await app.page.getByRole('option', { name: 'alex.morgan@example.com (Me)' }).click();
  await details.getByRole('button', { name: 'Record it' }).click();
  await expect(details.getByRole('button', { name: 'Recorded' })).toBeDisabled();

  await nav.getByRole('link', { name: 'Exposure' }).click();
  const findings = app.page.getByRole('list', { name: 'Findings' });
  await expect(
    findings.getByRole('listitem', { name: 'alex.morgan@example.com is in the Dropbox breach' }),
  ).toBeVisible();
  await expect(findings.getByRole('listitem', { name: /^Dropbox was breached in July 2012/ })).toBeVisible();
});

test('a task goes from open to verified, a snooze hides it, and the badge counts what is due', async ({
  app,
  restart,
}) => {
  await new ImportPage(app).importAll(`${EXPORTS}/bitwarden.csv`);

  const nav = app.page.getByRole('navigation', { name: 'Screens' });
  await expect(nav.getByLabel(/\d+ due or overdue/)).toHaveCount(0); // nothing is due on the day it was created
  await nav.getByRole('link', { name: 'Tasks' }).click();
  const tasks = app.page.getByRole('list', { name: 'Tasks' });
  const adobe = tasks.getByRole('listitem', { name: 'Change your password at Adobe' });
  await expect(adobe).toContainText('Adobe was breached in October 2013');
  await expect(adobe.getByRole('link', { name: /Change-password page at Adobe/ })).toBeVisible();

  // Done without the evidence: not verified, and it says why.
  await adobe.getByRole('button', { name: 'Done…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Change your password at Adobe' });
  await dialog.getByLabel('I changed the password on').fill('2013-01-01');
  await dialog.getByRole('button', { name: 'Mark done' }).click();
  await app.page
    .getByRole('radiogroup', { name: 'Which tasks' })
    .getByText(/^Done \(/)
    .click();
  await expect(adobe).toContainText('Not verified');

  // With a date after the breach: verified.
  await adobe.getByRole('button', { name: 'Done…' }).click();
  await dialog.getByLabel('I changed the password on').fill('2026-11-01');
  await dialog.getByRole('button', { name: 'Mark done' }).click();
  await expect(adobe).toContainText('Verified');

  await app.page
    .getByRole('radiogroup', { name: 'Which tasks' })
    .getByText(/^Open \(/)
    .click();
  const dropbox = tasks.getByRole('listitem', { name: 'Turn on two-step sign-in at Dropbox' });
  await dropbox.getByRole('button', { name: 'Snooze…' }).click();
  await app.page.getByRole('dialog').getByRole('button', { name: 'Snooze' }).click();
  await expect(dropbox).toContainText('Snoozed until');

  // Three days later: the P1 and P2 tasks are due, and stand out.
  const later = await restart({ now: () => new Date(Date.now() + 3 * 86_400_000) });
  const laterNav = later.page.getByRole('navigation', { name: 'Screens' });
  await expect(laterNav.getByLabel(/^\d+ due or overdue$/)).toBeVisible();
  await laterNav.getByRole('link', { name: 'Tasks' }).click();
  await expect(
    later.page
      .getByRole('list', { name: 'Tasks' })
      .getByText(/overdue/)
      .first(),
  ).toBeVisible();
});

test('a daily reminder lists what is due, once a day, and clicking it opens the task', async ({
  app,
  restart,
}) => {
  await new ImportPage(app).importAll(`${EXPORTS}/bitwarden.csv`);
  expect((await app.recording()).notifications).toEqual([]); // nothing is due yet

  const later = await restart({ now: () => new Date(Date.now() + 2 * 86_400_000) });
  await expect.poll(async () => (await later.recording()).notifications.length).toBe(1);
  const [reminder] = (await later.recording()).notifications;
  expect(reminder!.title).toMatch(/^\d+ security tasks are due$/);
  expect(reminder!.body).toMatch(/overdue\. Next: /);

  await later.clickNotification(0);
  await expect(later.page.getByRole('heading', { name: 'Tasks', level: 2 })).toBeVisible();
  await expect(later.page.getByRole('list', { name: 'Tasks' }).locator('[aria-current="true"]')).toHaveCount(
    1,
  );

  // Still the same day: no second digest.
  const again = await restart({ now: () => new Date(Date.now() + 2 * 86_400_000 + 60_000) });
  await again.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Tasks' }).click();
  expect((await again.recording()).notifications).toEqual([]);
});

test('reminders can be turned off', async ({ app, restart }) => {
  await app.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Settings' }).click();
  const toggle = app.page.getByRole('switch', { name: /Remind me once a day/ });
  await expect(toggle).toBeChecked();
  await toggle.click({ force: true });
  await expect(toggle).not.toBeChecked();
  await new ImportPage(app).importAll(`${EXPORTS}/bitwarden.csv`);
  const later = await restart({ now: () => new Date(Date.now() + 3 * 86_400_000) });
  await later.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Tasks' }).click();
  expect((await later.recording()).notifications).toEqual([]);
});

test('the dashboard shows the score, progress and the next best action; fixing things moves the score', async ({
  app,
}) => {
  const nav = app.page.getByRole('navigation', { name: 'Screens' });
  await expect(app.page.getByRole('heading', { name: "Let's see where you stand" })).toBeVisible();
  await new ImportPage(app).importAll(`${EXPORTS}/bitwarden.csv`);

  await nav.getByRole('link', { name: 'Dashboard' }).click();
  const scoreCard = app.page.getByRole('region', { name: 'Exposure score' });
  const before = Number(await scoreCard.getByText(/^\d+$/).innerText());
  expect(before).toBeGreaterThan(0);
  await expect(app.page.getByRole('region', { name: 'Fixed so far' })).toContainText(/0 of \d+/);
  const next = app.page.getByRole('region', { name: 'Next best action' });
  await expect(next).toContainText('P1');
  const title = await next.getByRole('heading').innerText();
  await next.getByRole('button', { name: 'Start this' }).click();
  const task = app.page.getByRole('list', { name: 'Tasks' }).getByRole('listitem', { name: title });
  await expect(task).toHaveAttribute('aria-current', 'true');
  await expect(task).toContainText('In progress');

  await task.getByRole('button', { name: 'Done…' }).click();
  const dialog = app.page.getByRole('dialog', { name: title });
  if (await dialog.getByLabel('I changed the password on').count()) {
    await dialog.getByLabel('I changed the password on').fill(new Date().toISOString().slice(0, 10));
  }
  await dialog.getByRole('button', { name: 'Mark done' }).click();
  await nav.getByRole('link', { name: 'Dashboard' }).click();
  await expect.poll(async () => Number(await scoreCard.getByText(/^\d+$/).innerText())).toBeLessThan(before);
  await expect(app.page.getByRole('region', { name: 'Fixed so far' })).not.toContainText(/^0 of/);
});

test('bulk actions on a selection, and changing a task’s priority and due date', async ({ app }) => {
  await new ImportPage(app).importAll(`${EXPORTS}/bitwarden.csv`);
  await app.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Tasks' }).click();

  const tasks = app.page.getByRole('list', { name: 'Tasks' });
  await tasks.getByRole('checkbox', { name: 'Select Change your password at Adobe' }).check();
  await tasks.getByRole('checkbox', { name: 'Select Change your password at Dropbox' }).check();
  const toolbar = app.page.getByRole('toolbar', { name: 'Selected tasks' });
  await expect(toolbar).toContainText('2 selected');
  await toolbar.getByRole('button', { name: 'Snooze a week' }).click();
  await expect(tasks.getByRole('listitem', { name: 'Change your password at Adobe' })).toContainText(
    'Snoozed until',
  );
  await expect(tasks.getByRole('listitem', { name: 'Change your password at Dropbox' })).toContainText(
    'Snoozed until',
  );
  await expect(toolbar).toHaveCount(0);

  const canva = tasks.getByRole('listitem', { name: 'Change your password at Canva' });
  await canva.getByRole('button', { name: 'Plan…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Change your password at Canva' });
  await dialog.getByRole('combobox', { name: 'Priority' }).click();
  await app.page.getByRole('option', { name: 'P4', exact: true }).click();
  await dialog.getByLabel('Due date (empty: no date)').fill('2027-03-01');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(canva).toContainText('due 2027-03-01');
  await expect(canva).toContainText('P4');
});
