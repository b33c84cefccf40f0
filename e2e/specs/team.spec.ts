import AxeBuilder from '@axe-core/playwright';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Account, LockstepApi, Person } from '../../common/ipc/contract';
import { test, expect, type LaunchedApp } from '../fixtures/app';
import { ImportPage } from '../pages/ImportPage';
import { format } from '../../common/messages/format';

const STAFF = resolve(import.meta.dirname, '../fixtures/team/staff.csv');
const BITWARDEN = resolve(import.meta.dirname, '../fixtures/exports/bitwarden.csv');

/** Every password and TOTP secret in the sample export: none may appear in a report. */
function secretsOfExport(): string[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(BITWARDEN, 'utf8'), { header: true }).data;
  const secrets = rows.flatMap((row) => {
    const totp = row.login_totp ?? '';
    return [row.login_password ?? '', /secret=([A-Z2-7]+)/i.exec(totp)?.[1] ?? totp];
  });
  return [...new Set(secrets.filter((value) => value.length >= 6 && !/^[a-z]+$/.test(value)))];
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The items of a list itself (a task card has lists of its own). */
const items = (list: Locator) => list.locator(':scope > [role="listitem"]');

/** The names of a list's items, once it has loaded what it was asked for. */
async function titlesOf(list: Locator): Promise<string[]> {
  await expect(list).not.toHaveAttribute('aria-busy', 'true');
  return items(list).evaluateAll((found) => found.map((i) => i.getAttribute('aria-label') ?? ''));
}

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name, exact: true }).click();

/** Calls the app's own channel from the page, as a screen would (quick set-up, same validation). */
async function api<C extends keyof LockstepApi>(page: Page, channel: C, request: unknown): Promise<unknown> {
  const result = (await page.evaluate(
    ([name, payload]) =>
      (window as unknown as { lockstep: Record<string, (r: unknown) => Promise<unknown>> }).lockstep[name]!(
        payload,
      ),
    [channel, request] as const,
  )) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message);
  return result.value;
}

async function addAccount(page: Page, personId: number, values: Partial<Account> & { service: string }) {
  return api(page, 'accounts:create', {
    personId,
    url: '',
    username: '',
    category: 'other',
    criticality: 'standard',
    mfa: 'unknown',
    passwordChangedAt: '',
    recoveryReviewedAt: '',
    notes: '',
    ...values,
  });
}

/** Imports the staff list through the People screen, as an office manager would. */
async function importStaff(app: LaunchedApp): Promise<Record<string, number>> {
  const { page } = app;
  await nav(page, format('nav.people'));
  await page.getByRole('button', { name: format('people.importStaff') }).click();
  const dialog = page.getByRole('dialog', { name: format('staffImport.title') });
  await app.answerNextFile(STAFF);
  await dialog.getByRole('button', { name: format('staffImport.choose') }).click();
  await expect(dialog.getByRole('group', { name: format('staffImport.toAdd') })).toContainText('3');
  await expect(dialog.getByRole('list', { name: format('staffImport.skippedRows') })).toContainText(
    format('staffImport.skippedRow', {
      row: 4,
      reason: format('staffImport.reason.badAddress', { address: 'not-an-address' }),
    }),
  );
  await expect(dialog.getByRole('table', { name: format('staffImport.table') })).toContainText(
    'ben.ode@home.example',
  );
  expect(await seriousViolations(page), 'staff import preview').toEqual([]);
  await dialog.getByRole('button', { name: format('staffImport.confirm', { count: 3 }) }).click();
  await expect(dialog.getByRole('status')).toContainText(
    format('staffImport.doneBody', { created: 3, updated: 0, skipped: 1 }),
  );
  await dialog.getByRole('button', { name: format('import.done') }).click();
  await expect(page.getByRole('region', { name: 'Ben Ode', exact: true })).toContainText(
    format('people.roleAndGroup', { role: 'Barista', group: 'Shop' }),
  );
  const people = (await api(page, 'people:list', {})) as Person[];
  return Object.fromEntries(people.map((p) => [p.name.split(' ')[0]!, p.id]));
}

