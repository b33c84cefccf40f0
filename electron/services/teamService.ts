import { teamView } from '../../common/domain/team/coverage';
import type { TeamView } from '../../common/model/index';
import type { ReadRepositories } from '../db/repositories/index';
import { today, type Clock } from './clock';
import type { Store } from './store';

/**
 * The team view: one row per person and the coverage figures ("two-step on the main email
 * account: 9 of 12 people"), computed by `common/domain/team/coverage.ts` from what is stored — the
 * same function the command line and the reports use, so every place says the same figures.
 */
export class TeamService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  // The last view computed, kept until the data or the day changes (the dashboard of an office and
  // the Team screen ask for the same view; an office's is a read of every account, finding and task).
  private last: { key: string; view: TeamView } | null = null;

  /** The team view, for everyone or one group. */
  view({ group }: { group?: string | undefined } = {}): TeamView {
    const day = today(this.clock);
    const key = JSON.stringify([this.store.read.connection.dataVersion(), day, group ?? null]);
    if (this.last?.key === key) return this.last.view;
    const view = teamViewOf(this.store.read, day, group ?? null);
    this.last = { key, view };
    return view;
  }
}

/** The team view as the stored data gives it (read-only). */
export function teamViewOf(
  read: Pick<ReadRepositories, 'people' | 'accounts' | 'findings' | 'tasks' | 'history'>,
  day: string,
  group: string | null,
): TeamView {
  return teamView({
    people: read.people.list().map((p) => ({
      id: p.id,
      name: p.name,
      group: p.group,
      role: p.role,
      isDefault: p.isDefault,
      // The order they were added in: the first is the person's main address.
      emails: [...p.emails].sort((a, b) => a.id - b.id).map((e) => e.address),
    })),
    accounts: read.accounts.teamBrief(),
    findings: read.findings.summaries().filter((f) => f.status === 'open'),
    tasks: read.tasks.brief(),
    day,
    lastActivity: read.history.lastActivity(),
    group,
  });
}
