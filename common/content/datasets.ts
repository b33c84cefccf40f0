/**
 * Schemas for the bundled public datasets (electron/data, described in its SOURCES.md): Have I Been
 * Pwned's breach list and its supplement, the 2FA and passkeys directories, Apple's change-password
 * URLs and shared-credential groups, and Lockstep's account families (schema in `./families.ts`).
 * Platform-free: the caller reads the files, this module parses and validates their text.
 *
 * Objects are not `.strict()`: a field the sources add later (HIBP adds fields over time) is dropped
 * rather than rejected, so a refreshed copy still loads. Every field Lockstep reads is checked for
 * type and shape, and each file is checked as a whole (unique breach names, `count` = entries).
 */
import { z } from 'zod';
import { format, says } from '../messages/format';
import { ACCOUNT_FAMILY_KINDS, accountFamiliesFileSchema, type AccountFamiliesFile } from './families';
import { fileErrorMap, jsonSyntaxValues } from './fileProblems';

/** A real calendar date written `YYYY-MM-DD` (HIBP's `BreachDate`). */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, says('jsonFile.date'))
  .refine(isRealDate, says('jsonFile.dateExists'));

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An ISO-8601 UTC timestamp, as HIBP writes them: `2015-10-26T23:35:45Z`. */
const utcTimestamp = z.iso.datetime();

/** A lower-case DNS host name with at least two labels (`example.com`, `m365.cloud.microsoft`). */
const hostName = z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, says('jsonFile.hostName'));

/** HIBP's `Domain`: a host name (case as HIBP wrote it) or `''` when the breach has none. */
const hibpDomain = z.string().regex(/^$|^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, says('datasetFile.hibpDomain'));

const webUrl = z.url({ protocol: /^https?$/, ...says('datasetFile.webUrl') });
const httpsUrl = z.url({ protocol: /^https$/, ...says('jsonFile.httpsUrl') });
const nonEmpty = z.string().min(1);

/**
 * One record of Have I Been Pwned's `GET /api/v3/breaches`, complete. `Description` is HTML: show it
 * only through {@link htmlToText}. `Attribution`, `DisclosureUrl` and `IsStealerLog` are newer API
 * fields, accepted when present.
 */
export const hibpBreachSchema = z.object({
  Name: nonEmpty,
  Title: z.string(),
  Domain: hibpDomain,
  BreachDate: calendarDate,
  AddedDate: utcTimestamp,
  ModifiedDate: utcTimestamp,
  PwnCount: z.int().nonnegative(),
  Description: z.string(),
  LogoPath: z.string(),
  DataClasses: z.array(nonEmpty),
  IsVerified: z.boolean(),
  IsFabricated: z.boolean(),
  IsSensitive: z.boolean(),
  IsRetired: z.boolean(),
  IsSpamList: z.boolean(),
  IsMalware: z.boolean(),
  IsSubscriptionFree: z.boolean(),
  Attribution: z.string().nullable().optional(),
  DisclosureUrl: z.string().nullable().optional(),
  IsStealerLog: z.boolean().optional(),
});

/** A complete HIBP breach record. */
export type HibpBreach = z.infer<typeof hibpBreachSchema>;

/**
 * One record of `hibp-breaches-supplement.json`: the same fields where known (only `Name`,
 * `AddedDate`, `PwnCount` and `Description` are always there), plus where the record came from:
 * `_partial` (some fields unknown), `_sources` (the mirrors it was rebuilt from) and
 * `_name_derived_from_logo` (the `Name` was read from the logo file name, not given).
 */
export const hibpSupplementBreachSchema = hibpBreachSchema
  .partial()
  .required({ Name: true, AddedDate: true, PwnCount: true, Description: true })
  .extend({
    _partial: z.boolean(),
    _sources: z.array(nonEmpty).min(1),
    _name_derived_from_logo: z.boolean().optional(),
  });

/** A supplement breach record, possibly partial. */
export type HibpSupplementBreach = z.infer<typeof hibpSupplementBreachSchema>;

