import { expect, type Locator, type Page } from '@playwright/test';
import { format } from '../../common/messages/format';

/** Values a test types into the account form; omitted fields keep their defaults. */
export interface AccountFields {
  service?: string;
  url?: string;
  username?: string;
  category?: string;
  criticality?: string;
  mfa?: string;
  passwordChangedAt?: string;
  notes?: string;
  person?: string;
}

/** The Accounts screen, by intent. */
export class AccountsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('link', { name: 'Accounts' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Accounts', level: 2, exact: true })).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Accounts' });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** The data rows currently rendered (the grid is virtualised). */
  get rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  row(service: string): Locator {
    return this.rows.filter({
      has: this.page.getByRole('button', { name: new RegExp(`^Edit ${escape(service)}`) }),
    });
  }

  async startAdding(): Promise<void> {
    await this.page
      .getByRole('button', { name: /^Add (your first )?account$/ })
      .first()
      .click();
    await expect(this.dialog).toBeVisible();
  }

  async fill(fields: AccountFields): Promise<void> {
    const dialog = this.dialog;
    if (fields.service !== undefined)
      await dialog.getByLabel(format('accountForm.service')).fill(fields.service);
    if (fields.url !== undefined) {
      await dialog.getByLabel(format('accountForm.url')).fill(fields.url);
      await dialog.getByLabel(format('accountForm.url')).blur();
    }
    if (fields.username !== undefined)
      await dialog.getByLabel(format('accountForm.username')).fill(fields.username);
    if (fields.person !== undefined) await this.choose(format('accountForm.owner'), fields.person);
    if (fields.category !== undefined) await this.choose(format('accountForm.category'), fields.category);
    if (fields.criticality !== undefined)
      await this.choose(format('accountForm.criticality'), fields.criticality);
    if (fields.mfa !== undefined) await this.choose(format('accountForm.mfa'), fields.mfa);
    if (fields.passwordChangedAt !== undefined) {
      await dialog.getByLabel(format('accountForm.passwordChanged')).fill(fields.passwordChangedAt);
    }
    if (fields.notes !== undefined) await dialog.getByLabel(format('accountForm.notes')).fill(fields.notes);
  }

  async choose(label: string, option: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async add(fields: AccountFields): Promise<void> {
    await this.startAdding();
    await this.fill(fields);
    await this.dialog.getByRole('button', { name: format('accountForm.add') }).click();
    await expect(this.dialog).toBeHidden();
  }

  async edit(service: string): Promise<void> {
    await this.page
      .getByRole('button', { name: new RegExp(`^Edit ${escape(service)}`) })
      .first()
      .click();
    await expect(this.dialog).toBeVisible();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Search accounts' }).fill(text);
  }

  async filter(label: string, option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
