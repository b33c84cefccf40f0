import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readMboxMessages, type MboxMessage } from './mboxReader';

const dir = mkdtempSync(join(tmpdir(), 'lockstep-mbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCounter = 0;
function write(content: string | Buffer): string {
  const path = join(dir, `m${++fileCounter}.mbox`);
  writeFileSync(path, content);
  return path;
}

async function readAll(
  path: string,
  options: { start?: number; chunkBytes?: number; maxMessageBytes?: number } = {},
) {
  const messages: MboxMessage[] = [];
  for await (const message of readMboxMessages(path, { maxMessageBytes: 1 << 20, ...options }))
    messages.push(message);
  return messages;
}
const texts = (messages: MboxMessage[]) => messages.map((m) => m.data?.toString('latin1') ?? null);

const SEP = 'From alice@example.com Tue Oct  1 10:00:00 2024';
const mbox = [
  SEP,
  'Subject: one',
  '',
  '>From the start, mboxrd escaped this line',
  '>>From a quoted escaped line',
  '',
  'From - Wed Oct 02 11:12:13 2024',
  'Subject: two',
  '',
  'body two',
  '',
  'From the desk of the editor: an unescaped body line after a blank line, with no time',
  '',
  `From bob@example.com Thu Oct  3 09:08:07 2024`,
  'Subject: three',
  '',
  'body three',
  '',
].join('\n');

describe('splitting an mbox', () => {
  it('splits on From lines and un-escapes >From lines', async () => {
    expect(texts(await readAll(write(mbox)))).toEqual([
      'Subject: one\n\nFrom the start, mboxrd escaped this line\n>From a quoted escaped line\n',
      'Subject: two\n\nbody two\n\nFrom the desk of the editor: an unescaped body line after a blank line, with no time\n',
      'Subject: three\n\nbody three',
    ]);
  });

  it('gives the same messages whatever the read chunk size', async () => {
    const path = write(mbox);
    const expected = await readAll(path);
    for (const chunkBytes of [1, 2, 5, 7, 64]) expect(await readAll(path, { chunkBytes })).toEqual(expected);
  });

  it('reads CRLF mbox files', async () => {
    const path = write(mbox.replace(/\n/g, '\r\n'));
    expect(texts(await readAll(path, { chunkBytes: 3 })).map((t) => t?.replace(/\r\n/g, '\n'))).toEqual(
      texts(await readAll(write(mbox))),
    );
  });

  it('reads a last message without a trailing newline, and a truncated one', async () => {
    expect(texts(await readAll(write(`${SEP}\nSubject: a\n\nbody without newline`)))).toEqual([
      'Subject: a\n\nbody without newline',
    ]);
    const truncated = mbox.slice(0, mbox.indexOf('body three') + 4);
    const messages = await readAll(write(truncated));
    expect(messages).toHaveLength(3);
    expect(messages[2]!.data!.toString()).toBe('Subject: three\n\nbody');
    expect(messages[2]!.end).toBe(Buffer.byteLength(truncated));
  });

  it('reads nothing from an empty file or one of blank lines', async () => {
    expect(await readAll(write(''))).toEqual([]);
    expect(await readAll(write('\n\n\r\n'))).toEqual([]);
  });

  it('reads a file that does not start with a From line as one message', async () => {
    expect(texts(await readAll(write('Subject: lone\n\nbody\n')))).toEqual(['Subject: lone\n\nbody']);
  });

  it('resumes from where a message ended', async () => {
    const path = write(mbox);
    const all = await readAll(path);
    const rest = await readAll(path, { start: all[0]!.end });
    expect(rest).toEqual(all.slice(1));
    expect(all.map((m) => [m.offset, m.end])).toEqual([
      [0, all[1]!.offset],
      [all[1]!.offset, all[2]!.offset],
      [all[2]!.offset, Buffer.byteLength(mbox)],
    ]);
  });

  it('counts a message over the size cap without keeping it', async () => {
    const big = `${SEP}\nSubject: big\n\n${'x'.repeat(5000)}\n\n${SEP}\nSubject: small\n\nok\n`;
    const messages = await readAll(write(big), { maxMessageBytes: 1000, chunkBytes: 256 });
    expect(messages.map((m) => m.data === null)).toEqual([true, false]);
    expect(messages[0]!.size).toBeGreaterThan(5000);
    expect(messages[1]!.data!.toString()).toBe('Subject: small\n\nok');
  });

  it('keeps a huge line without line breaks in its message, and splits after it', async () => {
    const line = 'A'.repeat(200_000);
    const messages = await readAll(
      write(`${SEP}\nSubject: long\n\n${line}\n\n${SEP}\nSubject: next\n\nok\n`),
      {
        chunkBytes: 4096,
      },
    );
    expect(messages).toHaveLength(2);
    expect(messages[0]!.data!.length).toBe('Subject: long\n\n'.length + line.length + 1);
    expect(messages[1]!.data!.toString()).toBe('Subject: next\n\nok');
  });
});
