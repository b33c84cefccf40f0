import PostalMime, { addressParser, type Address, type Attachment, type Email } from 'postal-mime';
import { htmlToDetectionText, repairC1Controls } from '../../../common/domain/mailScan';

/**
 * One message taken apart for the detectors with postal-mime (MIME structure, transfer encodings,
 * charsets, encoded words): its texts, its attachments' names, the facts the aggregation needs,
 * and what could not be read. The texts exist only while the message is scanned.
 */
export interface MessageContent {
  date: string | null;
  messageId: string | null;
  from: string | null;
  /** To and Cc addresses. */
  recipients: string[];
  /** Delivered-To and X-Original-To addresses: the mailbox's owner. */
  deliveredTo: string[];
  /** Texts to scan, each named by its part ("body", "HTML body", "part notes.txt"). */
  texts: { part: string; text: string }[];
  attachments: { name: string; mimeType: string; content: Uint8Array }[];
  /** Parts that could not be read, by name. */
  problems: { part: string; why: string }[];
  /** Attachments whose content was not read for text, by type ("pdf", "image"). */
  notRead: string[];
}

/** Text attachments larger than this are not read for text (they are reported). */
export const MAX_TEXT_ATTACHMENT_BYTES = 8 * 2 ** 20;
/** Messages attached to messages are opened this deep. */
const MAX_ATTACHED_MESSAGE_DEPTH = 3;

const TEXT_TYPES =
  /^(?:text\/|application\/(?:json|xml|x-yaml|yaml|toml|x-sh|x-shellscript|javascript|x-javascript|x-pem-file|pgp-keys|x-x509-ca-cert|pkix-cert|x-ini|x-httpd-php|sql|x-sql|csv|x-csv|ld\+json|x-ovpn|x-openvpn-profile)$)/;
const TEXT_EXTENSIONS =
  /\.(?:txt|text|csv|tsv|json|ya?ml|toml|ini|cfg|conf|config|env|properties|xml|html?|md|log|sh|bash|zsh|ps1|bat|cmd|py|js|ts|rb|php|sql|pem|key|crt|cer|asc|pub|ovpn|npmrc|netrc|pgpass|tf|tfvars|rdp|reg|vcf|ics)$|(?:^|[\\/])\.?env(?:\.[\w-]+)?$|(?:^|[\\/])id_(?:rsa|dsa|ecdsa|ed25519)$/i;

/**
 * Parses a message and collects what the detectors read. Never throws for bad mail: a message
 * postal-mime cannot parse comes back with a problem and no texts.
 */
export async function readMessageContent(bytes: Uint8Array, depth = 0): Promise<MessageContent> {
  const content: MessageContent = {
    date: null,
    messageId: null,
    from: null,
    recipients: [],
    deliveredTo: [],
    texts: [],
    attachments: [],
    problems: [],
    notRead: [],
  };
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 64 });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    content.problems.push({
      part: 'message',
      why: `its MIME structure could not be parsed${typeof code === 'string' ? ` (${code})` : ''}`,
    });
    return content;
  }
  content.date = isoDay(email.date);
  content.messageId = email.messageId?.trim().replace(/^<|>$/g, '') || null;
  content.from = addressesOf(email.from ? [email.from] : [])[0] ?? null;
  content.recipients = addressesOf([...(email.to ?? []), ...(email.cc ?? [])]);
  content.deliveredTo = email.headers
    .filter((header) => header.key === 'delivered-to' || header.key === 'x-original-to')
    .flatMap((header) => addressParser(header.value))
    .flatMap((address) => addressesOf([address]));

  const contentType = (
    email.headers.find((header) => header.key === 'content-type')?.value ?? ''
  ).toLowerCase();
  if (/multipart\/encrypted|application\/(?:x-)?pkcs7-mime/.test(contentType)) {
    const isSignedOnly = /smime-type\s*=\s*"?signed-data/.test(contentType);
    content.problems.push({
      part: 'message',
      why: isSignedOnly
        ? 'it is S/MIME signed in an opaque form, which is not read'
        : 'it is encrypted (S/MIME or PGP): without the key it cannot be read, by this scan or by anyone who took it',
    });
  }

  if (email.subject) content.texts.push({ part: 'subject', text: email.subject });
  if (email.text) content.texts.push({ part: 'body', text: repairC1Controls(email.text) });
  if (email.html)
    content.texts.push({ part: 'HTML body', text: htmlToDetectionText(repairC1Controls(email.html)) });
  for (const text of content.texts) {
    if (text.text.includes('-----BEGIN PGP MESSAGE-----')) {
      content.problems.push({
        part: text.part,
        why: 'it holds a PGP-encrypted message, which cannot be read without the key',
      });
    }
  }
  let index = 0;
  for (const attachment of email.attachments) {
    index++;
    await readAttachment(attachment, index, depth, content);
  }
  return content;
}

