import { writeFileSync } from 'node:fs';
import { helperActor } from '../../common/domain/history/actor';
import { describeFinding } from '../../common/domain/checks/describe';
import {
  describeEffects,
  doneProblem,
  nextPendingPosition,
  noteProblem,
  planStep,
  progressOf,
  type StepStatus,
} from '../../common/domain/guides/run';
import {
  summaryFileName,
  summaryHtml,
  summaryMarkdown,
  type GuideRunSummary,
} from '../../common/domain/guides/summary';
import { guidesFor, resolveSteps, variantForAccount, type Guide } from '../../common/content/guides/schema';
import { listNames } from '../../common/domain/checks/describe';
import type { FamilyIndex } from '../../common/content/families';
import type { ParsedRequestOf } from '../../common/ipc/contract';
import type {
  Account,
  Checklist,
  Finding,
  GuideRun,
  GuideRunListItem,
  GuideSuggestion,
} from '../../common/model/index';
import { AppFailure } from '../../common/ipc/result';
import { format } from '../../common/messages/format';
import { defaultDueDate } from '../../common/domain/tasks/tasks';
import type { ChecklistRow, GuideRunRow, GuideRunStepRow } from '../db/repositories/guideRunsRepository';
import { mainEmailAccount } from '../../common/domain/team/coverage';
import type { ReadRepositories, Repositories } from '../db/repositories/index';
import type { PlatformPort } from '../platform/port';
import { timestamp, type Clock } from './clock';
import type { GuidesService } from './guidesService';
import { updateAccount, valuesOf } from './inventoryService';
import type { Store } from './store';
import { insertGuideTasks, type TasksService } from './tasksService';
import type { WriteContext } from './writePath';

/** What the guide runner needs. */
export interface GuideRunsDeps {
  store: Store;
  tasks: TasksService;
  guides: GuidesService;
  platform: PlatformPort;
  clock: Clock;
  /**
   * The account families, to pick a guide's variant by the account's sign-in (a Microsoft 365 work
   * account and a personal Microsoft account get different steps). Null when the datasets cannot
   * be loaded: variants are then picked by domain.
   */
  families?: () => FamilyIndex | null;
}

/**
 * Following a guide, step by step: every mark is written as it happens (so a run resumes exactly
 * where it was left, even after a restart), and a step's effects — the account's two-step method,
 * password date, recovery check, follow-up tasks — are applied with the step in one transaction.
 * The run keeps the guide as it was when it started.
 */
export class GuideRunsService {
  constructor(private readonly deps: GuideRunsDeps) {}

  list(): GuideRunListItem[] {
    const runs = this.deps.store.read.guideRuns;
    return runs.list().map((row) => this.listItem(row, runs.steps(row.id)));
  }

  get({ id }: { id: number }): GuideRun {
    const row = this.require(id);
    const guide = guideOf(row);
    const stepRows = new Map(this.deps.store.read.guideRuns.steps(id).map((s) => [s.stepId, s]));
    const accounts = this.runAccounts(this.deps.store.read, row);
    const service = accounts.length > 0 ? listNames(accounts.map((a) => a.service)) : null;
    const steps = resolveSteps(guide, row.variantId ?? undefined).map((step) => {
      const state = stepRows.get(step.id);
      return {
        id: step.id,
        title: step.title,
        why: step.why,
        instructions: [...step.instructions],
        links: step.links.map((l) => ({ label: l.label, url: l.url })),
        sources: step.sources.map((l) => ({ label: l.label, url: l.url })),
        estimatedMinutes: step.estimatedMinutes,
        confirm: step.confirm ?? null,
        collects: step.collects ? { ...step.collects } : null,
        asksMfa: service !== null && step.effects.some((e) => e.type === 'set_mfa' && e.method === 'ask'),
        offersMailScan: step.effects.some((e) => e.type === 'link_mail_scan'),
        effects: describeEffects(step, service),
        status: state?.status ?? 'pending',
        note: state?.note ?? '',
        items: state?.items ?? [],
        applied: state?.applied ?? [],
        taskIds: state?.taskIds ?? [],
        updatedAt: state?.updatedAt ?? null,
      };
    });
    const variant = guide.variants?.find((v) => v.id === row.variantId);
    return {
      ...this.listItem(row, [...stepRows.values()]),
      guideVersion: row.guideVersion,
      guideSummary: guide.summary,
      variant: variant ? { id: variant.id, label: variant.label } : null,
      steps,
    };
  }

