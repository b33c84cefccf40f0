/**
 * A mailbox with planted secrets, for the tests of the mailbox scan in the app (and its e2e
 * journey): every kind of the command line's contract, each written in every way mail carries text
 * — plain 8-bit, quoted-printable, base64, an HTML-only body, and a text attachment (a sensitive
 * file is an attachment by nature) — and messages of decoys that must not be reported (git SHAs,
 * UUIDs, hashes, tracking and unsubscribe links, order numbers, masked and "forgot your password"
 * phrases, an inline image). Deterministic: the same seed gives the same bytes. Every secret is
 * made up here; none is real.
 */
import { createHash } from 'node:crypto';
import { buildMbox, buildMessage, type LeafPart, type MultiPart } from './mailFixtures';
import { mulberry32 } from './random';

/** How a secret was written into its message. */
export const PLANT_ENCODINGS = ['plain', 'quoted-printable', 'base64', 'html', 'attachment'] as const;
/** One of {@link PLANT_ENCODINGS}. */
export type PlantEncoding = (typeof PLANT_ENCODINGS)[number];

/** The kinds the command line's contract names; each is planted in every encoding. */
export const CONTRACT_KINDS = [
  'password',
  'github_token',
  'aws_access_key',
  'slack_token',
  'private_key',
  'otp_seed',
  'recovery_codes',
  'payment_card',
  'iban',
  'reset_link',
  'secret_attachment',
] as const;

/**
 * One planted secret. A sensitive file also plants the password written inside it (a `password`
 * plant of the same encoding): the scan reads such a file's text too.
 */
export interface Plant {
  kind: (typeof CONTRACT_KINDS)[number];
  encoding: PlantEncoding;
  /** What the scan fingerprints (the detector's normal form; for a file, `attachment\0<sha256>`). */
  value: string;
  /** Text that must never be found in the data folder: the secret as written, and its parts. */
  leaks: string[];
  /** The service the secret belongs to, when the mail tells (a GitHub token: github.com). */
  service: string | null;
  /** YYYY-MM-DD of its message. */
  date: string;
}

