import { z } from 'zod';

/**
 * "Export everything": the format of `lockstep-export.json`. Every table a person would call their
 * data, in plain JSON with stable field names; versioned (`version`), and described by a JSON
 * Schema generated from this definition (`lockstep-export.schema.json`, written beside it).
 *
 * What is left out, on purpose: passwords and TOTP secrets (never stored), the keyed password
 * fingerprints and anything derived from them (a reuse group is a number local to the export),
 * deleted rows waiting in the trash, and internal bookkeeping.
 */

/** The value of `format` in every export. */
export const EXPORT_FORMAT = 'lockstep-export';
/** The export format's version; bumped when a field changes meaning or goes away. */
export const EXPORT_FORMAT_VERSION = 1;
/** The export's file names. */
export const EXPORT_FILES = {
  json: 'lockstep-export.json',
  schema: 'lockstep-export.schema.json',
  people: 'people.csv',
  accounts: 'accounts.csv',
  findings: 'findings.csv',
  tasks: 'tasks.csv',
  history: 'history.csv',
} as const;

const id = z.int().positive();
const text = z.string();
const when = z.string().describe('ISO-8601 timestamp');
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('YYYY-MM-DD');
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

const personSchema = z
  .object({
    id,
    name: text,
    isDefault: z.boolean(),
    group: text.describe('group or department, empty when none'),
    role: text,
    createdAt: when,
    updatedAt: when,
  })
  .strict();
const emailAddressSchema = z.object({ id, personId: id, address: text, createdAt: when }).strict();
const accountSchema = z
  .object({
    id,
    personId: id,
    service: text,
    url: text,
    domain: nullable(text),
    urlKind: nullable(z.enum(['web', 'android', 'ip', 'local'])),
    username: text,
    category: text,
    criticality: z.enum(['critical', 'important', 'standard']),
    mfa: text.describe(
      'two-step sign-in method: unknown, none, sms, email, totp, push, passkey, security_key',
    ),
    hasTotp: z.boolean(),
    source: z.enum(['manual', 'import']),
    passwordChangedAt: nullable(text),
    recoveryReviewedAt: nullable(text),
    notes: text,
    createdAt: when,
    updatedAt: when,
  })
  .strict();
const passwordSignalsSchema = z
  .object({
    accountId: id,
    strength: z.int().min(0).max(4).describe('zxcvbn score, 0 (weakest) to 4'),
    strengthWarning: text,
    reuseGroup: nullable(z.int().positive()).describe(
      'accounts with the same number share one password (numbered for this export only)',
    ),
    commonRank: nullable(z.int().positive()).describe(
      'rank in the list of the 100,000 most common passwords',
    ),
    onlineStatus: z.enum(['off', 'found', 'not_found', 'failed']),
    pwnedCount: nullable(z.int().nonnegative()),
    onlineCheckedAt: nullable(when),
    indexCount: nullable(z.int().nonnegative()),
    indexBuiltAt: nullable(text),
    analysedAt: when,
  })
  .strict();
const emailBreachSchema = z
  .object({ emailId: id, breachName: text, source: z.enum(['manual', 'hibp']), addedAt: when })
  .strict();
const breachNoticeSchema = z
  .object({
    id,
    personId: id,
    incidentId: nullable(text),
    provider: text,
    domains: z.array(text),
    receivedOn: day,
    exposed: z.array(text),
    emailId: nullable(id),
    details: text,
    handledAt: nullable(when),
    createdAt: when,
  })
  .strict();
const findingSchema = z
  .object({
    id,
    kind: text,
    subject: text,
    severity: z.enum(['critical', 'high', 'medium', 'low']),
    status: z.enum(['open', 'resolved', 'auto_resolved', 'dismissed']),
    evidence: z.record(z.string(), z.unknown()),
    accountIds: z.array(id),
    firstSeenAt: when,
    lastSeenAt: when,
    resolvedAt: nullable(when),
    dismissedReason: nullable(text),
    dismissedAt: nullable(when),
    recheckAt: nullable(text),
  })
  .strict();
const taskSchema = z
  .object({
    id,
    key: nullable(text),
    kind: text,
    title: text,
    why: z.array(text),
    links: z.array(z.object({ label: text, url: text }).strict()),
    accountId: nullable(id),
    source: z.enum(['finding', 'manual', 'guide']),
    priority: z.enum(['P1', 'P2', 'P3', 'P4']),
    priorityIsManual: z.boolean(),
    dueAt: nullable(text),
    status: z.enum(['todo', 'in_progress', 'done', 'snoozed', 'wont_do']),
    snoozedUntil: nullable(text),
    wontDoReason: nullable(text),
    verified: z.boolean(),
    verificationNote: text,
    findingIds: z.array(id),
    ownerPersonId: nullable(id).describe('whose account (or address, or notice) the task is about'),
    assigneePersonId: nullable(id).describe('who does it, when that is one of the people'),
    assigneeHelper: nullable(text).describe('who does it, when that is a helper kept by name'),
    createdAt: when,
    updatedAt: when,
    doneAt: nullable(when),
  })
  .strict();
const guideRunStepSchema = z
  .object({
    stepId: text,
    position: z.int().nonnegative(),
    status: z.enum(['pending', 'done', 'skipped', 'blocked']),
    note: text,
    items: z.array(text),
    applied: z.array(z.unknown()),
    taskIds: z.array(z.int()),
    updatedAt: nullable(when),
  })
  .strict();
