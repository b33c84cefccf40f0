import type { Settings } from '../../common/ipc/contract';
import type { SettingsRepository } from '../db/repositories/settingsRepository';
import { DEFAULT_HIBP_URL } from './online/hibpAccount';
import { DEFAULT_DATASET_URLS } from './online/refreshDatasets';
import { DEFAULT_PWNED_RANGE_URL } from './pwnedRange';

const DEFAULTS: Settings = {
  onlinePwnedCheck: false,
  pwnedRangeUrl: DEFAULT_PWNED_RANGE_URL,
  hibpApiUrl: DEFAULT_HIBP_URL,
  datasetUrls: { ...DEFAULT_DATASET_URLS },
  reminders: true,
  helperName: '',
};

/** User settings over the settings table; online features default to off. */
export class SettingsService {
  constructor(private readonly settings: SettingsRepository) {}

  get(): Settings {
    const stored = this.settings.get('app') as Partial<Settings> | undefined;
    return {
      onlinePwnedCheck:
        typeof stored?.onlinePwnedCheck === 'boolean' ? stored.onlinePwnedCheck : DEFAULTS.onlinePwnedCheck,
      pwnedRangeUrl:
        typeof stored?.pwnedRangeUrl === 'string' ? stored.pwnedRangeUrl : DEFAULTS.pwnedRangeUrl,
      hibpApiUrl: typeof stored?.hibpApiUrl === 'string' ? stored.hibpApiUrl : DEFAULTS.hibpApiUrl,
      datasetUrls: { ...DEFAULTS.datasetUrls, ...(stored?.datasetUrls ?? {}) },
      reminders: typeof stored?.reminders === 'boolean' ? stored.reminders : DEFAULTS.reminders,
      helperName: typeof stored?.helperName === 'string' ? stored.helperName : DEFAULTS.helperName,
    };
  }

  /** The day the last reminder digest was shown (YYYY-MM-DD), if any. */
  lastReminderDay(): string | null {
    const value = this.settings.get('lastReminderDay');
    return typeof value === 'string' ? value : null;
  }

  setLastReminderDay(day: string): void {
    this.settings.put('lastReminderDay', day);
  }

  update(patch: Partial<Settings>): Settings {
    const next = {
      ...this.get(),
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
    };
    this.settings.put('app', next);
    return next;
  }
}
