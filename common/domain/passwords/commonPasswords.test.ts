import { describe, expect, it } from 'vitest';
import { createCommonPasswordSet } from './commonPasswords';

describe('createCommonPasswordSet', () => {
  it('ranks passwords by line, most common first, 1-based', () => {
    const list = createCommonPasswordSet('123456\n123456789\nqwerty\npassword\n');
    expect(list.rank('123456')).toBe(1);
    expect(list.rank('qwerty')).toBe(3);
    expect(list.rank('password')).toBe(4);
    expect(list.size).toBe(4);
  });

  it('matches exactly and case-sensitively', () => {
    const list = createCommonPasswordSet('password\nletmein');
    expect(list.rank('Password')).toBeNull();
    expect(list.rank('password1')).toBeNull();
    expect(list.rank('passwor')).toBeNull();
    expect(list.rank('')).toBeNull();
    expect(list.rank('letmein')).toBe(2);
  });

  it('reads CRLF line ends and a byte-order mark', () => {
    const list = createCommonPasswordSet('\uFEFFdragon\r\nmonkey\r\n');
    expect(list.rank('dragon')).toBe(1);
    expect(list.rank('monkey')).toBe(2);
    expect(list.rank('monkey\r')).toBeNull();
  });

  it('ignores empty lines and keeps the first rank of a duplicate', () => {
    const list = createCommonPasswordSet('\n\nalpha\n\nbeta\nalpha\n\r\ngamma');
    expect(list.rank('alpha')).toBe(1);
    expect(list.rank('beta')).toBe(2);
    expect(list.rank('gamma')).toBe(4);
    expect(list.size).toBe(3);
  });

  it('keeps spaces, which can be part of a password', () => {
    const list = createCommonPasswordSet('i love you\n password');
    expect(list.rank('i love you')).toBe(1);
    expect(list.rank(' password')).toBe(2);
    expect(list.rank('password')).toBeNull();
  });

  it('handles an empty list', () => {
    const list = createCommonPasswordSet('');
    expect(list.size).toBe(0);
    expect(list.rank('password')).toBeNull();
  });

  it('loads 100,000 lines quickly', () => {
    const text = Array.from({ length: 100_000 }, (_, index) => `pw${index}`).join('\n');
    const started = performance.now();
    const list = createCommonPasswordSet(text);
    expect(performance.now() - started).toBeLessThan(500);
    expect(list.rank('pw99999')).toBe(100_000);
  });
});
