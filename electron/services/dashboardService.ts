import {
  categoryOf,
  PROGRESS_CATEGORIES,
  scoreFigures,
  type ProgressCategory,
} from '../../common/domain/dashboard/score';
import type { Dashboard, Task } from '../../common/model/index';
import type { Store } from './store';
import type { TasksService } from './tasksService';
import { inScope, peopleInScope, type Scope } from './scope';

const PRIORITY_RANK = { P1: 0, P2: 1, P3: 2, P4: 3 } as const;

/** "How am I doing, and what do I do next?" — the home screen's figures. */
export class DashboardService {
  constructor(
    private readonly store: Store,
    private readonly tasks: TasksService,
    private readonly passwordCoverage: () => { coverage: { gaps: unknown[] }; lines: string[] },
  ) {}

  /**
   * The figures for everyone, or for one person or group (their findings and tasks; the daily trend
   * is kept for everyone only, so a scoped dashboard has none).
   */
  summary(scope: Scope = {}): Dashboard {
    const people = peopleInScope(this.store.read, scope);
    const all = this.store.read.findings.list();
    const findings = people === null ? all : all.filter((f) => inScope(people, f.personIds));
    const { score, open, fixed } = scoreFigures(findings, this.store.read.accounts.criticalities());
    const counted = findings.filter((f) => f.status !== 'dismissed');
    const categories = PROGRESS_CATEGORIES.map((category) => {
      const inCategory = counted.filter((f) => categoryOf(f.kind) === category);
      return {
        category,
        open: inCategory.filter((f) => f.status === 'open').length,
        fixed: inCategory.filter((f) => f.status === 'resolved' || f.status === 'auto_resolved').length,
      };
    });
    // Summaries (no wording) to count and choose; the one task shown is read in full.
    const tasks = this.tasks.summaries(scope);
    const open_ = tasks.filter((t) => t.status === 'todo' || t.status === 'in_progress');
    const next = nextBestTask(open_);
    return {
      score,
      trend:
        people === null
          ? this.store.read.snapshots.recent(30).map(({ day, score: value }) => ({ day, score: value }))
          : [],
      openFindings: open.length,
      fixedFindings: fixed,
      totalFindings: counted.length,
      categories: categories as { category: ProgressCategory; open: number; fixed: number }[],
      nextTask: next ? (this.tasks.byIds([next.id])[0] ?? null) : null,
      overdue: open_.filter((t) => t.isOverdue).length,
      dueToday: open_.filter((t) => t.isDue && !t.isOverdue).length,
      verifiedTasks: tasks.filter((t) => t.status === 'done' && t.verified).length,
      totalTasks: tasks.filter((t) => t.status !== 'wont_do').length,
      passwordChecks: (({ coverage, lines }) => ({ lines, gaps: coverage.gaps.length }))(
        this.passwordCoverage(),
      ),
    };
  }
}

/**
 * The single most valuable open task: most urgent priority, then overdue, then the one answering
 * the most findings, then the earliest due.
 */
export function nextBestTask<
  T extends Pick<Task, 'id' | 'priority' | 'isOverdue' | 'dueAt'> & { findingCount: number },
>(tasks: readonly T[]): T | null {
  const sorted = [...tasks].sort(
    (a, b) =>
      PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
      Number(b.isOverdue) - Number(a.isOverdue) ||
      b.findingCount - a.findingCount ||
      (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') ||
      a.id - b.id,
  );
  return sorted[0] ?? null;
}
