import { isDailyBackupDue, isRefreshDue } from '../../../common/domain/dataSafety/background';
import { breachNotification, newBreaches } from '../../../common/domain/dataSafety/breachAlert';
import type { Finding } from '../../../common/model/findings';
import type { PlatformPort } from '../../platform/port';
import { timestamp, today, type Clock } from '../clock';
import type { OnlineService } from '../onlineService';
import type { SettingsService } from '../settingsService';
import type { BackupService } from './backupService';

/** What the background work needs. */
export interface DataWatchOptions {
  backups: BackupService;
  settings: SettingsService;
  online: OnlineService;
  /** Every finding, as stored now. */
  findings: () => Finding[];
  platform: PlatformPort;
  clock: Clock;
  /** Shows a screen when a notification is clicked. */
  navigate: (path: string) => void;
  /** Whether background work runs now (the app's scheduler is started; never in the CLI). */
  isActive: () => boolean;
  /** Asks the scheduler to run the daily backup soon (it runs once at a time). */
  requestBackup: () => void;
}

/**
 * The work the scheduler does while nobody is looking: the day's automatic backup, taken after the
 * first change of each day (the write path reports every commit), and — only when the person turned
 * online updates on — a weekly refresh of the public data, followed by the checks, that raises one
 * desktop notification when a new breach concerns an account or an address.
 */
export class DataWatch {
  private lastChangeDay: string | null = null;
  private lastBackupDay: string | null | undefined;

  constructor(private readonly options: DataWatchOptions) {}

  /** Called after every committed change. */
  noteChange(): void {
    this.lastChangeDay = today(this.options.clock);
    if (this.options.isActive() && this.isBackupDue()) this.options.requestBackup();
  }

  /** Whether the day's automatic backup is due now. */
  isBackupDue(): boolean {
    if (this.lastBackupDay === undefined) this.lastBackupDay = this.options.backups.lastBackupDay();
    return isDailyBackupDue({
      today: today(this.options.clock),
      lastBackupDay: this.lastBackupDay,
      lastChangeDay: this.lastChangeDay,
    });
  }

  /** Takes the day's backup when it is due; returns its path, or null when none was due. */
  async dailyBackup(): Promise<string | null> {
    if (!this.isBackupDue()) return null;
    const backup = await this.options.backups.create('daily');
    this.lastBackupDay = today(this.options.clock);
    return backup.path;
  }

  /** Forgets what it knew of the backup folder (another folder was chosen, a backup restored). */
  forgetBackups(): void {
    this.lastBackupDay = undefined;
  }

  /**
   * The weekly refresh, when online updates are on and it is due: downloads the breach catalogue and
   * the two-step directories (every request goes in the network ledger), lets the checks re-run,
   * and notifies once about breaches that newly concern the inventory. Returns what it did.
   */
  async weeklyRefresh(): Promise<{ ran: boolean; ok: boolean; notified: boolean }> {
    const { settings, clock } = this.options;
    const enabled = settings.get().weeklyRefresh;
    if (!isRefreshDue({ enabled, now: clock.now(), last: settings.lastBackgroundRefresh() })) {
      return { ran: false, ok: false, notified: false };
    }
    const before = this.options.findings();
    // Anything refreshed waits a week; a refresh that got nothing (offline, say) tries a day later.
    let ok: boolean;
    try {
      const result = await this.options.online.refresh();
      ok = result.refreshed.length > 0 || result.failed.length === 0;
    } catch {
      ok = false;
    }
    settings.setLastBackgroundRefresh({ at: timestamp(clock), ok });
    const notification = breachNotification(newBreaches(before, this.options.findings()));
    if (notification) {
      this.options.platform.notify({ ...notification, onClick: () => this.options.navigate('/exposure') });
    }
    return { ran: true, ok, notified: notification !== null };
  }
}
