import {
  cardNetwork,
  isValidBsn,
  isValidCodiceFiscale,
  isValidHetu,
  isValidIban,
  isValidNino,
  isValidPersonnummer,
  isValidSpanishId,
} from './checksums';
import type { MessageId } from '../../messages/en';
import { format } from '../../messages/format';
import { MAIL_SECRET_LABELS, type MailSecretKind } from './kinds';
import { TOKEN_RULES } from './tokenRules';

/**
 * One secret found in a text. It holds the secret itself (`value`) so the caller can fingerprint
 * it; the caller must drop the match once it has done so — a match is never stored, logged or
 * returned to a person.
 */
export interface SecretMatch {
  kind: MailSecretKind;
  /** Where the secret is in the text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  /**
   * The secret in a normal form, so the same secret written two ways is one finding: spaces and
   * dashes removed from card numbers, IBANs and setup keys, backup codes sorted, … Never stored.
   */
  value: string;
  /** Plain words naming what it is and how long, without any of it: "GitHub token, 40 characters". */
  hint: string;
  /**
   * A host name the text ties this secret to (a link's host, an `otpauth://` issuer, an address
   * written near a password), or undefined. The caller turns it into a registrable domain.
   */
  serviceHost?: string;
}

/** What a detector pass may be told about the text. */
export interface DetectOptions {
  /** Kinds to look for; all of them when omitted. */
  kinds?: ReadonlySet<MailSecretKind>;
}

const hintOf = (kind: MailSecretKind, value: string) =>
  format('mailSecret.hint.length', { label: MAIL_SECRET_LABELS[kind], count: value.length });

/**
 * Finds every secret of the wanted kinds in `text` (a message's subject, its plain text, the text
 * of its HTML, or a text attachment). Pure and synchronous. Matches are sorted by position; a
 * token inside a link that is itself reported, or a "password" that is really a token found by
 * its own rule, is reported once, as the more specific kind.
 */
export function detectSecrets(text: string, options: DetectOptions = {}): SecretMatch[] {
  const wants = (kind: MailSecretKind) => options.kinds === undefined || options.kinds.has(kind);
  const matches: SecretMatch[] = [];
  for (const tokenRule of TOKEN_RULES) {
    if (!wants(tokenRule.kind) || !tokenRule.keywords.some((keyword) => text.includes(keyword))) continue;
    for (const match of text.matchAll(tokenRule.pattern)) {
      const value = match[0];
      if (tokenRule.isValid && !tokenRule.isValid(value)) continue;
      matches.push({
        kind: tokenRule.kind,
        start: match.index,
        end: match.index + value.length,
        value,
        hint: hintOf(tokenRule.kind, value),
      });
    }
  }
  const lower = text.toLowerCase();
  if (wants('aws_secret_key')) findAwsSecretKeys(text, lower, matches);
  if (wants('private_key') && text.includes('PRIVATE KEY')) findPrivateKeys(text, matches);
  if (wants('url_credentials') && text.includes('://')) findUrlCredentials(text, matches);
  if (wants('reset_link') && text.includes('://')) findResetLinks(text, matches);
  if (wants('otp_seed')) findOtpSeeds(text, lower, matches);
  if (wants('recovery_codes')) findRecoveryCodes(text, lower, matches);
  if (wants('payment_card')) findPaymentCards(text, lower, matches);
  if (wants('iban')) findIbans(text, matches);
  if (wants('national_id')) findNationalIds(text, lower, matches);
  if (wants('password')) findPasswords(text, matches);
  return removeOverlaps(matches);
}

/**
 * One report per secret: a token inside a reset link is the link's token (the link is reported); a
 * URL with a token as its password is reported as that token; a "password" that another rule
 * recognised is reported as that kind; and two matches of one kind on the same text are one.
 */