  /** The guides that fit a finding, a task or a notice, best first, and the account(s) concerned. */
  suggest(request: ParsedRequestOf<'guideRuns:suggest'>): GuideSuggestion {
    const situation = this.situationOf(request);
    const all = this.deps.guides.all();
    const first = situation.incidentGuides.flatMap((id) => all.filter((g) => g.id === id));
    const matched = guidesFor(
      { findingKinds: situation.kinds, dataClasses: situation.dataClasses, domain: situation.domain },
      all,
    );
    const guides = [...new Map([...first, ...matched].map((g) => [g.id, g])).values()];
    return {
      guides: guides.map((g) => ({
        id: g.id,
        title: g.title,
        summary: g.summary,
        estimatedMinutes: g.estimatedMinutes,
        stepCount: g.steps.length,
      })),
      accountId: situation.accountIds.length === 1 ? situation.accountIds[0]! : null,
      accountIds: situation.accountIds,
      allowsSeveral: situation.isNotice,
    };
  }

  /**
   * Starts a guide for an account, several (a notice's guide, for the accounts the person picked)
   * or none, from the library, a finding, a task or a notice. If the same guide is already under
   * way for the same accounts and origin, that run is resumed.
   */
  start(request: ParsedRequestOf<'guideRuns:start'>): GuideRun {
    const { guide } = this.deps.guides.guide(request.guideId);
    const originId = request.originId ?? null;
    const originLabel = this.originLabel(request.origin, originId);
    if (request.variant !== undefined && !guide.variants?.some((v) => v.id === request.variant)) {
      throw new AppFailure('invalid_input', format('errors.guideRuns.noProvider'), {
        variant: format('errors.guideRuns.chooseProvider'),
      });
    }
    const wanted = [
      ...new Set(request.accountIds ?? (request.accountId === undefined ? [] : [request.accountId])),
    ];
    const id = this.deps.store.write((tx) => {
      const accounts: Account[] = wanted.map((accountId) => {
        const found = tx.repos.accounts.get(accountId);
        if (!found) {
          throw new AppFailure('invalid_input', format('errors.guideRuns.accountGone'), {
            [request.accountIds ? 'accountIds' : 'accountId']: format('errors.guideRuns.chooseAccount'),
          });
        }
        return found;
      });
      const account = accounts[0];
      // The same guide already under way for the same accounts and origin is resumed, not doubled.
      const existing = tx.repos.guideRuns.active(guide.id, account?.id ?? null, request.origin, originId);
      const sameAccounts = (run: GuideRunRow) =>
        tx.repos.guideRuns
          .accounts(run.id)
          .map((a) => a.accountId)
          .join() === accounts.map((a) => a.id).join();
      if (existing && sameAccounts(existing)) return existing.id;
      // For an account: the variant of its family or domain (the first account that has one), else
      // the generic steps (a Yahoo account in a guide whose variants are Microsoft's). Without one:
      // the first, as the library shows it.
      const variant =
        request.variant ??
        (account
          ? accounts
              .map((a) => variantForAccount(guide, { domain: a.domain, families: this.familiesOf(a) })?.id)
              .find((found) => found !== undefined)
          : guide.variants?.[0]?.id) ??
        null;
      const label = accounts.length > 0 ? listNames(accounts.map(accountLabel)) : null;
      const runId = tx.repos.guideRuns.insert(
        {
          guideId: guide.id,
          guideVersion: guide.version,
          guideJson: JSON.stringify(guide),
          variantId: variant,
          accountId: account?.id ?? null,
          accountLabel: label,
          personId: account?.personId ?? null,
          personName: account?.personName ?? null,
          checklistId: null,
          origin: request.origin,
          originId,
          originLabel,
          helperName: request.helperName ?? '',
        },
        guide.steps.map((s) => s.id),
        tx.now,
        accounts.map((a) => ({ accountId: a.id, label: accountLabel(a) })),
      );
      tx.record({
        subjectType: 'guide_run',
        subjectId: runId,
        action: 'started',
        from: null,
        to: guide.title,
        note: label ?? originLabel,
        ...(request.helperName?.trim() ? { actor: helperActor(request.helperName.trim()) } : {}),
      });
      tx.announce('guides');
      return runId;
    });
    return this.get({ id });
  }

