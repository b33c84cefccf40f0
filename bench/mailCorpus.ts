// A deterministic mailbox for the `mail` benchmark: an mbox of about N MB with planted secrets of
// every kind in every encoding (plain, quoted-printable, base64, HTML-only, text attachment) and
// decoys that must not fire (git SHAs, UUIDs, hashes, tracking links, inline base64 images, DKIM
// signatures, PGP signatures, order numbers, masked passwords). The same size and seed give the
// same bytes. Beside the mbox: the first messages (up to `emlLimitBytes`) as .eml files, for
// secretlint, and the truth: every planted secret with its kind, encoding and message.
//   npx tsx bench/mailCorpus.ts SIZE_MB OUT.mbox
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { MailSecretKind } from '../common/domain/mailScan';
import { buildMessage, type LeafPart, type MultiPart } from '../electron/testing/mailFixtures';
import { mulberry32 } from './generateExport';

export const MAIL_CORPUS_VERSION = 1;
export const MAIL_SEED = 0x6d61_696c;

/** How a secret was written into its message. */
export const ENCODINGS = ['plain', 'quoted-printable', 'base64', 'html', 'attachment'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** One planted secret: `value` is what the detector reports (its normal form); never a real secret. */
export interface Plant {
  kind: MailSecretKind;
  value: string;
  encoding: Encoding;
  /** Index of the message (0-based) in the mbox; its .eml is `<index>.eml` when written. */
  message: number;
  /** A piece of the secret as written in the text, to match secretlint's hits against. */
  probe: string;
}

export interface MailCorpusStats {
  version: number;
  seed: number;
  bytes: number;
  messages: number;
  decoyMessages: number;
  emlMessages: number;
  emlBytes: number;
  plants: Plant[];
}

type Random = () => number;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_NUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';
const B64 = `${ALNUM}+/`;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chars = (random: Random, alphabet: string, length: number) =>
  Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
const int = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const WORDS =
  'the meeting project update team quarterly review budget please find attached notes schedule thanks regards customer order shipping delivery invoice weekend plans family photos dinner tomorrow agenda minutes report draft deadline design feedback release version server backup office holiday travel booking confirmation newsletter offer discount account settings support ticket request question answer'.split(
    ' ',
  );
const sentence = (random: Random, words = int(random, 8, 20)) => {
  const text = Array.from({ length: words }, () => pick(random, WORDS)).join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
};
const paragraph = (random: Random, sentences = int(random, 2, 6)) =>
  Array.from({ length: sentences }, () => sentence(random)).join(' ');

// ------------------------------------------------------------------------------------------------
// Secrets, each unique, with the phrase that carries it.

interface Planted {
  kind: MailSecretKind;
  value: string;
  text: string;
  probe: string;
  /** Only as an attachment (a file that is a secret by its name). */
  attachment?: { filename: string; contentType: string; content: Uint8Array };
}

function luhnDigit(payload: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const digits = `${payload}${digit}`;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let value = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
      sum += value;
    }
    if (sum % 10 === 0) return String(digit);
  }
  throw new Error('unreachable');
}

