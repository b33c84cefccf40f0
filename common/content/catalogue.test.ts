import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, mergeBreaches, toRegistrableDomain, type Catalogue } from './catalogue';
import {
  DATASET_FILES,
  DATASET_KEYS,
  parseDatasetText,
  type DatasetFiles,
  type HibpBreach,
  type HibpSupplementBreach,
  type TwoFactorEntry,
} from './datasets';

const DATA_DIR = join(import.meta.dirname, '../../electron/data');

function bundledFiles(): DatasetFiles {
  const files: Partial<Record<keyof DatasetFiles, unknown>> = {};
  for (const key of DATASET_KEYS) {
    files[key] = parseDatasetText(key, readFileSync(join(DATA_DIR, DATASET_FILES[key].file), 'utf8'), 'full');
  }
  return files as DatasetFiles;
}

/** A complete HIBP record with defaults, for synthetic cases. */
function hibp(fields: Partial<HibpBreach> & { Name: string }): HibpBreach {
  return {
    Title: fields.Name,
    Domain: '',
    BreachDate: '2020-01-01',
    AddedDate: '2020-02-01T00:00:00Z',
    ModifiedDate: '2020-02-01T00:00:00Z',
    PwnCount: 1000,
    Description: `<p>${fields.Name} was breached.</p>`,
    LogoPath: '',
    DataClasses: ['Email addresses'],
    IsVerified: true,
    IsFabricated: false,
    IsSensitive: false,
    IsRetired: false,
    IsSpamList: false,
    IsMalware: false,
    IsSubscriptionFree: false,
    ...fields,
  };
}

function emptyFiles(overrides: Partial<DatasetFiles> = {}): DatasetFiles {
  const directory = {
    source: 'https://example.com',
    commit: 'a'.repeat(40),
    commit_date: '2026-01-02 03:04:05 +0000',
  };
  return {
    breaches: [],
    breachesSupplement: [],
    twoFactor: { ...directory, count: 0, entries: [] },
    passkeys: { ...directory, count: 0, entries: [] },
    changePasswordUrls: {},
    sharedCredentials: [],
    accountFamilies: { version: '1.0', reviewedOn: '2026-01-03', families: [] },
    ...overrides,
  };
}

function twoFactorFiles(
  entries: TwoFactorEntry[],
  sharedCredentials: DatasetFiles['sharedCredentials'] = [],
) {
  const files = emptyFiles({ sharedCredentials });
  return { ...files, twoFactor: { ...files.twoFactor, count: entries.length, entries } };
}

