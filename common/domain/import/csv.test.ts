import { describe, expect, it } from 'vitest';
import { ImportError, detectFormat, parseExport, type ImportFormat, type ParsedExport } from './index';

const encode = (text: string) => new TextEncoder().encode(text);
const parse = (text: string, options?: Parameters<typeof parseExport>[2]): ParsedExport =>
  parseExport(encode(text), 'export.csv', options);
const detect = (text: string): ImportFormat | null => detectFormat(encode(text), 'export.csv').format;

function importError(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('CSV structure', () => {
  const header = 'name,url,username,password,note';

  it('reads LF, CRLF and old-Mac CR line ends alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const result = parse(
        [header, 'a.com,https://a.com/,ann,pw1,', 'b.com,https://b.com/,bob,pw2,'].join(eol),
      );
      expect(result.entries.map((entry) => [entry.row, entry.username, entry.password])).toEqual([
        [1, 'ann', 'pw1'],
        [2, 'bob', 'pw2'],
      ]);
    }
  });

  it('counts a quoted multi-line value as one record and keeps doubled quotes as one', () => {
    const result = parse(
      `${header}\na.com,https://a.com/,ann,"p""w,1","line 1\r\nline 2\nline ""3"""\nb.com,https://b.com/,bob,pw2,\n`,
    );
    expect(result.entries.map((entry) => [entry.row, entry.password])).toEqual([
      [1, 'p"w,1'],
      [2, 'pw2'],
    ]);
  });

  it('skips blank lines without counting them and ignores a missing final line end', () => {
    const result = parse(`${header}\n\na.com,https://a.com/,ann,pw1,\n   \n\nb.com,https://b.com/,bob,pw2,`);
    expect(result.entries.map((entry) => entry.row)).toEqual([1, 2]);
    expect(result.skipped).toEqual([]);
  });

  it('reads a row shorter than the header with the missing fields empty, and says so', () => {
    // Browsers leave a trailing empty field out; such a row used to be refused.
    const result = parse(
      `${header}\na.com,https://a.com/,ann,pw1\nb.com,https://b.com/,bob,pw2\nc.com,https://c.com/,cat,pw3,\n`,
    );
    expect(result.entries.map((entry) => [entry.row, entry.username, entry.password])).toEqual([
      [1, 'ann', 'pw1'],
      [2, 'bob', 'pw2'],
      [3, 'cat', 'pw3'],
    ]);
    expect(result.skipped).toEqual([]);
    expect(result.notices).toEqual([
      '2 rows had fewer fields than the header; the missing fields were read as empty.',
    ]);
    // Missing fields count as empty, so a row cut before its password is skipped for that.
    const cut = parse(`${header}\nb.com,https://b.com/,bob\nc.com,https://c.com/,cat,pw3,\n`);
    expect(cut.skipped).toEqual([{ row: 1, reason: 'No password' }]);
    expect(cut.notices).toEqual([
      '1 row had fewer fields than the header; the missing fields were read as empty.',
    ]);
  });

  it('skips a row longer than the header (its values may have shifted), naming both counts', () => {
    const result = parse(`${header}\na.com,https://a.com/,ann,pw,1,2\nc.com,https://c.com/,cat,pw3,\n`);
    expect(result.skipped).toEqual([
      {
        row: 1,
        reason: 'Row has 6 fields but the header has 5, so its values may have shifted; it was not read',
      },
    ]);
    expect(result.entries.map((entry) => [entry.row, entry.password])).toEqual([[2, 'pw3']]);
    expect(result.notices).toEqual([
      '1 row had more fields than the header and was not read: its values may have shifted ' +
        '(a comma in a value that was not quoted).',
    ]);
  });

  it('accepts trailing empty fields beyond the header (a stray delimiter at the line end)', () => {
    const result = parse(`${header}\na.com,https://a.com/,ann,pw1,,\n`);
    expect(result.entries).toHaveLength(1);
  });

  it('skips a row with text after a closing quote instead of guessing its values', () => {
    const result = parse(`${header}\na.com,https://a.com/,"ann"x,pw1,\nb.com,https://b.com/,"bob" ,pw2,\n`);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]?.row).toBe(1);
    expect(result.skipped[0]?.reason).toContain('quote');
    expect(result.entries[0]).toMatchObject({ row: 2, username: 'bob' });
  });

  it('treats quotes inside an unquoted value as text', () => {
    const result = parse(`${header}\na.com,https://a.com/,ann,pa"ss"word,\n`);
    expect(result.entries[0]?.password).toBe('pa"ss"word');
  });

  it('refuses an unterminated quote, naming the file, row and line', () => {
    const error = importError(() =>
      parseExport(
        encode(`${header}\na.com,https://a.com/,ann,pw1,"note\nmore\nb.com,https://b.com/,bob,pw2,\n`),
        'cut.csv',
      ),
    );
    expect(error.code).toBe('malformed');
    expect(error.message).toContain('cut.csv');
    expect(error.message).toContain('row 1 (line 2)');
  });

  it('refuses an unterminated quote in the header', () => {
    const error = importError(() => parse('"name,url\na,b\n'));
    expect(error.code).toBe('malformed');
    expect(error.message).toContain('header');
  });

  it('reads semicolon- and tab-delimited files, choosing the delimiter from the header line', () => {
    const semicolon = parse('name;url;username;password\na.com;https://a.com/?x=1,2;ann;p,w\n');
    expect(semicolon.format).toBe('chrome-csv');
    expect(semicolon.entries[0]).toMatchObject({ urls: ['https://a.com/?x=1,2'], password: 'p,w' });
    const tab = parse('name\turl\tusername\tpassword\na.com\thttps://a.com/\tann\tp;w,1\n');
    expect(tab.entries[0]).toMatchObject({ username: 'ann', password: 'p;w,1' });
  });

  it('keeps passwords exactly, including surrounding spaces, but trims titles, user names and URLs', () => {
    const result = parse(`${header}\n  a.com  , https://a.com/ ,  ann , pw with spaces  ,\n`);
    expect(result.entries[0]).toMatchObject({
      title: 'a.com',
      urls: ['https://a.com/'],
      username: 'ann',
      password: ' pw with spaces  ',
    });
  });

  it('returns formula-looking cells verbatim, never evaluated or altered', () => {
    const cells = [
      '=HYPERLINK("http://evil.example","x")',
      '@SUM(1+1)',
      "+cmd|' /C calc'!A0",
      '-2+3',
      '=1+1',
    ];
    const rows = cells.map(
      (cell) =>
        `"${cell.replace(/"/g, '""')}",https://a.com/,"${cell.replace(/"/g, '""')}","${cell.replace(/"/g, '""')}",`,
    );
    const result = parse([header, ...rows].join('\n'));
    expect(result.entries.map((entry) => entry.title)).toEqual(cells);
    expect(result.entries.map((entry) => entry.username)).toEqual(cells);
    expect(result.entries.map((entry) => entry.password)).toEqual(cells);
  });

  it('fails with header_only when there are column names but no rows', () => {
    for (const text of [header, `${header}\n`, `${header}\r\n\r\n\r\n`]) {
      const error = importError(() => parseExport(encode(text), 'only.csv'));
      expect(error.code).toBe('header_only');
      expect(error.message).toBe('only.csv has column names but no entries.');
    }
  });

  it('fails with unknown_columns listing the header when nothing matches', () => {
    const error = importError(() => parse('a,b,c\n1,2,3\n'));
    expect(error.code).toBe('unknown_columns');
    expect(error.details.columns).toEqual(['a', 'b', 'c']);
    expect(error.message).toContain('export.csv');
  });
});