  /**
   * Marks a step done, skipped, blocked (with a note saying what is in the way) or back to not
   * started. Done applies the step's effects with the mark, in one transaction; a done step stays
   * done (what it recorded is history).
   */
  mark(request: ParsedRequestOf<'guideRuns:mark'>): GuideRun {
    const badNote = request.note === undefined ? null : noteProblem(request.note);
    if (badNote) throw new AppFailure('invalid_input', badNote, { note: badNote });
    const id = this.deps.store.write((tx) => {
      const row = requireActive(tx.repos, request.id);
      const guide = guideOf(row);
      const index = guide.steps.findIndex((s) => s.id === request.stepId);
      const step = guide.steps[index];
      if (!step) throw new AppFailure('not_found', format('errors.guideRuns.noSuchStep'));
      const states = tx.repos.guideRuns.steps(row.id);
      const state = states.find((s) => s.stepId === step.id)!;
      if (state.status === 'done') {
        throw new AppFailure('conflict', format('errors.guideRuns.stepDone'));
      }
      const note = request.note ?? state.note;
      const actor = actorOf(row);
      if (request.status === 'blocked' && note.trim() === '') {
        throw new AppFailure('invalid_input', format('errors.guideRuns.sayWhatBlocks'), {
          note: format('errors.guideRuns.sayWhatBlocksField'),
        });
      }
      if (request.status !== 'done') {
        tx.repos.guideRuns.putStep(row.id, { ...state, status: request.status, note }, tx.now);
        if (request.status !== 'pending') advance(tx, row, states, index, request.status);
        tx.announce('guides');
        return row.id;
      }
      if (step.confirm && request.confirmed !== true) {
        throw new AppFailure(
          'invalid_input',
          format('errors.guideRuns.answerFirst', { question: step.confirm }),
          {
            confirmed: format('errors.guideRuns.answerYes'),
          },
        );
      }
      const accounts = this.runAccounts(tx.repos, row);
      const input = {
        ...(request.mfa ? { mfa: request.mfa } : {}),
        ...(request.items ? { items: request.items } : {}),
      };
      const problem = doneProblem(step, accounts, input);
      if (problem) {
        throw new AppFailure('invalid_input', problem, {
          [request.items && !problem.startsWith('Choose') ? 'items' : 'mfa']: problem,
        });
      }
      const plan = planStep(step, accounts, input, tx.day);
      const items = (request.items ?? []).map((i) => i.trim()).filter(Boolean);
      if (plan.account) {
        // Recorded on each account of the run, each with its own history.
        for (const account of accounts) {
          updateAccount(
            tx,
            account,
            { ...valuesOf(account), ...plan.account },
            `Guide: ${guide.title}`,
            actor,
          );
        }
        if (accounts.length > 0) tx.announce('accounts');
      }
      const taskIds = insertGuideTasks(
        tx,
        plan.tasks.map((t) => ({
          ...t,
          why: format('guideRuns.task.fromStep', { guide: guide.title, step: step.title }),
        })),
        accounts.length === 1 ? accounts[0]!.id : null,
        actor,
        row.personId,
      );
      const applied = [...plan.applied];
      if (plan.mailScan) {
        // The secrets a mailbox scan found join the step's follow-up list: their tasks, not copies.
        const found = mailScanFollowUps(tx.repos, row.personId);
        taskIds.push(...found.taskIds.filter((taskId) => !taskIds.includes(taskId)));
        applied.push(found.applied);
      }
      tx.repos.guideRuns.putStep(row.id, { ...state, status: 'done', note, items, applied, taskIds }, tx.now);
      advance(tx, row, states, index, 'done');
      tx.announce('guides');
      return row.id;
    });
    return this.get({ id });
  }