async function readAttachment(
  attachment: Attachment,
  index: number,
  depth: number,
  content: MessageContent,
): Promise<void> {
  const bytes = toBytes(attachment.content);
  const name = safeName(attachment.filename) ?? `attachment ${index} (${attachment.mimeType})`;
  const part = `part ${name}`;
  content.attachments.push({
    name: attachment.filename ?? '',
    mimeType: attachment.mimeType,
    content: bytes,
  });
  if (
    attachment.mimeType === 'message/rfc822' ||
    attachment.rfc822DepthExceeded ||
    /\.eml$/i.test(attachment.filename ?? '')
  ) {
    if (depth >= MAX_ATTACHED_MESSAGE_DEPTH) {
      content.problems.push({ part, why: 'it is a message attached inside messages nested too deep' });
      return;
    }
    const inner = await readMessageContent(bytes, depth + 1);
    for (const text of inner.texts) content.texts.push({ part: `${part} › ${text.part}`, text: text.text });
    for (const problem of inner.problems)
      content.problems.push({ part: `${part} › ${problem.part}`, why: problem.why });
    content.attachments.push(...inner.attachments);
    content.notRead.push(...inner.notRead);
    return;
  }
  const isText = TEXT_TYPES.test(attachment.mimeType) || TEXT_EXTENSIONS.test(attachment.filename ?? '');
  if (!isText) {
    content.notRead.push(typeOf(attachment.mimeType, attachment.filename));
    return;
  }
  if (bytes.length > MAX_TEXT_ATTACHMENT_BYTES) {
    content.problems.push({
      part,
      why: `it is a text attachment of ${Math.round(bytes.length / 2 ** 20)} MB, larger than the 8 MB read`,
    });
    return;
  }
  const text = decodeAttachmentText(bytes);
  if (text === null) {
    content.notRead.push(typeOf(attachment.mimeType, attachment.filename));
    return;
  }
  const isHtml = /html/.test(attachment.mimeType) || /\.html?$/i.test(attachment.filename ?? '');
  content.texts.push({ part, text: isHtml ? htmlToDetectionText(text) : text });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

/**
 * The text of an attachment (its charset is not known): UTF-16 with a byte-order mark, UTF-8, or
 * else Windows-1252. Null for binary data (NUL bytes outside UTF-16).
 */
export function decodeAttachmentText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.subarray(0, 65536).includes(0)) return null;
  try {
    return utf8.decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return repairC1Controls(latin1.decode(bytes));
  }
}

function toBytes(content: Attachment['content']): Uint8Array {
  if (content instanceof Uint8Array) return content;
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  return new Uint8Array(content);
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

function addressesOf(addresses: readonly Address[]): string[] {
  const out: string[] = [];
  for (const address of addresses) {
    if (address.group) {
      for (const member of address.group) if (member.address) out.push(member.address.toLowerCase());
    } else if (address.address && address.address.includes('@')) {
      out.push(address.address.toLowerCase());
    }
  }
  return out;
}

/** YYYY-MM-DD of a parsed Date header (postal-mime gives ISO 8601 or, when unparseable, the raw value). */
function isoDay(date: string | undefined): string | null {
  if (!date) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})T/.exec(date);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}
