import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { format, setMessageLocale } from '../../messages/format';
import {
  GUIDE_CATEGORIES,
  GUIDE_EFFECT_TYPES,
  guideFileErrorMap,
  guideSchema,
  guidesFor,
  httpsUrlSchema,
  matchGuides,
  parseGuideText,
  parseIncidentsText,
  plainTextProblem,
  resolveSteps,
  serializeGuide,
  validateGuide,
  validateIncidentsFile,
  guideForNotice,
  variantForAccount,
  variantForDomain,
  type Guide,
  type GuideInput,
} from './index';

const SOURCE = {
  label: 'NCSC: Recovering a hacked account',
  url: 'https://www.ncsc.gov.uk/guidance/recovering-a-hacked-account',
};

type StepInput = GuideInput['steps'][number];

function step(overrides: Partial<StepInput> = {}): StepInput {
  return {
    id: 'change-password',
    title: 'Change the password',
    why: 'A new password locks out anyone who knows the old one.',
    instructions: ['Open the security settings.', 'Choose Change password.'],
    estimatedMinutes: 5,
    sources: [SOURCE],
    ...overrides,
  };
}

function guideInput(overrides: Partial<GuideInput> = {}): GuideInput {
  return {
    id: 'office-checklist',
    version: '1.0',
    title: 'Our office checklist',
    summary: 'What every new member of staff does in their first week.',
    category: 'business',
    audience: ['small_business'],
    estimatedMinutes: 5,
    steps: [step()],
    ...overrides,
  };
}

function valid(input: unknown): Guide {
  const result = validateGuide(input, 'test.json');
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.guide;
}

function errorsOf(input: unknown): { path: string; message: string }[] {
  const result = validateGuide(input, 'test.json');
  if (result.ok) throw new Error('expected the guide to be invalid');
  return result.errors.map(({ path, message }) => ({ path, message }));
}

