/**
 * Guides: step-by-step playbooks as data, and the provider incident notices that point to them.
 * Platform-free: the caller reads files; this module validates parsed JSON and matches guides to a
 * situation.
 *
 * A guide is content, never code. Every text field is plain text (no HTML, no entities, no script
 * or data URLs, no invisible formatting characters); every link is `https://` to a named host; a
 * step's effects are a closed list of data records the app applies itself. So a guide imported from
 * someone else can be shown and followed, and can never run anything.
 *
 * Objects are strict (unlike the public datasets in `../datasets.ts`): guides are authored by hand,
 * and a misspelt field (`instrutions`) must fail loudly rather than vanish.
 *
 * Provider variants (one design, used by every guide): a guide declares its variants once, in
 * `variants: [{ id, label, domains, families? }]`, and a step that differs by provider carries
 * `variants: { <variantId>: { instructions?, links?, sources? } }` — overrides of those three
 * fields only. Steps, their order, time, confirmation and effects are the same for every variant, so
 * progress and effects never depend on which provider was chosen. The app picks the variant for the
 * account ({@link variantForAccount}: by its account family — a personal Microsoft account and a
 * Microsoft 365 work account at the same office.com get different steps — else by its domain) or
 * lets the person choose, and shows {@link resolveSteps}.
 */
import { z } from 'zod';
import { FINDING_KINDS } from '../../domain/checks/findings';
import { PRIORITIES } from '../../domain/tasks/tasks';
import { format, says } from '../../messages/format';
import { jsonPath } from '../datasets';
import { fileErrorMap } from '../fileProblems';

/** Length limits of guide and incident fields, in characters (items, for lists). */
export const GUIDE_LIMITS = {
  id: 64,
  title: 120,
  summary: 600,
  why: 600,
  instruction: 600,
  instructions: 20,
  label: 200,
  url: 2048,
  confirm: 200,
  taskTitle: 160,
  author: 120,
  dataClass: 80,
  links: 10,
  sources: 10,
  effects: 5,
  steps: 40,
  variants: 10,
  related: 10,
  /** Minutes for one step / for a whole guide. */
  stepMinutes: 240,
  guideMinutes: 600,
  /** Days until a created task is due. */
  dueInDays: 365,
  /** Items a step may collect (see {@link guideStepSchema} `collects`). */
  collectItems: 50,
} as const;

/** Who a guide is written for. */
export const GUIDE_AUDIENCES = ['individual', 'small_business', 'helper'] as const;
/** One of {@link GUIDE_AUDIENCES}. */
export type GuideAudience = (typeof GUIDE_AUDIENCES)[number];

/**
 * What kind of guide it is, in the order the Guides screen lists them (and {@link guidesFor} breaks
 * ties): responding to a breach, responding by exposed data class, securing an account, two-step
 * sign-in, passwords, small-business baselines, anything else (imported checklists).
 */
export const GUIDE_CATEGORIES = [
  'breach_response',
  'exposed_data',
  'account_security',
  'two_step',
  'passwords',
  'business',
  'other',
] as const;
/** One of {@link GUIDE_CATEGORIES}. */
export type GuideCategory = (typeof GUIDE_CATEGORIES)[number];

/**
 * The MFA methods a `set_mfa` effect may record: the inventory's methods except `unknown` and
 * `none`, plus `ask` — the app asks the person which method they turned on (for guides that leave
 * the choice to them).
 */
export const EFFECT_MFA_METHODS = ['sms', 'email', 'totp', 'push', 'passkey', 'security_key', 'ask'] as const;
/** One of {@link EFFECT_MFA_METHODS}. */
export type EffectMfaMethod = (typeof EFFECT_MFA_METHODS)[number];

/** The effect types a step may have. */
export const GUIDE_EFFECT_TYPES = [
  'set_mfa',
  'set_password_changed',
  'mark_recovery_reviewed',
  'create_task',
  'link_mail_scan',
] as const;
/** One of {@link GUIDE_EFFECT_TYPES}. */
export type GuideEffectType = (typeof GUIDE_EFFECT_TYPES)[number];

