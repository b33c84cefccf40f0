import type Database from 'better-sqlite3';
import type { StepStatus } from '../../../common/domain/guides/run';

/** Where a run came from. */
export type GuideRunOrigin = 'library' | 'finding' | 'task' | 'notice';
/** Where a run stands. */
export type GuideRunStatus = 'active' | 'finished' | 'abandoned';

/** A guide run as stored (the guide itself as JSON text, exactly as it was at the start). */
export interface GuideRunRow {
  id: number;
  guideId: string;
  guideVersion: string;
  guideJson: string;
  variantId: string | null;
  accountId: number | null;
  accountLabel: string | null;
  personId: number | null;
  personName: string | null;
  /** The checklist it belongs to (a guide started for several people at once), or null. */
  checklistId: number | null;
  origin: GuideRunOrigin;
  originId: number | null;
  originLabel: string;
  helperName: string;
  status: GuideRunStatus;
  currentStep: number;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** One of the accounts a run is for (the account may since have been deleted: its label stays). */
export interface GuideRunAccountRow {
  accountId: number | null;
  label: string;
}

/** One step's state in a run. */
export interface GuideRunStepRow {
  stepId: string;
  position: number;
  status: StepStatus;
  note: string;
  items: string[];
  applied: string[];
  taskIds: number[];
  updatedAt: string | null;
}

interface Row {
  id: number;
  guide_id: string;
  guide_version: string;
  guide_json: string;
  variant_id: string | null;
  account_id: number | null;
  account_label: string | null;
  person_id: number | null;
  person_name: string | null;
  checklist_id: number | null;
  origin: GuideRunOrigin;
  origin_id: number | null;
  origin_label: string;
  helper_name: string;
  status: GuideRunStatus;
  current_step: number;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
}

interface StepRow {
  step_id: string;
  position: number;
  status: StepStatus;
  note: string;
  items: string;
  applied: string;
  task_ids: string;
  updated_at: string | null;
}

const toRun = (row: Row): GuideRunRow => ({
  id: row.id,
  guideId: row.guide_id,
  guideVersion: row.guide_version,
  guideJson: row.guide_json,
  variantId: row.variant_id,
  accountId: row.account_id,
  accountLabel: row.account_label,
  personId: row.person_id,
  personName: row.person_name,
  checklistId: row.checklist_id,
  origin: row.origin,
  originId: row.origin_id,
  originLabel: row.origin_label,
  helperName: row.helper_name,
  status: row.status,
  currentStep: row.current_step,
  startedAt: row.started_at,
  updatedAt: row.updated_at,
  finishedAt: row.finished_at,
});

const toStep = (row: StepRow): GuideRunStepRow => ({
  stepId: row.step_id,
  position: row.position,
  status: row.status,
  note: row.note,
  items: JSON.parse(row.items) as string[],
  applied: JSON.parse(row.applied) as string[],
  taskIds: JSON.parse(row.task_ids) as number[],
  updatedAt: row.updated_at,
});

/** What a new run is written with. */
export type NewGuideRun = Omit<
  GuideRunRow,
  'id' | 'status' | 'currentStep' | 'startedAt' | 'updatedAt' | 'finishedAt'
>;

/** A checklist: one guide started for several people at once. */
export interface ChecklistRow {
  id: number;
  guideId: string;
  guideTitle: string;
  helperName: string;
  createdAt: string;
}

/** Guide runs and their steps. */
export class GuideRunsRepository {
  private readonly listAll;
  private readonly getOne;
  private readonly findActive;
  private readonly insertOne;
  private readonly insertStep;
  private readonly stepsOf;
  private readonly updateStep;
  private readonly setCurrent;
  private readonly setHelperOne;
  private readonly setStatusOne;
  private readonly insertChecklist;
  private readonly listChecklists;
  private readonly getChecklist;
  private readonly runsOfChecklist;
  private readonly accountsOf;
  private readonly insertAccount;