/** Priya: main email with an authenticator app. Tom: main email without two-step, a bank unknown. Ben: no email account. */
async function addAccounts(page: Page, ids: Record<string, number>) {
  await addAccount(page, ids.Priya!, {
    service: 'Tiny Tea mail',
    url: 'https://mail.google.com',
    username: 'priya@tinytea.example',
    category: 'email',
    criticality: 'critical',
    mfa: 'totp',
  });
  await addAccount(page, ids.Tom!, {
    service: 'Tom mail',
    url: 'https://outlook.live.com',
    username: 'tom@tinytea.example',
    category: 'email',
    criticality: 'critical',
    mfa: 'none',
  });
  await addAccount(page, ids.Tom!, {
    service: 'Bank',
    url: 'https://bank.example',
    category: 'finance',
    criticality: 'critical',
  });
  await addAccount(page, ids.Ben!, { service: 'Dropbox', url: 'https://dropbox.com' });
}

test('staff are imported from a spreadsheet, and the team view counts them, each number with its list', async ({
  app,
}) => {
  const { page } = app;
  const ids = await importStaff(app);
  await addAccounts(page, ids);

  await nav(page, format('nav.team'));
  const coverage = page.getByRole('region', { name: format('team.coverage') });
  const mainEmailFigure = format('team.figure.title', {
    title: format('team.figure.mainEmail'),
    value: format('team.figure.mainEmailValue', { count: 1, people: 3 }),
  });
  const mainEmail = coverage.getByRole('button', { name: mainEmailFigure });
  await expect(mainEmail).toBeVisible();
  await expect(
    coverage.getByRole('button', { name: /^Critical accounts with two-step: 1 of 3/ }),
  ).toBeVisible();
  await expect(
    coverage.getByRole('button', { name: /^People with a reused password: 0 of 3/ }),
  ).toBeVisible();
  expect(await seriousViolations(page), 'team view').toEqual([]);

  // Clicking a number shows who; unknown is unknown, never on.
  await mainEmail.click();
  const list = page.getByRole('dialog', { name: mainEmailFigure });
  await expect(list.getByRole('region', { name: format('team.list.on'), exact: true })).toContainText(
    'Priya Shah',
  );
  await expect(list.getByRole('region', { name: format('team.list.off'), exact: true })).toContainText(
    'Tom Reed',
  );
  await expect(list.getByRole('region', { name: format('team.list.unknown') })).toContainText(
    `Ben Ode${format('team.personReason', { reason: format('team.unknownReason.no_email_account') })}`,
  );
  expect(await seriousViolations(page), 'a coverage list').toEqual([]);
  await list.getByRole('button', { name: 'Close' }).click();
  await coverage.getByRole('button', { name: /^Critical accounts with two-step/ }).click();
  const critical = page.getByRole('dialog', { name: /Critical accounts with two-step: 1 of 3/ });
  await expect(critical.getByRole('region', { name: 'Without two-step' })).toContainText(
    'Tom Reed — Tom mail',
  );
  await expect(critical.getByRole('region', { name: 'Unknown (counted as not on)' })).toContainText(
    'Tom Reed — Bank',
  );
  await critical.getByRole('button', { name: 'Close' }).click();

  // One row per person, filterable by group and sortable.
  const people = page.getByRole('table', { name: 'People' });
  await expect(people.getByRole('row', { name: 'Tom Reed' })).toContainText('0 of 2');
  await page.getByRole('combobox', { name: 'Group' }).click();
  await page.getByRole('option', { name: 'Shop' }).click();
  await expect(people.getByRole('row')).toHaveCount(3); // the header and two people
  await expect(
    coverage.getByRole('button', { name: /^Two-step on the main email account: 1 of 2 people/ }),
  ).toBeVisible();
  await people.getByRole('button', { name: 'Main email' }).click();
  await expect(people.getByRole('row').nth(1)).toHaveAccessibleName('Ben Ode');

  // Importing the same list again updates, never duplicates.
  await nav(page, format('nav.people'));
  await page.getByRole('button', { name: format('people.importStaff') }).click();
  const dialog = page.getByRole('dialog', { name: format('staffImport.title') });
  await app.answerNextFile(STAFF);
  await dialog.getByRole('button', { name: format('staffImport.choose') }).click();
  await expect(dialog.getByRole('group', { name: format('staffImport.toUpdate') })).toContainText('3');
  await dialog.getByRole('button', { name: format('staffImport.confirm', { count: 3 }) }).click();
  await expect(dialog.getByRole('status')).toContainText(
    format('staffImport.doneBody', { created: 0, updated: 3, skipped: 1 }),
  );
  expect(((await api(page, 'people:list', {})) as Person[]).length).toBe(4); // Me and the three
});

