import { z } from 'zod';
import { COLOR_SCHEME_CHOICES } from '../domain/appearance';
import {
  isAllowedServiceUrl,
  OFFICIAL_DATASET_URLS,
  OFFICIAL_HIBP_URL,
  OFFICIAL_PWNED_RANGE_URL,
} from '../domain/onlineServices';
import {
  accountInputSchema,
  emailAddressSchema,
  idSchema,
  isCalendarDate,
  personNameSchema,
} from '../domain/validation';
import { format, says } from '../messages/format';
import type { ImportFormat } from '../domain/import/types';
import { CATEGORIES, CRITICALITIES, MFA_METHODS } from '../domain/inventory';
import { DISMISS_REASONS, type DismissReason } from '../domain/checks/findings';
import { confirmsErase, ERASE_CONFIRMATION } from '../domain/dataSafety/confirm';

const empty = z.object({}).strict();
/** A service address: the official one for that feature, or a server on this computer (tests). */
const serviceUrlSchema = (official: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => isAllowedServiceUrl(value, official),
      says('validation.serviceUrl', { host: new URL(official).host }),
    );
const breachNameSchema = z.string().min(1).max(200);
/** A real calendar date, `YYYY-MM-DD`; its refusal names the date asked for (`validation.date.realFor`). */
const dateSchema = (what: 'snooze' | 'changed' | 'due' | 'notice') =>
  z.string().refine(isCalendarDate, says('validation.date.realFor', { what }));
const guideIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, says('validation.guide.unknown'))
  .max(80);
const helperNameSchema = z
  .string()
  .trim()
  .max(80, says('validation.name.tooLong', { max: 80 }));
const sessionIdSchema = z.string().regex(/^[a-f0-9-]{36}$/, says('validation.import.unknown'));
/** A backup as the renderer refers to it: a file name in the backup folder, or a picked file's id. */
const backupIdSchema = z
  .string()
  .regex(
    /^(lockstep-\d{4}-\d{2}-\d{2}T[\d-]+Z-[a-z-]+\.sqlite|picked-[0-9a-f]{16})$/,
    says('validation.backup.unknown'),
  );

/** The largest export accepted from a drop (base64 of 64 MiB). */
const MAX_IMPORT_BASE64 = Math.ceil((64 * 1024 * 1024) / 3) * 4;

/** The largest staff list accepted from a drop (base64 of 4 MiB). */
const MAX_STAFF_BASE64 = Math.ceil((4 * 1024 * 1024) / 3) * 4;

/** Format ids accepted from the renderer. */
const IMPORT_FORMAT_IDS = [
  'bitwarden-csv',
  'bitwarden-json',
  '1password-csv',
  '1password-1pux',
  'lastpass-csv',
  'chrome-csv',
  'firefox-csv',
  'apple-csv',
  'keepassxc-csv',
  'keepass-xml',
  'dashlane-csv',
  'protonpass-csv',
  'nordpass-csv',
  'keeper-csv',
  'keeper-json',
  'roboform-csv',
  'enpass-json',
  'enpass-csv',
  'zoho-vault-csv',
  'passbolt-csv',
  'sticky-xml',
  'psono-json',
  'kaspersky-txt',
  'avira-csv',
  'generic-csv',
] as const satisfies readonly ImportFormat[];
/** Compile-time check that every format the parsers know is accepted (and no other). */
const EVERY_FORMAT_LISTED: [ImportFormat] extends [(typeof IMPORT_FORMAT_IDS)[number]] ? true : never = true;
void EVERY_FORMAT_LISTED;

const column = z.string().min(1).max(200);
const columnMappingSchema = z
  .object({
    title: column.optional(),
    url: column,
    username: column.optional(),
    password: column,
    totp: column.optional(),
  })
  .strict();

/** Online services may only be reached over https, or on this machine for tests. */
const byId = z.object({ id: idSchema }).strict();

/** A group (department) name as people are given one. */
const groupSchema = z.string().trim().max(80, says('validation.group.tooLong'));
/** Whose data a list shows: one person, one group, or (neither) everyone. */
const scopeFields = {
  personId: idSchema.optional(),
  group: groupSchema.optional(),
};

