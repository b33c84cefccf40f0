/**
 * Running a guide: what completing a step changes, how far a run has got, and what a person may
 * type into it. Pure: the services apply the plan in one transaction.
 */
import { ITEM_PLACEHOLDER, type GuideEffect, type GuideStep } from '../../content/guides/schema';
import { format } from '../../messages/format';
import { MFA_LABELS, type MfaMethod } from '../inventory';
import { addDays, defaultDueDate, type Priority } from '../tasks/tasks';

/** Where a step of a run stands. */
export const STEP_STATUSES = ['pending', 'done', 'skipped', 'blocked'] as const;
/** One of {@link STEP_STATUSES}. */
export type StepStatus = (typeof STEP_STATUSES)[number];

/** The most characters of a note on a step, and of one listed item. */
export const NOTE_MAX = 1000;
export const ITEM_MAX = 120;

/** An account a run is for, as the effects need it. */
export interface RunAccount {
  service: string;
  mfa: MfaMethod;
}

/**
 * The accounts a run is for: none, one, or several (a notice's guide runs for every account the
 * person picked, and a step's account effects are recorded on each).
 */
export type RunAccounts = RunAccount | readonly RunAccount[] | null;

const accountsOf = (accounts: RunAccounts): readonly RunAccount[] =>
  accounts === null ? [] : Array.isArray(accounts) ? accounts : [accounts as RunAccount];

/** What marking a step done will change. */
export interface StepPlan {
  /**
   * Changes to the run's accounts — the same for each (absent fields stay as they are); null when
   * none.
   */
  account: { mfa?: MfaMethod; passwordChangedAt?: string; recoveryReviewedAt?: string } | null;
  /** Follow-up tasks to create (once, whatever the number of accounts). */
  tasks: { title: string; priority: Priority; dueAt: string | null }[];
  /**
   * The step's follow-up list takes what a mailbox scan found (the open findings of secrets seen
   * in mail, and their tasks): the service adds them when it applies the plan.
   */
  mailScan: boolean;
  /** What will be recorded, in words, for the summary. */
  applied: string[];
}

/** What the person gives when marking a step done. */
export interface DoneInput {
  /** The method they turned on, for a `set_mfa` effect with `ask`. */
  mfa?: MfaMethod;
  /** The names a collecting step asked for. */
  items?: readonly string[];
}

/** Why a `done` cannot be accepted as given, or null. */
export function doneProblem(step: GuideStep, accounts: RunAccounts, input: DoneInput): string | null {
  const asks = step.effects.some((e) => e.type === 'set_mfa' && e.method === 'ask');
  if (asks && accountsOf(accounts).length > 0 && !input.mfa) return format('guide.done.chooseMfa');
  if (input.mfa === 'unknown' || input.mfa === 'none') return format('guide.done.chooseMfa');
  const items = input.items ?? [];
  if (items.length > 0 && !step.collects) return format('guide.done.noList');
  if (step.collects && items.length > step.collects.maxItems) {
    return format('guide.listAtMost', { count: step.collects.maxItems });
  }
  for (const item of items) {
    const problem = itemProblem(item);
    if (problem) return format('guideRun.item.problem', { item: item.slice(0, 40), problem });
  }
  return null;
}

/**
 * What the effects of `step` do for this run (see the guide schema for each effect). Account
 * effects are recorded on every account of the run, each named in `applied`.
 */
export function planStep(step: GuideStep, accounts: RunAccounts, input: DoneInput, today: string): StepPlan {
  const changes: NonNullable<StepPlan['account']> = {};
  const tasks: StepPlan['tasks'] = [];
  const applied: string[] = [];
  let mailScan = false;
  const items = (input.items ?? []).map((item) => item.trim()).filter(Boolean);
  const each = accountsOf(accounts);
  for (const effect of step.effects) {
    switch (effect.type) {
      case 'set_mfa': {
        const method = effect.method === 'ask' ? input.mfa : effect.method;
        if (each.length === 0 || !method) break;
        changes.mfa = method;
        for (const account of each)
          applied.push(
            format('guideRun.applied.mfa', { method: MFA_LABELS[method], service: account.service }),
          );
        break;
      }
      case 'set_password_changed':
        if (each.length === 0) break;
        changes.passwordChangedAt = today;
        for (const account of each)
          applied.push(format('guideRun.applied.password', { service: account.service, date: today }));
        break;
      case 'mark_recovery_reviewed':
        if (each.length === 0) break;
        changes.recoveryReviewedAt = today;
        for (const account of each)
          applied.push(format('guideRun.applied.recovery', { service: account.service, date: today }));
        break;
      case 'link_mail_scan':
        mailScan = true;
        break;
      case 'create_task': {
        const dueAt = dueOf(effect, today);
        const titles = effect.perItem
          ? items.map((item) => effect.title.split(ITEM_PLACEHOLDER).join(item))
          : [effect.title];
        for (const title of titles) {
          tasks.push({ title, priority: effect.priority, dueAt });
          applied.push(
            format('guideRun.applied.task', { title, hasDue: dueAt ? 'yes' : 'no', due: dueAt ?? '' }),
          );
        }
        break;
      }
    }
  }
  return { account: Object.keys(changes).length > 0 ? changes : null, tasks, mailScan, applied };
}

