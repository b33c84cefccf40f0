// The inventory: people, their email addresses and their accounts.
import type { Category, Criticality, MfaMethod } from '../domain/inventory';
import type { ServiceUrlInfo } from '../domain/serviceUrl';

/** A person whose accounts are in this file. */
export interface Person {
  id: number;
  name: string;
  /** The "Me" created on first run. */
  isDefault: boolean;
  /** The group or department they belong to ('' when none): the team view filters by it. */
  group: string;
  /** Their role, in their own words ('' when none), e.g. "Office manager". */
  role: string;
  accountCount: number;
  emails: EmailAddress[];
  createdAt: string;
}

/** An email address a person uses. */
export interface EmailAddress {
  id: number;
  personId: number;
  address: string;
  createdAt: string;
}

/** An account in the inventory. Dates are `YYYY-MM-DD`; timestamps ISO-8601 UTC. */
export interface Account {
  id: number;
  personId: number;
  personName: string;
  service: string;
  url: string;
  /** Registrable domain derived from `url`, or null without a URL. */
  domain: string | null;
  urlKind: ServiceUrlInfo['kind'] | null;
  username: string;
  category: Category;
  criticality: Criticality;
  mfa: MfaMethod;
  passwordChangedAt: string | null;
  recoveryReviewedAt: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
  /** An import saw a TOTP secret for this account (the secret itself was never kept). */
  hasTotp: boolean;
  source: 'manual' | 'import';
  /** zxcvbn score 0–4 of the imported password; null when no password was ever analysed. */
  passwordStrength: number | null;
}

/** A deletion that can still be undone (until the app closes). */
export interface PendingDeletion {
  token: string;
  /** What was deleted, in words ("Mail", "Priya and her 12 accounts"). */
  label: string;
  /** Rows it moved to the trash. */
  count: number;
  deletedAt: string;
}

/** What a delete returns so the user can undo it. */
export interface DeletionReceipt {
  token: string;
  count: number;
}