describe('the catalogue of the bundled datasets', () => {
  let files: DatasetFiles;
  let catalogue: Catalogue;
  beforeAll(() => {
    files = bundledFiles();
    catalogue = buildCatalogue(files);
  });

  it('merges 833 + 197 breach records by name into 1,030 breaches, sorted by name', () => {
    expect(catalogue.breaches).toHaveLength(1030);
    const names = catalogue.breaches.map((breach) => breach.name);
    expect(new Set(names).size).toBe(1030);
    const sorted = [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), 'en'));
    expect(names.slice(0, 5)).toEqual(sorted.slice(0, 5));
  });

  it.each([
    ['linkedin.com', 'LinkedIn', '2012-05-05'],
    ['dropbox.com', 'Dropbox', '2012-07-01'],
    ['adobe.com', 'Adobe', '2013-10-04'],
    ['myspace.com', 'MySpace', '2008-07-01'],
  ])('finds the %s breach by domain, with its date and passwords among its data', (domain, name, date) => {
    const breach = catalogue.breachesByDomain(domain).find((candidate) => candidate.name === name);
    expect(breach).toMatchObject({ domain, breachDate: date, raisesAccountFindings: true, isPartial: false });
    expect(breach?.dataClasses).toContain('Passwords');
    expect(breach?.descriptionText).not.toMatch(/<|href/);
    // Any host of the service finds it too.
    expect(catalogue.breachesByDomain(`WWW.${domain.toUpperCase()}`)).toContain(breach);
  });

  it('lists a domain’s breaches most recent first, including those that raise no findings', () => {
    const linkedIn = catalogue.breachesByDomain('linkedin.com');
    expect(linkedIn.map((breach) => breach.name)).toEqual([
      'LinkedInScrape2023',
      'LinkedInScrape',
      'LinkedIn',
    ]);
    expect(linkedIn[0]).toMatchObject({ isSpamList: true, raisesAccountFindings: false });
  });

  it('never raises account findings from spam lists, fabricated or retired breaches, or ones without a domain', () => {
    const excluded = catalogue.breaches.filter(
      (breach) => breach.isSpamList || breach.isFabricated || breach.isRetired || breach.domain === null,
    );
    expect(excluded.filter((breach) => breach.isSpamList).length).toBeGreaterThanOrEqual(16);
    expect(excluded.filter((breach) => breach.isFabricated).map((breach) => breach.name)).toEqual(
      expect.arrayContaining(['JustDate', 'Paytm', 'Zoosk']),
    );
    expect(excluded.filter((breach) => breach.isRetired).map((breach) => breach.name)).toEqual(
      expect.arrayContaining(['Ticketek', 'VTech']),
    );
    for (const breach of excluded) expect(breach.raisesAccountFindings).toBe(false);
    const raising = catalogue.breaches.filter((breach) => breach.raisesAccountFindings);
    expect(raising.length + excluded.length).toBe(catalogue.breaches.length);
  });

  it('reduces listed subdomains to the registrable domain and keeps what HIBP listed', () => {
    const dominos = catalogue.breaches.find((breach) => breach.listedDomain === 'pizza.dominos.be');
    expect(dominos?.domain).toBe('dominos.be');
    expect(catalogue.breachesByDomain('dominos.be')).toContain(dominos);
    const ownedCore = catalogue.breaches.find((breach) => breach.listedDomain === 'ownedcore.com');
    expect(ownedCore?.domain).toBe('ownedcore.com');
  });

  it('marks supplement records that lack fields as partial, exactly as the file does', () => {
    for (const record of files.breachesSupplement) {
      expect(catalogue.breach(record.Name)?.isPartial).toBe(record._partial);
    }
    const complete = catalogue.breach('1win');
    expect(complete).toMatchObject({ domain: '1win.com', isPartial: false, raisesAccountFindings: true });
    expect(catalogue.breachesByDomain('1win.com')).toContain(complete);
  });

  it('shows and searches partial records without a domain, but never matches them to a domain', () => {
    const ladies = catalogue.breach('Ladies');
    expect(ladies).toMatchObject({
      domain: null,
      title: 'Ladies',
      isPartial: true,
      raisesAccountFindings: false,
    });
    expect(ladies?.descriptionText).toContain('ladies.com suffered a data breach');
    expect(catalogue.searchBreaches('ladies')[0]).toBe(ladies);
    expect(catalogue.breachesByDomain('ladies.com')).not.toContain(ladies);
    // A record named from its logo has no breach date.
    expect(catalogue.breach('GolfCanada')).toMatchObject({
      breachDate: null,
      dataClasses: expect.any(Array),
    });
    expect(catalogue.searchBreaches('golf canada').map((breach) => breach.name)).toContain('GolfCanada');
  });

  it('maps a breach across domains that share one login', () => {
    // apple/password-manager-resources: {from: [adobelogin.com, behance.net], to: [adobe.com]}.
    expect(catalogue.sameLoginDomains('behance.net')).toEqual(['adobe.com', 'adobelogin.com']);
    expect(catalogue.breachesByDomain('behance.net').map((breach) => breach.name)).toContain('Adobe');
    // {from: [twitter.com], to: [x.com]}: the Twitter breaches concern x.com accounts.
    expect(catalogue.breachesByDomain('x.com').map((breach) => breach.name)).toEqual(
      expect.arrayContaining(['Twitter', 'Twitter200M']),
    );
    expect(catalogue.sameLoginDomains('example.com')).toEqual([]);
  });

  it('returns nothing for input that has no registrable domain', () => {
    for (const input of ['', '   ', 'localhost', '192.168.1.1', 'co.uk']) {
      expect(catalogue.breachesByDomain(input)).toEqual([]);
    }
  });

  describe('searchBreaches', () => {
    it('puts the exact match first, then prefixes', () => {
      expect(catalogue.searchBreaches('linkedin').map((breach) => breach.name)).toEqual([
        'LinkedIn',
        'LinkedInScrape',
        'LinkedInScrape2023',
      ]);
      expect(catalogue.searchBreaches('Adobe')[0]?.name).toBe('Adobe');
    });

    it('ignores case and accents, and searches titles and domains', () => {
      const pokemon = catalogue.searchBreaches('POKEMON').map((breach) => breach.title);
      expect(pokemon).toEqual(expect.arrayContaining(['Pokémon Creed', 'Pokémon Negro']));
      expect(catalogue.searchBreaches('pokébip').map((breach) => breach.name)).toEqual(['Pokebip']);
      expect(catalogue.searchBreaches('dropbox.com')[0]?.name).toBe('Dropbox');
    });

    it('gives the most recently added breaches for empty text, up to the limit', () => {
      const recent = catalogue.searchBreaches('  ', 5);
      expect(recent).toHaveLength(5);
      expect(recent[0]?.name).toBe('GolfCanada');
      const added = recent.map((breach) => breach.addedDate);
      expect(added).toEqual([...added].sort().reverse());
      expect(catalogue.searchBreaches('a')).toHaveLength(20);
      expect(catalogue.searchBreaches('zzzz-no-such-breach')).toEqual([]);
    });
  });

  describe('twoFactor', () => {
    it('google.com: the Google account entry, with methods and documentation', () => {
      const google = catalogue.twoFactor('google.com');
      expect(google).toMatchObject({ name: 'Gmail', domain: 'mail.google.com' });
      expect(google?.methods).toEqual(expect.arrayContaining(['totp', 'u2f', 'sms']));
      expect(google?.documentation).toBe('https://safety.google/authentication/');
      expect(google?.customSoftware).toContain('Google Prompts');
      expect(catalogue.twoFactor('accounts.google.com')).toBe(google);
      expect(catalogue.twoFactor('gmail.com')).toBe(google); // via additional-domains
    });

    it('Microsoft: hotmail.com through additional-domains, live.com through its subdomains', () => {
      const outlook = catalogue.twoFactor('hotmail.com');
      expect(outlook).toMatchObject({ name: 'Outlook.com', domain: 'outlook.com' });
      expect(outlook?.methods).toEqual(expect.arrayContaining(['totp', 'custom-software']));
      expect(outlook?.customSoftware).toEqual(['Microsoft Authenticator']);
      expect(outlook?.documentation).toMatch(/^https:\/\/support\.microsoft\.com\//);

      const live = catalogue.twoFactor('live.com');
      expect(live?.customSoftware).toEqual(['Microsoft Authenticator']);
      expect(live?.documentation).toMatch(/^https:\/\/support\.microsoft\.com\//);
      // The exact host picks its own entry.
      expect(catalogue.twoFactor('outlook.live.com')).toBe(outlook);
      expect(catalogue.twoFactor('office.com')?.name).toBe('Microsoft 365 Copilot');
    });

    it('dropbox.com', () => {
      expect(catalogue.twoFactor('dropbox.com')).toMatchObject({
        name: 'Dropbox',
        methods: ['sms', 'totp', 'u2f'],
        documentation: 'https://help.dropbox.com/account-access/enable-2-factor-authentication',
      });
      expect(catalogue.twoFactor('getdropbox.com')?.name).toBe('Dropbox');
    });

    it('maps across shared-credential groups when the domain has no entry of its own', () => {
      expect(catalogue.twoFactor('behance.net')).toMatchObject({ name: 'Adobe', domain: 'adobe.com' });
      expect(catalogue.twoFactor('twitter.com')).toMatchObject({ name: 'X (Twitter)', domain: 'x.com' });
      expect(catalogue.twoFactor('sony.com')?.name).toBe('Playstation Network');
    });

    it('lists services without 2FA with no methods, and returns null for unknown ones', () => {
      expect(catalogue.twoFactor('spotify.com')).toMatchObject({ name: 'Spotify', methods: [] });
      expect(catalogue.twoFactor('no-such-service.example')).toBeNull();
      expect(catalogue.twoFactor('')).toBeNull();
    });

    it('finds an entry whose domain is a public suffix by its exact host', () => {
      expect(catalogue.twoFactor('gov.uk')?.name).toBe('GOV.UK');
      expect(catalogue.twoFactor('www.gov.uk')?.name).toBe('GOV.UK');
    });
  });

  it('passkeys: google.com allows passkeys as a second factor and instead of the password', () => {
    expect(catalogue.passkeys('google.com')).toEqual({
      name: 'Gmail',
      domain: 'mail.google.com',
      mfa: 'allowed',
      passwordless: 'allowed',
      documentation: 'https://safety.google/authentication/passkey/',
    });
    expect(catalogue.passkeys('hotmail.com')).toMatchObject({
      name: 'Outlook.com',
      mfa: null,
      passwordless: 'allowed',
    });
    expect(catalogue.passkeys('no-such-service.example')).toBeNull();
  });

  it('changePasswordUrl: the listed page, else the well-known address', () => {
    expect(catalogue.changePasswordUrl('linkedin.com')).toBe(
      'https://www.linkedin.com/psettings/change-password',
    );
    expect(catalogue.changePasswordUrl('www.linkedin.com')).toBe(
      'https://www.linkedin.com/psettings/change-password',
    );
    // Listed only under a subdomain (myaccount.google.com).
    expect(catalogue.changePasswordUrl('google.com')).toBe(
      'https://myaccount.google.com/signinoptions/password',
    );
    // Through the shared login with adobe.com.
    expect(catalogue.changePasswordUrl('behance.net')).toBe(files.changePasswordUrls['adobe.com']);
    expect(catalogue.changePasswordUrl('Example.COM')).toBe(
      'https://example.com/.well-known/change-password',
    );
    expect(catalogue.changePasswordUrl('bücher.example')).toBe(
      'https://xn--bcher-kva.example/.well-known/change-password',
    );
    for (const junk of ['', 'a/b', 'evil.com/x?', 'user@host.com', 'host.com:8080', 'a b.com']) {
      expect(catalogue.changePasswordUrl(junk)).toBeNull();
    }
  });

  it('dates each dataset', () => {
    expect(catalogue.datasetDates).toEqual({
      breaches: '2026-08-22',
      twoFactor: '2026-08-04',
      passkeys: '2026-08-04',
      changePasswordUrls: '2026-08-22',
      sharedCredentials: '2026-08-22',
      accountFamilies: '2026-12-04',
    });
  });
});

