// The command line for a small business (issue #13): people in bulk, accounts, the team view,
// assignments and reports. Human output never prints a control character from the data; --json
// output is exact.
import { format } from '../../common/messages/format';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  CATEGORIES,
  CRITICALITIES,
  MFA_METHODS,
  suggestCategory,
  suggestCriticality,
  type Category,
  type Criticality,
} from '../../common/domain/inventory';
import { isServiceUrlError, parseServiceUrl } from '../../common/domain/serviceUrl';
import { coverageFigures } from '../../common/domain/team/report';
import { oneLine } from '../../common/domain/terminal';
import { fieldErrorsOf } from '../../common/domain/validation';
import { requestSchemas } from '../../common/ipc/schemas';
import type { Person, TeamView } from '../../common/model/index';
import type { Core } from '../services/core';
import { writeReport } from '../services/reportsService';

/** A failure caused by the user's input: exit 2, nothing written. */
export class CliUsageError extends Error {}

/** The options the team commands read. */
export interface TeamCliValues {
  json?: boolean;
  person?: string;
  email?: string[];
  group?: string;
  role?: string;
  url?: string;
  username?: string;
  service?: string;
  category?: string;
  criticality?: string;
  mfa?: string;
  to?: string;
  helper?: string;
  format?: string;
  out?: string;
  'dry-run'?: boolean;
}

type Print = (human: string, json: unknown) => void;

/** Validates with the app's own IPC schema (bad input → exit 2). */
function requestOf<C extends keyof typeof requestSchemas>(channel: C, raw: Record<string, unknown>) {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const parsed = requestSchemas[channel].safeParse(defined);
  if (!parsed.success) {
    throw new CliUsageError(Object.values(fieldErrorsOf(parsed.error)).join(' ') || 'Check the arguments.');
  }
  return parsed.data as never;
}

/** The person with this name (case-insensitively), or a usage error naming who exists. */
export function personNamed(core: Core, name: string): Person {
  const wanted = name.trim().toLowerCase();
  const person = core.inventory.listPeople().find((p) => p.name.trim().toLowerCase() === wanted);
  if (!person) throw new CliUsageError(`There is no person named "${oneLine(name)}".`);
  return person;
}

/** `--person NAME` / `--group G` as a scope for the list commands. */
export function scopeOf(core: Core, values: TeamCliValues): { personId?: number; group?: string } {
  if (values.person !== undefined && values.group !== undefined)
    throw new CliUsageError('Give --person or --group, not both.');
  if (values.person !== undefined) return { personId: personNamed(core, values.person).id };
  if (values.group !== undefined) return { group: values.group.trim() };
  return {};
}

/** `people add NAME [--email ADDRESS]... [--group G] [--role R]`. */
export function peopleAdd(core: Core, rest: string[], values: TeamCliValues, print: Print): number {
  if (rest.length !== 2)
    throw new CliUsageError('Usage: people add NAME [--email ADDRESS]... [--group G] [--role R]');
  const name = rest[1]!;
  if (core.inventory.listPeople().some((p) => p.name.trim().toLowerCase() === name.trim().toLowerCase()))
    throw new CliUsageError(`There is already a person named "${oneLine(name.trim())}".`);
  const person = core.inventory.createPerson(
    requestOf('people:create', {
      name,
      emails: values.email ?? [],
      group: values.group,
      role: values.role,
    }),
  );
  const emails = [...person.emails].sort((a, b) => a.id - b.id).map((e) => e.address);
  print(
    `Added ${oneLine(person.name)}${person.group ? ` (${oneLine(person.group)})` : ''}${emails.length > 0 ? `: ${emails.map(oneLine).join(', ')}` : ''}.`,
    { id: person.id, name: person.name, emails },
  );
  return 0;
}

