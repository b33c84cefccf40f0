/**
 * Builds MIME messages and mbox files for the mailbox-scan tests and benchmark: the encodings a
 * real mailbox holds (7bit, 8bit, quoted-printable, base64), charsets given as bytes, nested
 * multiparts and attachments. Written by hand (not with the parser under test), so a parsing bug
 * cannot hide in both sides.
 */

/** A leaf part. `body` as a string is encoded as UTF-8, or as Latin-1 when `charset` says so. */
export interface LeafPart {
  contentType: string;
  charset?: string;
  encoding?: '7bit' | '8bit' | 'quoted-printable' | 'base64';
  filename?: string;
  disposition?: 'attachment' | 'inline';
  body: string | Uint8Array;
  /** Extra header lines of the part. */
  headers?: Record<string, string>;
}

/** A multipart container. */
export interface MultiPart {
  multipart: 'mixed' | 'alternative' | 'related' | 'signed' | 'encrypted';
  parts: (LeafPart | MultiPart)[];
  /** Extra Content-Type parameters (`protocol="application/pgp-encrypted"`). */
  parameters?: string;
}

/** A whole message. */
export interface MessageSpec {
  from: string;
  to: string;
  cc?: string;
  subject: string;
  /** RFC 5322 date ("Tue, 01 Oct 2024 10:00:00 +0000"); none when omitted. */
  date?: string;
  messageId?: string;
  headers?: Record<string, string>;
  body: LeafPart | MultiPart;
  /** Line ending (CRLF by default, as on the wire; mbox files from Unix tools use LF). */
  newline?: '\r\n' | '\n';
}

let boundaryCounter = 0;

/** The bytes of a message built from `spec`. */
export function buildMessage(spec: MessageSpec): Buffer {
  const nl = spec.newline ?? '\r\n';
  const head = [
    `From: ${spec.from}`,
    `To: ${spec.to}`,
    ...(spec.cc ? [`Cc: ${spec.cc}`] : []),
    `Subject: ${spec.subject}`,
    ...(spec.date ? [`Date: ${spec.date}`] : []),
    ...(spec.messageId ? [`Message-ID: <${spec.messageId}>`] : []),
    ...Object.entries(spec.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    'MIME-Version: 1.0',
  ];
  return Buffer.concat([Buffer.from(head.join(nl) + nl), buildPart(spec.body, nl)]);
}

function buildPart(part: LeafPart | MultiPart, nl: string): Buffer {
  if ('multipart' in part) {
    const boundary = `=_b${++boundaryCounter}_${part.multipart}`;
    const chunks: Buffer[] = [
      Buffer.from(
        `Content-Type: multipart/${part.multipart}; boundary="${boundary}"${part.parameters ? `; ${part.parameters}` : ''}${nl}${nl}`,
      ),
      Buffer.from(`This is a multi-part message in MIME format.${nl}`),
    ];
    for (const child of part.parts) {
      chunks.push(Buffer.from(`--${boundary}${nl}`), buildPart(child, nl), Buffer.from(nl));
    }
    chunks.push(Buffer.from(`--${boundary}--${nl}`));
    return Buffer.concat(chunks);
  }
  const encoding = part.encoding ?? '7bit';
  const raw =
    typeof part.body === 'string'
      ? Buffer.from(
          part.body,
          /^(?:iso-8859-1|latin1|windows-1252)$/i.test(part.charset ?? '') ? 'latin1' : 'utf8',
        )
      : Buffer.from(part.body);
  const name = part.filename ? `; name="${part.filename}"` : '';
  const headers = [
    `Content-Type: ${part.contentType}${part.charset ? `; charset=${part.charset}` : ''}${name}`,
    `Content-Transfer-Encoding: ${encoding}`,
    ...(part.disposition || part.filename
      ? [
          `Content-Disposition: ${part.disposition ?? 'attachment'}${part.filename ? `; filename="${part.filename}"` : ''}`,
        ]
      : []),
    ...Object.entries(part.headers ?? {}).map(([key, value]) => `${key}: ${value}`),
  ];
  let body: Buffer;
  if (encoding === 'base64') body = Buffer.from(wrap(raw.toString('base64'), 76).join(nl));
  else if (encoding === 'quoted-printable') body = Buffer.from(encodeQuotedPrintable(raw, nl));
  else body = Buffer.from(raw.toString('latin1').replace(/\r?\n/g, nl), 'latin1');
  return Buffer.concat([Buffer.from(headers.join(nl) + nl + nl), body, Buffer.from(nl)]);
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  return lines;
}

/** Quoted-printable (RFC 2045): soft line breaks at 76, `=XX` for non-ASCII, `=` and trailing space. */
export function encodeQuotedPrintable(bytes: Uint8Array, nl = '\r\n'): string {
  const out: string[] = [];
  for (const line of Buffer.from(bytes).toString('latin1').split(/\r?\n/)) {
    let encoded = '';
    let width = 0;
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      const isLast = i === line.length - 1;
      const literal = (code >= 33 && code <= 126 && code !== 61) || ((code === 32 || code === 9) && !isLast);
      const piece = literal ? line[i]! : `=${code.toString(16).toUpperCase().padStart(2, '0')}`;
      if (width + piece.length > 75) {
        encoded += `=${nl}`;
        width = 0;
      }
      encoded += piece;
      width += piece.length;
    }
    out.push(encoded);
  }
  return out.join(nl);
}

/**
 * An mbox of `messages`: each after a `From ` line, with body lines starting `From ` (after any
 * number of `>`) escaped by one more `>` (mboxrd), or only unquoted ones (`mboxo`).
 */
export function buildMbox(
  messages: readonly Uint8Array[],
  options: { escape?: 'mboxrd' | 'mboxo'; newline?: '\n' | '\r\n'; separatorDate?: string } = {},
): Buffer {
  const nl = options.newline ?? '\n';
  const date = options.separatorDate ?? 'Tue Oct  1 10:00:00 2024';
  const pattern = options.escape === 'mboxo' ? /^From /gm : /^(>*From )/gm;
  const chunks: Buffer[] = [];
  messages.forEach((message, index) => {
    const text = Buffer.from(message).toString('latin1');
    const escaped = text.replace(pattern, (match) => `>${match}`);
    chunks.push(Buffer.from(`From sender${index}@example.com ${date}${nl}`, 'latin1'));
    chunks.push(Buffer.from(escaped.endsWith('\n') ? escaped : `${escaped}${nl}`, 'latin1'));
    chunks.push(Buffer.from(nl));
  });
  return Buffer.concat(chunks);
}
