// Lockstep's headless command line: the same services and database as the app.
//   npm run -s cli -- <command> [options] [--data-dir DIR] [--json]
// Exit status: 0 success; 1 internal error (and `history verify`: the history is broken); 2 bad input
// or refused (nothing written; also when another Lockstep is changing the data); 3 the data file is
// damaged or not usable by this version; 4 the data cannot be used now (read-only, disk full).
// Messages go to stderr.
import { parseArgs } from 'node:util';
import { IMPORT_FORMAT_KEYS } from '../../common/domain/import/formatKeys';
import type { ColumnMapping, ImportFormat } from '../../common/domain/import/types';
import type { Account, Finding, ImportPreview, Person } from '../../common/ipc/contract';
import { FINDING_KIND_LABELS, listNames, possessive } from '../../common/domain/checks/describe';
import { format, formatList } from '../../common/messages/format';
import { usage } from './usage';
import { accountsJson, accountsTable, type AccountsSource } from './accountsListing';
import { AppFailure } from '../../common/ipc/result';
import { emailAddressSchema, fieldErrorsOf } from '../../common/domain/validation';
import { requestSchemas } from '../../common/ipc/schemas';
import { oneLine, terminalSafe } from '../../common/domain/terminal';
import { describeImportCheck } from '../../common/domain/passwords/coverage';
import { DataFileError } from '../db/dataFile';
import { dataErrorExit, describeOpenFailure, exitCodeOf, runDataSafetyCli } from '../services/dataSafety/cli';
import { defaultDataDir, resolveDataDir } from '../services/dataDir';
import { pwnedIndexPath } from '../services/pwnedIndexService';
import { createHeadlessPlatform } from '../platform/headless';
import { mailScanCommand, noticesAddCommand, noticesListCommand } from './mailCommands';
import { openCore, type Core } from '../services/core';
import {
  accountsAdd,
  CliUsageError,
  peopleAdd,
  peopleImport,
  report,
  scopeOf,
  tasksAssign,
  team,
} from './team';

/**
 * What the subcommands write, made safe for a terminal: control characters from files (a guide's
 * title, a path) are shown, not obeyed. JSON never holds raw control characters, so it is unchanged.
 */
const safeStdout = { write: (text: string) => process.stdout.write(terminalSafe(text)) };
const safeStderr = { write: (text: string) => process.stderr.write(terminalSafe(text)) };

/** A failure caused by the user's input: exit 2, nothing written. */
class UsageError extends Error {}

/** "Usage: SYNTAX" as a usage error (the syntax is the contract, written as it is typed). */
const usageOf = (syntax: string) => new UsageError(format('cli.usageOf', { syntax }));

/** `--data-dir DIR` / `--data-dir=DIR` from raw arguments, for subcommands that parse their own. */
function takeDataDir(argv: string[]): { dataDir: string; rest: string[] } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--data-dir') dataDir = argv[++i];
    else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length);
    else rest.push(arg);
  }
  return { dataDir: dataDir ?? resolveDataDir([], process.env, defaultDataDir()), rest };
}

