import { afterEach, describe, expect, it } from 'vitest';
import { MAIN } from './areas/main';
import { format, setMessageLocale } from './format';
import { plainMessage, usageRow, type PlainMessageId } from './plain';

afterEach(() => setMessageLocale('en'));

const USAGE_IDS = Object.keys(MAIN).filter((id) => id.startsWith('usage.')) as PlainMessageId[];

describe('messages read without compiling ICU', () => {
  it('read every usage message exactly as format() does, in English and in the pseudo-locale', () => {
    expect(USAGE_IDS.length).toBeGreaterThan(30);
    for (const id of USAGE_IDS) expect(plainMessage(id), id).toBe(format(id));
    setMessageLocale('pseudo');
    for (const id of USAGE_IDS) {
      expect(plainMessage(id), id).toBe(format(id));
      expect(plainMessage(id), id).toMatch(/^\[.*~\]$/s);
    }
  });

  it('lay a description at its column, on the next line when the syntax is too long', () => {
    expect(usageRow('  accounts', 'usage.accounts', 25)).toBe(
      '  accounts               List accounts with their password signals',
    );
    expect(usageRow('  findings [--person NAME | --group G]', 'usage.findings', 25)).toBe(
      `  findings [--person NAME | --group G]\n${' '.repeat(25)}List findings (open and closed) with their evidence`,
    );
    // A description of several lines continues under its column.
    expect(usageRow('  0', 'usage.exit.2', 5).split('\n')).toEqual([
      '  0  bad input or refused (for “backup restore”: not a good Lockstep backup), or another',
      '     Lockstep is changing the data (try again); nothing was written',
    ]);
  });
});
