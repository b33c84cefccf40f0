import { describe, expect, it } from 'vitest';
import { oneLine, terminalSafe } from './terminal';

describe('text for a terminal', () => {
  const hostile = [
    'Evil\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', // an OSC 8 link
    'Red\u001b[31malert\u001b[0m', // colours
    'Bell\u0007', // BEL
    'Shop\rAdmin', // a carriage return rewriting the line
    'abc\u202egpj.exe', // a right-to-left override
    'C1\u009b31m', // an 8-bit CSI
  ];

  it.each(hostile)('leaves no control character in %j, and shows where one was', (text) => {
    const safe = terminalSafe(text);
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    expect(safe).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(safe.length).toBe(text.length);
    expect(safe).not.toBe(text);
  });

  it('keeps the output’s own line breaks, but not those inside one value', () => {
    expect(terminalSafe('a\nb')).toBe('a\nb');
    expect(oneLine('a\nb\tc')).toBe('a\u240ab\u2409c');
    expect(terminalSafe('Zoë – Café ✓')).toBe('Zoë – Café ✓');
  });
});
