import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  guidesFor,
  parseGuideText,
  resolveSteps,
  variantForAccount,
  variantForDomain,
  type Guide,
  type GuideInput,
} from '../../../common/content/guides';
import type { AppFailure } from '../../../common/ipc/result';
import {
  BUNDLED_GUIDES_DIR,
  BUNDLED_INCIDENTS_FILE,
  exportGuide,
  GuideContentError,
  GuideImportError,
  importedGuidesDir,
  importGuide,
  listGuides,
  loadBundledGuides,
  loadImportedGuides,
  loadIncidents,
} from './guideStore';

const tempDir = () => mkdtempSync(join(tmpdir(), 'lockstep-guides-'));
const bundled = loadBundledGuides();
const byId = new Map(bundled.map((guide) => [guide.id, guide]));

const DATA_CLASS_GUIDES = [
  'exposed-passwords',
  'exposed-email-addresses',
  'exposed-security-questions',
  'exposed-phone-numbers',
  'exposed-credit-cards',
  'exposed-bank-account-numbers',
  'exposed-pins',
  'exposed-government-ids',
];

/** Every URL in a guide, with where it is. */
function urlsOf(guide: Guide): { where: string; url: string }[] {
  const urls: { where: string; url: string }[] = [];
  guide.steps.forEach((step, index) => {
    for (const link of [...step.links, ...step.sources])
      urls.push({ where: `${guide.id} step ${index}`, url: link.url });
    for (const [variant, override] of Object.entries(step.variants ?? {})) {
      for (const link of [...(override.links ?? []), ...(override.sources ?? [])]) {
        urls.push({ where: `${guide.id} step ${index} (${variant})`, url: link.url });
      }
    }
  });
  return urls;
}

function customGuide(overrides: Partial<GuideInput> = {}): GuideInput {
  return {
    id: 'office-checklist',
    version: '1.0',
    title: 'Our office checklist',
    summary: 'What every new member of staff does in their first week.',
    category: 'business',
    audience: ['small_business'],
    estimatedMinutes: 5,
    author: 'Acme Ltd',
    steps: [
      {
        id: 'turn-on-mfa',
        title: 'Turn on two-step sign-in for your work email',
        why: 'A stolen password alone is then not enough.',
        instructions: ['Open the security settings.', 'Turn on two-step verification.'],
        estimatedMinutes: 5,
        confirm: 'Is two-step sign-in on?',
        effects: [{ type: 'set_mfa', method: 'ask' }],
        sources: [
          {
            label: 'NCSC: Small Business Guide',
            url: 'https://www.ncsc.gov.uk/collection/small-business-guide',
          },
        ],
      },
    ],
    ...overrides,
  };
}

function writeJson(dir: string, name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  return file;
}