describe('validateGuide', () => {
  it('accepts a minimal guide and fills in the defaults', () => {
    const guide = valid(guideInput());
    expect(guide.appliesTo).toEqual({});
    expect(guide.steps[0]!.links).toEqual([]);
    expect(guide.steps[0]!.effects).toEqual([]);
  });

  it('reports every problem of a broken guide at once, each with the file and its exact JSON path', () => {
    const broken = {
      ...guideInput({ id: 'Office_Checklist' }),
      steps: [
        step(),
        step({ id: 'second', links: [{ label: 'Old page', url: 'http://example.com/help' }] }),
        { ...step({ id: 'third' }), title: undefined },
        step({ id: 'fourth', effects: [{ type: 'run_script', script: 'rm -rf /' } as never] }),
        step({ id: 'fifth', instructions: ['Click <a href="https://evil.example">here</a>'] }),
      ],
    };
    const result = validateGuide(broken, 'shared/office.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.every((error) => error.file === 'shared/office.json')).toBe(true);
    expect(result.errors.map((error) => error.path)).toEqual([
      '$.id',
      '$.steps[1].links[0].url',
      '$.steps[2].title',
      '$.steps[3].effects[0].type',
      '$.steps[4].instructions[0]',
    ]);
    const byPath = Object.fromEntries(result.errors.map((error) => [error.path, error.message]));
    expect(byPath['$.id']).toMatch(/kebab-case/);
    expect(byPath['$.steps[1].links[0].url']).toMatch(/https:\/\//);
    expect(byPath['$.steps[2].title']).toBe('Missing required field "title".');
    expect(byPath['$.steps[3].effects[0].type']).toBe(
      'Unknown effect type "run_script": expected one of set_mfa, set_password_changed, mark_recovery_reviewed, create_task, link_mail_scan.',
    );
    expect(byPath['$.steps[4].instructions[0]']).toMatch(/no HTML/);
  });

  it('names unknown fields at their own path, and refuses input that is not an object', () => {
    expect(errorsOf({ ...guideInput(), colour: 'red' })).toEqual([
      { path: '$.colour', message: expect.stringMatching(/Unknown field "colour"/) },
    ]);
    expect(errorsOf({ ...guideInput(), steps: [{ ...step(), instrutions: [] }] })[0]!.path).toBe(
      '$.steps[0].instrutions',
    );
    expect(errorsOf([1, 2, 3])).toEqual([{ path: '$', message: expect.any(String) }]);
  });

  it('requires at least one step, instruction and source', () => {
    expect(errorsOf(guideInput({ steps: [] }))[0]!.path).toBe('$.steps');
    expect(errorsOf(guideInput({ steps: [step({ instructions: [] })] }))[0]!.path).toBe(
      '$.steps[0].instructions',
    );
    expect(errorsOf(guideInput({ steps: [step({ sources: [] })] }))).toEqual([
      { path: '$.steps[0].sources', message: expect.stringMatching(/at least one source/) },
    ]);
  });

  it('checks versions and ids', () => {
    for (const version of ['1', '1.0.0', '01.0', 'v1.0', '1.a']) {
      expect(errorsOf(guideInput({ version }))[0]!.path).toBe('$.version');
    }
    for (const version of ['0.1', '1.0', '2.13']) valid(guideInput({ version }));
    for (const id of ['Guide', 'my_guide', '-guide', 'guide-', 'a--b', 'a b', '']) {
      expect(errorsOf(guideInput({ id }))[0]!.path).toBe('$.id');
    }
    expect(errorsOf(guideInput({ steps: [step(), step()] }))).toEqual([
      { path: '$.steps[1].id', message: 'Duplicate step id "change-password".' },
    ]);
  });

  it('wants a confirmation to be a question', () => {
    valid(guideInput({ steps: [step({ confirm: 'Have you changed it?' })] }));
    expect(errorsOf(guideInput({ steps: [step({ confirm: 'Done.' })] }))[0]!.path).toBe('$.steps[0].confirm');
  });

  it('enforces length limits', () => {
    expect(errorsOf(guideInput({ title: 'x'.repeat(121) }))[0]).toEqual({
      path: '$.title',
      message: 'At most 120 characters.',
    });
  });
});

describe('plain text', () => {
  it('refuses markup, entities, script URLs and invisible characters', () => {
    for (const text of [
      '<b>bold</b>',
      'see <img src=x onerror=alert(1)>',
      '</p>',
      '<!-- comment -->',
      '<?xml?>',
      'Tom &amp; Jerry',
      '&#60;script&#62;',
      'javascript:alert(1)',
      'open JavaScript :alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'right\u202eleft',
      'zero\u200bwidth',
      'two\nlines',
      ' leading space',
    ]) {
      expect(plainTextProblem(text), text).not.toBeNull();
    }
  });

  it('accepts ordinary text, including a < b, ampersands and the word data', () => {
    for (const text of [
      'If a < b, stop.',
      'Tom & Jerry',
      'Your data: names and emails',
      '3 < 4 & 5 > 2',
      'Café — ça va ?',
    ]) {
      expect(plainTextProblem(text), text).toBeNull();
    }
  });

  it('applies to every text field, down to link labels and task titles', () => {
    const guide = guideInput({
      steps: [
        step({
          links: [{ label: '<b>Help</b>', url: 'https://example.com' }],
          effects: [{ type: 'create_task', title: 'Call &quot;the bank&quot;', priority: 'P2' }],
        }),
      ],
    });
    expect(errorsOf(guide).map((error) => error.path)).toEqual([
      '$.steps[0].links[0].label',
      '$.steps[0].effects[0].title',
    ]);
  });
});

describe('links', () => {
  it('accepts https URLs to named hosts, with paths, queries and fragments', () => {
    for (const url of [
      'https://example.com',
      'https://support.google.com/accounts/answer/185839?hl=en',
      'https://account.live.com/consent/Manage',
      'https://www.ncsc.gov.uk/collection/top-tips#section_1',
      'https://example.com:8443/a%20b',
    ]) {
      expect(httpsUrlSchema.safeParse(url).success, url).toBe(true);
    }
  });

  it('refuses http, javascript, data and other schemes, credentials, IP addresses and spaces', () => {
    for (const url of [
      'http://example.com',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://example.com/file',
      'HTTPS://example.com',
      '//example.com',
      'https://user:pass@example.com',
      'https://example.com@evil.example',
      'https://192.168.0.1/admin',
      'https://localhost/',
      'https://Example.com/',
      'https://example.com/a b',
      'https://example.com/"onmouseover="x',
      ' https://example.com',
    ]) {
      expect(httpsUrlSchema.safeParse(url).success, url).toBe(false);
    }
  });
});

describe('effects', () => {
  const withEffects = (effects: unknown[], extra: Partial<StepInput> = {}) =>
    guideInput({ steps: [step({ effects: effects as never, ...extra })] });

  it('accepts the four effect types', () => {
    const guide = valid(
      withEffects([
        { type: 'set_mfa', method: 'totp' },
        { type: 'set_password_changed' },
        { type: 'mark_recovery_reviewed' },
        { type: 'create_task', title: 'Update the card on subscriptions', priority: 'P3', dueInDays: 14 },
      ]),
    );
    expect(guide.steps[0]!.effects.map((effect) => effect.type)).toEqual([
      'set_mfa',
      'set_password_changed',
      'mark_recovery_reviewed',
      'create_task',
    ]);
    valid(withEffects([{ type: 'set_mfa', method: 'ask' }]));
  });

  it('refuses bad values, extra fields and a missing type', () => {
    expect(errorsOf(withEffects([{ type: 'set_mfa', method: 'unknown' }]))[0]!.path).toBe(
      '$.steps[0].effects[0].method',
    );
    expect(errorsOf(withEffects([{ type: 'create_task', title: 'Do it', priority: 'P5' }]))[0]!.path).toBe(
      '$.steps[0].effects[0].priority',
    );
    expect(
      errorsOf(withEffects([{ type: 'create_task', title: 'Do it', priority: 'P1', dueInDays: -1 }]))[0]!
        .path,
    ).toBe('$.steps[0].effects[0].dueInDays');
    expect(errorsOf(withEffects([{ type: 'set_password_changed', date: '2020-01-01' }]))[0]!.path).toBe(
      '$.steps[0].effects[0].date',
    );
    expect(errorsOf(withEffects([{ method: 'totp' }]))).toEqual([
      { path: '$.steps[0].effects[0].type', message: expect.stringMatching(/^Missing "type"/) },
    ]);
  });

  it('creates per-item tasks only from a step that collects a list, with {item} in the title', () => {
    const collects = { prompt: 'Name each secret.', itemLabel: 'Secret', maxItems: 20 };
    valid(
      withEffects([{ type: 'create_task', title: 'Replace {item}', priority: 'P2', perItem: true }], {
        collects,
      }),
    );
    expect(
      errorsOf(
        withEffects([{ type: 'create_task', title: 'Replace {item}', priority: 'P2', perItem: true }]),
      ),
    ).toEqual([{ path: '$.steps[0].effects[0].perItem', message: expect.stringMatching(/collects/) }]);
    expect(
      errorsOf(
        withEffects([{ type: 'create_task', title: 'Replace it', priority: 'P2', perItem: true }], {
          collects,
        }),
      ),
    ).toEqual([{ path: '$.steps[0].effects[0].title', message: expect.stringMatching(/\{item\}/) }]);
    expect(
      errorsOf(withEffects([{ type: 'create_task', title: 'Replace {item}', priority: 'P2' }]))[0]!.path,
    ).toBe('$.steps[0].effects[0].title');
  });

  it('reports cross-field problems in the same pass as field problems', () => {
    const errors = errorsOf(
      guideInput({
        version: 'one',
        steps: [
          step({
            effects: [{ type: 'create_task', title: 'Replace {item}', priority: 'P2', perItem: true }],
          }),
        ],
      }),
    );
    expect(errors.map((error) => error.path)).toEqual(['$.version', '$.steps[0].effects[0].perItem']);
  });
});

describe('variants', () => {
  const variants = [
    { id: 'google', label: 'Google (Gmail)', domains: ['gmail.com', 'google.com'] },
    { id: 'microsoft', label: 'Microsoft', domains: ['outlook.com', 'live.com'] },
  ];
  const googleLink = { label: 'Google Account', url: 'https://myaccount.google.com/security' };

  it('overrides instructions, links and sources of a step for one variant', () => {
    const guide = valid(
      guideInput({
        variants,
        steps: [
          step({
            variants: { google: { instructions: ['Open myaccount.google.com.'], links: [googleLink] } },
          }),
          step({ id: 'second' }),
        ],
      }),
    );
    const google = resolveSteps(guide, 'google');
    expect(google[0]!.instructions).toEqual(['Open myaccount.google.com.']);
    expect(google[0]!.links).toEqual([googleLink]);
    expect(google[0]!.sources).toEqual([SOURCE]);
    expect(google[1]!.instructions).toEqual(step().instructions);
    expect(resolveSteps(guide, 'microsoft')[0]!.instructions).toEqual(step().instructions);
    expect(resolveSteps(guide)[0]).not.toHaveProperty('variants');
  });

  it('picks the variant for a domain or any subdomain of it', () => {
    const guide = valid(guideInput({ variants }));
    expect(variantForDomain(guide, 'accounts.google.com')?.id).toBe('google');
    expect(variantForDomain(guide, 'Outlook.com')?.id).toBe('microsoft');
    expect(variantForDomain(guide, 'notgoogle.com')).toBeUndefined();
  });

  it('refuses undeclared variants, duplicate ids and empty overrides', () => {
    expect(
      errorsOf(guideInput({ steps: [step({ variants: { google: { instructions: ['x'] } } })] })),
    ).toEqual([{ path: '$.steps[0].variants.google', message: expect.stringMatching(/not declared/) }]);
    expect(
      errorsOf(guideInput({ variants, steps: [step({ variants: { yahoo: { instructions: ['x'] } } })] }))[0],
    ).toEqual({
      path: '$.steps[0].variants.yahoo',
      message: 'Unknown variant "yahoo": expected one of google, microsoft.',
    });
    expect(errorsOf(guideInput({ variants: [variants[0]!, variants[0]!] }))).toEqual([
      { path: '$.variants[1].id', message: 'Duplicate variant id "google".' },
    ]);
    expect(errorsOf(guideInput({ variants, steps: [step({ variants: { google: {} } })] }))[0]!.path).toBe(
      '$.steps[0].variants.google',
    );
    expect(
      errorsOf(guideInput({ variants, steps: [step({ variants: { Google: { instructions: ['x'] } } })] }))[0]!
        .path,
    ).toBe('$.steps[0].variants.Google');
  });
});

describe('variants chosen by account family', () => {
  const variants = [
    { id: 'personal', label: 'Personal Microsoft account', families: ['microsoft-account'] },
    { id: 'work', label: 'Microsoft 365 work or school account', families: ['microsoft-entra'] },
    { id: 'gmail', label: 'Gmail', domains: ['gmail.com'] },
  ];

  it('picks the one variant naming the account’s family, before any domain', () => {
    const guide = valid(guideInput({ variants }));
    expect(variantForAccount(guide, { domain: 'office.com', families: ['microsoft-entra'] })?.id).toBe(
      'work',
    );
    expect(variantForAccount(guide, { domain: 'xbox.com', families: ['microsoft-account'] })?.id).toBe(
      'personal',
    );
    // A family no variant names falls back to the domain; no family at all too.
    expect(variantForAccount(guide, { domain: 'gmail.com', families: ['google'] })?.id).toBe('gmail');
    expect(variantForAccount(guide, { domain: 'mail.gmail.com' })?.id).toBe('gmail');
    expect(variantForAccount(guide, { domain: 'yahoo.com', families: ['yahoo'] })).toBeUndefined();
    expect(variantForAccount(guide, {})).toBeUndefined();
  });

  it('leaves the choice to the person when the account is in two families that pick different variants', () => {
    const guide = valid(guideInput({ variants }));
    expect(
      variantForAccount(guide, { domain: 'office.com', families: ['microsoft-account', 'microsoft-entra'] }),
    ).toBeUndefined();
  });

  it('counts a variant’s family as a match when finding guides', () => {
    const guide = valid(guideInput({ id: 'breach', variants }));
    expect(matchGuides({ families: ['microsoft-entra'] }, [guide])[0]?.matched.domain).toBe(true);
    expect(matchGuides({ families: ['aws'] }, [guide])).toEqual([]);
  });

  it('validates family ids and keeps files without them unchanged', () => {
    expect(
      errorsOf(guideInput({ variants: [{ id: 'x', label: 'X', families: ['Microsoft Account'] }] }))[0]!.path,
    ).toBe('$.variants[0].families[0]');
    expect(errorsOf(guideInput({ variants: [{ id: 'x', label: 'X', families: [] }] }))[0]!.path).toBe(
      '$.variants[0].families',
    );
    const plain = valid(guideInput({ variants: [{ id: 'g', label: 'Google', domains: ['google.com'] }] }));
    expect(serializeGuide(plain)).not.toContain('families');
  });
});

describe('guideForNotice', () => {
  const make = (id: string, appliesTo: GuideInput['appliesTo']) => valid(guideInput({ id, appliesTo }));
  const guides = [
    make('email-provider-breach', { dataClasses: ['Email messages'] }),
    make('secure-main-email', {}),
    make('exposed-passwords', { dataClasses: ['Passwords'] }),
  ];
  const incidents = [{ id: 'microsoft-2024', guides: ['no-such-guide', 'secure-main-email'] }];

  it('is the incident’s first guide in the library, else the best guide for what was exposed', () => {
    expect(
      guideForNotice(
        { incidentId: 'microsoft-2024', exposed: ['Passwords'], domains: ['microsoft.com'] },
        incidents,
        guides,
      )?.id,
    ).toBe('secure-main-email');
    expect(
      guideForNotice({ incidentId: null, exposed: ['Passwords'], domains: ['acme.com'] }, incidents, guides)
        ?.id,
    ).toBe('exposed-passwords');
    expect(
      guideForNotice({ incidentId: null, exposed: ['Names'], domains: [] }, incidents, guides),
    ).toBeUndefined();
  });
});

describe('guidesFor', () => {
  const make = (
    id: string,
    category: Guide['category'],
    appliesTo: GuideInput['appliesTo'],
    extra: Partial<GuideInput> = {},
  ) => valid(guideInput({ id, category, appliesTo, ...extra }));
  const guides = [
    make('generic-mfa', 'two_step', { findingKinds: ['mfa_available', 'mfa_upgrade'] }),
    make('app-mfa', 'two_step', { findingKinds: ['mfa_upgrade'] }),
    make('passwords', 'exposed_data', { findingKinds: ['password_pwned'], dataClasses: ['Passwords'] }),
    make('emails', 'exposed_data', { dataClasses: ['Email addresses'] }),
    make(
      'mailbox',
      'account_security',
      {},
      { variants: [{ id: 'google', label: 'Google', domains: ['google.com'] }] },
    ),
    make('nothing', 'other', {}),
  ];

  it('returns only matching guides, best first', () => {
    expect(
      guidesFor({ findingKinds: ['password_pwned'], dataClasses: ['passwords'] }, guides).map((g) => g.id),
    ).toEqual(['passwords']);
    expect(guidesFor({ dataClasses: ['Email addresses', 'Passwords'] }, guides).map((g) => g.id)).toEqual([
      'emails',
      'passwords',
    ]);
    expect(guidesFor({}, guides)).toEqual([]);
    expect(guidesFor({ findingKinds: ['insecure_url'] }, guides)).toEqual([]);
  });

  it('prefers the more specific guide on equal scores', () => {
    expect(guidesFor({ findingKinds: ['mfa_upgrade'] }, guides).map((g) => g.id)).toEqual([
      'app-mfa',
      'generic-mfa',
    ]);
  });

  it('matches domains of variants, including subdomains, below a finding match', () => {
    expect(guidesFor({ domain: 'mail.google.com' }, guides).map((g) => g.id)).toEqual(['mailbox']);
    const ranked = matchGuides({ domain: 'google.com', findingKinds: ['mfa_available'] }, guides);
    expect(ranked.map((match) => [match.guide.id, match.score])).toEqual([
      ['generic-mfa', 10],
      ['mailbox', 5],
    ]);
    expect(ranked[1]!.matched).toEqual({ findingKinds: [], dataClasses: [], domain: true });
  });
});

describe('text files', () => {
  it('reports text that is not JSON at $', () => {
    expect(parseGuideText('{ "id": ', 'broken.json')).toEqual({
      ok: false,
      errors: [{ file: 'broken.json', path: '$', message: expect.stringMatching(/^Not valid JSON/) }],
    });
  });

  it('accepts a byte-order mark, and round-trips through serializeGuide', () => {
    const guide = valid(guideInput({ appliesTo: { dataClasses: ['Passwords'] } }));
    const text = serializeGuide(guide);
    expect(text.endsWith('}\n')).toBe(true);
    const again = parseGuideText(`\uFEFF${text}`, 'copy.json');
    expect(again).toEqual({ ok: true, guide });
    expect(guideSchema.parse(JSON.parse(text))).toEqual(guide);
  });
});

/** A valid incident, as an incidents file lists it. */
const INCIDENT = {
  id: 'example-2024',
  provider: 'Example',
  title: 'Example mail breach',
  domains: ['example.com'],
  period: { from: '2023-11', to: '2024-03' },
  disclosedOn: '2024-01-19',
  summary: 'Someone read the mailboxes.',
  whatWasTaken: ['Emails.'],
  notices: [
    { label: 'Notice', publisher: 'Example', publishedOn: '2024-01-19', url: 'https://example.com/notice' },
  ],
  guides: ['email-provider-breach'],
};

describe('incidents', () => {
  const incident = INCIDENT;

  it('validates a file of incidents and refuses duplicates, bad dates and http notices', () => {
    const result = validateIncidentsFile(
      { version: '1.0', reviewedOn: '2024-05-01', incidents: [incident] },
      'incidents.json',
    );
    expect(result.ok).toBe(true);
    const duplicate = validateIncidentsFile(
      { version: '1.0', reviewedOn: '2024-05-01', incidents: [incident, incident] },
      'incidents.json',
    );
    expect(duplicate.ok ? [] : duplicate.errors.map((error) => error.path)).toEqual(['$.incidents[1].id']);
    const bad = parseIncidentsText(
      JSON.stringify({
        version: '1.0',
        reviewedOn: '2024-02-30',
        incidents: [
          {
            ...incident,
            period: { from: '2023-13' },
            notices: [{ ...incident.notices[0], url: 'http://example.com' }],
          },
        ],
      }),
      'incidents.json',
    );
    expect(bad.ok ? [] : bad.errors.map((error) => error.path)).toEqual([
      '$.reviewedOn',
      '$.incidents[0].period.from',
      '$.incidents[0].notices[0].url',
    ]);
  });
});

describe('the problems an author reads', () => {
  afterEach(() => setMessageLocale('en'));

  const incident = { ...INCIDENT, period: { from: '2023-11' } };

  /** A guide with one problem of each kind, and what each problem says in English. */
  function brokenGuide(): { input: unknown; expected: Record<string, string> } {
    const input = {
      ...guideInput({
        title: undefined as never,
        summary: 'x'.repeat(601),
        category: 'nope' as never,
        audience: [],
        estimatedMinutes: 0,
        reviewedOn: '2024-02-30',
        related: ['office-checklist'],
        appliesTo: { domains: [`${'a'.repeat(250)}.com`] },
        steps: [
          step({
            estimatedMinutes: '5' as never,
            links: [{ label: 'Old page', url: 'http://example.com/help' }],
            effects: [
              { type: 'create_task', title: 'Replace {item}', priority: 'P9' as never, dueInDays: 400 },
            ],
          }),
          step({ confirm: 'Done.' }),
        ],
      }),
      colour: 'red',
    };
    return {
      input,
      expected: {
        '$.title': 'Missing required field "title".',
        '$.summary': 'At most 600 characters.',
        '$.category': `Unknown value "nope": expected one of ${GUIDE_CATEGORIES.join(', ')}.`,
        '$.audience': 'At least 1 item.',
        '$.estimatedMinutes': 'Must be 1 or more.',
        '$.appliesTo.domains[0]': 'At most 253 characters.',
        '$.reviewedOn': 'Expected a date that exists.',
        '$.steps[0].links[0].url':
          'Links must start with https:// (http:, javascript:, data: and other kinds are refused).',
        '$.steps[0].estimatedMinutes': 'Expected a number, got a string.',
        '$.steps[0].effects[0].priority': 'Unknown value "P9": expected one of P1, P2, P3, P4.',
        '$.steps[0].effects[0].dueInDays': 'Must be 365 or less.',
        '$.steps[0].effects[0].title':
          '{item} is only replaced in per-item tasks: set "perItem": true or remove it.',
        '$.steps[1].confirm': 'A confirmation is a question: end it with "?".',
        '$.steps[1].id': 'Duplicate step id "change-password".',
        '$.related[0]': 'A guide cannot be related to itself.',
        '$.colour': 'Unknown field "colour": check the spelling (only documented fields are allowed).',
      },
    };
  }

  /** A message per path (the first, where a path has two problems). */
  const byPath = (errors: { path: string; message: string }[]) =>
    Object.fromEntries([...errors].reverse().map(({ path, message }) => [path, message]));

  it('words each kind of problem in the catalogue’s English', () => {
    const { input, expected } = brokenGuide();
    const errors = errorsOf(input);
    expect(byPath(errors)).toEqual(expected);
    // The domain is both too long and not a domain name: two problems at one path.
    expect(errors.filter((error) => error.path === '$.appliesTo.domains[0]').map((e) => e.message)).toEqual([
      'At most 253 characters.',
      'Expected a lower-case domain name such as example.com.',
    ]);
  });

  it('words the limits and types zod checks without a message of ours, never in zod’s English', () => {
    const cases: [unknown, string, string][] = [
      [
        guideInput({ related: Array.from({ length: 11 }, (_, i) => `guide-${i}`) }),
        '$.related',
        'At most 10 items.',
      ],
      [guideInput({ audience: ['helper', 'helper', 'helper', 'helper'] }), '$.audience', 'At most 3 items.'],
      [guideInput({ estimatedMinutes: 601 }), '$.estimatedMinutes', 'Must be 600 or less.'],
      [guideInput({ estimatedMinutes: 1.5 }), '$.estimatedMinutes', 'Expected a whole number, got a number.'],
      [guideInput({ steps: 'none' as never }), '$.steps', 'Expected a list, got a string.'],
      [
        guideInput({ appliesTo: { domains: [7 as never] } }),
        '$.appliesTo.domains[0]',
        'Expected a string, got a number.',
      ],
      [
        guideInput({ variants: [{ id: 'a', label: 'A', families: [] }] }),
        '$.variants[0].families',
        'At least 1 item.',
      ],
      [
        guideInput({
          steps: [step({ collects: { prompt: 'Name them.', itemLabel: 'Name', maxItems: 51 } })],
        }),
        '$.steps[0].collects.maxItems',
        'Must be 50 or less.',
      ],
      [
        guideInput({ steps: [step({ effects: [{ type: 'set_mfa', method: 'pigeon' as never }] })] }),
        '$.steps[0].effects[0].method',
        'Unknown value "pigeon": expected one of sms, email, totp, push, passkey, security_key, ask.',
      ],
      [
        guideInput({ steps: [step({ effects: [{ type: 'set_mfa' } as never] })] }),
        '$.steps[0].effects[0].method',
        'Missing required field "method".',
      ],
      [
        guideInput({
          steps: [
            step({
              effects: [{ type: 'create_task', title: 'Do', priority: 'P1', perItem: 'yes' as never }],
            }),
          ],
        }),
        '$.steps[0].effects[0].perItem',
        'Expected true or false, got a string.',
      ],
      [
        guideInput({ steps: [step({ effects: [5 as never] })] }),
        '$.steps[0].effects[0]',
        'Expected an object, got a number.',
      ],
      [
        guideInput({ steps: [step({ effects: [{ method: 'totp' } as never] })] }),
        '$.steps[0].effects[0].type',
        `Missing "type": expected one of ${GUIDE_EFFECT_TYPES.join(', ')}.`,
      ],
      [
        guideInput({
          variants: [{ id: 'google', label: 'Google' }],
          steps: [step({ variants: { Google: { instructions: ['x'] } } })],
        }),
        '$.steps[0].variants.Google',
        'Invalid key "Google": Expected a kebab-case id: lower-case letters and digits joined by hyphens (my-guide-2).',
      ],
      [[1, 2, 3], '$', 'Expected an object, got a list.'],
    ];
    for (const [input, path, message] of cases) {
      expect(errorsOf(input), path).toContainEqual({ path, message });
    }
    // None of zod's own messages ("Too big: expected array to have <=10 items", "Invalid input: …").
    const all = cases.flatMap(([input]) => errorsOf(input)).map((error) => error.message);
    for (const message of all) {
      expect(message).not.toMatch(/Invalid (input|option|key in)|Too (big|small)|Unrecognized key|received/);
    }
  });

  it('words the rest of what zod can find from the catalogue too, should a later field use it', () => {
    const said = (schema: z.ZodType, value: unknown) =>
      schema.safeParse(value, { error: guideFileErrorMap }).error?.issues.map((issue) => issue.message);
    expect(said(z.string().min(3), 'ab')).toEqual(['At least 3 characters.']);
    expect(said(z.string().min(1), '')).toEqual(['Must not be empty.']);
    expect(said(z.number().lt(5), 5)).toEqual(['Must be less than 5.']);
    expect(said(z.number().gt(0), 0)).toEqual(['Must be more than 0.']);
    expect(said(z.number().multipleOf(5), 7)).toEqual(['Must be a multiple of 5.']);
    expect(said(z.literal('yes'), 'no')).toEqual(['Expected yes, got "no".']);
    expect(said(z.string().regex(/^a/), 'b')).toEqual(['Not in the expected format.']);
    expect(said(z.union([z.string(), z.number()]), true)).toEqual([
      'Does not match any of the allowed forms.',
    ]);
    expect(
      said(
        z.string().refine(() => false),
        'x',
      ),
    ).toEqual(['This value is not allowed here.']);
    expect(said(z.strictObject({}), undefined)).toEqual(['Expected an object.']);
  });

  it('words the rules of dates, links, ids, per-item tasks and incidents', () => {
    expect(errorsOf(guideInput({ reviewedOn: '2024-2-3' }))).toEqual([
      { path: '$.reviewedOn', message: 'Expected a date as YYYY-MM-DD.' },
    ]);
    expect(errorsOf(guideInput({ id: 'My Guide' }))).toEqual([
      {
        path: '$.id',
        message: 'Expected a kebab-case id: lower-case letters and digits joined by hyphens (my-guide-2).',
      },
    ]);
    expect(errorsOf(guideInput({ version: 'one' }))).toEqual([
      { path: '$.version', message: 'Expected a version as MAJOR.MINOR, such as 1.0.' },
    ]);
    expect(
      errorsOf(guideInput({ steps: [step({ links: [{ label: 'Admin', url: 'https://192.168.0.1/' }] })] })),
    ).toEqual([
      {
        path: '$.steps[0].links[0].url',
        message:
          'Expected https:// followed by a lower-case domain name and a path without spaces (no user name, no IP address).',
      },
    ]);
    expect(errorsOf(guideInput({ steps: [step({ title: 'Open <b>it</b>' })] }))).toEqual([
      {
        path: '$.steps[0].title',
        message: 'Use plain text only: no HTML or markup ("<" followed by a letter).',
      },
    ]);
    expect(
      errorsOf(
        guideInput({
          steps: [
            step({ effects: [{ type: 'create_task', title: 'Replace it', priority: 'P2', perItem: true }] }),
          ],
        }),
      ),
    ).toEqual([
      {
        path: '$.steps[0].effects[0].perItem',
        message: 'A per-item task needs the step to collect a list: add "collects".',
      },
      { path: '$.steps[0].effects[0].title', message: 'A per-item task title must contain {item}.' },
    ]);
    expect(
      errorsOf(guideInput({ steps: [step({ variants: { google: { instructions: ['x'] } } })] })),
    ).toEqual([
      {
        path: '$.steps[0].variants.google',
        message: 'Variant "google" is not declared: add it to the guide\'s "variants" list.',
      },
    ]);
    const incidents = validateIncidentsFile(
      {
        version: '1.0',
        reviewedOn: '2024-05-01',
        incidents: [
          incident,
          { ...incident, id: 'second', notices: [] },
          { ...incident, id: 'other', period: { from: '2023-1' } },
        ],
      },
      'incidents.json',
    );
    expect(incidents.ok ? [] : incidents.errors.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: '$.incidents[1].notices', message: 'An incident needs at least one official notice.' },
      { path: '$.incidents[2].period.from', message: 'Expected YYYY, YYYY-MM or YYYY-MM-DD.' },
    ]);
    const duplicate = validateIncidentsFile(
      { version: '1.0', reviewedOn: '2024-05-01', incidents: [incident, incident] },
      'incidents.json',
    );
    expect(duplicate.ok ? [] : duplicate.errors.map((error) => error.message)).toEqual([
      'Duplicate incident id "example-2024".',
    ]);
  });

  it('words a file that is not JSON, or too large', () => {
    expect(parseGuideText('{', 'broken.json')).toEqual({
      ok: false,
      errors: [
        {
          file: 'broken.json',
          path: '$',
          message: 'Not valid JSON: the text ends before the JSON is complete.',
        },
      ],
    });
    expect(parseGuideText('\uFEFF{\n  "id": "x",\n  oops\n}', 'broken.json')).toEqual({
      ok: false,
      errors: [
        {
          file: 'broken.json',
          path: '$',
          message: 'Not valid JSON: it stops being JSON at line 3, column 3.',
        },
      ],
    });
    expect(parseGuideText(' '.repeat(1_000_001), 'big.json')).toEqual({
      ok: false,
      errors: [
        {
          file: 'big.json',
          path: '$',
          message: 'The file is too large (1,000,001 characters; at most 1,000,000).',
        },
      ],
    });
  });

  /**
   * The words of the problems left once the file's own data is taken out (its field names, ids and
   * values, and the format's option lists): runs of two or more plain letters, as the command
   * line's pseudo-locale test finds them (electron/cli/pseudoLocale.test.ts).
   */
  function plainWords(text: string, data: readonly string[]): string[] {
    let rest = text;
    for (const value of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(value).join(' ');
    return rest.match(/[A-Za-z]{2,}/g) ?? [];
  }

  it('words every problem from the catalogue in use when it is reported: none is plain English in the pseudo-locale', () => {
    const badGuide = brokenGuide().input;
    const badIncidents = {
      version: '1.0',
      reviewedOn: '2024-13-01',
      incidents: [
        incident,
        { ...incident, notices: [], domains: ['a'.repeat(254)], extra: true },
        { ...incident, disclosedOn: '19 January 2024' },
      ],
    };
    /** What the file says, as the problems quote it: data, shown as it is. */
    const data = [
      '"colour"',
      '"title"',
      '"nope"',
      '"P9"',
      '"perItem": true',
      '"extra"',
      '"change-password"',
      '"example-2024"',
      '{item}',
      ...GUIDE_CATEGORIES,
      'P1',
      'P2',
      'P3',
      'P4',
    ];
    const messages = () => {
      const guide = validateGuide(badGuide, 'bad-guide.json');
      const incidents = validateIncidentsFile(badIncidents, 'incidents.json');
      const notJson = parseGuideText('{"id": ', 'broken.json');
      return [guide, incidents, notJson].flatMap((result) => (result.ok ? [] : result.errors));
    };
    const english = messages();
    // The check below can fail: in English, the same problems are words.
    expect(english.flatMap((error) => plainWords(error.message, data))).toContain('Missing');

    setMessageLocale('pseudo');
    const pseudo = messages();
    // The same problems at the same paths, each worded from the catalogue (the JSON parser's own
    // account of where the text breaks is the engine's, and is left out here).
    expect(pseudo.map((error) => error.path)).toEqual(english.map((error) => error.path));
    expect(pseudo.length).toBeGreaterThanOrEqual(20);
    for (const error of pseudo) {
      expect(error.message, error.path).toMatch(/^\[.*~\]$/s);
      if (error.file === 'broken.json') continue;
      expect(plainWords(error.message, data), `${error.path}: ${error.message}`).toEqual([]);
    }
    expect(pseudo.find((error) => error.file === 'broken.json')?.message).toMatch(/^\[Ñöţ ṽáļîð ĴŠÖÑ: /);
    expect(format('jsonFile.missingField', { field: 'title' })).toBe(
      pseudo.find((error) => error.path === '$.title')?.message,
    );
  });
});
