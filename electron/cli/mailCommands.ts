// The `mail` and `notices` commands of the headless CLI (issue #15): scan a mailbox export for what
// an attacker who read it could use, and record a provider's breach notice from a script.
//   mail scan PATH [--person NAME] [--json]
//   notices add --provider DOMAIN --date YYYY-MM-DD [--email ADDRESS] [--person NAME] [--json]
//   notices list [--json]
import { format, formatList } from '../../common/messages/format';
import { MAIL_UNTIED_KINDS, mailSecretSubject } from '../../common/domain/checks/mailSecrets';
import { oneLine } from '../../common/domain/terminal';
import { emailAddressSchema, isCalendarDate } from '../../common/domain/validation';
import { isServiceUrlError, parseServiceUrl } from '../../common/domain/serviceUrl';
import type { BreachNotice, Finding, Person } from '../../common/ipc/contract';
import { AppFailure } from '../../common/ipc/result';
import type { Core } from '../services/core';
import { today } from '../services/clock';

/** What the commands print with: human text, or the exact JSON. */
export type Print = (human: string, json: unknown) => void;

/** One secret in `mail scan --json`: its kind, how often and when, and whose account it opens. */
export interface MailScanFindingJson {
  kind: string;
  count: number;
  firstSeen: string | null;
  lastSeen: string | null;
  /** The registrable domain of the account it belongs to (the inventory's, else the scan's), or null. */
  account: string | null;
}

/** `mail scan --json`. */
export interface MailScanJson {
  messages: number;
  bytes: number;
  undecodable: number;
  findings: MailScanFindingJson[];
}

/** A value from the data, on one line and inert in a terminal. */
const safe = oneLine;

const megabytes = (bytes: number) => format('cli.megabytes', { size: (bytes / 2 ** 20).toFixed(1) });

/** `mail scan PATH`: scans to the end; the findings and tasks are in the data like the app's. */
export async function mailScanCommand(
  core: Core,
  path: string,
  person: Person,
  print: Print,
  progress: ((line: string) => void) | null,
): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  if (progress) {
    timer = setInterval(() => {
      const running = core.mailScan.status().running;
      if (running)
        progress(
          format('cli.mailScan.progress', {
            count: running.messages,
            done: megabytes(running.bytes),
            total: megabytes(running.bytesTotal),
          }),
        );
    }, 1000);
  }
  let result;
  try {
    result = await core.mailScan.scanPath(path, person.id);
  } finally {
    if (timer) clearInterval(timer);
  }
  const { scan, report } = result;
  // The account of each secret as the findings tie it (the inventory's account, else the service
  // the scan told), so this and `findings --json` say the same.
  const bySubject = new Map<string, Finding>(
    core.checks
      .list()
      .filter((f) => f.kind === 'mail_secret')
      .map((f) => [f.subject, f]),
  );
  const findings: MailScanFindingJson[] = report.findings.map((found) => {
    const finding = bySubject.get(mailSecretSubject(found.kind, found.fingerprint));
    const told = MAIL_UNTIED_KINDS.has(found.kind) ? null : found.account;
    const account = finding ? (finding.evidence.account as string | null | undefined) : undefined;
    return {
      kind: found.kind,
      count: found.count,
      firstSeen: found.firstSeen,
      lastSeen: found.lastSeen,
      account: account === undefined ? told : account,
    };
  });
  const json: MailScanJson = {
    messages: report.messages,
    bytes: report.bytes,
    undecodable: report.undecodable.count,
    findings,
  };
  const lines = [
    format('cli.mailScan.read', {
      count: report.messages,
      size: megabytes(report.bytes),
      source: safe(scan.sourceName),
      person: safe(person.name),
    }),
    report.undecodable.count === 0
      ? format('cli.mailScan.allDecoded')
      : `${format('cli.mailScan.undecodable', { count: report.undecodable.count })}\n${report.undecodable.parts
          .map((part) => `  ${safe(part.where)}: ${safe(part.why)}`)
          .join('\n')}`,
    format('cli.mailScan.lookedFor', { kinds: formatList(scan.kindsLookedFor) }),
    findings.length === 0
      ? format('cli.mailScan.none')
      : format('cli.mailScan.found', { count: findings.length }),
    ...report.findings.map((found, index) => {
      const account = findings[index]!.account;
      return format('cli.mailScan.secret', {
        hint: safe(found.hint),
        count: found.count,
        dates: !found.firstSeen
          ? 'none'
          : found.lastSeen && found.lastSeen !== found.firstSeen
            ? 'range'
            : 'one',
        first: found.firstSeen ?? '',
        last: found.lastSeen ?? '',
        hasAccount: account ? 'yes' : 'no',
        account: account ? safe(account) : '',
      });
    }),
  ];
  print(lines.join('\n'), json);
  return 0;
}