function ibanNl(random: Random): string {
  const bban = `${pick(random, ['ABNA', 'INGB', 'RABO', 'TRIO'])}${chars(random, '0123456789', 10)}`;
  const numeric = `${bban}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return `NL${String(98 - remainder).padStart(2, '0')}${bban}`;
}

function bsn(random: Random): string {
  for (;;) {
    const digits = chars(random, '0123456789', 8);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
    const check = sum % 11;
    if (check <= 9 && digits[0] !== '0') return `${digits}${check}`;
  }
}

function hetu(random: Random): string {
  const day = String(int(random, 1, 28)).padStart(2, '0');
  const month = String(int(random, 1, 12)).padStart(2, '0');
  const year = String(int(random, 50, 99));
  const serial = String(int(random, 2, 899)).padStart(3, '0');
  return `${day}${month}${year}-${serial}${'0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(`${day}${month}${year}${serial}`) % 31]}`;
}

const PASSWORD_PHRASES: readonly ((password: string) => string)[] = [
  (p) => `Your temporary password is ${p}\nPlease change it after your first sign-in.`,
  (p) => `Username: jdoe\nPassword: ${p}`,
  (p) => `Hi, the wifi password is ${p} - enjoy your stay.`,
  (p) => `login: admin / pw: ${p}`,
  (p) => `Ihr neues Passwort lautet: ${p}`,
  (p) => `Votre mot de passe : ${p}`,
  (p) => `Je tijdelijke wachtwoord is ${p}`,
  (p) => `New password: "${p}"`,
];

function plantSecret(random: Random, kind: MailSecretKind): Planted {
  switch (kind) {
    case 'password': {
      const password = `${pick(random, ['Blue', 'Tiger', 'Maple', 'River', 'Storm', 'Cedar'])}${chars(random, ALNUM, int(random, 4, 8))}${pick(random, ['!', '#', '$', '%', '&', '*', '-', '9'])}${int(random, 10, 99)}`;
      return { kind, value: password, text: pick(random, PASSWORD_PHRASES)(password), probe: password };
    }
    case 'github_token': {
      const token = `ghp_${chars(random, ALNUM, 36)}`;
      return { kind, value: token, text: `Here is the deploy token: ${token}`, probe: token };
    }
    case 'gitlab_token': {
      const token = `glpat-${chars(random, ALNUM, 20)}`;
      return { kind, value: token, text: `GitLab access token ${token} (expires in 30 days)`, probe: token };
    }
    case 'aws_access_key': {
      const id = `AKIA${chars(random, UPPER_NUM, 16)}`;
      return { kind, value: id, text: `AWS access key ID: ${id}`, probe: id };
    }
    case 'aws_secret_key': {
      let secret = chars(random, `${ALNUM}/+`, 40);
      while (!/[a-z]/.test(secret) || !/[A-Z]/.test(secret) || !/\d/.test(secret))
        secret = chars(random, `${ALNUM}/+`, 40);
      return { kind, value: secret, text: `aws_secret_access_key = ${secret}`, probe: secret };
    }
    case 'google_api_key': {
      const key = `AIza${chars(random, `${ALNUM}_-`, 35)}`;
      return { kind, value: key, text: `Maps API key: ${key}`, probe: key };
    }
    case 'slack_token': {
      const token = `xoxb-${chars(random, '0123456789', 12)}-${chars(random, '0123456789', 13)}-${chars(random, ALNUM, 24)}`;
      return { kind, value: token, text: `Bot token for the channel: ${token}`, probe: token };
    }
    case 'stripe_key': {
      const key = `sk_live_${chars(random, ALNUM, 24)}`;
      return { kind, value: key, text: `STRIPE_SECRET_KEY=${key}`, probe: key };
    }
    case 'openai_key': {
      const key = `sk-proj-${chars(random, ALNUM, 40)}T3BlbkFJ${chars(random, ALNUM, 40)}`;
      return { kind, value: key, text: `OPENAI_API_KEY=${key}`, probe: key };
    }
    case 'npm_token': {
      const token = `npm_${chars(random, ALNUM, 36)}`;
      return { kind, value: token, text: `//registry.npmjs.org/:_authToken=${token}`, probe: token };
    }
    case 'jwt': {
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const token = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: chars(random, ALNUM, 12), iat: int(random, 1.6e9, 1.7e9) })}.${chars(random, `${ALNUM}_-`, 43)}`;
      return { kind, value: token, text: `Authorization: Bearer ${token}`, probe: token };
    }
    case 'url_credentials': {
      const password = `${chars(random, ALNUM, 14)}`;
      const host = `db${int(random, 1, 99)}.internal-${chars(random, 'abcdefghijklmnopqrstuvwxyz', 6)}.com`;
      return {
        kind,
        value: `postgres://app:${password}@${host}`,
        text: `DATABASE_URL=postgres://app:${password}@${host}:5432/production`,
        probe: password,
      };
    }
    case 'private_key': {
      const body = Array.from({ length: 6 }, () => chars(random, B64, 64));
      return {
        kind,
        value: body.join(''),
        text: `-----BEGIN RSA PRIVATE KEY-----\n${body.join('\n')}\n-----END RSA PRIVATE KEY-----`,
        probe: body[1]!,
      };
    }
    case 'otp_seed': {
      const seed = chars(random, BASE32, 32);
      const text =
        random() < 0.5
          ? `otpauth://totp/Example:jdoe?secret=${seed}&issuer=Example`
          : `Set up your authenticator app. Can't scan? Enter this setup key: ${seed.match(/.{4}/g)!.join(' ').toLowerCase()}`;
      return { kind, value: seed, text, probe: seed.slice(0, 16) };
    }
    case 'recovery_codes': {
      const codes = Array.from(
        { length: 10 },
        () => `${chars(random, '0123456789', 4)} ${chars(random, '0123456789', 4)}`,
      );
      return {
        kind,
        value: [...new Set(codes.map((c) => c.replace(' ', '')))].sort().join('\n'),
        text: `Your backup codes:\n${codes.map((c, i) => `${i + 1}. ${c}`).join('\n')}\nKeep them somewhere safe.`,
        probe: codes[0]!,
      };
    }
    case 'payment_card': {
      const payload = `4${chars(random, '0123456789', 14)}`;
      const card = `${payload}${luhnDigit(payload)}`;
      return {
        kind,
        value: card,
        text: `Card: ${card.match(/.{4}/g)!.join(' ')} exp 09/27`,
        probe: card.slice(-8),
      };
    }
    case 'iban': {
      const iban = ibanNl(random);
      return {
        kind,
        value: iban,
        text: `Please transfer to IBAN ${iban.match(/.{1,4}/g)!.join(' ')}`,
        probe: iban.slice(-10),
      };
    }
    case 'national_id': {
      if (random() < 0.5) {
        const number = bsn(random);
        return { kind, value: number, text: `Mijn BSN: ${number}`, probe: number };
      }
      const id = hetu(random);
      return { kind, value: id, text: `Henkilötunnus ${id}`, probe: id };
    }
    case 'reset_link': {
      const token = chars(random, ALNUM, 32);
      const link = `https://accounts.${pick(random, ['example', 'acme-corp', 'shopnet', 'cloudly'])}.com/reset-password?token=${token}`;
      return { kind, value: link, text: `Reset your password: ${link}`, probe: token };
    }
    case 'secret_attachment': {
      const [filename, contentType] = pick(random, [
        ['Passwords.kdbx', 'application/octet-stream'],
        ['server.key', 'application/octet-stream'],
        ['office.ovpn', 'application/x-openvpn-profile'],
        ['passport_scan.jpg', 'image/jpeg'],
      ] as const);
      const content = Buffer.from(chars(random, B64, int(random, 200, 2000)), 'latin1');
      return {
        kind,
        value: `attachment\0${createHash('sha256').update(content).digest('hex')}`,
        text: 'Here is the file you asked for.',
        probe: '',
        attachment: { filename, contentType, content },
      };
    }
    default:
      throw new Error(`no planting for ${kind}`);
  }
}

