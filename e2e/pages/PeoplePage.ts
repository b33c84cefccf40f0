import { expect, type Locator, type Page } from '@playwright/test';
import { format } from '../../common/messages/format';

/** The People screen, by intent. */
export class PeoplePage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: format('nav.screens') })
      .getByRole('link', { name: format('nav.people') })
      .click();
    await expect(
      this.page.getByRole('heading', { name: format('nav.people'), level: 2, exact: true }),
    ).toBeVisible();
  }

  card(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  async add(name: string): Promise<void> {
    await this.page.getByRole('button', { name: format('people.add') }).click();
    const dialog = this.page.getByRole('dialog', { name: format('people.addTitle') });
    await dialog.getByLabel(format('people.name')).fill(name);
    await dialog.getByRole('button', { name: format('people.add') }).click();
    await expect(dialog).toBeHidden();
  }

  async addEmail(person: string, address: string): Promise<void> {
    const card = this.card(person);
    await card.getByRole('textbox', { name: format('people.newEmail', { name: person }) }).fill(address);
    await card.getByRole('button', { name: format('people.addEmail'), exact: true }).click();
  }
}