/** The placeholder a per-item task title must contain (see `create_task`'s `perItem`). */
export const ITEM_PLACEHOLDER = '{item}';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
/** `https://`, a lower-case DNS name with a letter TLD, an optional port, then a path without spaces or `<>"\`. */
const HTTPS_URL =
  /^https:\/\/[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,63}(?::\d{1,5})?(?:[/?#][^\s<>"\\`{}|^]*)?$/;
/* eslint-disable no-control-regex -- these patterns exist to refuse control characters. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/* eslint-enable no-control-regex */
/** Zero-width and bidirectional-override characters: they can make text read differently than it is. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
/** `<` then a letter, `/`, `!` or `?`: the start of a tag, comment or processing instruction. */
const MARKUP = /<[A-Za-z/!?]/;
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;
const SCRIPT_URL = /\b(?:javascript|vbscript)\s*:|\bdata:[\w.+-]+\/[\w.+-]+/i;

/**
 * Why `text` is not acceptable plain text, or null when it is. Guides are shown as text, but a
 * field that looks like markup is refused outright so that no renderer, export or report can ever
 * be talked into treating it as HTML.
 */
export function plainTextProblem(text: string): string | null {
  if (text.trim() !== text) return format('guideFile.text.spaces');
  if (CONTROL.test(text)) return format('guideFile.text.control');
  if (INVISIBLE.test(text)) return format('guideFile.text.invisible');
  if (MARKUP.test(text)) return format('guideFile.text.markup');
  if (ENTITY.test(text)) return format('guideFile.text.entity');
  if (SCRIPT_URL.test(text)) return format('guideFile.text.scriptUrl');
  return null;
}

/** A plain-text string of 1..`max` characters (see {@link plainTextProblem}). */
function plainText(max: number) {
  return z
    .string()
    .min(1, says('jsonFile.empty'))
    .max(max, says('jsonFile.tooLong', { max }))
    .superRefine((text, context) => {
      const problem = plainTextProblem(text);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    });
}

/** A kebab-case id: lower-case letters and digits in words joined by single hyphens. */
const kebabId = z
  .string()
  .max(GUIDE_LIMITS.id, says('jsonFile.tooLong', { max: GUIDE_LIMITS.id }))
  .regex(KEBAB, says('jsonFile.kebabId', { example: 'my-guide-2' }));

/** A guide version: `MAJOR.MINOR`, no leading zeros (`1.0`, `2.13`). */
const guideVersion = z.string().regex(/^(?:0|[1-9]\d{0,3})\.(?:0|[1-9]\d{0,3})$/, says('jsonFile.version'));

/** A lower-case host name with at least two labels. */
const hostName = z.string().max(253).regex(HOST, says('jsonFile.hostName'));

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number?];
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === (d ?? 1);
}

/** A real calendar date, `YYYY-MM-DD`. */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, says('jsonFile.date'))
  .refine(isRealDate, says('jsonFile.dateExists'));

/** A date known to the year, month or day: `2023`, `2023-11`, `2023-11-30`. */
const partialDate = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, says('guideFile.partialDate'))
  .refine((value) => isRealDate(value.length === 4 ? `${value}-01-01` : value), says('jsonFile.dateExists'));

/**
 * An `https://` URL to a named host. `http:`, `javascript:`, `data:` and any other scheme are
 * refused, as are IP addresses, user names in the URL (`https://user@host`), and spaces or `<>"`.
 */
export const httpsUrlSchema = z
  .string()
  .max(GUIDE_LIMITS.url, says('jsonFile.tooLong', { max: GUIDE_LIMITS.url }))
  .superRefine((url, context) => {
    if (!url.startsWith('https://')) {
      context.addIssue({ code: 'custom', message: format('guideFile.link.https') });
    } else if (!HTTPS_URL.test(url)) {
      context.addIssue({ code: 'custom', message: format('guideFile.link.form') });
    }
  });

/** A labelled https link: `{ label, url }`. */
export const guideLinkSchema = z.strictObject({
  label: plainText(GUIDE_LIMITS.label),
  url: httpsUrlSchema,
});
/** A labelled https link. */
export type GuideLink = z.infer<typeof guideLinkSchema>;

