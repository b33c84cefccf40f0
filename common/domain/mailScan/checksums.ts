/**
 * Check digits and format rules that tell a real card, bank account or ID number from a number
 * that merely has the right length. Each takes the compact form (no spaces or dashes).
 */

/** True when `digits` passes the Luhn (mod 10) check used by card numbers and Swedish IDs. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let value = digits.charCodeAt(i) - 48;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return sum % 10 === 0;
}

/** A card network and the lengths its numbers have. */
interface CardNetwork {
  name: string;
  /** Whether a number (as a string of digits) starts in this network's IIN ranges. */
  matches(digits: string): boolean;
  lengths: readonly number[];
}

const prefixIn = (digits: string, length: number, low: number, high: number) => {
  const value = Number(digits.slice(0, length));
  return value >= low && value <= high;
};

/** Issuer identification number ranges of the major networks (ISO/IEC 7812, as networks publish them). */
const CARD_NETWORKS: readonly CardNetwork[] = [
  { name: 'American Express', matches: (d) => /^3[47]/.test(d), lengths: [15] },
  { name: 'Visa', matches: (d) => d.startsWith('4'), lengths: [13, 16, 19] },
  {
    name: 'Mastercard',
    matches: (d) => prefixIn(d, 2, 51, 55) || prefixIn(d, 4, 2221, 2720),
    lengths: [16],
  },
  {
    name: 'Discover',
    matches: (d) => d.startsWith('6011') || d.startsWith('65') || prefixIn(d, 3, 644, 649),
    lengths: [16, 17, 18, 19],
  },
  { name: 'JCB', matches: (d) => prefixIn(d, 4, 3528, 3589), lengths: [16, 17, 18, 19] },
  {
    name: 'Diners Club',
    matches: (d) => prefixIn(d, 3, 300, 305) || /^3[689]/.test(d),
    lengths: [14, 15, 16, 17, 18, 19],
  },
  { name: 'UnionPay', matches: (d) => d.startsWith('62'), lengths: [16, 17, 18, 19] },
  {
    name: 'Maestro',
    matches: (d) => /^(50|5[6-9]|6[0-9])/.test(d),
    lengths: [12, 13, 14, 15, 16, 17, 18, 19],
  },
];

/**
 * The card network of a number that passes the Luhn check and lies in a known network's IIN range
 * with one of its lengths, or null.
 */
export function cardNetwork(digits: string): string | null {
  if (!/^\d{12,19}$/.test(digits) || !passesLuhn(digits)) return null;
  const network = CARD_NETWORKS.find((n) => n.matches(digits) && n.lengths.includes(digits.length));
  return network?.name ?? null;
}

/** IBAN lengths per country (the SWIFT IBAN registry). */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
}; // prettier-ignore

/** True for an IBAN (upper case, no spaces) of its country's length whose mod-97 check is 1. */
export function isValidIban(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  if (IBAN_LENGTHS[compact.slice(0, 2)] !== compact.length) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

/** Dutch burgerservicenummer: 9 digits passing the "11-proof" (weights 9…2 and −1). */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (digits.charCodeAt(i) - 48) * (9 - i);
  sum -= digits.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

/**
 * Swedish personnummer or samordningsnummer, 10 digits YYMMDDNNNC (the century dropped): a real
 * month and day (day + 60 for a samordningsnummer) and a Luhn check digit.
 */
export function isValidPersonnummer(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const month = Number(digits.slice(2, 4));
  let day = Number(digits.slice(4, 6));
  if (day > 60) day -= 60;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && passesLuhn(digits);
}

const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/**
 * Finnish henkilötunnus DDMMYYCNNNK: a real date, a century sign (`+`, `-`/`U`–`Y`, `A`–`F`) and the
 * mod-31 check character.
 */
export function isValidHetu(value: string): boolean {
  const match = /^(\d{2})(\d{2})(\d{2})[-+A-FU-Y](\d{3})([0-9A-Y])$/.exec(value);
  if (!match) return false;
  const [, day, month, year, serial, check] = match;
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return false;
  return HETU_CHECK[Number(`${day}${month}${year}${serial}`) % 31] === check;
}

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter) with its mod-23 letter. */
export function isValidSpanishId(value: string): boolean {
  const match = /^([XYZ]\d{7}|\d{8})([A-Z])$/.exec(value);
  if (!match) return false;
  const number = match[1]!.replace(/^[XYZ]/, (c) => String('XYZ'.indexOf(c)));
  return DNI_LETTERS[Number(number) % 23] === match[2];
}

/** Values of characters in odd positions (1st, 3rd, …) for the codice fiscale check character. */
const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

/**
 * Italian codice fiscale (16 characters, digits possibly replaced by letters for homonyms) with its
 * check character.
 */
export function isValidCodiceFiscale(value: string): boolean {
  if (
    !/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(value)
  ) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const char = value[i]!;
    const index = /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? CF_ODD[index]! : index;
  }
  return String.fromCharCode(65 + (sum % 26)) === value[15];
}

/**
 * UK National Insurance number: two prefix letters (not D, F, I, Q, U, V; the second not O; not
 * BG, GB, KN, NK, NT, TN, ZZ), six digits and a suffix A–D. There is no check digit.
 */
export function isValidNino(value: string): boolean {
  const match = /^([A-CEGHJ-PR-TW-Z])([A-CEGHJ-NPR-TW-Z])\d{6}[A-D]$/.exec(value);
  if (!match) return false;
  return !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(`${match[1]}${match[2]}`);
}
