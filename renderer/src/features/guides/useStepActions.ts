import { format } from '../../app/words';
import { labelsOf } from '../../../../common/messages/format';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { GuideRun, GuideRunStep, RequestOf } from '../../../../common/ipc/contract';
import { ApiError, call } from '../../api/client';
import { notifyError } from '../../app/notify';

/** The query key of one run. */
export const runKey = (id: number) => ['guides', 'run', id] as const;

/** Two-step methods a person may say they turned on. */
export const MFA_CHOICES = ['totp', 'passkey', 'security_key', 'push', 'sms', 'email'] as const;
export type MfaChoice = (typeof MFA_CHOICES)[number];

/**
 * Marking steps of a run. Each action writes at once (the run resumes from there) and puts the
 * updated run in the cache; a refused action returns its message instead of throwing.
 */
export function useStepActions(run: GuideRun) {
  const client = useQueryClient();
  const [isBusy, setBusy] = useState(false);
  const apply = async <C extends 'guideRuns:mark' | 'guideRuns:note' | 'guideRuns:goto' | 'guideRuns:finish'>(
    channel: C,
    request: RequestOf<C>,
  ): Promise<string | null> => {
    setBusy(true);
    try {
      const next = (await call(channel, request)) as GuideRun;
      client.setQueryData(runKey(run.id), next);
      return null;
    } catch (error) {
      if (error instanceof ApiError) return Object.values(error.fieldErrors)[0] ?? error.message;
      notifyError(error);
      return format('guideRun.failed');
    } finally {
      setBusy(false);
    }
  };
  return {
    isBusy,
    done: (step: GuideRunStep, input: { mfa?: MfaChoice; items?: string[] } = {}) =>
      apply('guideRuns:mark', {
        id: run.id,
        stepId: step.id,
        status: 'done',
        confirmed: true,
        ...(input.mfa ? { mfa: input.mfa } : {}),
        ...(input.items ? { items: input.items } : {}),
      }),
    skip: (step: GuideRunStep) => apply('guideRuns:mark', { id: run.id, stepId: step.id, status: 'skipped' }),
    block: (step: GuideRunStep, note: string) =>
      apply('guideRuns:mark', { id: run.id, stepId: step.id, status: 'blocked', note }),
    reset: (step: GuideRunStep) =>
      apply('guideRuns:mark', { id: run.id, stepId: step.id, status: 'pending' }),
    saveNote: (step: GuideRunStep, note: string) =>
      apply('guideRuns:note', { id: run.id, stepId: step.id, note }),
    goto: (position: number) => apply('guideRuns:goto', { id: run.id, position }),
    finish: () => apply('guideRuns:finish', { id: run.id }),
  };
}

/** Whether marking the step done needs more than a yes (a method, or a list). */
export const needsDetails = (step: GuideRunStep) => step.asksMfa || step.collects !== null;

/** The words for a step's status. */
export const STATUS_WORDS: Readonly<Record<GuideRunStep['status'], string>> = labelsOf({
  pending: 'summary.status.pending',
  done: 'summary.status.done',
  skipped: 'summary.status.skipped',
  blocked: 'summary.status.blocked',
});

/** "4 of 9 steps done · 1 skipped · 1 blocked". */
export function progressWords(progress: GuideRun['progress']): string {
  // Steps not yet marked are the rest of the total: not counted again.
  return format('summary.progressLine', { ...progress, pending: 0 });
}

/**
 * Whose run it is: "For Priya — Tea mail (priya@tea.example)" in a file with several people (or a
 * run for a person without an account), "For Tea mail (…)" when there is only one person.
 */
export function whoseRun(
  run: { personName: string | null; accountLabel: string | null },
  isTeam: boolean,
): string {
  if (isTeam && run.personName && run.accountLabel)
    return format('guideRun.for.personAndAccount', { person: run.personName, account: run.accountLabel });
  if (run.personName && !run.accountLabel) return format('guideRun.for.one', { name: run.personName });
  return run.accountLabel
    ? format('guideRun.for.one', { name: run.accountLabel })
    : format('guideRun.for.none');
}
