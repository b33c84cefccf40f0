import { open } from 'node:fs/promises';

/**
 * Streams the messages of an mbox file without holding more than one message (and one read
 * chunk) in memory.
 *
 * A message starts at a `From ` line that begins the file or follows a blank line and carries a
 * time of day (`From sender@example.com Tue Oct  1 10:00:00 2024`, `From - Tue Oct 01 …`): that is
 * what Gmail Takeout, Thunderbird, Apple Mail and mutt write, and it keeps a body line such as
 * "From the desk of …" (which mboxo writers leave unescaped) from splitting a message. Body lines
 * written as `>From `, `>>From ` (mboxrd and mboxo escaping) lose one `>`.
 */

/** One message of an mbox file. */
export interface MboxMessage {
  /** Byte offset of the message's `From ` line (of its first byte when it has none). */
  offset: number;
  /** Byte offset where the next message starts: resume from here to continue after this one. */
  end: number;
  /** Size in bytes of the message as stored (without its `From ` line). */
  size: number;
  /** The message (un-escaped, without its `From ` line), or null when larger than the cap. */
  data: Buffer | null;
}

/** How to read an mbox. */
export interface MboxReadOptions {
  /** Byte offset to start at: 0, or a message's `offset`/`end` from an earlier read. */
  start?: number;
  /** Messages larger than this are counted but not kept (`data` is null). */
  maxMessageBytes: number;
  /** Bytes read at a time (1 MiB). */
  chunkBytes?: number;
}

const FROM = Buffer.from('\nFrom ');
const NEWLINE = 0x0a;
const CR = 0x0d;
/** A `From ` line longer than this is a body line, not a separator. */
const MAX_SEPARATOR_LINE = 1024;
const SEPARATOR_LINE = /^From \S*.*\b\d{1,2}:\d{2}/;

/** True for the bytes of an mbox `From ` separator line (without its line break). */
export function isSeparatorLine(line: Buffer | string): boolean {
  const text = typeof line === 'string' ? line : line.toString('latin1');
  return text.length <= MAX_SEPARATOR_LINE && SEPARATOR_LINE.test(text);
}

/** True when the first bytes of a file look like an mbox (a `From ` line). */
export function looksLikeMbox(head: Buffer): boolean {
  if (!head.subarray(0, 5).equals(Buffer.from('From '))) return false;
  const end = head.indexOf(NEWLINE);
  return isSeparatorLine(head.subarray(0, end < 0 ? head.length : end)) || end < 0;
}

