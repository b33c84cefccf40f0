import { describe, expect, it } from 'vitest';
import { setMessageLocale } from '../../messages/format';
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
      'Their notice of 2026-11-20 lists what was exposed: email messages and phone numbers. It concerns your account at Yahoo Mail and ann@example.com.',
    );
    expect(text.action).toMatch(/guide/);
    expect(
      describeFinding('breach_notice', { provider: 'Acme', receivedOn: '2026-01-02', exposed: [] }, []).why,
    ).toBe('Their notice of 2026-01-02 says some of your data was exposed.');
  });

  it('words the strength on the one scale, and zxcvbn’s warning key in our own words', () => {
    const text = describeFinding('password_weak', { score: 2, warning: 'similarToCommon' }, ['Canva']);
    expect(text.title).toBe('Your Canva password is easy to guess');
    expect(text.why).toBe(
      'Its strength is “Fair” (guessable in days to months). Within a hundred million guesses: up to a few months of trying at the sign-in page, but under three hours with a leaked copy of the site’s passwords. It is very close to a commonly used password.',
    );
    // zxcvbn's own English (stored by an older version) is never shown.
    const old = describeFinding(
      'password_weak',
      { score: 1, warning: 'There should not be any personal or page related data.' },
      ['Canva'],
    );
    expect(old.why).not.toContain('page related');
    expect(old.why).toMatch(/^Its strength is “Weak” \(guessable in minutes to hours\)\. [^ ].*passwords\.$/);
  });

  it('agrees with what a notice lists, one item or several', () => {
    const one = describeFinding(
      'breach_notice',
      { provider: 'Microsoft', receivedOn: '2024-03-08', exposed: ['Email messages'] },
      [],
    );
    expect(one.why).toBe('Their notice of 2024-03-08 lists what was exposed: email messages.');
  });

  it('says two accounts both use a password, and three all use it', () => {
    expect(describeFinding('password_reused', {}, ['amazon.com', 'live.com']).why).toMatch(
      /^amazon\.com and live\.com both use the same password\./,
    );
    expect(describeFinding('password_reused', {}, ['A', 'B', 'C']).why).toMatch(/^A, B and C all use/);
  });

  it('counts with the right plural', () => {
    expect(describeFinding('password_check_gap', { source: 'online' }, ['A']).title).toBe(
      '1 password was not checked online',
    );
    expect(describeFinding('email_in_breach', { address: 'a@b.c', breaches: [1, 2] }, []).title).toBe(
      'a@b.c is in 2 breaches',
    );
    expect(describeFinding('password_pwned', { source: 'online', timesSeen: 1 }, ['X']).why).toContain(
      'appeared 1 time in',
    );
  });

  it('comes through the catalogue: in the pseudo-locale only the names stay plain', () => {
    setMessageLocale('pseudo');
    try {
      const text = describeFinding('mfa_available', { methods: ['totp', 'sms'] }, ['Dropbox']);
      expect(text.title).toMatch(/^\[Ţûŕñ öñ ţŵö-šţéþ šîĝñ-îñ áţ Dropbox~+\]$/);
      const plain = [text.title, text.why, text.action].join(' ').replace(/Dropbox/g, '');
      expect(plain).not.toMatch(/[A-Za-z]{3,}/);
    } finally {
      setMessageLocale('en');
    }
  });

  it('names whose account it is when the file holds several people', () => {
    const people = { owners: ['Priya'] };
    expect(describeFinding('password_weak', { score: 1 }, ['Canva'], people).title).toBe(
      "Priya's Canva password is easy to guess",
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
    expect(own.why).toContain("Priya's Yahoo Mail and Etsy both use the same password");
    expect(own.why).not.toContain('shared login');
  });

  it('joins names naturally', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B'])).toBe('A and B');
  });
});
