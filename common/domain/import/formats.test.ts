import { describe, expect, it } from 'vitest';
import {
  ImportError,
  detectFormat,
  loginEmailAddresses,
  parseExport,
  type ImportFormat,
  type ImportedEntry,
  type ParsedExport,
} from './index';

const encode = (text: string) => new TextEncoder().encode(text);
const parse = (
  text: string,
  name = 'export.csv',
  options?: Parameters<typeof parseExport>[2],
): ParsedExport => parseExport(encode(text), name, options);
const detect = (text: string, name = 'export.csv'): ImportFormat | null =>
  detectFormat(encode(text), name).format;
const json = (value: unknown) => JSON.stringify(value, null, 2);

function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('TOTP in a field whose only purpose is TOTP', () => {
  // Before: values under 16 characters were taken for words like "none" and ignored.
  const cases: [string, string][] = [
    [
      'Bitwarden CSV',
      'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n,,login,A,,,0,https://a.com/,ann,pw,ABCDEF\n',
    ],
    [
      '1Password CSV',
      'Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes\nA,https://a.com/,ann,pw,x,false,false,,\n',
    ],
    [
      'LastPass',
      'url,username,password,totp,extra,name,grouping,fav\nhttps://a.com/,ann,pw,JBSWY3DP,,A,,0\n',
    ],
    ['Apple', 'Title,URL,Username,Password,Notes,OTPAuth\nA,https://a.com/,ann,pw,,otpauth://totp/A\n'],
    [
      'KeePassXC',
      '"Group","Title","Username","Password","URL","Notes","TOTP"\n"Root","A","ann","pw","https://a.com/","","123456"\n',
    ],
    [
      'Dashlane',
      'username,username2,username3,title,password,note,url,category,otpSecret\nann,,,A,pw,,a.com,,ABC\n',
    ],
    [
      'Proton',
      'type,name,url,username,password,note,totp,createTime,modifyTime,vault\nlogin,A,https://a.com/,ann,pw,,ABCDEF,1,1,V\n',
    ],
  ];
  for (const [label, text] of cases) {
    it(`${label}: any non-empty value means two-step is on`, () => {
      expect(parse(text).entries[0]?.hasTotp).toBe(true);
    });
  }

  it('Bitwarden JSON login.totp and a mapped one-time-code column', () => {
    const bitwarden = {
      encrypted: false,
      folders: [],
      items: [
        { id: 'a', type: 1, name: 'A', login: { uris: [], username: 'ann', password: 'pw', totp: '123456' } },
      ],
    };
    expect(parse(json(bitwarden), 'vault.json').entries[0]?.hasTotp).toBe(true);
    const mapped = parse('Site;Secret;Code\nA;pw;ABCDEF\n', 'mine.csv', {
      mapping: { title: 'Site', url: '', password: 'Secret', totp: 'Code' },
    });
    expect(mapped.entries[0]?.hasTotp).toBe(true);
  });

  it('whitespace alone is not a value', () => {
    const text = 'Title,URL,Username,Password,Notes,OTPAuth\nA,https://a.com/,ann,pw,,"  "\n';
    expect(parse(text).entries[0]?.hasTotp).toBe(false);
  });
});

describe('an import of nothing is an error that says why', () => {
  it('names what was skipped instead, most frequent first', () => {
    const text =
      'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n' +
      ',,note,N1,x,,0,,,,\n,,note,N2,x,,0,,,,\n,,note,N3,x,,0,,,,\n,,note,N4,x,,0,,,,\n' +
      ',,card,Visa,,,0,,,,\n,,card,Amex,,,0,,,,\n,,login,Slack,,,0,https://a.com/,ann,,\n';
    const error = importError(() => parse(text, 'vault.csv'));
    expect(error.code).toBe('no_logins');
    expect(error.message).toContain(
      'vault.csv has no logins to import: 4 secure notes, 2 credit cards and 1 entry without a password were skipped.',
    );
  });

  it('an empty Bitwarden, Enpass or Psono JSON export, and items of unknown kinds', () => {
    for (const value of [
      { encrypted: false, folders: [], items: [] },
      { folders: [{ uuid: 'f', title: 'Work', parent_uuid: '' }], items: [] },
      { folders: [{ name: 'Work', items: [], folders: [] }], items: [] },
    ]) {
      const error = importError(() => parse(json(value), 'vault.json'));
      expect(error.code).toBe('no_logins');
      expect(error.message).toContain('vault.json has no logins to import: it holds no items at all.');
    }
    const odd = {
      records: [
        { title: 'A', uid: '1', $type: 'photo' },
        { title: 'B', uid: '2', $type: 'file' },
      ],
    };
    expect(importError(() => parse(json(odd), 'k.json')).message).toContain(
      '2 items that are not a login were skipped',
    );
  });
});