test('every screen filters by person, and tasks are assigned one by one or in bulk', async ({ app }) => {
  const { page } = app;
  const ids = await importStaff(app);
  await addAccounts(page, ids);
  const showFor = (name: string) =>
    page
      .getByRole('combobox', { name: 'Show for' })
      .click()
      .then(() => page.getByRole('option', { name, exact: true }).click());

  // Exposure: Tom's findings only, and they say whose they are.
  await nav(page, 'Exposure');
  await showFor('Tom Reed');
  const findings = page.getByRole('list', { name: 'Findings' });
  await expect
    .poll(() => titlesOf(findings))
    .toEqual(expect.arrayContaining([expect.stringContaining('Tom Reed')]));
  for (const title of await titlesOf(findings)) expect(title).toContain('Tom Reed');
  await expect(findings).not.toContainText('Ben Ode');
  expect(page.url()).toContain(`person=${ids.Tom}`);

  // Tasks: Ben's only.
  await nav(page, 'Tasks');
  await showFor('Ben Ode');
  const tasks = page.getByRole('list', { name: 'Tasks' });
  await expect
    .poll(async () => {
      const titles = await titlesOf(tasks);
      return titles.length > 0 && titles.every((title) => title.includes('Ben Ode'));
    })
    .toBe(true);

  // Accounts: Tom's two, then the Shop group.
  await nav(page, 'Accounts');
  await showFor('Tom Reed');
  const accounts = page.getByRole('table', { name: 'Accounts' });
  await expect(accounts.getByRole('row')).toHaveCount(3);
  await showFor('Shop (group)');
  await expect(accounts.getByRole('row')).toHaveCount(3); // Priya's mail and Ben's Dropbox

  // Dashboard: the team first, then the figures for one person.
  await nav(page, 'Dashboard');
  await expect(page.getByRole('region', { name: 'Your team' })).toContainText('1 of 3 people');
  await showFor('Tom Reed');
  await expect(page.getByRole('region', { name: 'Next best action' })).toContainText("Tom Reed's");

  // Assign: one of Ben's tasks to Priya, then all of Tom's to the office's IT helper.
  await api(page, 'settings:update', { helperName: 'Sam (IT)' });
  await nav(page, 'Tasks');
  await showFor('Ben Ode');
  const first = items(tasks).first();
  await first.getByRole('button', { name: 'Assign…' }).click();
  const assign = page.getByRole('dialog', { name: 'Assign 1 task' });
  await assign.getByRole('combobox', { name: 'Who does it' }).click();
  await page.getByRole('option', { name: 'Priya Shah' }).click();
  expect(await seriousViolations(page), 'assign dialog').toEqual([]);
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(first).toContainText('assigned to Priya Shah');

  await showFor('Tom Reed');
  await expect
    .poll(async () => (await titlesOf(tasks)).every((title) => title.includes('Tom Reed')))
    .toBe(true);
  const tomCount = await items(tasks).count();
  await items(tasks).first().getByRole('checkbox').check();
  await page
    .getByRole('toolbar', { name: 'Selected tasks' })
    .getByRole('button', { name: /^Select all/ })
    .click();
  await page
    .getByRole('toolbar', { name: 'Selected tasks' })
    .getByRole('button', { name: 'Assign…' })
    .click();
  const bulk = page.getByRole('dialog', { name: `Assign ${tomCount} ${tomCount === 1 ? 'task' : 'tasks'}` });
  await bulk.getByRole('combobox', { name: 'Who does it' }).click();
  await page.getByRole('option', { name: 'IT helper: Sam (IT)' }).click();
  await bulk.getByRole('button', { name: 'Assign' }).click();
  await expect(bulk).toBeHidden();
  // "My tasks" is the helper's: everyone's tasks assigned to Sam.
  await nav(page, 'Tasks'); // everyone again
  await page.getByRole('combobox', { name: 'Assigned to' }).click();
  await page.getByRole('option', { name: 'My tasks (Sam (IT))' }).click();
  await expect(items(tasks)).toHaveCount(tomCount);
  for (const item of await items(tasks).all())
    await expect(item).toContainText('assigned to Helper: Sam (IT)');
});

