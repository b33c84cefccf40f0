import { describe, expect, it } from 'vitest';
import { CHANNELS, requestSchemas } from './schemas';

describe('the request schemas, built when first used', () => {
  it('lists every channel, in declaration order, as own enumerable keys', () => {
    expect(CHANNELS.length).toBeGreaterThan(100);
    expect(CHANNELS).toEqual(Object.keys(requestSchemas));
    expect(CHANNELS.slice(0, 3)).toEqual(['app:info', 'people:list', 'people:create']);
    for (const channel of CHANNELS) expect(Object.hasOwn(requestSchemas, channel)).toBe(true);
    expect(Object.hasOwn(requestSchemas, 'toString')).toBe(false);
    expect(Object.hasOwn(requestSchemas, 'people:nothing')).toBe(false);
  });

  it('builds each schema once and gives the same one after', () => {
    const first = requestSchemas['people:create'];
    expect(requestSchemas['people:create']).toBe(first);
    expect(first.safeParse({ name: 'Ana' }).success).toBe(true);
    expect(first.safeParse({ name: 'Ana', extra: 1 }).success).toBe(false);
    expect(Object.getOwnPropertyDescriptor(requestSchemas, 'people:create')).toMatchObject({
      value: first,
      writable: false,
    });
  });

  it('builds every channel’s schema without failing', () => {
    for (const channel of CHANNELS) expect(typeof requestSchemas[channel].safeParse).toBe('function');
  });
});