async function main(argv: string[]): Promise<number> {
  // Subcommands with their own parsers get their arguments untouched.
  if (argv[0] === 'pwned-index') {
    // `--out` defaults to the file the app and `import` use when --data-dir is given.
    const { dataDir, rest } = takeDataDir(argv.slice(1));
    const args =
      rest[0] === 'build' && !rest.includes('--out') && argv.some((a) => a.startsWith('--data-dir'))
        ? [...rest, '--out', pwnedIndexPath(dataDir)]
        : rest;
    const { runPwnedIndexCli } = await import('../services/pwnedIndex/index');
    return runPwnedIndexCli(args, { stdin: process.stdin, stdout: safeStdout, stderr: safeStderr });
  }
  if (argv[0] === 'guides') {
    const { dataDir, rest } = takeDataDir(argv.slice(1));
    const { runGuidesCli } = await import('../services/guides/cli');
    return runGuidesCli(rest, { dataDir, stdout: safeStdout, stderr: safeStderr });
  }
  if ((argv[0] === 'backup' || argv[0] === 'export' || argv[0] === 'erase') && !argv.includes('--help')) {
    const { dataDir, rest } = takeDataDir(argv);
    return runDataSafetyCli(rest, {
      dataDir,
      platform: createHeadlessPlatform((line) => process.stderr.write(`${terminalSafe(line)}\n`)),
      version: cliVersion(),
      stdout: safeStdout,
      stderr: safeStderr,
    });
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      format: { type: 'string' },
      person: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'map-url': { type: 'string' },
      'map-password': { type: 'string' },
      'map-username': { type: 'string' },
      'map-title': { type: 'string' },
      'changed-on': { type: 'string' },
      mfa: { type: 'string' },
      until: { type: 'string' },
      reason: { type: 'string' },
      offline: { type: 'boolean', default: false },
      as: { type: 'string' },
      email: { type: 'string', multiple: true },
      group: { type: 'string' },
      role: { type: 'string' },
      url: { type: 'string' },
      username: { type: 'string' },
      service: { type: 'string' },
      category: { type: 'string' },
      criticality: { type: 'string' },
      to: { type: 'string' },
      helper: { type: 'string' },
      out: { type: 'string' },
      provider: { type: 'string' },
      date: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? process.stdout : process.stderr).write(`${usage()}\n`);
    return values.help ? 0 : 2;
  }
  const dataDir = values['data-dir'] ?? resolveDataDir([], process.env, defaultDataDir());
  // JSON is exact; text for people is made safe for a terminal (names come from imported files).
  // `human` may be a function, so that --json never builds the text.
  const print = (human: string | (() => string), json: unknown) =>
    process.stdout.write(
      values.json
        ? `${JSON.stringify(json, null, 2)}\n`
        : `${terminalSafe(typeof human === 'function' ? human() : human)}\n`,
    );

  if (
    ![
      'import',
      'accounts',
      'findings',
      'people',
      'emails',
      'breaches',
      'check',
      'tasks',
      'history',
      'team',
      'report',
      'mail',
      'notices',
    ].includes(command)
  ) {
    throw new UsageError(format('cli.unknownCommand', { command }));
  }
  if (command === 'import') {
    if (rest.length !== 1) throw usageOf('import FILE [--format NAME] [--person NAME] [--dry-run]');
    if (values.format && !(IMPORT_FORMAT_KEYS as readonly string[]).includes(values.format)) {
      throw new UsageError(
        format('cli.import.unknownFormat', {
          format: values.format,
          formats: IMPORT_FORMAT_KEYS.join(', '),
        }),
      );
    }
  } else if (command === 'tasks') {
    if (
      rest.length > 0 &&
      !(['done', 'snooze', 'wontdo'].includes(rest[0]!) && rest.length === 2 && /^\d+$/.test(rest[1]!)) &&
      !(['assign', 'unassign'].includes(rest[0]!) && rest.length >= 2)
    ) {
      throw usageOf('tasks [done|snooze|wontdo ID ...] | tasks assign ID... --to NAME');
    }
  } else if (command === 'people') {
    if (rest.length > 0 && !['add', 'import'].includes(rest[0]!))
      throw usageOf('people [add NAME ... | import FILE]');
  } else if (command === 'accounts') {
    if (rest.length > 0 && rest[0] !== 'add') throw usageOf('accounts [add --person NAME --url URL ...]');
  } else if (command === 'team' || command === 'report') {
    // Checked by the command itself.
  } else if (command === 'history') {
    if (rest[0] !== 'verify' || rest.length !== 1) throw usageOf('history verify');
  } else if (command === 'emails') {
    if (rest[0] !== 'add' || rest.length !== 2) throw usageOf('emails add ADDRESS [--person NAME]');
  } else if (command === 'breaches') {
    if (rest[0] !== 'search' || rest.length > 2) throw usageOf('breaches search TEXT');
  } else if (command === 'mail') {
    if (rest[0] !== 'scan' || rest.length !== 2) throw usageOf('mail scan PATH [--person NAME] [--json]');
  } else if (command === 'notices') {
    if (!((rest[0] === 'add' || rest[0] === 'list') && rest.length === 1))
      throw usageOf(
        'notices add --provider DOMAIN --date YYYY-MM-DD [--email ADDRESS] [--person NAME] | notices list',
      );
  } else if (rest.length > 0) {
    throw new UsageError(format('cli.noArguments', { command }));
  }

  let core: Core;
  try {
    core = openCore({
      dataDir,
      platform: createHeadlessPlatform((line) => process.stderr.write(`${terminalSafe(line)}\n`)),
      version: cliVersion(),
      ...(values.as ? { actor: `Helper: ${values.as.trim()}` } : {}),
      // --offline: no request can leave, whatever the settings say.
      ...(values.offline
        ? {
            fetchImpl: (() => Promise.reject(new Error(format('cli.offline')))) as typeof fetch,
          }
        : {}),
    });
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    process.stderr.write(`lockstep: ${terminalSafe(describeOpenFailure(dataDir, error))}\n`);
    return exitCodeOf(error.kind);
  }
  try {
    switch (command) {
      case 'import':
        return await importCommand(core, rest[0]!, values, print);
      case 'accounts':
        if (rest[0] === 'add')
          return accountsAdd(core, rest, values, print, (id) =>
            accountsJson(accountsOf(core)).find((a) => a.id === id),
          );
        {
          const rows = accountsJson(accountsOf(core));
          print(() => accountsTable(rows), rows);
        }
        return 0;
      case 'team':
        return team(core, rest, values, print);
      case 'report':
        return await report(core, rest, values, print);
      case 'emails': {
        const person = findPerson(core, values.person);
        const address = emailAddressSchema.safeParse(rest[1]);
        if (!address.success)
          throw new UsageError(
            `${rest[1]}: ${address.error.issues[0]?.message ?? format('validation.email.invalid')}`,
          );
        const email = core.inventory.addEmail({ personId: person.id, address: address.data });
        print(format('cli.emails.added', { address: email.address, person: person.name }), email);
        return 0;
      }
      case 'breaches': {
        const found = core.exposure.search({ text: rest[1] ?? '', limit: 50 });
        print(
          found.length === 0
            ? format('cli.breaches.none')
            : found
                .map(
                  (b) =>
                    `${b.name.padEnd(28)} ${(b.domain ?? '-').padEnd(24)} ${b.breachDate ?? '?'}  ${b.dataClasses.join(', ')}`,
                )
                .join('\n'),
          found.map((b) => ({
            name: b.name,
            title: b.title,
            domain: b.domain,
            breachDate: b.breachDate,
            pwnCount: b.pwnCount,
            dataClasses: b.dataClasses,
            description: b.descriptionText,
          })),
        );
        return 0;
      }
      case 'tasks': {
        if (rest[0] === 'assign' || rest[0] === 'unassign') return tasksAssign(core, rest, values, print);
        if (rest.length === 0) {
          const tasks = core.tasks.list(scopeOf(core, values));
          const assigneeName = (t: (typeof tasks)[number]) =>
            t.assignee
              ? t.assignee.kind === 'person'
                ? t.assignee.name
                : `Helper: ${t.assignee.name}`
              : null;
          // The same in words for people (the JSON's "Helper: NAME" is data and stays as it is).
          const assigneeWords = (t: (typeof tasks)[number]) =>
            t.assignee
              ? t.assignee.kind === 'person'
                ? t.assignee.name
                : format('cli.helper', { name: t.assignee.name })
              : null;
          print(
            tasks.length === 0
              ? format('cli.tasks.none')
              : columns(
                  tasks.map((t) => [
                    `#${t.id}`,
                    t.priority,
                    format(`tasks.status.${t.status}`),
                    t.dueAt ?? '',
                  ]),
                )
                  .map(
                    (row, i) =>
                      `${row} ${oneLine(tasks[i]!.title)}${tasks[i]!.status === 'done' && !tasks[i]!.verified ? format('cli.tasks.notVerified') : ''}${assigneeWords(tasks[i]!) ? `  → ${oneLine(assigneeWords(tasks[i]!)!)}` : ''}`,
                  )
                  .join('\n'),
            tasks.map((t) => ({
              id: t.id,
              title: t.title,
              kind: t.kind,
              priority: t.priority,
              status: t.status,
              dueAt: t.dueAt,
              accountId: t.accountId,
              findingIds: t.findingIds,
              verified: t.verified,
              person: t.personName,
              assignee: assigneeName(t),
            })),
          );
          return 0;
        }
        const id = Number(rest[1]);
        const task =
          rest[0] === 'done'
            ? core.tasks.done(
                requestOf('tasks:done', { id, changedOn: values['changed-on'], mfa: mfaOf(values.mfa) }),
              )
            : rest[0] === 'snooze'
              ? core.tasks.snooze(requestOf('tasks:snooze', { id, until: values.until }))
              : core.tasks.wontDo(requestOf('tasks:wontdo', { id, reason: values.reason }));
        print(
          format('cli.tasks.changed', {
            id: task.id,
            title: task.title,
            status: task.status,
            verified: task.status !== 'done' ? 'none' : task.verified ? 'yes' : 'no',
            note: task.verificationNote ?? '',
          }),
          {
            id: task.id,
            status: task.status,
            verified: task.verified,
            verificationNote: task.verificationNote,
          },
        );
        return 0;
      }
      case 'history': {
        const result = core.read.history.verify();
        print(
          result.ok
            ? format('cli.history.intact', { count: result.count })
            : format('cli.history.broken', { entry: result.brokenAt, reason: result.reason }),
          result,
        );
        return result.ok ? 0 : 1;
      }
      case 'check': {
        const open = core.checks.run();
        const status = core.checks.checksStatus();
        const findings = core.checks.list().filter((f) => f.status === 'open');
        const byKind: Record<string, number> = {};
        for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
        const human = status.catalogue.available
          ? format('cli.check.done', {
              count: open,
              breaches: status.catalogue.dates.breaches,
              twoFactor: status.catalogue.dates.twoFactor,
            })
          : format('cli.check.noData', { count: open, error: status.catalogue.error });
        print(human, { open, byKind, catalogue: status.catalogue });
        return status.catalogue.available ? 0 : 1;
      }
      case 'mail':
        return await mailScanCommand(
          core,
          rest[1]!,
          findPerson(core, values.person),
          print,
          !values.json && process.stderr.isTTY ? (line) => process.stderr.write(`\r${line}`) : null,
        );
      case 'notices':
        return rest[0] === 'list'
          ? noticesListCommand(core, print)
          : noticesAddCommand(
              core,
              { provider: values.provider, date: values.date, email: values.email?.at(-1) },
              findPerson(core, values.person),
              print,
              (message) => new UsageError(message),
            );
      case 'findings': {
        const findings = core.checks.list(scopeOf(core, values));
        // After the list, what the breached-password checks did and did not see (never an all-clear).
        print(
          `${findingsTable(findings, core.inventory.listAccounts(), core.inventory.listPeople())}\n\n${format('cli.findings.coverage')}\n${core.checks
            .passwordCoverage()
            .lines.map((line) => `  ${line}`)
            .join('\n')}`,
          findings.map(findingJson),
        );
        return 0;
      }
      default: {
        if (rest[0] === 'add') return peopleAdd(core, rest, values, print);
        if (rest[0] === 'import') return peopleImport(core, rest, values, print);
        const people = core.inventory.listPeople();
        print(
          people
            .map((p) =>
              format('cli.people.line', {
                name: oneLine(p.name),
                isYou: p.isDefault ? 'yes' : 'no',
                hasGroup: p.group ? 'yes' : 'no',
                group: oneLine(p.group ?? ''),
                accounts: p.accountCount,
                hasEmails: p.emails.length > 0 ? 'yes' : 'no',
                emails: p.emails.map((e) => oneLine(e.address)).join(', '),
              }),
            )
            .join('\n'),
          people.map((p) => ({
            id: p.id,
            name: p.name,
            isDefault: p.isDefault,
            accountCount: p.accountCount,
            emails: p.emails.map((e) => e.address),
            group: p.group,
            role: p.role,
          })),
        );
        return 0;
      }
    }
  } finally {
    await core.close();
  }
}

