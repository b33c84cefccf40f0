import { reconcileFindings, runChecks } from '../../common/domain/checks/findings';
import type { Finding } from '../../common/ipc/contract';
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
}
