import { expect, type Locator, type Page } from '@playwright/test';

/** The People screen, by intent. */
export class PeoplePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('link', { name: 'People' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'People', level: 2, exact: true })).toBeVisible();
  }

  card(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  async add(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add person' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add a person' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await expect(dialog).toBeHidden();
  }

  async addEmail(person: string, address: string): Promise<void> {
    const card = this.card(person);
    await card.getByRole('textbox', { name: `New email address for ${person}` }).fill(address);
    await card.getByRole('button', { name: 'Add' }).click();
  }
}
