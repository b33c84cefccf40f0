// The command line's help text: kept apart from the commands so that `--help` loads nothing else.
// The descriptions come from the catalogue (`usage.*`), read without compiling ICU; the commands,
// options and metavariables are the contract and are written here.
import { IMPORT_FORMAT_KEYS } from '../../common/domain/import/formatKeys';
import { plainMessage, usageRow, type PlainMessageId } from '../../common/messages/plain';
import { dataSafetyUsage } from '../services/dataSafety/usage';

/** Where the descriptions of commands and options start. */
const COLUMN = 25;
const row = (syntax: string, id: PlainMessageId | null = null) => usageRow(syntax, id, COLUMN);

/**
 * What `--help` prints: every command, the options, the exit statuses and the import formats, in
 * the catalogue in use (call it after the locale is chosen).
 */
export function usage(): string {
  return [
    `${plainMessage('usage.usage')} npm run -s cli -- <command> [options]`,
    '',
    plainMessage('usage.commands'),
    row(
      '  import FILE [--format NAME] [--person NAME] [--dry-run]\n' +
        '              [--map-url COLUMN --map-password COLUMN [--map-username COLUMN] [--map-title COLUMN]]',
      'usage.import',
    ),
    row('  accounts', 'usage.accounts'),
    row('  findings [--person NAME | --group G]', 'usage.findings'),
    row('  people', 'usage.people'),
    row('  people add NAME [--email ADDRESS]... [--group G] [--role R]', 'usage.peopleAdd'),
    row('  people import FILE [--dry-run]', 'usage.peopleImport'),
    row(
      '  accounts add --person NAME --url URL [--service NAME] [--username U] [--category CATEGORY]\n' +
        '               [--criticality critical|important|standard] [--mfa METHOD]',
      'usage.accountsAdd',
    ),
    row('  team [--group G]', 'usage.team'),
    row('  emails add ADDRESS [--person NAME]', 'usage.emailsAdd'),
    row('  breaches search TEXT', 'usage.breachesSearch'),
    row('  check [--offline]', 'usage.check'),
    row('  tasks [--person NAME | --group G]', 'usage.tasks'),
    row('  tasks assign ID... --to NAME | --helper NAME', 'usage.tasksAssign'),
    row('  tasks unassign ID...'),
    row('  tasks done ID [--changed-on DATE] [--mfa METHOD]', 'usage.tasksDone'),
    row('  tasks snooze ID --until DATE'),
    row('  tasks wontdo ID --reason TEXT'),
    row('  history verify', 'usage.historyVerify'),
    row('  report team|attestation --format pdf|md|csv --out FILE [--group G]', 'usage.report'),
    row('  pwned-index build SOURCE [--out FILE]', 'usage.pwnedIndexBuild'),
    row('  pwned-index check FILE [--passwords-file F] [--json]'),
    row('  guides list|validate FILE|export ID|import FILE', 'usage.guides'),
    row('  mail scan PATH [--person NAME]', 'usage.mailScan'),
    row(
      '  notices add --provider DOMAIN --date YYYY-MM-DD [--email ADDRESS] [--person NAME]',
      'usage.noticesAdd',
    ),
    row('  notices list', 'usage.noticesList'),
    dataSafetyUsage(),
    '',
    plainMessage('usage.options'),
    row('  --data-dir DIR', 'usage.option.dataDir'),
    row('  --json', 'usage.option.json'),
    row('  --as NAME', 'usage.option.as'),
    row('  -h, --help', 'usage.option.help'),
    '',
    plainMessage('usage.exitStatus'),
    ...(['0', '1', '2', '3', '4'] as const).map((code) => usageRow(`  ${code}`, `usage.exit.${code}`, 5)),
    '',
    `${plainMessage('usage.formats')} ${IMPORT_FORMAT_KEYS.join(', ')}`,
  ].join('\n');
}