  /**
   * Starts a guide for several people at once — one run per person, grouped as a checklist the
   * board reads back. Each run is for the person's main email account when they have one (the
   * guide's two-step and password steps record on it), else for the person alone. Each run
   * resumes on its own, like any other.
   */
  startChecklist(request: ParsedRequestOf<'checklists:start'>): Checklist {
    const { guide } = this.deps.guides.guide(request.guideId);
    const personIds = [...new Set(request.personIds)];
    const helperName = request.helperName ?? '';
    const id = this.deps.store.write((tx) => {
      const people = personIds.map((personId) => {
        const person = tx.repos.people.get(personId);
        if (!person) {
          throw new AppFailure('invalid_input', format('errors.guideRuns.personGone'), {
            personIds: format('errors.guideRuns.choosePeople'),
          });
        }
        return person;
      });
      const checklistId = tx.repos.guideRuns.addChecklist(
        { guideId: guide.id, guideTitle: guide.title.slice(0, 200), helperName },
        tx.now,
      );
      const accounts = tx.repos.accounts.list();
      for (const person of people) {
        const own = accounts.filter((a) => a.personId === person.id);
        const emails = [...person.emails].sort((a, b) => a.id - b.id).map((e) => e.address);
        const account = mainEmailAccount(emails, own).account ?? undefined;
        const variant =
          (account
            ? variantForAccount(guide, { domain: account.domain, families: this.familiesOf(account) })?.id
            : guide.variants?.[0]?.id) ?? null;
        const runId = tx.repos.guideRuns.insert(
          {
            guideId: guide.id,
            guideVersion: guide.version,
            guideJson: JSON.stringify(guide),
            variantId: variant,
            accountId: account?.id ?? null,
            accountLabel: account ? accountLabel(account) : null,
            personId: person.id,
            personName: person.name,
            checklistId,
            origin: 'library',
            originId: null,
            originLabel: `Checklist: ${guide.title}`,
            helperName,
          },
          guide.steps.map((s) => s.id),
          tx.now,
        );
        tx.record({
          subjectType: 'guide_run',
          subjectId: runId,
          action: 'started',
          from: null,
          to: guide.title,
          note: format('guideRuns.checklistNote', { count: people.length, name: person.name }),
          ...(helperName.trim() ? { actor: helperActor(helperName.trim()) } : {}),
        });
      }
      tx.announce('guides');
      return checklistId;
    });
    return this.checklist({ id });
  }

  /** Every checklist, the newest first, with each person's progress. */
  checklists(): Checklist[] {
    return this.deps.store.read.guideRuns.checklists().map((row) => this.checklistOf(row));
  }

  /** One checklist: who has finished, who is stuck (a blocked step), who has not started. */
  checklist({ id }: { id: number }): Checklist {
    const row = this.deps.store.read.guideRuns.checklist(id);
    if (!row) throw new AppFailure('not_found', format('errors.guideRuns.checklistGone'));
    return this.checklistOf(row);
  }

  private checklistOf(row: ChecklistRow): Checklist {
    const read = this.deps.store.read.guideRuns;
    const runs = read.runsOf(row.id).map((run) => {
      const item = this.listItem(run, read.steps(run.id));
      return { ...item, isStuck: item.status === 'active' && item.progress.blocked > 0 };
    });
    return {
      ...row,
      runs,
      progress: {
        finished: runs.filter((r) => r.status === 'finished').length,
        stuck: runs.filter((r) => r.isStuck).length,
        notStarted: runs.filter((r) => r.status === 'active' && r.progress.pending === r.progress.total)
          .length,
        total: runs.length,
      },
    };
  }

  /** Writes or replaces the note on a step, whatever its status. */
  note(request: ParsedRequestOf<'guideRuns:note'>): GuideRun {
    const badNote = noteProblem(request.note);
    if (badNote) throw new AppFailure('invalid_input', badNote, { note: badNote });
    this.deps.store.write((tx) => {
      const row = requireActive(tx.repos, request.id);
      const state = tx.repos.guideRuns.steps(row.id).find((s) => s.stepId === request.stepId);
      if (!state) throw new AppFailure('not_found', format('errors.guideRuns.noSuchStep'));
      if (state.status === 'blocked' && request.note === '') {
        throw new AppFailure('invalid_input', format('errors.guideRuns.blockedKeepsNote'), {
          note: format('errors.guideRuns.sayWhatBlocksField'),
        });
      }
      tx.repos.guideRuns.putStep(row.id, { ...state, note: request.note }, tx.now);
      tx.announce('guides');
    });
    return this.get({ id: request.id });
  }

