import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  MAIL_SECRET_KINDS,
  MailScanAggregator,
  classifySecretAttachment,
  detectSecrets,
  type MailFindingInput,
  type MailScanReport,
  type MailScanState,
  type MailSecretKind,
} from '../../../common/domain/mailScan';
import { readMboxMessages } from './mboxReader';
import { readMessageContent } from './messageContent';
import { MailScanError, listMailSources, type MailSource } from './sources';
import { format } from '../../../common/messages/format';

/** Where a scan stands, for a progress bar. */
export interface MailScanProgress {
  messages: number;
  /** Bytes of mail read so far, of `bytesTotal`. */
  bytes: number;
  bytesTotal: number;
}

/**
 * Enough to resume a cancelled scan where it stopped and get the same report as an uninterrupted
 * one. Plain JSON and free of secrets and mail content (kinds, masked hints, keyed fingerprints,
 * dates, folder names, domains, hashes): safe to store.
 */
export interface MailScanCheckpoint {
  version: 1;
  /** SHA-256 of the list of files (names, sizes, modification times): resuming on changed mail is refused. */
  inputKey: string;
  /** The file being read (index in the sorted list of mail files). */
  sourceIndex: number;
  /** Byte offset in that file of the next message to read. */
  offset: number;
  /** Messages of that file already read (to number the next one). */
  messageNumber: number;
  state: MailScanState;
}

/** How to scan. */
export interface MailScanOptions {
  /**
   * The keyed fingerprint of a secret (HMAC-SHA-256 under the install's key, e.g. the password
   * fingerprinter's `exact`): the only form in which any secret leaves the scan. Also used, with a
   * `mail-address\0` prefix, for the addresses that tell the mailbox's owner.
   */
  fingerprint(secret: string): string;
  /** The person's own addresses (from the inventory): correspondents are the other party. */
  ownAddresses?: readonly string[];
  /** Kinds to look for (all by default). */
  kinds?: readonly MailSecretKind[];
  signal?: AbortSignal;
  onProgress?(progress: MailScanProgress): void;
  /** A checkpoint from an earlier, cancelled scan of the same path. */
  resumeFrom?: MailScanCheckpoint;
  /** Called every `checkpointEveryMs` (5 s) and when the scan is cancelled. */
  onCheckpoint?(checkpoint: MailScanCheckpoint): void;
  checkpointEveryMs?: number;
  /** Messages larger than this are counted as undecodable rather than read (64 MiB). */
  maxMessageBytes?: number;
}

/** Messages larger than this are not read by default. */
export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 2 ** 20;
const PROGRESS_EVERY_MS = 200;
const DEFAULT_CHECKPOINT_EVERY_MS = 5000;

/**
 * Scans the mailbox export at `path` (an mbox file, an Apple Mail `.mbox` folder, an .eml file, or
 * a folder of them) for secrets an attacker who took the mail could read. Streams: one message is
 * in memory at a time. Resolves to a report that holds no secret and no mail content. Rejects with
 * a {@link MailScanError} when the path holds no readable mail, and with an `AbortError` when
 * `signal` aborts (after handing `onCheckpoint` the checkpoint to resume from).
 */
