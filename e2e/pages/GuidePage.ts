import { expect, type Locator, type Page } from '@playwright/test';
import type { LaunchedApp } from '../fixtures/app';
import { format } from '../../common/messages/format';

/** The guide runner, guide mode and the session summary. */
export class GuidePage {
  readonly page: Page;

  constructor(readonly app: LaunchedApp) {
    this.page = app.page;
  }

  /** The step being shown (normal view). */
  get step(): Locator {
    return this.page.getByRole('region', { name: /^Step \d+ of \d+$/ });
  }

  get steps(): Locator {
    return this.page.getByRole('navigation', { name: format('guideRun.steps') });
  }

  get guideMode(): Locator {
    return this.page.getByRole('dialog', { name: format('guideRun.guideMode') });
  }

  /** Starts the best-fitting guide from the "Guide me" dialog that is open. */
  async startFromDialog(guideTitle: RegExp | string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: format('startGuide.title') });
    await expect(dialog.getByRole('radio', { name: guideTitle })).toBeChecked();
    await dialog.getByRole('button', { name: format('guides.startDialog.submit') }).click();
    await expect(this.steps).toBeVisible();
  }

  /** Shows step `number` (1-based) and says yes to it (normal view). */
  async yesDone(number: number): Promise<void> {
    await this.steps.getByRole('button', { name: new RegExp(`^Step ${number}: `) }).click();
    await expect(this.step).toHaveAccessibleName(new RegExp(`^Step ${number} of`));
    await this.step
      .getByRole('button', { name: new RegExp(`^(${format('step.yesDone')}|${format('step.markDone')})`) })
      .click();
    await expect(
      this.steps.getByRole('button', { name: new RegExp(`^Step ${number}: .*\\(Done\\)$`) }),
    ).toBeVisible();
  }

  /** Opens the summary and waits for it. */
  async openSummary(): Promise<Locator> {
    await this.page.getByRole('button', { name: format('guideRun.summary'), exact: true }).click();
    const summary = this.page.getByRole('article', { name: format('summary.label') });
    await expect(summary).toBeVisible();
    return summary;
  }
}
