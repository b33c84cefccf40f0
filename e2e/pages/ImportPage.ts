import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { LaunchedApp } from '../fixtures/app';

/** The import dialog, by intent. */
export class ImportPage {
  constructor(
    private readonly app: LaunchedApp,
    private readonly page: Page = app.page,
  ) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import from a password manager' });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('link', { name: 'Accounts' })
      .click();
    await this.page.getByRole('button', { name: 'Import passwords' }).first().click();
    await expect(this.dialog).toBeVisible();
  }

  /** Chooses a file through the (recorded) file dialog. */
  async choose(path: string): Promise<void> {
    await this.app.answerNextFile(path);
    await this.dialog.getByRole('button', { name: 'Choose file…' }).click();
  }

  /** Drops a file on the drop zone, as a person dragging it from their file manager. */
  async drop(path: string): Promise<void> {
    const content = readFileSync(path).toString('base64');
    const dataTransfer = await this.page.evaluateHandle(
      ([name, base64]) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: 'text/csv' }));
        return transfer;
      },
      [basename(path), content] as const,
    );
    await this.dialog.getByTestId('import-dropzone').dispatchEvent('drop', { dataTransfer });
  }

  /** Imports a file all the way through: choose, preview, import, and close the summary. */
  async importAll(path: string): Promise<void> {
    await this.open();
    await this.choose(path);
    await this.dialog.getByRole('button', { name: /^Import \d+ accounts?$/ }).click();
    await expect(this.dialog.getByRole('status')).toContainText('Import finished');
    await this.dialog.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }

  stat(label: string): Locator {
    return this.dialog.getByText(label, { exact: true }).locator('..');
  }
}