export async function scanMailbox(path: string, options: MailScanOptions): Promise<MailScanReport> {
  const sources = await listMailSources(path);
  const inputKey = keyOfSources(sources);
  const kinds = options.kinds ? [...new Set(options.kinds)] : [...MAIL_SECRET_KINDS];
  const kindSet = new Set(kinds);
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const bytesTotal = sources.reduce((sum, source) => sum + source.size, 0);
  const addressKey = (address: string) => options.fingerprint(`mail-address\0${address.toLowerCase()}`);
  const ownKeys = (options.ownAddresses ?? []).map(addressKey);

  let sourceIndex = 0;
  let offset = 0;
  let messageNumber = 0;
  let aggregator = new MailScanAggregator();
  if (options.resumeFrom) {
    const checkpoint = options.resumeFrom;
    if (checkpoint.version !== 1 || checkpoint.inputKey !== inputKey) {
      throw new MailScanError('checkpoint_mismatch', format('errors.mailScan.changed'));
    }
    ({ sourceIndex, offset, messageNumber } = checkpoint);
    aggregator = MailScanAggregator.fromState(checkpoint.state);
  }

  const checkpointNow = (): MailScanCheckpoint => ({
    version: 1,
    inputKey,
    sourceIndex,
    offset,
    messageNumber,
    state: aggregator.state(),
  });
  let lastProgress = 0;
  let lastCheckpoint = performance.now();
  const checkpointEveryMs = options.checkpointEveryMs ?? DEFAULT_CHECKPOINT_EVERY_MS;
  /** After each message: progress, checkpoint and cancellation, at their own pace. */
  const afterMessage = () => {
    const now = performance.now();
    if (options.onProgress && now - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = now;
      options.onProgress({ messages: aggregator.messages, bytes: aggregator.bytes, bytesTotal });
    }
    if (options.signal?.aborted) {
      options.onCheckpoint?.(checkpointNow());
      throw abortError(options.signal);
    }
    if (options.onCheckpoint && now - lastCheckpoint >= checkpointEveryMs) {
      lastCheckpoint = now;
      options.onCheckpoint(checkpointNow());
    }
  };
  if (options.signal?.aborted) throw abortError(options.signal);

  const scanMessage = async (bytes: Buffer | null, size: number, source: MailSource, where: string) => {
    if (bytes === null) {
      aggregator.addUndecodable({
        where,
        why: format('mailScan.why.messageTooLarge', {
          max: Math.round(maxMessageBytes / 2 ** 20),
          size: Math.round(size / 2 ** 20),
        }),
      });
      aggregator.addMessage(emptyFacts(source.folder), []);
      return;
    }
    const content = await readMessageContent(bytes, { wantContent: wantsAttachmentContent });
    const found: MailFindingInput[] = [];
    for (const { text } of content.texts) {
      for (const match of detectSecrets(text, { kinds: kindSet })) {
        found.push({
          kind: match.kind,
          fingerprint: options.fingerprint(match.value),
          hint: match.hint,
          ...(match.serviceHost ? { serviceHost: match.serviceHost } : {}),
        });
      }
    }
    if (kindSet.has('secret_attachment')) {
      for (const attachment of content.attachments) {
        const secret = classifySecretAttachment(attachment.name, attachment.mimeType);
        if (!secret) continue;
        // The content identifies the file wherever it was sent; a file too large to keep is known by its name.
        const digest = attachment.content
          ? createHash('sha256').update(attachment.content).digest('hex')
          : `name:${attachment.name.toLowerCase()}`;
        found.push({
          kind: 'secret_attachment',
          fingerprint: options.fingerprint(`attachment\0${digest}`),
          hint: secret.hint,
        });
      }
    }
    for (const problem of content.problems) {
      aggregator.addUndecodable({
        where: problem.part === 'message' ? where : `${where}, ${problem.part}`,
        why: problem.why,
      });
    }
    for (const type of content.notRead) aggregator.addAttachmentNotRead(type);
    const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1) || null;
    aggregator.addMessage(
      {
        date: content.date,
        folder: gmailFolder(content.gmailLabels) ?? source.folder,
        messageIdHash: content.messageId
          ? createHash('sha256').update(content.messageId).digest('hex')
          : null,
        fromKey: content.from ? addressKey(content.from) : null,
        fromDomain: content.from ? domainOf(content.from) : null,
        toDomains: [
          ...new Set(content.recipients.map(domainOf).filter((d): d is string => d !== null)),
        ].slice(0, 10),
        recipientKeys: content.recipients.slice(0, 50).map(addressKey),
        deliveredToKeys: content.deliveredTo.map(addressKey),
      },
      found,
    );
  };

  for (; sourceIndex < sources.length; sourceIndex++, offset = 0, messageNumber = 0) {
    const source = sources[sourceIndex]!;
    if (source.format === 'unsupported') {
      if (offset === 0) {
        aggregator.addUndecodable({
          where: source.name,
          why: source.why ?? format('mailScan.why.unreadableKind'),
        });
        aggregator.addBytes(source.size);
        offset = source.size;
      }
      afterMessage();
      continue;
    }
    if (source.format === 'eml' || source.format === 'emlx') {
      if (offset === 0) {
        const where = format('mailScan.where.messageFile', { name: source.name });
        const file = source.size > maxMessageBytes ? null : await readFile(source.path);
        const bytes = file && source.format === 'emlx' ? emlxMessage(file) : file;
        await scanMessage(bytes, source.size, source, where);
        aggregator.addBytes(source.size);
        offset = source.size;
        messageNumber = 1;
      }
      afterMessage();
      continue;
    }
    for await (const message of readMboxMessages(source.path, { start: offset, maxMessageBytes })) {
      messageNumber++;
      await scanMessage(
        message.data,
        message.size,
        source,
        format('mailScan.where.message', { number: messageNumber, folder: source.folder }),
      );
      aggregator.addBytes(message.end - offset);
      offset = message.end;
      afterMessage();
    }
    // Blank lines after the last message belong to the file too.
    if (source.size > offset) aggregator.addBytes(source.size - offset);
    offset = source.size;
  }
  options.onProgress?.({ messages: aggregator.messages, bytes: aggregator.bytes, bytesTotal });
  return aggregator.report(kinds, ownKeys);
}

/** Gmail labels that are states, not places ("Opened", "Category Updates"). */
const GMAIL_STATE_LABELS = /^(?:opened|unread|important|starred|archived|category .*)$/i;

/**
 * The folder a Gmail Takeout message is in: its first label that is a place ("Inbox", "Sent",
 * "Spam", a label of the person's own) — a Takeout puts all mail in one mbox file.
 */
function gmailFolder(labels: readonly string[]): string | null {
  return labels.find((label) => !GMAIL_STATE_LABELS.test(label)) ?? null;
}

/** The message inside an Apple Mail .emlx file: its first line is the message's length in bytes. */
function emlxMessage(file: Buffer): Buffer {
  const newline = file.indexOf(0x0a);
  const length = Number(file.subarray(0, newline).toString('latin1').trim());
  if (newline < 0 || !Number.isInteger(length) || length <= 0) return file;
  return file.subarray(newline + 1, Math.min(file.length, newline + 1 + length));
}

const wantsAttachmentContent = (name: string, mimeType: string) =>
  classifySecretAttachment(name, mimeType) !== null;

function emptyFacts(folder: string) {
  return {
    date: null,
    folder,
    messageIdHash: null,
    fromKey: null,
    fromDomain: null,
    toDomains: [],
    recipientKeys: [],
    deliveredToKeys: [],
  };
}

function keyOfSources(sources: readonly MailSource[]): string {
  const hash = createHash('sha256');
  for (const source of sources)
    hash.update(`${source.name}\0${source.format}\0${source.size}\0${Math.trunc(source.mtimeMs)}\n`);
  return hash.digest('hex');
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException(format('errors.mailScan.cancelled'), 'AbortError');
}
