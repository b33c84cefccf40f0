// Findings: what the checks found wrong, and where it stands.
import type { FindingText } from '../domain/checks/describe';
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

/** One window of the findings list, worst first, each in plain words (whose it is, in an office). */
export interface FindingPage {
  /** Findings in the status asked for. */
  total: number;
  counts: { open: number; fixed: number; dismissed: number };
  /** Whether any account in scope has had a password analysed (else: "nothing checked yet"). */
  hasPasswords: boolean;
  items: { finding: Finding; text: FindingText }[];
}
