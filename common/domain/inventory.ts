/**
 * The inventory's vocabulary: account categories, criticality and MFA methods, with the labels a
 * person sees. Shared by validation, the database's CHECK constraints and the UI.
 */
import { labelsOf } from '../messages/format';

/** What kind of service an account is for. */
export const CATEGORIES = [
  'email',
  'finance',
  'work',
  'social',
  'shopping',
  'cloud',
  'developer',
  'government',
  'health',
  'entertainment',
  'utilities',
  'other',
] as const;
/** One of {@link CATEGORIES}. */
export type Category = (typeof CATEGORIES)[number];

/** Human labels for categories. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = labelsOf({
  email: 'inventory.category.email',
  finance: 'inventory.category.finance',
  work: 'inventory.category.work',
  social: 'inventory.category.social',
  shopping: 'inventory.category.shopping',
  cloud: 'inventory.category.cloud',
  developer: 'inventory.category.developer',
  government: 'inventory.category.government',
  health: 'inventory.category.health',
  entertainment: 'inventory.category.entertainment',
  utilities: 'inventory.category.utilities',
  other: 'inventory.category.other',
});

/** How much losing this account would hurt. Critical accounts are fixed first. */
export const CRITICALITIES = ['critical', 'important', 'standard'] as const;
/** One of {@link CRITICALITIES}. */
export type Criticality = (typeof CRITICALITIES)[number];

/** Human labels for criticality levels. */
export const CRITICALITY_LABELS: Readonly<Record<Criticality, string>> = labelsOf({
  critical: 'inventory.criticality.critical',
  important: 'inventory.criticality.important',
  standard: 'inventory.criticality.standard',
});

/** The second step a service asks for at sign-in, if any. */
export const MFA_METHODS = [
  'unknown',
  'none',
  'sms',
  'email',
  'totp',
  'push',
  'passkey',
  'security_key',
] as const;
/** One of {@link MFA_METHODS}. */
export type MfaMethod = (typeof MFA_METHODS)[number];

/** Human labels for MFA methods. */
export const MFA_LABELS: Readonly<Record<MfaMethod, string>> = labelsOf({
  unknown: 'inventory.mfa.unknown',
  none: 'inventory.mfa.none',
  sms: 'inventory.mfa.sms',
  email: 'inventory.mfa.email',
  totp: 'inventory.mfa.totp',
  push: 'inventory.mfa.push',
  passkey: 'inventory.mfa.passkey',
  security_key: 'inventory.mfa.security_key',
});

/**
 * Categories whose accounts are suggested as critical: email resets every other account, banks hold
 * money, and a work identity opens the employer's systems.
 */
export const CRITICAL_CATEGORIES: ReadonlySet<Category> = new Set(['email', 'finance', 'work']);

/** The criticality Lockstep suggests for a category; the user can always override it. */
export function suggestCriticality(category: Category): Criticality {
  return CRITICAL_CATEGORIES.has(category) ? 'critical' : 'standard';
}

/** Registrable domains of the large mail providers, used to suggest the "email" category. */
const EMAIL_PROVIDER_DOMAINS = new Set([
  'gmail.com',
  'google.com',
  'outlook.com',
  'live.com',
  'hotmail.com',
  'office.com',
  'microsoft.com',
  'microsoftonline.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'tuta.com',
  'tutanota.com',
  'fastmail.com',
  'zoho.com',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  'mail.com',
  'yandex.com',
  'yandex.ru',
]);

/**
 * A category guess from a registrable domain, or `undefined` when there is no good guess.
 * Deliberately small: a wrong guess is worse than none.
 */
export function suggestCategory(domain: string | null | undefined): Category | undefined {
  if (!domain) return undefined;
  if (EMAIL_PROVIDER_DOMAINS.has(domain)) return 'email';
  if (domain.endsWith('.gov') || /\.gov\.[a-z]{2}$/.test(domain) || domain.endsWith('.gouv.fr')) {
    return 'government';
  }
  return undefined;
}
