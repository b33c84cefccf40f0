/**
 * The decisions behind "keep watching when nobody is looking", as plain functions: the scheduler and
 * the Electron tray adapter only act on what these answer.
 */

/** A day's automatic backup is due after the first change of a day that has no backup yet. */
export function isDailyBackupDue(state: {
  /** Today, YYYY-MM-DD (local). */
  today: string;
  /** The local day of the newest backup, or null when there is none. */
  lastBackupDay: string | null;
  /** The local day of the last committed change seen, or null when none was seen. */
  lastChangeDay: string | null;
}): boolean {
  return state.lastChangeDay === state.today && state.lastBackupDay !== state.today;
}

/** How often the public data is refreshed in the background, when the person turned it on. */
export const WEEKLY_REFRESH_MS = 7 * 24 * 60 * 60 * 1000;
/** After a failed background refresh, when to try again. */
export const REFRESH_RETRY_MS = 24 * 60 * 60 * 1000;

/** The last background refresh attempt, as remembered. */
export interface RefreshAttempt {
  /** ISO timestamp. */
  at: string;
  ok: boolean;
}

/**
 * Whether the weekly refresh of the breach catalogue and the two-step directories is due: only when
 * the person turned online updates on; a week after the last successful attempt, a day after a
 * failed one; at once when it never ran.
 */
export function isRefreshDue(state: { enabled: boolean; now: Date; last: RefreshAttempt | null }): boolean {
  if (!state.enabled) return false;
  if (!state.last) return true;
  const since = state.now.getTime() - Date.parse(state.last.at);
  if (Number.isNaN(since) || since < 0) return true;
  return since >= (state.last.ok ? WEEKLY_REFRESH_MS : REFRESH_RETRY_MS);
}

/**
 * What the app does when its last window closes: quit, or — when the person asked Lockstep to keep
 * watching in the background — stay running with an icon in the tray (the menu bar on macOS), so
 * backups, reminders and the weekly refresh go on.
 */
export function whenLastWindowCloses(settings: {
  keepRunningInBackground: boolean;
}): 'quit' | 'stay-in-tray' {
  return settings.keepRunningInBackground ? 'stay-in-tray' : 'quit';
}