/** The version the CLI reports (the bundle's, or the package's when run from the sources). */
function cliVersion(): string {
  return process.env.LOCKSTEP_BUILT_VERSION ?? process.env.npm_package_version ?? '0.0.0';
}

/** Validates a CLI request with the same schema the app's IPC uses (bad input → exit 2). */
function requestOf<C extends keyof typeof requestSchemas>(channel: C, raw: Record<string, unknown>) {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
  const parsed = requestSchemas[channel].safeParse(defined);
  if (!parsed.success) {
    throw new UsageError(
      Object.values(fieldErrorsOf(parsed.error)).join(' ') || format('cli.checkArguments'),
    );
  }
  return parsed.data as never;
}

function mfaOf(value: string | undefined): string | undefined {
  return value === 'security-key' ? 'security_key' : value;
}

function findPerson(core: Core, name: string | undefined) {
  const people = core.inventory.listPeople();
  const person = name
    ? people.find((p) => p.name.toLowerCase() === name.trim().toLowerCase())
    : (people.find((p) => p.isDefault) ?? people[0]);
  if (!person) throw new UsageError(format('cli.noPerson', { name: oneLine(name ?? '') }));
  return person;
}

async function importCommand(
  core: Core,
  file: string,
  values: {
    format?: string;
    person?: string;
    'dry-run'?: boolean;
    json?: boolean;
    'map-url'?: string;
    'map-password'?: string;
    'map-username'?: string;
    'map-title'?: string;
  },
  print: (human: string, json: unknown) => void,
): Promise<number> {
  const mapping = mappingOf(values);
  const person = values.person
    ? core.inventory.listPeople().find((p) => p.name.toLowerCase() === values.person!.trim().toLowerCase())
    : (core.inventory.listPeople().find((p) => p.isDefault) ?? core.inventory.listPeople()[0]);
  if (!person && values['dry-run'])
    throw new UsageError(format('cli.noPerson', { name: oneLine(values.person ?? '') }));
  const preview: ImportPreview = core.imports.previewFile(file, {
    personId: person?.id ?? core.inventory.listPeople()[0]!.id,
    format: values.format as ImportFormat | undefined,
    mapping,
  });
  if (preview.format === null) {
    throw new UsageError(
      format('cli.import.unknownColumns', {
        file: preview.fileName,
        columns: preview.columns.map((c) => `"${c}"`).join(', '),
      }),
    );
  }
  const summary = (created: number, updated: number, skipped: ImportPreview['skipped']) => ({
    format: preview.format,
    entries: preview.entries,
    skipped: skipped.map(({ row, reason }) => ({ row, reason })),
    created,
    updated,
  });
  if (values['dry-run']) {
    core.imports.cancel({ sessionId: preview.sessionId });
    print(
      format('cli.import.dryRun', {
        file: preview.fileName,
        format: preview.formatLabel,
        entries: preview.entries,
        create: preview.toCreate,
        update: preview.toUpdate,
        skipped: preview.skipped.length,
      }) +
        skippedLines(preview.skipped) +
        noticeLines(preview.notices),
      summary(preview.toCreate, preview.toUpdate, preview.skipped),
    );
    return 0;
  }
  // A person named on the command line who is not here yet is added with the import, in its
  // transaction (two imports for the same new person add them once).
  const result = await core.imports.confirm(
    { sessionId: preview.sessionId },
    person ? {} : { personName: values.person!.trim() },
  );
  if (!person)
    process.stderr.write(
      terminalSafe(`${format('cli.import.addedPerson', { name: oneLine(values.person!.trim()) })}\n`),
    );
  // Each kind by its plain name ("2 × Reused password"), never its identifier.
  const findings = Object.entries(result.openFindings).map(([kind, n]) =>
    format('cli.import.findingKind', {
      count: n,
      kind: FINDING_KIND_LABELS[kind as Finding['kind']] ?? kind,
    }),
  );
  print(
    format('cli.import.done', {
      file: result.fileName,
      format: preview.formatLabel,
      entries: result.entries,
      created: result.created,
      updated: result.updated,
      skipped: result.skipped.length,
    }) +
      skippedLines(result.skipped) +
      noticeLines(preview.notices) +
      '\n' +
      format('cli.import.openFindings', {
        hasAny: findings.length > 0 ? 'yes' : 'no',
        findings: listNames(findings),
      }) +
      '\n' +
      describeImportCheck(result.pwnedCheck) +
      (result.loginEmails.length > 0
        ? '\n' + format('cli.import.loginEmails', { emails: result.loginEmails.join(', ') })
        : ''),
    summary(result.created, result.updated, result.skipped),
  );
  return 0;
}

