import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../content/catalogue';
import { parseDatasetText, type HibpBreach } from '../../content/datasets';
import { buildFamilyIndex } from '../../content/families';
import { priorityOf } from '../tasks/tasks';
import { describeFinding, incidentReach } from './describe';
import { noticeChecks, runChecks, type CheckAccount, type CheckNotice } from './findings';

/** The bundled families: the matching rules are only as good as the data they run on. */
const familiesFile = parseDatasetText(
  'accountFamilies',
  readFileSync(join(import.meta.dirname, '../../../electron/data/account-families.json'), 'utf8'),
  'full',
);
const families = buildFamilyIndex(familiesFile);

const account = (
  id: number,
  url: string,
  domain: string,
  fields: Partial<CheckAccount> = {},
): CheckAccount => ({
  id,
  personId: 1,
  service: `Service ${id}`,
  url,
  domain,
  username: 'ann@contoso.com',
  criticality: 'standard',
  mfa: 'unknown',
  hasTotp: false,
  passwordChangedAt: null,
  isInsecureUrl: false,
  password: null,
  ...fields,
});

const notice = (fields: Partial<CheckNotice> = {}): CheckNotice => ({
  id: 3,
  personId: 1,
  provider: 'Microsoft',
  domains: ['microsoft.com'],
  receivedOn: '2024-03-20',
  exposed: ['Email messages'],
  emailAddress: null,
  incidentId: 'microsoft-midnight-blizzard-2024',
  handledAt: null,
  createdAt: '2026-12-01T09:00:00.000Z',
  ...fields,
});

const person1 = [
  account(1, 'https://outlook.live.com/mail/', 'live.com', {
    service: 'Outlook.com',
    username: 'ann@hotmail.fr',
  }),
  account(2, 'https://www.xbox.com/', 'xbox.com', { service: 'Xbox', username: 'ann@hotmail.fr' }),
  account(3, 'https://www.skype.com/', 'skype.com', { service: 'Skype' }),
  account(4, 'https://www.office.com/', 'office.com', { service: 'Office (work)' }),
  account(5, 'https://account.microsoft.com/', 'microsoft.com', { service: 'Microsoft account page' }),
  account(6, 'https://contoso.sharepoint.com/', 'sharepoint.com', { service: 'SharePoint' }),
  account(7, 'https://www.office.com/', 'office.com', {
    service: 'Office (personal)',
    username: 'ann@outlook.com',
  }),
  account(8, 'https://contoso.com/', 'contoso.com', { service: 'Contoso intranet' }),
  account(9, 'https://www.amazon.de/', 'amazon.de', { service: 'Amazon.de' }),
  account(10, 'https://console.aws.amazon.com/', 'amazon.com', { service: 'AWS console' }),
  account(11, 'https://www.xbox.com/', 'xbox.com', { personId: 2, service: "Bob's Xbox" }),
];
const emails = [
  { personId: 1, address: 'ann@hotmail.fr' },
  { personId: 1, address: 'ann@contoso.onmicrosoft.com' },
  { personId: 1, address: 'ann@gmail.com' },
  { personId: 2, address: 'bob@outlook.com' },
];

