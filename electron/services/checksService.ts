import { DISMISS_REASONS } from '../../common/domain/checks/findings';
import {
  describeCoverage,
  passwordCoverage,
  type PasswordCoverage,
  type PasswordSources,
} from '../../common/domain/passwords/coverage';
import type { ParsedRequestOf } from '../../common/ipc/contract';
import type { Finding } from '../../common/model/index';
import { AppFailure } from '../../common/ipc/result';
import { today, type Clock } from './clock';
import type { Store } from './store';
import type { ChecksStatus, WritePath } from './writePath';

export type { ChecksStatus } from './writePath';

/**
 * The findings: read them, set one aside with a reason, take that back, or re-run every check.
 * The checks themselves run inside the write path, after any change to what they read.
 */
export class ChecksService {
  constructor(
    private readonly store: Store,
    private readonly writePath: Pick<WritePath, 'checksStatus'>,
    private readonly clock: Clock,
    /** The breached-password sources available now. */
    private readonly passwordSources: () => PasswordSources = () => ({ online: false, index: null }),
  ) {}

  /** How the stored passwords were checked, source by source, in numbers and in words. */
  passwordCoverage(): { coverage: PasswordCoverage; lines: string[] } {
    const signals = [...this.store.read.signals.breachFacts()].map(([accountId, fact]) => ({
      accountId,
      onlineStatus: fact.onlineStatus,
      onlineCheckedAt: fact.onlineCheckedAt,
      indexCount: fact.indexCount ?? null,
      indexBuiltAt: fact.indexBuiltAt ?? null,
    }));
    const coverage = passwordCoverage(signals, this.passwordSources());
    return { coverage, lines: describeCoverage(coverage) };
  }

  /** Re-runs every check now; returns how many findings are open afterwards. */
  run(): number {
    this.store.write((tx) => {
      tx.touch('inventory', 'notices', 'catalogue', 'clock');
      tx.announce('findings', 'tasks');
    });
    return this.list().filter((f) => f.status === 'open').length;
  }

  /** What the last check run could check. */
  checksStatus(): ChecksStatus {
    return this.writePath.checksStatus();
  }

  list(): Finding[] {
    return this.store.read.findings.list();
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
    this.store.write((tx) => {
      if (!tx.repos.findings.dismiss(id, text, recheckAt ?? null, tx.now)) {
        throw new AppFailure(
          'conflict',
          'Only an open finding can be dismissed. It may have been fixed meanwhile.',
        );
      }
      tx.record({
        subjectType: 'finding',
        subjectId: id,
        action: 'dismissed',
        from: 'open',
        to: 'dismissed',
        note: text,
      });
      tx.touch('findings');
      tx.announce('findings');
    });
    return this.require(id);
  }

  /** Takes a dismissal back; the checks re-run, so a problem that is gone closes at once. */
  reopen({ id }: ParsedRequestOf<'findings:reopen'>): Finding {
    this.store.write((tx) => {
      if (!tx.repos.findings.reopen(id)) throw new AppFailure('conflict', 'This finding is not dismissed.');
      tx.record({
        subjectType: 'finding',
        subjectId: id,
        action: 'reopened',
        from: 'dismissed',
        to: 'open',
        note: '',
      });
      tx.touch('inventory', 'findings');
      tx.announce('findings');
    });
    return this.require(id);
  }

  private require(id: number): Finding {
    const finding = this.list().find((f) => f.id === id);
    if (!finding) throw new AppFailure('not_found', 'That finding no longer exists.');
    return finding;
  }
}
