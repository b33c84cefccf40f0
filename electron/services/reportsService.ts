import { format as words } from '../../common/messages/format';
import { writeFileSync } from 'node:fs';
import {
  reportCsv,
  reportFileName,
  reportHtml,
  reportMarkdown,
  type ReportFix,
  type ReportInput,
  type ReportKind,
  type ReportTask,
} from '../../common/domain/team/report';
import type { ParsedRequestOf } from '../../common/ipc/contract';
import { AppFailure } from '../../common/ipc/result';
import type { PlatformPort } from '../platform/port';
import { timestamp, today, type Clock } from './clock';
import type { ExposureService } from './exposureService';
import { peopleInScope } from './scope';
import type { SettingsService } from './settingsService';
import type { Store } from './store';
import type { TasksService } from './tasksService';
import { teamViewOf } from './teamService';

/** A report's file format. */
export type ReportFormat = 'pdf' | 'markdown' | 'csv';

const OPEN = new Set(['todo', 'in_progress', 'snoozed']);
const PRIORITY_RANK: Record<string, number> = { P1: 0, P2: 1, P3: 2, P4: 3 };

/**
 * The team report and the MFA attestation: what they say is assembled here from the stored data
 * (the same team figures as the Team screen and `team --json`), and rendered by
 * `common/domain/team/report.ts`.
 */
export class ReportsService {
  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      platform: PlatformPort;
      settings: SettingsService;
      exposure: Pick<ExposureService, 'sources'>;
      tasks: TasksService;
    },
  ) {}

  /** Everything a report shows, for everyone or one group. */
  input(kind: ReportKind, group?: string): ReportInput {
    const { store, clock } = this.deps;
    const read = store.read;
    const day = today(clock);
    const view = teamViewOf(read, day, group ?? null);
    const people = peopleInScope(read, group === undefined ? {} : { group });
    const inScope = (personId: number | null) =>
      people === null || (personId !== null && people.has(personId));
    const nameOf = new Map(read.people.list().map((p) => [p.id, p.name]));
    const tasks = this.deps.tasks.list(group === undefined ? {} : { group });
    const openTasks: ReportTask[] = tasks
      .filter((t) => OPEN.has(t.status))
      .sort(
        (a, b) =>
          Number(b.isOverdue) - Number(a.isOverdue) ||
          (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') ||
          PRIORITY_RANK[a.priority]! - PRIORITY_RANK[b.priority]! ||
          a.id - b.id,
      )
      .map((t) => ({
        title: t.title,
        owner: t.personName,
        assignee: t.assignee
          ? t.assignee.kind === 'person'
            ? t.assignee.name
            : `Helper: ${t.assignee.name}`
          : null,
        priority: t.priority,
        dueAt: t.dueAt,
        status: t.status,
        isOverdue: t.isOverdue,
      }));

    // What was fixed and when: each task's last move to done, as the hash-chained history has it.
    const byId = new Map(read.tasks.list().map((t) => [t.id, t]));
    const lastDone = new Map<number, ReportFix>();
    for (const row of read.history.list({ subjectType: 'task' })) {
      if (row.action !== 'status' || !row.to?.startsWith('done') || lastDone.has(row.subjectId)) continue;
      const task = byId.get(row.subjectId);
      if (!task || task.status !== 'done' || !inScope(task.personId)) continue;
      lastDone.set(row.subjectId, {
        at: row.at,
        title: task.title,
        owner: task.personId === null ? null : (nameOf.get(task.personId) ?? task.personName),
        actor: row.actor,
        verified: task.verified,
      });
    }
    const fixed = [...lastDone.values()].sort((a, b) => b.at.localeCompare(a.at));

    const verification = read.history.verify();
    const sources = this.deps.exposure.sources();
    return {
      kind,
      generatedAt: timestamp(clock),
      view,
      openTasks,
      fixed,
      history: {
        ok: verification.ok,
        count: verification.count,
        headHash: read.history.head().hash,
        brokenAt: verification.ok ? null : verification.brokenAt,
      },
      checks: {
        breachData: sources.dates?.breaches ?? null,
        twoFactorData: sources.dates?.twoFactor ?? null,
        onlinePasswordCheck: this.deps.settings.get().onlinePwnedCheck,
      },
      accountCount: view.rows.reduce((sum, row) => sum + row.accounts, 0),
    };
  }

  /** The report as a file's contents. PDF needs a printer (the platform's, or one passed in). */
  async render(
    kind: ReportKind,
    format: ReportFormat,
    group?: string,
    printer: (html: string) => Promise<Uint8Array> = (html) => this.deps.platform.htmlToPdf(html),
  ): Promise<{ bytes: Uint8Array | string; fileName: string }> {
    const input = this.input(kind, group);
    const ext = format === 'markdown' ? 'md' : format;
    const fileName = reportFileName(kind, input.generatedAt, ext);
    if (format === 'markdown') return { bytes: reportMarkdown(input), fileName };
    if (format === 'csv') return { bytes: reportCsv(input), fileName };
    try {
      return { bytes: await printer(reportHtml(input)), fileName };
    } catch (error) {
      throw new AppFailure(
        'unavailable',
        words('errors.reports.pdf', { problem: error instanceof Error ? error.message : String(error) }),
      );
    }
  }

  /** Saves a report where the person chooses; nothing is saved if they cancel. */
  async export({
    kind,
    format,
    group,
  }: ParsedRequestOf<'reports:export'>): Promise<{ saved: boolean; path: string | null }> {
    const ext = format === 'markdown' ? 'md' : format;
    const path = await this.deps.platform.pickSavePath({
      title: words('reports.saveTitle', { kind, format }),
      defaultName: reportFileName(kind, timestamp(this.deps.clock), ext),
      filters: [{ name: words('reports.fileFilter', { format }), extensions: [ext] }],
    });
    if (!path) return { saved: false, path: null };
    const { bytes } = await this.render(kind, format, group);
    writeReport(path, bytes);
    return { saved: true, path };
  }
}

/** Writes a report readable by its owner only; a failure says what to do. */
export function writeReport(path: string, bytes: Uint8Array | string): void {
  try {
    writeFileSync(path, bytes, { mode: 0o600 });
  } catch (error) {
    throw new AppFailure(
      'unavailable',
      words('errors.reports.save', { code: (error as NodeJS.ErrnoException).code ?? 'error' }),
    );
  }
}
