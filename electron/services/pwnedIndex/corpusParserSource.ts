import { COUNT_OF_CODE, EXACT_COUNT_LIMIT } from './format';

/**
 * The corpus line parser of the index builder (builder.ts), as JavaScript source run both on the
 * main thread and in the parse workers (parseWorkers.ts), so both parse with the very same code.
 *
 * Why a string: the workers are eval workers, as the strength workers are (see
 * `passwordHealth/strengthWorkerSource.ts`): a worker file would need its own bundling entry in
 * electron-vite's main build and in the CLI bundle, and a function's `toString()` is not safe to
 * ship (tsx and other transforms insert helper calls). The source is a function expression,
 * `(settings) => api`, evaluated once per thread; see {@link ParserApi} for what it returns.
 *
 * The parser works on segments: a range of a file's bytes parsed with fresh state, as if it were
 * the corpus's first lines. The builder stitches the segments' results in file order (the ascending
 * order across their boundaries, the record a following line may merge into, per-bucket counts,
 * line numbers), which is what lets segments be parsed on any thread in any order. A segment's
 * figures are written to a Float64Array laid out by {@link SEGMENT_META}.
 *
 * What a line must be, and what each refusal says, is documented at the top of builder.ts.
 */

/** Where each figure of a parsed segment sits in its metadata (`size` numbers a segment). */
export const SEGMENT_META = {
  /** Lines consumed (blank ones included): the segment's share of the file's line numbers. */
  lines: 0,
  /** Hash lines, count-0 ones included. */
  sourceLines: 1,
  /** Records written to the segment's output (all but the last one, which stays pending). */
  emitted: 2,
  /** Where parsing stopped: the end, or the start of a line the next bytes may complete. */
  used: 3,
  /** The segment's end (to quote its first hash line). */
  end: 4,
  /** Byte offset of the segment's records in its output. */
  recordsStart: 5,
  /** 1 if the segment holds a hash line; then `first…` and `last` are set. */
  hasFirst: 6,
  /** The first hash line's number within the segment (1-based) and its byte offset. */
  firstLine: 7,
  firstOffset: 8,
  /** The first hash: seven pieces of its 40 hex digits (5, 6, 6, 6, 6, 6, 5 digits). */
  first: 9,
  /** The last hash, in the same pieces. */
  last: 16,
  /** The key of the segment's first emitted record: bucket, then two 24-bit pieces. */
  head: 23,
  /** 1 if a record is pending at the end (a following segment's first line may share its key). */
  hasTail: 26,
  /** The pending record's key (bucket, two 24-bit pieces) and count code. */
  tail: 27,
  tailCode: 30,
  size: 31,
} as const;

/** What the parser needs from format.ts, passed in so that the source holds no copy of it. */
export interface ParserSettings {
  /** The lower bound of the counts of each code 128–255 (format.ts's log-scaled count codes). */
  countBounds: number[];
  exactCountLimit: number;
  meta: typeof SEGMENT_META;
}

export function parserSettings(): ParserSettings {
  return {
    countBounds: Array.from(COUNT_OF_CODE.subarray(EXACT_COUNT_LIMIT + 1)),
    exactCountLimit: EXACT_COUNT_LIMIT,
    meta: SEGMENT_META,
  };
}

/**
 * Why a segment was refused: the line within the segment (1-based), and the problem as a message
 * of the catalogue (`pwnedIndex.line.*`, common/messages) with its values; the builder words it.
 */
export interface SegmentFailure {
  line: number;
  problem: Problem;
}

/** A refused line's problem: a `pwnedIndex.line.*` message id and its values. */
export interface Problem {
  id: string;
  values: Record<string, string>;
}

/**
 * One thread's parser. The records it writes are counted per bucket in `table`, or, without one,
 * as runs of records in one bucket, collected until {@link SegmentParser.takeRuns}.
 */
