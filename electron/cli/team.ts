// The command line for a small business (issue #13): people in bulk, accounts, the team view,
// assignments and reports. Human output never prints a control character from the data; --json
// output is exact.
import { format, formatList } from '../../common/messages/format';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  CRITICALITIES,
  CRITICALITY_LABELS,
  MFA_LABELS,
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

/** "Usage: SYNTAX" as a usage error (the syntax is the contract, written as it is typed). */
const usageOf = (syntax: string) => new CliUsageError(format('cli.usageOf', { syntax }));

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
    throw new CliUsageError(
      Object.values(fieldErrorsOf(parsed.error)).join(' ') || format('cli.checkArguments'),
    );
  }
  return parsed.data as never;
}

/** The person with this name (case-insensitively), or a usage error naming who exists. */
export function personNamed(core: Core, name: string): Person {
  const wanted = name.trim().toLowerCase();
  const person = core.inventory.listPeople().find((p) => p.name.trim().toLowerCase() === wanted);
  if (!person) throw new CliUsageError(format('cli.noPerson', { name: oneLine(name) }));
  return person;
}

/** `--person NAME` / `--group G` as a scope for the list commands. */
export function scopeOf(core: Core, values: TeamCliValues): { personId?: number; group?: string } {
  if (values.person !== undefined && values.group !== undefined)
    throw new CliUsageError(format('cli.personOrGroup'));
  if (values.person !== undefined) return { personId: personNamed(core, values.person).id };
  if (values.group !== undefined) return { group: values.group.trim() };
  return {};
}

/** `people add NAME [--email ADDRESS]... [--group G] [--role R]`. */
export function peopleAdd(core: Core, rest: string[], values: TeamCliValues, print: Print): number {
  if (rest.length !== 2) throw usageOf('people add NAME [--email ADDRESS]... [--group G] [--role R]');
  const name = rest[1]!;
  if (core.inventory.listPeople().some((p) => p.name.trim().toLowerCase() === name.trim().toLowerCase()))
    throw new CliUsageError(format('cli.people.exists', { name: oneLine(name.trim()) }));
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
    format('cli.people.added', {
      name: oneLine(person.name),
      hasGroup: person.group ? 'yes' : 'no',
      group: oneLine(person.group ?? ''),
      hasEmails: emails.length > 0 ? 'yes' : 'no',
      emails: emails.map(oneLine).join(', '),
    }),
    { id: person.id, name: person.name, emails },
  );
  return 0;
}

