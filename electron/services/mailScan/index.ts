// The mailbox scan: reads mbox and .eml exports (streamed), takes each message apart with
// postal-mime and runs the platform-free detectors of common/domain/mailScan over it.
export {
  DEFAULT_MAX_MESSAGE_BYTES,
  scanMailbox,
  type MailScanCheckpoint,
  type MailScanOptions,
  type MailScanProgress,
} from './scanMailbox';
export {
  MailScanError,
  outlookExportHelp,
  listMailSources,
  type MailScanErrorCode,
  type MailSource,
} from './sources';
export { readMboxMessages, type MboxMessage, type MboxReadOptions } from './mboxReader';
export { readMessageContent, type MessageContent } from './messageContent';