/** The kinds the corpus plants (the others of MAIL_SECRET_KINDS have detector tests only). */
export const PLANTED_KINDS: readonly MailSecretKind[] = [
  'password', 'github_token', 'gitlab_token', 'aws_access_key', 'aws_secret_key', 'google_api_key', 'slack_token',
  'stripe_key', 'openai_key', 'npm_token', 'jwt', 'url_credentials', 'private_key', 'otp_seed', 'recovery_codes',
  'payment_card', 'iban', 'national_id', 'reset_link', 'secret_attachment',
]; // prettier-ignore

// ------------------------------------------------------------------------------------------------
// Decoys and filler.

function decoyText(random: Random): string {
  const uuid = () =>
    `${chars(random, HEX, 8)}-${chars(random, HEX, 4)}-4${chars(random, HEX, 3)}-a${chars(random, HEX, 3)}-${chars(random, HEX, 12)}`;
  const decoys = [
    () => `Merged commit ${chars(random, HEX, 40)} into main (parent ${chars(random, HEX, 7)}).`,
    () => `Request id ${uuid()} - correlation ${uuid()}`,
    () => `md5 ${chars(random, HEX, 32)}  sha256 ${chars(random, HEX, 64)}`,
    () =>
      `Track your parcel: https://track.shipper.example/t/${chars(random, UPPER_NUM, 18)}?utm_source=email&utm_campaign=${chars(random, ALNUM, 16)}`,
    () =>
      `Order number ${chars(random, '0123456789', 16)} has shipped. Invoice ${chars(random, '0123456789', 9)}.`,
    () => `Forgot your password? Visit https://example.com/forgot-password to reset it.`,
    () => `Password: ******** (hidden for your security)`,
    () => `Unsubscribe: https://news.example.com/unsubscribe?token=${chars(random, ALNUM, 32)}`,
    () =>
      `Your one-time code expired. Call us at +31 20 ${chars(random, '0123456789', 3)} ${chars(random, '0123456789', 4)}.`,
    () => `Build ${chars(random, ALNUM, 24)} passed; artifact sha1 ${chars(random, HEX, 40)}`,
    () => `View in browser: https://mail.example.com/view/${chars(random, ALNUM, 40)}`,
    () => `Your password must have at least 12 characters. Your password is strong.`,
  ];
  return Array.from({ length: int(random, 2, 5) }, () => pick(random, decoys)()).join('\n');
}