/**
 * What completing a step records, applied by the app to the accounts the guide was started for
 * (each of them; effects that need an account are skipped when there is none):
 * - `set_mfa`: the account's MFA method becomes `method` (`ask`: the person picks the method).
 * - `set_password_changed`: the account's password-changed date becomes the step's completion date.
 * - `mark_recovery_reviewed`: the account's recovery information is marked reviewed, today.
 * - `create_task`: a follow-up task with `title` and `priority`, due `dueInDays` after completion
 *   (the priority's default when absent). With `perItem: true` the step must `collect` a list, and
 *   one task is created per item, `{item}` in the title replaced by the item's name.
 * - `link_mail_scan`: the step offers Lockstep's mailbox scan, and on completion the secrets the
 *   scan found (their findings, each with its "replace it" task) join the step's follow-up list.
 */
export const guideEffectSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('set_mfa'), method: z.enum(EFFECT_MFA_METHODS) }),
  z.strictObject({ type: z.literal('set_password_changed') }),
  z.strictObject({ type: z.literal('mark_recovery_reviewed') }),
  z.strictObject({
    type: z.literal('create_task'),
    title: plainText(GUIDE_LIMITS.taskTitle),
    priority: z.enum(PRIORITIES),
    dueInDays: z.int().min(0).max(GUIDE_LIMITS.dueInDays).optional(),
    perItem: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('link_mail_scan') }),
]);
/** A step's effect on completion. */
export type GuideEffect = z.infer<typeof guideEffectSchema>;

/** What one variant changes in a step: its instructions, links or sources (at least one). */
export const stepVariantSchema = z
  .strictObject({
    instructions: z
      .array(plainText(GUIDE_LIMITS.instruction))
      .min(1)
      .max(GUIDE_LIMITS.instructions)
      .optional(),
    links: z.array(guideLinkSchema).max(GUIDE_LIMITS.links).optional(),
    sources: z.array(guideLinkSchema).min(1).max(GUIDE_LIMITS.sources).optional(),
  })
  .refine(
    (value) => value.instructions !== undefined || value.links !== undefined || value.sources !== undefined,
    says('guideFile.variant.empty'),
  );
/** A step's override for one variant. */
export type StepVariant = z.infer<typeof stepVariantSchema>;

/**
 * One step. `instructions` are ordered plain-language actions; `links` are where to do them;
 * `sources` (at least one) say where the advice comes from; `confirm` is a yes/no question the
 * person answers to complete the step; `collects` asks for a list of names (never secrets) that
 * per-item tasks are created from.
 */
export const guideStepSchema = z.strictObject({
  id: kebabId,
  title: plainText(GUIDE_LIMITS.title),
  why: plainText(GUIDE_LIMITS.why),
  instructions: z
    .array(plainText(GUIDE_LIMITS.instruction))
    .min(1, says('guideFile.step.noInstruction'))
    .max(GUIDE_LIMITS.instructions),
  links: z.array(guideLinkSchema).max(GUIDE_LIMITS.links).default([]),
  estimatedMinutes: z.int().min(1).max(GUIDE_LIMITS.stepMinutes),
  confirm: plainText(GUIDE_LIMITS.confirm)
    .refine((text) => text.endsWith('?'), says('guideFile.step.confirmQuestion'))
    .optional(),
  collects: z
    .strictObject({
      prompt: plainText(300),
      itemLabel: plainText(60),
      maxItems: z.int().min(1).max(GUIDE_LIMITS.collectItems),
    })
    .optional(),
  effects: z.array(guideEffectSchema).max(GUIDE_LIMITS.effects).default([]),
  sources: z.array(guideLinkSchema).min(1, says('guideFile.step.noSource')).max(GUIDE_LIMITS.sources),
  variants: z.record(kebabId, stepVariantSchema).optional(),
});
/** A step of a guide. */
export type GuideStep = z.infer<typeof guideStepSchema>;

/**
 * A provider variant a guide offers. `families` (account family ids, such as `microsoft-entra`) and
 * `domains` select it automatically — a family first, because one domain can serve two kinds of
 * account; with neither it is chosen by hand.
 */
export const guideVariantSchema = z.strictObject({
  id: kebabId,
  label: plainText(80),
  domains: z.array(hostName).max(50).default([]),
  families: z.array(kebabId).min(1).max(10).optional(),
});
/** A provider variant. */
export type GuideVariant = z.infer<typeof guideVariantSchema>;

/**
 * When a guide applies: to findings of these kinds, to breaches exposing these data classes (HIBP's
 * names, such as `Passwords`; compared without regard to case), or to accounts at these domains (a
 * subdomain matches its parent). Variant domains count too.
 */