function uniqueNames<T extends { Name: string }>(records: T[], context: z.RefinementCtx): void {
  const seen = new Set<string>();
  records.forEach((record, index) => {
    if (seen.has(record.Name)) {
      context.addIssue({
        code: 'custom',
        message: format('datasetFile.duplicateBreach', { name: record.Name }),
        path: [index, 'Name'],
      });
    }
    seen.add(record.Name);
  });
}

/** `hibp-breaches.json`: an array of complete HIBP records with unique `Name`s. */
export const hibpBreachesFileSchema = z.array(hibpBreachSchema).superRefine(uniqueNames);

/** `hibp-breaches-supplement.json`: an array of supplement records with unique `Name`s. */
export const hibpSupplementFileSchema = z.array(hibpSupplementBreachSchema).superRefine(uniqueNames);

/** The 2FA methods the 2FA directory knows, in its own spelling. */
export const TWO_FACTOR_METHODS = [
  'sms',
  'call',
  'email',
  'u2f',
  'totp',
  'custom-software',
  'custom-hardware',
] as const;

/** A 2FA method: SMS, phone call, email, security key (U2F/WebAuthn), authenticator app, or proprietary. */
export type TwoFactorMethod = (typeof TWO_FACTOR_METHODS)[number];

/** How to reach a service that has no 2FA (2FA directory `contact`). */
const contactSchema = z.object({
  form: z.string().optional(),
  email: z.string().optional(),
  twitter: z.string().optional(),
  facebook: z.string().optional(),
  language: z.string().optional(),
});

/** Where a service is offered: ISO 3166 alpha-2 codes, a leading `-` excludes the country. */
const regions = z.array(z.string().regex(/^-?[a-z]{2}$/, says('datasetFile.region')));

const directoryHeader = {
  source: httpsUrl,
  commit: z.string().regex(/^[0-9a-f]{40}$/, says('datasetFile.commit')),
  commit_date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/, says('datasetFile.gitDate')),
  count: z.int().nonnegative(),
};

function countMatches(file: { count: number; entries: unknown[] }, context: z.RefinementCtx): void {
  if (file.count !== file.entries.length) {
    context.addIssue({
      code: 'custom',
      message: format('datasetFile.countMismatch', { count: file.count, entries: file.entries.length }),
      path: ['count'],
    });
  }
}

/**
 * One service of the 2FA directory (2fa.directory). `tfa` is absent when the service offers no 2FA
 * (it then usually has `contact`); `custom-software`/`custom-hardware` name proprietary apps and
 * tokens; `documentation` explains how to turn 2FA on.
 */
export const twoFactorEntrySchema = z.object({
  name: nonEmpty,
  domain: hostName,
  tfa: z.array(z.enum(TWO_FACTOR_METHODS)).min(1).optional(),
  'custom-software': z.array(nonEmpty).optional(),
  'custom-hardware': z.array(nonEmpty).optional(),
  documentation: webUrl.optional(),
  recovery: webUrl.optional(),
  notes: z.string().optional(),
  regions: regions.optional(),
  'additional-domains': z.array(hostName).optional(),
  categories: z.array(nonEmpty).optional(),
  url: webUrl.optional(),
  contact: contactSchema.optional(),
  img: z.string().optional(),
  _file: z.string().optional(),
});

/** A 2FA directory entry. */
export type TwoFactorEntry = z.infer<typeof twoFactorEntrySchema>;

/** `2fa-directory.json`: `{source, commit, commit_date, count, entries}`, `count` = entries. */
export const twoFactorDirectorySchema = z
  .object({ ...directoryHeader, entries: z.array(twoFactorEntrySchema) })
  .superRefine(countMatches);

/** The 2FA directory file. */
export type TwoFactorDirectory = z.infer<typeof twoFactorDirectorySchema>;

/** Whether a service allows passkeys for a purpose, or requires them. */
export const passkeySupportSchema = z.enum(['allowed', 'required']);

