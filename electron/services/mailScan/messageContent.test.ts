import { describe, expect, it } from 'vitest';
import { detectSecrets } from '../../../common/domain/mailScan';
import { buildMessage, type LeafPart, type MessageSpec, type MultiPart } from '../../testing/mailFixtures';
import { readMessageContent } from './messageContent';

const message = (body: LeafPart | MultiPart, extra: Partial<MessageSpec> = {}) =>
  buildMessage({
    from: 'Acme <it@acme-corp.com>',
    to: 'me@example.org',
    subject: 'Welcome',
    date: 'Tue, 01 Oct 2024 10:00:00 +0000',
    messageId: 'id-1@acme-corp.com',
    body,
    ...extra,
  });

/** Every secret value found in every text of a message. */
async function secretsIn(bytes: Buffer): Promise<string[]> {
  const content = await readMessageContent(bytes);
  return content.texts.flatMap((t) => detectSecrets(t.text).map((m) => `${m.kind}:${m.value}`));
}

const token = `ghp_${'aB3dE5fG7h'.repeat(3)}aB3dE5`;

describe('taking a message apart', () => {
  it('reads the headers the aggregation needs', async () => {
    const content = await readMessageContent(
      message(
        { contentType: 'text/plain', body: 'hello' },
        { cc: 'Bob <Bob@Partner.net>', headers: { 'Delivered-To': 'me@example.org' } },
      ),
    );
    expect(content).toMatchObject({
      date: '2024-10-01',
      messageId: 'id-1@acme-corp.com',
      from: 'it@acme-corp.com',
      recipients: ['me@example.org', 'bob@partner.net'],
      deliveredTo: ['me@example.org'],
      problems: [],
    });
  });

  it.each([
    ['7bit', { encoding: '7bit' }],
    ['8bit', { encoding: '8bit' }],
    ['quoted-printable', { encoding: 'quoted-printable' }],
    ['base64', { encoding: 'base64' }],
  ] as const)('decodes a %s body', async (_name, part) => {
    // A long line, so quoted-printable soft breaks cut through the token.
    const body = `${'Here is the token you asked for, please keep it somewhere safe: '.repeat(2)}${token} thanks`;
    expect(await secretsIn(message({ contentType: 'text/plain', charset: 'utf-8', body, ...part }))).toEqual([
      `github_token:${token}`,
    ]);
  });

  it('decodes an encoded-word subject', async () => {
    const subject = `=?UTF-8?B?${Buffer.from('Ihr Passwort: Grün-2024!').toString('base64')}?=`;
    expect(await secretsIn(message({ contentType: 'text/plain', body: 'hi' }, { subject }))).toEqual([
      'password:Grün-2024!',
    ]);
  });

  it('decodes ISO-8859-1, Windows-1252 and Shift_JIS bodies', async () => {
    expect(
      await secretsIn(
        message({
          contentType: 'text/plain',
          charset: 'iso-8859-1',
          encoding: 'quoted-printable',
          body: 'Kennwort: Grün-Öl-42',
        }),
      ),
    ).toEqual(['password:Grün-Öl-42']);
    // Curly quotes are bytes 0x93/0x94 in Windows-1252: the password ends at its closing quote.
    const cp1252 = Buffer.concat([
      Buffer.from('Your password is '),
      Buffer.from([0x93]),
      Buffer.from('Hunter-42'),
      Buffer.from([0x94, 0x2e]),
    ]);
    expect(
      await secretsIn(
        message({
          contentType: 'text/plain',
          charset: 'windows-1252',
          encoding: 'quoted-printable',
          body: cp1252,
        }),
      ),
    ).toEqual(['password:Hunter-42']);
    // "パスワード：" in Shift_JIS, then the password.
    const sjis = Buffer.concat([
      Buffer.from([0x83, 0x70, 0x83, 0x58, 0x83, 0x8f, 0x81, 0x5b, 0x83, 0x68, 0x81, 0x46]),
      Buffer.from('Tk9pQ2zL'),
    ]);
    const content = await readMessageContent(
      message({ contentType: 'text/plain', charset: 'shift_jis', encoding: 'base64', body: sjis }),
    );
    expect(content.texts.find((t) => t.part === 'body')?.text).toBe('パスワード：Tk9pQ2zL');
    expect(
      await secretsIn(
        message({ contentType: 'text/plain', charset: 'shift_jis', encoding: 'base64', body: sjis }),
      ),
    ).toEqual(['password:Tk9pQ2zL']);
  });

  it('decodes ISO-2022-JP, the charset of much Japanese mail', async () => {
    // "パスワード：" in ISO-2022-JP (JIS X 0208 after ESC $ B), back to ASCII (ESC ( B), then the password.
    const jis = Buffer.concat([
      Buffer.from([
        0x1b, 0x24, 0x42, 0x25, 0x51, 0x25, 0x39, 0x25, 0x6f, 0x21, 0x3c, 0x25, 0x49, 0x21, 0x27, 0x1b, 0x28,
        0x42,
      ]),
      Buffer.from('Tk9pQ2zL\r\n'),
    ]);
    expect(
      await secretsIn(
        message({ contentType: 'text/plain', charset: 'iso-2022-jp', encoding: '7bit', body: jis }),
      ),
    ).toEqual(['password:Tk9pQ2zL']);
  });

  it('reads an HTML-only body as text, with its links', async () => {
    const html =
      '<p>Reset your password: <a href="https://acme-corp.com/reset?token=Zx81kd92jfQpLm3n">click here</a></p>';
    expect(
      await secretsIn(
        message({ contentType: 'text/html', charset: 'utf-8', encoding: 'base64', body: html }),
      ),
    ).toEqual(['reset_link:https://acme-corp.com/reset?token=Zx81kd92jfQpLm3n']);
  });

  it('walks nested multiparts and reads text attachments, listing every attachment by name', async () => {
    const bytes = message({
      multipart: 'mixed',
      parts: [
        {
          multipart: 'alternative',
          parts: [
            { contentType: 'text/plain', body: 'See attached.' },
            {
              multipart: 'related',
              parts: [
                {
                  contentType: 'text/html',
                  encoding: 'quoted-printable',
                  body: `<p>Card: <b>4111 1111 1111 1111</b></p>`,
                },
                {
                  contentType: 'image/png',
                  filename: 'logo.png',
                  disposition: 'inline',
                  encoding: 'base64',
                  body: new Uint8Array([137, 80, 78, 71, 0, 1, 2]),
                },
              ],
            },
          ],
        },
        {
          contentType: 'application/octet-stream',
          filename: 'prod.env',
          encoding: 'base64',
          body: `GITHUB_TOKEN=${token}\n`,
        },
        {
          contentType: 'application/octet-stream',
          filename: 'vault.kdbx',
          encoding: 'base64',
          body: new Uint8Array([3, 217, 162, 154, 0, 0]),
        },
        {
          contentType: 'application/pdf',
          filename: 'invoice.pdf',
          encoding: 'base64',
          body: new Uint8Array([37, 80, 68, 70, 0]),
        },
      ],
    });
    const content = await readMessageContent(bytes);
    expect(content.attachments.map((a) => a.name)).toEqual([
      'logo.png',
      'prod.env',
      'vault.kdbx',
      'invoice.pdf',
    ]);
    expect(content.texts.map((t) => t.part)).toEqual(['subject', 'body', 'HTML body', 'part prod.env']);
    expect(content.notRead.sort()).toEqual(['image', 'other', 'pdf']);
    expect(await secretsIn(bytes)).toEqual(['payment_card:4111111111111111', `github_token:${token}`]);
  });

  it('opens a message attached to a message', async () => {
    const inner = message(
      { contentType: 'text/plain', encoding: 'base64', body: `token: ${token}` },
      { subject: 'inner' },
    );
    const outer = message({
      multipart: 'mixed',
      parts: [
        { contentType: 'text/plain', body: 'Forwarding this.' },
        { contentType: 'message/rfc822', filename: 'original.eml', disposition: 'attachment', body: inner },
      ],
    });
    const content = await readMessageContent(outer);
    expect(content.texts.map((t) => t.part)).toContain('part original.eml › body');
    expect(await secretsIn(outer)).toEqual([`github_token:${token}`]);
  });

  it('names an attached message it cannot read by the attachment, not by a part inside it', async () => {
    const sealed = message({
      multipart: 'encrypted',
      parameters: 'protocol="application/pgp-encrypted"',
      parts: [
        { contentType: 'application/pgp-encrypted', body: 'Version: 1' },
        {
          contentType: 'application/octet-stream',
          filename: 'encrypted.asc',
          body: '-----BEGIN PGP MESSAGE-----\nhQEMA\n-----END PGP MESSAGE-----',
        },
      ],
    });
    const outer = message({
      multipart: 'mixed',
      parts: [
        { contentType: 'text/plain', body: 'Forwarding this.' },
        { contentType: 'message/rfc822', filename: 'sealed.eml', disposition: 'attachment', body: sealed },
      ],
    });
    const { problems } = await readMessageContent(outer);
    expect(problems).toContainEqual({ part: 'part sealed.eml', why: expect.stringContaining('encrypted') });
    expect(problems.map((p) => p.part)).not.toContain('part sealed.eml › message');
  });

  it('names what it cannot read: encrypted mail, PGP blocks, broken structure', async () => {
    const encrypted = await readMessageContent(
      message({
        multipart: 'encrypted',
        parameters: 'protocol="application/pgp-encrypted"',
        parts: [
          { contentType: 'application/pgp-encrypted', body: 'Version: 1' },
          {
            contentType: 'application/octet-stream',
            filename: 'encrypted.asc',
            body: '-----BEGIN PGP MESSAGE-----\nhQEMA\n-----END PGP MESSAGE-----',
          },
        ],
      }),
    );
    expect(encrypted.problems).toContainEqual({ part: 'message', why: expect.stringContaining('encrypted') });
    const inline = await readMessageContent(
      message({
        contentType: 'text/plain',
        body: '-----BEGIN PGP MESSAGE-----\nhQEMA\n-----END PGP MESSAGE-----',
      }),
    );
    expect(inline.problems).toEqual([{ part: 'body', why: expect.stringContaining('PGP-encrypted') }]);
    let nested: LeafPart | MultiPart = { contentType: 'text/plain', body: 'deep' };
    for (let i = 0; i < 80; i++) nested = { multipart: 'mixed', parts: [nested] };
    const deep = await readMessageContent(message(nested));
    expect(deep.problems).toEqual([
      { part: 'message', why: expect.stringContaining('nested more than 50 levels') },
    ]);
    expect(deep.texts.map((t) => t.part)).toEqual(['subject']);
    const wide: MultiPart = { multipart: 'mixed', parts: [] };
    for (let i = 0; i < 2100; i++) wide.parts.push({ contentType: 'text/plain', body: 'x' });
    const broken = await readMessageContent(message(wide));
    expect(broken.problems).toEqual([
      { part: 'message', why: expect.stringContaining('could not be parsed') },
    ]);
  });
});
