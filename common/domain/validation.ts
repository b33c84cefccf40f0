import { z } from 'zod';
import { CATEGORIES, CRITICALITIES, MFA_METHODS } from './inventory';
import { isServiceUrlError, parseServiceUrl } from './serviceUrl';
import { format, says } from '../messages/format';

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (y < 1970 || y > 2999) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const optionalDate = (field: 'passwordChanged' | 'reviewed') =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || isCalendarDate(v), says('validation.date.notReal', { field }))
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .transform((v) => v ?? null);

/** A person's display name. */
export const personNameSchema = z
  .string()
  .trim()
  .min(1, says('validation.name.required'))
  .max(100, says('validation.name.tooLong', { max: 100 }));

/** A database id. */
export const idSchema = z.int(says('validation.id.whole')).positive(says('validation.id.positive'));

/**
 * An email address: practical syntax (one `@`, a dotted domain, no spaces), stored lower-cased in the
 * domain part. RFC 5322 allows more; people do not use it.
 */
export const emailAddressSchema = z
  .string()
  .trim()
  .min(1, says('validation.email.required'))
  .max(254, says('validation.email.tooLong'))
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/, says('validation.email.invalid'))
  .transform((v) => {
    const at = v.lastIndexOf('@');
    return `${v.slice(0, at)}@${v.slice(at + 1).toLowerCase()}`;
  });

/** What a person types to add or edit an account. Output is normalised (trimmed, nulls for empty). */
export const accountInputSchema = z.object({
  personId: idSchema,
  service: z
    .string()
    .trim()
    .min(1, says('validation.service.required'))
    .max(200, says('validation.name.tooLong', { max: 200 })),
  url: z
    .string()
    .trim()
    .max(2000, says('validation.url.tooLong'))
    .superRefine((value, ctx) => {
      if (value === '') return;
      const parsed = parseServiceUrl(value);
      if (isServiceUrlError(parsed)) ctx.addIssue({ code: 'custom', message: parsed.error });
    }),
  username: z.string().trim().max(320, says('validation.username.tooLong')),
  category: z.enum(CATEGORIES, says('validation.category.required')),
  criticality: z.enum(CRITICALITIES, says('validation.criticality.required')),
  mfa: z.enum(MFA_METHODS, says('validation.mfa.required')),
  passwordChangedAt: optionalDate('passwordChanged'),
  recoveryReviewedAt: optionalDate('reviewed'),
  notes: z.string().max(10_000, says('validation.notes.tooLong')),
});
/** Raw account form values, before validation. */
export type AccountInput = z.input<typeof accountInputSchema>;
/** Validated, normalised account values. */
export type ValidAccountInput = z.output<typeof accountInputSchema>;

/**
 * Rules that need today's date: a password cannot have been changed, nor recovery reviewed, in the
 * future. `today` is `YYYY-MM-DD` in the user's time zone. Returns field → message.
 */
export function checkAccountDates(
  input: Pick<ValidAccountInput, 'passwordChangedAt' | 'recoveryReviewedAt'>,
  today: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.passwordChangedAt && input.passwordChangedAt > today) {
    errors.passwordChangedAt = format('validation.date.future');
  }
  if (input.recoveryReviewedAt && input.recoveryReviewedAt > today) {
    errors.recoveryReviewedAt = format('validation.date.future');
  }
  return errors;
}

/** Turns zod issues into field path → first message, the shape forms and `AppError` use. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

/** Formats a Date as `YYYY-MM-DD` in local time. */
export function localDateString(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