/** `allowed` or `required`. */
export type PasskeySupport = z.infer<typeof passkeySupportSchema>;

/**
 * One service of the passkeys directory: `mfa` (a passkey as a second factor) and `passwordless` (a
 * passkey instead of the password), each `allowed` or `required`. `categories` is a string or an
 * array, as the source has both.
 */
export const passkeysEntrySchema = z.object({
  name: nonEmpty,
  domain: hostName,
  mfa: passkeySupportSchema.optional(),
  passwordless: passkeySupportSchema.optional(),
  documentation: webUrl.optional(),
  recovery: webUrl.optional(),
  notes: z.string().optional(),
  'additional-domains': z.array(hostName).optional(),
  categories: z.union([nonEmpty, z.array(nonEmpty)]).optional(),
  regions: regions.optional(),
  url: webUrl.optional(),
  contact: contactSchema.optional(),
  img: z.string().optional(),
  _file: z.string().optional(),
});

/** A passkeys directory entry. */
export type PasskeysEntry = z.infer<typeof passkeysEntrySchema>;

/** `passkeys-directory.json`: same header as the 2FA directory. */
export const passkeysDirectorySchema = z
  .object({ ...directoryHeader, entries: z.array(passkeysEntrySchema) })
  .superRefine(countMatches);

/** The passkeys directory file. */
export type PasskeysDirectory = z.infer<typeof passkeysDirectorySchema>;

/** `change-password-urls.json`: host name → https URL of its change-password page. */
export const changePasswordUrlsSchema = z.record(hostName, httpsUrl);

/** The change-password URL file. */
export type ChangePasswordUrls = z.infer<typeof changePasswordUrlsSchema>;

/**
 * One entry of `shared-credentials.json`: domains that use one login, either all alike (`shared`) or
 * old/secondary domains (`from`) whose accounts live at `to` (`fromDomainsAreObsoleted` when the
 * `from` sites are gone).
 */
export const sharedCredentialsGroupSchema = z.union([
  z.object({ shared: z.array(hostName).min(2) }),
  z.object({
    from: z.array(hostName).min(1),
    to: z.array(hostName).min(1),
    fromDomainsAreObsoleted: z.boolean().optional(),
  }),
]);

/** A shared-credentials group. */
export type SharedCredentialsGroup = z.infer<typeof sharedCredentialsGroupSchema>;

/** `shared-credentials.json`: an array of groups. */
export const sharedCredentialsSchema = z.array(sharedCredentialsGroupSchema);

/** The shared-credentials file. */
export type SharedCredentials = z.infer<typeof sharedCredentialsSchema>;

/**
 * The date of the Apple `password-manager-resources` snapshot (change-password URLs and shared
 * credentials): those files carry no date of their own.
 */
export const APPLE_QUIRKS_SNAPSHOT_DATE = '2026-08-22';

/** The seven parsed dataset files the catalogue is built from. */
export interface DatasetFiles {
  breaches: HibpBreach[];
  breachesSupplement: HibpSupplementBreach[];
  twoFactor: TwoFactorDirectory;
  passkeys: PasskeysDirectory;
  changePasswordUrls: ChangePasswordUrls;
  sharedCredentials: SharedCredentials;
  /** Lockstep's own sourced list of sign-ins that span several domains (`./families.ts`). */
  accountFamilies: AccountFamiliesFile;
}

/** Which dataset a key of {@link DatasetFiles} names. */
export type DatasetKey = keyof DatasetFiles;

/** Each dataset's bundled file name and schema. */
export const DATASET_FILES: {
  readonly [K in DatasetKey]: { file: string; schema: z.ZodType<DatasetFiles[K]> };
} = {
  breaches: { file: 'hibp-breaches.json', schema: hibpBreachesFileSchema },
  breachesSupplement: { file: 'hibp-breaches-supplement.json', schema: hibpSupplementFileSchema },
  twoFactor: { file: '2fa-directory.json', schema: twoFactorDirectorySchema },
  passkeys: { file: 'passkeys-directory.json', schema: passkeysDirectorySchema },
  changePasswordUrls: { file: 'change-password-urls.json', schema: changePasswordUrlsSchema },
  sharedCredentials: { file: 'shared-credentials.json', schema: sharedCredentialsSchema },
  accountFamilies: { file: 'account-families.json', schema: accountFamiliesFileSchema },
};