describe('bundled guides', () => {
  it('every bundled guide file validates, one guide per file named by its id', () => {
    const files = readdirSync(BUNDLED_GUIDES_DIR).filter((name) => name.endsWith('.json'));
    expect(files.length).toBe(bundled.length);
    for (const name of files) {
      const result = parseGuideText(readFileSync(join(BUNDLED_GUIDES_DIR, name), 'utf8'), name);
      expect(result.ok ? [] : result.errors, name).toEqual([]);
      if (result.ok) expect(name).toBe(`${result.guide.id}.json`);
    }
  });

  it('are stored in canonical form, so exporting a bundled guide reproduces its file byte for byte', () => {
    for (const guide of bundled) {
      expect(exportGuide(guide.id, bundled), guide.id).toBe(
        readFileSync(join(BUNDLED_GUIDES_DIR, `${guide.id}.json`), 'utf8'),
      );
    }
  });

  it('has every family: the email-provider breach, the main email account, two-step sign-in, 8 data classes, password manager, small business', () => {
    for (const id of [
      'email-provider-breach',
      'secure-main-email',
      'turn-on-two-step-sign-in',
      'two-step-authenticator-app',
      'two-step-passkey',
      'two-step-security-key',
      ...DATA_CLASS_GUIDES,
      'password-manager',
      'small-business-baseline',
    ]) {
      expect(byId.has(id), id).toBe(true);
    }
    const dataClassGuides = bundled.filter((guide) => guide.category === 'exposed_data');
    expect(dataClassGuides.map((guide) => guide.id).sort()).toEqual([...DATA_CLASS_GUIDES].sort());
    expect(dataClassGuides.every((guide) => (guide.appliesTo.dataClasses ?? []).length > 0)).toBe(true);
  });

  it('links and cites only https addresses, and every step has a source', () => {
    for (const guide of bundled) {
      for (const { where, url } of urlsOf(guide))
        expect(url, where).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/|$)/);
      for (const step of guide.steps)
        expect(step.sources.length, `${guide.id}/${step.id}`).toBeGreaterThan(0);
    }
  });

  it('keeps its totals, related guides and reviews consistent', () => {
    for (const guide of bundled) {
      const minutes = guide.steps.reduce((sum, step) => sum + step.estimatedMinutes, 0);
      expect(guide.estimatedMinutes, guide.id).toBe(minutes);
      for (const related of guide.related ?? [])
        expect(byId.has(related), `${guide.id} → ${related}`).toBe(true);
      expect(guide.reviewedOn, guide.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(guide.author).toBe('Lockstep');
    }
  });

  it('gives the main email account guide all five providers, on every step, chosen by account family', () => {
    const guide = byId.get('secure-main-email')!;
    expect(guide.variants!.map((variant) => variant.id)).toEqual([
      'microsoft',
      'microsoft-work',
      'google',
      'apple',
      'yahoo',
    ]);
    for (const step of guide.steps) {
      expect(Object.keys(step.variants ?? {}).sort(), step.id).toEqual([
        'apple',
        'google',
        'microsoft',
        'microsoft-work',
        'yahoo',
      ]);
    }
    expect(variantForDomain(guide, 'hotmail.com')?.id).toBe('microsoft');
    expect(variantForDomain(guide, 'accounts.google.com')?.id).toBe('google');
    expect(variantForDomain(guide, 'icloud.com')?.id).toBe('apple');
    expect(variantForDomain(guide, 'login.yahoo.com')?.id).toBe('yahoo');
    // By family: hotmail.fr is in no variant's domains, and a work account is told apart.
    expect(variantForAccount(guide, { domain: 'hotmail.fr', families: ['microsoft-account'] })?.id).toBe(
      'microsoft',
    );
    expect(variantForAccount(guide, { domain: 'office.com', families: ['microsoft-entra'] })?.id).toBe(
      'microsoft-work',
    );
    expect(
      variantForAccount(guide, { domain: 'office.com', families: ['microsoft-account', 'microsoft-entra'] }),
    ).toBeUndefined();
    const apple = resolveSteps(guide, 'apple');
    expect(apple.find((step) => step.id === 'backup-codes')!.instructions[0]).toMatch(
      /Apple does not use backup codes/,
    );
    const work = resolveSteps(guide, 'microsoft-work');
    expect(work.find((step) => step.id === 'two-step')!.links.map((link) => link.url)).toEqual([
      'https://mysignins.microsoft.com/security-info',
    ]);
  });

  it('tells a Microsoft 365 work account from a personal Microsoft account in the email-provider breach guide', () => {
    const guide = byId.get('email-provider-breach')!;
    expect(guide.variants!.map((variant) => [variant.id, variant.families])).toEqual([
      ['microsoft-personal', ['microsoft-account']],
      ['microsoft-work', ['microsoft-entra']],
    ]);
    const urls = (variant: string | undefined) =>
      resolveSteps(guide, variant).flatMap((step) => step.links.map((link) => link.url));
    const personal = urls('microsoft-personal');
    const work = urls('microsoft-work');
    expect(personal).toContain('https://account.microsoft.com/security');
    expect(personal).not.toContain('https://mysignins.microsoft.com/security-info');
    expect(work).toContain('https://mysignins.microsoft.com/security-info');
    expect(work).toContain('https://mysignins.microsoft.com');
    expect(work).not.toContain('https://account.microsoft.com/security');
    // A work account is told what to ask its IT admin; the generic steps (any other provider) are untouched.
    const workText = resolveSteps(guide, 'microsoft-work').flatMap((step) => step.instructions);
    expect(workText.filter((text) => /IT admin/.test(text)).length).toBeGreaterThanOrEqual(5);
    expect(urls(undefined)).not.toContain('https://mysignins.microsoft.com/security-info');
    // Yahoo, Google and the rest get the generic steps: no variant names their family.
    expect(variantForAccount(guide, { domain: 'yahoo.com', families: ['yahoo'] })).toBeUndefined();
    expect(variantForAccount(guide, { domain: 'xbox.com', families: ['microsoft-account'] })?.id).toBe(
      'microsoft-personal',
    );
  });

  it('records what a person did: two-step guides end by setting the MFA method', () => {
    const lastEffects = (id: string) => byId.get(id)!.steps.at(-1)!.effects;
    expect(lastEffects('turn-on-two-step-sign-in')).toEqual([{ type: 'set_mfa', method: 'ask' }]);
    expect(lastEffects('two-step-authenticator-app')).toEqual([{ type: 'set_mfa', method: 'totp' }]);
    expect(lastEffects('two-step-passkey')).toEqual([{ type: 'set_mfa', method: 'passkey' }]);
    expect(lastEffects('two-step-security-key')).toEqual([{ type: 'set_mfa', method: 'security_key' }]);
  });

  it('turns each secret from a breached mailbox into its own task, and offers the mailbox scan', () => {
    const step = byId.get('email-provider-breach')!.steps.find((candidate) => candidate.collects)!;
    expect(step.effects).toEqual([
      expect.objectContaining({ type: 'create_task', perItem: true }),
      { type: 'link_mail_scan' },
    ]);
    expect(guidesFor({ findingKinds: ['mail_secret'] }, bundled)[0]!.id).toBe('email-provider-breach');
    expect(step.sources.map((source) => source.url)).toContain(
      'https://www.cisa.gov/news-events/directives/ed-24-02-mitigating-significant-risk-nation-state-compromise-microsoft-corporate-email-system',
    );
  });

  it('picks the right guide for a situation', () => {
    expect(guidesFor({ findingKinds: ['email_in_breach'] }, bundled)[0]!.id).toBe('email-provider-breach');
    expect(guidesFor({ dataClasses: ['Passwords'] }, bundled)[0]!.id).toBe('exposed-passwords');
    expect(guidesFor({ findingKinds: ['mfa_available'] }, bundled)[0]!.id).toBe('turn-on-two-step-sign-in');
    expect(guidesFor({ findingKinds: ['password_reused'] }, bundled)[0]!.id).toBe('password-manager');
    expect(guidesFor({ domain: 'outlook.com' }, bundled)[0]!.id).toBe('secure-main-email');
    expect(guidesFor({ dataClasses: ['Social security numbers'] }, bundled)[0]!.id).toBe(
      'exposed-government-ids',
    );
  });

  it('a broken bundled guide fails loudly, naming the file and the JSON path', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'office-checklist.json'), JSON.stringify(customGuide({ version: 'one' })));
    writeJson(dir, 'misnamed.json', customGuide({ id: 'other-id' }));
    let caught: unknown;
    try {
      loadBundledGuides(dir);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GuideContentError);
    expect((caught as GuideContentError).errors).toEqual([
      { file: 'misnamed.json', path: '$.id', message: 'The file must be named other-id.json.' },
      { file: 'office-checklist.json', path: '$.version', message: expect.any(String) },
    ]);
    expect((caught as Error).message).toContain('office-checklist.json: $.version:');
  });
});

