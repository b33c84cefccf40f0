import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError, detectFormat, parseExport, type ParsedExport } from './index';

/** Runs both entry points; anything thrown must be an ImportError whose message names the file. */
function readOrRefuse(bytes: Uint8Array, fileName = 'fuzz.csv'): ParsedExport | ImportError {
  const started = performance.now();
  try {
    detectFormat(bytes, fileName);
    return parseExport(bytes, fileName);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    expect(error.message).toContain(fileName);
    return error;
  } finally {
    expect(performance.now() - started).toBeLessThan(500);
  }
}

const HEADERS = [
  'name,url,username,password,note',
  'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp',
  'url,username,password,totp,extra,name,grouping,fav',
  '"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"',
  'type,name,url,email,username,password,note,totp,createTime,modifyTime,vault',
  'name;url;username;password',
  'a,b,c',
];

/** CSV-ish text: a known header (or none) followed by cells full of delimiters, quotes and line ends. */
const csvText = fc
  .tuple(
    fc.constantFrom(...HEADERS, ''),
    fc.array(
      fc.array(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.constantFrom(
            '"',
            '""',
            ',',
            ';',
            '\t',
            '\r\n',
            '\n',
            '\r',
            'http://sn',
            'chrome://x',
            'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP',
            '=1+1',
            '\uFEFF',
            'login',
            'note',
          ),
        ),
        { maxLength: 12 },
      ),
      { maxLength: 30 },
    ),
  )
  .map(([header, rows]) => [header, ...rows.map((cells) => cells.join(','))].join('\n'))
  .filter((text) => text.length <= 4096);

describe('any input is read or refused with an ImportError', () => {
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        readOrRefuse(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('random CSV-ish text, as UTF-8 and as UTF-16LE with BOM', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        const result = readOrRefuse(new TextEncoder().encode(text));
        if (!(result instanceof ImportError)) {
          for (const entry of result.entries) {
            expect(entry.password).not.toBe('');
            expect(entry.row).toBeGreaterThan(0);
          }
          expect(JSON.stringify(result)).not.toContain('JBSWY3DPEHPK3PXP');
        }
        const utf16 = new Uint8Array(2 + text.length * 2);
        utf16.set([0xff, 0xfe]);
        for (let i = 0; i < text.length; i++) {
          utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
          utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
        }
        readOrRefuse(utf16);
      }),
      { numRuns: 300 },
    );
  });

  it('random JSON values, XML-ish text and ZIPs', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (json) => {
        readOrRefuse(new TextEncoder().encode(json), 'fuzz.json');
        readOrRefuse(new TextEncoder().encode(`{"encrypted":false,"items":[${json}]}`), 'fuzz.json');
        readOrRefuse(
          new TextEncoder().encode(`{"accounts":[{"vaults":[{"items":[${json}]}]}]}`),
          'fuzz.json',
        );
        readOrRefuse(zipSync({ 'export.data': strToU8(json) }), 'fuzz.1pux');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        readOrRefuse(
          new TextEncoder().encode(`<KeePassFile><Root><Group>${text}</Group></Root></KeePassFile>`),
          'fuzz.xml',
        );
        readOrRefuse(new TextEncoder().encode(`<${text}`), 'fuzz.xml');
      }),
      { numRuns: 300 },
    );
  });
});

describe('the newer formats read or refuse anything in their containers', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('random items as Keeper records, Enpass items, Psono items and folders', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (json) => {
        readOrRefuse(
          encode(`{"shared_folders":[],"records":[${json},{"uid":"1","title":"T"}]}`),
          'fuzz.json',
        );
        readOrRefuse(
          encode(
            `{"folders":[${json}],"items":[${json},{"uuid":"u","category":"login","fields":[${json}]}]}`,
          ),
          'fuzz.json',
        );
        readOrRefuse(
          encode(
            `{"folders":[{"name":"f","items":[${json}],"folders":[${json}]}],"items":[{"type":"website_password"}]}`,
          ),
          'fuzz.json',
        );
      }),
      { numRuns: 200 },
    );
  });

  it('random text as Keeper and Enpass rows, a Kaspersky entry and Sticky Password XML', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 20 }), { maxLength: 15 }),
        fc.string({ maxLength: 200 }),
        (cells, text) => {
          const quoted = cells.map((cell) => `"${cell.replace(/"/g, '""')}"`);
          readOrRefuse(encode(['"F","T","u","p","https://a.com/","",""', quoted.join(',')].join('\n')));
          readOrRefuse(encode(['Site,*Password,secret', cells.join(',')].join('\n')));
          readOrRefuse(encode(`Websites\n\nWebsite name: A\nLogin: u\n${text}\n---\n`), 'fuzz.txt');
          readOrRefuse(
            encode(
              `<root><Database><Logins><Login ID="1" Name="u" Password="p"/></Logins>${text}</Database></root>`,
            ),
            'fuzz.xml',
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('performance', () => {
  /** A Bitwarden-style export with quoted notes, TOTP URIs and a few notes to skip. */
  function bigExport(rows: number): Uint8Array {
    const lines = [
      'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp',
    ];
    for (let i = 0; i < rows; i++) {
      const type = i % 50 === 0 ? 'note' : 'login';
      const notes = i % 7 === 0 ? `"line one, with comma\nline ""two"" ${i}"` : '';
      const totp = i % 6 === 0 ? `otpauth://totp/Site${i}:user?secret=JBSWY3DPEHPK3PXP&issuer=Site${i}` : '';
      lines.push(
        `Work,,${type},Account ${i},${notes},,0,https://site${i % 300}.example.com/login,user${i}@example.com,Pw-${i}-x7!Q,${totp}`,
      );
    }
    return new TextEncoder().encode(lines.join('\r\n'));
  }

  it('reads a 10,000-row CSV well within a second (target: under 300 ms)', () => {
    const bytes = bigExport(10_000);
    parseExport(bytes, 'warm-up.csv');
    const started = performance.now();
    const result = parseExport(bytes, 'big.csv');
    const elapsed = performance.now() - started;
    expect(result.entries).toHaveLength(9_800);
    expect(result.skipped).toHaveLength(200);
    // Generous bound so a busy CI machine does not fail it; a quadratic slip would still blow it.
    expect(elapsed).toBeLessThan(1_000);
  });

  it('stays linear on a 2 MB single-column file without delimiters', () => {
    const text = `url\n${'https://example.com/a\n'.repeat(100_000)}`;
    const started = performance.now();
    expect(() => parseExport(new TextEncoder().encode(text), 'one-column.csv')).toThrow(ImportError);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
