import { Splitter, type MimeNode } from '@zone-eu/mailsplit';
import { finished } from 'node:stream/promises';
import libmime from 'libmime';
import { decode as decodeCharset } from 'libmime/lib/charset.js';
import { decode as decodeQuotedPrintable } from 'libqp';
import { htmlToDetectionText, repairC1Controls } from '../../../common/domain/mailScan';
import { format } from '../../../common/messages/format';

/**
 * One message taken apart for the detectors: its texts, its attachments' names, the facts the
 * aggregation needs, and what could not be read. The MIME structure comes from
 * `@zone-eu/mailsplit` (the splitter under mailparser), header words and charsets from `libmime`
 * (iconv-lite: Windows-1252, Shift_JIS, ISO-2022-JP…), quoted-printable from `libqp`, base64 from
 * Node. Binary attachments are never decoded unless their name says they are secrets (then only
 * to fingerprint their content): measured on the benchmark's mailbox this takes about a third of
 * the CPU time postal-mime needs, which decodes every part in JavaScript. The texts exist only
 * while the message is scanned.
 */
export interface MessageContent {
  date: string | null;
  messageId: string | null;
  from: string | null;
  /** To and Cc addresses. */
  recipients: string[];
  /** Delivered-To and X-Original-To addresses: the mailbox's owner. */
  deliveredTo: string[];
  /** Gmail Takeout's X-Gmail-Labels ("Inbox", "Sent", "Opened"…), in order. */
  gmailLabels: string[];
  /** Texts to scan, each named by its part ("subject", "body", "HTML body", "part notes.txt"). */
  texts: { part: string; text: string }[];
  /** Every attachment by name; `content` only for those `wantContent` asked for. */
  attachments: { name: string; mimeType: string; content: Uint8Array | null }[];
  /** Parts that could not be read, by name. */
  problems: { part: string; why: string }[];
  /** Attachments whose content was not read for text, by type ("pdf", "image"). */
  notRead: string[];
}

/** What to read of a message. */
export interface ReadOptions {
  /** Whether an attachment's content is wanted (to fingerprint it), from its name and type. */
  wantContent?: (name: string, mimeType: string) => boolean;
}

/** Text attachments larger than this are not read for text (they are reported). */
export const MAX_TEXT_ATTACHMENT_BYTES = 8 * 2 ** 20;
/** Attached messages larger than this are not opened (they are reported). */
const MAX_ATTACHED_MESSAGE_BYTES = 32 * 2 ** 20;
/** Messages attached to messages are opened this deep. */
const MAX_ATTACHED_MESSAGE_DEPTH = 3;
/** Parts nested deeper than this are not read (they are reported). */
const MAX_DEPTH = 50;

const TEXT_TYPES =
  /^(?:text\/|application\/(?:json|xml|x-yaml|yaml|toml|x-sh|x-shellscript|javascript|x-javascript|x-pem-file|pgp-keys|x-x509-ca-cert|pkix-cert|x-ini|x-httpd-php|sql|x-sql|csv|x-csv|ld\+json|x-ovpn|x-openvpn-profile)$)/;
const TEXT_EXTENSIONS =
  /\.(?:txt|text|csv|tsv|json|ya?ml|toml|ini|cfg|conf|config|env|properties|xml|html?|md|log|sh|bash|zsh|ps1|bat|cmd|py|js|ts|rb|php|sql|pem|key|crt|cer|asc|pub|ovpn|npmrc|netrc|pgpass|tf|tfvars|rdp|reg|vcf|ics)$|(?:^|[\\/])\.?env(?:\.[\w-]+)?$|(?:^|[\\/])id_(?:rsa|dsa|ecdsa|ed25519)$/i;