/** The keys of {@link DATASET_FILES}, in a fixed order. */
export const DATASET_KEYS = Object.keys(DATASET_FILES) as DatasetKey[];

/**
 * How much {@link parseDatasetText} checks. `full`: every field against the zod schema (the tests
 * do this for every bundled file). `structural`: a hand-written check of the types of the fields the
 * catalogue reads — over ten times cheaper, for loading the bundled copies the tests validated.
 */
export type DatasetValidation = 'full' | 'structural';

/**
 * zod's error map for dataset files: the catalogue's words (`jsonFile.*`) for every problem a check
 * raised without a message of its own, so none of zod's English reaches a person (a refreshed
 * dataset's refusal is shown in Settings, the CLI and the network ledger).
 */
export const datasetFileErrorMap: z.core.$ZodErrorMap = fileErrorMap();

/**
 * A dataset file that is not JSON or not valid, worded from the catalogue when it is thrown: `file`
 * (its bundled name), `path` (JSONPath of the first problem, `$[12].PwnCount`; null when the text is
 * not JSON) and `problem` (why). The message is the bundled copy's ("Bundled dataset … is invalid
 * at …"); {@link DatasetFileError.refusal} words it without "Bundled dataset", for a downloaded copy.
 */
export class DatasetFileError extends Error {
  override readonly name = 'DatasetFileError';
  constructor(
    readonly file: string,
    readonly path: string | null,
    readonly problem: string,
  ) {
    super(format('datasetFile.bundled', { problem: DatasetFileError.wordsOf(file, path, problem) }));
  }

  private static wordsOf(file: string, path: string | null, problem: string): string {
    return path === null ? problem : format('datasetFile.invalid', { file, path, problem });
  }

  /** What is wrong with the file, naming it, without saying it is the bundled copy. */
  get refusal(): string {
    return DatasetFileError.wordsOf(this.file, this.path, this.problem);
  }
}

/**
 * Parses one dataset file's text and validates it (fully by default). Throws a
 * {@link DatasetFileError} naming the file and, for a validation failure, the first failing JSON
 * path (`$[12].PwnCount`) and why.
 */
export function parseDatasetText<K extends DatasetKey>(
  key: K,
  text: string,
  validation: DatasetValidation = 'full',
): DatasetFiles[K] {
  const { file, schema } = DATASET_FILES[key];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DatasetFileError(
      file,
      null,
      format('datasetFile.notJson', { file, ...jsonSyntaxValues(text, error) }),
    );
  }
  if (validation === 'structural') {
    const problem = STRUCTURE[key](json);
    if (problem) throw new DatasetFileError(file, jsonPath(problem.path), problem.message);
    return json as DatasetFiles[K];
  }
  const result = schema.safeParse(json, { error: datasetFileErrorMap });
  if (!result.success) {
    const issue = firstIssue(result.error.issues, json) ?? {
      path: [],
      message: format('jsonFile.notAllowed'),
    };
    throw new DatasetFileError(file, jsonPath(issue.path), issue.message);
  }
  return result.data;
}

/** A structural problem: where, and what was expected. */
interface ShapeProblem {
  path: PropertyKey[];
  message: string;
}

type Kind =
  'string' | 'number' | 'boolean' | 'string[]' | 'host' | 'host[]' | 'tfa[]' | 'support' | 'familyKind';
/** Field → kind, compiled from a `{ 'field?': kind }` table (a trailing `?` marks it optional). */
type Shape = readonly { field: string; kind: Kind; optional: boolean }[];

function shape(table: Record<string, Kind>): Shape {
  return Object.entries(table).map(([spec, kind]) => {
    const optional = spec.endsWith('?');
    return { field: optional ? spec.slice(0, -1) : spec, kind, optional };
  });
}

const HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const TFA_SET = new Set<string>(TWO_FACTOR_METHODS);

function isKind(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === kind;
    case 'string[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'host':
      return typeof value === 'string' && HOST.test(value);
    case 'host[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && HOST.test(item));
    case 'tfa[]':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && TFA_SET.has(item));
    case 'support':
      return value === 'allowed' || value === 'required';
    case 'familyKind':
      return typeof value === 'string' && (ACCOUNT_FAMILY_KINDS as readonly string[]).includes(value);
  }
}

/** What a structural kind is called in `datasetFile.expected` (with the options it names). */
function expectedKind(kind: Kind): string {
  const expected = (name: string, options = '') => format('datasetFile.expected', { kind: name, options });
  switch (kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return expected(kind);
    case 'string[]':
      return expected('strings');
    case 'host':
      return expected('host');
    case 'host[]':
      return expected('hosts');
    case 'tfa[]':
      return expected('choices', TWO_FACTOR_METHODS.join(', '));
    case 'support':
      return expected('choice', 'allowed, required');
    case 'familyKind':
      return expected('choice', ACCOUNT_FAMILY_KINDS.join(', '));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkObject(value: unknown, fields: Shape, path: PropertyKey[]): ShapeProblem | null {
  if (!isRecord(value))
    return { path, message: format('datasetFile.expected', { kind: 'object', options: '' }) };
  for (const { field, kind, optional } of fields) {
    const fieldValue = value[field];
    if (fieldValue === undefined && optional) continue;
    if (!isKind(fieldValue, kind)) return { path: [...path, field], message: expectedKind(kind) };
  }
  return null;
}

function checkArray(value: unknown, fields: Shape, path: PropertyKey[]): ShapeProblem | null {
  if (!Array.isArray(value))
    return { path, message: format('datasetFile.expected', { kind: 'array', options: '' }) };
  for (let index = 0; index < value.length; index += 1) {
    const problem = checkObject(value[index], fields, []);
    if (problem) return { path: [...path, index, ...problem.path], message: problem.message };
  }
  return null;
}

const BREACH_FLAGS = ['IsVerified', 'IsFabricated', 'IsSensitive', 'IsRetired', 'IsSpamList', 'IsMalware'];
const MAIN_BREACH_SHAPE = shape({
  Name: 'string',
  Title: 'string',
  Domain: 'string',
  BreachDate: 'string',
  AddedDate: 'string',
  PwnCount: 'number',
  Description: 'string',
  DataClasses: 'string[]',
  ...Object.fromEntries(BREACH_FLAGS.map((flag) => [flag, 'boolean' as const])),
});
const SUPPLEMENT_BREACH_SHAPE = shape({
  Name: 'string',
  'Title?': 'string',
  'Domain?': 'string',
  'BreachDate?': 'string',
  AddedDate: 'string',
  PwnCount: 'number',
  Description: 'string',
  'DataClasses?': 'string[]',
  ...Object.fromEntries(BREACH_FLAGS.map((flag) => [`${flag}?`, 'boolean' as const])),
  _partial: 'boolean',
});
const DIRECTORY_SHAPE = shape({ commit_date: 'string', count: 'number' });
const DIRECTORY_ENTRY = {
  name: 'string',
  domain: 'host',
  'additional-domains?': 'host[]',
  'documentation?': 'string',
} as const;
const TWO_FACTOR_ENTRY_SHAPE = shape({
  ...DIRECTORY_ENTRY,
  'tfa?': 'tfa[]',
  'custom-software?': 'string[]',
  'custom-hardware?': 'string[]',
  'recovery?': 'string',
  'notes?': 'string',
});
const PASSKEYS_ENTRY_SHAPE = shape({ ...DIRECTORY_ENTRY, 'mfa?': 'support', 'passwordless?': 'support' });
const SHARED_GROUP_SHAPE = shape({ shared: 'host[]' });
const FAMILIES_FILE_SHAPE = shape({ reviewedOn: 'string' });
const FAMILY_SHAPE = shape({
  id: 'string',
  name: 'string',
  kind: 'familyKind',
  providesMail: 'boolean',
  domains: 'host[]',
  'sharedDomains?': 'host[]',
  'hosts?': 'host[]',
});
const MOVED_GROUP_SHAPE = shape({ from: 'host[]', to: 'host[]' });

function checkDirectory(value: unknown, entryShape: Shape): ShapeProblem | null {
  const problem = checkObject(value, DIRECTORY_SHAPE, []);
  if (problem) return problem;
  return checkArray((value as Record<string, unknown>)['entries'], entryShape, ['entries']);
}

/** The structural check of each dataset: the types of the fields the catalogue reads. */
const STRUCTURE: { readonly [K in DatasetKey]: (json: unknown) => ShapeProblem | null } = {
  breaches: (json) => checkArray(json, MAIN_BREACH_SHAPE, []),
  breachesSupplement: (json) => checkArray(json, SUPPLEMENT_BREACH_SHAPE, []),
  twoFactor: (json) => checkDirectory(json, TWO_FACTOR_ENTRY_SHAPE),
  passkeys: (json) => checkDirectory(json, PASSKEYS_ENTRY_SHAPE),
  changePasswordUrls: (json) => {
    if (!isRecord(json))
      return { path: [], message: format('datasetFile.expected', { kind: 'object', options: '' }) };
    for (const [host, url] of Object.entries(json)) {
      if (!HOST.test(host)) return { path: [host], message: format('datasetFile.hostKey') };
      if (typeof url !== 'string' || !url.startsWith('https://')) {
        return { path: [host], message: format('jsonFile.httpsUrl') };
      }
    }
    return null;
  },
  sharedCredentials: (json) => {
    if (!Array.isArray(json))
      return { path: [], message: format('datasetFile.expected', { kind: 'array', options: '' }) };
    for (let index = 0; index < json.length; index += 1) {
      const group: unknown = json[index];
      const fields = isRecord(group) && 'shared' in group ? SHARED_GROUP_SHAPE : MOVED_GROUP_SHAPE;
      const problem = checkObject(group, fields, [index]);
      if (problem) return problem;
    }
    return null;
  },
  accountFamilies: (json) =>
    checkObject(json, FAMILIES_FILE_SHAPE, []) ??
    checkArray((json as Record<string, unknown>)['families'], FAMILY_SHAPE, ['families']),
};

type Issue = z.core.$ZodIssue;

/**
 * The issue to report, for the value `input` that failed. A union that matched no branch is reported
 * through the branch the value most looks like: one whose failing field the value has (a group with
 * `from`/`to` is not blamed for lacking `shared`), then the deepest path — so the message points at
 * the bad field rather than at the whole record.
 */
function firstIssue(
  issues: readonly Issue[],
  input: unknown,
): { path: PropertyKey[]; message: string } | undefined {
  const issue = issues[0];
  if (!issue) return undefined;
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const value = valueAt(input, issue.path);
    let best: { path: PropertyKey[]; message: string; hasField: boolean } | undefined;
    for (const branch of issue.errors) {
      const inner = firstIssue(branch, value);
      if (!inner || inner.path.length === 0) continue;
      const hasField = valueAt(value, inner.path.slice(0, 1)) !== undefined;
      const better =
        !best ||
        (hasField && !best.hasField) ||
        (hasField === best.hasField && inner.path.length > best.path.length);
      if (better) best = { ...inner, hasField };
    }
    if (best) return { path: [...issue.path, ...best.path], message: best.message };
  }
  return { path: [...issue.path], message: issue.message };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Formats a path as JSONPath: `$[3].entries[0]["custom-software"]`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return (
    '$' +
    path
      .map((part) => {
        if (typeof part === 'number') return `[${part}]`;
        const key = String(part);
        return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
      })
      .join('')
  );
}

/** Named entities decoded by {@link htmlToText}; anything else is left as written. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  trade: '™',
};

/** Elements whose content is not text a reader should see: dropped with their content. */
const HIDDEN_ELEMENTS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
  'head',
  'title',
]);
/** Tags that separate words when removed (block elements and line breaks). */
const BLOCK_TAGS = new Set([
  'br',
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'hr',
  'section',
  'article',
]);
const TAG_NAME = /^\/?([a-z][a-z0-9-]*)/i;

