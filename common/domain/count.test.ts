import { describe, expect, it } from 'vitest';
import { count } from './count';

describe('count', () => {
  it('uses the singular for exactly one, the plural otherwise, with grouped digits', () => {
    expect(count(1, 'account')).toBe('1 account');
    expect(count(0, 'account')).toBe('0 accounts');
    expect(count(5000, 'open finding')).toBe('5,000 open findings');
    expect(count(2, 'person', 'people')).toBe('2 people');
  });
});
