import type { RefreshAttempt } from '../../common/domain/dataSafety/background';
import { isAllowedServiceUrl } from '../../common/domain/onlineServices';
import { COLOR_SCHEME_CHOICES } from '../../common/domain/appearance';
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
  colorScheme: 'system',
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
      const before = settingsOf(tx.repos.settings.get('app'));
      tx.repos.settings.put('app', next);
      // Turning the online check on or off changes what the stored passwords were checked against.
      if (before.onlinePwnedCheck !== next.onlinePwnedCheck) {
        tx.touch('sources');
        tx.announce('findings');
      }
      tx.announce('settings');
      return next;
    });
  }
}

/** The stored settings, with the defaults for what is unset or not of the right type. */
export function settingsOf(value: unknown): Settings {
  const stored = value as Partial<Settings> | undefined;
  return {
    onlinePwnedCheck:
      typeof stored?.onlinePwnedCheck === 'boolean' ? stored.onlinePwnedCheck : DEFAULTS.onlinePwnedCheck,
    // A stored address that is neither the official service nor this computer (a file edited
    // behind Lockstep's back) is not used: requests go only where the settings screen allows.
    pwnedRangeUrl: allowed(stored?.pwnedRangeUrl, DEFAULTS.pwnedRangeUrl),
    hibpApiUrl: allowed(stored?.hibpApiUrl, DEFAULTS.hibpApiUrl),
    datasetUrls: {
      breaches: allowed(stored?.datasetUrls?.breaches, DEFAULTS.datasetUrls.breaches),
      twoFactor: allowed(stored?.datasetUrls?.twoFactor, DEFAULTS.datasetUrls.twoFactor),
      passkeys: allowed(stored?.datasetUrls?.passkeys, DEFAULTS.datasetUrls.passkeys),
    },
    reminders: typeof stored?.reminders === 'boolean' ? stored.reminders : DEFAULTS.reminders,
    helperName: typeof stored?.helperName === 'string' ? stored.helperName : DEFAULTS.helperName,
    keepRunningInBackground:
      typeof stored?.keepRunningInBackground === 'boolean'
        ? stored.keepRunningInBackground
        : DEFAULTS.keepRunningInBackground,
    weeklyRefresh: typeof stored?.weeklyRefresh === 'boolean' ? stored.weeklyRefresh : DEFAULTS.weeklyRefresh,
    colorScheme:
      COLOR_SCHEME_CHOICES.find((choice) => choice === stored?.colorScheme) ?? DEFAULTS.colorScheme,
  };
}

const allowed = (value: unknown, official: string): string =>
  typeof value === 'string' && isAllowedServiceUrl(value, official) ? value : official;
