// Findings: what the checks found wrong, and where it stands.
import type { FindingKind, FindingStatus, Severity } from '../domain/checks/findings';

/** A finding: something wrong with one or more accounts, and why. */
export interface Finding {
  id: number;
  kind: FindingKind;
  subject: string;
  severity: Severity;
  status: FindingStatus;
  /** Facts behind it (JSON); never a secret. */
  evidence: Record<string, unknown>;
  accountIds: number[];
  /** The people it concerns: the owners of its accounts, or of the address or notice it is about. */
  personIds: number[];
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
  dismissedReason: string | null;
  recheckAt: string | null;
}