describe('JSON formats are told apart by the shape of their items', () => {
  it('Enpass and Psono exports (folders and items, like Bitwarden) are not taken for an empty Bitwarden one', () => {
    const enpass = {
      folders: [{ uuid: 'f1', title: 'Work', parent_uuid: '' }],
      items: [
        {
          uuid: 'i1',
          title: 'A',
          category: 'login',
          template_type: 'login.default',
          trashed: 0,
          archived: 0,
          folders: ['f1'],
          fields: [
            { type: 'username', value: 'ann', deleted: 0 },
            { type: 'password', value: 'pw', deleted: 0 },
            { type: 'url', value: 'https://a.com/', deleted: 0 },
          ],
        },
      ],
    };
    expect(detect(json(enpass), 'e.json')).toBe('enpass-json');
    expect(parse(json(enpass), 'e.json').entries[0]).toMatchObject({ username: 'ann', folder: 'Work' });
    const psono = {
      folders: [],
      items: [
        {
          type: 'website_password',
          name: 'A',
          website_password_title: 'A',
          website_password_url: 'a.com',
          website_password_username: 'ann',
          website_password_password: 'pw',
        },
      ],
    };
    expect(detect(json(psono), 'p.json')).toBe('psono-json');
    const keeper = { shared_folders: [], records: [{ uid: 'x', title: 'A', login: 'ann', password: 'pw' }] };
    expect(detect(json(keeper), 'k.json')).toBe('keeper-json');
  });

  it('refuses JSON that is no known export, naming what it looks like, without quoting the file', () => {
    const proton = importError(() => parse(json({ version: '1.21', userId: 'u', vaults: {} }), 'pass.json'));
    expect(proton.code).toBe('unsupported');
    expect(proton.message).toContain('pass.json is not a supported export');
    expect(proton.message).toContain('Proton Pass');
    const items = importError(() => parse(json({ items: [{ secret: 'hunter2-secret' }] }), 'x.json'));
    expect(items.message).toContain('not a supported export');
    expect(items.message).not.toContain('hunter2');
  });
});

describe('Keeper', () => {
  it('CSV: recognised without a header; a quoted 7-column header of another tool is not', () => {
    expect(detect('"","Router","admin","pw","","",""\n')).toBe('keeper-csv');
    const generic =
      '"id","title","user","pass","url","notes","folder"\n"1","A","ann","pw","https://a.com/","",""\n';
    expect(detectFormat(encode(generic), 'x.csv')).toEqual({
      format: null,
      columns: ['id', 'title', 'user', 'pass', 'url', 'notes', 'folder'],
    });
  });

  it('CSV: a backslash doubled inside a folder name stays a backslash', () => {
    const result = parse('"A\\\\B\\C","T","ann","pw","https://a.com/","",""\n');
    expect(result.entries[0]?.folder).toBe('A\\B/C');
  });

  it('JSON: records without $type are logins; $oneTimeCode may be a list', () => {
    const result = parse(
      json({
        records: [
          { uid: '1', title: 'Old', login: 'ann', password: 'pw1', login_url: 'https://a.com/' },
          {
            uid: '2',
            title: 'New',
            login: 'bob',
            password: 'pw2',
            $type: 'login',
            custom_fields: {
              '$oneTimeCode::1': ['otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'],
              '$url:alt:1': 'https://b.com/',
            },
          },
        ],
      }),
      'keeper.json',
    );
    expect(result.entries.map((entry) => [entry.title, entry.hasTotp, entry.urls])).toEqual([
      ['Old', false, ['https://a.com/']],
      ['New', true, ['https://b.com/']],
    ]);
    expect(JSON.stringify(result)).not.toContain('JBSWY3DP');
  });
});

describe('Enpass', () => {
  it('CSV: one record on its own is recognised by Enpass marks ("*" hidden fields, an address after Website)', () => {
    expect(detect('Router,*Password,secret')).toBe('enpass-csv');
    expect(detect('Router,Password,secret,Website,https://router.example/')).toBe('enpass-csv');
    // A header of another tool with the same words is not (it has data rows that are not labels).
    expect(detect('Site,Username,Login,Password,Notes\nA,ann,ann@a.com,pw,\n')).toBeNull();
  });

  it('CSV: a one-time-code label with any value means TOTP; no login labels means a note', () => {
    const result = parse(
      '"Site","Username","ann","*Password","pw","One-time code","ABC"\n"Memo","Text","hello",""\n',
    );
    expect(result.entries.map((entry) => [entry.username, entry.hasTotp])).toEqual([['ann', true]]);
    expect(result.skipped).toEqual([{ row: 2, reason: 'Secure note, not a login' }]);
  });

  it('JSON: a folder tree that loops back on itself still ends', () => {
    const value = {
      folders: [
        { uuid: 'a', title: 'A', parent_uuid: 'b' },
        { uuid: 'b', title: 'B', parent_uuid: 'a' },
      ],
      items: [
        {
          uuid: 'i',
          title: 'T',
          category: 'login',
          template_type: 'login.default',
          folders: ['a'],
          fields: [{ type: 'password', value: 'pw' }],
        },
      ],
    };
    expect(parse(json(value), 'e.json').entries[0]?.folder).toBe('B/A');
  });
});