  /** Shows another step (the run remembers it, so it resumes there). */
  goto({ id, position }: ParsedRequestOf<'guideRuns:goto'>): GuideRun {
    this.deps.store.write((tx) => {
      const row = requireActive(tx.repos, id);
      if (position >= guideOf(row).steps.length)
        throw new AppFailure('invalid_input', format('errors.guideRuns.noStep'));
      tx.repos.guideRuns.setCurrentStep(id, position, tx.now);
      tx.announce('guides');
    });
    return this.get({ id });
  }

  /** Names the helper sitting with the person ('' when they are on their own). */
  setHelper({ id, helperName }: ParsedRequestOf<'guideRuns:setHelper'>): GuideRun {
    this.deps.store.write((tx) => {
      const row = requireActive(tx.repos, id);
      tx.repos.guideRuns.setHelper(id, helperName, tx.now);
      if (row.helperName !== helperName)
        tx.record({
          subjectType: 'guide_run',
          subjectId: id,
          action: 'helper',
          from: row.helperName || null,
          to: helperName || null,
          note: '',
        });
      tx.announce('guides');
    });
    return this.get({ id });
  }

  /**
   * Finishes a run once every step is done, skipped or blocked. Skipped and blocked steps become
   * follow-up tasks (blocked ones sooner), and a notice the run was for is handled.
   */
  finish({ id }: { id: number }): GuideRun {
    this.deps.store.write((tx) => {
      const row = requireActive(tx.repos, id);
      const guide = guideOf(row);
      const states = tx.repos.guideRuns.steps(id);
      const pending = states.filter((s) => s.status === 'pending').length;
      if (pending > 0) {
        throw new AppFailure('invalid_input', format('errors.guideRuns.notMarked', { count: pending }));
      }
      const actor = actorOf(row);
      const runAccountIds = tx.repos.guideRuns
        .accounts(id)
        .flatMap((a) => (a.accountId === null ? [] : [a.accountId]));
      for (const state of states) {
        if (state.status !== 'skipped' && state.status !== 'blocked') continue;
        const step = guide.steps.find((s) => s.id === state.stepId)!;
        const priority = state.status === 'blocked' ? 'P2' : 'P3';
        const ids = insertGuideTasks(
          tx,
          [
            {
              title: format('guideRuns.task.finish', { step: step.title, guide: guide.title }),
              priority,
              dueAt: defaultDueDate(priority, tx.day),
              why:
                state.status === 'blocked'
                  ? format('guideRuns.task.blocked', { note: state.note })
                  : format('guideRuns.task.skipped', { guide: guide.title }),
            },
          ],
          runAccountIds.length === 1 ? runAccountIds[0]! : null,
          actor,
          row.personId,
        );
        tx.repos.guideRuns.putStep(id, { ...state, taskIds: [...state.taskIds, ...ids] }, tx.now);
      }
      tx.repos.guideRuns.setStatus(id, 'finished', tx.now, tx.now);
      const progress = progressOf(states.map((s) => s.status));
      tx.record({
        subjectType: 'guide_run',
        subjectId: id,
        action: 'finished',
        from: 'active',
        to: 'finished',
        note: `${guide.title}: ${progress.done} done, ${progress.skipped} skipped, ${progress.blocked} blocked`,
        ...(actor ? { actor } : {}),
      });
      // Finished is finished, whichever way the run was started: the notice it answers is handled.
      for (const noticeId of noticesAnswered(tx.repos, row, guide.id, runAccountIds)) {
        if (!tx.repos.notices.markHandled(noticeId, tx.now)) continue;
        tx.record({
          subjectType: 'notice',
          subjectId: noticeId,
          action: 'handled',
          from: null,
          to: guide.title,
          note: '',
          ...(actor ? { actor } : {}),
        });
        tx.touch('notices');
      }
      tx.announce('guides', 'tasks');
    });
    return this.get({ id });
  }

  /** Stops a run without finishing it (kept, with what was done, for the record). */
  abandon({ id }: { id: number }): GuideRun {
    this.deps.store.write((tx) => {
      const row = requireActive(tx.repos, id);
      tx.repos.guideRuns.setStatus(id, 'abandoned', null, tx.now);
      tx.record({
        subjectType: 'guide_run',
        subjectId: id,
        action: 'stopped',
        from: 'active',
        to: 'abandoned',
        note: guideOf(row).title,
      });
      tx.announce('guides');
    });
    return this.get({ id });
  }