describe('a breach notice reaches the whole account family', () => {
  it('the Microsoft notice marks every Microsoft sign-in of the person, personal and work, and their Microsoft addresses', () => {
    const [draft] = noticeChecks(person1, [notice()], emails, families);
    expect(draft).toMatchObject({
      kind: 'breach_notice',
      accountIds: [1, 2, 3, 4, 5, 6, 7],
      evidence: {
        families: [
          { id: 'microsoft-account', name: 'Microsoft account' },
          { id: 'microsoft-entra', name: 'Microsoft work or school account' },
        ],
        domains: [
          'contoso.onmicrosoft.com',
          'hotmail.fr',
          'live.com',
          'microsoft.com',
          'office.com',
          'sharepoint.com',
          'skype.com',
          'xbox.com',
        ],
        emails: ['ann@contoso.onmicrosoft.com', 'ann@hotmail.fr'],
      },
    });
    // Without the families, only the account at microsoft.com itself was marked (as before).
    expect(noticeChecks(person1, [notice()], emails)[0]!.accountIds).toEqual([5]);
  });

  it('is "fix now" (critical, P1 on any account) when the family holds mail, with the guide’s own estimate', () => {
    const guide = {
      id: 'email-provider-breach',
      title: 'A company that holds your emails was breached',
      estimatedMinutes: 75,
    };
    const [draft] = noticeChecks(person1, [notice({ guide })], emails, families);
    expect(draft!.severity).toBe('critical');
    expect(priorityOf(draft!.severity, 'standard')).toBe('P1');
    expect(draft!.evidence.guide).toEqual(guide);
    const text = describeFinding('breach_notice', draft!.evidence, ['Outlook.com', 'Xbox']);
    expect(text.minutes).toBe(75);
    expect(text.action).toContain('“A company that holds your emails was breached”');
    expect(text.why).toContain(
      'It concerns what you sign in to with your Microsoft account or Microsoft work or school account: your accounts at Outlook.com and Xbox',
    );
    // No guide attached: the old estimate stands.
    expect(
      describeFinding('breach_notice', noticeChecks(person1, [notice()], [], families)[0]!.evidence, [])
        .minutes,
    ).toBe(20);
  });

  it('a work-only notice concerns work sign-ins, not the personal account at the same office.com', () => {
    const [draft] = noticeChecks(
      person1,
      [notice({ provider: 'Microsoft Entra', domains: ['microsoftonline.com'], incidentId: null })],
      emails,
      families,
    );
    // The office.com sign-in with a company username could be either kind: it is included.
    expect(draft!.accountIds).toEqual([4, 6]);
    expect(draft!.evidence.emails).toEqual(['ann@contoso.onmicrosoft.com']);
  });

  it('keeps AWS out of an Amazon notice, and Amazon out of an AWS one', () => {
    const amazon = notice({
      provider: 'Amazon',
      domains: ['amazon.com'],
      exposed: ['Email addresses'],
      incidentId: null,
    });
    const [shop] = noticeChecks(person1, [amazon], emails, families);
    expect(shop).toMatchObject({
      accountIds: [9],
      severity: 'medium',
      evidence: { families: [{ id: 'amazon', name: 'Amazon account' }] },
    });
    const [aws] = noticeChecks(
      person1,
      [{ ...amazon, provider: 'AWS', domains: ['aws.amazon.com'] }],
      emails,
      families,
    );
    expect(aws!.accountIds).toEqual([10]);
  });

  it('a notice naming a host of no family matches by that host’s registrable domain', () => {
    const acme = notice({ provider: 'Acme', domains: ['mail.acme.example'], exposed: [], incidentId: null });
    const mailbox = account(20, 'https://webmail.acme.example/', 'acme.example');
    const other = account(21, 'https://acme-shop.example/', 'acme-shop.example');
    expect(noticeChecks([mailbox, other], [acme], [], families)[0]!.accountIds).toEqual([20]);
    expect(noticeChecks([mailbox, other], [acme])[0]!.accountIds).toEqual([20]);
  });

  it('tells the person recording the Microsoft incident which sign-ins it will mark', () => {
    const reach = (domains: string[]) =>
      incidentReach({
        domains,
        families: [...new Set(domains.flatMap((domain) => families.ofHost(domain)))].map((family) => ({
          name: family.name,
          domains: [...family.domains, ...family.sharedDomains],
        })),
      });
    expect(reach(['microsoft.com'])).toBe(
      'Every account that signs in with your Microsoft account or Microsoft work or school account will be marked, at any of their domains: microsoft.com, live.com, outlook.com, hotmail.com, msn.com, passport.com, windowslive.com, xbox.com and 40 more.',
    );
    expect(reach(['snowflake.com', 'snowflakecomputing.com'])).toBe(
      'Your accounts at snowflake.com and snowflakecomputing.com will be marked.',
    );
  });

  it('is critical for any provider when it concerns an account used for email', () => {
    const acme = notice({
      provider: 'Acme Mail',
      domains: ['acme.example'],
      exposed: ['Names'],
      incidentId: null,
    });
    const mailbox = account(20, 'https://mail.acme.example/', 'acme.example', { category: 'email' });
    const shop = account(21, 'https://acme.example/', 'acme.example', { category: 'shopping' });
    expect(noticeChecks([shop], [acme], [], families)[0]!.severity).toBe('medium');
    expect(noticeChecks([shop, mailbox], [acme], [], families)[0]!.severity).toBe('critical');
  });
});

