import { format, formatList } from '../../messages/format';
import { dayInWords } from '../dates';

/**
 * What was actually done to check the stored passwords against breached-password lists, source by
 * source, so nothing claims a check that did not happen (DESIGN.md, "No false all-clear"). Every
 * analysed password is checked against the bundled common list; the offline corpus index and the
 * online range check only see the passwords imported while they were there and working.
 */

/** What the breached-password sources are now. */
export interface PasswordSources {
  /** The online range check is turned on. */
  online: boolean;
  /** The offline corpus index: installed (with its build time), unusable (with why), or none. */
  index: { builtAt: string } | { problem: string } | null;
}

/** One stored password's breach verdicts (the signals kept for an account). */
export interface PasswordCheckSignal {
  accountId: number;
  onlineStatus: 'off' | 'found' | 'not_found' | 'failed';
  /** When the online check ran (ISO), whatever its outcome. */
  onlineCheckedAt: string | null;
  /** Times seen in the offline index; null when no index answered for it. */
  indexCount: number | null;
  /** When that index was built (ISO). */
  indexBuiltAt: string | null;
}

/** A source that has not seen some passwords, and why. */
export interface CoverageGap {
  source: 'online' | 'offline_index';
  reason: 'failed' | 'before_enabled' | 'before_installed' | 'unavailable';
  accountIds: number[];
  /** When the last failed attempt was (YYYY-MM-DD), for `failed`. */
  failedOn: string | null;
}

/** How the stored passwords were checked. */
export interface PasswordCoverage {
  /** Passwords analysed (one per account with an imported password). */
  total: number;
  /** Checked against the bundled common list: every analysed password. */
  commonList: number;
  offlineIndex: {
    installed: boolean;
    builtAt: string | null;
    problem: string | null;
    checked: number;
  };
  online: { enabled: boolean; checked: number };
  /** What each source has not seen; empty when every available source saw every password. */
  gaps: CoverageGap[];
}

/** Summarises what each source saw (pure: the same signals and sources give the same answer). */
export function passwordCoverage(
  signals: readonly PasswordCheckSignal[],
  sources: PasswordSources,
): PasswordCoverage {
  const index = sources.index;
  const builtAt = index && 'builtAt' in index ? index.builtAt : null;
  const onlineChecked = signals.filter((s) => s.onlineStatus === 'found' || s.onlineStatus === 'not_found');
  const indexChecked = signals.filter(
    (s) =>
      s.indexCount !== null && s.indexBuiltAt !== null && (builtAt === null || s.indexBuiltAt >= builtAt),
  );
  const gaps: CoverageGap[] = [];
  const add = (gap: Omit<CoverageGap, 'accountIds'>, of: readonly PasswordCheckSignal[]) => {
    if (of.length > 0) gaps.push({ ...gap, accountIds: of.map((s) => s.accountId).sort((a, b) => a - b) });
  };
  if (sources.online) {
    const failed = signals.filter((s) => s.onlineStatus === 'failed');
    const lastFailed = failed
      .map((s) => s.onlineCheckedAt ?? '')
      .sort()
      .at(-1);
    add(
      { source: 'online', reason: 'failed', failedOn: lastFailed ? lastFailed.slice(0, 10) : null },
      failed,
    );
    add(
      { source: 'online', reason: 'before_enabled', failedOn: null },
      signals.filter((s) => s.onlineStatus === 'off'),
    );
  }
  if (index && 'problem' in index) {
    add({ source: 'offline_index', reason: 'unavailable', failedOn: null }, signals);
  } else if (builtAt !== null) {
    const seen = new Set(indexChecked.map((s) => s.accountId));
    add(
      { source: 'offline_index', reason: 'before_installed', failedOn: null },
      signals.filter((s) => !seen.has(s.accountId)),
    );
  }
  return {
    total: signals.length,
    commonList: signals.length,
    offlineIndex: {
      installed: builtAt !== null,
      builtAt,
      problem: index && 'problem' in index ? index.problem : null,
      checked: indexChecked.length,
    },
    online: { enabled: sources.online, checked: onlineChecked.length },
    gaps,
  };
}

/** What one gap means, in plain words, ending with what to do about it. */
export function describeGap(gap: CoverageGap, coverage: Pick<PasswordCoverage, 'offlineIndex'>): string {
  const count = gap.accountIds.length;
  switch (gap.reason) {
    case 'failed':
      return format('coverage.gap.failed', {
        count,
        hasDate: gap.failedOn ? 'yes' : 'no',
        date: gap.failedOn ? dayInWords(gap.failedOn) : '',
      });
    case 'before_enabled':
      return format('coverage.gap.beforeEnabled', { count });
    case 'before_installed':
      return format('coverage.gap.beforeInstalled', {
        count,
        hasDate: coverage.offlineIndex.builtAt ? 'yes' : 'no',
        date: coverage.offlineIndex.builtAt ? dayInWords(coverage.offlineIndex.builtAt) : '',
      });
    case 'unavailable':
      return format('coverage.gap.unavailable', {
        count,
        hasProblem: coverage.offlineIndex.problem ? 'yes' : 'no',
        problem: coverage.offlineIndex.problem?.replace(/\.$/, '') ?? '',
      });
  }
}

/**
 * The whole story in plain words, first what was done, then what was not: for the Exposure banner,
 * the dashboard and the command line.
 */
export function describeCoverage(coverage: PasswordCoverage): string[] {
  if (coverage.total === 0) return [format('coverage.none')];
  const lines = [format('coverage.commonList', { count: coverage.total })];
  if (coverage.offlineIndex.installed && coverage.offlineIndex.checked > 0)
    lines.push(
      format('coverage.offline', {
        count: coverage.offlineIndex.checked,
        date: dayInWords(coverage.offlineIndex.builtAt!),
      }),
    );
  if (coverage.online.checked > 0) lines.push(format('coverage.online', { count: coverage.online.checked }));
  for (const gap of coverage.gaps) lines.push(describeGap(gap, coverage));
  if (!coverage.online.enabled && !coverage.offlineIndex.installed && !coverage.offlineIndex.problem)
    lines.push(format('coverage.mayStillHaveLeaked'));
  return lines;
}

/** What one import's breached-password check did, as the import result reports it. */
export interface ImportCheck {
  commonList: true;
  online: 'off' | 'checked' | 'failed' | 'partial';
  offlineIndex: 'off' | 'checked' | 'unavailable';
}

/** One sentence on how an import's passwords were checked for breaches, never more than was done. */
export function describeImportCheck(check: ImportCheck): string {
  const sources = [format('coverage.source.common')];
  if (check.offlineIndex === 'checked') sources.push(format('coverage.source.offline'));
  if (check.online === 'checked') sources.push(format('coverage.source.online'));
  const checked = format('coverage.import.checked', {
    sources: formatList(sources),
    only: sources.length === 1 ? 'yes' : 'no',
  });
  const problems = [
    check.offlineIndex === 'unavailable' ? format('coverage.import.offlineUnavailable') : '',
    check.online === 'failed'
      ? format('coverage.import.onlineFailed')
      : check.online === 'partial'
        ? format('coverage.import.onlinePartial')
        : '',
  ].filter(Boolean);
  return [checked, ...problems].join(' ');
}