  /** The summary for the person: what was done, skipped or blocked, and what follows. */
  summary({ id }: { id: number }): GuideRunSummary {
    const run = this.get({ id });
    const taskIds = run.steps.flatMap((s) => s.taskIds);
    return {
      guideTitle: run.guideTitle,
      guideVersion: run.guideVersion,
      variantLabel: run.variant?.label ?? null,
      accountLabel: run.accountLabel,
      personName: run.personName,
      helperName: run.helperName,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      generatedAt: timestamp(this.deps.clock),
      steps: run.steps.map((s) => ({
        title: s.title,
        status: s.status,
        note: s.note,
        completedAt: s.updatedAt,
        applied: s.applied,
        items: s.items,
      })),
      followUps: this.deps.tasks.byIds(taskIds).map((t) => ({
        title: t.title,
        priority: t.priority,
        dueAt: t.dueAt,
        status: t.status,
        verified: t.verified,
      })),
    };
  }

  /** Saves the summary as Markdown or PDF where the person chooses; nothing is saved if they cancel. */
  async export({
    id,
    format: fileFormat,
  }: ParsedRequestOf<'guideRuns:export'>): Promise<{ saved: boolean; path: string | null }> {
    const summary = this.summary({ id });
    const ext = fileFormat === 'pdf' ? 'pdf' : 'md';
    const path = await this.deps.platform.pickSavePath({
      title: format('guideRuns.saveTitle', { format: fileFormat }),
      defaultName: summaryFileName(summary, ext),
      filters: [
        fileFormat === 'pdf'
          ? { name: format('guideRuns.pdfFilter'), extensions: ['pdf'] }
          : { name: format('guideRuns.markdownFilter'), extensions: ['md'] },
      ],
    });
    if (!path) return { saved: false, path: null };
    let bytes: Uint8Array | string;
    try {
      bytes =
        fileFormat === 'pdf'
          ? await this.deps.platform.htmlToPdf(summaryHtml(summary))
          : summaryMarkdown(summary);
    } catch (error) {
      throw new AppFailure(
        'unavailable',
        format('errors.guideRuns.pdf', { message: error instanceof Error ? error.message : String(error) }),
      );
    }
    try {
      writeFileSync(path, bytes, { mode: 0o600 });
    } catch (error) {
      throw new AppFailure(
        'unavailable',
        format('errors.guideRuns.save', { code: (error as NodeJS.ErrnoException).code ?? 'error' }),
      );
    }
    return { saved: true, path };
  }

  private listItem(row: GuideRunRow, steps: readonly GuideRunStepRow[]): GuideRunListItem {
    const guide = guideOf(row);
    return {
      id: row.id,
      guideId: row.guideId,
      guideTitle: guide.title,
      accountId: row.accountId,
      accountLabel: row.accountLabel,
      personId: row.personId,
      personName: row.personName,
      checklistId: row.checklistId,
      accounts: this.deps.store.read.guideRuns
        .accounts(row.id)
        .map((a) => ({ id: a.accountId, label: a.label })),
      origin: row.origin,
      originId: row.originId,
      originLabel: row.originLabel,
      helperName: row.helperName,
      status: row.status,
      currentStep: row.currentStep,
      progress: progressOf(steps.map((s) => s.status)),
      startedAt: row.startedAt,
      updatedAt: row.updatedAt,
      finishedAt: row.finishedAt,
    };
  }

  private familiesOf(account: Account): string[] {
    let index: FamilyIndex | null;
    try {
      index = this.deps.families?.() ?? null;
    } catch {
      // The datasets cannot be loaded: the variant is picked by domain alone.
      index = null;
    }
    return index ? index.ofAccount(account).map((family) => family.id) : [];
  }

