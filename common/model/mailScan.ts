// Mailbox scans: what a scan of a mail export read and found (never a secret, a message or a path).

/** One scan of a mailbox export, and its honest summary. */
export interface MailScanSummary {
  id: number;
  personId: number;
  personName: string;
  /** The name of what was picked (its last path segment), never its full path. */
  sourceName: string;
  sourceKind: 'file' | 'folder';
  /** `paused`: cancelled, and can be resumed where it stopped. */
  status: 'running' | 'paused' | 'finished' | 'failed';
  /** Messages and bytes of mail read (so far, while running or paused). */
  messages: number;
  bytes: number;
  bytesTotal: number;
  /** Parts and messages that could not be decoded: all counted, the first ones named. */
  undecodable: { count: number; parts: { where: string; why: string }[] };
  /** Attachments not read for text (images, PDFs, archives…), by type; their names were checked. */
  attachmentsNotRead: { count: number; byType: Record<string, number> };
  /** Every kind of secret it looked for, in words ("GitHub token"). */
  kindsLookedFor: string[];
  /** Secrets found (once finished): each is a finding. */
  secretsFound: number;
  /** Sightings beyond the most secrets a scan lists (counted, not told apart). */
  findingsNotListed: number;
  /** Why it failed, in words. */
  problem: string | null;
  /** A checkpoint is kept: resuming goes on where it stopped. */
  canResume: boolean;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** The scan under way (if any) and every scan so far, newest first. */
export interface MailScanStatus {
  running: { scanId: number; messages: number; bytes: number; bytesTotal: number } | null;
  scans: MailScanSummary[];
}