test('a checklist run for three people: a board shows who is stuck, and each run resumes', async ({
  app,
  restart,
}) => {
  const { page } = app;
  await importStaff(app);
  await nav(page, format('nav.team'));
  await page.getByRole('button', { name: format('team.startChecklist') }).click();
  const dialog = page.getByRole('dialog', { name: format('checklistDialog.title') });
  await dialog.getByRole('button', { name: format('checklistDialog.everyone') }).click();
  await dialog.getByRole('checkbox', { name: 'Me' }).uncheck();
  expect(await seriousViolations(page), 'checklist dialog').toEqual([]);
  await dialog.getByRole('button', { name: format('checklistDialog.start', { count: 3 }) }).click();

  await expect(
    page.getByRole('heading', { name: /^Checklist: Small-business security baseline/ }),
  ).toBeVisible();
  const board = page.getByRole('list', { name: 'Each person' });
  await expect(board.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByText('0 of 3 finished · 0 stuck · 3 not started')).toBeVisible();
  expect(await seriousViolations(page), 'checklist board').toEqual([]);

  // Tom is blocked on the first step.
  await board.getByRole('button', { name: 'Continue: Tom Reed' }).click();
  await expect(page.getByText(/^For Tom Reed/)).toBeVisible();
  await page
    .getByRole('button', { name: /^Blocked/ })
    .first()
    .click();
  await page.getByRole('textbox', { name: /What is in the way/i }).fill('Waiting for the admin password');
  await page.getByRole('button', { name: 'Mark blocked' }).click();
  await page.getByRole('button', { name: '← The checklist' }).click();
  await expect(page.getByText('0 of 3 finished · 1 stuck · 2 not started')).toBeVisible();
  await expect(board.getByRole('listitem', { name: 'Tom Reed' })).toContainText('Stuck');

  // After a restart, the board and Tom's run are where they were.
  const later = await restart();
  await later.page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Guides' }).click();
  await later.page
    .getByRole('region', { name: 'Checklists' })
    .getByRole('button', { name: 'Open board' })
    .click();
  await expect(later.page.getByText('0 of 3 finished · 1 stuck · 2 not started')).toBeVisible();
  await later.page.getByRole('button', { name: 'Continue: Tom Reed' }).click();
  await expect(later.page.getByText(/1 blocked/).first()).toBeVisible();
});

test('the team report and the attestation are saved as PDF and CSV, with the same figures and no secret', async ({
  app,
  dataDir,
}) => {
  const { page } = app;
  const ids = await importStaff(app);
  await addAccounts(page, ids);
  // Tom's password export: its passwords are analysed and forgotten.
  const importing = new ImportPage(app);
  await importing.open();
  await importing.dialog.getByRole('combobox', { name: 'Whose accounts are these?' }).click();
  await page.getByRole('option', { name: 'Tom Reed' }).click();
  await importing.choose(BITWARDEN);
  await importing.dialog.getByRole('button', { name: /^Import \d+ accounts$/ }).click();
  await importing.dialog.getByRole('button', { name: 'Done' }).click();

  const team = (await api(page, 'team:get', {})) as {
    coverage: { criticalWithMfa: { yes: number; of: number }; peopleWithReuse: { count: number } };
  };
  await nav(page, 'Reports');
  expect(await seriousViolations(page), 'reports').toEqual([]);
  const pdfPath = join(dataDir, 'attestation.pdf');
  await app.answerNextSave(pdfPath);
  await page.getByRole('button', { name: 'MFA and security attestation: Save as PDF' }).click();
  await expect(page.getByText('Report saved')).toBeVisible();
  const csvPath = join(dataDir, 'team.csv');
  await app.answerNextSave(csvPath);
  await page.getByRole('button', { name: 'Team report: CSV' }).click();
  await expect(page.getByText(csvPath)).toBeVisible();

  const pdf = readFileSync(pdfPath);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const printed = (await app.recording()).printed.at(-1) ?? '';
  const csv = readFileSync(csvPath, 'utf8');
  const critical = `${team.coverage.criticalWithMfa.yes} of ${team.coverage.criticalWithMfa.of}`;
  for (const [name, text] of [
    ['printed HTML', printed],
    ['CSV', csv],
  ] as const) {
    expect(text, name).toContain('1 of 3 people');
    expect(text, name).toContain(critical);
    expect(text, name).toContain(`${team.coverage.peopleWithReuse.count} of 3`);
    expect(text, name).toContain('Tom Reed');
    for (const secret of secretsOfExport()) {
      expect(text.includes(secret), `a password or TOTP secret in the ${name}`).toBe(false);
      expect(pdf.includes(Buffer.from(secret)), 'a password or TOTP secret in the PDF').toBe(false);
    }
  }
  expect(printed).toContain('verified intact on');
  expect(csv.startsWith('\uFEFFSection,Person,Group,Item,Status,Date,Detail')).toBe(true);
});
