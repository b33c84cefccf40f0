// `npm run preview`: the app without Electron — the built renderer in Chromium over the real IPC
// handlers and a real SQLite file (the e2e suite's browser target).
//   npm run preview                         headed window (needs a display), data in .lockstep-dev/preview
//   npm run preview -- --screenshot DIR     PNGs of every main screen, headless, with demo data
//   npm run preview -- --data-dir DIR       use this data folder
//   --color-scheme dark|light               with --screenshot: the system colour scheme to show
//                                           (files are then named dark-NAME.png / light-NAME.png)
//   --viewport WIDTHxHEIGHT                 with --screenshot: the window's size (default 1360x860)
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
    'color-scheme': { type: 'string' },
    viewport: { type: 'string', default: '1360x860' },
  },
});

const scheme = values['color-scheme'];
if (scheme !== undefined && scheme !== 'dark' && scheme !== 'light') {
  console.error('--color-scheme is dark or light.');
  process.exit(2);
}
const size = /^(\d{3,4})x(\d{3,4})$/.exec(values.viewport);
if (!size) {
  console.error('--viewport is WIDTHxHEIGHT, e.g. 1024x700.');
  process.exit(2);
}
const viewport = { width: Number(size[1]), height: Number(size[2]) };

if (values.screenshot) {
  const outDir = resolve(values.screenshot);
  mkdirSync(outDir, { recursive: true });
  const dataDir = values['data-dir'] ?? mkdtempSync(join(tmpdir(), 'lockstep-preview-'));
  if (!values['data-dir']) await seedDemoData(dataDir);
  const app = await launchApp({ dataDir, target: 'browser', viewport });
  const { page } = app;
  if (scheme) await page.emulateMedia({ colorScheme: scheme });
  const shoot = async (name: string) => {
    await page.waitForLoadState('networkidle').catch(() => {});
    const file = join(outDir, `${scheme ? `${scheme}-` : ''}${name}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  };
  try {
    const nav = page.getByRole('navigation', { name: 'Screens' });
    // In a narrow window the navigation is behind the menu button.
    const menu = page.getByRole('button', { name: 'Menu' });
    const go = async (screen: string) => {
      if (await menu.isVisible()) await menu.click();
      await nav.getByRole('link', { name: screen }).click();
    };
    await go('Dashboard');
    await page.getByRole('region', { name: 'Next best action' }).waitFor();
    await shoot('dashboard');
    await go('Tasks');
    await page.getByRole('list', { name: 'Tasks' }).waitFor();
    await shoot('tasks');
    await go('Exposure');
    await page.getByRole('list', { name: 'Findings' }).waitFor();
    await shoot('exposure');
    await go('Accounts');
    await page.getByRole('table', { name: 'Accounts' }).waitFor();
    await shoot('accounts');
    await page.getByRole('button', { name: /^Edit Dropbox/ }).click();
    await page.getByRole('dialog').waitFor();
    await shoot('account-edit');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await go('Breaches');
    await page.getByRole('textbox', { name: 'Search breaches' }).fill('linkedin');
    await page.getByRole('region', { name: 'LinkedIn breach' }).waitFor();
    await shoot('breaches');
    await page.getByRole('tab', { name: 'Notices you received' }).click();
    await page.getByRole('region', { name: 'Incidents without a published dataset' }).waitFor();
    await shoot('notices');
    await go('Exposure');
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
    await go('Guides');
    await page.getByRole('list', { name: 'Guide library' }).waitFor();
    await shoot('guides');
    await go('People');
    await page.getByRole('heading', { name: 'People', exact: true }).waitFor();
    await shoot('people');
    await go('Accounts');
    await page.getByRole('button', { name: 'Import passwords' }).click();
    await app.answerNextFile(resolve('e2e/fixtures/exports/firefox.csv'));
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await page.getByRole('table', { name: 'Accounts to import' }).waitFor();
    await shoot('import-preview');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await go('Settings');
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
