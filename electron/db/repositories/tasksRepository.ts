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
  person_id: number | null;
  person_name: string | null;
  assignee_person_id: number | null;
  assignee_name: string | null;
  assignee_helper: string | null;
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

/** What lists filter and sort tasks by (a light read: no wording, no findings). */
export interface TaskSummary {
  id: number;
  status: TaskStatus;
  priority: Priority;
  dueAt: string | null;
  verified: boolean;
  /** The owner. */
  personId: number | null;
  assigneePersonId: number | null;
  assigneeHelper: string | null;
  /** How many findings it answers. */
  findingCount: number;
}

/** Who a task is assigned to, as stored: a person, a helper by name, or no one. */
export type StoredAssignee = { personId: number } | { helper: string } | null;

const toTask = (row: TaskRow): Task => ({
  id: row.id,
  key: row.task_key,
  kind: row.kind,
  title: row.title,
  why: JSON.parse(row.why) as string[],
  links: JSON.parse(row.links) as TaskLink[],
  accountId: row.account_id,
  service: row.service,
  personId: row.person_id,
  personName: row.person_name,
  assignee:
    row.assignee_person_id !== null && row.assignee_name !== null
      ? { kind: 'person', personId: row.assignee_person_id, name: row.assignee_name }
      : row.assignee_helper !== null
        ? { kind: 'helper', name: row.assignee_helper }
        : null,
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
  private readonly assignOne;
  private readonly listBrief;
  private readonly listSummaries;
  private readonly getSome;

  constructor(db: Database.Database) {
    const select = `SELECT t.*, a.service, coalesce(a.person_id, t.owner_person_id) AS person_id,
              coalesce(p.name, op.name) AS person_name, ap.name AS assignee_name,
              (SELECT group_concat(finding_id) FROM task_findings WHERE task_id = t.id) AS finding_ids
       FROM tasks t LEFT JOIN accounts a ON a.id = t.account_id LEFT JOIN people p ON p.id = a.person_id
       LEFT JOIN people op ON op.id = t.owner_person_id LEFT JOIN people ap ON ap.id = t.assignee_person_id`;
    this.listAll = db.prepare<[], TaskRow>(`${select} ORDER BY t.id`);
    this.getOne = db.prepare<[number], TaskRow>(`${select} WHERE t.id = ?`);
    // Positional: an import inserts thousands, and binding by name costs a lookup per value.
    this.insertOne = db.prepare<
      [
        ...[string | null, string, string, string, string, number | null, number | null, string, string],
        ...[string | null, string, string],
      ]
    >(
      `INSERT INTO tasks (task_key, kind, title, why, links, account_id, owner_person_id, source, priority, due_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.refreshOne = db.prepare(
      `UPDATE tasks SET title = @title, why = @why, links = @links, owner_person_id = @ownerId,
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
    this.listSummaries = db.prepare<
      [],
      {
        id: number;
        status: TaskStatus;
        priority: Priority;
        due_at: string | null;
        verified: number;
        person_id: number | null;
        assignee_person_id: number | null;
        assignee_helper: string | null;
        finding_count: number;
      }
    >(
      `SELECT t.id, t.status, t.priority, t.due_at, t.verified, coalesce(a.person_id, t.owner_person_id) AS person_id,
              t.assignee_person_id, t.assignee_helper,
              (SELECT count(*) FROM task_findings tf WHERE tf.task_id = t.id) AS finding_count
       FROM tasks t LEFT JOIN accounts a ON a.id = t.account_id`,
    );
    this.getSome = db.prepare<[string], TaskRow>(`${select} WHERE t.id IN (SELECT value FROM json_each(?))`);
    this.listBrief = db.prepare<
      [],
      { id: number; status: TaskStatus; due_at: string | null; person_id: number | null }
    >(
      `SELECT t.id, t.status, t.due_at, coalesce(a.person_id, t.owner_person_id) AS person_id
       FROM tasks t LEFT JOIN accounts a ON a.id = t.account_id`,
    );
    this.assignOne = db.prepare<[number | null, string | null, string, number]>(
      `UPDATE tasks SET assignee_person_id = ?, assignee_helper = ?, updated_at = ? WHERE id = ?`,
    );
    this.clearFindings = db.prepare<[number]>(`DELETE FROM task_findings WHERE task_id = ?`);
    this.linkFinding = db.prepare<[number, number]>(
      `INSERT OR IGNORE INTO task_findings (task_id, finding_id) VALUES (?, ?)`,
    );
  }

  list(): Task[] {
    return this.listAll.all().map(toTask);
  }

  /** Every task's status, priority, due date, owner and assignee (a light read to filter and sort). */
  summaries(): TaskSummary[] {
    return this.listSummaries.all().map((row) => ({
      id: row.id,
      status: row.status,
      priority: row.priority,
      dueAt: row.due_at,
      verified: row.verified === 1,
      personId: row.person_id,
      assigneePersonId: row.assignee_person_id,
      assigneeHelper: row.assignee_helper,
      findingCount: row.finding_count,
    }));
  }

  /** These tasks, in the order given (missing ones are left out). */
  getMany(ids: readonly number[]): Task[] {
    if (ids.length === 0) return [];
    const byId = new Map(this.getSome.all(JSON.stringify(ids)).map((row) => [row.id, toTask(row)]));
    return ids.flatMap((id) => {
      const task = byId.get(id);
      return task ? [task] : [];
    });
  }

  /** What the team figures need of every task (a light read). */
  brief(): { id: number; status: TaskStatus; dueAt: string | null; personId: number | null }[] {
    return this.listBrief
      .all()
      .map((row) => ({ id: row.id, status: row.status, dueAt: row.due_at, personId: row.person_id }));
  }

  get(id: number): Task | undefined {
    const row = this.getOne.get(id);
    return row ? toTask(row) : undefined;
  }

  insert(values: TaskValues, findingIds: readonly number[], now: string): number {
    const id = Number(
      this.insertOne.run(
        values.key,
        values.kind,
        values.title,
        JSON.stringify(values.why),
        JSON.stringify(values.links),
        values.accountId,
        values.ownerId,
        values.source,
        values.priority,
        values.dueAt,
        now,
        now,
      ).lastInsertRowid,
    );
    for (const findingId of findingIds) this.linkFinding.run(id, findingId);
    return id;
  }

  /** Updates what a generated task says and which findings it answers (a manual priority stays). */
  refresh(
    id: number,
    values: Pick<TaskValues, 'title' | 'why' | 'links' | 'priority' | 'ownerId'>,
    findingIds: readonly number[],
    now: string,
  ): void {
    this.refreshOne.run({
      id,
      title: values.title,
      why: JSON.stringify(values.why),
      links: JSON.stringify(values.links),
      priority: values.priority,
      ownerId: values.ownerId,
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

  /** Sets who does a task (a person, a helper by name) or takes the assignment away (null). */
  assign(id: number, assignee: StoredAssignee, now: string): void {
    this.assignOne.run(
      assignee && 'personId' in assignee ? assignee.personId : null,
      assignee && 'helper' in assignee ? assignee.helper : null,
      now,
      id,
    );
  }

  setPlan(id: number, priority: Priority, isManual: boolean, dueAt: string | null, now: string): void {
    this.setPlanOne.run({ id, priority, manual: isManual ? 1 : 0, dueAt, now });
  }
}
