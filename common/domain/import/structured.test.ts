import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError, detectFormat, parseExport, type ParsedExport } from './index';

const encode = (text: string) => new TextEncoder().encode(text);

function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

// ---------------------------------------------------------------------------------------------
// 1PUX, built in memory

interface OnePuxItem {
  categoryUuid?: string;
  state?: string;
  title?: string;
  urls?: string[];
  url?: string;
  username?: unknown;
  password?: string;
  detailsPassword?: string;
  totp?: string;
  updatedAt?: unknown;
}

/** A 1PUX archive (`export.attributes`, `export.data`, `files/`) holding the given vaults. */
function buildOnePux(vaults: Record<string, OnePuxItem[]>, extraFiles: Zippable = {}): Uint8Array {
  const data = {
    accounts: [
      {
        attrs: {
          accountName: 'Alex',
          name: 'Alex',
          avatar: '',
          email: 'alex@example.com',
          uuid: 'A1',
          domain: 'https://my.1password.com/',
        },
        vaults: Object.entries(vaults).map(([name, items], v) => ({
          attrs: { uuid: `v${v}`, desc: '', avatar: '', name, type: 'P' },
          items: items.map((item, i) => ({
            uuid: `i${v}-${i}`,
            favIndex: 0,
            createdAt: 1500000000,
            updatedAt: item.updatedAt ?? 1700000000,
            state: item.state ?? 'active',
            categoryUuid: item.categoryUuid ?? '001',
            details: {
              loginFields: [
                ...(item.username === undefined
                  ? []
                  : [
                      {
                        value: item.username,
                        id: '',
                        name: 'username',
                        fieldType: 'T',
                        designation: 'username',
                      },
                    ]),
                ...(item.password === undefined
                  ? []
                  : [
                      {
                        value: item.password,
                        id: '',
                        name: 'password',
                        fieldType: 'P',
                        designation: 'password',
                      },
                    ]),
              ],
              notesPlain: '',
              sections: item.totp
                ? [
                    {
                      title: '',
                      fields: [
                        {
                          title: 'one-time password',
                          id: 'TOTP_x',
                          value: { totp: item.totp },
                          guarded: false,
                          multiline: false,
                          dontGenerate: false,
                          inputTraits: {},
                        },
                      ],
                    },
                  ]
                : [],
              passwordHistory: [],
              ...(item.detailsPassword === undefined ? {} : { password: item.detailsPassword }),
            },
            overview: {
              subtitle: '',
              title: item.title ?? 'Item',
              url: item.url ?? item.urls?.[0] ?? '',
              ...(item.urls ? { urls: item.urls.map((url) => ({ label: '', url })) } : {}),
            },
          })),
        })),
      },
    ],
  };
  return zipSync({
    'export.attributes': strToU8(
      JSON.stringify({ version: 3, description: '1Password Unencrypted Export', createdAt: 1718906531 }),
    ),
    'export.data': strToU8(JSON.stringify(data)),
    'files/': new Uint8Array(0),
    ...extraFiles,
  });
}