describe('mergeBreaches', () => {
  const supplement = (fields: Partial<HibpSupplementBreach> & { Name: string }): HibpSupplementBreach => ({
    AddedDate: '2025-01-01T00:00:00Z',
    PwnCount: 5,
    Description: 'New.',
    _partial: true,
    _sources: ['mirror'],
    ...fields,
  });

  it('lets the supplement fill and override fields, and keeps the main record’s others', () => {
    const [merged] = mergeBreaches(
      [hibp({ Name: 'Acme', Domain: 'Login.Acme.co.uk', DataClasses: ['Email addresses'], PwnCount: 100 })],
      [supplement({ Name: 'Acme', PwnCount: 250, DataClasses: ['Email addresses', 'Passwords'], Title: '' })],
    );
    expect(merged).toMatchObject({
      name: 'Acme',
      title: 'Acme',
      domain: 'acme.co.uk',
      listedDomain: 'login.acme.co.uk',
      pwnCount: 250,
      dataClasses: ['Email addresses', 'Passwords'],
      descriptionText: 'New.',
      breachDate: '2020-01-01',
      isPartial: false,
      raisesAccountFindings: true,
    });
  });

  it('does not let an empty supplement field wipe the main record’s', () => {
    const [merged] = mergeBreaches(
      [hibp({ Name: 'Acme', Title: 'Acme Corp', DataClasses: ['Passwords'] })],
      [supplement({ Name: 'Acme', Title: '', DataClasses: [] })],
    );
    expect(merged).toMatchObject({ title: 'Acme Corp', dataClasses: ['Passwords'] });
  });

  it('normalises a supplement-only partial record with safe defaults', () => {
    const [partial] = mergeBreaches([], [supplement({ Name: 'Mystery' })]);
    expect(partial).toMatchObject({
      title: 'Mystery',
      domain: null,
      breachDate: null,
      dataClasses: [],
      isVerified: false,
      isSpamList: false,
      isPartial: true,
      raisesAccountFindings: false,
    });
  });

  it('sorts by name, ignoring case', () => {
    const names = mergeBreaches(
      [hibp({ Name: 'beta' }), hibp({ Name: 'Alpha' })],
      [supplement({ Name: 'Gamma' })],
    );
    expect(names.map((breach) => breach.name)).toEqual(['Alpha', 'beta', 'Gamma']);
  });
});

