import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMbox, buildMessage, type LeafPart, type MultiPart } from '../../testing/mailFixtures';
import { scanMailbox, type MailScanCheckpoint } from './scanMailbox';
import { MailScanError } from './sources';

const root = mkdtempSync(join(tmpdir(), 'lockstep-mailscan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirCounter = 0;
const newDir = () => {
  const dir = join(root, `case${++dirCounter}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

const fingerprint = (secret: string) =>
  createHmac('sha256', 'test key').update(secret).digest('hex').slice(0, 32);

let messageCounter = 0;
function mail(body: LeafPart | MultiPart, from = 'Acme IT <it@acme-corp.com>', day = 1): Buffer {
  messageCounter++;
  return buildMessage({
    from,
    to: 'me@example.org',
    subject: `Message ${messageCounter}`,
    date: `${String(day).padStart(2, '0')} Oct 2024 10:00:00 +0000`,
    messageId: `m${messageCounter}@example.org`,
    headers: { 'Delivered-To': 'me@example.org' },
    body,
  });
}

const SECRETS = {
  password: 'Zq7!kP2m-Lx9',
  github: `ghp_${'aB3dE5fG7h'.repeat(3)}aB3dE5`,
  aws: 'AKIAZ3MTYQ7LB5XWQ2PD',
  awsSecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzKEY1234',
  stripe: 'sk_live_51HqL2kA9bC8dE7fG6hI5jK4l',
  seed: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ',
  card: '4111111111111111',
  iban: 'GB82WEST12345698765432',
  resetToken: 'Zx81kd92jfQpLm3nRt55',
  bsn: '111222333',
};
const plantedMessages = () => [
  mail(
    {
      contentType: 'text/plain',
      encoding: 'quoted-printable',
      body: `Your temporary password is ${SECRETS.password}\n`,
    },
    'Acme IT <it@acme-corp.com>',
    1,
  ),
  mail(
    { contentType: 'text/html', encoding: 'base64', body: `<p>Token: <code>${SECRETS.github}</code></p>` },
    'GitHub <noreply@github.com>',
    2,
  ),
  mail(
    {
      multipart: 'mixed',
      parts: [
        { contentType: 'text/plain', body: 'Keys attached.' },
        {
          contentType: 'text/csv',
          filename: 'bob_accessKeys.csv',
          encoding: 'base64',
          body: `Access key ID,Secret access key\n${SECRETS.aws},${SECRETS.awsSecret}\n`,
        },
      ],
    },
    'Bob <bob@partner.net>',
    3,
  ),
  mail(
    {
      contentType: 'text/plain',
      body: `STRIPE_KEY=${SECRETS.stripe}\notpauth://totp/Acme:me?secret=${SECRETS.seed}&issuer=acme-corp.com`,
    },
    'me@example.org',
    4,
  ),
  mail(
    {
      contentType: 'text/plain',
      encoding: 'base64',
      body: `Card: 4111 1111 1111 1111\nIBAN: GB82 WEST 1234 5698 7654 32\nBSN: ${SECRETS.bsn}`,
    },
    'Shop <orders@shop.com>',
    5,
  ),
  mail(
    {
      contentType: 'text/html',
      encoding: 'quoted-printable',
      body: `<a href="https://acme-corp.com/reset-password?token=${SECRETS.resetToken}">Reset</a>`,
    },
    'Acme IT <it@acme-corp.com>',
    6,
  ),
  mail({ contentType: 'text/plain', body: `Again: ${SECRETS.github}` }, 'GitHub <noreply@github.com>', 7),
];

describe('scanning a mailbox', () => {
  it('finds every planted secret once, with dates, folders, correspondents and accounts', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'Inbox.mbox'), buildMbox(plantedMessages()));
    const report = await scanMailbox(join(dir, 'Inbox.mbox'), { fingerprint });
    expect(report.messages).toBe(7);
    expect(report.undecodable).toEqual({ count: 0, parts: [] });
    const byKind = Object.fromEntries(report.findings.map((f) => [f.kind, f]));
    expect(Object.keys(byKind).sort()).toEqual(
      [
        'aws_access_key',
        'aws_secret_key',
        'github_token',
        'iban',
        'national_id',
        'otp_seed',
        'password',
        'payment_card',
        'reset_link',
        'secret_attachment',
        'stripe_key',
      ].sort(),
    );
    expect(byKind.github_token).toMatchObject({
      count: 2,
      firstSeen: '2024-10-02',
      lastSeen: '2024-10-07',
      folders: ['Inbox'],
      correspondentDomains: ['github.com'],
      account: 'github.com',
      fingerprint: fingerprint(SECRETS.github),
      messageIdHashes: [expect.stringMatching(/^[0-9a-f]{64}$/), expect.stringMatching(/^[0-9a-f]{64}$/)],
    });
    expect(byKind.password).toMatchObject({ account: 'acme-corp.com', hint: 'Password, 12 characters' });
    expect(byKind.reset_link?.account).toBe('acme-corp.com');
    expect(byKind.otp_seed).toMatchObject({
      account: 'acme-corp.com',
      correspondentDomains: ['example.org'],
    });
    expect(byKind.secret_attachment).toMatchObject({
      hint: 'AWS access key file (.csv)',
      correspondentDomains: ['partner.net'],
    });
  });

  it('hashes the Message-ID with SHA-256', async () => {
    const dir = newDir();
    writeFileSync(
      join(dir, 'one.eml'),
      buildMessage({
        from: 'a@github.com',
        to: 'me@example.org',
        subject: SECRETS.github,
        messageId: 'abc@x',
        body: { contentType: 'text/plain', body: 'x' },
      }),
    );
    const report = await scanMailbox(join(dir, 'one.eml'), { fingerprint });
    expect(report.findings[0]?.messageIdHashes).toEqual([createHash('sha256').update('abc@x').digest('hex')]);
  });

  it('never puts a secret, its hash or its base64 in the report or a checkpoint', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'Inbox.mbox'), buildMbox(plantedMessages()));
    const checkpoints: MailScanCheckpoint[] = [];
    const report = await scanMailbox(join(dir, 'Inbox.mbox'), {
      fingerprint,
      checkpointEveryMs: 0,
      onCheckpoint: (c) => checkpoints.push(c),
    });
    expect(report.findings.length).toBeGreaterThanOrEqual(10);
    expect(checkpoints.length).toBeGreaterThan(3);
    const output = JSON.stringify({ report, checkpoints });
    const forms = (secret: string) => [
      secret,
      createHash('sha1').update(secret).digest('hex'),
      createHash('sha256').update(secret).digest('hex'),
      Buffer.from(secret).toString('base64').replace(/=+$/, ''),
    ];
    const values = [...Object.values(SECRETS), '4111 1111 1111 1111', 'GB82 WEST 1234 5698 7654 32'];
    for (const secret of values) {
      for (const form of forms(secret)) expect(output.toLowerCase()).not.toContain(form.toLowerCase());
    }
    // Nor the mail: no subject, no address of a person.
    expect(output).not.toMatch(/Message \d|me@example\.org|bob@partner/);
  });

  it('reads an Apple Mail .mbox folder, a Thunderbird profile and folders of .eml files, by folder', async () => {
    const dir = newDir();
    mkdirSync(join(dir, 'Apple', 'Work.mbox'), { recursive: true });
    writeFileSync(
      join(dir, 'Apple', 'Work.mbox', 'mbox'),
      buildMbox([mail({ contentType: 'text/plain', body: `k ${SECRETS.stripe}` })]),
    );
    writeFileSync(join(dir, 'Apple', 'Work.mbox', 'Info.plist'), '<plist/>');
    mkdirSync(join(dir, 'Thunderbird', 'Local Folders'), { recursive: true });
    writeFileSync(
      join(dir, 'Thunderbird', 'Local Folders', 'Sent'),
      buildMbox([mail({ contentType: 'text/plain', body: `k ${SECRETS.stripe}` })]),
    );
    writeFileSync(join(dir, 'Thunderbird', 'Local Folders', 'Sent.msf'), '// index');
    mkdirSync(join(dir, 'eml', '2024'), { recursive: true });
    writeFileSync(
      join(dir, 'eml', '2024', 'a.eml'),
      mail({ contentType: 'text/plain', body: `k ${SECRETS.stripe}` }),
    );
    writeFileSync(join(dir, 'eml', 'notes.txt'), `not mail ${SECRETS.github}`);
    const report = await scanMailbox(dir, { fingerprint });
    expect(report.messages).toBe(3);
    expect(report.findings.map((f) => [f.kind, f.count, f.folders])).toEqual([
      ['stripe_key', 3, ['Apple/Work', 'Thunderbird/Local Folders/Sent', 'eml/2024']],
    ]);
  });

  it('takes the folder of a Gmail Takeout message from its labels', async () => {
    const dir = newDir();
    const labelled = (labels: string) =>
      buildMessage({
        from: 'a@github.com',
        to: 'me@example.org',
        subject: 'x',
        headers: { 'X-Gmail-Labels': labels },
        body: { contentType: 'text/plain', body: `k ${SECRETS.stripe}` },
      });
    writeFileSync(
      join(dir, 'All mail Including Spam and Trash.mbox'),
      buildMbox([labelled('Opened,Inbox,Category Updates'), labelled('Sent'), labelled('Important,Opened')]),
    );
    const report = await scanMailbox(dir, { fingerprint });
    expect(report.findings[0]?.folders).toEqual(['Inbox', 'Sent', 'All mail Including Spam and Trash']);
  });

  it("reads Apple Mail's library (.emlx files) by mailbox", async () => {
    const dir = newDir();
    const messages = join(dir, 'V10', 'ABCD-1234', 'INBOX.mbox', 'EF56', 'Data', '1', 'Messages');
    mkdirSync(messages, { recursive: true });
    const message = mail({ contentType: 'text/plain', body: `k ${SECRETS.stripe}` });
    // The property list after the message is not mail: a secret-looking line in it is not reported.
    const plist =
      '<?xml version="1.0"?><plist version="1.0"><dict><key>note</key>\nPassword: Plist-Secret-99\n</dict></plist>';
    writeFileSync(
      join(messages, '123.emlx'),
      Buffer.concat([Buffer.from(`${message.length}\n`), message, Buffer.from(plist)]),
    );
    const report = await scanMailbox(join(dir, 'V10'), { fingerprint });
    // The date proves the headers were read: the byte-count line and the property list are not mail.
    expect(report.findings.map((f) => [f.kind, f.folders, f.firstSeen])).toEqual([
      ['stripe_key', ['INBOX'], '2024-10-01'],
    ]);
  });

  it('asks to unpack an archive first', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'takeout-20240101.zip'), Buffer.from('PK\u0003\u0004'));
    await expect(scanMailbox(join(dir, 'takeout-20240101.zip'), { fingerprint })).rejects.toMatchObject({
      code: 'not_mail',
      message: expect.stringContaining('unpack it first'),
    });
  });

  it('refuses Outlook files with how to export, and names them inside a folder', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'archive.pst'), Buffer.from('!BDN....'));
    await expect(scanMailbox(join(dir, 'archive.pst'), { fingerprint })).rejects.toMatchObject({
      code: 'outlook_file',
      message: expect.stringContaining('.eml'),
    });
    writeFileSync(join(dir, 'a.eml'), mail({ contentType: 'text/plain', body: 'hi' }));
    const report = await scanMailbox(dir, { fingerprint });
    expect(report.undecodable.parts).toEqual([
      { where: 'archive.pst', why: expect.stringContaining('Thunderbird') },
    ]);
  });

  it('says clearly when there is no mail', async () => {
    await expect(scanMailbox(join(root, 'missing'), { fingerprint })).rejects.toBeInstanceOf(MailScanError);
    const dir = newDir();
    await expect(scanMailbox(dir, { fingerprint })).rejects.toMatchObject({ code: 'empty' });
    writeFileSync(join(dir, 'photo.bin'), Buffer.from([0, 1, 2, 3]));
    await expect(scanMailbox(join(dir, 'photo.bin'), { fingerprint })).rejects.toMatchObject({
      code: 'not_mail',
    });
  });

  it('counts a message over the size cap as undecodable, by its place, and reads the others', async () => {
    const dir = newDir();
    const big = mail({ contentType: 'text/plain', body: `${'x'.repeat(200_000)}\n${SECRETS.github}` });
    writeFileSync(
      join(dir, 'Inbox.mbox'),
      buildMbox([mail({ contentType: 'text/plain', body: SECRETS.stripe }), big]),
    );
    const report = await scanMailbox(join(dir, 'Inbox.mbox'), { fingerprint, maxMessageBytes: 100_000 });
    expect(report.messages).toBe(2);
    expect(report.undecodable.parts).toEqual([
      { where: 'message 2 in Inbox', why: expect.stringContaining('larger than') },
    ]);
    expect(report.findings.map((f) => f.kind)).toEqual(['stripe_key']);
  });

  it('resumes a cancelled scan to the same report as an uninterrupted one, wherever it stopped', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'A.mbox'), buildMbox(plantedMessages().slice(0, 4)));
    writeFileSync(join(dir, 'B.mbox'), buildMbox(plantedMessages().slice(4)));
    writeFileSync(join(dir, 'c.eml'), plantedMessages()[1]!);
    const whole = await scanMailbox(dir, { fingerprint });
    expect(whole.messages).toBe(8);
    for (let stopAfter = 1; stopAfter < 8; stopAfter++) {
      const controller = new AbortController();
      let seen = 0;
      let last: MailScanCheckpoint | undefined;
      await expect(
        scanMailbox(dir, {
          fingerprint,
          signal: controller.signal,
          checkpointEveryMs: 0,
          onCheckpoint: (checkpoint) => {
            last = checkpoint;
            if (++seen === stopAfter) controller.abort();
          },
        }),
      ).rejects.toMatchObject({ name: 'AbortError' });
      const resumed = await scanMailbox(dir, { fingerprint, resumeFrom: JSON.parse(JSON.stringify(last)) });
      expect(resumed).toEqual(whole);
    }
  });

  it('refuses to resume on mail that changed', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'Inbox.mbox'), buildMbox(plantedMessages()));
    let checkpoint: MailScanCheckpoint | undefined;
    const controller = new AbortController();
    await expect(
      scanMailbox(dir, {
        fingerprint,
        signal: controller.signal,
        checkpointEveryMs: 0,
        onCheckpoint: (c) => ((checkpoint = c), controller.abort()),
      }),
    ).rejects.toThrow();
    writeFileSync(join(dir, 'Inbox.mbox'), buildMbox(plantedMessages().slice(1)));
    await expect(scanMailbox(dir, { fingerprint, resumeFrom: checkpoint })).rejects.toMatchObject({
      code: 'checkpoint_mismatch',
    });
  });

  it('reports progress up to the whole size', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'Inbox.mbox'), buildMbox(plantedMessages()));
    const progress: { messages: number; bytes: number; bytesTotal: number }[] = [];
    const report = await scanMailbox(dir, { fingerprint, onProgress: (p) => progress.push(p) });
    expect(progress.at(-1)).toEqual({ messages: 7, bytes: report.bytes, bytesTotal: report.bytes });
  });
});