/**
 * Turns an HTML fragment (an HIBP `Description`) into plain text for display as text, never as HTML:
 * comments, `<script>`/`<style>` and similar elements are dropped with their content; other tags are
 * removed and link texts kept (their URLs go with the tags); `&amp; &lt; &gt; &quot; &#39; &nbsp;`,
 * a few typographic named entities and numeric entities are decoded once (so `&amp;lt;` gives `&lt;`);
 * control characters become spaces; whitespace is collapsed and trimmed. A `<` that starts no tag
 * (`a < b`) is kept; an unterminated tag at the end is dropped. Linear time on any input.
 */
export function htmlToText(html: string): string {
  return (
    stripMarkup(html)
      .replace(/&(#[0-9]{1,8}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi, decodeEntity)
      // Control characters (from numeric entities too) must not reach the UI as text.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029]/g, ' ')
      // Runs of whitespace and non-space whitespace only: replacing every single space is 5× slower.
      .replace(/\s{2,}|[^\S ]/g, ' ')
      .trim()
  );
}

/**
 * Removes tags, comments and hidden elements. Tags are tokenised the way browsers do: a quote opens
 * a value only right after `=`, so a quoted value may contain `>`, and a stray quote in a malformed
 * tag (HIBP has `href="…123 target="_blank"`) does not swallow the text after it. A hand scanner
 * rather than one regex, because a regex for this backtracks exponentially on hostile input.
 */
function stripMarkup(html: string): string {
  let text = '';
  let index = 0;
  while (index < html.length) {
    const open = html.indexOf('<', index);
    if (open === -1) {
      text += html.slice(index);
      break;
    }
    text += html.slice(index, open);
    const next = html[open + 1];
    if (html.startsWith('!--', open + 1)) {
      const close = html.indexOf('-->', open + 4);
      if (close === -1) break;
      text += ' ';
      index = close + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      const close = html.indexOf('>', open);
      if (close === -1) break;
      text += ' ';
      index = close + 1;
      continue;
    }
    const name = TAG_NAME.exec(html.slice(open + 1, open + 64));
    if (!name) {
      text += '<';
      index = open + 1;
      continue;
    }
    const end = tagEnd(html, open + 1 + name[0].length);
    if (end === -1) break;
    index = end + 1;
    const tag = name[1]!.toLowerCase();
    if (next !== '/' && HIDDEN_ELEMENTS.has(tag)) {
      const closing = new RegExp(`</${tag}\\s*>`, 'gi');
      closing.lastIndex = index;
      const found = closing.exec(html);
      if (!found) break;
      index = found.index + found[0].length;
      text += ' ';
      continue;
    }
    if (BLOCK_TAGS.has(tag)) text += ' ';
  }
  return text;
}

/** The index of the `>` that ends a tag whose attributes start at `from`, or -1 when none does. */
function tagEnd(html: string, from: number): number {
  let index = from;
  while (index < html.length) {
    const char = html[index];
    if (char === '>') return index;
    index += 1;
    if (char !== '=') continue;
    while (index < html.length && /\s/.test(html[index]!)) index += 1;
    const quote = html[index];
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, index + 1);
      if (close === -1) return -1;
      index = close + 1;
    }
  }
  return -1;
}

function decodeEntity(entity: string, body: string): string {
  if (body.startsWith('#')) {
    const hex = body[1] === 'x' || body[1] === 'X';
    const codePoint = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
      return '\uFFFD';
    return String.fromCodePoint(codePoint);
  }
  return NAMED_ENTITIES[body] ?? entity;
}
