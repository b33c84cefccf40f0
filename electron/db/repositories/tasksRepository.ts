import type Database from 'better-sqlite3';
import type { TaskDraft } from '../../../common/domain/tasks/reconcile';
import type { Priority, TaskKind, TaskStatus } from '../../../common/domain/tasks/tasks';
import type { Task, TaskLink } from '../../../common/model/index';

interface TaskRow {
  id: number;
  task_key: string | null;
  kind: TaskKind;
  title: string;
  why: string;
  links: string;
  account_id: number | null;
  service: string | null;
  person_name: string | null;
  source: Task['source'];
  priority: Priority;
  priority_is_manual: number;
  due_at: string | null;
  status: TaskStatus;
  snoozed_until: string | null;
  wont_do_reason: string | null;
  verified: number;
  verification_note: string;
  created_at: string;
  updated_at: string;
  done_at: string | null;
  finding_ids: string | null;
}

/** The values a generated or manual task is written with. */
export type TaskValues = TaskDraft;

const toTask = (row: TaskRow): Task => ({
  id: row.id,
  key: row.task_key,
  kind: row.kind,
  title: row.title,
  why: JSON.parse(row.why) as string[],
  links: JSON.parse(row.links) as TaskLink[],
  accountId: row.account_id,
  service: row.service,
  personName: row.person_name,
  source: row.source,
  priority: row.priority,
  priorityIsManual: row.priority_is_manual === 1,
  dueAt: row.due_at,
  status: row.status,
  snoozedUntil: row.snoozed_until,
  wontDoReason: row.wont_do_reason,
  verified: row.verified === 1,
  verificationNote: row.verification_note,
  findingIds: row.finding_ids
    ? row.finding_ids
        .split(',')
        .map(Number)
        .sort((a, b) => a - b)
    : [],
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  doneAt: row.done_at,
  isDue: false,
  isOverdue: false,
});

/** Fix tasks and the findings each one answers. */
export class TasksRepository {
  private readonly listAll;
  private readonly getOne;
  private readonly insertOne;
  private readonly refreshOne;
  private readonly setStatusOne;
  private readonly setPlanOne;
  private readonly clearFindings;
  private readonly linkFinding;

  constructor(db: Database.Database) {
    const select = `SELECT t.*, a.service, p.name AS person_name,
              (SELECT group_concat(finding_id) FROM task_findings WHERE task_id = t.id) AS finding_ids
       FROM tasks t LEFT JOIN accounts a ON a.id = t.account_id LEFT JOIN people p ON p.id = a.person_id`;
    this.listAll = db.prepare<[], TaskRow>(`${select} ORDER BY t.id`);
    this.getOne = db.prepare<[number], TaskRow>(`${select} WHERE t.id = ?`);
    this.insertOne = db.prepare(
      `INSERT INTO tasks (task_key, kind, title, why, links, account_id, source, priority, due_at, created_at, updated_at)
       VALUES (@key, @kind, @title, @why, @links, @accountId, @source, @priority, @dueAt, @now, @now)`,
    );
    this.refreshOne = db.prepare(
      `UPDATE tasks SET title = @title, why = @why, links = @links,
         priority = CASE WHEN priority_is_manual = 1 THEN priority ELSE @priority END, updated_at = @now
       WHERE id = @id`,
    );
    this.setStatusOne = db.prepare(
      `UPDATE tasks SET status = @status, snoozed_until = @snoozedUntil, wont_do_reason = @wontDoReason,
         verified = @verified, verification_note = @verificationNote, done_at = @doneAt, updated_at = @now
       WHERE id = @id`,
    );
    this.setPlanOne = db.prepare(
      `UPDATE tasks SET priority = @priority, priority_is_manual = @manual, due_at = @dueAt, updated_at = @now WHERE id = @id`,
    );
    this.clearFindings = db.prepare<[number]>(`DELETE FROM task_findings WHERE task_id = ?`);
    this.linkFinding = db.prepare<[number, number]>(
      `INSERT OR IGNORE INTO task_findings (task_id, finding_id) VALUES (?, ?)`,
    );
  }

  list(): Task[] {
    return this.listAll.all().map(toTask);
  }

  get(id: number): Task | undefined {
    const row = this.getOne.get(id);
    return row ? toTask(row) : undefined;
  }

  insert(values: TaskValues, findingIds: readonly number[], now: string): number {
    const id = Number(
      this.insertOne.run({
        ...values,
        why: JSON.stringify(values.why),
        links: JSON.stringify(values.links),
        now,
      }).lastInsertRowid,
    );
    for (const findingId of findingIds) this.linkFinding.run(id, findingId);
    return id;
  }

  /** Updates what a generated task says and which findings it answers (a manual priority stays). */
  refresh(
    id: number,
    values: Pick<TaskValues, 'title' | 'why' | 'links' | 'priority'>,
    findingIds: readonly number[],
    now: string,
  ): void {
    this.refreshOne.run({
      id,
      title: values.title,
      why: JSON.stringify(values.why),
      links: JSON.stringify(values.links),
      priority: values.priority,
      now,
    });
    this.clearFindings.run(id);
    for (const findingId of findingIds) this.linkFinding.run(id, findingId);
  }

  setStatus(
    id: number,
    values: {
      status: TaskStatus;
      snoozedUntil: string | null;
      wontDoReason: string | null;
      verified: boolean;
      verificationNote: string;
      doneAt: string | null;
    },
    now: string,
  ): void {
    this.setStatusOne.run({ id, ...values, verified: values.verified ? 1 : 0, now });
  }

  setPlan(id: number, priority: Priority, isManual: boolean, dueAt: string | null, now: string): void {
    this.setPlanOne.run({ id, priority, manual: isManual ? 1 : 0, dueAt, now });
  }
}