  constructor(db: Database.Database) {
    const columns = `id, guide_id, guide_version, guide_json, variant_id, account_id, account_label, person_id,
      person_name, checklist_id, origin, origin_id, origin_label, helper_name, status, current_step, started_at,
      updated_at, finished_at`;
    this.listAll = db.prepare<[], Row>(`SELECT ${columns} FROM guide_runs ORDER BY updated_at DESC, id DESC`);
    this.getOne = db.prepare<[number], Row>(`SELECT ${columns} FROM guide_runs WHERE id = ?`);
    this.findActive = db.prepare<[string, number | null, string, number | null], Row>(
      `SELECT ${columns} FROM guide_runs
       WHERE status = 'active' AND guide_id = ? AND account_id IS ? AND origin = ? AND origin_id IS ?
       ORDER BY id DESC LIMIT 1`,
    );
    this.insertOne = db.prepare(
      `INSERT INTO guide_runs (guide_id, guide_version, guide_json, variant_id, account_id, account_label, person_id,
         person_name, checklist_id, origin, origin_id, origin_label, helper_name, started_at, updated_at)
       VALUES (@guideId, @guideVersion, @guideJson, @variantId, @accountId, @accountLabel, @personId,
         @personName, @checklistId, @origin, @originId, @originLabel, @helperName, @now, @now)`,
    );
    this.insertStep = db.prepare<[number, string, number]>(
      `INSERT INTO guide_run_steps (run_id, step_id, position) VALUES (?, ?, ?)`,
    );
    this.stepsOf = db.prepare<[number], StepRow>(
      `SELECT step_id, position, status, note, items, applied, task_ids, updated_at
       FROM guide_run_steps WHERE run_id = ? ORDER BY position`,
    );
    this.updateStep = db.prepare(
      `UPDATE guide_run_steps SET status = @status, note = @note, items = @items, applied = @applied,
         task_ids = @taskIds, updated_at = @now
       WHERE run_id = @runId AND step_id = @stepId`,
    );
    this.setCurrent = db.prepare<[number, string, number]>(
      `UPDATE guide_runs SET current_step = ?, updated_at = ? WHERE id = ?`,
    );
    this.setHelperOne = db.prepare<[string, string, number]>(
      `UPDATE guide_runs SET helper_name = ?, updated_at = ? WHERE id = ?`,
    );
    this.insertChecklist = db.prepare<[string, string, string, string]>(
      `INSERT INTO checklists (guide_id, guide_title, helper_name, created_at) VALUES (?, ?, ?, ?)`,
    );
    const checklistColumns = `id, guide_id AS guideId, guide_title AS guideTitle, helper_name AS helperName,
      created_at AS createdAt`;
    this.listChecklists = db.prepare<[], ChecklistRow>(
      `SELECT ${checklistColumns} FROM checklists ORDER BY created_at DESC, id DESC`,
    );
    this.getChecklist = db.prepare<[number], ChecklistRow>(
      `SELECT ${checklistColumns} FROM checklists WHERE id = ?`,
    );
    this.runsOfChecklist = db.prepare<[number], Row>(
      `SELECT ${columns} FROM guide_runs WHERE checklist_id = ? ORDER BY person_name COLLATE NOCASE, id`,
    );
    this.setStatusOne = db.prepare<[GuideRunStatus, string | null, string, number]>(
      `UPDATE guide_runs SET status = ?, finished_at = ?, updated_at = ? WHERE id = ?`,
    );
    this.accountsOf = db.prepare<[number], { account_id: number | null; label: string }>(
      `SELECT account_id, label FROM guide_run_accounts WHERE run_id = ? ORDER BY position`,
    );
    this.insertAccount = db.prepare<[number, number, number | null, string]>(
      `INSERT INTO guide_run_accounts (run_id, position, account_id, label) VALUES (?, ?, ?, ?)`,
    );
  }

  list(): GuideRunRow[] {
    return this.listAll.all().map(toRun);
  }

  get(id: number): GuideRunRow | undefined {
    const row = this.getOne.get(id);
    return row ? toRun(row) : undefined;
  }

  /** The run in progress for this guide, account and origin, if there is one. */
  active(
    guideId: string,
    accountId: number | null,
    origin: GuideRunOrigin,
    originId: number | null,
  ): GuideRunRow | undefined {
    const row = this.findActive.get(guideId, accountId, origin, originId);
    return row ? toRun(row) : undefined;
  }

  /**
   * Writes a run, one pending row per step, in order, and the accounts it is for (`accounts`:
   * default, the run's one account, if any).
   */
  insert(
    run: NewGuideRun,
    stepIds: readonly string[],
    now: string,
    accounts: readonly GuideRunAccountRow[] = run.accountId === null
      ? []
      : [{ accountId: run.accountId, label: run.accountLabel ?? `Account ${run.accountId}` }],
  ): number {
    const id = Number(this.insertOne.run({ ...run, now }).lastInsertRowid);
    stepIds.forEach((stepId, position) => this.insertStep.run(id, stepId, position));
    accounts.forEach((account, position) =>
      this.insertAccount.run(id, position, account.accountId, account.label.slice(0, 300)),
    );
    return id;
  }

  /** The accounts a run is for, in order (empty: not tied to an account). */
  accounts(runId: number): GuideRunAccountRow[] {
    return this.accountsOf.all(runId).map((row) => ({ accountId: row.account_id, label: row.label }));
  }

  steps(runId: number): GuideRunStepRow[] {
    return this.stepsOf.all(runId).map(toStep);
  }

  putStep(runId: number, step: GuideRunStepRow, now: string): void {
    this.updateStep.run({
      runId,
      stepId: step.stepId,
      status: step.status,
      note: step.note,
      items: JSON.stringify(step.items),
      applied: JSON.stringify(step.applied),
      taskIds: JSON.stringify(step.taskIds),
      now,
    });
  }

  setCurrentStep(id: number, position: number, now: string): void {
    this.setCurrent.run(position, now, id);
  }

  setHelper(id: number, helperName: string, now: string): void {
    this.setHelperOne.run(helperName, now, id);
  }

  /** Writes a checklist; returns its id (its runs are inserted with it as their `checklistId`). */
  addChecklist(checklist: Omit<ChecklistRow, 'id' | 'createdAt'>, now: string): number {
    return Number(
      this.insertChecklist.run(checklist.guideId, checklist.guideTitle, checklist.helperName, now)
        .lastInsertRowid,
    );
  }

  /** Every checklist, the newest first. */
  checklists(): ChecklistRow[] {
    return this.listChecklists.all();
  }

  checklist(id: number): ChecklistRow | undefined {
    return this.getChecklist.get(id);
  }

  /** The runs of a checklist, by person. */
  runsOf(checklistId: number): GuideRunRow[] {
    return this.runsOfChecklist.all(checklistId).map(toRun);
  }

  setStatus(id: number, status: GuideRunStatus, finishedAt: string | null, now: string): void {
    this.setStatusOne.run(status, finishedAt, now, id);
  }
}
