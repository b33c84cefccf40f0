import { describe, expect, it } from 'vitest';
import {
  accountInputSchema,
  checkAccountDates,
  emailAddressSchema,
  fieldErrorsOf,
  isCalendarDate,
  personNameSchema,
} from './validation';

const valid = {
  personId: 1,
  service: '  LinkedIn ',
  url: 'https://www.linkedin.com/login',
  username: 'alex@example.com',
  category: 'social',
  criticality: 'standard',
  mfa: 'unknown',
  passwordChangedAt: '',
  recoveryReviewedAt: '2024-02-29',
  notes: '',
};

describe('account input', () => {
  it('normalises valid input', () => {
    const parsed = accountInputSchema.parse(valid);
    expect(parsed.service).toBe('LinkedIn');
    expect(parsed.passwordChangedAt).toBeNull();
    expect(parsed.recoveryReviewedAt).toBe('2024-02-29');
  });

  it('names every invalid field with a readable message', () => {
    const result = accountInputSchema.safeParse({
      ...valid,
      service: ' ',
      url: 'ftp://x.example.com',
      category: 'nope',
      mfa: 'carrier-pigeon',
      passwordChangedAt: '2023-02-30',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = fieldErrorsOf(result.error);
    expect(errors).toMatchObject({
      service: "Enter the service's name.",
      category: 'Choose a category.',
      mfa: 'Choose a two-step sign-in method.',
    });
    expect(errors.url).toMatch(/Only web/);
    expect(errors.passwordChangedAt).toMatch(/real date/);
  });

  it('refuses dates in the future relative to the given today', () => {
    expect(
      checkAccountDates({ passwordChangedAt: '2026-11-29', recoveryReviewedAt: null }, '2026-11-28'),
    ).toEqual({
      passwordChangedAt: 'This date is in the future.',
    });
    expect(
      checkAccountDates({ passwordChangedAt: '2026-11-28', recoveryReviewedAt: null }, '2026-11-28'),
    ).toEqual({});
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-13-01')).toBe(false);
    expect(isCalendarDate('23-01-01')).toBe(false);
  });
});

describe('names and email addresses', () => {
  it('trims names and refuses empty or huge ones', () => {
    expect(personNameSchema.parse('  Sam ')).toBe('Sam');
    expect(personNameSchema.safeParse('   ').success).toBe(false);
    expect(personNameSchema.safeParse('x'.repeat(101)).success).toBe(false);
  });

  it('accepts practical addresses and lower-cases the domain only', () => {
    expect(emailAddressSchema.parse(' Alex.Morgan@Example.COM ')).toBe('Alex.Morgan@example.com');
    for (const bad of [
      'alex',
      'alex@',
      '@example.com',
      'a b@example.com',
      'alex@example',
      'alex@@example.com',
    ]) {
      expect(emailAddressSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