function mappingOf(values: {
  'map-url'?: string;
  'map-password'?: string;
  'map-username'?: string;
  'map-title'?: string;
}): ColumnMapping | undefined {
  const any = values['map-url'] ?? values['map-password'] ?? values['map-username'] ?? values['map-title'];
  if (!any) return undefined;
  if (!values['map-url'] || !values['map-password']) throw new UsageError(format('cli.import.mappingNeeds'));
  return {
    url: values['map-url'],
    password: values['map-password'],
    ...(values['map-username'] ? { username: values['map-username'] } : {}),
    ...(values['map-title'] ? { title: values['map-title'] } : {}),
  };
}

const skippedLines = (skipped: ImportPreview['skipped']) =>
  skipped.length === 0
    ? ''
    : `\n${skipped.map((s) => format('cli.skippedRow', { row: s.row, reason: oneLine(s.reason) })).join('\n')}`;

/** What the reading of the file noticed (rows shorter than the header, …), as the app's preview shows it. */
const noticeLines = (notices: readonly string[]) => notices.map((notice) => `\n${oneLine(notice)}`).join('');

/** The accounts listing's reads, through the opened core's read repositories. */
const accountsOf = (core: Core): AccountsSource => ({
  summaries: () => core.read.accounts.listSummaries(),
  breachFacts: () => core.read.signals.breachFacts(),
  openFindings: (kinds) => core.read.findings.listOpen(kinds),
});

