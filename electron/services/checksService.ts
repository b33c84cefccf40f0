import { format } from '../../common/messages/format';
import { describeFinding, sortFindingsWorstFirst } from '../../common/domain/checks/describe';
import { DISMISS_REASONS } from '../../common/domain/checks/findings';
import { findingOwners } from '../../common/domain/tasks/reconcile';
import {
  describeCoverage,
  passwordCoverage,
  type PasswordCoverage,
  type PasswordSources,
} from '../../common/domain/passwords/coverage';
import type { ParsedRequestOf } from '../../common/ipc/contract';
import type { Finding, FindingPage } from '../../common/model/index';
import { AppFailure } from '../../common/ipc/result';
import { today, type Clock } from './clock';
import type { Store } from './store';
import type { ChecksStatus, WritePath } from './writePath';
import { inScope, peopleInScope, type Scope } from './scope';

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

  /**
   * One window of the open (or set-aside) findings, worst first, each described in plain words —
   * naming whose account it is when the file holds several people.
   */
  page({ status, offset, limit, ...scope }: ParsedRequestOf<'findings:page'>): FindingPage {
    const read = this.store.read;
    const people = peopleInScope(read, scope);
    // Summaries (no evidence) to count, filter and sort; only the window is read in full.
    const findings = read.findings.summaries().filter((f) => people === null || inScope(people, f.personIds));
    const accounts = new Map(read.accounts.brief().map((a) => [a.id, a]));
    const names = read.people.names();
    const counts = { open: 0, fixed: 0, dismissed: 0 };
    for (const f of findings) {
      if (f.status === 'open') counts.open += 1;
      else if (f.status === 'dismissed') counts.dismissed += 1;
      else counts.fixed += 1;
    }
    const sorted = sortFindingsWorstFirst(
      findings.filter((f) => f.status === status),
      (id) => accounts.get(id)?.criticality,
    );
    const window = read.findings.getMany(sorted.slice(offset, offset + limit).map((f) => f.id));
    const items = window.map((finding) => ({
      finding,
      text: describeFinding(
        finding.kind,
        finding.evidence,
        finding.accountIds.map(
          (id) => accounts.get(id)?.service ?? format('errors.checks.accountName', { id }),
        ),
        names.size > 1 ? findingOwners(finding, accounts, names) : undefined,
      ),
    }));
    return {
      total: sorted.length,
      counts,
      hasPasswords: read.signals.analysedPeople().some((personId) => people === null || people.has(personId)),
      items,
    };
  }

  /** Every finding, or those concerning one person or group. */
  list(scope: Scope = {}): Finding[] {
    const people = peopleInScope(this.store.read, scope);
    const all = this.store.read.findings.list();
    return people === null ? all : all.filter((f) => inScope(people, f.personIds));
  }

  /**
   * Sets an open finding aside with a reason and, optionally, a date to look again. It reopens by
   * itself on that date, or when newer evidence arrives.
   */
  dismiss({ id, reason, note, recheckAt }: ParsedRequestOf<'findings:dismiss'>): Finding {
    if (recheckAt && recheckAt <= today(this.clock)) {
      throw new AppFailure('invalid_input', format('errors.checks.recheckInPast'), {
        recheckAt: format('errors.checks.recheckAfterToday'),
      });
    }
    const text = note ? `${DISMISS_REASONS[reason]}: ${note}` : DISMISS_REASONS[reason];
    this.store.write((tx) => {
      if (!tx.repos.findings.dismiss(id, text, recheckAt ?? null, tx.now)) {
        throw new AppFailure('conflict', format('errors.checks.notOpen'));
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
      if (!tx.repos.findings.reopen(id))
        throw new AppFailure('conflict', format('errors.checks.notDismissed'));
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
    if (!finding) throw new AppFailure('not_found', format('errors.checks.findingGone'));
    return finding;
  }
}