function dueOf(effect: Extract<GuideEffect, { type: 'create_task' }>, today: string): string | null {
  return effect.dueInDays === undefined
    ? defaultDueDate(effect.priority, today)
    : addDays(today, effect.dueInDays);
}

/**
 * What completing a step will do, in words, before it is done (shown under the step).
 * `accountService` names the run's account or accounts ("Outlook.com and Xbox"), or null.
 */
export function describeEffects(step: GuideStep, accountService: string | null): string[] {
  return step.effects.flatMap((effect): string[] => {
    switch (effect.type) {
      case 'set_mfa':
        if (!accountService) return [];
        return [
          effect.method === 'ask'
            ? format('guide.effect.mfaAsk', { service: accountService })
            : format('guide.effect.mfa', { method: MFA_LABELS[effect.method], service: accountService }),
        ];
      case 'set_password_changed':
        return accountService ? [format('guide.effect.passwordChanged', { service: accountService })] : [];
      case 'mark_recovery_reviewed':
        return accountService ? [format('guide.effect.recovery', { service: accountService })] : [];
      case 'create_task':
        // A per-item title names its item with a placeholder: here, before any item is listed,
        // it reads "each item", never "{item}".
        return [
          effect.perItem
            ? format('guide.effect.taskPerItem', {
                title: effect.title.split(ITEM_PLACEHOLDER).join(format('guide.effect.eachItem')),
              })
            : format('guide.effect.task', { title: effect.title }),
        ];
      case 'link_mail_scan':
        return [format('guide.effect.mailScan')];
    }
  });
}

/** How far a run has got. */
export function progressOf(statuses: readonly StepStatus[]): {
  done: number;
  skipped: number;
  blocked: number;
  pending: number;
  total: number;
} {
  const count = (status: StepStatus) => statuses.filter((s) => s === status).length;
  return {
    done: count('done'),
    skipped: count('skipped'),
    blocked: count('blocked'),
    pending: count('pending'),
    total: statuses.length,
  };
}

/** The next step still pending after `from` (wrapping round), or `from` itself when none is. */
export function nextPendingPosition(statuses: readonly StepStatus[], from: number): number {
  for (let offset = 1; offset <= statuses.length; offset++) {
    const position = (from + offset) % statuses.length;
    if (statuses[position] === 'pending') return position;
  }
  return Math.min(from + 1, statuses.length - 1);
}

/** Long runs of letters, digits and symbols without spaces look like keys, tokens or passwords. */
const KEY_PREFIXES =
  /^(?:AKIA|ASIA|ghp_|gho_|ghs_|github_pat_|glpat-|xox[abpr]-|sk-|sk_live_|rk_live_|AIza|ya29\.)/;

/**
 * Why `item` may not be listed, or null. Lists hold names ("AWS key for billing"), never secrets:
 * text that looks like a key, token or password is refused with a hint, so a secret never reaches
 * the database, a task title or a summary.
 */
export function itemProblem(item: string): string | null {
  const text = item.trim();
  if (text.length === 0) return format('guideRun.item.empty');
  if (text.length > ITEM_MAX) return format('guideRun.item.tooLong', { max: ITEM_MAX });
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(text)) return format('guideRun.item.oneLine');
  if (looksLikeSecret(text)) return format('guideRun.item.secret');
  return null;
}

/**
 * Whether text contains something that looks like a key, token or password: a known key prefix,
 * or a long run (16+ characters) of hex, base64, or mixed letters, digits and symbols. Used for
 * anything a person types into a guide run (list items and notes), which must never hold secrets.
 */
export function looksLikeSecret(text: string): boolean {
  for (const word of text.trim().split(/\s+/)) {
    if (KEY_PREFIXES.test(word)) return true;
    if (word.length < 16 || /^https?:\/\//i.test(word)) continue;
    const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(word)).length;
    const isHex = /^[0-9a-f]{24,}$/i.test(word);
    const isBase64ish = /^[A-Za-z0-9+/=_-]{20,}$/.test(word) && classes >= 3;
    if (isHex || isBase64ish || (classes >= 3 && /\d/.test(word))) return true;
  }
  return false;
}

/** Why a note on a step cannot be kept, or null. */
export function noteProblem(note: string): string | null {
  if (note.length > NOTE_MAX) return format('guideRun.note.tooLong', { max: NOTE_MAX });
  if (looksLikeSecret(note)) return format('guideRun.note.secret');
  return null;
}