describe('bundled incidents', () => {
  const incidents = loadIncidents();

  it('validates, cites official https notices, and points to bundled guides', () => {
    expect(incidents.incidents.length).toBeGreaterThanOrEqual(3);
    for (const incident of incidents.incidents) {
      expect(incident.notices.length, incident.id).toBeGreaterThan(0);
      for (const notice of incident.notices) expect(notice.url, incident.id).toMatch(/^https:\/\//);
      for (const guide of incident.guides) expect(byId.has(guide), `${incident.id} → ${guide}`).toBe(true);
      expect(incident.disclosedOn >= incident.period.from.slice(0, 7), incident.id).toBe(true);
    }
  });

  it('includes the 2024 Microsoft corporate mail breach with MSRC and CISA notices', () => {
    const microsoft = incidents.incidents.find(
      (incident) => incident.id === 'microsoft-midnight-blizzard-2024',
    )!;
    expect(microsoft.domains).toContain('microsoft.com');
    const hosts = microsoft.notices.map((notice) => new URL(notice.url).hostname);
    expect(hosts).toEqual(expect.arrayContaining(['msrc.microsoft.com', 'www.cisa.gov']));
    expect(microsoft.guides[0]).toBe('email-provider-breach');
  });

  it('a broken incidents file names itself and the path', () => {
    const dir = tempDir();
    const file = writeJson(dir, 'incidents.json', {
      version: '1.0',
      reviewedOn: '2024-01-01',
      incidents: [{ id: 'x' }],
    });
    expect(() => loadIncidents(file)).toThrow(/incidents\.json: \$\.incidents\[0\]\.provider/);
    expect(readFileSync(BUNDLED_INCIDENTS_FILE, 'utf8').endsWith('\n')).toBe(true);
  });
});

describe('import and export', () => {
  it('imports a valid guide into <dataDir>/guides/<id>.json and lists it as imported', () => {
    const dataDir = tempDir();
    const file = writeJson(tempDir(), 'shared.json', customGuide());
    const guide = importGuide(file, dataDir, bundled);
    expect(guide.id).toBe('office-checklist');
    const target = join(importedGuidesDir(dataDir), 'office-checklist.json');
    expect(parseGuideText(readFileSync(target, 'utf8'), 'office-checklist.json')).toEqual({
      ok: true,
      guide,
    });
    expect(readdirSync(importedGuidesDir(dataDir))).toEqual(['office-checklist.json']);
    const listed = listGuides(dataDir, bundled);
    expect(listed).toHaveLength(bundled.length + 1);
    expect(listed.find((listing) => listing.guide.id === 'office-checklist')).toMatchObject({
      source: 'imported',
      file: target,
    });
  });

  it('refuses an invalid file with every problem and writes nothing', () => {
    const dataDir = tempDir();
    const broken = customGuide({ id: 'Bad Id' });
    broken.steps[0]!.links = [{ label: 'Click', url: 'javascript:alert(1)' }];
    const file = writeJson(tempDir(), 'broken.json', broken);
    let caught: unknown;
    try {
      importGuide(file, dataDir, bundled);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GuideImportError);
    const failure = caught as GuideImportError;
    expect(failure.code).toBe('invalid_input');
    expect(failure.errors.map((error) => `${error.file} ${error.path}`)).toEqual([
      'broken.json $.id',
      'broken.json $.steps[0].links[0].url',
    ]);
    expect(failure.fieldErrors).toHaveProperty(['$.steps[0].links[0].url']);
    expect(existsSync(importedGuidesDir(dataDir))).toBe(false);

    const notJson = join(tempDir(), 'notes.json');
    writeFileSync(notJson, 'this is not json');
    expect(() => importGuide(notJson, dataDir, bundled)).toThrow(GuideImportError);
    expect(() => importGuide(join(tempDir(), 'missing.json'), dataDir, bundled)).toThrow(/does not exist/);
    expect(existsSync(importedGuidesDir(dataDir))).toBe(false);
  });

  it('refuses a guide that takes a bundled id and version, but accepts a new version of it', () => {
    const dataDir = tempDir();
    const original = bundled.find((guide) => guide.id === 'exposed-pins')!;
    const copy = writeJson(tempDir(), 'copy.json', original);
    expect(() => importGuide(copy, dataDir, bundled)).toThrow(
      expect.objectContaining({
        code: 'conflict',
        message: expect.stringMatching(/built-in guide/),
      }) as AppFailure,
    );
    expect(existsSync(importedGuidesDir(dataDir))).toBe(false);

    const edition = writeJson(tempDir(), 'edition.json', { ...original, version: '1.1', author: 'Acme Ltd' });
    importGuide(edition, dataDir, bundled);
    const listed = listGuides(dataDir, bundled).filter((listing) => listing.guide.id === 'exposed-pins');
    expect(listed).toEqual([
      expect.objectContaining({ source: 'imported', guide: expect.objectContaining({ version: '1.1' }) }),
    ]);
  });

  it('round-trips: export, import elsewhere, export again gives the same text', () => {
    const first = tempDir();
    importGuide(writeJson(tempDir(), 'shared.json', customGuide()), first, bundled);
    const exported = exportGuide(
      'office-checklist',
      listGuides(first, bundled).map((listing) => listing.guide),
    );
    const second = tempDir();
    const file = join(tempDir(), 'office-checklist.json');
    writeFileSync(file, exported);
    const imported = importGuide(file, second, bundled);
    expect(exportGuide(imported.id, [imported])).toBe(exported);
    expect(JSON.parse(exported)).toMatchObject({ id: 'office-checklist', author: 'Acme Ltd' });

    const pins = exportGuide('exposed-pins', bundled);
    expect(parseGuideText(pins, 'exposed-pins.json')).toEqual({ ok: true, guide: byId.get('exposed-pins') });
    expect(() => exportGuide('no-such-guide', bundled)).toThrow(
      expect.objectContaining({ code: 'not_found' }) as AppFailure,
    );
  });

  it('re-importing replaces the earlier import, atomically, leaving no temporary files', () => {
    const dataDir = tempDir();
    importGuide(writeJson(tempDir(), 'a.json', customGuide()), dataDir, bundled);
    importGuide(
      writeJson(
        tempDir(),
        'b.json',
        customGuide({ version: '1.1', title: 'Our office checklist, 2nd edition' }),
      ),
      dataDir,
      bundled,
    );
    expect(readdirSync(importedGuidesDir(dataDir))).toEqual(['office-checklist.json']);
    expect(
      listGuides(dataDir, bundled).find((listing) => listing.guide.id === 'office-checklist')!.guide.title,
    ).toBe('Our office checklist, 2nd edition');
  });

  it('skips an imported file that no longer validates, reporting it', () => {
    const dataDir = tempDir();
    mkdirSync(importedGuidesDir(dataDir), { recursive: true });
    writeFileSync(join(importedGuidesDir(dataDir), 'edited.json'), '{"id": "edited"}');
    const { guides, problems } = loadImportedGuides(dataDir);
    expect(guides).toEqual([]);
    expect(problems[0]).toMatchObject({ file: 'edited.json', path: '$.version' });
    expect(listGuides(dataDir, bundled)).toHaveLength(bundled.length);
  });
});
