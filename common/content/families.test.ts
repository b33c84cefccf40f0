import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetFileErrorMap, parseDatasetText } from './datasets';
import {
  accountFamiliesFileSchema,
  buildFamilyIndex,
  type AccountFamiliesFile,
  type FamilyIndex,
} from './families';

const DATA_DIR = join(import.meta.dirname, '../../electron/data');
const bundledText = () => readFileSync(join(DATA_DIR, 'account-families.json'), 'utf8');
const ids = (families: readonly { id: string }[]) => families.map((family) => family.id);

describe('the bundled account families', () => {
  let file: AccountFamiliesFile;
  let index: FamilyIndex;
  beforeAll(() => {
    file = parseDatasetText('accountFamilies', bundledText(), 'full');
    index = buildFamilyIndex(file);
  });

  it('lists the eight families, each with a kind, its domains and at least one https source', () => {
    expect(ids(file.families)).toEqual([
      'microsoft-account',
      'microsoft-entra',
      'google',
      'apple',
      'amazon',
      'aws',
      'yahoo',
      'aol',
    ]);
    for (const family of file.families) {
      expect(family.sources.length, family.id).toBeGreaterThan(0);
      for (const source of family.sources) expect(source.url, family.id).toMatch(/^https:\/\//);
    }
    expect(file.families.filter((family) => family.providesMail).map((family) => family.id)).toEqual([
      'microsoft-account',
      'microsoft-entra',
      'google',
      'apple',
      'yahoo',
      'aol',
    ]);
    expect(index.byId('microsoft-entra')).toMatchObject({
      kind: 'work',
      name: 'Microsoft work or school account',
    });
    expect(index.byId('google')?.kind).toBe('both');
  });

  it('puts every domain of a Microsoft account in one family: mail, Xbox, Skype, OneDrive, Bing and country domains', () => {
    for (const domain of [
      'microsoft.com',
      'live.com',
      'outlook.com',
      'hotmail.com',
      'hotmail.co.uk',
      'hotmail.fr',
      'live.co.uk',
      'msn.com',
      'xbox.com',
      'skype.com',
      'onedrive.com',
      'bing.com',
      'office.com',
    ]) {
      expect(ids(index.ofHost(domain)), domain).toContain('microsoft-account');
    }
    expect(ids(index.ofHost('login.live.com'))).toEqual(['microsoft-account']);
    expect(ids(index.ofHost('login.microsoftonline.com'))).toEqual(['microsoft-entra']);
    expect(ids(index.ofHost('contoso.sharepoint.com'))).toEqual(['microsoft-entra']);
    expect(ids(index.ofHost('contoso.onmicrosoft.com'))).toEqual(['microsoft-entra']);
    expect(ids(index.ofHost('portal.azure.com'))).toEqual(['microsoft-entra']);
  });

  it('shares office.com, microsoft.com and microsoft365.com between personal and work accounts, deliberately', () => {
    for (const domain of ['office.com', 'www.microsoft.com', 'microsoft365.com', 'm365.cloud.microsoft']) {
      expect(ids(index.ofHost(domain)), domain).toEqual(['microsoft-account', 'microsoft-entra']);
    }
    // The username decides when it is an address one of the two families owns…
    const office = (username: string) =>
      ids(index.ofAccount({ url: 'https://www.office.com/', domain: 'office.com', username }));
    expect(office('ann@contoso.onmicrosoft.com')).toEqual(['microsoft-entra']);
    expect(office('ann@hotmail.fr')).toEqual(['microsoft-account']);
    expect(office('Ann@Outlook.com')).toEqual(['microsoft-account']);
    // …and an organisation's own address or a Gmail address leaves both open.
    expect(office('ann@contoso.com')).toEqual(['microsoft-account', 'microsoft-entra']);
    expect(office('ann@gmail.com')).toEqual(['microsoft-account', 'microsoft-entra']);
    expect(office('ann')).toEqual(['microsoft-account', 'microsoft-entra']);
    // The sign-in page itself can decide: the personal account's page, or the work account's.
    const at = (url: string) =>
      ids(index.ofAccount({ url, domain: 'microsoft.com', username: 'ann@contoso.com' }));
    expect(at('https://account.microsoft.com/security')).toEqual(['microsoft-account']);
    expect(at('https://mysignins.microsoft.com/security-info')).toEqual(['microsoft-entra']);
    expect(at('https://myaccount.microsoft.com')).toEqual(['microsoft-entra']);
    expect(at('https://www.microsoft.com/store')).toEqual(['microsoft-account', 'microsoft-entra']);
    expect(at('HTTPS://ann@MySignIns.Microsoft.com:443/x')).toEqual(['microsoft-entra']);
    expect(at('account.microsoft.com')).toEqual(['microsoft-account', 'microsoft-entra']);
    expect(
      ids(
        index.ofAccount({ url: 'https://outlook.office.com/mail/', domain: 'office.com', username: 'ann' }),
      ),
    ).toEqual(['microsoft-entra']);
  });

  it('keeps AWS apart from Amazon, Yahoo Japan apart from Yahoo, and AOL apart from both', () => {
    const amazon = (url: string, domain = 'amazon.com') =>
      ids(index.ofAccount({ url, domain, username: 'ann' }));
    expect(amazon('https://www.amazon.com/ap/signin')).toEqual(['amazon']);
    expect(amazon('https://www.amazon.de/', 'amazon.de')).toEqual(['amazon']);
    expect(amazon('https://signin.aws.amazon.com/signin')).toEqual(['aws']);
    expect(amazon('https://console.aws.amazon.com/')).toEqual(['aws']);
    expect(amazon('https://d-906700aaaa.awsapps.com/start', 'awsapps.com')).toEqual(['aws']);
    // amazon.com.be's registrable domain is com.be: only the Amazon host under it is Amazon.
    expect(amazon('https://www.amazon.com.be/', 'com.be')).toEqual(['amazon']);
    expect(amazon('https://shop.com.be/', 'com.be')).toEqual([]);
    expect(ids(index.ofHost('yahoo.co.uk'))).toEqual(['yahoo']);
    expect(ids(index.ofHost('login.yahoo.com'))).toEqual(['yahoo']);
    expect(ids(index.ofHost('yahoo.co.jp'))).toEqual([]);
    expect(ids(index.ofAddress('ann@ymail.com'))).toEqual(['yahoo']);
    expect(ids(index.ofAddress('ann@rocketmail.com'))).toEqual(['yahoo']);
    expect(ids(index.ofAddress('ann@aol.com'))).toEqual(['aol']);
  });

  it('knows Google, Apple and their mail addresses', () => {
    for (const domain of [
      'google.com',
      'google.co.uk',
      'google.com.br',
      'gmail.com',
      'googlemail.com',
      'youtube.com',
    ])
      expect(ids(index.ofHost(domain)), domain).toEqual(['google']);
    for (const address of ['ann@icloud.com', 'ann@me.com', 'ann@mac.com']) {
      expect(ids(index.ofAddress(address)), address).toEqual(['apple']);
    }
    expect(ids(index.ofAddress('Ann@GMail.com.'))).toEqual(['google']);
    expect(ids(index.ofAddress('ann@example.com'))).toEqual([]);
    expect(ids(index.ofAddress('no address'))).toEqual([]);
  });

  it('says which breaches are breaches of a whole family: listed at exactly a family domain or host', () => {
    expect(ids(index.atExactly('yahoo.com'))).toEqual(['yahoo']);
    expect(ids(index.atExactly('www.yahoo.com'))).toEqual(['yahoo']);
    expect(ids(index.atExactly('voices.yahoo.com'))).toEqual([]);
    expect(ids(index.atExactly('xbox360iso.com'))).toEqual([]);
    expect(ids(index.atExactly('aws.amazon.com'))).toEqual(['aws']);
    expect(ids(index.atExactly('office.com'))).toEqual(['microsoft-account', 'microsoft-entra']);
  });
});

describe('validating an account-families file', () => {
  const family = (fields: Record<string, unknown> = {}) => ({
    id: 'example',
    name: 'Example account',
    kind: 'personal',
    providesMail: false,
    domains: ['example.com'],
    sources: [{ label: 'Example', url: 'https://example.com/about' }],
    ...fields,
  });
  const problems = (families: unknown[]) => {
    const result = accountFamiliesFileSchema.safeParse(
      { version: '1.0', reviewedOn: '2026-12-04', families },
      { error: datasetFileErrorMap },
    );
    return result.success
      ? []
      : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('accepts a well-formed file', () => {
    expect(problems([family(), family({ id: 'other', domains: ['example.org'] })])).toEqual([]);
  });

  it('refuses domains that are not registrable, and hosts that are', () => {
    expect(problems([family({ domains: ['mail.example.com'] })])).toEqual([
      'families.0.domains.0: "mail.example.com" is not a registrable domain (such as example.co.uk).',
    ]);
    expect(problems([family({ domains: ['co.uk'] })])[0]).toMatch(/not a registrable domain/);
    expect(problems([family({ hosts: ['example.org'] })])).toEqual([
      'families.0.hosts.0: "example.org" must be a host below a registrable domain.',
    ]);
  });

  it('makes sharing a domain deliberate: owned by one family, or shared by two or more', () => {
    expect(problems([family(), family({ id: 'other' })])).toEqual([
      'families.0.domains.0: "example.com" is also in "other": a domain two families use goes in both families\' "sharedDomains".',
      'families.1.domains.0: "example.com" is also in "example": a domain two families use goes in both families\' "sharedDomains".',
    ]);
    expect(problems([family({ sharedDomains: ['example.net'] })])).toEqual([
      'families.0.sharedDomains.0: "example.net" is shared with no other family: move it to "domains".',
    ]);
    expect(
      problems([
        family({ sharedDomains: ['example.net'] }),
        family({ id: 'other', domains: ['example.org'], sharedDomains: ['example.net'] }),
      ]),
    ).toEqual([]);
  });

  it('wants unique ids, unique hosts, a known kind and a source', () => {
    expect(problems([family(), family({ domains: ['example.org'] })])).toEqual([
      'families.1.id: Duplicate family id "example".',
    ]);
    expect(
      problems([
        family({ hosts: ['a.example.net'] }),
        family({ id: 'other', domains: ['example.org'], hosts: ['a.example.net'] }),
      ]),
    ).toEqual(['families.1.hosts.0: "a.example.net" is already a host of "example".']);
    expect(problems([family({ kind: 'family' })])).toEqual([
      'families.0.kind: Unknown value "family": expected one of personal, work, both.',
    ]);
    expect(problems([family({ sources: [] })])).toEqual(['families.0.sources: Every family needs a source.']);
  });

  it('the cheap run-time check names the file and path of a wrong type', () => {
    const json = JSON.parse(bundledText());
    json.families[2].domains = 'google.com';
    expect(() => parseDatasetText('accountFamilies', JSON.stringify(json), 'structural')).toThrow(
      'Bundled dataset account-families.json is invalid at $.families[2].domains: Expected a list of lower-case domain names.',
    );
  });
});
