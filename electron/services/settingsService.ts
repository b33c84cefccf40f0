import type { RefreshAttempt } from '../../common/domain/dataSafety/background';
import type { Settings } from '../../common/model/index';
import type { Store } from './store';
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
  keepRunningInBackground: false,
  weeklyRefresh: false,
};

/** User settings over the settings table; online features default to off. */
export class SettingsService {
  constructor(private readonly store: Store) {}

  get(): Settings {
    return settingsOf(this.store.read.settings.get('app'));
  }

  /** The day the last reminder digest was shown (YYYY-MM-DD), if any. */
  lastReminderDay(): string | null {
    const value = this.store.read.settings.get('lastReminderDay');
    return typeof value === 'string' ? value : null;
  }

  setLastReminderDay(day: string): void {
    this.store.write((tx) => tx.repos.settings.put('lastReminderDay', day));
  }

  /** The last background refresh of the public data: when, and whether it worked. */
  lastBackgroundRefresh(): RefreshAttempt | null {
    const value = this.store.read.settings.get('lastBackgroundRefresh') as
      Partial<RefreshAttempt> | undefined;
    return typeof value?.at === 'string' && typeof value.ok === 'boolean'
      ? { at: value.at, ok: value.ok }
      : null;
  }

  setLastBackgroundRefresh(attempt: RefreshAttempt): void {
    this.store.write((tx) => tx.repos.settings.put('lastBackgroundRefresh', attempt));
  }

  update(patch: Partial<Settings>): Settings {
    return this.store.write((tx) => {
      const next = {
        ...settingsOf(tx.repos.settings.get('app')),
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      };
      tx.repos.settings.put('app', next);
      tx.announce('settings');
      return next;
    });
  }
}

/** The stored settings, with the defaults for what is unset or not of the right type. */
function settingsOf(value: unknown): Settings {
  const stored = value as Partial<Settings> | undefined;
  return {
    onlinePwnedCheck:
      typeof stored?.onlinePwnedCheck === 'boolean' ? stored.onlinePwnedCheck : DEFAULTS.onlinePwnedCheck,
    pwnedRangeUrl: typeof stored?.pwnedRangeUrl === 'string' ? stored.pwnedRangeUrl : DEFAULTS.pwnedRangeUrl,
    hibpApiUrl: typeof stored?.hibpApiUrl === 'string' ? stored.hibpApiUrl : DEFAULTS.hibpApiUrl,
    datasetUrls: { ...DEFAULTS.datasetUrls, ...(stored?.datasetUrls ?? {}) },
    reminders: typeof stored?.reminders === 'boolean' ? stored.reminders : DEFAULTS.reminders,
    helperName: typeof stored?.helperName === 'string' ? stored.helperName : DEFAULTS.helperName,
    keepRunningInBackground:
      typeof stored?.keepRunningInBackground === 'boolean'
        ? stored.keepRunningInBackground
        : DEFAULTS.keepRunningInBackground,
    weeklyRefresh: typeof stored?.weeklyRefresh === 'boolean' ? stored.weeklyRefresh : DEFAULTS.weeklyRefresh,
  };
}
