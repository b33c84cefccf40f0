// What the person chose, and the ledger of every request that left the computer.

/** The colour scheme the person chose: follow the system's, or always light, or always dark. */
export type ColorSchemeChoice = 'system' | 'light' | 'dark';

/** User settings. Online features are off until the user turns them on. */
export interface Settings {
  /** Check passwords against Have I Been Pwned's range API (k-anonymity: 5 hex characters of a SHA-1 are sent). */
  onlinePwnedCheck: boolean;
  /** The range API's base URL (tests point it at a local fake server). */
  pwnedRangeUrl: string;
  /** Have I Been Pwned's base URL for the email search (with the user's own key). */
  hibpApiUrl: string;
  /** Where the public datasets are refreshed from. */
  datasetUrls: { breaches: string; twoFactor: string; passkeys: string };
  /** A desktop notification, at most once a day, for tasks due today or overdue. */
  reminders: boolean;
  /** The name of a helper making changes for someone (recorded in the history); '' when it is the person. */
  helperName: string;
  /**
   * Keep running with an icon in the tray (the menu bar on macOS) when the window closes, so
   * backups, reminders and the weekly refresh go on. Off by default: closing the window quits.
   */
  keepRunningInBackground: boolean;
  /**
   * Online updates: refresh the breach catalogue and the two-step directories once a week in the
   * background, re-run the checks, and notify once about a new breach that concerns the inventory.
   */
  weeklyRefresh: boolean;
  /** Light or dark colours; 'system' (the default) follows the operating system's setting. */
  colorScheme: ColorSchemeChoice;
}

/** One outbound request, as the user can read it. */
export interface LedgerEntry {
  id: number;
  at: string;
  method: string;
  url: string;
  purpose: string;
  /** Exactly what left the computer, in words (e.g. "5 hex characters of a SHA-1: 21BD1"). */
  sent: string;
  outcome: string;
}