const SENDERS = [
  ['GitHub <noreply@github.com>', 'github.com'],
  ['Acme IT <it@acme-corp.com>', 'acme-corp.com'],
  ['Shop <orders@shopnet.com>', 'shopnet.com'],
  ['Alice <alice@gmail.com>', 'gmail.com'],
  ['Bob <bob@partner.net>', 'partner.net'],
  ['Newsletter <news@news.example.com>', 'example.com'],
] as const;

function dkimHeader(random: Random, domain: string): string {
  return `v=1; a=rsa-sha256; c=relaxed/relaxed; d=${domain}; s=s1; h=from:to:subject:date; bh=${chars(random, B64, 43)}=; b=${chars(random, B64, 172)}`;
}

function inlineImageHtml(random: Random): string {
  return `<img alt="logo" src="data:image/png;base64,${chars(random, B64, int(random, 2000, 12000))}">`;
}

function binary(random: Random, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i += 4) {
    const value = Math.floor(random() * 2 ** 32);
    out[i] = value & 0xff;
    out[i + 1] = (value >>> 8) & 0xff;
    out[i + 2] = (value >>> 16) & 0xff;
    out[i + 3] = (value >>> 24) & 0xff;
  }
  return out;
}

const htmlOf = (text: string) =>
  `<html><body><div style="font-family:Arial">${text
    .split('\n')
    .map(
      (line) =>
        `<p>${line
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/(https:\/\/\S+)/g, '<a href="$1">$1</a>')}</p>`,
    )
    .join('')}</div></body></html>`;

// ------------------------------------------------------------------------------------------------

interface BuiltMessage {
  bytes: Buffer;
  plants: Omit<Plant, 'message'>[];
  isDecoy: boolean;
}