/** The mailbox and what was planted in it. */
export interface PlantedMailbox {
  mbox: Buffer;
  messages: number;
  plants: Plant[];
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_NUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';

const seeded = mulberry32;

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

function ibanDe(bban: string): string {
  const numeric = `${bban}DE00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return `DE${String(98 - remainder).padStart(2, '0')}${bban}`;
}

/** A planted secret as a text, a sender, and (for a sensitive file) the attachment itself. */
interface Written {
  value: string;
  text: string;
  html: string;
  leaks: string[];
  from: string;
  service: string | null;
  file?: { filename: string; contentType: string; content: Buffer };
  /** A password written inside the sensitive file: a secret of its own, found in the file's text. */
  inner?: string;
}

function write(kind: Plant['kind'], random: () => number): Written {
  const chars = (alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  const plain = (text: string) => `<p>${text.replace(/\n/g, '<br>')}</p>`;
  switch (kind) {
    case 'password': {
      const password = `Maple${chars(ALNUM, 7)}#${chars(DIGITS, 2)}`;
      const text = `Your temporary password is ${password}\nPlease change it after your first sign-in.`;
      return {
        value: password,
        text,
        html: plain(text),
        leaks: [password],
        from: 'Shopwise <accounts@shopwise.co.uk>',
        service: 'shopwise.co.uk',
      };
    }
    case 'github_token': {
      const token = `ghp_${chars(ALNUM, 36)}`;
      const text = `Here is the deploy token: ${token}`;
      return {
        value: token,
        text,
        html: plain(`Here is the deploy token: <code>${token}</code>`),
        leaks: [token, token.slice(4)],
        from: 'Dev Ops <devops@partner-devops.net>',
        service: 'github.com',
      };
    }
    case 'aws_access_key': {
      const id = `AKIA${chars(UPPER_NUM, 16)}`;
      const text = `AWS access key ID: ${id}`;
      return {
        value: id,
        text,
        html: plain(text),
        leaks: [id],
        from: 'Dev Ops <devops@partner-devops.net>',
        service: 'aws.amazon.com',
      };
    }
    case 'slack_token': {
      const token = `xoxb-${chars(DIGITS, 12)}-${chars(DIGITS, 13)}-${chars(ALNUM, 24)}`;
      const text = `Bot token for the channel: ${token}`;
      return {
        value: token,
        text,
        html: plain(text),
        leaks: [token, token.split('-').at(-1)!],
        from: 'Dev Ops <devops@partner-devops.net>',
        service: 'slack.com',
      };
    }
    case 'private_key': {
      const lines = Array.from({ length: 6 }, () => chars(`${ALNUM}+/`, 64));
      const text = `-----BEGIN RSA PRIVATE KEY-----\n${lines.join('\n')}\n-----END RSA PRIVATE KEY-----`;
      return {
        value: lines.join(''),
        text: `The server key, as asked:\n${text}`,
        html: `<pre>${text}</pre>`,
        leaks: lines,
        from: 'Dev Ops <devops@partner-devops.net>',
        service: null,
      };
    }
    case 'otp_seed': {
      const seed = chars(BASE32, 32);
      const text = `otpauth://totp/Example:jdoe?secret=${seed}&issuer=Example`;
      return {
        value: seed,
        text: `Scan this in your authenticator app: ${text}`,
        html: plain(`Scan this in your authenticator app: ${text.replace(/&/g, '&amp;')}`),
        leaks: [seed, seed.toLowerCase()],
        from: 'Example <security@example.org>',
        service: null,
      };
    }
    case 'recovery_codes': {
      const codes = Array.from({ length: 10 }, () => `${chars(DIGITS, 4)} ${chars(DIGITS, 4)}`);
      const text = `Your backup codes:\n${codes.map((c, i) => `${i + 1}. ${c}`).join('\n')}\nKeep them somewhere safe.`;
      return {
        value: [...new Set(codes.map((c) => c.replace(' ', '')))].sort().join('\n'),
        text,
        html: plain(text),
        leaks: codes.map((c) => c.replace(' ', '')),
        from: 'Example <security@example.org>',
        service: null,
      };
    }
    case 'payment_card': {
      const payload = `4${chars(DIGITS, 14)}`;
      const card = `${payload}${luhnDigit(payload)}`;
      const grouped = card.match(/.{4}/g)!.join(' ');
      const text = `Card: ${grouped} exp 09/27`;
      return {
        value: card,
        text,
        html: plain(text),
        leaks: [card, grouped],
        from: 'Ann <ann.friend@mail.example.org>',
        service: null,
      };
    }
    case 'iban': {
      const iban = ibanDe(chars(DIGITS, 18));
      const grouped = iban.match(/.{1,4}/g)!.join(' ');
      const text = `Please transfer to IBAN ${grouped}`;
      return {
        value: iban,
        text,
        html: plain(text),
        leaks: [iban, grouped],
        from: 'Ann <ann.friend@mail.example.org>',
        service: null,
      };
    }
    case 'reset_link': {
      const token = chars(ALNUM, 32);
      const link = `https://accounts.cloudly.io/reset-password?token=${token}`;
      return {
        value: link,
        text: `Reset your password: ${link}`,
        html: `<p>Reset your password: <a href="${link}">reset it here</a></p>`,
        leaks: [token],
        from: 'Cloudly <no-reply@cloudly.io>',
        service: 'cloudly.io',
      };
    }
    case 'secret_attachment': {
      const password = chars(ALNUM, 24);
      const content = Buffer.from(
        `# production\nAPP_ENV=production\nDATABASE_PASSWORD=${password}\n`,
        'utf8',
      );
      return {
        value: `attachment\0${createHash('sha256').update(content).digest('hex')}`,
        text: 'Here is the file you asked for.',
        html: plain('Here is the file you asked for.'),
        leaks: [password],
        from: 'Dev Ops <devops@partner-devops.net>',
        service: null,
        file: { filename: 'production.env', contentType: 'application/octet-stream', content },
        inner: password,
      };
    }
  }
}

