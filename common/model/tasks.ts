// Fix tasks.
import type { Priority, TaskKind, TaskStatus } from '../domain/tasks/tasks';

/** A labelled https link a task offers (opened in the browser). */
export interface TaskLink {
  label: string;
  url: string;
}

/**
 * Who a task is assigned to: one of the people in this file, or a helper who is not one of them (the
 * office's IT helper, or an outside technician), known by name only.
 */
export type TaskAssignee =
  { kind: 'person'; personId: number; name: string } | { kind: 'helper'; name: string };

/** A fix task: one concrete thing a person does, tracked until verified. */
export interface Task {
  id: number;
  /** Stable key of a generated task (`change_password:account:12`); null for manual tasks. */
  key: string | null;
  kind: TaskKind;
  title: string;
  /** Why, in plain words: the titles of the findings it answers. */
  why: string[];
  links: TaskLink[];
  accountId: number | null;
  service: string | null;
  /**
   * The owner: the person whose account (or address, or notice) it is — null when it concerns no
   * one in particular (a task added by hand without an account).
   */
  personId: number | null;
  /** The owner's name. */
  personName: string | null;
  /** Who does it, when someone was asked to (the owner, another person, or a helper); null: unassigned. */
  assignee: TaskAssignee | null;
  source: 'finding' | 'manual' | 'guide';
  priority: Priority;
  priorityIsManual: boolean;
  dueAt: string | null;
  status: TaskStatus;
  snoozedUntil: string | null;
  wontDoReason: string | null;
  /** Done, and the checks agree (every finding it answers is closed). */
  verified: boolean;
  /** Why a done task is not verified, or how it was. */
  verificationNote: string;
  findingIds: number[];
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
  /** Open and due today or earlier (by the main process's clock). */
  isDue: boolean;
  /** Open and past its due date. */
  isOverdue: boolean;
}

/** One window of a task list, with what the whole list holds (the screen virtualises the rest). */
export interface TaskPage {
  /** Tasks in the view asked for. */
  total: number;
  /** How many tasks each view holds, in the same scope. */
  counts: { open: number; done: number; wont_do: number; verified: number };
  /** The tasks from `offset`, most urgent first. */
  items: Task[];
  /** Where the task asked for with `focus` is in the view, or null. */
  focusIndex: number | null;
}
