// The commands' way in (bundled with them to out/cli/commands.cjs; `entry.ts` runs it). Listing the
// accounts only reads what is stored, so `accounts [--json] [--data-dir DIR]` opens the data with
// the read-only data reader and loads nothing else: a whole office's list (10,000 accounts) is what
// people and scripts ask for most, and the services, the validation and the datasets took ~60 ms to
// load before anything was read. Every other command, and the listing whenever the data is not
// simply there to read (missing, older, damaged, busy), goes through `commands.ts`, which loads
// them — so a problem is reported by one path only.
import { parseArgs } from 'node:util';
import { messageLocaleFromEnv, setMessageLocale } from '../../common/messages/locale';
import { terminalSafe } from '../../common/domain/terminal';
import { openDataForReading } from '../services/dataReader';
import { defaultDataDir, resolveDataDir } from '../services/dataDir';
import { accountsJson, accountsTable, type AccountRow } from './accountsListing';

/**
 * Runs one command line (the arguments after the program's name) and sets the exit status; messages
 * go to stderr. It writes in the catalogue the environment chooses, as the entry does.
 */
export async function run(argv: string[]): Promise<void> {
  setMessageLocale(messageLocaleFromEnv(process.env));
  const listing = listingOf(argv);
  if (listing && listAccounts(listing)) return;
  const { runCommand } = await import('./commands');
  await runCommand(argv);
}

/**
 * The listing's settings when the command line is `accounts` with at most `--json` and `--data-dir
 * DIR`, which the listing reads alone; null for anything else.
 */
export function listingOf(argv: string[]): { dataDir: string; json: boolean } | null {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { 'data-dir': { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals.length !== 1 || positionals[0] !== 'accounts') return null;
    return {
      dataDir: values['data-dir'] ?? resolveDataDir([], process.env, defaultDataDir()),
      json: values.json === true,
    };
  } catch {
    // Any other option, or one without its value: the full parser says what is wrong.
    return null;
  }
}

/**
 * Prints the accounts from the read-only reader; false (nothing printed, nothing changed) when the
 * data is not simply there to read or a read fails, for the full command to open and report.
 */
function listAccounts({ dataDir, json }: { dataDir: string; json: boolean }): boolean {
  let rows: AccountRow[];
  try {
    const reader = openDataForReading(dataDir);
    if (!reader) return false;
    try {
      rows = accountsJson({
        summaries: () => reader.accounts.listSummaries(),
        breachFacts: () => reader.signals.breachFacts(),
        openFindings: (kinds) => reader.findings.listOpen(kinds),
      });
    } finally {
      reader.close();
    }
  } catch {
    return false;
  }
  // As every command prints: JSON exact, text made safe for a terminal.
  process.stdout.write(
    json ? `${JSON.stringify(rows, null, 2)}\n` : `${terminalSafe(accountsTable(rows))}\n`,
  );
  process.exitCode = 0;
  return true;
}