function removeOverlaps(matches: SecretMatch[]): SecretMatch[] {
  // Sorted by position; equal spans keep detection order (the stronger ID check first).
  const sorted = matches
    .map((match, order) => ({ match, order }))
    .sort((a, b) => a.match.start - b.match.start || b.match.end - a.match.end || a.order - b.order)
    .map(({ match }) => match);
  // What each match overlaps, by a sweep: linear for the usual few, short overlaps, however many
  // matches a text has (a CSV of ten thousand card numbers).
  const neighbours: number[][] = sorted.map(() => []);
  let active: number[] = [];
  sorted.forEach((match, i) => {
    active = active.filter((j) => sorted[j]!.end > match.start);
    for (const j of active) {
      neighbours[i]!.push(j);
      neighbours[j]!.push(i);
    }
    active.push(i);
  });
  const isToken = (m: SecretMatch) => !['password', 'reset_link', 'url_credentials'].includes(m.kind);
  const keep = sorted.map((m, i) => {
    const others = neighbours[i]!.map((j) => sorted[j]!);
    switch (m.kind) {
      case 'password':
        return !others.some((other) => other.kind !== 'password');
      case 'reset_link':
        return !others.some((other) => other.kind === 'slack_webhook');
      case 'url_credentials':
        return !others.some(isToken);
      case 'slack_webhook':
        return true;
      default:
        return !others.some((o) => o.kind === 'reset_link' && o.start <= m.start && m.end <= o.end);
    }
  });
  return sorted.filter(
    (m, i) => keep[i] && !neighbours[i]!.some((j) => j < i && keep[j] && sorted[j]!.kind === m.kind),
  );
}

// ---------------------------------------------------------------------------------------------
// AWS secret access keys: 40 base64 characters, only when labelled or beside an access key ID.

const AWS_SECRET_LABELLED =
  /(?:aws[_ ]?)?secret[_ ]?(?:access[_ ]?)?key["']?\s*(?::|=>|=|\bis\b)?\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/dgi;
const BASE64_40 = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

function looksLikeAwsSecret(value: string): boolean {
  return !/^[0-9a-fA-F]+$/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value);
}

function findAwsSecretKeys(text: string, lower: string, matches: SecretMatch[]): void {
  const seen = new Set<number>();
  const add = (start: number, value: string) => {
    if (seen.has(start) || !looksLikeAwsSecret(value) || /EXAMPLE/.test(value)) return;
    seen.add(start);
    matches.push({
      kind: 'aws_secret_key',
      start,
      end: start + value.length,
      value,
      hint: hintOf('aws_secret_key', value),
    });
  };
  if (lower.includes('secret')) {
    for (const match of text.matchAll(AWS_SECRET_LABELLED)) {
      add(match.indices![1]![0], match[1]!);
    }
  }
  // Beside an access key ID (within a few lines): the pair as a console or CSV shows it.
  const keyIds = matches.filter((m) => m.kind === 'aws_access_key');
  if (keyIds.length === 0) return;
  for (const match of text.matchAll(BASE64_40)) {
    if (keyIds.some((id) => Math.abs(id.start - match.index) < 400)) add(match.index, match[0]);
  }
}

// ---------------------------------------------------------------------------------------------
// PEM private keys (RSA, EC, DSA, OpenSSH, encrypted PKCS #8, PGP private key blocks).

const PRIVATE_KEY =
  /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----([\s\S]{32,32768}?)-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g;