export const guideAppliesToSchema = z.strictObject({
  findingKinds: z.array(z.enum(FINDING_KINDS)).max(FINDING_KINDS.length).optional(),
  dataClasses: z.array(plainText(GUIDE_LIMITS.dataClass)).max(30).optional(),
  domains: z.array(hostName).max(100).optional(),
});
/** The situations a guide applies to. */
export type GuideAppliesTo = z.infer<typeof guideAppliesToSchema>;

const guideObjectSchema = z.strictObject({
  id: kebabId,
  version: guideVersion,
  title: plainText(GUIDE_LIMITS.title),
  summary: plainText(GUIDE_LIMITS.summary),
  category: z.enum(GUIDE_CATEGORIES),
  audience: z.array(z.enum(GUIDE_AUDIENCES)).min(1).max(GUIDE_AUDIENCES.length),
  estimatedMinutes: z.int().min(1).max(GUIDE_LIMITS.guideMinutes),
  appliesTo: guideAppliesToSchema.default({}),
  author: plainText(GUIDE_LIMITS.author).optional(),
  reviewedOn: calendarDate.optional(),
  related: z.array(kebabId).max(GUIDE_LIMITS.related).optional(),
  variants: z.array(guideVariantSchema).min(1).max(GUIDE_LIMITS.variants).optional(),
  steps: z.array(guideStepSchema).min(1, says('guideFile.guide.noStep')).max(GUIDE_LIMITS.steps),
});

/**
 * One problem found in content: the file, where in it (JSONPath such as `$.steps[2].links[0].url`),
 * and why — in the message catalogue's words (`guideFile.*`, `jsonFile.*`), in the catalogue in use when the file
 * was checked.
 */
export interface GuideIssue {
  file: string;
  path: string;
  message: string;
}

/** A cross-field problem: raw path and message. */
interface RawIssue {
  path: PropertyKey[];
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function records(value: unknown): [number, Record<string, unknown>][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) =>
    isRecord(item) ? [[index, item] as [number, Record<string, unknown>]] : [],
  );
}

/**
 * The rules that span fields, checked defensively on any input (so they are reported alongside the
 * field errors, not only once those are fixed): unique step and variant ids; step variant keys
 * declared in `variants`; `perItem` tasks only on a step that `collects`, with `{item}` in the title
 * (and `{item}` only there); a guide not related to itself.
 */
function crossFieldIssues(guide: unknown): RawIssue[] {
  if (!isRecord(guide)) return [];
  const issues: RawIssue[] = [];
  const declared = new Set<string>();
  const seenVariants = new Set<string>();
  for (const [index, variant] of records(guide['variants'])) {
    const id = variant['id'];
    if (typeof id !== 'string') continue;
    if (seenVariants.has(id)) {
      issues.push({
        path: ['variants', index, 'id'],
        message: format('guideFile.variant.duplicate', { id }),
      });
    }
    seenVariants.add(id);
    declared.add(id);
  }
  const seenSteps = new Set<string>();
  for (const [stepIndex, step] of records(guide['steps'])) {
    const id = step['id'];
    if (typeof id === 'string') {
      if (seenSteps.has(id)) {
        issues.push({
          path: ['steps', stepIndex, 'id'],
          message: format('guideFile.step.duplicate', { id }),
        });
      }
      seenSteps.add(id);
    }
    if (isRecord(step['variants'])) {
      for (const key of Object.keys(step['variants'])) {
        if (!declared.has(key)) {
          issues.push({
            path: ['steps', stepIndex, 'variants', key],
            message:
              declared.size === 0
                ? format('guideFile.variant.undeclared', { key, field: 'variants' })
                : format('guideFile.variant.unknown', { key, declared: [...declared].join(', ') }),
          });
        }
      }
    }
    const collects = step['collects'] !== undefined;
    for (const [effectIndex, effect] of records(step['effects'])) {
      if (effect['type'] !== 'create_task') continue;
      const title = effect['title'];
      const hasPlaceholder = typeof title === 'string' && title.includes(ITEM_PLACEHOLDER);
      const path = ['steps', stepIndex, 'effects', effectIndex];
      if (effect['perItem'] === true) {
        if (!collects) {
          issues.push({
            path: [...path, 'perItem'],
            message: format('guideFile.perItem.needsList', { field: 'collects' }),
          });
        }
        if (typeof title === 'string' && !hasPlaceholder) {
          issues.push({
            path: [...path, 'title'],
            message: format('guideFile.perItem.placeholder', { placeholder: ITEM_PLACEHOLDER }),
          });
        }
      } else if (hasPlaceholder) {
        issues.push({
          path: [...path, 'title'],
          message: format('guideFile.perItem.placeholderOnly', {
            placeholder: ITEM_PLACEHOLDER,
            setting: '"perItem": true',
          }),
        });
      }
    }
  }
  if (Array.isArray(guide['related'])) {
    guide['related'].forEach((related, index) => {
      if (related === guide['id']) {
        issues.push({ path: ['related', index], message: format('guideFile.guide.relatedToItself') });
      }
    });
  }
  return issues;
}