/** `people import FILE [--dry-run]`: a staff list (CSV). */
export function peopleImport(core: Core, rest: string[], values: TeamCliValues, print: Print): number {
  if (rest.length !== 2) throw usageOf('people import FILE [--dry-run]');
  const preview = core.staffImport.previewFile(resolve(rest[1]!));
  const skippedLines = preview.skipped
    .map((s) => `\n${format('cli.skippedRow', { row: s.row, reason: oneLine(s.reason) })}`)
    .join('');
  if (values['dry-run']) {
    core.staffImport.cancel({ sessionId: preview.sessionId });
    print(
      format('cli.people.importDryRun', {
        file: oneLine(preview.fileName),
        create: preview.toCreate,
        update: preview.toUpdate,
        skipped: preview.skipped.length,
      }) + skippedLines,
      { created: preview.toCreate, updated: preview.toUpdate, skipped: preview.skipped },
    );
    return 0;
  }
  const result = core.staffImport.confirm({ sessionId: preview.sessionId });
  print(
    format('cli.people.imported', {
      file: oneLine(preview.fileName),
      created: result.created,
      updated: result.updated,
      skipped: result.skipped.length,
    }) + skippedLines,
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
  if (rest.length !== 1 || values.person === undefined || values.url === undefined)
    throw usageOf(
      'accounts add --person NAME --url URL [--service NAME] [--username U] [--category CATEGORY] [--criticality critical|important|standard] [--mfa METHOD]',
    );
  const person = personNamed(core, values.person);
  const parsed = parseServiceUrl(values.url.trim());
  if (isServiceUrlError(parsed)) throw new CliUsageError(`${oneLine(values.url)}: ${parsed.error}`);
  if (values.category !== undefined && !(CATEGORIES as readonly string[]).includes(values.category))
    throw new CliUsageError(
      format('cli.accounts.unknownCategory', {
        category: oneLine(values.category),
        categories: CATEGORIES.join(', '),
      }),
    );
  if (values.criticality !== undefined && !(CRITICALITIES as readonly string[]).includes(values.criticality))
    throw new CliUsageError(
      format('cli.accounts.unknownCriticality', { criticality: oneLine(values.criticality) }),
    );
  const mfa = values.mfa === 'security-key' ? 'security_key' : values.mfa;
  if (mfa !== undefined && !(MFA_METHODS as readonly string[]).includes(mfa))
    throw new CliUsageError(format('cli.accounts.unknownMfa', { mfa: oneLine(values.mfa ?? '') }));
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
    format('cli.accounts.added', {
      service: oneLine(account.service),
      person: oneLine(person.name),
      category: CATEGORY_LABELS[account.category],
      criticality: CRITICALITY_LABELS[account.criticality],
      mfa: MFA_LABELS[account.mfa],
    }),
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
  if (rest.length > 0) throw usageOf('team [--group G] [--json]');
  const view = core.team.view(values.group === undefined ? {} : { group: values.group.trim() });
  const lines = [
    ...coverageFigures(view).map((f) => format('cli.team.figure', f)),
    '',
    ...view.rows.map((r) =>
      format('cli.team.row', {
        name: oneLine(r.name),
        hasGroup: r.group ? 'yes' : 'no',
        group: oneLine(r.group ?? ''),
        mfa: r.mainEmailMfa === null ? 'unknown' : r.mainEmailMfa ? 'on' : 'off',
        criticalWithMfa: r.criticalWithMfa,
        critical: r.criticalAccounts,
        accounts: r.accounts,
        openFindings: r.openFindings,
        overdueTasks: r.overdueTasks,
      }),
    ),
  ];
  print(view.rows.length === 0 ? format('cli.team.none') : lines.join('\n'), teamJson(view));
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
    throw usageOf(
      'tasks assign ID... --to NAME (a person, or the helper named in Settings) | --helper NAME; tasks unassign ID...',
    );
  let assignee: { personId: number } | { helper: string } | null = null;
  let to: { to: 'person' | 'helper' | 'none'; name: string } = { to: 'none', name: '' };
  if (!unassign && values.to !== undefined) {
    const wanted = values.to.trim().toLowerCase();
    const person = core.inventory.listPeople().find((p) => p.name.trim().toLowerCase() === wanted);
    const helper = core.settings.get().helperName.trim();
    if (person) {
      assignee = { personId: person.id };
      to = { to: 'person', name: person.name };
    } else if (helper !== '' && helper.toLowerCase() === wanted) {
      assignee = { helper };
      to = { to: 'helper', name: helper };
    } else {
      throw new CliUsageError(
        format('cli.tasks.noAssignee', {
          name: oneLine(values.to),
          hasHelper: helper ? 'yes' : 'no',
          helper: oneLine(helper),
        }),
      );
    }
  } else if (!unassign) {
    assignee = { helper: values.helper!.trim() };
    to = { to: 'helper', name: values.helper!.trim() };
  }
  const known = new Set(core.tasks.list().map((t) => t.id));
  const missing = ids.map(Number).filter((id) => !known.has(id));
  if (missing.length > 0)
    throw new CliUsageError(format('cli.tasks.missing', { ids: formatList(missing.map((id) => `#${id}`)) }));
  const { changed } = core.tasks.assign(requestOf('tasks:assign', { ids: ids.map(Number), assignee }));
  print(format('cli.tasks.given', { count: changed, to: to.to, name: oneLine(to.name) }), {
    changed,
    assignee,
  });
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
  const fileFormat = values.format === 'md' ? 'markdown' : values.format;
  if (
    rest.length !== 1 ||
    (kind !== 'team' && kind !== 'attestation') ||
    (fileFormat !== 'pdf' && fileFormat !== 'markdown' && fileFormat !== 'csv') ||
    !values.out
  )
    throw usageOf('report team|attestation --format pdf|md|csv --out FILE [--group G]');
  const out = resolve(values.out);
  const { bytes } = await core.reports.render(kind, fileFormat, values.group?.trim());
  mkdirSync(dirname(out), { recursive: true });
  writeReport(out, bytes);
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  print(format('cli.report.saved', { kind, path: oneLine(out), bytes: size }), {
    kind,
    format: values.format,
    path: out,
    bytes: size,
  });
  return 0;
}
