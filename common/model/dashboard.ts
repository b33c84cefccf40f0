// The home screen's figures.
import type { Task } from './tasks';

/** The home screen: the exposure score and its trend, progress, and the next best action. */
export interface Dashboard {
  /** 0–100, lower is better (see the README for the formula). */
  score: number;
  /** One point a day, oldest first (the last 30 days with data). */
  trend: { day: string; score: number }[];
  openFindings: number;
  fixedFindings: number;
  /** Findings ever raised, not counting those set aside. */
  totalFindings: number;
  categories: { category: 'passwords' | 'mfa' | 'breaches'; open: number; fixed: number }[];
  nextTask: Task | null;
  overdue: number;
  dueToday: number;
  verifiedTasks: number;
  totalTasks: number;
  /** How the stored passwords were checked (sources that did not see some are said, with why). */
  passwordChecks: { lines: string[]; gaps: number };
}
