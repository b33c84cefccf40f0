// `npm run preview`: the app without Electron — the built renderer in Chromium over the real IPC
// handlers and a real SQLite file (the e2e suite's browser target).
//   npm run preview                         headed window (needs a display), data in .lockstep-dev/preview
//   npm run preview -- --screenshot DIR     PNGs of every main screen, headless, with demo data
//   npm run preview -- --data-dir DIR       use this data folder
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchApp } from '../e2e/fixtures/app';
import { seedDemoData } from './demoData';

const { values } = parseArgs({
  options: {
    screenshot: { type: 'string' },
    'data-dir': { type: 'string' },
    demo: { type: 'boolean', default: false },
  },
});

if (values.screenshot) {
  const outDir = resolve(values.screenshot);
  mkdirSync(outDir, { recursive: true });
  const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'lockstep-preview-'));
  if (!values['data-dir']) await seedDemoData(dataDir);
  const app = await launchApp({ dataDir, target: 'browser', viewport: { width: 1360, height: 860 } });
  const { page } = app;
  const shoot = async (name: string) => {
    await page.waitForLoadState('networkidle').catch(() => {});
    const file = join(outDir, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  };
  try {
    const nav = page.getByRole('navigation', { name: 'Screens' });
    await nav.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('region', { name: 'Next best action' }).waitFor();
    await shoot('dashboard');
    await nav.getByRole('link', { name: 'Tasks' }).click();
    await page.getByRole('list', { name: 'Tasks' }).waitFor();
    await shoot('tasks');
    await nav.getByRole('link', { name: 'Exposure' }).click();
    await page.getByRole('list', { name: 'Findings' }).waitFor();
    await shoot('exposure');
    await nav.getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('table', { name: 'Accounts' }).waitFor();
    await shoot('accounts');
    await page.getByRole('button', { name: /^Edit Dropbox/ }).click();
    await page.getByRole('dialog').waitFor();
    await shoot('account-edit');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await nav.getByRole('link', { name: 'Breaches' }).click();
    await page.getByRole('textbox', { name: 'Search breaches' }).fill('linkedin');
    await page.getByRole('region', { name: 'LinkedIn breach' }).waitFor();
    await shoot('breaches');
    await page.getByRole('tab', { name: 'Notices you received' }).click();
    await page.getByRole('region', { name: 'Incidents without a published dataset' }).waitFor();
    await shoot('notices');
    await nav.getByRole('link', { name: 'Exposure' }).click();
    const findings = page.getByRole('list', { name: 'Findings' });
    await findings.getByRole('listitem').first().getByRole('button', { name: 'Guide me' }).click();
    await page
      .getByRole('dialog', { name: 'Follow a guide' })
      .getByRole('button', { name: 'Start guide' })
      .click();
    await page.getByRole('navigation', { name: 'Steps' }).waitFor();
    await shoot('guide-run');
    await page.getByRole('button', { name: 'Guide mode' }).click();
    await page.getByRole('textbox', { name: 'Who is helping today?' }).fill('Sam from the helpdesk');
    await page.keyboard.press('Enter');
    await page.getByRole('timer').waitFor();
    await page.keyboard.press('s');
    await page.getByText('1 skipped').first().waitFor();
    await shoot('guide-mode');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Summary' }).click();
    await page.getByRole('article', { name: 'Session summary' }).waitFor();
    await shoot('guide-summary');
    await nav.getByRole('link', { name: 'Guides' }).click();
    await page.getByRole('list', { name: 'Guide library' }).waitFor();
    await shoot('guides');
    await nav.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People', exact: true }).waitFor();
    await shoot('people');
    await nav.getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('button', { name: 'Import passwords' }).click();
    await app.answerNextFile(resolve('e2e/fixtures/exports/firefox.csv'));
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await page.getByRole('table', { name: 'Accounts to import' }).waitFor();
    await shoot('import-preview');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    await shoot('settings');
  } finally {
    await app.close();
    if (!values['data-dir']) rmSync(dataDir, { recursive: true, force: true });
  }
} else {
  if (!process.env.DISPLAY && process.platform === 'linux') {
    console.error(
      'No display found. Run `xvfb-run npm run preview`, or `npm run preview -- --screenshot DIR` for PNGs.',
    );
    process.exit(2);
  }
  const dataDir = resolve(values['data-dir'] ?? '.lockstep-dev/preview');
  const isNew = !values['data-dir'] && values.demo;
  mkdirSync(dataDir, { recursive: true });
  if (isNew) await seedDemoData(dataDir);
  const app = await launchApp({ dataDir, target: 'browser', headed: true });
  console.log(`Lockstep preview is open (data in ${dataDir}). Close the window or press Ctrl+C to stop.`);
  await new Promise<void>((done) => {
    app.page.on('close', () => done());
    process.once('SIGINT', () => done());
  });
  await app.close();
}