/** `people import FILE [--dry-run]`: a staff list (CSV). */
export function peopleImport(core: Core, rest: string[], values: TeamCliValues, print: Print): number {
  if (rest.length !== 2) throw new CliUsageError('Usage: people import FILE [--dry-run]');
  const preview = core.staffImport.previewFile(resolve(rest[1]!));
  const skippedLines = preview.skipped.map((s) => `\n  row ${s.row}: ${oneLine(s.reason)}`).join('');
  if (values['dry-run']) {
    core.staffImport.cancel({ sessionId: preview.sessionId });
    print(
      `${oneLine(preview.fileName)}: would add ${preview.toCreate} and update ${preview.toUpdate}; ${format('cli.rowsSkipped', { count: preview.skipped.length })} Nothing was written (dry run).${skippedLines}`,
      { created: preview.toCreate, updated: preview.toUpdate, skipped: preview.skipped },
    );
    return 0;
  }
  const result = core.staffImport.confirm({ sessionId: preview.sessionId });
  print(
    `${oneLine(preview.fileName)}: added ${result.created}, updated ${result.updated}; ${format('cli.rowsSkipped', { count: result.skipped.length })}${skippedLines}`,
    { created: result.created, updated: result.updated, skipped: result.skipped },
  );
  return 0;
}

/**
 * `accounts add --person NAME --url URL [--service S] [--username U] [--category C]
 * [--criticality L] [--mfa M]`. As in the app's form, the category is guessed from the address
 * when not given (a mail provider is "email"), and the criticality follows the category.
 */
export function accountsAdd(
  core: Core,
  rest: string[],
  values: TeamCliValues,
  print: Print,
  asJson: (accountId: number) => unknown,
): number {
  const usage =
    'Usage: accounts add --person NAME --url URL [--service NAME] [--username U] [--category CATEGORY] [--criticality critical|important|standard] [--mfa METHOD]';
  if (rest.length !== 1 || values.person === undefined || values.url === undefined)
    throw new CliUsageError(usage);
  const person = personNamed(core, values.person);
  const parsed = parseServiceUrl(values.url.trim());
  if (isServiceUrlError(parsed)) throw new CliUsageError(`${oneLine(values.url)}: ${parsed.error}`);
  if (values.category !== undefined && !(CATEGORIES as readonly string[]).includes(values.category))
    throw new CliUsageError(
      `Unknown category "${oneLine(values.category)}". Categories: ${CATEGORIES.join(', ')}.`,
    );
  if (values.criticality !== undefined && !(CRITICALITIES as readonly string[]).includes(values.criticality))
    throw new CliUsageError(
      `Unknown criticality "${oneLine(values.criticality)}": critical, important or standard.`,
    );
  const mfa = values.mfa === 'security-key' ? 'security_key' : values.mfa;
  if (mfa !== undefined && !(MFA_METHODS as readonly string[]).includes(mfa))
    throw new CliUsageError(
      `Unknown two-step method "${oneLine(values.mfa ?? '')}": unknown, none, sms, email, totp, push, passkey or security-key.`,
    );
  const category = (values.category as Category | undefined) ?? suggestCategory(parsed.domain) ?? 'other';
  const criticality = (values.criticality as Criticality | undefined) ?? suggestCriticality(category);
  const account = core.inventory.createAccount(
    requestOf('accounts:create', {
      personId: person.id,
      service: values.service ?? parsed.domain,
      url: values.url.trim(),
      username: values.username ?? '',
      category,
      criticality,
      mfa: mfa ?? 'unknown',
      passwordChangedAt: '',
      recoveryReviewedAt: '',
      notes: '',
    }),
  );
  print(
    `Added ${oneLine(account.service)} for ${oneLine(person.name)} (${account.category}, ${account.criticality}, two-step: ${account.mfa}).`,
    asJson(account.id),
  );
  return 0;
}

/** `team --json` exactly as the command line documents it. */
export function teamJson(view: TeamView) {
  return {
    people: view.rows.map((row) => ({
      id: row.id,
      name: row.name,
      group: row.group,
      mainEmailMfa: row.mainEmailMfa,
      accounts: row.accounts,
      criticalAccounts: row.criticalAccounts,
      criticalWithMfa: row.criticalWithMfa,
      openFindings: row.openFindings,
      overdueTasks: row.overdueTasks,
    })),
    coverage: {
      mainEmailMfa: {
        yes: view.coverage.mainEmailMfa.yes,
        no: view.coverage.mainEmailMfa.no,
        unknown: view.coverage.mainEmailMfa.unknown,
      },
      criticalWithMfa: { yes: view.coverage.criticalWithMfa.yes, of: view.coverage.criticalWithMfa.of },
      peopleWithReuse: view.coverage.peopleWithReuse.count,
      overdueTasks: view.coverage.overdueTasks.count,
    },
  };
}

