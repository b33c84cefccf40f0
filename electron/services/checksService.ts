import { DISMISS_REASONS, reconcileFindings, runChecks } from '../../common/domain/checks/findings';
import type { Finding, ParsedRequestOf } from '../../common/ipc/contract';
import { AppFailure } from '../../common/ipc/result';
import type { FindingsRepository } from '../db/repositories/findingsRepository';
import { timestamp, today, type Clock } from './clock';

/** Runs every check over the inventory and reconciles the findings (idempotent). */
export class ChecksService {
  constructor(
    private readonly findings: FindingsRepository,
    private readonly clock: Clock,
  ) {}

  /** Re-runs the checks; returns how many findings are open afterwards. */
  run(): number {
    const drafts = runChecks(this.findings.checkAccounts());
    const { upserts, autoResolve } = reconcileFindings(this.findings.stored(), drafts, today(this.clock));
    this.findings.apply(upserts, autoResolve, timestamp(this.clock));
    return upserts.filter((u) => u.status === 'open').length;
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
    return this.require(id);
  }

  /** Takes a dismissal back. */
  reopen({ id }: ParsedRequestOf<'findings:reopen'>): Finding {
    if (!this.findings.reopen(id)) throw new AppFailure('conflict', 'This finding is not dismissed.');
    this.run();
    return this.require(id);
  }

  private require(id: number): Finding {
    const finding = this.findings.list().find((f) => f.id === id);
    if (!finding) throw new AppFailure('not_found', 'That finding no longer exists.');
    return finding;
  }
}