/**
 * A table whose values are built when first read, then kept: each channel's schema is made when a
 * request on it is first checked, not when the module loads (zod builds ~100 schemas in ~10 ms,
 * which every start of the app and every command paid). Keys, their order and `Object.hasOwn`
 * are those of `builders`.
 */
function lazyTable<T extends Record<string, () => unknown>>(
  builders: T,
): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const table = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(builders) as (keyof T & string)[]) {
    Object.defineProperty(table, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = builders[key]!() as ReturnType<T[typeof key]>;
        Object.defineProperty(table, key, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
    });
  }
  return table;
}

/**
 * Runtime validators for every request, by channel. The main process parses each payload with its
 * schema before a handler runs; anything else is refused.
 */
export const requestSchemas = lazyTable({
  'app:info': () => empty,
  'people:list': () => empty,
  'people:create': () =>
    z
      .object({
        name: personNameSchema,
        group: groupSchema.optional(),
        role: z.string().trim().max(80, says('validation.role.tooLong')).optional(),
        emails: z.array(emailAddressSchema).max(50).optional(),
      })
      .strict(),
  'people:rename': () => z.object({ id: idSchema, name: personNameSchema }).strict(),
  'people:delete': () => byId,
  'emails:add': () => z.object({ personId: idSchema, address: emailAddressSchema }).strict(),
  'emails:addMany': () =>
    z.object({ personId: idSchema, addresses: z.array(emailAddressSchema).min(1).max(500) }).strict(),
  'emails:delete': () => byId,
  'accounts:list': () => z.object(scopeFields).strict(),
  'accounts:get': () => byId,
  'accounts:create': () => accountInputSchema.strict(),
  'accounts:update': () => accountInputSchema.extend({ id: idSchema }).strict(),
  'accounts:delete': () =>
    z
      .object({
        ids: z.array(idSchema).min(1, says('validation.accounts.chooseOne')).max(100_000),
      })
      .strict(),
  'trash:list': () => empty,
  'trash:undo': () =>
    z.object({ token: z.string().regex(/^[a-f0-9-]{36}$/, says('validation.undo.unknown')) }).strict(),
  'shell:openExternal': () => z.object({ url: z.string().max(4000) }).strict(),
  'findings:list': () => z.object(scopeFields).strict(),
  'passwords:coverage': () => empty,
  'import:pickFile': () => empty,
  'import:preview': () =>
    z
      .object({
        source: z.union([
          // A file the person picked through main's dialog (or dropped): never a path from the window.
          z
            .object({ fileToken: z.string().regex(/^[a-f0-9-]{36}$/, says('validation.file.chooseAgain')) })
            .strict(),
          z.object({ name: z.string().min(1).max(255), base64: z.string().max(MAX_IMPORT_BASE64) }).strict(),
          z.object({ sessionId: sessionIdSchema }).strict(),
        ]),
        personId: idSchema,
        format: z.enum(IMPORT_FORMAT_IDS).optional(),
        mapping: columnMappingSchema.optional(),
      })
      .strict(),
  'import:confirm': () => z.object({ sessionId: sessionIdSchema }).strict(),
  'import:cancel': () => z.object({ sessionId: sessionIdSchema }).strict(),
  'settings:get': () => empty,
  'settings:update': () =>
    z
      .object({
        onlinePwnedCheck: z.boolean().optional(),
        pwnedRangeUrl: serviceUrlSchema(OFFICIAL_PWNED_RANGE_URL).optional(),
        hibpApiUrl: serviceUrlSchema(OFFICIAL_HIBP_URL).optional(),
        reminders: z.boolean().optional(),
        helperName: z
          .string()
          .trim()
          .max(100, says('validation.name.tooLong', { max: 100 }))
          .optional(),
        keepRunningInBackground: z.boolean().optional(),
        weeklyRefresh: z.boolean().optional(),
        colorScheme: z.enum(COLOR_SCHEME_CHOICES).optional(),
        datasetUrls: z
          .object({
            breaches: serviceUrlSchema(OFFICIAL_DATASET_URLS.breaches),
            twoFactor: serviceUrlSchema(OFFICIAL_DATASET_URLS.twoFactor),
            passkeys: serviceUrlSchema(OFFICIAL_DATASET_URLS.passkeys),
          })
          .strict()
          .optional(),
      })
      .strict(),
  'ledger:list': () => empty,
  'findings:dismiss': () =>
    z
      .object({
        id: idSchema,
        reason: z.enum(
          Object.keys(DISMISS_REASONS) as [DismissReason, ...DismissReason[]],
          says('validation.reason.choose'),
        ),
        note: z
          .string()
          .trim()
          .max(500, says('validation.note.tooLong', { max: 500 }))
          .optional(),
        recheckAt: z.string().refine(isCalendarDate, says('validation.date.recheck')).optional(),
      })
      .strict(),
  'findings:reopen': () => byId,
  'breaches:search': () =>
    z.object({ text: z.string().max(200), limit: z.int().min(1).max(200).optional() }).strict(),
  'breaches:get': () => z.object({ name: breachNameSchema }).strict(),
  'emails:markBreach': () => z.object({ emailId: idSchema, breachName: breachNameSchema }).strict(),
  'emails:unmarkBreach': () => z.object({ emailId: idSchema, breachName: breachNameSchema }).strict(),
  'emails:breaches': () => empty,
  'accounts:confirmPasswordChange': () =>
    z
      .object({
        id: idSchema,
        changedOn: z.string().refine(isCalendarDate, says('validation.date.real')),
      })
      .strict(),
  'data:sources': () => empty,
  'history:verify': () => empty,
  'history:list': () =>
    z
      .object({
        subjectType: z.enum(['task', 'finding', 'account']).optional(),
        subjectId: idSchema.optional(),
        limit: z.int().min(1).max(5000).optional(),
        ...scopeFields,
      })
      .strict(),
  'reminders:check': () => empty,
  'dashboard:get': () => z.object(scopeFields).strict(),
  'guides:list': () => empty,
  'guides:get': () =>
    z
      .object({
        id: z
          .string()
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, says('validation.guide.unknown'))
          .max(80),
        variant: z
          .string()
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
          .max(80)
          .optional(),
      })
      .strict(),
  'pwnedIndex:status': () => empty,
  'pwnedIndex:build': () => z.object({ folder: z.boolean() }).strict(),
  'pwnedIndex:cancel': () => empty,
  'pwnedIndex:verify': () => empty,
  'pwnedIndex:remove': () => empty,
  'tasks:bulk': () =>
    z
      .object({
        ids: z.array(idSchema).min(1, says('validation.tasks.chooseOne')).max(10_000),
        action: z.enum(['start', 'snooze', 'wontdo']),
        until: dateSchema('snooze').optional(),
        reason: z.string().trim().min(1, says('validation.reason.sayWhy')).max(500).optional(),
      })
      .strict(),
  'online:keyStatus': () => empty,
  'online:saveApiKey': () =>
    z.object({ key: z.string().trim().min(1, says('validation.apiKey.required')).max(200) }).strict(),
  'online:deleteApiKey': () => empty,
  'online:checkEmails': () => z.object({ emailId: idSchema.optional() }).strict(),
  'online:refreshData': () => empty,
  'tasks:list': () =>
    z
      .object({
        ...scopeFields,
        /** Who does them: "mine" (the helper named in Settings, else you), unassigned, or a person. */
        assignee: z.union([z.enum(['mine', 'unassigned']), idSchema]).optional(),
        /** Only the tasks due today or overdue (the navigation badge). */
        due: z.boolean().optional(),
      })
      .strict(),
  'tasks:done': () =>
    z
      .object({
        id: idSchema,
        changedOn: dateSchema('changed').optional(),
        mfa: z
          .enum(['sms', 'email', 'totp', 'push', 'passkey', 'security_key'], says('validation.mfa.choose'))
          .optional(),
        note: z.string().trim().max(500).optional(),
      })
      .strict(),
  'tasks:setStatus': () => z.object({ id: idSchema, status: z.enum(['todo', 'in_progress']) }).strict(),
  'tasks:snooze': () => z.object({ id: idSchema, until: dateSchema('snooze') }).strict(),
  'tasks:wontdo': () =>
    z
      .object({ id: idSchema, reason: z.string().trim().min(1, says('validation.reason.sayWhy')).max(500) })
      .strict(),
  'tasks:create': () =>
    z
      .object({
        title: z.string().trim().min(1, says('validation.task.title')).max(300),
        accountId: idSchema.optional(),
        /** Whose task it is, when it has no account. */
        personId: idSchema.optional(),
        priority: z.enum(['P1', 'P2', 'P3', 'P4']),
        dueAt: dateSchema('due').optional(),
      })
      .strict(),
  'tasks:plan': () =>
    z
      .object({
        id: idSchema,
        priority: z.enum(['P1', 'P2', 'P3', 'P4']).optional(),
        dueAt: dateSchema('due').nullable().optional(),
      })
      .strict(),
  'guides:import': () => empty,
  'guides:export': () => z.object({ id: guideIdSchema }).strict(),
  'incidents:list': () => empty,
  'notices:list': () => empty,
  'notices:record': () =>
    z
      .object({
        personId: idSchema,
        incidentId: guideIdSchema.optional(),
        provider: z.string().trim().min(1, says('validation.notice.provider')).max(80).optional(),
        domain: z.string().trim().max(253).optional(),
        receivedOn: dateSchema('notice'),
        exposed: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
        emailId: idSchema.optional(),
        details: z.string().trim().max(1000).optional(),
      })
      .strict(),
  'notices:delete': () => byId,
  'guideRuns:list': () => empty,
  'guideRuns:get': () => byId,
  'guideRuns:suggest': () =>
    z
      .object({ findingId: idSchema.optional(), taskId: idSchema.optional(), noticeId: idSchema.optional() })
      .strict()
      .refine(
        (value) =>
          [value.findingId, value.taskId, value.noticeId].filter((v) => v !== undefined).length === 1,
        says('validation.guideRun.origin'),
      ),
  'guideRuns:start': () =>
    z
      .object({
        guideId: guideIdSchema,
        variant: guideIdSchema.optional(),
        accountId: idSchema.optional(),
        /** Several accounts at once (a notice's guide); not with `accountId`. */
        accountIds: z.array(idSchema).min(1, says('validation.accounts.chooseOne')).max(100).optional(),
        origin: z.enum(['library', 'finding', 'task', 'notice']),
        originId: idSchema.optional(),
        helperName: helperNameSchema.optional(),
      })
      .strict()
      .refine((value) => (value.origin === 'library') === (value.originId === undefined), {
        error: () => format('validation.guideRun.originFor'),
        path: ['originId'],
      })
      .refine((value) => value.accountId === undefined || value.accountIds === undefined, {
        error: () => format('validation.guideRun.oneOrList'),
        path: ['accountIds'],
      }),
  'guideRuns:mark': () =>
    z
      .object({
        id: idSchema,
        stepId: guideIdSchema,
        status: z.enum(['done', 'skipped', 'blocked', 'pending']),
        note: z
          .string()
          .trim()
          .max(1000, says('validation.note.tooLong', { max: 1000 }))
          .optional(),
        confirmed: z.boolean().optional(),
        mfa: z
          .enum(['sms', 'email', 'totp', 'push', 'passkey', 'security_key'], says('validation.mfa.choose'))
          .optional(),
        items: z.array(z.string().max(200)).max(50).optional(),
      })
      .strict(),
  'guideRuns:note': () =>
    z
      .object({
        id: idSchema,
        stepId: guideIdSchema,
        note: z
          .string()
          .trim()
          .max(1000, says('validation.note.tooLong', { max: 1000 })),
      })
      .strict(),
  'guideRuns:goto': () => z.object({ id: idSchema, position: z.int().min(0).max(100) }).strict(),
  'guideRuns:setHelper': () => z.object({ id: idSchema, helperName: helperNameSchema }).strict(),
  'guideRuns:finish': () => byId,
  'guideRuns:abandon': () => byId,
  'guideRuns:summary': () => byId,
  'guideRuns:export': () => z.object({ id: idSchema, format: z.enum(['markdown', 'pdf']) }).strict(),
  // A small business (issue #13): people in bulk, the team view, assignments, checklists, reports.
  'people:update': () =>
    z
      .object({
        id: idSchema,
        group: groupSchema.optional(),
        role: z.string().trim().max(80, says('validation.role.tooLong')).optional(),
      })
      .strict(),
  'people:pickFile': () => empty,
  'people:importPreview': () =>
    z
      .object({
        source: z.union([
          // A file the person picked through main's dialog (or dropped): never a path from the window.
          z
            .object({ fileToken: z.string().regex(/^[a-f0-9-]{36}$/, says('validation.file.chooseAgain')) })
            .strict(),
          z.object({ name: z.string().min(1).max(255), base64: z.string().max(MAX_STAFF_BASE64) }).strict(),
        ]),
      })
      .strict(),
  'people:importConfirm': () => z.object({ sessionId: sessionIdSchema }).strict(),
  'people:importCancel': () => z.object({ sessionId: sessionIdSchema }).strict(),
  'team:get': () => z.object({ group: groupSchema.optional() }).strict(),
  'tasks:assign': () =>
    z
      .object({
        ids: z.array(idSchema).min(1, says('validation.tasks.chooseOne')).max(10_000),
        /** A person, a helper who is not one of the people (by name), or null to unassign. */
        assignee: z.union([
          z.object({ personId: idSchema }).strict(),
          z.object({ helper: z.string().trim().min(1, says('validation.helper.required')).max(80) }).strict(),
          z.null(),
        ]),
      })
      .strict(),
  'checklists:list': () => empty,
  'checklists:get': () => byId,
  'checklists:start': () =>
    z
      .object({
        guideId: guideIdSchema,
        personIds: z.array(idSchema).min(1, says('validation.people.chooseOne')).max(500),
        helperName: helperNameSchema.optional(),
      })
      .strict(),
  'tasks:page': () =>
    z
      .object({
        ...scopeFields,
        assignee: z.union([z.enum(['mine', 'unassigned']), idSchema]).optional(),
        view: z.enum(['open', 'done', 'wont_do']),
        offset: z.int().min(0),
        limit: z.int().min(1).max(1000),
        /** A task whose place in the view the answer gives (to scroll to it). */
        focus: idSchema.optional(),
      })
      .strict(),
  'accounts:page': () =>
    z
      .object({
        ...scopeFields,
        search: z.string().max(200).default(''),
        category: z.enum(CATEGORIES).nullable().default(null),
        criticality: z.enum(CRITICALITIES).nullable().default(null),
        mfa: z.enum(MFA_METHODS).nullable().default(null),
        sort: z
          .object({
            key: z.enum([
              'service',
              'person',
              'username',
              'category',
              'criticality',
              'mfa',
              'passwordStrength',
              'passwordChangedAt',
            ]),
            direction: z.enum(['asc', 'desc']),
          })
          .strict(),
        offset: z.int().min(0),
        limit: z.int().min(1).max(1000),
      })
      .strict(),
  'findings:page': () =>
    z
      .object({
        ...scopeFields,
        status: z.enum(['open', 'dismissed']),
        offset: z.int().min(0),
        limit: z.int().min(1).max(1000),
      })
      .strict(),
  'reports:export': () =>
    z
      .object({
        kind: z.enum(['team', 'attestation']),
        format: z.enum(['pdf', 'markdown', 'csv']),
        group: groupSchema.optional(),
      })
      .strict(),
  'mailScan:status': () => empty,
  // Which kind of thing to pick, never a path: main reads only what the person picked in its own dialog.
  'mailScan:start': () => z.object({ personId: idSchema, source: z.enum(['file', 'folder']) }).strict(),
  'mailScan:cancel': () => empty,
  'mailScan:resume': () => byId,
  'mailScan:discard': () => byId,
  'app:state': () => empty,
  'recovery:retry': () => empty,
  'recovery:startEmpty': () => empty,
  'backups:list': () => empty,
  'backups:inspect': () => z.object({ id: backupIdSchema }).strict(),
  'backups:create': () => empty,
  'backups:pick': () => empty,
  'backups:restore': () => z.object({ id: backupIdSchema }).strict(),
  'backups:chooseFolder': () => empty,
  'backups:useDefaultFolder': () => empty,
  'data:export': () => empty,
  'data:erase': () =>
    z
      .object({
        confirmation: z.string().max(100).refine(confirmsErase, `Type “${ERASE_CONFIRMATION}” to confirm.`),
        includeBackups: z.boolean(),
      })
      .strict(),
});

/** Every channel name. */
export type Channel = keyof typeof requestSchemas;
/** The list of channels, in declaration order. */
export const CHANNELS = Object.keys(requestSchemas) as Channel[];