/** A complete HIBP record with defaults. */
const hibp = (fields: Partial<HibpBreach> & { Name: string }): HibpBreach => ({
  Title: fields.Name,
  Domain: '',
  BreachDate: '2020-01-01',
  AddedDate: '2020-02-01T00:00:00Z',
  ModifiedDate: '2020-02-01T00:00:00Z',
  PwnCount: 1000,
  Description: '',
  LogoPath: '',
  DataClasses: ['Email addresses', 'Passwords'],
  IsVerified: true,
  IsFabricated: false,
  IsSensitive: false,
  IsRetired: false,
  IsSpamList: false,
  IsMalware: false,
  IsSubscriptionFree: false,
  ...fields,
});

const catalogue = buildCatalogue({
  breaches: [
    hibp({ Name: 'Yahoo', Domain: 'yahoo.com', BreachDate: '2012-07-11' }),
    hibp({ Name: 'Xbox360ISO', Domain: 'xbox360iso.com', BreachDate: '2015-09-25' }),
    hibp({ Name: 'XboxForums', Domain: 'forums.xbox.com', BreachDate: '2016-05-01' }),
    hibp({ Name: 'Skype', Domain: 'skype.com', BreachDate: '2013-01-01', DataClasses: ['Email addresses'] }),
  ],
  breachesSupplement: [],
  twoFactor: {
    source: 'https://example.com',
    commit: 'a'.repeat(40),
    commit_date: '2026-01-02 03:04:05 +0000',
    count: 0,
    entries: [],
  },
  passkeys: {
    source: 'https://example.com',
    commit: 'a'.repeat(40),
    commit_date: '2026-01-02 03:04:05 +0000',
    count: 0,
    entries: [],
  },
  changePasswordUrls: {},
  sharedCredentials: [],
  accountFamilies: familiesFile,
});
const breachFindings = (accounts: CheckAccount[]) =>
  runChecks(accounts, { catalogue }).filter((draft) => draft.kind === 'breached_service');

describe('a catalogue breach reaches the family only when it is listed at a family domain', () => {
  it('a breach at yahoo.com concerns a Yahoo account at ymail.com, and says so', () => {
    const [draft] = breachFindings([
      account(1, 'https://login.ymail.com/', 'ymail.com', { service: 'Ymail' }),
    ]);
    expect(draft).toMatchObject({
      accountIds: [1],
      severity: 'high',
      evidence: {
        name: 'Yahoo',
        family: 'yahoo',
        families: [{ id: 'yahoo', name: 'Yahoo account' }],
        breaches: [{ name: 'Yahoo', family: 'yahoo' }],
      },
    });
    const text = describeFinding('breached_service', draft!.evidence, ['Ymail']);
    expect(text.title).toBe('Yahoo was breached in July 2012');
    expect(text.why).toMatch(/^Ymail signs in with your Yahoo account, so this breach concerns it\. /);
    // Changed since: nothing to do.
    expect(
      breachFindings([account(1, 'https://ymail.com/', 'ymail.com', { passwordChangedAt: '2013-01-01' })]),
    ).toEqual([]);
  });

  it('a breach at the account’s own domain is reported as before, without family evidence', () => {
    const [draft] = breachFindings([account(1, 'https://login.yahoo.com/', 'yahoo.com')]);
    expect(draft!.evidence.name).toBe('Yahoo');
    expect(draft!.evidence).not.toHaveProperty('families');
    expect(draft!.evidence).not.toHaveProperty('family');
  });

  it('a breach of a product with a family name, or at a family subdomain, does not spread', () => {
    const outlook = account(1, 'https://outlook.live.com/', 'live.com', { username: 'ann@hotmail.fr' });
    const xbox = account(2, 'https://www.xbox.com/', 'xbox.com');
    const [atOutlook, ...others] = breachFindings([outlook, xbox]);
    // Outlook.com gets the Skype breach (skype.com is a Microsoft account domain), and nothing else.
    expect(atOutlook).toMatchObject({
      accountIds: [1],
      severity: 'medium',
      evidence: { name: 'Skype', breaches: [{ name: 'Skype', family: 'microsoft-account' }] },
    });
    // Xbox keeps the forum breach at its own domain, and the Skype breach through the family;
    // Xbox360ISO (another site) reaches nobody.
    expect(others).toHaveLength(1);
    expect(others[0]!.accountIds).toEqual([2]);
    expect((others[0]!.evidence.breaches as { name: string }[]).map((b) => b.name)).toEqual([
      'XboxForums',
      'Skype',
    ]);
  });
});
