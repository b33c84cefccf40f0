import { describe, expect, it } from 'vitest';
import { addDays, defaultDueDate, isValidSnooze, priorityOf, taskKindFor, taskTitle } from './tasks';

describe('priorities and due dates', () => {
  it('come from severity × criticality', () => {
    expect(priorityOf('critical', 'standard')).toBe('P1');
    expect(priorityOf('high', 'critical')).toBe('P1');
    expect(priorityOf('high', 'standard')).toBe('P2');
    expect(priorityOf('medium', 'critical')).toBe('P2');
    expect(priorityOf('medium', 'important')).toBe('P3');
    expect(priorityOf('low', 'standard')).toBe('P4');
    expect(priorityOf('low', 'critical')).toBe('P3');
  });

  it('set the default due date: P1 a day, P2 three, P3 two weeks, P4 none', () => {
    expect(defaultDueDate('P1', '2026-12-31')).toBe('2027-01-01');
    expect(defaultDueDate('P2', '2026-02-27')).toBe('2026-03-02');
    expect(defaultDueDate('P3', '2026-11-28')).toBe('2026-12-12');
    expect(defaultDueDate('P4', '2026-11-28')).toBeNull();
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('allow snoozing for 1 day to 2 weeks only', () => {
    expect(isValidSnooze('2026-11-29', '2026-11-28')).toBe(true);
    expect(isValidSnooze('2026-12-12', '2026-11-28')).toBe(true);
    expect(isValidSnooze('2026-12-13', '2026-11-28')).toBe(false);
    expect(isValidSnooze('2026-11-28', '2026-11-28')).toBe(false);
  });

  it('turn findings into concrete tasks', () => {
    expect(taskKindFor('password_reused')).toBe('change_password');
    expect(taskKindFor('breached_service')).toBe('change_password');
    expect(taskKindFor('mfa_available')).toBe('enable_mfa');
    expect(taskTitle('change_password', 'LinkedIn')).toBe('Change your password at LinkedIn');
    expect(taskTitle('enable_mfa', 'Dropbox')).toBe('Turn on two-step sign-in at Dropbox');
  });
});