describe('format detection from the set of header names', () => {
  const cases: [string, string, ImportFormat][] = [
    [
      'Bitwarden',
      'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp',
      'bitwarden-csv',
    ],
    [
      'Bitwarden organisation',
      'collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp',
      'bitwarden-csv',
    ],
    ['Chrome with note', 'name,url,username,password,note', 'chrome-csv'],
    ['Chrome without note', 'name,url,username,password', 'chrome-csv'],
    ['Chrome, other order and case, quoted', '"Password","URL","Name","Username"', 'chrome-csv'],
    [
      'Firefox',
      '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed","timePasswordChanged"',
      'firefox-csv',
    ],
    ['1Password 8', 'Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes', '1password-csv'],
    ['Apple', 'Title,URL,Username,Password,Notes,OTPAuth', 'apple-csv'],
    ['LastPass', 'url,username,password,totp,extra,name,grouping,fav', 'lastpass-csv'],
    ['LastPass without totp', 'url,username,password,extra,name,grouping,fav', 'lastpass-csv'],
    [
      'KeePassXC',
      '"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"',
      'keepassxc-csv',
    ],
    ['KeePassXC, old 6 columns', '"Group","Title","Username","Password","URL","Notes"', 'keepassxc-csv'],
    [
      'Dashlane otpUrl',
      'username,username2,username3,title,password,note,url,category,otpUrl',
      'dashlane-csv',
    ],
    [
      'Dashlane otpSecret',
      'username,username2,username3,title,password,note,url,category,otpSecret',
      'dashlane-csv',
    ],
    [
      'Proton, newest',
      'type,name,url,autofillUrls,email,username,password,note,totp,createTime,modifyTime,vault',
      'protonpass-csv',
    ],
    [
      'Proton with email',
      'type,name,url,email,username,password,note,totp,createTime,modifyTime,vault',
      'protonpass-csv',
    ],
    [
      'Proton, oldest',
      'type,name,url,username,password,note,totp,createTime,modifyTime,vault',
      'protonpass-csv',
    ],
    [
      'NordPass 24',
      'name,url,additional_urls,username,password,note,cardholdername,cardnumber,cvc,pin,expirydate,zipcode,folder,shared_folder,full_name,phone_number,email,address1,address2,city,country,state,type,custom_fields',
      'nordpass-csv',
    ],
    [
      'NordPass 22',
      'name,url,additional_urls,username,password,note,cardholdername,cardnumber,cvc,expirydate,zipcode,folder,full_name,phone_number,email,address1,address2,city,country,state,type,custom_fields',
      'nordpass-csv',
    ],
    [
      'NordPass, oldest (19 columns, no type)',
      'name,url,username,password,note,cardholdername,cardnumber,cvc,expirydate,zipcode,folder,full_name,phone_number,email,address1,address2,city,country,state',
      'nordpass-csv',
    ],
    [
      'Proton, before the vault column',
      'type,name,url,username,password,note,totp,createTime,modifyTime',
      'protonpass-csv',
    ],
    ['KeePassX without Group', '"Title","Username","Password","URL","Notes","TOTP"', 'keepassxc-csv'],
    ['Apple without OTPAuth (reads the same as KeePassX)', 'Title,URL,Username,Password,Notes', 'apple-csv'],
    ['Passbolt', '"Title","Username","URL","Password","Notes","Group"', 'passbolt-csv'],
    ['Passbolt with TOTP', '"Title","Username","URL","Password","Notes","Group","TOTP"', 'passbolt-csv'],
    ['RoboForm', 'Name,Url,MatchUrl,Login,Pwd,Note,Folder,RfFieldsV2', 'roboform-csv'],
    ['RoboForm, older', 'Name,Url,Login,Pwd,Note,Folder,Rf_fields', 'roboform-csv'],
    [
      'Zoho Vault',
      '"Password Name","Description","Password URL","SecretData","Notes","CustomData","Tags","Classification","Favorite","TOTP","Folder Name"',
      'zoho-vault-csv',
    ],
    [
      'Zoho Vault, older',
      '"Secret Name","Description","Secret URL","SecretData","Notes","CustomData","Tags","Classification","Favorite","ChamberName"',
      'zoho-vault-csv',
    ],
    ['Zoho Vault, oldest', '"Secret Name","Secret URL","Notes"', 'zoho-vault-csv'],
    ['Avira', 'name,website,username,secondary_username,password', 'avira-csv'],
    ['with BOM and spaces', '\uFEFF name , url , username , password ', 'chrome-csv'],
    ['semicolons', 'name;url;username;password;note', 'chrome-csv'],
  ];
  for (const [label, header, format] of cases) {
    it(`${label} → ${format}`, () => {
      expect(detect(`${header}\n`)).toBe(format);
    });
  }

  it('the whole header decides: extra columns of another layout do not make it Chrome or Apple', () => {
    // These headers contain Chrome's or Apple's four names; first-match detection took them for those
    // and then ignored their TOTP, e-mail, type and extra-address columns.
    const proton = parse(
      'type,name,url,username,password,note,totp,createTime,modifyTime\n' +
        'login,A,"https://a.com/, https://b.com/",ann@example.com,pw,,otpauth://totp/A?secret=ABCDEF,1,1700000001\n',
    );
    expect(proton.format).toBe('protonpass-csv');
    expect(proton.entries[0]).toMatchObject({ urls: ['https://a.com/', 'https://b.com/'], hasTotp: true });
    const keepassx = parse(
      '"Title","Username","Password","URL","Notes","TOTP"\n"A","ann","pw","https://a.com/","","JBSWY3DP"\n',
    );
    expect(keepassx.format).toBe('keepassxc-csv');
    expect(keepassx.entries[0]?.hasTotp).toBe(true);
  });

  it('returns null with the columns for an unknown header', () => {
    expect(detectFormat(encode('Site;Login;Secret\n'), 'x.csv')).toEqual({
      format: null,
      columns: ['Site', 'Login', 'Secret'],
    });
  });
});