  private situationOf(request: ParsedRequestOf<'guideRuns:suggest'>): {
    kinds: string[];
    dataClasses: string[];
    domain: string | undefined;
    accountIds: number[];
    incidentGuides: string[];
    isNotice: boolean;
  } {
    const findings = this.deps.store.read.findings.list();
    let chosen: Finding[] = [];
    let noticeId: number | null = request.noticeId ?? null;
    // A task is about one account, even when its finding concerns several (a reused password).
    let taskAccountId: number | null = null;
    if (request.findingId !== undefined) {
      const finding = findings.find((f) => f.id === request.findingId);
      if (!finding) throw new AppFailure('not_found', format('errors.guideRuns.findingGone'));
      chosen = [finding];
    } else if (request.taskId !== undefined) {
      const task = this.deps.tasks.byIds([request.taskId])[0];
      if (!task) throw new AppFailure('not_found', format('errors.guideRuns.taskGone'));
      chosen = findings.filter((f) => task.findingIds.includes(f.id));
      taskAccountId = task.accountId;
      if (chosen.length === 0 && task.accountId !== null) {
        const account = this.deps.store.read.accounts.get(task.accountId);
        return {
          kinds: [],
          dataClasses: [],
          domain: account?.domain ?? undefined,
          accountIds: [task.accountId],
          incidentGuides: [],
          isNotice: false,
        };
      }
    } else if (noticeId !== null) {
      chosen = findings.filter((f) => f.subject === `notice:${noticeId}`);
    }
    const notice = chosen.find((f) => f.kind === 'breach_notice');
    if (notice) noticeId = Number(notice.evidence.noticeId);
    const stored = noticeId === null ? undefined : this.deps.store.read.notices.get(noticeId);
    if (request.noticeId !== undefined && !stored)
      throw new AppFailure('not_found', format('errors.guideRuns.noticeGone'));
    const incident = stored?.incidentId
      ? this.deps.guides.incidents().find((i) => i.id === stored.incidentId)
      : undefined;
    const accountIds =
      taskAccountId !== null
        ? [taskAccountId]
        : [...new Set(chosen.flatMap((f) => f.accountIds))].sort((a, b) => a - b);
    const first = accountIds.length > 0 ? this.deps.store.read.accounts.get(accountIds[0]!) : undefined;
    return {
      kinds: [...new Set(chosen.map((f) => f.kind))],
      dataClasses: [
        ...chosen.flatMap((f) =>
          Array.isArray(f.evidence.dataClasses) ? (f.evidence.dataClasses as string[]) : [],
        ),
        ...(stored?.exposed ?? []),
      ],
      domain: first?.domain ?? stored?.domains[0],
      accountIds,
      incidentGuides: incident?.guides ?? [],
      isNotice: stored !== undefined,
    };
  }

  /** The run's accounts that still exist, in order, as they are now. */
  private runAccounts(repos: Pick<ReadRepositories, 'guideRuns' | 'accounts'>, row: GuideRunRow): Account[] {
    return repos.guideRuns.accounts(row.id).flatMap((a) => {
      const account = a.accountId === null ? undefined : repos.accounts.get(a.accountId);
      return account ? [account] : [];
    });
  }

  private originLabel(origin: GuideRunRow['origin'], originId: number | null): string {
    if (origin === 'library' || originId === null) return format('guideRuns.origin.library');
    if (origin === 'finding') {
      const finding = this.deps.store.read.findings.list().find((f) => f.id === originId);
      if (!finding)
        throw new AppFailure('invalid_input', format('errors.guideRuns.findingGone'), {
          originId: format('errors.guideRuns.unknownFinding'),
        });
      const services = finding.accountIds.map(
        (id) => this.deps.store.read.accounts.get(id)?.service ?? format('guideRuns.anAccount'),
      );
      return format('guideRuns.origin.finding', {
        title: describeFinding(finding.kind, finding.evidence, services).title,
      });
    }
    if (origin === 'task') {
      const task = this.deps.tasks.byIds([originId])[0];
      if (!task)
        throw new AppFailure('invalid_input', format('errors.guideRuns.taskGone'), {
          originId: format('errors.guideRuns.unknownTask'),
        });
      return format('guideRuns.origin.task', { title: task.title });
    }
    const notice = this.deps.store.read.notices.get(originId);
    if (!notice)
      throw new AppFailure('invalid_input', format('errors.guideRuns.noticeGone'), {
        originId: format('errors.guideRuns.unknownNotice'),
      });
    return format('guideRuns.origin.notice', { provider: notice.provider, date: notice.receivedOn });
  }

