// Guides, guide runs, incidents and the breach notices people record.
import type { StepStatus } from '../domain/guides/run';
import type { TaskLink } from './tasks';

/** Where a step of a guide run stands. */
export type GuideStepStatus = StepStatus;

/** A guide in the library. */
export interface GuideSummary {
  id: string;
  version: string;
  title: string;
  summary: string;
  category: string;
  estimatedMinutes: number;
  stepCount: number;
  source: 'bundled' | 'imported';
  /** It applies to one of the open findings. */
  isRelevant: boolean;
}

/** A guide to read, its steps resolved for a provider variant. */
export interface GuideDetail {
  id: string;
  version: string;
  title: string;
  summary: string;
  estimatedMinutes: number;
  source: 'bundled' | 'imported';
  /** Who wrote it, as the file says (imported guides: shown so the reader knows whose advice it is). */
  author: string | null;
  variants: { id: string; label: string }[];
  steps: {
    id: string;
    title: string;
    why: string;
    instructions: string[];
    links: TaskLink[];
    estimatedMinutes: number;
    confirm: string | null;
    sources: TaskLink[];
  }[];
}

/** A provider incident without a published dataset (bundled, sourced). */
export interface Incident {
  id: string;
  provider: string;
  title: string;
  domains: string[];
  period: { from: string; to: string | null };
  disclosedOn: string;
  summary: string;
  whatWasTaken: string[];
  dataClasses: string[];
  notices: { label: string; publisher: string; publishedOn: string; url: string }[];
  /** The guides to follow, best first (ids in the library). */
  guides: string[];
  /**
   * The account families of its domains (one sign-in across several domains): a notice about it
   * concerns every account of these families, at any of their domains (`domains`: the family's own
   * and shared ones, its home domain first). Empty when none, or when the datasets cannot be loaded.
   */
  families: { id: string; name: string; domains: string[] }[];
}

/** A breach notice a person received, as recorded in Lockstep. */
export interface BreachNotice {
  id: number;
  personId: number;
  personName: string;
  /** The bundled incident it is about, if any. */
  incidentId: string | null;
  provider: string;
  domains: string[];
  receivedOn: string;
  exposed: string[];
  emailId: number | null;
  emailAddress: string | null;
  details: string;
  /** When a guide for it was finished. */
  handledAt: string | null;
  createdAt: string;
  /** The finding it raised (open, or closed once handled). */
  findingId: number | null;
}

/** A step of a guide run: the guide's words, and what has happened to it. */
export interface GuideRunStep {
  id: string;
  title: string;
  why: string;
  instructions: string[];
  links: TaskLink[];
  sources: TaskLink[];
  estimatedMinutes: number;
  confirm: string | null;
  collects: { prompt: string; itemLabel: string; maxItems: number } | null;
  /** Marking it done asks which two-step method was turned on. */
  asksMfa: boolean;
  /** It offers the mailbox scan: marking it done adds what the scan found to its follow-up list. */
  offersMailScan: boolean;
  /** What marking it done will record, in words. */
  effects: string[];
  status: GuideStepStatus;
  note: string;
  items: string[];
  /** What was recorded when it was done, in words. */
  applied: string[];
  taskIds: number[];
  updatedAt: string | null;
}

/** Where a run came from, and how far it has got. */
export interface GuideRunListItem {
  id: number;
  guideId: string;
  guideTitle: string;
  /** The first (or only) account the run is for, and a label naming all of them. */
  accountId: number | null;
  accountLabel: string | null;
  /** Whose run it is (the account's owner, or the person it was started for). */
  personId: number | null;
  personName: string | null;
  /** The checklist it is part of, when the guide was started for several people at once. */
  checklistId: number | null;
  /**
   * Every account the run is for, in order (a notice's guide runs for each account the person
   * picked): what a step records is recorded on each. `id` is null once the account is deleted.
   */
  accounts: { id: number | null; label: string }[];
  origin: 'library' | 'finding' | 'task' | 'notice';
  originId: number | null;
  originLabel: string;
  helperName: string;
  status: 'active' | 'finished' | 'abandoned';
  currentStep: number;
  progress: { done: number; skipped: number; blocked: number; pending: number; total: number };
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

/** A guide being followed, step by step (resumable: everything is stored as it happens). */
export interface GuideRun extends GuideRunListItem {
  guideVersion: string;
  guideSummary: string;
  variant: { id: string; label: string } | null;
  steps: GuideRunStep[];
}

/** The guides that fit a finding, task or notice, and the account they would be run for. */
export interface GuideSuggestion {
  guides: { id: string; title: string; summary: string; estimatedMinutes: number; stepCount: number }[];
  /** The account the run would be for (when there is exactly one), else null. */
  accountId: number | null;
  /** The accounts it concerns (to choose from when there are several). */
  accountIds: number[];
  /**
   * The run may be for several of them at once (a notice: what a step records is recorded on each
   * account the person picks — all, by default); otherwise it is for one.
   */
  allowsSeveral: boolean;
}
