import type { Catalogue, DatasetDates } from '../../common/content/catalogue';
import {
  CATALOGUE_KINDS,
  DISMISS_REASONS,
  FINDING_KINDS,
  reconcileFindings,
  runChecks,
  type CheckNotice,
} from '../../common/domain/checks/findings';
import type { Finding, ParsedRequestOf } from '../../common/ipc/contract';
import { AppFailure } from '../../common/ipc/result';
import type { EmailBreachesRepository } from '../db/repositories/emailBreachesRepository';
import type { FindingsRepository } from '../db/repositories/findingsRepository';
import type { HistoryRecorder } from './tasksService';
import { timestamp, today, type Clock } from './clock';

/** Whether the checks that need the public datasets could run, and on what data. */
export interface ChecksStatus {
  catalogue: { available: true; dates: DatasetDates } | { available: false; error: string };
}

/** Runs every check over the inventory and reconciles the findings (idempotent). */
export class ChecksService {
  private status: ChecksStatus = { catalogue: { available: false, error: 'The checks have not run yet.' } };
  private readonly listeners: (() => void)[] = [];
  private record: HistoryRecorder = () => {};

  /** Where finding changes are written (the tamper-evident history). */
  setHistory(record: HistoryRecorder): void {
    this.record = record;
  }

  /** Calls `listener` after every run (the tasks follow the findings). */
  onDidRun(listener: () => void): void {
    this.listeners.push(listener);
  }

  constructor(
    private readonly findings: FindingsRepository,
    private readonly emails: EmailBreachesRepository,
    private readonly catalogue: () => Catalogue,
    private readonly clock: Clock,
    /** The breach notices people recorded. */
    private readonly notices: () => CheckNotice[] = () => [],
  ) {}

  /**
   * Re-runs the checks; returns how many findings are open afterwards. If the datasets cannot be
   * loaded, the checks that need them do not run and their findings are left exactly as they were —
   * a check that could not run never resolves anything.
   */
  run(): number {
    let catalogue: Catalogue | undefined;
    try {
      catalogue = this.catalogue();
      this.status = { catalogue: { available: true, dates: catalogue.datasetDates } };
    } catch (error) {
      this.status = {
        catalogue: { available: false, error: error instanceof Error ? error.message : String(error) },
      };
    }
    const drafts = runChecks(
      this.findings.checkAccounts(),
      catalogue
        ? { catalogue, emails: this.emails.emails(), notices: this.notices() }
        : { emails: this.emails.emails(), notices: this.notices() },
    );
    const kindsRun = new Set<string>(FINDING_KINDS.filter((kind) => catalogue || !CATALOGUE_KINDS.has(kind)));
    const { upserts, autoResolve } = reconcileFindings(
      this.findings.stored(),
      drafts,
      today(this.clock),
      kindsRun,
    );
    const transitions = this.findings.apply(upserts, autoResolve, timestamp(this.clock));
    for (const t of transitions) {
      this.record({
        subjectType: 'finding',
        subjectId: t.id,
        action: t.kind,
        from: t.from,
        to: t.to,
        note: '',
      });
    }
    for (const listener of this.listeners) listener();
    return upserts.filter((u) => u.status === 'open').length;
  }

  /** What the last run could check. */
  checksStatus(): ChecksStatus {
    return this.status;
  }

  list(): Finding[] {
    return this.findings.list();
  }

  /**
   * Sets an open finding aside with a reason and, optionally, a date to look again. It reopens by
   * itself on that date, or when newer evidence arrives.
   */
  dismiss({ id, reason, note, recheckAt }: ParsedRequestOf<'findings:dismiss'>): Finding {
    if (recheckAt && recheckAt <= today(this.clock)) {
      throw new AppFailure('invalid_input', 'The re-check date must be in the future.', {
        recheckAt: 'Choose a date after today.',
      });
    }
    const text = note ? `${DISMISS_REASONS[reason]}: ${note}` : DISMISS_REASONS[reason];
    if (!this.findings.dismiss(id, text, recheckAt ?? null, timestamp(this.clock))) {
      throw new AppFailure(
        'conflict',
        'Only an open finding can be dismissed. It may have been fixed meanwhile.',
      );
    }
    this.record({
      subjectType: 'finding',
      subjectId: id,
      action: 'dismissed',
      from: 'open',
      to: 'dismissed',
      note: text,
    });
    return this.require(id);
  }

  /** Takes a dismissal back. */
  reopen({ id }: ParsedRequestOf<'findings:reopen'>): Finding {
    if (!this.findings.reopen(id)) throw new AppFailure('conflict', 'This finding is not dismissed.');
    this.record({
      subjectType: 'finding',
      subjectId: id,
      action: 'reopened',
      from: 'dismissed',
      to: 'open',
      note: '',
    });
    this.run();
    return this.require(id);
  }

  private require(id: number): Finding {
    const finding = this.findings.list().find((f) => f.id === id);
    if (!finding) throw new AppFailure('not_found', 'That finding no longer exists.');
    return finding;
  }
}