const ADDRESS = /[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+\.[^\s<>"'(),;:[\]]+/g;

/** What is collected of one leaf part while its body streams by. */
interface Leaf {
  node: MimeNode;
  kind: 'text' | 'html' | 'attachment' | 'message';
  name: string;
  /** Where it is, for messages: "body", "part notes.txt", "part original.eml › body". */
  part: string;
  isText: boolean;
  keepContent: boolean;
  chunks: Buffer[];
  size: number;
}

/**
 * Parses a message and collects what the detectors read. Never throws for bad mail: a message that
 * cannot be parsed comes back with a problem and what was read before the fault.
 */
export async function readMessageContent(
  bytes: Uint8Array,
  options: ReadOptions = {},
  depth = 0,
): Promise<MessageContent> {
  const content: MessageContent = {
    date: null,
    messageId: null,
    from: null,
    recipients: [],
    deliveredTo: [],
    gmailLabels: [],
    texts: [],
    attachments: [],
    problems: [],
    notRead: [],
  };
  const leaves: Leaf[] = [];
  const depths = new Map<MimeNode, number>();
  /** Names of attached messages by their node, to name the parts inside them. */
  const messageNames = new Map<MimeNode, string>();
  let current: Leaf | null = null;
  let attachmentIndex = 0;

  const onNode = (node: MimeNode) => {
    const parent = node.parentNode || null;
    const depth = parent ? (depths.get(parent) ?? 0) + 1 : 0;
    depths.set(node, depth);
    const headers = node.headers || false;
    if (node.root) readRootHeaders(headers, content);
    current = null;
    if (depth > MAX_DEPTH) {
      if (depth === MAX_DEPTH + 1)
        content.problems.push({
          part: 'message',
          why: format('mailScan.why.tooDeep', { depth: MAX_DEPTH }),
        });
      return;
    }
    const contentType = (node.contentType || 'text/plain').toLowerCase();
    const inMessage = enclosingMessageName(node, messageNames);
    if (node.root && /^multipart\/encrypted$|^application\/(?:x-)?pkcs7-mime$/.test(contentType)) {
      const raw = headers ? headers.getFirst('content-type') : '';
      content.problems.push({
        part: 'message',
        why: /smime-type\s*=\s*"?signed-data/i.test(raw)
          ? format('mailScan.why.opaqueSigned')
          : format('mailScan.why.encrypted'),
      });
    }
    if (node.multipart) return;
    const filename = node.filename ? safeName(node.filename) : null;
    if (contentType === 'message/rfc822' && !node.root) {
      attachmentIndex++;
      const name = filename ?? format('mailScan.part.attachedMessage', { number: String(attachmentIndex) });
      const named = format('mailScan.part.named', { name });
      const part = inMessage ? `${inMessage} › ${named}` : named;
      // An inline message is split into nodes of its own, named after this part; an attached one
      // comes as one body, read as a message of its own.
      if (node.messageNode) {
        messageNames.set(node, part);
        return;
      }
      current = {
        node,
        kind: 'message',
        name: filename ?? '',
        part,
        isText: false,
        keepContent: true,
        chunks: [],
        size: 0,
      };
      leaves.push(current);
      return;
    }
    const isAttachment =
      node.disposition === 'attachment' || Boolean(filename) || !/^text\/(?:plain|html)$/.test(contentType);
    const prefix = inMessage ? `${inMessage} › ` : '';
    if (!isAttachment) {
      const kind = contentType === 'text/html' ? 'html' : 'text';
      current = {
        node,
        kind,
        name: '',
        part: `${prefix}${format('mailScan.part.body', { kind })}`,
        isText: true,
        keepContent: true,
        chunks: [],
        size: 0,
      };
    } else {
      attachmentIndex++;
      const name =
        filename ??
        format('mailScan.part.attachment', { number: String(attachmentIndex), type: contentType });
      const isText = TEXT_TYPES.test(contentType) || TEXT_EXTENSIONS.test(filename ?? '');
      const wantsContent = options.wantContent?.(filename ?? '', contentType) ?? false;
      current = {
        node,
        kind: 'attachment',
        name: filename ?? '',
        part: `${prefix}${format('mailScan.part.named', { name })}`,
        isText,
        keepContent: isText || wantsContent,
        chunks: [],
        size: 0,
      };
    }
    leaves.push(current);
  };

  const onBody = (node: MimeNode, value: Buffer) => {
    const leaf: Leaf | null = current;
    if (!leaf || leaf.node !== node) return;
    leaf.size += value.length;
    if (
      leaf.keepContent &&
      leaf.size <= (leaf.kind === 'message' ? MAX_ATTACHED_MESSAGE_BYTES : MAX_TEXT_ATTACHMENT_BYTES * 1.4)
    ) {
      leaf.chunks.push(value);
    }
  };

  try {
    const splitter = new Splitter({ maxChildNodes: 2000 });
    splitter.on('data', (chunk) => {
      if (chunk.type === 'node') onNode(chunk as MimeNode);
      else if (chunk.type === 'body') onBody(chunk.node, chunk.value);
    });
    splitter.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    await finished(splitter);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    content.problems.push({
      part: 'message',
      why: format('mailScan.why.unparsable', {
        hasCode: typeof code === 'string' ? 'yes' : 'no',
        code: typeof code === 'string' ? code : '',
      }),
    });
  }

  for (const leaf of leaves) {
    if (leaf.kind === 'message') await openAttachedMessage(leaf, content, options, depth);
    else finishLeaf(leaf, content);
  }
  for (const text of content.texts) {
    if (text.text.includes('-----BEGIN PGP MESSAGE-----')) {
      content.problems.push({
        part: text.part,
        why: format('mailScan.why.pgp'),
      });
    }
  }
  return content;
}

function readRootHeaders(headers: MimeNode['headers'], content: MessageContent): void {
  if (!headers) return;
  const values = (key: string) => headers.get(key).map((line) => decodeHeader(key, line));
  const subject = values('subject')[0];
  if (subject) content.texts.push({ part: 'subject', text: subject });
  content.date = isoDay(values('date')[0] ?? '');
  content.messageId = (values('message-id')[0] ?? '').replace(/^<|>$/g, '') || null;
  content.from = addressesIn(values('from')[0] ?? '')[0] ?? null;
  content.recipients = [...values('to'), ...values('cc')].flatMap(addressesIn);
  content.deliveredTo = [...values('delivered-to'), ...values('x-original-to')].flatMap(addressesIn);
  content.gmailLabels = (values('x-gmail-labels')[0] ?? '')
    .split(',')
    .map((label) => label.trim().replace(/^"|"$/g, ''))
    .filter((label) => label !== '');
}

/** A header line's value: without its name, unfolded, encoded words decoded. */
function decodeHeader(key: string, line: string): string {
  const value = line.replace(new RegExp(`^${key}\\s*:\\s*`, 'i'), '').replace(/\r?\n[ \t]+/g, ' ');
  try {
    return libmime.decodeWords(value).trim();
  } catch {
    return value.trim();
  }
}

function addressesIn(value: string): string[] {
  return [...value.matchAll(ADDRESS)].map((match) => match[0].toLowerCase().replace(/\.$/, ''));
}

/** The name of the attached message a node is inside, if any. */
function enclosingMessageName(node: MimeNode, messageNames: ReadonlyMap<MimeNode, string>): string | null {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) {
    const name = messageNames.get(parent);
    if (name) return name;
  }
  return null;
}

async function openAttachedMessage(
  leaf: Leaf,
  content: MessageContent,
  options: ReadOptions,
  depth: number,
): Promise<void> {
  if (leaf.size > MAX_ATTACHED_MESSAGE_BYTES) {
    content.problems.push({ part: leaf.part, why: format('mailScan.why.attachedTooLarge') });
    return;
  }
  if (depth >= MAX_ATTACHED_MESSAGE_DEPTH) {
    content.problems.push({
      part: leaf.part,
      why: format('mailScan.why.attachedTooDeep'),
    });
    return;
  }
  const inner = await readMessageContent(decodeTransfer(leaf), options, depth + 1);
  for (const text of inner.texts)
    content.texts.push({ part: `${leaf.part} › ${text.part}`, text: text.text });
  for (const problem of inner.problems) {
    // A problem with the whole attached message is the attached message's.
    const part = problem.part === 'message' ? leaf.part : `${leaf.part} › ${problem.part}`;
    content.problems.push({ part, why: problem.why });
  }
  for (const attachment of inner.attachments) content.attachments.push(attachment);
  content.notRead.push(...inner.notRead);
}

function finishLeaf(leaf: Leaf, content: MessageContent): void {
  const contentType = (leaf.node.contentType || 'text/plain').toLowerCase();
  if (leaf.kind === 'attachment') {
    const tooLarge = leaf.size > MAX_TEXT_ATTACHMENT_BYTES * 1.4;
    const bytes = leaf.keepContent && !tooLarge ? decodeTransfer(leaf) : null;
    content.attachments.push({ name: leaf.name, mimeType: contentType, content: bytes });
    if (!leaf.isText) {
      content.notRead.push(typeOf(contentType, leaf.name));
      return;
    }
    if (tooLarge || (bytes && bytes.length > MAX_TEXT_ATTACHMENT_BYTES)) {
      content.problems.push({ part: leaf.part, why: format('mailScan.why.textTooLarge') });
      return;
    }
    const text = bytes ? decodeAttachmentText(bytes, leaf.node.charset || null) : null;
    if (text === null) {
      content.notRead.push(typeOf(contentType, leaf.name));
      return;
    }
    const isHtml = /html/.test(contentType) || /\.html?$/i.test(leaf.name);
    content.texts.push({ part: leaf.part, text: isHtml ? htmlToDetectionText(text) : text });
    return;
  }
  const bytes = decodeTransfer(leaf);
  const text = repairC1Controls(decodeCharset(Buffer.from(bytes), leaf.node.charset || 'utf-8'));
  content.texts.push({ part: leaf.part, text: leaf.kind === 'html' ? htmlToDetectionText(text) : text });
}

/** The body of a leaf without its transfer encoding (base64 by Node, quoted-printable by libqp). */
function decodeTransfer(leaf: Leaf): Uint8Array {
  const raw = Buffer.concat(leaf.chunks);
  const encoding = (leaf.node.encoding || '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(raw.toString('latin1'), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(raw);
  return raw;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of an attachment: in its declared charset when it has one, else UTF-16 with a
 * byte-order mark, UTF-8, or Windows-1252. Null for binary data (NUL bytes outside UTF-16).
 */
export function decodeAttachmentText(bytes: Uint8Array, charset: string | null = null): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.subarray(0, 65536).includes(0)) return null;
  if (charset) return repairC1Controls(decodeCharset(Buffer.from(bytes), charset)).replace(/^\ufeff/, '');
  try {
    return utf8.decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return decodeCharset(Buffer.from(bytes), 'windows-1252');
  }
}

/** A coarse type for the summary of attachments not read ("pdf", "image", "archive", "office"). */
function typeOf(mimeType: string, filename: string | null): string {
  const extension = /\.([a-z0-9]{1,8})$/i.exec(filename ?? '')?.[1]?.toLowerCase() ?? '';
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('audio/') || mimeType.startsWith('video/')) return 'audio or video';
  if (mimeType === 'application/pdf' || extension === 'pdf') return 'pdf';
  if (/zip|compressed|x-tar|gzip|x-7z|x-rar/.test(mimeType) || /^(?:zip|7z|rar|gz|tgz|tar)$/.test(extension))
    return 'archive';
  if (
    /officedocument|msword|ms-excel|ms-powerpoint|opendocument|rtf/.test(mimeType) ||
    /^(?:docx?|xlsx?|pptx?|od[tsp]|rtf)$/.test(extension)
  ) {
    return 'office document';
  }
  return 'other';
}

/** An attachment name fit to show: no control or bidirectional characters, at most 80 characters. */
function safeName(filename: string | null): string | null {
  if (!filename) return null;
  const clean = filename
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  if (clean === '') return null;
  return clean.length > 80 ? `${clean.slice(0, 77)}…` : clean;
}

/** YYYY-MM-DD (UTC) of a Date header, or null when it has none or it does not parse. */
function isoDay(date: string): string | null {
  if (!date) return null;
  const time = Date.parse(date.replace(/\s*\([^)]*\)\s*$/, ''));
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}