describe('per-format rows', () => {
  it('KeePassXC old 6-column export: no TOTP or date columns', () => {
    const result = parse(
      '"Group","Title","Username","Password","URL","Notes"\n"Root/Web","A","ann","pw","https://a.com/",""\n',
    );
    expect(result.entries[0]).toMatchObject({ folder: 'Web', hasTotp: false, passwordChangedAt: null });
  });

  it('KeePassXC: a nested recycle-bin folder is skipped, a folder merely named like it is not', () => {
    const result = parse(
      '"Group","Title","Username","Password","URL","Notes"\n' +
        '"Root/Recycle Bin/Old","A","ann","pw","",""\n' +
        '"Root/Work/Recycle Bin","B","bob","pw","",""\n',
    );
    expect(result.skipped).toEqual([{ row: 1, reason: 'In the recycle bin' }]);
    expect(result.entries[0]?.folder).toBe('Work/Recycle Bin');
  });

  it('Dashlane otpSecret column', () => {
    const result = parse(
      'username,username2,username3,title,password,note,url,category,otpSecret\nann,,,A,pw,,a.com,,JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\n',
    );
    expect(result.entries[0]).toMatchObject({ hasTotp: true, urls: ['a.com'] });
    expect(JSON.stringify(result)).not.toContain('JBSWY3DP');
  });

  it('Proton without autofillUrls and email columns', () => {
    const result = parse(
      'type,name,url,username,password,note,totp,createTime,modifyTime,vault\r\n' +
        'login,A,"https://a.com/, https://b.com/",ann,pw,,,1700000000,1700000001,Personal\r\n' +
        'wifi,Home,,,pw,,,1700000000,1700000000,Personal',
    );
    expect(result.entries[0]).toMatchObject({
      urls: ['https://a.com/', 'https://b.com/'],
      passwordChangedAt: '2023-11-14T22:13:21.000Z',
      folder: 'Personal',
    });
    expect(result.skipped).toEqual([{ row: 2, reason: 'Item of type "wifi", not a login' }]);
  });

  it('NordPass 22-column export and additional_urls that are not JSON', () => {
    const header =
      'name,url,additional_urls,username,password,note,cardholdername,cardnumber,cvc,expirydate,zipcode,folder,full_name,phone_number,email,address1,address2,city,country,state,type,custom_fields';
    const row = (fields: Record<string, string>) =>
      header
        .split(',')
        .map((column) => fields[column] ?? '')
        .join(',');
    const result = parse(
      [
        header,
        row({
          name: 'A',
          url: 'https://a.com/',
          additional_urls: 'https://b.com/ https://c.com/',
          username: 'ann',
          password: 'pw',
          type: 'password',
        }),
        row({
          name: 'B',
          url: 'https://b.com/',
          additional_urls: '[broken',
          username: 'bob',
          password: 'pw',
          type: 'password',
        }),
        row({ name: 'Passkey', type: 'passkey' }),
      ].join('\n'),
    );
    expect(result.entries.map((entry) => entry.urls)).toEqual([
      ['https://a.com/', 'https://b.com/', 'https://c.com/'],
      ['https://b.com/'],
    ]);
    expect(result.skipped).toEqual([{ row: 3, reason: 'Item of type "passkey", not a login' }]);
  });

  it('Bitwarden CSV: several URIs joined with commas (not split inside a URI), card and identity rows, empty type = login', () => {
    const result = parse(
      'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n' +
        ',,login,A,,,0,"https://a.com/,https://b.com/?ids=1,2,c.example.org",ann,pw,\n' +
        ',,card,Visa,,,0,,,,\n' +
        ',,identity,Me,,,0,,,,\n' +
        ',,,Legacy,,,0,https://c.com/,cat,pw,\n',
    );
    expect(result.entries.map((entry) => [entry.row, entry.urls, entry.hasTotp])).toEqual([
      [1, ['https://a.com/', 'https://b.com/?ids=1,2', 'c.example.org'], false],
      [4, ['https://c.com/'], false],
    ]);
    expect(result.skipped.map((skip) => skip.reason)).toEqual([
      'Credit card, not a login',
      'Identity, not a login',
    ]);
  });

  it('Firefox: an unparseable or missing timePasswordChanged gives null', () => {
    const header =
      '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed","timePasswordChanged"';
    const result = parse(
      `${header}\r\n"https://a.com","ann","pw",,"https://a.com","{1}","1","1","soon"\r\n"https://b.com","bob","pw",,"","{2}","1","1",`,
    );
    expect(result.entries.map((entry) => entry.passwordChangedAt)).toEqual([null, null]);
  });

  it('an otpauth URI pasted into a title or user name is removed; as the password, the row is skipped', () => {
    const result = parse(
      'name,url,username,password\n' +
        'A otpauth://totp/A?secret=JBSWY3DPEHPK3PXP,https://a.com/,ann,pw\n' +
        'B,https://b.com/,otpauth://totp/B?secret=KRSXG5CTMVRXEZLU,pw\n' +
        'C,https://c.com/,cat,otpauth://totp/C?secret=MFRGGZDFMZTWQ2LK\n',
    );
    expect(result.entries.map((entry) => [entry.title, entry.username, entry.hasTotp])).toEqual([
      ['A', 'ann', true],
      ['B', '', true],
    ]);
    expect(result.skipped).toEqual([{ row: 3, reason: expect.stringContaining('one-time-code secret') }]);
    const serialized = JSON.stringify(result);
    for (const secret of ['JBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXEZLU', 'MFRGGZDFMZTWQ2LK'])
      expect(serialized).not.toContain(secret);
  });

  it('a type column holding odd text is not quoted back in the reason', () => {
    const result = parse(
      'type,name,url,username,password,note,totp,createTime,modifyTime,vault\n' +
        '"otpauth://totp/x?secret=JBSWY3DPEHPK3PXP",A,,,pw,,,1,1,V\n' +
        'login,B,,bob,pw,,,1,1,V\n',
    );
    expect(result.skipped).toEqual([{ row: 1, reason: 'Item of an unknown type, not a login' }]);
  });

  it('an otpauth URI in a URL column is dropped from urls and counted as TOTP', () => {
    const result = parse('name,url,username,password\nA,otpauth://totp/A?secret=JBSWY3DPEHPK3PXP,ann,pw\n');
    expect(result.entries[0]).toMatchObject({ urls: [], hasTotp: true });
    expect(JSON.stringify(result)).not.toContain('JBSWY3DPEHPK3PXP');
  });
});

describe('explicit format option', () => {
  it('reads with the given format when its columns are present', () => {
    const result = parse('name,url,username,password\na,https://a.com/,ann,pw\n', { format: 'chrome-csv' });
    expect(result.format).toBe('chrome-csv');
  });

  it('refuses a format whose required columns are missing, naming them', () => {
    const error = importError(() =>
      parse('name,url,username,password\na,https://a.com/,ann,pw\n', { format: 'lastpass-csv' }),
    );
    expect(error.code).toBe('unknown_columns');
    expect(error.message).toContain('extra');
    expect(error.message).toContain('grouping');
  });

  it('refuses a non-CSV format for a CSV file', () => {
    const error = importError(() =>
      parse('name,url,username,password\na,https://a.com/,ann,pw\n', { format: 'keepass-xml' }),
    );
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('export.csv');
  });
});