function findPrivateKeys(text: string, matches: SecretMatch[]): void {
  for (const match of text.matchAll(PRIVATE_KEY)) {
    // Quoted replies prefix every line with "> "; "Proc-Type:"/"Version:" header lines are not key.
    const body = match[3]!
      .split(/\r?\n/)
      .map((line) => line.replace(/^[ \t>]+/, ''))
      .filter((line) => !/^[A-Za-z-]+:/.test(line))
      .join('')
      .replace(/\s/g, '');
    if (!/^[A-Za-z0-9+/=]{40,}$/.test(body)) continue;
    const type = (match[1] ?? '').trim();
    matches.push({
      kind: 'private_key',
      start: match.index,
      end: match.index + match[0].length,
      value: body,
      hint: format('mailSecret.hint.privateKey', {
        hasType: type ? 'yes' : 'no',
        type,
        block: match[2] ? 'yes' : 'no',
      }),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Passwords inside addresses: https://user:secret@host, postgres://user:secret@host/db, …

const URL_CREDENTIALS =
  /\b((?:https?|ftps?|sftp|smtps?|imaps?|postgres(?:ql)?|mysqlx?|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|ldaps?):\/\/)([^\s:/@<>"']{1,128}):([^\s/@<>"']{1,256})@([A-Za-z0-9.-]+\.[A-Za-z0-9-]+|localhost|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?/gi;
const PLACEHOLDER =
  /^(?:\*+|x+|\.+|•+|_+|-+|[<([{].*|\$.*|%.*|pass(?:word)?|secret|pwd|changeme|your[_-]?password)$/i;

function findUrlCredentials(text: string, matches: SecretMatch[]): void {
  for (const match of text.matchAll(URL_CREDENTIALS)) {
    const [whole, scheme, user, password, host] = match;
    if (PLACEHOLDER.test(password!) || PLACEHOLDER.test(user!)) continue;
    matches.push({
      kind: 'url_credentials',
      start: match.index,
      end: match.index + whole.length,
      value: `${scheme!.toLowerCase()}${user}:${password}@${host!.toLowerCase()}`,
      hint: format('mailSecret.hint.urlCredentials', {
        label: MAIL_SECRET_LABELS.url_credentials,
        scheme: scheme!.slice(0, -3).toLowerCase(),
        count: password!.length,
      }),
      serviceHost: host!.toLowerCase(),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Sign-in, password-reset and magic links: a link whose path says what it is for and that carries
// a token of its own (in a named parameter or a path segment after the telling word).

const LINK_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`{}|\\^\][]+/gi;
const LINK_PURPOSE =
  /reset|passw|pwd|recover|magic|sign[-_]?in(?!g)|log[-_]?in(?!g)|auth(?!or)|verif|confirm|activat|unlock|invit|one[-_]?time|onetime|otp|sso|set[-_]?up[-_]?account|account[-_]?setup|claim|accept/i;
const NOT_A_SIGN_IN =
  /unsubscribe|opt[-_]?out|optout|preferences|email[-_]?settings|pixel|\/track|\/open\b|\/o\/|beacon|view[-_]?in[-_]?browser|webversion|\.(?:png|gif|jpe?g|css|js|svg|woff2?)(?:$|\?)/i;
const TOKEN_PARAM =
  /^(?:.*token.*|.*key|.*code|code|otp|ticket|hash|h|k|t|sig|signature|secret|auth|magic|reset|login|oobcode|verification|confirmation|nonce_token|selector|validator|link|l)$/i;
const SKIP_PARAM =
  /^(?:client_id|redirect_uri|response_type|scope|state|nonce|utm_.*|ref|source|lang|locale|continue|return_?to|next)$/i;

function tokenLike(value: string): boolean {
  if (value.length < 16 || value.length > 2048) return false;
  if (!/^[A-Za-z0-9_\-.~%=+/]+$/.test(value)) return false;
  // A slug of words ("keeping-your-account-and-data-secure") names a page; it is not a token.
  const parts = value.split(/[-_.~]/).filter(Boolean);
  if (parts.length >= 3 && parts.filter((part) => /^[A-Za-z]+$/.test(part)).length >= parts.length * 0.6)
    return false;
  const letters = /[A-Za-z]/.test(value);
  const digits = /\d/.test(value);
  return (letters && digits) || value.length >= 32;
}

function findResetLinks(text: string, matches: SecretMatch[]): void {
  for (const match of text.matchAll(LINK_IN_TEXT)) {
    const link = match[0].replace(/[.,;:!?)\]>'"]+$/, '');
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      continue;
    }
    const where = `${url.pathname}${url.search}${url.hash}`;
    if (!LINK_PURPOSE.test(where) && !LINK_PURPOSE.test(url.hostname.split('.')[0] ?? '')) continue;
    if (NOT_A_SIGN_IN.test(where)) continue;
    if (!hasLinkToken(url)) continue;
    matches.push({
      kind: 'reset_link',
      start: match.index,
      end: match.index + link.length,
      value: link,
      hint: format('mailSecret.hint.resetLink', {
        label: MAIL_SECRET_LABELS.reset_link,
        host: url.hostname.toLowerCase(),
      }),
      serviceHost: url.hostname.toLowerCase(),
    });
  }
}

function hasLinkToken(url: URL): boolean {
  for (const [name, value] of url.searchParams) {
    if (SKIP_PARAM.test(name)) continue;
    if (TOKEN_PARAM.test(name) && tokenLike(value)) return true;
  }
  // /reset/<token>, /magic-link/<token>, /login/<token>: a token-like segment after a telling one.
  const segments = url.pathname.split('/').filter(Boolean);
  for (let i = 1; i < segments.length; i++) {
    if (
      tokenLike(decodeURIComponentSafe(segments[i]!)) &&
      segments.slice(0, i).some((s) => LINK_PURPOSE.test(s))
    ) {
      return true;
    }
  }
  // Firebase-style and fragment tokens: #token=…
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  for (const [name, value] of fragment) if (TOKEN_PARAM.test(name) && tokenLike(value)) return true;
  return false;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// ---------------------------------------------------------------------------------------------
// Two-step sign-in setup keys: otpauth:// URIs and base32 keys shown for manual entry.

const OTPAUTH = /otpauth:\/\/(?:totp|hotp)\/[^\s"'<>]+/gi;
const SETUP_KEY =
  /(?:secret key|setup key|secret|manual(?:ly)? entry key|enter (?:this|the following) (?:key|code)|key|code secret|clé secrète|clé|geheimer schlüssel|schlüssel|clave secreta|clave|chiave segreta|chiave|geheime sleutel|sleutel|hemlig nyckel|salainen avain)(?:[^\n:=]{0,60}?(?:[:=]|\b(?:is|ist|est|es)\b))?\s*["'“]?((?:[A-Za-z2-7]{4}[ -]?){3,31}[A-Za-z2-7]{0,4})(?![A-Za-z0-9])/gi;
const TWO_STEP_CONTEXT =
  /authenticator|two[- ]factor|two[- ]step|2[- ]?fa\b|2[- ]step|mfa\b|totp|one[- ]time|verification app|zwei[- ]faktor|bestätigung in zwei|deux facteurs|double authentification|dos pasos|doble factor|due fattori|twee[- ]staps|tvåstegs|kaksivaiheinen/i;

function findOtpSeeds(text: string, lower: string, matches: SecretMatch[]): void {
  if (lower.includes('otpauth://')) {
    for (const match of text.matchAll(OTPAUTH)) {
      const uri = match[0].replace(/[.,;)\]]+$/, '');
      const query = uri.includes('?') ? uri.slice(uri.indexOf('?') + 1) : '';
      const params = new URLSearchParams(query);
      const secret = (params.get('secret') ?? '').replace(/[\s=-]/g, '').toUpperCase();
      if (!/^[A-Z2-7]{16,128}$/.test(secret)) continue;
      const label = decodeURIComponentSafe(uri.slice(uri.indexOf('/', 10) + 1).split('?')[0] ?? '');
      const issuer = params.get('issuer') ?? (label.includes(':') ? label.slice(0, label.indexOf(':')) : '');
      matches.push({
        kind: 'otp_seed',
        start: match.index,
        end: match.index + uri.length,
        value: secret,
        hint: hintOf('otp_seed', secret),
        ...(hostOf(issuer) ? { serviceHost: hostOf(issuer)! } : {}),
      });
    }
  }
  if (!TWO_STEP_CONTEXT.test(lower) && !/secret key|setup key/.test(lower)) return;
  for (const match of text.matchAll(SETUP_KEY)) {
    const raw = match[1]!.trimEnd();
    const value = raw.replace(/[ -]/g, '').toUpperCase();
    if (value.length < 16 || value.length > 128 || !/[A-Z]/.test(value)) continue;
    // One random 16-character key in 28 has no digit; a word in capitals never does. Without a
    // digit, only a key shown in groups of four is one.
    const isGrouped = /^(?:[A-Za-z2-7]{4} )+[A-Za-z2-7]{1,4}$/.test(raw);
    if (!/[2-7]/.test(value) && !isGrouped) continue;
    const before = lower.slice(Math.max(0, match.index - 400), match.index + match[0].length);
    const strongLabel = /secret|setup key|manual|clé secrète|schlüssel|clave secreta|chiave segreta/.test(
      before,
    );
    if (!strongLabel && !TWO_STEP_CONTEXT.test(before)) continue;
    if (raw.includes(' ') && !/^(?:[A-Za-z2-7]{4} )+[A-Za-z2-7]{1,4}$/.test(raw)) continue;
    const start = match.index + match[0].length - match[1]!.length;
    matches.push({
      kind: 'otp_seed',
      start,
      end: start + raw.length,
      value,
      hint: hintOf('otp_seed', value),
    });
  }
}

/** A host name when an issuer looks like one ("github.com"), else undefined. */
function hostOf(issuer: string): string | undefined {
  const candidate = issuer.trim().toLowerCase();
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(candidate) ? candidate : undefined;
}

// ---------------------------------------------------------------------------------------------
// Backup / recovery codes: a heading, then at least four codes of one shape.

const RECOVERY_HEADING =
  /(?:backup|recovery|rescue|emergency|scratch|back-up|single-use|one-time)[- ]?(?:verification )?codes?|wiederherstellungs-?codes?|sicherungs-?codes?|backup-codes|codes de (?:secours|récupération|sauvegarde)|códigos de (?:respaldo|recuperación|seguridad)|codici (?:di backup|di recupero)|herstelcodes|reservekoder|reservkoder|varmistuskoodit|palautuskoodit/gi;
const CODE_SHAPES: readonly RegExp[] = [
  /(?<![\w-])\d{4}[ -]\d{4}(?![\w-])/g,
  /(?<![\w-])[a-z0-9]{4,5}-[a-z0-9]{4,5}(?![\w-])/gi,
  /(?<![\w-])[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}(?:-[A-Z0-9]{4})?(?![\w-])/g,
  /(?<![\w-])\d{6,10}(?![\w-])/g,
  /(?<![\w-])(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{8,16}(?![\w-])/g,
];
const RECOVERY_WINDOW = 1500;
/** What may stand between two codes of a list: spaces, line breaks, bullets, numbering, commas. */
const BETWEEN_CODES = /^(?:[\s,;|*•·-]|\d{1,2}[.)])*$/;

/** The longest run of codes of one shape, one after the other, starting near the heading. */
function longestCodeRun(window: string): RegExpMatchArray[] {
  let best: RegExpMatchArray[] = [];
  for (const shape of CODE_SHAPES) {
    let run: RegExpMatchArray[] = [];
    for (const code of window.matchAll(shape)) {
      const previous = run[run.length - 1];
      const gap = previous ? window.slice(previous.index! + previous[0].length, code.index) : '';
      if (previous && BETWEEN_CODES.test(gap) && gap.length <= 40) {
        run.push(code);
      } else {
        if (run.length > best.length) best = run;
        if (code.index! > 300) break;
        run = [code];
      }
    }
    if (run.length > best.length) best = run;
  }
  return best;
}

function findRecoveryCodes(text: string, lower: string, matches: SecretMatch[]): void {
  if (!/code|koder|koodit|codici|códigos/.test(lower)) return;
  let coveredUntil = -1;
  for (const heading of text.matchAll(RECOVERY_HEADING)) {
    if (heading.index < coveredUntil) continue;
    const from = heading.index + heading[0].length;
    const run = longestCodeRun(text.slice(from, from + RECOVERY_WINDOW));
    const distinct = new Set(run.map((code) => code[0].toLowerCase().replace(/[ -]/g, '')));
    if (distinct.size < 4) continue;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const start = from + first.index!;
    const end = from + last.index! + last[0].length;
    coveredUntil = end;
    matches.push({
      kind: 'recovery_codes',
      start,
      end,
      value: [...distinct].sort().join('\n'),
      hint: format('mailSecret.hint.recoveryCodes', {
        label: MAIL_SECRET_LABELS.recovery_codes,
        count: distinct.size,
      }),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Payment cards: Luhn + a known network's prefix and length; an ungrouped number needs a card word
// nearby (order and tracking numbers are ungrouped digit runs too).

const CARD_GROUPED = /(?<![\d-])(?:\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{1,7}|\d{4}[ -]\d{6}[ -]\d{4,5})(?![\d-])/g;
const CARD_PLAIN = /(?<![\d-])\d{13,19}(?![\d-])/g;
const CARD_CONTEXT =
  /card|visa|master ?card|amex|american express|credit|debit|\bcc\b|\bpan\b|karte|carte|tarjeta|carta|kaart|kort|cartão|cvv|cvc/;
/** Words that say a number right after them is something else (an order, an invoice, a parcel). */
const NOT_A_CARD =
  /(?:order|invoice|tracking|reference|ref|account|customer|ticket|case|booking|shipment|parcel)(?: (?:number|no\.?|id|#))?[:#]?\s*$/;

function findPaymentCards(text: string, lower: string, matches: SecretMatch[]): void {
  const add = (index: number, written: string) => {
    const digits = written.replace(/[ -]/g, '');
    const network = cardNetwork(digits);
    if (!network) return;
    matches.push({
      kind: 'payment_card',
      start: index,
      end: index + written.length,
      value: digits,
      hint: format('mailSecret.hint.card', { network, count: digits.length }),
    });
  };
  for (const match of text.matchAll(CARD_GROUPED)) add(match.index, match[0]);
  for (const match of text.matchAll(CARD_PLAIN)) {
    const before = lower.slice(Math.max(0, match.index - 80), match.index);
    if (CARD_CONTEXT.test(before) && !NOT_A_CARD.test(before)) add(match.index, match[0]);
  }
}

// ---------------------------------------------------------------------------------------------
// IBANs: the country's length and the mod-97 check.

const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,32}/g;

function findIbans(text: string, matches: SecretMatch[]): void {
  for (const match of text.matchAll(IBAN)) {
    const written = match[0];
    const compact = written.replace(/ /g, '');
    // The pattern may run on into a following capitalised word: try the longest valid prefix.
    for (let length = Math.min(compact.length, 34); length >= 15; length--) {
      const candidate = compact.slice(0, length);
      if (!isValidIban(candidate)) continue;
      let end = 0;
      for (let seen = 0; seen < length; end++) if (written[end] !== ' ') seen++;
      if (/[A-Za-z0-9]/.test(text[match.index + end] ?? '')) break;
      matches.push({
        kind: 'iban',
        start: match.index,
        end: match.index + end,
        value: candidate,
        hint: format('mailSecret.hint.iban', {
          label: MAIL_SECRET_LABELS.iban,
          country: candidate.slice(0, 2),
          count: length,
        }),
      });
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// National ID numbers with a format and a check (README of this folder lists which).

interface IdScheme {
  /** The scheme's name, in the catalogue. */
  name: MessageId;
  pattern: RegExp;
  /** The compact form to check and fingerprint, from the match. */
  compact: (written: string) => string;
  isValid: (compact: string) => boolean;
  /** A label that must be written shortly before the number, unless `selfEvident` accepts it. */
  label: RegExp;
  /** Written forms specific enough to need no label. */
  selfEvident?: (written: string) => boolean;
}

/** Tried in this order: where two match the same digits, the stronger check (listed first) wins. */
const ID_SCHEMES: readonly IdScheme[] = [
  {
    name: 'mailSecret.idScheme.fi',
    pattern: /(?<![\dA-Za-z])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![\dA-Za-z])/g,
    compact: (w) => w,
    isValid: isValidHetu,
    label: /henkilötunnus|hetu|personal identity code/,
    selfEvident: () => true,
  },
  {
    name: 'mailSecret.idScheme.it',
    pattern:
      /(?<![A-Za-z0-9])[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z](?![A-Za-z0-9])/g,
    compact: (w) => w,
    isValid: isValidCodiceFiscale,
    label: /codice fiscale/,
    selfEvident: () => true,
  },
  {
    name: 'mailSecret.idScheme.es',
    pattern: /(?<![\dA-Za-z])(?:\d{8}|[XYZ]-?\d{7})-?[A-Z](?![\dA-Za-z])/g,
    compact: (w) => w.replace(/-/g, ''),
    isValid: isValidSpanishId,
    label: /\bdni\b|\bnie\b|\bnif\b|d\.n\.i|documento nacional|número de identidad/,
    selfEvident: (w) => /^\d{8}-[A-Z]$/.test(w),
  },
  {
    name: 'mailSecret.idScheme.uk',
    pattern: /(?<![A-Za-z0-9])[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/g,
    compact: (w) => w.replace(/ /g, ''),
    isValid: isValidNino,
    label: /national insurance|\bni (?:number|no)\b|\bnino\b/,
    selfEvident: (w) => /^[A-Z]{2} \d{2} \d{2} \d{2} [A-D]$/.test(w),
  },
  {
    name: 'mailSecret.idScheme.nl',
    pattern: /(?<![\d.])(?:\d{9}|\d{4}\.\d{2}\.\d{3})(?![\d.])/g,
    compact: (w) => w.replace(/\./g, ''),
    isValid: isValidBsn,
    label: /\bbsn\b|burgerservicenummer|sofi-?nummer|citizen service number/,
  },
  {
    name: 'mailSecret.idScheme.se',
    pattern: /(?<![\d-])(?:19|20)?\d{6}[-+]?\d{4}(?![\d-])/g,
    compact: (w) => w.replace(/[-+]/g, '').slice(-10),
    isValid: isValidPersonnummer,
    label: /personnummer|person(?:al)? (?:identity )?number|personnr|samordningsnummer|\bpnr\b/,
    selfEvident: (w) => /^\d{6}[-+]\d{4}$/.test(w),
  },
];

function findNationalIds(text: string, lower: string, matches: SecretMatch[]): void {
  for (const scheme of ID_SCHEMES) {
    for (const match of text.matchAll(scheme.pattern)) {
      const written = match[0];
      const compact = scheme.compact(written);
      if (!scheme.isValid(compact)) continue;
      const isLabelled = scheme.label.test(lower.slice(Math.max(0, match.index - 60), match.index));
      if (!isLabelled && !scheme.selfEvident?.(written)) continue;
      matches.push({
        kind: 'national_id',
        start: match.index,
        end: match.index + written.length,
        value: compact,
        hint: format('mailSecret.hint.nationalId', { name: format(scheme.name), count: compact.length }),
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Passwords written in mail: "Password: …", "your temporary password is …", in several languages.

const PASSWORD_WORDS =
  'passwords?|passwort|kennwort|passwd|passcode|pass code|pwd|pw|pass|mot de passe|mdp|contraseña|contrasena|senha|wachtwoord|lösenord|losenord|salasana|adgangskode|passord|kodeord|hasło|haslo|heslo|şifre|sifre|parola|clave|password di accesso|пароль|パスワード|密码|密碼|비밀번호';
/** Label words weak enough that they need a ":"/"=" rather than "is" (and a "pass" is not a boarding pass). */
const WEAK_WORDS = new Set(['pw', 'pass', 'parola', 'clave', 'mdp', 'pwd']);
const CONNECTOR =
  '\\s*(?:[:=：]|\\s(?:is|was|ist|lautet|est|es|è|är|er|on|é|wordt|jest|to|is now|will be|has been (?:set|changed|reset) to|set to|sera)\\s*:?)';
const PASSWORD = new RegExp(
  `(?<![A-Za-z])((?:(?:temporary|temp|new|initial|default|one-time|your|the|login|account|admin|root|wifi|wi-fi|wlan|app|neues|neue|vorläufiges|temporäres|nouveau|provisoire|nueva|temporal|nieuw|tijdelijk|nytt|tillfälligt|uusi|väliaikainen)\\s+)*)(${PASSWORD_WORDS})(?![A-Za-z])${CONNECTOR}[ \\t]*(?:\\r?\\n[ \\t]*)?["'“‘«„]?([^\\s"'“”‘’«»„<>]{4,64})`,
  'gi',
);
const STOP_VALUES = new Set([
  'required', 'incorrect', 'invalid', 'expired', 'changed', 'updated', 'reset', 'hidden', 'protected',
  'unknown', 'optional', 'strength', 'manager', 'managers', 'policy', 'please', 'below', 'above', 'sent',
  'saved', 'stored', 'confirmed', 'confirm', 'enter', 'entered', 'forgotten', 'recovery', 'change', 'same',
  'previous', 'current', 'standard', 'unchanged', 'redacted', 'removed', 'secret', 'private', 'provided',
  'attached', 'separately', 'encrypted', 'unavailable', 'available', 'pending', 'blank', 'empty', 'none',
  'null', 'undefined', 'password', 'passwort', 'kennwort', 'wachtwoord', 'contraseña', 'geändert',
  'erforderlich', 'requis', 'obligatoire', 'requerida', 'vereist', 'ändern', 'vergessen', 'oublié',
]); // prettier-ignore

function isPasswordLike(value: string, connector: string): boolean {
  if (PLACEHOLDER.test(value) || /^(.)\1+$/.test(value)) return false;
  if (/^https?:|^www\.|@.*\.|^\d{1,2}[:.]\d{2}$/i.test(value)) return false;
  if (STOP_VALUES.has(value.toLowerCase())) return false;
  // Code quoted in a mail: `password: passwordInput.value`, `password = form.get(`, `PASSWORD_MESSAGE`.
  if (/[()]|^[a-z_$][\w$]*(?:\.[a-z_$][\w$]*)+$|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return false;
  if (/^pass(?:word|wd)?/i.test(value)) return false;
  const hasDigitOrSymbol = /[^A-Za-zÀ-ÖØ-öø-ÿ]/.test(value);
  const hasInnerCapital = /.[A-Z]/.test(value) && /[a-z]/.test(value);
  if (hasDigitOrSymbol || hasInnerCapital) return true;
  // A plain lower-case word after "is" is prose ("your password is secure"); after a colon it may be a password.
  return /[:=：]/.test(connector) && value.length >= 6;
}

function findPasswords(text: string, matches: SecretMatch[]): void {
  for (const match of text.matchAll(PASSWORD)) {
    const word = match[2]!.toLowerCase();
    const connector = match[0].slice((match[1]?.length ?? 0) + match[2]!.length);
    const hasColon = /^\s*[:=：]/.test(connector);
    if (WEAK_WORDS.has(word) && !hasColon) continue;
    let value = match[3]!;
    // Sentence punctuation after the password is not part of it; a closing quote or bracket neither.
    value = value.replace(/[.,;:)\]]+$/, '');
    if (value.length < 4 || !isPasswordLike(value, connector)) continue;
    const start = match.index + match[0].length - match[3]!.length;
    const serviceHost = hostNear(text, match.index);
    matches.push({
      kind: 'password',
      start,
      end: start + value.length,
      value,
      hint: format('mailSecret.hint.password', { count: value.length }),
      ...(serviceHost ? { serviceHost } : {}),
    });
  }
}

const HOST_IN_TEXT =
  /\b(?:https?:\/\/)?((?:[a-z0-9-]+\.)+(?:com|net|org|io|co|de|fr|nl|uk|se|fi|es|it|eu|app|dev|ch|at|be|dk|no|pl|us|ca|au))\b(?![@.-])/gi;

/** The last host name written in the 300 characters before a password ("log in at portal.acme.com"). */
function hostNear(text: string, index: number): string | undefined {
  const window = text.slice(Math.max(0, index - 300), index);
  let host: string | undefined;
  for (const match of window.matchAll(HOST_IN_TEXT)) {
    if (window[match.index - 1] !== '@') host = match[1]!.toLowerCase();
  }
  return host;
}