/** Decoy lines: things that look like secrets to a careless scanner and are not. */
function decoyText(random: () => number): string {
  const chars = (alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  const uuid = () =>
    `${chars(HEX, 8)}-${chars(HEX, 4)}-4${chars(HEX, 3)}-a${chars(HEX, 3)}-${chars(HEX, 12)}`;
  return [
    `Merged commit ${chars(HEX, 40)} into main (parent ${chars(HEX, 7)}).`,
    `Request id ${uuid()} - correlation ${uuid()}`,
    `md5 ${chars(HEX, 32)}  sha256 ${chars(HEX, 64)}`,
    `Track your parcel: https://track.shipper.example/t/${chars(UPPER_NUM, 18)}?utm_source=email&utm_campaign=${chars(ALNUM, 16)}`,
    `Order number ${chars(DIGITS, 16)} has shipped. Invoice ${chars(DIGITS, 9)}.`,
    'Forgot your password? Visit https://example.com/forgot-password to reset it.',
    'Password: ******** (hidden for your security)',
    `Unsubscribe: https://news.example.com/unsubscribe?token=${chars(ALNUM, 32)}`,
    'Your password must have at least 12 characters. Your password is strong.',
  ].join('\n');
}

const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Builds the mailbox: one message per kind and encoding (a sensitive file is planted once per
 * encoding of its message's text, always as an attachment), `decoys` messages of decoys, dated
 * across 2021–2024, to `me@example.org`.
 */
export function plantedMailbox(options: { seed?: number; decoys?: number } = {}): PlantedMailbox {
  const random = seeded(options.seed ?? 0x15_15);
  const messages: Buffer[] = [];
  const plants: Plant[] = [];
  let day = 0;
  const nextDate = () => {
    const date = new Date(Date.UTC(2021, 2, 4 + day * 11));
    day += 1;
    return date;
  };
  const rfc = (date: Date) => date.toUTCString().replace('GMT', '+0000');
  for (const kind of CONTRACT_KINDS) {
    for (const encoding of PLANT_ENCODINGS) {
      const written = write(kind, random);
      const date = nextDate();
      let body: LeafPart | MultiPart;
      const text: LeafPart =
        encoding === 'html'
          ? { contentType: 'text/html', charset: 'utf-8', encoding: 'quoted-printable', body: written.html }
          : {
              contentType: 'text/plain',
              charset: 'utf-8',
              encoding: encoding === 'plain' || encoding === 'attachment' ? '8bit' : encoding,
              body: encoding === 'attachment' ? 'The details are in the attached notes.' : written.text,
            };
      if (written.file) {
        body = {
          multipart: 'mixed',
          parts: [
            text,
            {
              contentType: written.file.contentType,
              filename: written.file.filename,
              encoding: 'base64',
              body: written.file.content,
            },
          ],
        };
      } else if (encoding === 'attachment') {
        body = {
          multipart: 'mixed',
          parts: [
            text,
            { contentType: 'text/plain', filename: 'notes.txt', encoding: 'base64', body: written.text },
          ],
        };
      } else {
        body = text;
      }
      messages.push(
        buildMessage({
          from: written.from,
          to: 'me@example.org',
          subject: `About the ${kind.replace(/_/g, ' ')} (${encoding})`,
          date: rfc(date),
          messageId: `plant-${kind}-${encoding}@example.org`,
          headers: { 'Delivered-To': 'me@example.org' },
          body,
        }),
      );
      plants.push({
        kind,
        encoding,
        value: written.value,
        leaks: written.leaks,
        service: written.service,
        date: date.toISOString().slice(0, 10),
      });
      if (written.inner) {
        plants.push({
          kind: 'password',
          encoding,
          value: written.inner,
          leaks: [written.inner],
          service: null,
          date: date.toISOString().slice(0, 10),
        });
      }
    }
  }
  for (let i = 0; i < (options.decoys ?? 20); i++) {
    const text = decoyText(random);
    const body: MultiPart | LeafPart =
      i % 3 === 0
        ? {
            multipart: 'related',
            parts: [
              { contentType: 'text/html', encoding: 'base64', body: `<p>${text.replace(/\n/g, '<br>')}</p>` },
              { contentType: 'image/png', filename: 'logo.png', encoding: 'base64', body: TINY_PNG },
            ],
          }
        : { contentType: 'text/plain', encoding: i % 2 ? 'quoted-printable' : '8bit', body: text };
    messages.push(
      buildMessage({
        from: 'News <news@shop.example.com>',
        to: 'me@example.org',
        subject: `Weekly update ${i + 1}`,
        date: rfc(nextDate()),
        messageId: `decoy-${i}@example.org`,
        body,
      }),
    );
  }
  return { mbox: buildMbox(messages), messages: messages.length, plants };
}

/**
 * Every form in which a planted secret must never be at rest: the secret as written and its parts,
 * their base64, and the SHA-1 and SHA-256 hex of the secret (what a careless store would keep).
 */
export function forbiddenForms(plants: readonly Plant[]): string[] {
  const forms = new Set<string>();
  for (const plant of plants) {
    const values = plant.kind === 'secret_attachment' ? plant.leaks : [plant.value, ...plant.leaks];
    for (const value of values) {
      if (value.length < 8) continue;
      forms.add(value);
      forms.add(Buffer.from(value, 'utf8').toString('base64').replace(/=+$/, ''));
      forms.add(createHash('sha1').update(value).digest('hex'));
      forms.add(createHash('sha256').update(value).digest('hex'));
    }
  }
  return [...forms];
}