export interface SegmentParser {
  /**
   * Parses `buf[start, end)` with fresh state; `final` when the range ends the file (its last line
   * may then lack a newline). Records go to `out` from `outStart`. Returns false when a line is
   * refused ({@link SegmentParser.failure}); the figures are then those before the refused line.
   */
  run(
    buf: Buffer,
    start: number,
    end: number,
    final: boolean,
    prefix: number,
    out: Buffer,
    outStart: number,
  ): boolean;
  /** Refuses the line at `buf[from, to)` (a line too long to be a corpus line), as its only line. */
  refuseLine(buf: Buffer, from: number, to: number, prefix: number): void;
  /** Writes the last segment's figures at `meta[at…]`. */
  writeMeta(meta: Float64Array, at: number): void;
  /** The records counted since the last call (without a table): [bucket, records] pairs. */
  takeRuns(): number[];
  readonly failure: SegmentFailure | null;
  /** Where the last segment's records end in its output. */
  readonly outEnd: number;
}

export interface ParserApi {
  SegmentParser: new (table: Uint32Array | null) => SegmentParser;
  /** The problem of a hash that does not come after the one before it (`order` ≤ 0: equal or smaller). */
  orderProblem(order: number, text: string): Problem;
  /** The line at `p` as quoted in messages (up to 80 characters, without its line end). */
  lineText(buf: Buffer, p: number, end: number): string;
  /** format.ts's encodeCount, as the parser has it (a test compares them). */
  encodeCount(count: number): number;
}

let mainThreadApi: ParserApi | undefined;

/** The parser on this thread (evaluated on first use). */
export function parserApi(): ParserApi {
  mainThreadApi ??= (
    new Function(`return (${CORPUS_PARSER_SOURCE});`)() as (settings: ParserSettings) => ParserApi
  )(parserSettings());
  return mainThreadApi;
}