describe('1Password 1PUX', () => {
  it('reads logins and passwords across vaults, numbering items in file order', () => {
    const bytes = buildOnePux({
      Personal: [
        {
          title: 'A',
          urls: ['https://a.com/', ' ', 'https://a2.com/'],
          username: 'ann',
          password: 'pw1',
          totp: 'otpauth://totp/A?secret=JBSWY3DPEHPK3PXP',
        },
        { title: 'Card', categoryUuid: '002' },
      ],
      Work: [
        { title: 'Router', categoryUuid: '005', detailsPassword: 'pw2', url: 'http://192.168.1.1/' },
        { title: 'Server', categoryUuid: '110' },
        { title: 'Old', username: 'old', password: 'pw3', state: 'archived' },
        { title: 'Odd date', username: 'x', password: 'pw4', updatedAt: 'yesterday' },
      ],
    });
    expect(detectFormat(bytes, 'x.1pux')).toEqual({ format: '1password-1pux', columns: [] });
    const result = parseExport(bytes, 'x.1pux');
    expect(result.entries).toEqual([
      {
        row: 1,
        title: 'A',
        urls: ['https://a.com/', 'https://a2.com/'],
        username: 'ann',
        password: 'pw1',
        hasTotp: true,
        passwordChangedAt: '2023-11-14T22:13:20.000Z',
        folder: 'Personal',
      },
      {
        row: 3,
        title: 'Router',
        urls: ['http://192.168.1.1/'],
        username: '',
        password: 'pw2',
        hasTotp: false,
        passwordChangedAt: '2023-11-14T22:13:20.000Z',
        folder: 'Work',
      },
      {
        row: 6,
        title: 'Odd date',
        urls: [],
        username: 'x',
        password: 'pw4',
        hasTotp: false,
        passwordChangedAt: null,
        folder: 'Work',
      },
    ]);
    expect(result.skipped).toEqual([
      { row: 2, reason: 'Credit card, not a login' },
      { row: 4, reason: 'Server, not a login' },
      { row: 5, reason: 'Archived item' },
    ]);
    expect(JSON.stringify(result)).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('reads an export.data that was unzipped by hand', () => {
    const zip = buildOnePux({ P: [{ title: 'A', username: 'ann', password: 'pw' }] });
    const exportData = unzipSync(zip)['export.data'] ?? new Uint8Array(0);
    expect(detectFormat(exportData, 'export.data').format).toBe('1password-1pux');
    const result = parseExport(exportData, 'export.data');
    expect(result.entries.map((entry) => [entry.row, entry.title, entry.folder])).toEqual([[1, 'A', 'P']]);
  });

  it('refuses ZIPs that are not 1PUX, with advice for Dashlane, Safari and spreadsheets', () => {
    const cases: [Zippable, string][] = [
      [{ 'credentials.csv': strToU8('username,title\n') }, 'credentials.csv'],
      [{ 'Passwords.csv': strToU8('Title,URL\n') }, 'Passwords.csv'],
      [{ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<w/>') }, 'CSV UTF-8'],
      [{ 'readme.txt': strToU8('hello') }, '.1pux'],
    ];
    for (const [files, hint] of cases) {
      const error = importError(() => parseExport(zipSync(files), 'archive.zip'));
      expect(error.code).toBe('unsupported');
      expect(error.message).toContain('archive.zip');
      expect(error.message).toContain(hint);
    }
  });

  it('refuses a damaged ZIP and a 1PUX whose export.data is not JSON', () => {
    const damaged = buildOnePux({ P: [] }).slice(0, 60);
    expect(importError(() => parseExport(damaged, 'cut.1pux')).code).toBe('malformed');
    const notJson = zipSync({ 'export.data': strToU8('{"accounts": [') });
    const error = importError(() => parseExport(notJson, 'bad.1pux'));
    expect(error.code).toBe('malformed');
    expect(error.message).toContain('bad.1pux');
  });

  it('refuses a 1PUX whose export.data has no accounts', () => {
    const bytes = zipSync({ 'export.data': strToU8('{"vaults": []}') });
    expect(importError(() => parseExport(bytes, 'x.1pux')).code).toBe('unsupported');
  });
});

// ---------------------------------------------------------------------------------------------
// Bitwarden JSON

function bitwardenJson(items: unknown[], extra: Record<string, unknown> = {}): Uint8Array {
  return encode(
    JSON.stringify({ encrypted: false, folders: [{ id: 'f1', name: 'Mail' }], items, ...extra }, null, 2),
  );
}

function login(
  fields: Record<string, unknown>,
  loginFields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: 'x',
    type: 1,
    name: 'Login',
    folderId: null,
    revisionDate: '2024-01-02T03:04:05.678Z',
    deletedDate: null,
    login: {
      uris: [{ match: null, uri: 'https://a.com/' }],
      username: 'ann',
      password: 'pw',
      totp: null,
      passwordRevisionDate: null,
      fido2Credentials: [],
      ...loginFields,
    },
    ...fields,
  };
}

describe('Bitwarden JSON', () => {
  it('reads logins, folders, dates and skips everything else with a reason', () => {
    const result = parseExport(
      bitwardenJson([
        login(
          { name: 'A', folderId: 'f1' },
          { passwordRevisionDate: '2023-05-06T07:08:09.000Z', totp: 'JBSWY3DPEHPK3PXPJBSWY3DP' },
        ),
        login({ name: 'B', revisionDate: 'not a date' }),
        login({ name: 'Trashed', deletedDate: '2024-01-01T00:00:00.000Z' }),
        { id: 'y', type: 9, name: 'Future type' },
        login({ name: 'Passkey' }, { password: null, fido2Credentials: [{ rpId: 'a.com' }] }),
        login({ name: 'No uris' }, { uris: null }),
      ]),
      'vault.json',
    );
    expect(result.entries).toEqual([
      {
        row: 1,
        title: 'A',
        urls: ['https://a.com/'],
        username: 'ann',
        password: 'pw',
        hasTotp: true,
        passwordChangedAt: '2023-05-06T07:08:09.000Z',
        folder: 'Mail',
      },
      {
        row: 2,
        title: 'B',
        urls: ['https://a.com/'],
        username: 'ann',
        password: 'pw',
        hasTotp: false,
        passwordChangedAt: null,
        folder: '',
      },
      {
        row: 6,
        title: 'No uris',
        urls: [],
        username: 'ann',
        password: 'pw',
        hasTotp: false,
        passwordChangedAt: '2024-01-02T03:04:05.678Z',
        folder: '',
      },
    ]);
    expect(result.skipped).toEqual([
      { row: 3, reason: 'In the trash' },
      { row: 4, reason: 'Item of type "9", not a login' },
      { row: 5, reason: 'No password (passkey only)' },
    ]);
  });

  it('recognises encrypted exports by flag, validation key or cipher strings', () => {
    const cipherItem = login({ name: '2.AAAAAAAAAAAAAAAAAAAAAA==|QUJDREVG|R0hJSktM' });
    const variants = [
      encode(
        JSON.stringify({
          encrypted: true,
          passwordProtected: true,
          salt: 'x',
          kdfType: 0,
          kdfIterations: 600000,
          encKeyValidation_DO_NOT_EDIT: '2.a|b|c',
          data: '2.a|b|c',
        }),
      ),
      encode(JSON.stringify({ encKeyValidation_DO_NOT_EDIT: '2.a|b|c', items: [] })),
      bitwardenJson([cipherItem]),
    ];
    for (const bytes of variants) {
      const error = importError(() => parseExport(bytes, 'bw.json'));
      expect(error.code).toBe('encrypted');
      expect(error.message).toContain('bw.json');
      expect(error.message).toContain('File → Export vault');
    }
  });

  it('refuses other JSON as unsupported and broken JSON as malformed, without quoting the file', () => {
    expect(importError(() => parseExport(encode('{"version":"1.0","vaults":{}}'), 'proton.json')).code).toBe(
      'unsupported',
    );
    expect(importError(() => parseExport(encode('[1,2,3]'), 'list.json')).code).toBe('unsupported');
    const broken = importError(() =>
      parseExport(encode('{"items": [{"login": {"password": "hunter2"'), 'cut.json'),
    );
    expect(broken.code).toBe('malformed');
    expect(broken.message).toContain('cut.json');
    expect(broken.message).not.toContain('hunter2');
  });

  it('an explicit format must agree with the content', () => {
    const error = importError(() =>
      parseExport(bitwardenJson([login({})]), 'vault.json', { format: 'chrome-csv' }),
    );
    expect(error.code).toBe('unsupported');
    expect(
      parseExport(bitwardenJson([login({})]), 'vault.json', { format: 'bitwarden-json' }).entries,
    ).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// KeePass XML

function keepassXml(
  rootBody: string,
  meta = '<RecycleBinUUID>QkJCQkJCQkJCQkJCQkJCQg==</RecycleBinUUID>',
): Uint8Array {
  return encode(
    `<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<KeePassFile>\n\t<Meta>${meta}</Meta>\n\t<Root>\n\t\t<Group><UUID>Um9vdA==</UUID><Name>Root</Name>${rootBody}</Group>\n\t</Root>\n</KeePassFile>\n`,
  );
}

function xmlEntry(strings: Record<string, string>, modified = '2024-06-20T18:02:11Z', inner = ''): string {
  const fields = Object.entries(strings)
    .map(([key, value]) => `<String><Key>${key}</Key><Value>${value}</Value></String>`)
    .join('');
  return `<Entry><UUID>x</UUID><Times><LastModificationTime>${modified}</LastModificationTime></Times>${fields}${inner}</Entry>`;
}

function parseXml(bytes: Uint8Array): ParsedExport {
  return parseExport(bytes, 'db.xml');
}

describe('KeePass 2 XML', () => {
  it('reads a single entry (not an array) and whitespace in values exactly', () => {
    const result = parseXml(
      keepassXml(xmlEntry({ Title: 'A', UserName: 'ann', Password: '  spaced pw ', URL: 'https://a.com/' })),
    );
    expect(result.entries).toEqual([
      {
        row: 1,
        title: 'A',
        urls: ['https://a.com/'],
        username: 'ann',
        password: '  spaced pw ',
        hasTotp: false,
        passwordChangedAt: '2024-06-20T18:02:11.000Z',
        folder: '',
      },
    ]);
  });

  it('reads KDBX 4 style base64 times and decodes numeric character references and CDATA', () => {
    // 63857000000 seconds since 0001-01-01 = 2024-07-16T… UTC, as 8 little-endian bytes in base64.
    const seconds = 63857000000n;
    const bytes = Array.from({ length: 8 }, (_, i) => Number((seconds >> BigInt(8 * i)) & 0xffn));
    const base64 = btoa(String.fromCharCode(...bytes));
    const result = parseXml(
      keepassXml(
        xmlEntry(
          { Title: 'A', Password: 'p&#228;ss&amp;&#x21;', URL: '<![CDATA[https://a.com/?a=1&b=<2>]]>' },
          base64,
        ),
      ),
    );
    expect(result.entries[0]).toMatchObject({
      password: 'päss&!',
      urls: ['https://a.com/?a=1&b=<2>'],
      passwordChangedAt: new Date((63857000000 - 62135596800) * 1000).toISOString(),
    });
  });

  it('skips history versions and the recycle bin, numbering every Entry in document order', () => {
    const history = `<History>${xmlEntry({ Title: 'A', Password: 'old1' })}${xmlEntry({ Title: 'A', Password: 'old2' })}</History>`;
    const result = parseXml(
      keepassXml(
        xmlEntry({ Title: 'A', Password: 'new' }, undefined, history) +
          `<Group><UUID>QkJCQkJCQkJCQkJCQkJCQg==</UUID><Name>Trash</Name>${xmlEntry({ Title: 'Gone', Password: 'x' })}</Group>` +
          `<Group><UUID>V29yaw==</UUID><Name>Work</Name>${xmlEntry({ Title: 'B', Password: 'pw' })}</Group>`,
      ),
    );
    expect(result.entries.map((entry) => [entry.row, entry.title, entry.folder])).toEqual([
      [1, 'A', ''],
      [5, 'B', 'Work'],
    ]);
    expect(result.skipped).toEqual([
      { row: 2, reason: 'Older version of an entry (KeePass history)' },
      { row: 3, reason: 'Older version of an entry (KeePass history)' },
      { row: 4, reason: 'In the recycle bin' },
    ]);
  });

  it('detects TOTP under every known key and never returns the secret', () => {
    const keys = ['otp', 'TimeOtp-Secret-Base32', 'TOTP Seed', 'TimeOtp-Secret-Hex'];
    const body = keys
      .map((key, i) => xmlEntry({ Title: key, Password: `pw${i}`, [key]: 'GEZDGNBVGY3TQOJQGEZDGNBV' }))
      .join('');
    const result = parseXml(
      keepassXml(body + xmlEntry({ Title: 'none', Password: 'pw', 'TOTP Settings': '30;6' })),
    );
    expect(result.entries.map((entry) => entry.hasTotp)).toEqual([true, true, true, true, false]);
    expect(JSON.stringify(result)).not.toContain('GEZDGNBV');
  });

  it('refuses malformed XML, DTDs, protected (encrypted) values and other XML', () => {
    const cut = encode('<?xml version="1.0"?>\n<KeePassFile><Root><Group><Entry>');
    expect(importError(() => parseExport(cut, 'cut.xml')).code).toBe('malformed');
    const doctype = encode(
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><KeePassFile><Root/></KeePassFile>',
    );
    expect(importError(() => parseExport(doctype, 'dtd.xml')).code).toBe('unsupported');
    const protectedValue = keepassXml(
      '<Entry><String><Key>Password</Key><Value Protected="True">c2VjcmV0</Value></String></Entry>',
    );
    const error = importError(() => parseExport(protectedValue, 'inner.xml'));
    expect(error.code).toBe('encrypted');
    expect(error.message).toContain('inner.xml');
    const other = encode('<?xml version="1.0"?><rss><channel/></rss>');
    expect(importError(() => parseExport(other, 'feed.xml')).code).toBe('unsupported');
  });

  it('finds <KeePassFile> after a declaration and comments, without stalling on many comments', () => {
    const withComment = encode(
      '\uFEFF<?xml version="1.0"?>\n<!-- exported by hand -->\n<KeePassFile><Root/></KeePassFile>',
    );
    expect(detectFormat(withComment, 'c.xml').format).toBe('keepass-xml');
    const many = encode(`${'<!--a-->'.repeat(50_000)}<x/>`);
    const started = performance.now();
    expect(importError(() => detectFormat(many, 'many.xml')).code).toBe('unsupported');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('an empty database is an error that says so, never an empty success', () => {
    const error = importError(() => parseXml(encode('<KeePassFile><Meta/><Root/></KeePassFile>')));
    expect(error.code).toBe('no_logins');
    expect(error.message).toBe(
      'db.xml has no logins to import: it holds no items at all. Lockstep imports sign-ins that have ' +
        'a password; check that you exported the right vault, or export again with passwords included.',
    );
  });
});
