import { tokenizer } from 'acorn';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { asciiRegexesAndComments, ensureCli } from './buildCli.mjs';

const ROOT = join(import.meta.dirname, '..');
const NON_ASCII = /[^\0-\x7f]/;

/** What a piece of code gives back, run on its own. */
const evaluate = (code) => runInNewContext(code, {});

describe('asciiRegexesAndComments', () => {
  const samples = [
    // Words of other languages, a letter range, a full-width colon, as the mailbox scan writes them.
    String.raw`[/clé secrète|schlüssel|códigos/i, /[À-ÖØ-öø-ÿ]+/, /^\s*[:=：]/]`,
    // An escaped non-ASCII character is the character itself.
    String.raw`[/a\é|\–b/]`,
    // Beyond the Basic Multilingual Plane, with and without the u flag, and in a class.
    String.raw`[/😀+/u, /x😀/, /[😀-😂]/u, /(?<é>ü)\k<é>/]`,
  ];
  const probes = [
    'clé secrète',
    'SCHLÜSSEL',
    'Ångström',
    ' ：',
    'a\u00e9',
    '–b',
    '😀😀',
    'x😀',
    '😁',
    'üü',
    'ab',
    '',
  ];

  it.each(samples)('writes %s in ASCII, matching exactly what it matched before', (code) => {
    const escaped = asciiRegexesAndComments(code, tokenizer);
    expect(NON_ASCII.test(escaped)).toBe(false);
    const before = evaluate(code);
    const after = evaluate(escaped);
    for (const [i, pattern] of before.entries()) {
      expect(after[i].flags).toBe(pattern.flags);
      for (const probe of probes)
        expect([i, probe, after[i].test(probe)]).toEqual([i, probe, pattern.test(probe)]);
    }
  });

  it('escapes comments, and leaves strings, templates and division alone', () => {
    const code = [
      '// a note — with a dash',
      '/* and “quotes” */',
      'const raw = String.raw`— stays —`;',
      'const cooked = `é`;',
      "const text = 'ü';",
      'const ratio = 6 / 2 / 3;',
      '[raw, cooked, text, ratio]',
    ].join('\n');
    const escaped = asciiRegexesAndComments(code, tokenizer);
    expect(escaped).toContain('// a note \\u2014 with a dash');
    expect(escaped).toContain('/* and \\u201cquotes\\u201d */');
    expect(escaped).toContain('String.raw`— stays —`');
    expect(evaluate(escaped)).toEqual(['— stays —', 'é', 'ü', 1]);
  });

  it('returns code without such characters unchanged', () => {
    const code = 'const a = /x+/g; // plain\nconst b = `y`;';
    expect(asciiRegexesAndComments(code, tokenizer)).toBe(code);
  });
});

describe('the built command line', () => {
  it('is ASCII throughout: one other character makes V8 hold the whole bundle as two-byte text', async () => {
    await ensureCli(ROOT);
    const bundle = readFileSync(join(ROOT, 'out/cli/commands.cjs'), 'utf8');
    const found = bundle.match(/.{0,60}[^\0-\x7f].{0,20}/);
    // Where there is one, it is in a String.raw source: write that comment in ASCII.
    expect(found?.[0] ?? null).toBeNull();
  });
});
