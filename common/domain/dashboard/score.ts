import type { FindingKind, Severity } from '../checks/findings';
import type { Criticality } from '../inventory';

/** How much one open finding weighs, by severity. */
export const SEVERITY_WEIGHTS: Record<Severity, number> = { critical: 10, high: 6, medium: 3, low: 1 };
/** How much more a finding weighs on a more critical account (the worst account it concerns counts). */
export const CRITICALITY_FACTORS: Record<Criticality, number> = { critical: 2, important: 1.5, standard: 1 };
/** The weight at which the score reaches 50. */
export const HALF_SCORE_WEIGHT = 50;

/**
 * The exposure score, 0–100: 0 when nothing is open; each open finding adds its weight
 * (severity × the criticality of the most critical account it concerns), and the score is
 * `100 × W / (W + 50)` — so 50 points of weight (five critical findings, or eight high ones) reads
 * 50, and it approaches 100 as exposure grows without ever overflowing. Lower is better.
 */
export function exposureScore(open: readonly { severity: Severity; criticality: Criticality }[]): number {
  const weight = open.reduce(
    (sum, f) => sum + SEVERITY_WEIGHTS[f.severity] * CRITICALITY_FACTORS[f.criticality],
    0,
  );
  return Math.round((100 * weight) / (weight + HALF_SCORE_WEIGHT));
}

/** The areas the dashboard shows progress for. */
export const PROGRESS_CATEGORIES = ['passwords', 'mfa', 'breaches'] as const;
/** One of {@link PROGRESS_CATEGORIES}. */
export type ProgressCategory = (typeof PROGRESS_CATEGORIES)[number];

/** Which dashboard area a finding counts in. */
export function categoryOf(kind: FindingKind): ProgressCategory {
  switch (kind) {
    case 'mfa_available':
    case 'mfa_upgrade':
      return 'mfa';
    case 'breached_service':
    case 'email_in_breach':
    case 'breach_notice':
      return 'breaches';
    default:
      return 'passwords';
  }
}

const CRITICALITY_ORDER: readonly Criticality[] = ['critical', 'important', 'standard'];

/**
 * The day's figures from the findings: the exposure score (each open finding weighted by the most
 * critical account it concerns), how many are open and how many were fixed.
 */
export function scoreFigures<F extends { status: string; severity: Severity; accountIds: readonly number[] }>(
  findings: readonly F[],
  criticality: ReadonlyMap<number, Criticality>,
): { score: number; open: F[]; fixed: number } {
  const open = findings.filter((f) => f.status === 'open');
  const score = exposureScore(
    open.map((f) => ({
      severity: f.severity,
      criticality:
        CRITICALITY_ORDER.find((level) => f.accountIds.some((id) => criticality.get(id) === level)) ??
        'standard',
    })),
  );
  const fixed = findings.filter((f) => f.status === 'resolved' || f.status === 'auto_resolved').length;
  return { score, open, fixed };
}