/**
 * A guide (see the module comment for variants, and {@link guideEffectSchema} for effects). Parsing
 * fills `appliesTo`, step `links` and `effects` with empty defaults.
 */
export const guideSchema = guideObjectSchema.superRefine((guide, context) => {
  for (const issue of crossFieldIssues(guide)) {
    context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }
});
/** A validated guide. */
export type Guide = z.output<typeof guideSchema>;
/** A guide as written in a file (defaults not yet filled in). */
export type GuideInput = z.input<typeof guideSchema>;

/** An official notice about an incident. */
export const incidentNoticeSchema = z.strictObject({
  label: plainText(GUIDE_LIMITS.label),
  publisher: plainText(80),
  publishedOn: calendarDate,
  url: httpsUrlSchema,
});
/** An official notice. */
export type IncidentNotice = z.infer<typeof incidentNoticeSchema>;

/**
 * A provider incident that matters but is not in the HIBP catalogue (no dataset was published):
 * who, which domains, when the attacker had access (`period`, as precise as known) and when it was
 * first disclosed, what was taken (plain sentences, plus HIBP-style `dataClasses` for matching),
 * the official notices, and the guides to follow.
 */
export const incidentSchema = z.strictObject({
  id: kebabId,
  provider: plainText(80),
  title: plainText(GUIDE_LIMITS.title),
  domains: z.array(hostName).min(1).max(20),
  period: z.strictObject({ from: partialDate, to: partialDate.optional() }),
  disclosedOn: calendarDate,
  summary: plainText(800),
  whatWasTaken: z.array(plainText(300)).min(1).max(10),
  dataClasses: z.array(plainText(GUIDE_LIMITS.dataClass)).max(20).default([]),
  notices: z.array(incidentNoticeSchema).min(1, says('guideFile.incident.noNotice')).max(10),
  guides: z.array(kebabId).min(1).max(5),
});
/** A provider incident notice. */
export type Incident = z.infer<typeof incidentSchema>;

/** `incidents.json`: `{ version, reviewedOn, incidents }` with unique incident ids. */
export const incidentsFileSchema = z
  .strictObject({
    version: guideVersion,
    reviewedOn: calendarDate,
    incidents: z.array(incidentSchema),
  })
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.incidents.forEach((incident, index) => {
      if (seen.has(incident.id)) {
        context.addIssue({
          code: 'custom',
          message: format('guideFile.incident.duplicate', { id: incident.id }),
          path: ['incidents', index, 'id'],
        });
      }
      seen.add(incident.id);
    });
  });
/** The incidents file. */
export type IncidentsFile = z.infer<typeof incidentsFileSchema>;

/** The result of validating content: the parsed value, or every problem found. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: GuideIssue[] };

/** The result of {@link validateGuide}. */
export type GuideValidation = { ok: true; guide: Guide } | { ok: false; errors: GuideIssue[] };

type Issue = z.core.$ZodIssue;

/**
 * zod's error map for guide and incident files (`schema.safeParse(json, { error: guideFileErrorMap })`):
 * the catalogue's words (`jsonFile.*`, and `guideFile.unknownEffect` for an effect type it does not
 * know) for every problem a check raised without a message of its own — limits such as
 * `.max(253)`, wrong types, enum values, missing fields — so none of zod's own English reaches the
 * author (see {@link fileErrorMap}).
 */
export const guideFileErrorMap: z.core.$ZodErrorMap = fileErrorMap({
  unknownChoice: (values) => format('guideFile.unknownEffect', values),
  choices: GUIDE_EFFECT_TYPES,
});