/** `team [--group G]`: the coverage figures and one line per person. */
export function team(core: Core, rest: string[], values: TeamCliValues, print: Print): number {
  if (rest.length > 0) throw new CliUsageError('Usage: team [--group G] [--json]');
  const view = core.team.view(values.group === undefined ? {} : { group: values.group.trim() });
  const yesNo = (v: boolean | null) => (v === null ? 'unknown' : v ? 'on' : 'off');
  const lines = [
    ...coverageFigures(view).map((f) => `${f.label}: ${f.value} (${f.detail})`),
    '',
    ...view.rows.map(
      (r) =>
        `${oneLine(r.name)}${r.group ? ` [${oneLine(r.group)}]` : ''}: main email two-step ${yesNo(r.mainEmailMfa)}; critical accounts with two-step: ${r.criticalWithMfa} of ${r.criticalAccounts}; ${format('count.accounts', { count: r.accounts })}; ${format('count.openFindings', { count: r.openFindings })}; ${format('count.overdueTasks', { count: r.overdueTasks })}`,
    ),
  ];
  print(view.rows.length === 0 ? 'No one in this group.' : lines.join('\n'), teamJson(view));
  return 0;
}

/** `tasks assign ID... --to NAME | --helper NAME`, `tasks unassign ID...`. */
export function tasksAssign(core: Core, rest: string[], values: TeamCliValues, print: Print): number {
  const ids = rest.slice(1);
  const unassign = rest[0] === 'unassign';
  if (
    ids.length === 0 ||
    ids.some((id) => !/^\d+$/.test(id)) ||
    (!unassign && (values.to === undefined) === (values.helper === undefined))
  )
    throw new CliUsageError(
      'Usage: tasks assign ID... --to NAME (a person, or the helper named in Settings) | --helper NAME; tasks unassign ID...',
    );
  let assignee: { personId: number } | { helper: string } | null = null;
  let label = 'no one';
  if (!unassign && values.to !== undefined) {
    const wanted = values.to.trim().toLowerCase();
    const person = core.inventory.listPeople().find((p) => p.name.trim().toLowerCase() === wanted);
    const helper = core.settings.get().helperName.trim();
    if (person) {
      assignee = { personId: person.id };
      label = person.name;
    } else if (helper !== '' && helper.toLowerCase() === wanted) {
      assignee = { helper };
      label = `the helper ${helper}`;
    } else {
      throw new CliUsageError(
        `There is no person named "${oneLine(values.to)}"${helper ? `, and the helper in Settings is "${oneLine(helper)}"` : ''}. To give tasks to someone who is not one of the people, use --helper NAME.`,
      );
    }
  } else if (!unassign) {
    assignee = { helper: values.helper!.trim() };
    label = `the helper ${values.helper!.trim()}`;
  }
  const known = new Set(core.tasks.list().map((t) => t.id));
  const missing = ids.map(Number).filter((id) => !known.has(id));
  if (missing.length > 0) throw new CliUsageError(`There is no task #${missing.join(', #')}.`);
  const { changed } = core.tasks.assign(requestOf('tasks:assign', { ids: ids.map(Number), assignee }));
  print(`${changed} ${changed === 1 ? 'task' : 'tasks'} given to ${oneLine(label)}.`, { changed, assignee });
  return 0;
}

/** `report team|attestation --format pdf|md|csv --out FILE [--group G]`. */
export async function report(
  core: Core,
  rest: string[],
  values: TeamCliValues,
  print: Print,
): Promise<number> {
  const kind = rest[0];
  const format = values.format === 'md' ? 'markdown' : values.format;
  if (
    rest.length !== 1 ||
    (kind !== 'team' && kind !== 'attestation') ||
    (format !== 'pdf' && format !== 'markdown' && format !== 'csv') ||
    !values.out
  )
    throw new CliUsageError('Usage: report team|attestation --format pdf|md|csv --out FILE [--group G]');
  const out = resolve(values.out);
  const { bytes } = await core.reports.render(kind, format, values.group?.trim());
  mkdirSync(dirname(out), { recursive: true });
  writeReport(out, bytes);
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  print(
    `Saved the ${kind === 'team' ? 'team report' : 'attestation'} to ${oneLine(out)} (${size.toLocaleString('en')} bytes).`,
    {
      kind,
      format: values.format,
      path: out,
      bytes: size,
    },
  );
  return 0;
}
