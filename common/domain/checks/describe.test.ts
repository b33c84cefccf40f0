import { describe, expect, it } from 'vitest';
import { describeFinding, listNames } from './describe';

describe('describeFinding', () => {
  it('names every account that shares a password', () => {
    const text = describeFinding('password_reused', { groupId: 'abc' }, [
      'Facebook',
      'LinkedIn',
      'Myspace',
      'Dropbox',
    ]);
    expect(text.title).toBe('4 accounts share one password');
    expect(text.why).toContain('Facebook, LinkedIn, Myspace and Dropbox all use the same password');
  });

  it('says which source found a breached password, with the count when there is one', () => {
    expect(
      describeFinding('password_pwned', { source: 'common_list', commonRank: 1 }, ['Yahoo Mail']).why,
    ).toContain('100,000');
    expect(
      describeFinding('password_pwned', { source: 'online', timesSeen: 52301 }, ['Adobe']).why,
    ).toContain('52,301 times');
  });

  it('says what a breach notice reported, and which accounts and addresses it concerns', () => {
    const text = describeFinding(
      'breach_notice',
      {
        provider: 'Yahoo',
        receivedOn: '2026-11-20',
        exposed: ['Email messages', 'Phone numbers'],
        emails: ['ann@example.com'],
      },
      ['Yahoo Mail'],
    );
    expect(text.title).toBe('Yahoo told you about a breach');
    expect(text.why).toBe(
      'Their notice of 2026-11-20 says email messages and phone numbers were exposed. It concerns your account at Yahoo Mail and ann@example.com.',
    );
    expect(text.action).toMatch(/guide/);
    expect(
      describeFinding('breach_notice', { provider: 'Acme', receivedOn: '2026-01-02', exposed: [] }, []).why,
    ).toBe('Their notice of 2026-01-02 says some of your data was exposed.');
  });

  it('passes the strength warning through', () => {
    const text = describeFinding(
      'password_weak',
      { score: 1, warning: 'This is similar to a commonly used password.' },
      ['Canva'],
    );
    expect(text.title).toBe('Your Canva password is weak');
    expect(text.why).toContain('similar to a commonly used password');
  });

  it('names whose account it is when the file holds several people', () => {
    const people = { owners: ['Priya'] };
    expect(describeFinding('password_weak', { score: 1 }, ['Canva'], people).title).toBe(
      "Priya's Canva password is weak",
    );
    expect(describeFinding('mfa_available', {}, ['Dropbox'], people).title).toBe(
      "Turn on two-step sign-in at Priya's Dropbox",
    );
    expect(describeFinding('insecure_url', {}, ['Retro'], people).title).toBe(
      'Priya signs in to Retro on an unencrypted page',
    );
    expect(
      describeFinding(
        'breached_service',
        { breachDate: '2013-10-04', dataClasses: ['Passwords'] },
        ['Adobe'],
        people,
      ).title,
    ).toBe("Adobe was breached in October 2013 (Priya's account)");
    expect(
      describeFinding('breach_notice', { provider: 'Yahoo', receivedOn: '2026-11-20', exposed: [] }, [], {
        owners: [],
        person: 'Tom',
      }).title,
    ).toBe('Yahoo told Tom about a breach');
    expect(
      describeFinding('email_in_breach', { address: 'tom@tea.example', title: 'Dropbox' }, [], {
        owners: [],
        person: 'Tom',
      }).title,
    ).toBe("Tom's address tom@tea.example is in the Dropbox breach");
  });

  it('says a password shared between people usually means a shared login', () => {
    const text = describeFinding('password_reused', {}, ['Yahoo Mail', 'Tiny Tea Co. shop'], {
      owners: ['Priya', 'Tom'],
    });
    expect(text.title).toBe("Priya's Yahoo Mail and Tom's Tiny Tea Co. shop use the same password");
    expect(text.why).toContain('shared login');
    expect(text.action).toContain('their own sign-in');
    const own = describeFinding('password_reused', {}, ['Yahoo Mail', 'Etsy'], {
      owners: ['Priya', 'Priya'],
    });
    expect(own.title).toBe("Priya's 2 accounts share one password");
    expect(own.why).toContain("Priya's Yahoo Mail and Etsy all use the same password");
    expect(own.why).not.toContain('shared login');
  });

  it('joins names naturally', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B'])).toBe('A and B');
  });
});