const findingJson = (f: Finding) => ({
  id: f.id,
  kind: f.kind,
  severity: f.severity,
  status: f.status,
  accountIds: f.accountIds,
  evidence: f.evidence,
});

/** One line per open finding; in a file with several people, each account says whose it is. */
function findingsTable(findings: Finding[], accounts: Account[], people: Person[]): string {
  const personName = new Map(people.map((p) => [p.id, p.name]));
  const named = (a: Account) => {
    const owner = people.length > 1 ? personName.get(a.personId) : undefined;
    return owner ? `${possessive(owner)} ${a.service}` : a.service;
  };
  const names = new Map(accounts.map((a) => [a.id, named(a)]));
  const open = findings.filter((f) => f.status === 'open');
  if (open.length === 0) return format('cli.findings.none');
  return columns(open.map((f) => [format(`finding.severity.${f.severity}`), FINDING_KIND_LABELS[f.kind]]))
    .map(
      (row, i) =>
        `${row} ${open[i]!.accountIds.map((id) => oneLine(names.get(id) ?? `#${id}`)).join(', ')}${familiesNote(open[i]!)}`,
    )
    .join('\n');
}

/** Rows of cells as aligned text: each column as wide as its longest cell, two spaces apart. */
function columns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}

/** " (via Microsoft account, …)" when a finding reached its accounts through their account family. */
function familiesNote(finding: Finding): string {
  const families = Array.isArray(finding.evidence.families) ? (finding.evidence.families as unknown[]) : [];
  const names = families
    .map((family) =>
      typeof family === 'object' && family !== null ? (family as { name?: unknown }).name : null,
    )
    .filter((name): name is string => typeof name === 'string');
  return names.length > 0 ? format('cli.findings.via', { families: formatList(names) }) : '';
}

/**
 * Runs one command line (the arguments after the program's name) and sets the exit status; messages
 * go to stderr. Loaded by `index.ts` when a command needs more than the accounts listing.
 */
export function runCommand(argv: string[]): Promise<void> {
  return main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const dataError = dataErrorExit(error);
      if (dataError) {
        process.stderr.write(`lockstep: ${terminalSafe(dataError.message)}\n`);
        process.exitCode = dataError.code;
      } else if (
        error instanceof UsageError ||
        error instanceof CliUsageError ||
        (error instanceof AppFailure && error.code !== 'internal') ||
        isArgumentError(error)
      ) {
        process.stderr.write(`lockstep: ${terminalSafe(error.message)}\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(
          `lockstep: ${terminalSafe(format('cli.internalError', { message: error instanceof Error ? error.message : String(error) }))}\n`,
        );
        process.exitCode = 1;
      }
    },
  );
}

/** An option the argument parser refused (unknown, missing its value, of the wrong kind): bad input. */
function isArgumentError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('ERR_PARSE_ARGS_')
  );
}
