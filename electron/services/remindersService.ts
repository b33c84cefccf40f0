import { format } from '../../common/messages/format';
import type { PlatformPort } from '../platform/port';
import { today, type Clock } from './clock';
import type { SettingsService } from './settingsService';
import type { TasksService } from './tasksService';

/**
 * Desktop reminders: one digest a day at most, for tasks due today or overdue; clicking it opens
 * the most urgent task. Off with a setting.
 */
export class RemindersService {
  constructor(
    private readonly tasks: TasksService,
    private readonly settings: SettingsService,
    private readonly platform: PlatformPort,
    private readonly clock: Clock,
    private readonly navigate: (path: string) => void,
  ) {}

  check(): { notified: boolean; due: number } {
    const due = this.tasks
      .list()
      .filter((t) => t.isDue)
      .sort((a, b) => a.priority.localeCompare(b.priority) || (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
    const day = today(this.clock);
    if (!this.settings.get().reminders || due.length === 0 || this.settings.lastReminderDay() === day) {
      return { notified: false, due: due.length };
    }
    const overdue = due.filter((t) => t.isOverdue).length;
    const first = due[0]!;
    this.platform.notify({
      title: format('reminders.title', { count: due.length }),
      body: format('reminders.body', { overdue, next: first.title, more: due.length - 1 }),
      onClick: () => this.navigate(`/tasks?task=${first.id}`),
    });
    this.settings.setLastReminderDay(day);
    return { notified: true, due: due.length };
  }
}