/** Turns one zod issue into the problems an author reads, at exact paths: one per unknown field. */
function explain(issue: Issue): RawIssue[] {
  const path = [...issue.path];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [...path, key],
      message: format('jsonFile.unknownField', { field: key }),
    }));
  }
  return [{ path, message: issue.message }];
}

/**
 * Validates parsed JSON against `schema`, returning the value or ALL problems, each with the file
 * name, a JSONPath and a message. `extra` adds checks that run on the raw input even when fields
 * fail (so cross-field problems are reported in the same pass).
 */
function validateWith<T>(
  schema: z.ZodType<T>,
  json: unknown,
  fileName: string,
  extra: (json: unknown) => RawIssue[] = () => [],
): ValidationResult<T> {
  const result = schema.safeParse(json, { error: guideFileErrorMap });
  if (result.success) return { ok: true, value: result.data };
  // A schema's own cross-field refinement runs only once every field is valid, so `extra` reports
  // those problems now too; duplicates (when the refinement did run) are dropped below.
  const raw = [...result.error.issues.flatMap(explain), ...extra(json)];
  const seen = new Set<string>();
  const errors: GuideIssue[] = [];
  for (const issue of raw) {
    const path = jsonPath(issue.path);
    const key = `${path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ file: fileName, path, message: issue.message });
  }
  return { ok: false, errors };
}

/**
 * Validates a guide (parsed JSON) from `fileName`. Returns the guide, or every problem with the
 * file and JSON path, e.g. `{ file: 'mine.json', path: '$.steps[2].links[0].url', message: … }`.
 */
export function validateGuide(json: unknown, fileName: string): GuideValidation {
  const result = validateWith(guideSchema, json, fileName, crossFieldIssues);
  return result.ok ? { ok: true, guide: result.value } : result;
}

/** Validates `incidents.json` (parsed JSON) the same way as {@link validateGuide}. */
export function validateIncidentsFile(json: unknown, fileName: string): ValidationResult<IncidentsFile> {
  return validateWith(incidentsFileSchema, json, fileName);
}

/** Formats a problem for a terminal or log: `file: $.path: message`. */
export function formatGuideIssue(issue: GuideIssue): string {
  return `${issue.file}: ${issue.path}: ${issue.message}`;
}

/**
 * A situation to find guides for: what was found, which data classes were exposed, at which domain,
 * and the account families of the account concerned (ids).
 */
export interface GuideSituation {
  findingKinds?: readonly string[];
  dataClasses?: readonly string[];
  domain?: string;
  families?: readonly string[];
}

function domainMatches(domain: string, candidates: readonly string[]): boolean {
  return candidates.some((candidate) => domain === candidate || domain.endsWith(`.${candidate}`));
}

/** The variant of `guide` whose domains include `domain` (or a parent of it), if any. */
export function variantForDomain(guide: Guide, domain: string): GuideVariant | undefined {
  const wanted = domain.trim().toLowerCase();
  return guide.variants?.find((variant) => domainMatches(wanted, variant.domains));
}

/**
 * The variant of `guide` for an account: the one variant whose `families` include one of the
 * account's families; else, when no variant names its families, the variant for its domain
 * ({@link variantForDomain}). Undefined when nothing matches — or when the account is in two
 * families that pick different variants (a sign-in at office.com whose username does not tell a
 * personal account from a work one): then the person chooses between those variants' labels, a
 * question they can answer ("work or school account, or personal?").
 */
export function variantForAccount(
  guide: Guide,
  account: { domain?: string | null; families?: readonly string[] },
): GuideVariant | undefined {
  const families = account.families ?? [];
  if (families.length > 0) {
    const byFamily = (guide.variants ?? []).filter((variant) =>
      (variant.families ?? []).some((id) => families.includes(id)),
    );
    if (byFamily.length === 1) return byFamily[0];
    if (byFamily.length > 1) return undefined;
  }
  return account.domain ? variantForDomain(guide, account.domain) : undefined;
}

/**
 * The steps of `guide` as shown for `variantId`: each step's `instructions`, `links` and `sources`
 * replaced by the variant's overrides where it has them. Without a variant (or an unknown one) the
 * generic steps are returned. The `variants` field is dropped from the result.
 */
export function resolveSteps(guide: Guide, variantId?: string): Omit<GuideStep, 'variants'>[] {
  return guide.steps.map(({ variants, ...step }) => {
    const override = variantId === undefined ? undefined : variants?.[variantId];
    return override ? { ...step, ...override } : step;
  });
}

/** How well a guide matches a situation, and how. */
export interface GuideMatch {
  guide: Guide;
  score: number;
  matched: { findingKinds: string[]; dataClasses: string[]; domain: boolean };
}

const FINDING_WEIGHT = 10;
const DATA_CLASS_WEIGHT = 10;
const DOMAIN_WEIGHT = 5;

/**
 * The guides that apply to `situation`, best first, with why. Each matching finding kind or data
 * class (case-insensitive) scores 10, a matching domain (the guide's or a variant's; subdomains
 * match) or account family (a variant's) 5. Ties go to the more specific guide (fewer `appliesTo` entries), then by category order
 * ({@link GUIDE_CATEGORIES}), then by id. Guides that match nothing are left out.
 */
export function matchGuides(situation: GuideSituation, guides: readonly Guide[]): GuideMatch[] {
  const kinds = new Set(situation.findingKinds ?? []);
  const classes = new Set((situation.dataClasses ?? []).map((name) => name.trim().toLowerCase()));
  const domain = situation.domain?.trim().toLowerCase() || undefined;
  const families = situation.families ?? [];
  const matches: (GuideMatch & { breadth: number })[] = [];
  for (const guide of guides) {
    const applies = guide.appliesTo;
    const findingKinds = (applies.findingKinds ?? []).filter((kind) => kinds.has(kind));
    const dataClasses = (applies.dataClasses ?? []).filter((name) => classes.has(name.toLowerCase()));
    const domains = [
      ...(applies.domains ?? []),
      ...(guide.variants ?? []).flatMap((variant) => variant.domains),
    ];
    const familyMatched = (guide.variants ?? []).some((variant) =>
      (variant.families ?? []).some((id) => families.includes(id)),
    );
    const domainMatched = (domain !== undefined && domainMatches(domain, domains)) || familyMatched;
    const score =
      findingKinds.length * FINDING_WEIGHT +
      dataClasses.length * DATA_CLASS_WEIGHT +
      (domainMatched ? DOMAIN_WEIGHT : 0);
    if (score === 0) continue;
    const breadth =
      (applies.findingKinds?.length ?? 0) + (applies.dataClasses?.length ?? 0) + (domains.length > 0 ? 1 : 0);
    matches.push({ guide, score, matched: { findingKinds, dataClasses, domain: domainMatched }, breadth });
  }
  matches.sort(
    (a, b) =>
      b.score - a.score ||
      a.breadth - b.breadth ||
      GUIDE_CATEGORIES.indexOf(a.guide.category) - GUIDE_CATEGORIES.indexOf(b.guide.category) ||
      (a.guide.id < b.guide.id ? -1 : a.guide.id > b.guide.id ? 1 : 0),
  );
  return matches.map(({ breadth: _breadth, ...match }) => match);
}

/** The guides that apply to `situation`, best first (see {@link matchGuides} for the ranking). */
export function guidesFor(situation: GuideSituation, guides: readonly Guide[]): Guide[] {
  return matchGuides(situation, guides).map((match) => match.guide);
}

/** What {@link guideForNotice} needs of a notice. */
export interface NoticeForGuide {
  incidentId: string | null;
  exposed: readonly string[];
  domains: readonly string[];
}

/**
 * The guide a breach notice points to, as "Guide me" offers it first: the bundled incident's first
 * guide that is in the library, else the best guide for a notice exposing what it says
 * ({@link guidesFor}). Undefined when none fits.
 */
export function guideForNotice(
  notice: NoticeForGuide,
  incidents: readonly Pick<Incident, 'id' | 'guides'>[],
  guides: readonly Guide[],
): Guide | undefined {
  const incident = notice.incidentId ? incidents.find((i) => i.id === notice.incidentId) : undefined;
  for (const id of incident?.guides ?? []) {
    const guide = guides.find((g) => g.id === id);
    if (guide) return guide;
  }
  return guidesFor(
    { findingKinds: ['breach_notice'], dataClasses: notice.exposed, domain: notice.domains[0] },
    guides,
  )[0];
}