/** A notice as `notices --json` shows it: with the finding and the accounts it concerns. */
function noticeJson(core: Core, notice: BreachNotice) {
  const finding =
    notice.findingId === null ? undefined : core.checks.list().find((f) => f.id === notice.findingId);
  const accounts = new Map(core.inventory.listAccounts().map((a) => [a.id, a]));
  return {
    id: notice.id,
    person: notice.personName,
    provider: notice.provider,
    domains: notice.domains,
    receivedOn: notice.receivedOn,
    email: notice.emailAddress,
    handledAt: notice.handledAt,
    finding: finding
      ? {
          id: finding.id,
          status: finding.status,
          severity: finding.severity,
          families: Array.isArray(finding.evidence.families) ? finding.evidence.families : [],
          emails: Array.isArray(finding.evidence.emails) ? finding.evidence.emails : [],
        }
      : null,
    accounts: (finding?.accountIds ?? []).flatMap((id) => {
      const account = accounts.get(id);
      return account
        ? [{ id, service: account.service, domain: account.domain, username: account.username }]
        : [];
    }),
  };
}

function noticeLine(json: ReturnType<typeof noticeJson>): string {
  const accounts = json.accounts.map((a) => `${safe(a.service)} (${safe(a.domain ?? '-')})`);
  return format('cli.notices.line', {
    id: json.id,
    provider: safe(json.provider),
    domains: json.domains.map(safe).join(', '),
    receivedOn: json.receivedOn,
    person: safe(json.person),
    state: json.handledAt ? 'handled' : json.finding ? 'open' : 'none',
    handledOn: json.handledAt?.slice(0, 10) ?? '',
    severity: json.finding?.severity ?? '',
    hasAccounts: accounts.length > 0 ? 'yes' : 'no',
    accounts: accounts.join(', '),
  });
}

/** `notices list`. */
export function noticesListCommand(core: Core, print: Print): number {
  const notices = core.notices.list().map((notice) => noticeJson(core, notice));
  print(notices.length === 0 ? format('cli.notices.none') : notices.map(noticeLine).join('\n'), notices);
  return 0;
}

/**
 * `notices add --provider DOMAIN --date DATE [--email ADDRESS]`: records a notice from the company at
 * DOMAIN (a sign-in host such as aws.amazon.com decides the account family). The address, if not
 * yet the person's, is added first. Everything is checked before anything is written.
 */
export function noticesAddCommand(
  core: Core,
  options: { provider?: string; date?: string; email?: string },
  person: Person,
  print: Print,
  usage: (message: string) => Error,
): number {
  const { provider: domain, date } = options;
  if (!domain || !date)
    throw usage(
      format('cli.usageOf', {
        syntax: 'notices add --provider DOMAIN --date YYYY-MM-DD [--email ADDRESS] [--person NAME]',
      }),
    );
  const parsed = parseServiceUrl(domain);
  if (isServiceUrlError(parsed) || parsed.kind !== 'web')
    throw usage(format('cli.notices.badProvider', { domain }));
  if (!isCalendarDate(date)) throw usage(format('cli.notices.badDate', { date }));
  if (date > today(core.clock)) throw usage(format('cli.notices.future'));
  let emailId: number | undefined;
  if (options.email !== undefined) {
    const address = emailAddressSchema.safeParse(options.email);
    if (!address.success)
      throw usage(
        `${options.email}: ${address.error.issues[0]?.message ?? format('validation.email.invalid')}`,
      );
    const known = person.emails.find((e) => e.address.toLowerCase() === address.data.toLowerCase());
    emailId = known?.id ?? core.inventory.addEmail({ personId: person.id, address: address.data }).id;
  }
  // A bundled incident at that domain names the company ("Microsoft"); else the domain does.
  const host = parsed.host.replace(/^www\./, '');
  const incident = core.notices
    .incidents()
    .find((i) => i.domains.some((d) => host === d || host.endsWith(`.${d}`)));
  let notice: BreachNotice;
  try {
    notice = core.notices.record({
      personId: person.id,
      provider: incident?.provider ?? host,
      domain: host,
      receivedOn: date,
      exposed: [],
      ...(emailId !== undefined ? { emailId } : {}),
    });
  } catch (error) {
    if (error instanceof AppFailure && error.code === 'invalid_input') throw usage(error.message);
    throw error;
  }
  const json = noticeJson(core, notice);
  print(format('cli.notices.recorded', { notice: noticeLine(json) }), json);
  return 0;
}
