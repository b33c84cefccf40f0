import { describe, expect, it } from 'vitest';
import { format, setMessageLocale } from '../../../../common/messages/format';
import { describeChange } from './TeamScreen';

const words = { t: format };
const entry = (subjectType: string, action: string, to: string | null, note = '') => ({
  subjectType,
  action,
  to,
  note,
});

describe('a recent change in words', () => {
  it('names the subject and the action from the catalogue, and shows the value as it was', () => {
    expect(describeChange(entry('person', 'added', 'Ana Silva'), words)).toBe('Person added: Ana Silva');
    expect(describeChange(entry('mail_scan', 'finished', null), words)).toBe('Mailbox scan finished');
    expect(describeChange(entry('finding', 'dismissed', null), words)).toBe('Finding set aside');
  });

  it('says what a finding is and where it went, never its raw kind or status', () => {
    expect(describeChange(entry('finding', 'password_reused', 'auto_resolved'), words)).toBe(
      'Finding Reused password: resolved by itself',
    );
    expect(describeChange(entry('task', 'status', 'in_progress'), words)).toBe('Task status: in progress');
  });

  it('words a task’s verification and a restore from the catalogue, not as they were stored', () => {
    expect(describeChange(entry('task', 'verification', 'not verified'), words)).toBe(
      'Task verification: not verified',
    );
    setMessageLocale('pseudo');
    try {
      for (const shown of [
        describeChange(entry('task', 'verification', 'not verified'), words),
        describeChange(entry('task', 'verification', 'verified'), words),
        describeChange(entry('data', 'restored from backup', null), words),
      ])
        expect(shown.match(/[A-Za-z]{2,}/g) ?? [], shown).toEqual([]);
    } finally {
      setMessageLocale('en');
    }
  });

  it('shows a new task by its title', () => {
    expect(describeChange(entry('task', 'created', 'todo', 'Change your password at Canva'), words)).toBe(
      'Task created: Change your password at Canva',
    );
  });

  it('words actions of several words, and keeps one it has no words for as it was recorded', () => {
    setMessageLocale('pseudo');
    expect(describeChange(entry('account', 'web address', 'https://canva.com'), words)).toMatch(
      /: https:\/\/canva\.com~+\]$/,
    );
    expect(describeChange(entry('account', 'web address', 'https://canva.com'), words)).toContain('ŵéƀ áðð');
    expect(describeChange(entry('account', 'archived', null), words)).toContain('archived');
    setMessageLocale('en');
    expect(describeChange(entry('account', 'web address', 'https://canva.com'), words)).toBe(
      'Account web address: https://canva.com',
    );
    expect(describeChange(entry('account', 'archived', null), words)).toBe('Account archived');
  });
});