describe('Psono', () => {
  it('refuses folders nested deeper than any export, even without names', () => {
    let folder: Record<string, unknown> = { name: '', items: [] };
    for (let i = 0; i < 500; i++) folder = { name: '', folders: [folder] };
    const value = { folders: [folder], items: [] };
    const error = importError(() => parse(json(value), 'p.json'));
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('p.json');
  });
});

describe('Sticky Password XML', () => {
  const sticky = (body: string) => `<?xml version="1.0"?><root><Database>${body}</Database></root>`;

  it('a login no account links to is still a login, without title or address', () => {
    const result = parse(sticky('<Logins><Login ID="9" Name="ann" Password="pw"/></Logins>'), 's.xml');
    expect(result.entries[0]).toMatchObject({ title: '', urls: [], username: 'ann', password: 'pw' });
  });

  it('a group tree that loops back on itself still ends', () => {
    const result = parse(
      sticky(
        '<Logins><Login ID="1" Name="ann" Password="pw"/></Logins>' +
          '<Groups><Group ID="a" Name="A" ParentID="b"/><Group ID="b" Name="B" ParentID="a"/></Groups>' +
          '<Accounts><Account Name="T" Link="https://a.com/" ParentID="a"><LoginLinks><Login SourceLoginID="1"/></LoginLinks></Account></Accounts>',
      ),
      's.xml',
    );
    expect(result.entries[0]?.folder).toBe('B/A');
  });

  it('other XML with a <root> is not taken for Sticky Password', () => {
    expect(importError(() => parse('<root><item/></root>', 'r.xml')).code).toBe('unsupported');
  });
});

describe('Kaspersky TXT', () => {
  it('reads CRLF files; a CSV whose first cell looks like a key is still a CSV', () => {
    const text =
      'Websites\r\n\r\nWebsite name: A\r\nWebsite URL: a.com\r\nLogin: ann\r\nPassword: pw\r\nComment:\r\n\r\n---\r\n';
    expect(detect(text, 'k.txt')).toBe('kaspersky-txt');
    expect(parse(text, 'k.txt').entries[0]).toMatchObject({ title: 'A', urls: ['a.com'], password: 'pw' });
    expect(detect('Login,Password,URL\nann,pw,https://a.com/\n')).toBeNull();
  });
});

describe('Zoho Vault and RoboForm read past the header on purpose', () => {
  it('Zoho oldest: user name and password in the 4th and 5th fields', () => {
    const result = parse('"Secret Name","Secret URL","Notes"\n"A","https://a.com/","","ann","pw","extra"\n');
    expect(result.entries[0]).toMatchObject({ username: 'ann', password: 'pw' });
    expect(result.notices).toEqual([]);
  });

  it('RoboForm older layout: TOTP KEY$ in Rf_fields', () => {
    const result = parse(
      'Name,Url,Login,Pwd,Note,Folder,Rf_fields\nA,https://a.com/,ann,pw,,,User ID$:txt:ann,TOTP KEY$:txt:ABC\n',
    );
    expect(result.entries[0]).toMatchObject({ hasTotp: true, folder: '' });
  });
});

describe('loginEmailAddresses', () => {
  const entry = (username: string): ImportedEntry => ({
    row: 1,
    title: '',
    urls: [],
    username,
    password: 'pw',
    hasTotp: false,
    passwordChangedAt: null,
    folder: '',
  });

  it('the distinct, valid, lower-cased addresses used as user names, most used first', () => {
    const entries = [
      'ann@example.com',
      ' Bob@Example.ORG ',
      'ANN@example.com',
      'bob@example.org',
      'ann@example.com',
      'octo-morgan',
      'not an@address.com',
      'x@localhost',
      'carol@xn--bcher-kva.ch',
      'dave@example',
      '',
    ].map(entry);
    expect(loginEmailAddresses(entries)).toEqual([
      'ann@example.com',
      'bob@example.org',
      'carol@xn--bcher-kva.ch',
    ]);
    expect(loginEmailAddresses([])).toEqual([]);
  });
});
