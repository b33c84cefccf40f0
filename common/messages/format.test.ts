import { afterEach, describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGUE_PARTS, EN, type MessageId } from './en';
import { format, formatList, messageLocale, pseudoLocalise, setMessageLocale } from './format';

afterEach(() => setMessageLocale('en'));

describe('the message catalogue', () => {
  it('defines each id in one part only', () => {
    const seen = new Map<string, string>();
    for (const [part, messages] of Object.entries(CATALOGUE_PARTS)) {
      for (const id of Object.keys(messages)) {
        expect(seen.get(id), `${id} is in ${part} and ${seen.get(id)}`).toBeUndefined();
        seen.set(id, part);
      }
    }
    expect(seen.size).toBe(Object.keys(EN).length);
  });

  it('holds only messages that parse as ICU', () => {
    for (const [id, text] of Object.entries(EN)) {
      expect(() => new IntlMessageFormat(text, 'en', undefined, { ignoreTag: true }), id).not.toThrow();
    }
  });

  it('says 1 account, 2 accounts and 0 accounts', () => {
    expect(format('count.accounts', { count: 1 })).toBe('1 account');
    expect(format('count.accounts', { count: 2 })).toBe('2 accounts');
    expect(format('count.accounts', { count: 0 })).toBe('0 accounts');
    expect(format('count.rows', { count: 1 })).toBe('1 row');
    expect(format('count.people', { count: 1 })).toBe('1 person');
    expect(format('count.people', { count: 12 })).toBe('12 people');
    expect(format('count.accounts', { count: 1234 })).toBe('1,234 accounts');
  });

  it('refuses to leave a placeholder unfilled', () => {
    expect(() => format('names.androidApp')).toThrow();
  });

  it('has no unfilled braces or doubled spaces in any message without arguments', () => {
    for (const id of Object.keys(EN) as MessageId[]) {
      if (EN[id].includes('{')) continue;
      expect(format(id), id).not.toMatch(/\s{2}|\{|\}/);
    }
  });
});

describe('lists', () => {
  it('joins names as a sentence does, without a serial comma', () => {
    expect(formatList([])).toBe('');
    expect(formatList(['amazon.com'])).toBe('amazon.com');
    expect(formatList(['amazon.com', 'live.com'])).toBe('amazon.com and live.com');
    expect(formatList(['A', 'B', 'C'])).toBe('A, B and C');
    expect(formatList(['A', 'B', 'C'], 'or')).toBe('A, B or C');
  });
});

describe('the pseudo-locale', () => {
  it('accents and lengthens our words, in brackets, but keeps the values as given', () => {
    setMessageLocale('pseudo');
    expect(messageLocale()).toBe('pseudo');
    const text = format('names.androidApp', { name: 'Instagram' });
    expect(text).toMatch(/^\[Instagram \(Åñðŕöîð áþþ\)~+\]$/);
    // ~40 % longer than our own words (" (Android app)" is 14 characters: 6 tildes).
    expect(text.match(/~/g)).toHaveLength(6);
    expect(format('count.accounts', { count: 2 })).toBe('[2 áççöûñţš~~~~]');
  });

  it('keeps a nested message as it was formatted', () => {
    setMessageLocale('pseudo');
    const inner = format('count.accounts', { count: 1 });
    const outer = format('names.androidApp', { name: inner });
    expect(outer.startsWith(`[${inner} (`)).toBe(true);
  });

  it('chooses the same case of a select as in English, even nested in a plural', () => {
    setMessageLocale('en');
    expect(format('team.change.subject', { type: 'mail_scan' })).toBe('Mailbox scan');
    expect(
      format('finding.breached.title', { breached: 'X', when: '2020', more: 0, who: 'you', owner: 'Ann' }),
    ).toBe('X was breached in 2020');
    setMessageLocale('pseudo');
    expect(format('team.change.subject', { type: 'mail_scan' })).toBe('[Ṁáîļƀöẋ šçáñ~~~~~]');
    // The select picks "you" (no owner shown); the shown value keeps its fence.
    expect(
      format('finding.breached.title', { breached: 'X', when: '2020', more: 0, who: 'you', owner: 'Ann' }),
    ).toMatch(/^\[X ŵáš ƀŕéáçĥéð îñ 2020~+\]$/);
  });

  it('accents the words that join a list, not the names', () => {
    setMessageLocale('pseudo');
    expect(formatList(['A', 'B', 'C'])).toBe('A, B áñð C');
  });

  it('chooses the same branch of a select as English does (a selector is not a value to keep)', () => {
    setMessageLocale('pseudo');
    const added = format('cli.people.added', {
      name: 'Sam',
      hasGroup: 'yes',
      group: 'Office',
      hasEmails: 'no',
      emails: '',
    });
    expect(added).toBe('[Åððéð Sam (Office).~~~~]');
  });

  it('leaves a text of values only alone', () => {
    expect(pseudoLocalise('\u0001Bob\u0002')).toBe('Bob');
  });
});

describe('the history’s stored actions', () => {
  // What the services store as a history action (the Team screen's recent changes words it by its
  // key, the action with every run of non-word characters as "_"): none falls back to the stored text.
  const STORED = [
    'restored from backup',
    'breach found online',
    'verification',
    'cancelled',
    'failed',
    'imported',
    'dismissed',
    'reopened',
    'deletion undone',
  ];
  it.each(STORED)('"%s" is worded by the catalogue, in the pseudo-locale too', (recorded) => {
    const action = recorded.replace(/\W+/g, '_');
    setMessageLocale('pseudo');
    try {
      const shown = format('team.change.action', { action, recorded: `[stored ${recorded}]` });
      expect(shown).not.toContain('[stored');
      expect(shown.match(/[A-Za-z]{2,}/g) ?? [], shown).toEqual([]);
    } finally {
      setMessageLocale('en');
    }
  });
});