// The hot loop is the builder's single-thread parser as it was, unchanged but for the first hash
// of a segment being kept for the stitch. No template literals (the string is String.raw).
export const CORPUS_PARSER_SOURCE = String.raw`function createCorpusParser(settings) {
  'use strict';
  const META = settings.meta;
  const countBounds = settings.countBounds;
  const exactCountLimit = settings.exactCountLimit;
  const LF = 0x0a;
  const CR = 0x0d;
  const COLON = 0x3a;

  // Hex digit value of each byte, -1 when it is not one (so an OR of shifted values goes negative).
  const HEX = new Int8Array(256).fill(-1);
  for (let i = 0; i < 10; i += 1) HEX[0x30 + i] = i;
  for (let i = 0; i < 6; i += 1) {
    HEX[0x41 + i] = 10 + i;
    HEX[0x61 + i] = 10 + i;
  }
  // The value of two hex digits (0-255) by the little-endian u16 of their characters, -1 when
  // either is not a hex digit: a line's 40 digits take 21 lookups instead of 40. 128 KiB, of which
  // only ~4 KiB are ever read.
  const PAIR = new Int16Array(65536).fill(-1);
  for (let first = 0; first < 256; first += 1) {
    for (let second = 0; second < 256; second += 1) {
      if (HEX[first] >= 0 && HEX[second] >= 0) PAIR[first | (second << 8)] = HEX[first] * 16 + HEX[second];
    }
  }

  function encodeCount(count) {
    if (count <= exactCountLimit) return Math.max(1, count);
    let lo = 0;
    let hi = countBounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (countBounds[mid] <= count) lo = mid;
      else hi = mid - 1;
    }
    return exactCountLimit + 1 + lo;
  }

  function hex5(value) {
    return value.toString(16).toUpperCase().padStart(5, '0');
  }

  function lineText(buf, p, end) {
    const newline = buf.subarray(0, end).indexOf(LF, p);
    return buf
      .toString('latin1', p, newline < 0 ? end : newline)
      .replace(/\r$/, '')
      .slice(0, 80);
  }

  // The problems are messages of the catalogue (common/messages), worded by the builder.
  function problem(id, values) {
    return { id: id, values: values };
  }

  function orderProblem(order, text) {
    return problem(order === 0 ? 'pwnedIndex.line.twice' : 'pwnedIndex.line.unsorted', { hash: text });
  }

  // A refused line (not an Error: no stack to capture).
  class Refusal {
    constructor(line, problem) {
      this.line = line;
      this.problem = problem;
    }
  }

  class SegmentParser {
    constructor(table) {
      this.table = table;
      // Without a table (a worker): runs of records per bucket, [bucket, records, ...].
      this.runs = [];
      this.runBucket = -1;
      this.runCount = 0;
      this.out = null;
      this.outStart = 0;
      this.o = 0;
      this.prefix = -1;
      this.line = 0;
      this.sourceLines = 0;
      this.emitted = 0;
      this.used = 0;
      this.end = 0;
      this.failure = null;
      // The previous hash line, as seven pieces of the 40 hex digits (5, 6, 6, 6, 6, 6, 5 digits).
      this.p0 = -1;
      this.p1 = 0;
      this.p2 = 0;
      this.p3 = 0;
      this.p4 = 0;
      this.p5 = 0;
      this.p6 = 0;
      // The segment's first hash line.
      this.firstLine = 0;
      this.firstOffset = 0;
      this.f0 = 0;
      this.f1 = 0;
      this.f2 = 0;
      this.f3 = 0;
      this.f4 = 0;
      this.f5 = 0;
      this.f6 = 0;
      // The record not yet written (a following line may share its 68-bit key).
      this.hasPending = false;
      this.r0 = 0;
      this.r1 = 0;
      this.r2 = 0;
      this.rCount = 0;
      // The key of the first record written.
      this.h0 = 0;
      this.h1 = 0;
      this.h2 = 0;
    }

    get outEnd() {
      return this.o;
    }

    reset(prefix, out, outStart) {
      this.out = out;
      this.outStart = outStart;
      this.o = outStart;
      this.prefix = prefix;
      this.line = 0;
      this.sourceLines = 0;
      this.emitted = 0;
      this.used = 0;
      this.end = 0;
      this.failure = null;
      this.p0 = -1;
      this.hasPending = false;
    }

    run(buf, start, end, final, prefix, out, outStart) {
      this.reset(prefix, out, outStart);
      this.end = end;
      try {
        this.used = this.parse(buf, start, end, final);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        this.failure = error;
        this.used = start;
      }
      return this.failure === null;
    }

    refuseLine(buf, from, to, prefix) {
      this.reset(prefix, null, 0);
      this.end = to;
      try {
        this.badLine(buf, from, to, true);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        this.failure = error;
      }
    }

    writeMeta(meta, at) {
      meta[at + META.lines] = this.line;
      meta[at + META.sourceLines] = this.sourceLines;
      meta[at + META.emitted] = this.emitted;
      meta[at + META.used] = this.used;
      meta[at + META.end] = this.end;
      meta[at + META.recordsStart] = this.outStart;
      const hasFirst = this.p0 >= 0;
      meta[at + META.hasFirst] = hasFirst ? 1 : 0;
      meta[at + META.firstLine] = this.firstLine;
      meta[at + META.firstOffset] = this.firstOffset;
      let f = at + META.first;
      meta[f] = this.f0;
      meta[f + 1] = this.f1;
      meta[f + 2] = this.f2;
      meta[f + 3] = this.f3;
      meta[f + 4] = this.f4;
      meta[f + 5] = this.f5;
      meta[f + 6] = this.f6;
      f = at + META.last;
      meta[f] = this.p0;
      meta[f + 1] = this.p1;
      meta[f + 2] = this.p2;
      meta[f + 3] = this.p3;
      meta[f + 4] = this.p4;
      meta[f + 5] = this.p5;
      meta[f + 6] = this.p6;
      meta[at + META.head] = this.h0;
      meta[at + META.head + 1] = this.h1;
      meta[at + META.head + 2] = this.h2;
      meta[at + META.hasTail] = this.hasPending ? 1 : 0;
      meta[at + META.tail] = this.r0;
      meta[at + META.tail + 1] = this.r1;
      meta[at + META.tail + 2] = this.r2;
      meta[at + META.tailCode] = this.hasPending ? encodeCount(this.rCount) : 0;
    }

    // Parses whole lines in buf[start, end) and returns where the first incomplete one starts.
    // With final, the range ends the file: a last line without newline is taken if complete.
    parse(buf, start, end, final) {
      const prefix = this.prefix;
      const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      let p = start;
      while (p < end) {
        const first = buf[p];
        if (first === LF) {
          this.line += 1;
          p += 1;
          continue;
        }
        if (first === CR) {
          if (p + 1 < end && buf[p + 1] === LF) {
            this.line += 1;
            p += 2;
            continue;
          }
          if (p + 1 >= end && !final) return p;
          if (p + 1 >= end) {
            p += 1;
            continue;
          }
        }
        // Full lines: 40 hex digits then ':'. Suffix lines (directory layout): 35 then ':'.
        let base; // where digit 0 of the 40-digit hash would be
        if (prefix >= 0 && p + 35 < end && buf[p + 35] === COLON) base = p - 5;
        else if (p + 40 < end && buf[p + 40] === COLON) base = p;
        else {
          if (!final && end - p <= 41) return p; // may be the start of a line the next chunk ends
          this.badLine(buf, p, end, final);
        }
        // Two digits per lookup: a little-endian u16 of the two characters indexes PAIR.
        const d = base + 5;
        const v1 =
          (PAIR[view.getUint16(d, true)] << 16) |
          (PAIR[view.getUint16(d + 2, true)] << 8) |
          PAIR[view.getUint16(d + 4, true)];
        const v2 =
          (PAIR[view.getUint16(d + 6, true)] << 16) |
          (PAIR[view.getUint16(d + 8, true)] << 8) |
          PAIR[view.getUint16(d + 10, true)];
        const v3 =
          (PAIR[view.getUint16(d + 12, true)] << 16) |
          (PAIR[view.getUint16(d + 14, true)] << 8) |
          PAIR[view.getUint16(d + 16, true)];
        const v4 =
          (PAIR[view.getUint16(d + 18, true)] << 16) |
          (PAIR[view.getUint16(d + 20, true)] << 8) |
          PAIR[view.getUint16(d + 22, true)];
        const v5 =
          (PAIR[view.getUint16(d + 24, true)] << 16) |
          (PAIR[view.getUint16(d + 26, true)] << 8) |
          PAIR[view.getUint16(d + 28, true)];
        const v6 =
          (PAIR[view.getUint16(d + 30, true)] << 12) |
          (PAIR[view.getUint16(d + 32, true)] << 4) |
          HEX[buf[d + 34]];
        const v0 =
          base === p
            ? (PAIR[view.getUint16(p, true)] << 12) | (PAIR[view.getUint16(p + 2, true)] << 4) | HEX[buf[p + 4]]
            : prefix;
        if ((v0 | v1 | v2 | v3 | v4 | v5 | v6) < 0) this.badLine(buf, p, end, final);
        // The count: 1 to 15 digits, then CRLF, LF or the end of the file.
        let q = d + 36;
        let count = 0;
        const digitsFrom = q;
        while (q < end) {
          const digit = buf[q] - 0x30;
          if (digit < 0 || digit > 9) break;
          count = count * 10 + digit;
          q += 1;
        }
        let next;
        if (q >= end) {
          if (!final) return p;
          next = q;
        } else if (buf[q] === LF) next = q + 1;
        else if (buf[q] === CR && q + 1 < end && buf[q + 1] === LF) next = q + 2;
        else if (buf[q] === CR && q + 1 >= end) {
          if (!final) return p;
          next = q + 1;
        } else next = -1;
        if (next < 0 || q === digitsFrom || q - digitsFrom > 15) this.badLine(buf, p, end, final);
        this.line += 1;
        if (prefix >= 0 && v0 !== prefix) {
          throw this.refuse(
            problem('pwnedIndex.line.wrongPrefix', { hash: lineText(buf, p, end), prefix: hex5(prefix) }),
          );
        }
        // Strictly ascending, compared piece by piece (case does not matter: these are values).
        let order = v0 - this.p0;
        if (order === 0) order = v1 - this.p1;
        if (order === 0) order = v2 - this.p2;
        if (order === 0) order = v3 - this.p3;
        if (order === 0) order = v4 - this.p4;
        if (order === 0) order = v5 - this.p5;
        if (order === 0) order = v6 - this.p6;
        if (order <= 0) throw this.refuse(orderProblem(order, lineText(buf, p, end)));
        if (this.p0 < 0) {
          // The segment's first hash: the stitch checks it against the previous segment's last.
          this.firstLine = this.line;
          this.firstOffset = p;
          this.f0 = v0;
          this.f1 = v1;
          this.f2 = v2;
          this.f3 = v3;
          this.f4 = v4;
          this.f5 = v5;
          this.f6 = v6;
        }
        this.p0 = v0;
        this.p1 = v1;
        this.p2 = v2;
        this.p3 = v3;
        this.p4 = v4;
        this.p5 = v5;
        this.p6 = v6;
        this.sourceLines += 1;
        // The record's 68-bit key is v0 (bucket, 20 bits), v1 and v2 (24 bits each): hex digits 0-16.
        if (count > 0) {
          if (this.hasPending && this.r0 === v0 && this.r1 === v1 && this.r2 === v2) {
            if (count > this.rCount) this.rCount = count;
          } else {
            if (this.hasPending) this.emit();
            this.hasPending = true;
            this.r0 = v0;
            this.r1 = v1;
            this.r2 = v2;
            this.rCount = count;
          }
        }
        p = next;
      }
      return p;
    }

    emit() {
      const out = this.out;
      let o = this.o;
      const k1 = this.r1;
      const k2 = this.r2;
      if (this.emitted === 0) {
        this.h0 = this.r0;
        this.h1 = k1;
        this.h2 = k2;
      }
      out[o++] = k1 >>> 16;
      out[o++] = (k1 >>> 8) & 0xff;
      out[o++] = k1 & 0xff;
      out[o++] = k2 >>> 16;
      out[o++] = (k2 >>> 8) & 0xff;
      out[o++] = k2 & 0xff;
      out[o++] = encodeCount(this.rCount);
      this.o = o;
      const bucket = this.r0;
      if (this.table !== null) this.table[bucket] = this.table[bucket] + 1;
      else if (bucket === this.runBucket) this.runCount += 1;
      else {
        if (this.runCount > 0) this.runs.push(this.runBucket, this.runCount);
        this.runBucket = bucket;
        this.runCount = 1;
      }
      this.emitted += 1;
    }

    takeRuns() {
      if (this.runCount > 0) this.runs.push(this.runBucket, this.runCount);
      const runs = this.runs;
      this.runs = [];
      this.runBucket = -1;
      this.runCount = 0;
      return runs;
    }

    // Explains why the line at p is not a corpus line, and throws.
    badLine(buf, p, end, final) {
      const newline = buf.subarray(0, end).indexOf(LF, p);
      const lineEnd = newline < 0 ? end : newline;
      let text = buf.toString('latin1', p, lineEnd);
      if (text.endsWith('\r')) text = text.slice(0, -1);
      this.line += 1;
      const directoryLayout = this.prefix >= 0;
      if (/^[0-9A-Fa-f]{32}:\d+$/.test(text) || (directoryLayout && /^[0-9A-Fa-f]{27}:\d+$/.test(text)))
        throw this.refuse(problem('pwnedIndex.line.ntlm', { options: '-n / --ntlm' }));
      if (newline < 0 && final && /^[0-9A-Fa-f]{0,40}(:\d*)?$/.test(text))
        throw this.refuse(problem('pwnedIndex.line.cutShort', { text: JSON.stringify(text.slice(0, 60)) }));
      if (/^[0-9A-Fa-f]+:\d{16,}$/.test(text)) throw this.refuse(problem('pwnedIndex.line.countOutOfRange', {}));
      throw this.refuse(
        problem('pwnedIndex.line.expected', {
          layout: directoryLayout ? 'directory' : 'file',
          suffixShape: 'SUFFIX:COUNT',
          hashShape: 'HASH:COUNT',
          text: JSON.stringify(text.slice(0, 80)),
        }),
      );
    }

    refuse(problem) {
      return new Refusal(this.line, problem);
    }
  }

  return { SegmentParser: SegmentParser, orderProblem: orderProblem, lineText: lineText, encodeCount: encodeCount };
}`;
