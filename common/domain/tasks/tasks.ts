import { format } from '../../messages/format';
import type { Criticality } from '../inventory';
import type { FindingKind, Severity } from '../checks/findings';

/** What a task asks a person to do. */
export const TASK_KINDS = [
  'change_password',
  'enable_mfa',
  'upgrade_mfa',
  'fix_url',
  'review_email',
  'rotate_secret',
  'manual',
] as const;
/** One of {@link TASK_KINDS}. */
export type TaskKind = (typeof TASK_KINDS)[number];

/** Priorities, most urgent first. */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
/** One of {@link PRIORITIES}. */
export type Priority = (typeof PRIORITIES)[number];

/** Where a task stands. */
export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'snoozed', 'wont_do'] as const;
/** One of {@link TASK_STATUSES}. */
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Days from creation to the default due date, by priority (DESIGN.md); P4 has none. */
export const DUE_DAYS: Record<Priority, number | null> = { P1: 1, P2: 3, P3: 14, P4: null };

/**
 * Priority from severity × account criticality (DESIGN.md): a critical finding is P1 anywhere; a
 * critical account lifts high and medium findings one step; low findings are P4 (P3 on a critical
 * account).
 */
export function priorityOf(severity: Severity, criticality: Criticality): Priority {
  const lift = criticality === 'critical' ? 1 : 0;
  const base = { critical: 0, high: 1, medium: 2, low: 3 }[severity];
  const index = Math.max(0, base - (severity === 'critical' ? 0 : lift));
  return PRIORITIES[index]!;
}

/** The more urgent of two priorities. */
export const higherPriority = (a: Priority, b: Priority): Priority => (a < b ? a : b);

/** `YYYY-MM-DD` plus `days`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return next.toISOString().slice(0, 10);
}

/** The default due date for a priority, from `today`. */
export function defaultDueDate(priority: Priority, today: string): string | null {
  const days = DUE_DAYS[priority];
  return days === null ? null : addDays(today, days);
}

/** The task a finding turns into, for each account it concerns ("one task per thing a person does"). */
export function taskKindFor(kind: FindingKind): TaskKind | null {
  switch (kind) {
    case 'password_pwned':
    case 'password_reused':
    case 'password_similar':
    case 'password_weak':
    case 'breached_service':
      return 'change_password';
    case 'mfa_available':
      return 'enable_mfa';
    case 'mfa_upgrade':
      return 'upgrade_mfa';
    case 'insecure_url':
      return 'fix_url';
    case 'email_in_breach':
    case 'breach_notice':
      return 'review_email';
    case 'mail_secret':
      // A password found in mail and tied to an account is that account's "change your password"
      // (see `reconcile.ts`); anything else is replaced where it is used.
      return 'rotate_secret';
    case 'password_check_gap':
      // Nothing to fix at the account: the next import checks it (the finding says so).
      return null;
  }
}

/**
 * Titles in the imperative, naming the service — and, in a file with several people, whose it is
 * (`owner`): "Change Priya's password at Yahoo Mail".
 */
export function taskTitle(kind: TaskKind, subject: string, owner?: string): string {
  const whose = { who: owner ? 'person' : 'you', owner: owner ?? '', subject };
  switch (kind) {
    case 'change_password':
      return format('task.title.changePassword', whose);
    case 'enable_mfa':
      return format('task.title.enableMfa', whose);
    case 'upgrade_mfa':
      return format('task.title.upgradeMfa', whose);
    case 'fix_url':
      return format('task.title.fixUrl', whose);
    case 'review_email':
      return format('task.title.reviewEmail', whose);
    case 'rotate_secret':
      return format('task.title.rotateSecret', whose);
    case 'manual':
      return subject;
  }
}

/** The longest task title stored; longer ones are cut with an ellipsis. */
export const MAX_TASK_TITLE = 300;

/** A title cut to {@link MAX_TASK_TITLE} characters. */
export function clipTitle(title: string): string {
  return title.length <= MAX_TASK_TITLE ? title : `${title.slice(0, MAX_TASK_TITLE - 1)}…`;
}

/** Snoozing is allowed for 1 day to 2 weeks (as Entra's MFA registration campaigns allow). */
export function isValidSnooze(until: string, today: string): boolean {
  return until > today && until <= addDays(today, 14);
}

/** Which tasks a list shows: the open ones (to do, in progress, snoozed), the done, or the set aside. */
export type TaskView = 'open' | 'done' | 'wont_do';

/** Whether a task belongs in a view. */
export function isInView(status: TaskStatus, view: TaskView): boolean {
  return view === 'open'
    ? status === 'todo' || status === 'in_progress' || status === 'snoozed'
    : status === view;
}

/** Most urgent first: priority, then the earliest due date (undated last), then the oldest. */
export function compareTasks(
  a: { priority: Priority; dueAt: string | null; id: number },
  b: { priority: Priority; dueAt: string | null; id: number },
): number {
  // Plain comparisons: priorities and ISO dates order as strings, and this runs over 5,000 tasks.
  if (a.priority !== b.priority) return a.priority < b.priority ? -1 : 1;
  const dueA = a.dueAt ?? '9999';
  const dueB = b.dueAt ?? '9999';
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return a.id - b.id;
}