const guideRunSchema = z
  .object({
    id,
    guideId: text,
    guideVersion: text,
    guide: z.unknown().describe('the guide as it was when the run started'),
    variantId: nullable(text),
    accountId: nullable(id),
    accountLabel: nullable(text),
    accounts: z
      .array(z.object({ accountId: nullable(id), label: text }).strict())
      .describe('every account the run is for, in order (several when started for several)'),
    personId: nullable(id),
    personName: nullable(text),
    checklistId: nullable(id),
    origin: z.enum(['library', 'finding', 'task', 'notice']),
    originId: nullable(z.int()),
    originLabel: text,
    helperName: text,
    status: z.enum(['active', 'finished', 'abandoned']),
    currentStep: z.int().nonnegative(),
    startedAt: when,
    updatedAt: when,
    finishedAt: nullable(when),
    steps: z.array(guideRunStepSchema),
  })
  .strict();
const checklistSchema = z
  .object({ id, guideId: text, guideTitle: text, helperName: text, createdAt: when })
  .strict()
  .describe('a guide started for several people at once: its runs name it');
const mailHitSchema = z
  .object({
    kind: text,
    hint: text.describe('a masked description, never the secret'),
    count: z.int().positive(),
    firstSeen: nullable(day),
    lastSeen: nullable(day),
    folders: z.array(text),
    correspondentDomains: z.array(text),
    messageIdHashes: z.array(text).describe('SHA-256 (hex) of the Message-IDs of the mails it was in'),
    service: nullable(text),
    accountIds: z.array(id),
    rotatedOn: nullable(day).describe('when the person said it was replaced'),
  })
  .strict();
const mailScanSchema = z
  .object({
    id,
    personId: id,
    sourceName: text,
    sourceKind: z.enum(['file', 'folder']),
    status: z.enum(['running', 'paused', 'finished', 'failed']),
    messages: z.int().nonnegative(),
    bytes: z.int().nonnegative(),
    bytesTotal: z.int().nonnegative(),
    undecodable: z.array(z.unknown()),
    undecodableCount: z.int().nonnegative(),
    attachmentsNotRead: z.record(z.string(), z.unknown()),
    kinds: z.array(text),
    findingsNotListed: z.int().nonnegative(),
    problem: nullable(text),
    startedAt: when,
    updatedAt: when,
    finishedAt: nullable(when),
    hits: z.array(mailHitSchema),
  })
  .strict();
const importSchema = z
  .object({
    id,
    personId: id,
    fileName: text,
    format: text,
    entries: z.int().nonnegative(),
    created: z.int().nonnegative(),
    updated: z.int().nonnegative(),
    skipped: z.int().nonnegative(),
    importedAt: when,
  })
  .strict();
const snapshotSchema = z
  .object({
    day,
    score: z.int().min(0).max(100),
    openFindings: z.int().nonnegative(),
    fixedFindings: z.int().nonnegative(),
  })
  .strict();
const ledgerSchema = z
  .object({ id, at: when, method: text, url: text, purpose: text, sent: text, outcome: text })
  .strict();
const hash = z.string().regex(/^[0-9a-f]{64}$/);
const historyEntrySchema = z
  .object({
    seq: z.int().positive(),
    at: text,
    actor: text,
    subjectType: text,
    subjectId: z.int(),
    action: text,
    from: nullable(text),
    to: nullable(text),
    note: text,
    prevHash: hash,
    hash,
  })
  .strict();

/** The history as exported: every row with its hashes, the anchored head, and how to check them. */
const historySchema = z
  .object({
    head: z.object({ count: z.int().nonnegative(), hash }).strict(),
    verifies: z.boolean().describe('whether the chain verified when it was exported'),
    howToVerify: text,
    entries: z.array(historyEntrySchema),
  })
  .strict();

/** The whole of `lockstep-export.json`. */
export const lockstepExportSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_FORMAT_VERSION),
    exportedAt: when,
    app: z.object({ version: text, schemaVersion: z.int().nonnegative() }).strict(),
    people: z.array(personSchema),
    emailAddresses: z.array(emailAddressSchema),
    accounts: z.array(accountSchema),
    passwordSignals: z.array(passwordSignalsSchema),
    emailBreaches: z.array(emailBreachSchema),
    breachNotices: z.array(breachNoticeSchema),
    findings: z.array(findingSchema),
    tasks: z.array(taskSchema),
    guideRuns: z.array(guideRunSchema),
    checklists: z.array(checklistSchema),
    mailScans: z.array(mailScanSchema),
    imports: z.array(importSchema),
    scoreSnapshots: z.array(snapshotSchema),
    networkLedger: z.array(ledgerSchema),
    settings: z.record(z.string(), z.unknown()).describe('what the person chose in Settings'),
    history: historySchema,
  })
  .strict()
  .describe('Everything Lockstep keeps about a person or an office, exported');

/** An export, as written to `lockstep-export.json`. */
export type LockstepExport = z.infer<typeof lockstepExportSchema>;
/** The tables of an export: everything but the envelope the service adds. */
export type ExportTables = Omit<LockstepExport, 'format' | 'version' | 'exportedAt' | 'app'>;

/** How someone checks the exported history without Lockstep (written into the export). */
export const HISTORY_HOW_TO_VERIFY =
  'For each entry in seq order: hash = SHA-256 (hex) of the UTF-8 text prevHash + "\\n" + ' +
  'JSON.stringify([1, seq, at, actor, subjectType, subjectId, action, from, to, note]); the first ' +
  'prevHash is 64 zeros and each prevHash is the hash of the entry before; the last hash and the ' +
  'number of entries equal head.hash and head.count.';

/** The JSON Schema (draft 2020-12) of `lockstep-export.json`, generated from the definition above. */
export function exportJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://lockstep.invalid/schemas/lockstep-export-${EXPORT_FORMAT_VERSION}.json`,
    title: 'Lockstep export',
    ...z.toJSONSchema(lockstepExportSchema, { target: 'draft-2020-12' }),
  };
}