/** Reads the messages of the mbox at `path`, from `options.start`. */
export async function* readMboxMessages(path: string, options: MboxReadOptions): AsyncGenerator<MboxMessage> {
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  const startOffset = options.start ?? 0;
  const file = await open(path, 'r');
  try {
    let position = startOffset;
    /** Bytes after the last line break read so far (an unfinished line), at file offset `carryOffset`. */
    let carry = Buffer.alloc(0);
    let carryOffset = position;
    /** The carry continues a line whose start was already given to the message. */
    let isMidLine = false;
    /** The line before the carry was blank (the start of the file and a resume point count as blank). */
    let previousLineBlank = true;
    let current: { offset: number; parts: Buffer[]; size: number; isTooLarge: boolean } | null = null;

    const append = (bytes: Buffer, offset: number) => {
      if (bytes.length === 0) return;
      current ??= { offset, parts: [], size: 0, isTooLarge: false };
      current.size += bytes.length;
      if (current.isTooLarge) return;
      if (current.size > options.maxMessageBytes) {
        current.isTooLarge = true;
        current.parts = [];
      } else {
        current.parts.push(bytes);
      }
    };
    const finish = (end: number): MboxMessage | null => {
      const message = current;
      current = null;
      if (!message) return null;
      if (message.isTooLarge) return { offset: message.offset, end, size: message.size, data: null };
      const data = unescapeFromLines(withoutFinalNewline(Buffer.concat(message.parts)));
      if (isBlank(data)) return null;
      return { offset: message.offset, end, size: message.size, data };
    };

    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const { bytesRead } = await file.read(chunk, 0, chunkBytes, position);
      const isEof = bytesRead === 0;
      position += bytesRead;
      const read = chunk.subarray(0, bytesRead);
      const data = carry.length > 0 ? Buffer.concat([carry, read]) : read;
      const dataOffset = carryOffset;
      const limit = isEof ? data.length : data.lastIndexOf(NEWLINE) + 1;
      let segmentStart = 0;
      let candidate = !isMidLine && startsWithFrom(data, 0) ? 0 : findFrom(data, 0, limit);
      while (candidate >= 0 && candidate < limit) {
        const lineEnd = data.indexOf(NEWLINE, candidate);
        const lineStop = lineEnd < 0 || lineEnd >= limit ? limit : lineEnd;
        const isFileStart = dataOffset + candidate === 0;
        const followsBlank =
          candidate === 0 ? previousLineBlank : lineBeforeIsBlank(data, candidate, isMidLine);
        const line = stripCr(data.subarray(candidate, lineStop));
        if (followsBlank && (isFileStart || isSeparatorLine(line))) {
          append(data.subarray(segmentStart, candidate), dataOffset + segmentStart);
          const message = finish(dataOffset + candidate);
          if (message) yield message;
          current = { offset: dataOffset + candidate, parts: [], size: 0, isTooLarge: false };
          segmentStart = lineEnd < 0 || lineEnd >= limit ? limit : lineEnd + 1;
        }
        candidate = findFrom(data, candidate + 1, limit);
      }
      append(data.subarray(segmentStart, limit), dataOffset + segmentStart);
      if (limit > 0) {
        previousLineBlank = lineBeforeIsBlank(data, limit, isMidLine);
        isMidLine = false;
      }
      carry = Buffer.from(data.subarray(limit));
      carryOffset = dataOffset + limit;
      if (carry.length > MAX_SEPARATOR_LINE * 64) {
        // A very long line (a huge part without line breaks): it belongs to the message, and the
        // bytes after it continue that line, so they cannot start a `From ` separator.
        append(carry, carryOffset);
        carryOffset += carry.length;
        carry = Buffer.alloc(0);
        isMidLine = true;
        previousLineBlank = false;
      }
      if (isEof) {
        const message = finish(dataOffset + data.length);
        if (message) yield message;
        return;
      }
    }
  } finally {
    await file.close();
  }
}

function startsWithFrom(data: Buffer, index: number): boolean {
  return data.length >= index + 5 && data.subarray(index, index + 5).equals(FROM.subarray(1));
}

/** The index of the next `From ` that starts a line after `from` (before `limit`), or -1. */
function findFrom(data: Buffer, from: number, limit: number): number {
  const index = data.indexOf(FROM, Math.max(0, from - 1));
  return index < 0 || index + 1 >= limit ? -1 : index + 1;
}

/**
 * Whether the line that ends just before `index` (a line start, `data[index - 1]` a line break) is
 * blank. A line that began before `data` (`isMidLine`) is not.
 */
function lineBeforeIsBlank(data: Buffer, index: number, isMidLine: boolean): boolean {
  const newline = index - 1;
  if (newline >= 1 && data[newline - 1] === NEWLINE) return true;
  if (newline >= 2 && data[newline - 1] === CR && data[newline - 2] === NEWLINE) return true;
  if (isMidLine) return false;
  return newline === 0 || (newline === 1 && data[0] === CR);
}

function stripCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === CR ? line.subarray(0, line.length - 1) : line;
}

function withoutFinalNewline(data: Buffer): Buffer {
  if (data.length > 0 && data[data.length - 1] === NEWLINE) {
    return data.subarray(
      0,
      data.length >= 2 && data[data.length - 2] === CR ? data.length - 2 : data.length - 1,
    );
  }
  return data;
}

function isBlank(data: Buffer): boolean {
  for (const byte of data)
    if (byte !== 0x20 && byte !== 0x09 && byte !== CR && byte !== NEWLINE) return false;
  return true;
}

const ESCAPED_FROM = /^>(>*From )/gm;

/** `>From ` → `From `, `>>From ` → `>From ` (mboxrd; also undoes mboxo's single level). */
export function unescapeFromLines(data: Buffer): Buffer {
  if (data.indexOf('>From ') < 0) return data;
  return Buffer.from(data.toString('latin1').replace(ESCAPED_FROM, '$1'), 'latin1');
}