  private require(id: number): GuideRunRow {
    const row = this.deps.store.read.guideRuns.get(id);
    if (!row) throw new AppFailure('not_found', format('errors.guideRuns.runGone'));
    return row;
  }
}

/** Moves the run to the next step still to do (it resumes there). */
function advance(
  tx: WriteContext,
  row: GuideRunRow,
  states: readonly GuideRunStepRow[],
  index: number,
  status: StepStatus,
): void {
  const statuses = states.map((s, i) => (i === index ? status : s.status));
  tx.repos.guideRuns.setCurrentStep(row.id, nextPendingPosition(statuses, index), tx.now);
}

/** A run that can still be changed. */
function requireActive(repos: Pick<Repositories, 'guideRuns'>, id: number): GuideRunRow {
  const row = repos.guideRuns.get(id);
  if (!row) throw new AppFailure('not_found', format('errors.guideRuns.runGone'));
  if (row.status !== 'active') {
    throw new AppFailure('conflict', format('errors.guideRuns.closed', { status: row.status }));
  }
  return row;
}

/** The guide as it was when the run started. */
function guideOf(row: GuideRunRow): Guide {
  return JSON.parse(row.guideJson) as Guide;
}

function actorOf(row: GuideRunRow): string | undefined {
  return row.helperName.trim() ? `Helper: ${row.helperName.trim()}` : undefined;
}

function accountLabel(account: Account): string {
  return account.username ? `${account.service} (${account.username})` : account.service;
}

/**
 * The notices a finished run answers: the notice it was started from, the notice behind the
 * finding or task it was started from; for a run from the library, the open notices whose guide is
 * this one and that concern one of the run's accounts — or, for a run tied to no account, those of
 * one person only (with notices of several people, which one it answered cannot be told).
 */
function noticesAnswered(
  repos: Pick<Repositories, 'findings' | 'tasks' | 'notices'>,
  row: GuideRunRow,
  guideId: string,
  accountIds: readonly number[],
): number[] {
  const noticeOf = (finding: Finding | undefined): number[] =>
    finding?.kind === 'breach_notice' && typeof finding.evidence.noticeId === 'number'
      ? [finding.evidence.noticeId]
      : [];
  if (row.origin === 'notice') return row.originId === null ? [] : [row.originId];
  const findings = repos.findings.list();
  if (row.origin === 'finding') return noticeOf(findings.find((f) => f.id === row.originId));
  if (row.origin === 'task') {
    const task = row.originId === null ? undefined : repos.tasks.get(row.originId);
    return (task?.findingIds ?? []).flatMap((findingId) =>
      noticeOf(findings.find((f) => f.id === findingId)),
    );
  }
  const forThisGuide = findings.filter(
    (f) =>
      f.kind === 'breach_notice' &&
      f.status === 'open' &&
      (f.evidence.guide as { id?: unknown } | undefined)?.id === guideId,
  );
  if (accountIds.length > 0)
    return forThisGuide
      .filter((f) => f.accountIds.some((id) => accountIds.includes(id)))
      .flatMap((f) => noticeOf(f));
  const ids = forThisGuide.flatMap((f) => noticeOf(f));
  const people = new Set(ids.map((noticeId) => repos.notices.get(noticeId)?.personId));
  return people.size === 1 ? ids : [];
}

/**
 * What a mailbox scan found, as a guide step's follow-up list: the tasks of the open findings of
 * secrets seen in the person's mail (everyone's, for a run tied to no one), and a line saying so.
 */
function mailScanFollowUps(
  repos: Pick<Repositories, 'findings' | 'tasks'>,
  personId: number | null,
): { taskIds: number[]; applied: string } {
  const findings = repos.findings
    .list()
    .filter(
      (f) =>
        f.kind === 'mail_secret' &&
        f.status === 'open' &&
        (personId === null ||
          (Array.isArray(f.evidence.personIds) && f.evidence.personIds.includes(personId))),
    );
  const ids = new Set(findings.map((f) => f.id));
  const taskIds = repos.tasks
    .list()
    .filter((t) => t.findingIds.some((findingId) => ids.has(findingId)))
    .map((t) => t.id);
  const count = findings.length;
  return {
    taskIds,
    applied: count === 0 ? format('guideRuns.mailScan.none') : format('guideRuns.mailScan.added', { count }),
  };
}
