import type { Account } from '../../model/index';

/** The account fields a person can change, as the history compares them. */
export type AccountFields = Pick<
  Account,
  | 'personId'
  | 'service'
  | 'url'
  | 'username'
  | 'category'
  | 'criticality'
  | 'mfa'
  | 'passwordChangedAt'
  | 'recoveryReviewedAt'
  | 'notes'
>;

/** One changed field, as a history row says it. */
export interface FieldChange {
  action: string;
  from: string | null;
  to: string | null;
}

/** What each field is called in the history, and whether its values are recorded. */
const FIELDS: readonly { key: keyof AccountFields; action: string; values: boolean }[] = [
  { key: 'service', action: 'name', values: true },
  { key: 'url', action: 'web address', values: true },
  { key: 'username', action: 'user name', values: true },
  { key: 'personId', action: 'owner', values: true },
  { key: 'category', action: 'category', values: true },
  { key: 'criticality', action: 'criticality', values: true },
  { key: 'mfa', action: 'two-step', values: true },
  { key: 'passwordChangedAt', action: 'password changed', values: true },
  { key: 'recoveryReviewedAt', action: 'recovery reviewed', values: true },
  // Notes are free text a person wrote for themselves: the history says they changed, not what
  // they say (the history is exported and shown to helpers).
  { key: 'notes', action: 'notes edited', values: false },
];

/**
 * The changes between two versions of an account, one per field that differs, in a fixed order.
 * The same function writes the history for every path that changes an account (the form, a task
 * marked done with evidence, a guide step, an import), so they all say it the same way.
 */
export function accountChanges(before: AccountFields, after: AccountFields): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIELDS) {
    const from = before[field.key];
    const to = after[field.key];
    if (from === to) continue;
    changes.push(
      field.values
        ? {
            action: field.action,
            from: from === null ? null : String(from),
            to: to === null ? null : String(to),
          }
        : { action: field.action, from: null, to: null },
    );
  }
  return changes;
}
