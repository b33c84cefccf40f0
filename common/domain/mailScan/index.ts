/**
 * The mailbox scan's platform-free half: detectors (text in → secrets found, with positions and
 * kinds), attachment names that are secrets by themselves, HTML-to-text for detection, and the
 * aggregation of a whole mailbox into findings that hold no secret. Reading files, MIME parsing and
 * streaming live in `electron/services/mailScan`.
 */
export {
  MAIL_SECRET_KINDS,
  MAIL_SECRET_LABELS,
  MAIL_SECRET_SERVICES,
  isMailSecretKind,
  type MailSecretKind,
} from './kinds';
export { detectSecrets, type DetectOptions, type SecretMatch } from './detectors';
export { classifySecretAttachment, type SecretAttachment } from './attachments';
export { htmlToDetectionText, repairC1Controls } from './text';
export {
  MAIL_FINDING_LIST_CAP,
  MAIL_FINDINGS_CAP,
  MailScanAggregator,
  UNDECODABLE_LIST_CAP,
  registrableDomain,
  type AggregatedMailFinding,
  type MailFindingInput,
  type MailMessageFacts,
  type MailScanReport,
  type MailScanState,
  type UndecodablePart,
} from './aggregate';
