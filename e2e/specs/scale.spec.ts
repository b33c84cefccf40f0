import { test, expect, launchApp } from '../fixtures/app';
import { openDatabase } from '../../electron/db/connection';
import { AccountsRepository } from '../../electron/db/repositories/accountsRepository';
import { RecordingPlatform } from '../../electron/platform/recorder';
import { openCore } from '../../electron/services/core';
import { AccountsPage } from '../pages/AccountsPage';

const CATEGORIES = ['email', 'finance', 'social', 'shopping', 'other'] as const;

test('10,000 accounts: only the visible rows are rendered; scrolling, sorting and search work', async ({
  dataDir,
}) => {
  // Create the file (and "Me") the normal way, then bulk-insert through the repository: this spec is
  // about the list, not about 10,000 separate edits.
  await openCore({ dataDir, platform: new RecordingPlatform() }).close();
  const db = openDatabase(dataDir);
  const accountsRepository = new AccountsRepository(db);
  const now = new Date().toISOString();
  db.transaction(() => {
    for (let i = 0; i < 10_000; i += 1) {
      accountsRepository.insert(
        {
          personId: 1,
          service: `Service ${String(i).padStart(5, '0')}`,
          url: `https://login.site${i}.example.com/`,
          domain: 'example.com',
          urlKind: 'web',
          username: `user${i}@example.com`,
          category: CATEGORIES[i % CATEGORIES.length]!,
          criticality: i % 7 === 0 ? 'critical' : 'standard',
          mfa: i % 3 === 0 ? 'totp' : 'unknown',
          passwordChangedAt: null,
          recoveryReviewedAt: null,
          notes: '',
        },
        now,
      );
    }
  })();
  db.close();

  const app = await launchApp({ dataDir });
  try {
    const accounts = new AccountsPage(app.page);
    await accounts.open();
    await expect(app.page.getByText('10,000 accounts')).toBeVisible();
    const rendered = await accounts.rows.count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);

    const scroller = app.page.getByTestId('accounts-scroller');
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await expect(accounts.row('Service 09999')).toBeVisible();
    expect(await accounts.rows.count()).toBeLessThan(60);

    await accounts.table.getByRole('button', { name: 'Service', exact: true }).click();
    await expect(accounts.rows.first()).toContainText('Service 09999');

    await accounts.search('user4242@');
    await expect(accounts.rows).toHaveCount(1);
    await expect(app.page.getByText('Showing 1 of 10,000 accounts')).toBeVisible();
  } finally {
    await app.close();
  }
});
