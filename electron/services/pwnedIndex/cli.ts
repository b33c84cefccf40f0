// `pwned-index`: builds and queries the offline Pwned Passwords index from the command line.
//   pwned-index build SOURCE [--out FILE] [--json]
//   pwned-index check FILE [--passwords-file F] [--json]
//   pwned-index verify FILE [--json]
// Exit status: 0 success, 2 bad input (unusable corpus, missing or damaged index, bad arguments),
// 1 internal error. Messages and progress go to stderr; results to stdout.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { format } from '../../../common/messages/format';
import { plainMessage, usageRow, type PlainMessageId } from '../../../common/messages/plain';
import { buildPwnedIndex } from './builder';
import { PwnedIndexError, RECORD_BYTES, type IndexInfo } from './format';
import { openPwnedIndex, verifyIndex } from './lookup';

export interface PwnedIndexCliIo {
  stdin: AsyncIterable<string | Uint8Array>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** The usage text of `pwned-index`, in the catalogue in use. */
export function pwnedIndexUsage(): string {
  const row = (syntax: string, id: PlainMessageId) => usageRow(syntax, id, 34);
  return [
    `${plainMessage('usage.usage')} pwned-index <command> [options]`,
    '',
    plainMessage('usage.commands'),
    row('  build SOURCE [--out FILE]', 'usage.pwnedIndex.build'),
    row('  check FILE [--passwords-file F]', 'usage.pwnedIndex.check'),
    row('  verify FILE', 'usage.pwnedIndex.verify'),
    '',
    plainMessage('usage.options'),
    row('  --json', 'usage.pwnedIndex.json'),
    row('  -h, --help', 'usage.option.help'),
  ].join('\n');
}

class UsageError extends Error {}

/** Runs `pwned-index` with `argv` (the words after it); resolves to the exit status. */
export async function runPwnedIndexCli(argv: string[], io: PwnedIndexCliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        'passwords-file': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const [command, target, ...extra] = positionals;
    if (values.help) {
      io.stdout.write(`${pwnedIndexUsage()}\n`);
      return 0;
    }
    if (!command) throw new UsageError(format('cli.missingCommand'));
    if (!target)
      throw new UsageError(
        format('cli.pwnedIndex.missing', { command, what: command === 'build' ? 'SOURCE' : 'FILE' }),
      );
    if (extra.length > 0) throw new UsageError(format('cli.pwnedIndex.unexpected', { argument: extra[0]! }));
    if (command === 'build') {
      if (values['passwords-file'])
        throw new UsageError(format('cli.pwnedIndex.takesNo', { command, option: '--passwords-file' }));
      return await build(target, values.out ?? defaultOut(target), values.json, io);
    }
    if (values.out) throw new UsageError(format('cli.pwnedIndex.takesNo', { command, option: '--out' }));
    if (command === 'check') return await check(target, values['passwords-file'], values.json, io);
    if (command === 'verify') {
      if (values['passwords-file'])
        throw new UsageError(format('cli.pwnedIndex.takesNo', { command, option: '--passwords-file' }));
      return await verify(target, values.json, io);
    }
    throw new UsageError(format('cli.unknownSubcommand', { command }));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.stderr.write(`pwned-index: ${(error as Error).message}\n\n${pwnedIndexUsage()}\n`);
      return 2;
    }
    if (error instanceof PwnedIndexError) {
      io.stderr.write(`pwned-index: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(
      `pwned-index: ${format('cli.internalError', { message: error instanceof Error ? error.message : String(error) })}\n`,
    );
    return 1;
  }
}

function defaultOut(source: string): string {
  const trimmed = source.replace(/[\\/]+$/, '');
  return `${trimmed.replace(/\.txt$/i, '')}.pwnedidx`;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
const millions = (n: number) => `${(n / 1e6).toFixed(2)} M`;

async function build(source: string, out: string, json: boolean, io: PwnedIndexCliIo): Promise<number> {
  const started = performance.now();
  let reportedAt = started;
  const progress = (lines: number, bytes: number, total: number) => {
    const now = performance.now();
    if (now - reportedAt < 1000) return;
    reportedAt = now;
    const percent = total > 0 ? Math.floor((bytes / total) * 100) : 100;
    const rate = millions(lines / ((now - started) / 1000));
    io.stderr.write(
      `${format('pwnedIndex.build.progress', { percent, lines, done: mb(bytes), total: mb(total), rate })}\n`,
    );
  };
  const info = await buildPwnedIndex(source, out, { onProgress: progress });
  const seconds = (performance.now() - started) / 1000;
  io.stderr.write(
    `${format('pwnedIndex.build.finished', { lines: info.sourceLines, seconds: seconds.toFixed(2) })}\n`,
  );
  if (info.missingPrefixes > 0)
    io.stderr.write(`${format('pwnedIndex.build.missing', { missing: info.missingPrefixes, source })}\n`);
  const linesPerSecond = info.sourceLines / Math.max(seconds, 1e-9);
  if (json) {
    io.stdout.write(`${JSON.stringify({ out, ...info, seconds, linesPerSecond })}\n`);
    return 0;
  }
  io.stdout.write(
    [
      format('pwnedIndex.build.built', { out }),
      format('pwnedIndex.build.entries', { entries: info.entries, lines: info.sourceLines }),
      format('pwnedIndex.build.size', {
        bytes: info.bytes,
        recordBytes: RECORD_BYTES,
        perEntry: (info.bytes / Math.max(1, info.entries)).toFixed(2),
      }),
      format('pwnedIndex.build.key', {
        bits: info.keyBits,
        rate: info.falsePositiveRate.toExponential(1),
        limit: info.exactCountLimit,
      }),
      format('pwnedIndex.build.time', { seconds: seconds.toFixed(2), rate: millions(linesPerSecond) }),
      '',
    ].join('\n'),
  );
  return 0;
}

async function check(
  file: string,
  passwordsFile: string | undefined,
  json: boolean,
  io: PwnedIndexCliIo,
): Promise<number> {
  const text = passwordsFile === undefined ? await readAll(io.stdin) : await readPasswordsFile(passwordsFile);
  const passwords = splitLines(text);
  const index = await openPwnedIndex(file);
  let counts: Map<string, number>;
  try {
    counts = await index.lookupPasswords(passwords);
  } finally {
    await index.close();
  }
  const ordered = passwords.map((password) => counts.get(password)!);
  if (json) {
    const summary = {
      index: index.info,
      passwords: passwords.length,
      distinct: counts.size,
      found: ordered.filter((count) => count > 0).length,
      counts: ordered,
    };
    io.stdout.write(`${JSON.stringify(summary)}\n`);
  } else if (ordered.length > 0) io.stdout.write(`${ordered.join('\n')}\n`);
  return 0;
}

async function verify(file: string, json: boolean, io: PwnedIndexCliIo): Promise<number> {
  const info: IndexInfo = await verifyIndex(file);
  io.stdout.write(
    json
      ? `${JSON.stringify({ ok: true, ...info })}\n`
      : `${format('cli.pwnedIndex.intact', { file, count: info.entries, builtAt: info.builtAt })}\n`,
  );
  return 0;
}

async function readPasswordsFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(
      format('cli.cannotRead', { file: path, code: typeof code === 'string' ? code : String(error) }),
    );
  }
}

async function readAll(stream: AsyncIterable<string | Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of stream)
    parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(parts).toString('utf8');
}

/** One password a line (LF or CRLF); a final newline does not add an empty password. */
export function splitLines(text: string): string[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body === '') return [];
  const lines = body.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
