import { describe, expect, it } from 'vitest';
import { categoryOf, exposureScore } from './score';

describe('exposureScore', () => {
  it('is 0 with nothing open and grows with severity and criticality, never past 100', () => {
    expect(exposureScore([])).toBe(0);
    const one = exposureScore([{ severity: 'medium', criticality: 'standard' }]);
    const critical = exposureScore([{ severity: 'medium', criticality: 'critical' }]);
    expect(one).toBe(6);
    expect(critical).toBeGreaterThan(one);
    expect(
      exposureScore(
        Array.from({ length: 5 }, () => ({
          severity: 'critical' as const,
          criticality: 'standard' as const,
        })),
      ),
    ).toBe(50);
    expect(
      exposureScore(
        Array.from({ length: 10_000 }, () => ({
          severity: 'critical' as const,
          criticality: 'critical' as const,
        })),
      ),
    ).toBeLessThanOrEqual(100);
  });

  it('files findings under passwords, two-step sign-in or breaches', () => {
    expect(categoryOf('password_reused')).toBe('passwords');
    expect(categoryOf('insecure_url')).toBe('passwords');
    expect(categoryOf('mfa_upgrade')).toBe('mfa');
    expect(categoryOf('email_in_breach')).toBe('breaches');
  });
});