function buildCorpusMessage(random: Random, index: number): BuiltMessage {
  const [from, domain] = pick(random, SENDERS);
  const day = 1 + (index % 28);
  const month = 1 + (Math.floor(index / 28) % 12);
  const headers = {
    'DKIM-Signature': dkimHeader(random, domain),
    'X-Mailer': 'Bench Mailer 1.0',
    'Delivered-To': 'me@example.org',
  };
  const base = {
    from,
    to: 'Me <me@example.org>',
    subject: sentence(random, int(random, 3, 7)).slice(0, -1),
    date: `${day} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]} 2024 10:${String(index % 60).padStart(2, '0')}:00 +0000`,
    messageId: `${index}.${chars(random, ALNUM, 12)}@${domain}`,
    headers,
    newline: '\n' as const,
  };
  const roll = random();
  const plants: Omit<Plant, 'message'>[] = [];
  const filler = () => paragraph(random);
  let body: LeafPart | MultiPart;
  let isDecoy = false;

  if (roll < 0.3) {
    // A planted secret, in one of the encodings.
    const kind = PLANTED_KINDS[index % PLANTED_KINDS.length]!;
    const secret = plantSecret(random, kind);
    const encoding: Encoding = secret.attachment
      ? 'attachment'
      : ENCODINGS[Math.floor(index / PLANTED_KINDS.length) % ENCODINGS.length]!;
    const text = `${filler()}\n\n${secret.text}\n\n${filler()}`;
    plants.push({ kind, value: secret.value, encoding, probe: secret.probe });
    if (secret.attachment) {
      body = {
        multipart: 'mixed',
        parts: [
          { contentType: 'text/plain', charset: 'utf-8', body: text },
          {
            contentType: secret.attachment.contentType,
            filename: secret.attachment.filename,
            encoding: 'base64',
            body: secret.attachment.content,
          },
        ],
      };
    } else if (encoding === 'plain' || encoding === 'quoted-printable' || encoding === 'base64') {
      // Text only: an HTML alternative would carry the secret in another encoding and blur the figure.
      body = {
        contentType: 'text/plain',
        charset: 'utf-8',
        encoding: encoding === 'plain' ? '8bit' : encoding,
        body: text,
      };
    } else if (encoding === 'html') {
      body = {
        contentType: 'text/html',
        charset: 'utf-8',
        encoding: random() < 0.5 ? 'quoted-printable' : 'base64',
        body: htmlOf(text),
      };
    } else {
      const [filename, contentType] = pick(random, [
        ['notes.txt', 'text/plain'],
        ['config.yml', 'application/x-yaml'],
        ['settings.json', 'application/json'],
        ['readme.md', 'text/markdown'],
      ] as const);
      body = {
        multipart: 'mixed',
        parts: [
          { contentType: 'text/plain', charset: 'utf-8', body: `${filler()}\nSee the attached file.` },
          { contentType, filename, encoding: 'base64', body: text },
        ],
      };
    }
  } else if (roll < 0.55) {
    isDecoy = true;
    const text = `${filler()}\n${decoyText(random)}\n${filler()}`;
    body = {
      multipart: 'alternative',
      parts: [
        { contentType: 'text/plain', charset: 'utf-8', encoding: 'quoted-printable', body: text },
        {
          contentType: 'text/html',
          charset: 'utf-8',
          encoding: 'quoted-printable',
          body: `${htmlOf(text)}${inlineImageHtml(random)}`,
        },
      ],
    };
    if (random() < 0.3) {
      body = {
        multipart: 'signed',
        parameters: 'protocol="application/pgp-signature"; micalg=pgp-sha256',
        parts: [
          body,
          {
            contentType: 'application/pgp-signature',
            filename: 'signature.asc',
            body: `-----BEGIN PGP SIGNATURE-----\n\n${Array.from({ length: 6 }, () => chars(random, B64, 64)).join('\n')}\n=${chars(random, B64, 4)}\n-----END PGP SIGNATURE-----`,
          },
        ],
      };
    }
  } else if (roll < 0.85) {
    const text = Array.from({ length: int(random, 2, 12) }, () => filler()).join('\n\n');
    body = {
      multipart: 'alternative',
      parts: [
        {
          contentType: 'text/plain',
          charset: 'utf-8',
          encoding: random() < 0.5 ? '7bit' : 'quoted-printable',
          body: text,
        },
        { contentType: 'text/html', charset: 'utf-8', encoding: 'quoted-printable', body: htmlOf(text) },
      ],
    };
  } else {
    // Attachments: photos, PDFs, archives — the bulk of a mailbox's bytes.
    const [filename, contentType, low, high] = pick(random, [
      ['IMG_2024.jpg', 'image/jpeg', 40_000, 400_000],
      ['report.pdf', 'application/pdf', 30_000, 300_000],
      ['photos.zip', 'application/zip', 100_000, 600_000],
      ['scan.png', 'image/png', 20_000, 200_000],
    ] as const);
    body = {
      multipart: 'mixed',
      parts: [
        { contentType: 'text/plain', charset: 'utf-8', body: filler() },
        { contentType, filename, encoding: 'base64', body: binary(random, int(random, low, high)) },
      ],
    };
  }
  return { bytes: buildMessage({ ...base, body }), plants, isDecoy };
}