describe('buildCatalogue on small inputs', () => {
  const entry = (name: string, domain: string, fields: Partial<TwoFactorEntry> = {}): TwoFactorEntry => ({
    name,
    domain,
    tfa: ['totp'],
    ...fields,
  });

  it('prefers the entry at the registrable domain itself, then more methods, then fewer labels', () => {
    const catalogue = buildCatalogue(
      twoFactorFiles([
        entry('Store Pay', 'pay.store.com', { tfa: ['totp', 'u2f', 'sms'] }),
        entry('Store', 'store.com', { tfa: undefined }),
        entry('Cloud A', 'a.cloud.com', { tfa: ['totp'] }),
        entry('Cloud B', 'b.cloud.com', { tfa: ['totp', 'u2f'] }),
        entry('Cloud Deep', 'x.y.cloud.com', { tfa: ['totp', 'u2f'] }),
      ]),
    );
    expect(catalogue.twoFactor('store.com')).toMatchObject({ name: 'Store', methods: [] });
    expect(catalogue.twoFactor('pay.store.com')?.name).toBe('Store Pay');
    expect(catalogue.twoFactor('cloud.com')?.name).toBe('Cloud B');
  });

  it('lets an entry’s own domain win over another entry’s additional domain', () => {
    const catalogue = buildCatalogue(
      twoFactorFiles([
        entry('Parent', 'parent.com', { 'additional-domains': ['brand.com'] }),
        entry('Brand', 'brand.com', { tfa: ['sms'] }),
      ]),
    );
    expect(catalogue.twoFactor('brand.com')?.name).toBe('Brand');
  });

  it('treats {from, to} as one group, merges groups that share a domain, and looks up `to` first', () => {
    const catalogue = buildCatalogue({
      ...twoFactorFiles(
        [entry('New', 'new.com', { tfa: ['u2f'] }), entry('Other', 'other.com')],
        [{ from: ['old.com', 'login.older.com'], to: ['new.com'] }, { shared: ['older.com', 'other.com'] }],
      ),
      breaches: [
        hibp({ Name: 'OldBreach', Domain: 'old.com' }),
        hibp({ Name: 'OtherBreach', Domain: 'other.com' }),
      ],
    });
    expect(catalogue.sameLoginDomains('old.com')).toEqual(['new.com', 'older.com', 'other.com']);
    expect(catalogue.twoFactor('old.com')?.name).toBe('New');
    expect(catalogue.breachesByDomain('new.com').map((breach) => breach.name)).toEqual([
      'OldBreach',
      'OtherBreach',
    ]);
  });

  it('dates breaches by the latest AddedDate, and the Apple files by the given snapshot date', () => {
    const catalogue = buildCatalogue(
      emptyFiles({
        breaches: [
          hibp({ Name: 'A', AddedDate: '2021-03-04T05:06:07Z' }),
          hibp({ Name: 'B', BreachDate: '2023-01-01' }),
        ],
      }),
      { appleQuirksDate: '2027-01-01' },
    );
    expect(catalogue.datasetDates).toEqual({
      breaches: '2021-03-04',
      twoFactor: '2026-01-02',
      passkeys: '2026-01-02',
      changePasswordUrls: '2027-01-01',
      sharedCredentials: '2027-01-01',
      accountFamilies: '2026-01-03',
    });
    expect(buildCatalogue(emptyFiles()).datasetDates.breaches).toBeNull();
  });
});

describe('toRegistrableDomain', () => {
  it.each([
    ['accounts.google.com', 'google.com'],
    ['WWW.BBC.CO.UK.', 'bbc.co.uk'],
    ['gov.uk', null],
    ['localhost', null],
    ['', null],
  ])('%s → %s', (host, domain) => {
    expect(toRegistrableDomain(host)).toBe(domain);
  });
});