/** Writes the corpus: `out` (mbox), `out`.eml/ (the first messages), `out`.truth.json. */
export function writeMailCorpus(
  sizeMb: number,
  out: string,
  options: { emlLimitBytes?: number; seed?: number } = {},
): MailCorpusStats {
  const seed = options.seed ?? MAIL_SEED;
  const emlLimit = options.emlLimitBytes ?? 100 * 2 ** 20;
  const random = mulberry32(seed);
  const target = sizeMb * 2 ** 20;
  const emlDir = `${out}.eml`;
  rmSync(emlDir, { recursive: true, force: true });
  mkdirSync(emlDir, { recursive: true });
  const fd = openSync(out, 'w');
  const stats: MailCorpusStats = {
    version: MAIL_CORPUS_VERSION,
    seed,
    bytes: 0,
    messages: 0,
    decoyMessages: 0,
    emlMessages: 0,
    emlBytes: 0,
    plants: [],
  };
  try {
    while (stats.bytes < target) {
      const index = stats.messages;
      const message = buildCorpusMessage(random, index);
      const escaped = Buffer.from(message.bytes.toString('latin1').replace(/^(>*From )/gm, '>$1'), 'latin1');
      const chunk = Buffer.concat([
        Buffer.from(`From bench@example.com Tue Oct  1 10:00:00 2024\n`),
        escaped,
        Buffer.from('\n\n'),
      ]);
      writeSync(fd, chunk);
      stats.bytes += chunk.length;
      if (stats.emlBytes + message.bytes.length <= emlLimit && stats.emlMessages === index) {
        writeFileSync(join(emlDir, `${String(index).padStart(7, '0')}.eml`), message.bytes);
        stats.emlMessages++;
        stats.emlBytes += message.bytes.length;
      }
      for (const plant of message.plants) stats.plants.push({ ...plant, message: index });
      if (message.isDecoy) stats.decoyMessages++;
      stats.messages++;
    }
  } finally {
    closeSync(fd);
  }
  writeFileSync(`${out}.truth.json`, JSON.stringify(stats));
  return stats;
}

if (process.argv[1]?.endsWith('mailCorpus.ts')) {
  const [size, out] = process.argv.slice(2);
  if (!size || !out) {
    console.error('Usage: npx tsx bench/mailCorpus.ts SIZE_MB OUT.mbox');
    process.exit(2);
  }
  const stats = writeMailCorpus(Number(size), out);
  console.log(
    `${stats.messages} messages, ${(stats.bytes / 2 ** 20).toFixed(1)} MB, ${stats.plants.length} planted secrets`,
  );
}
