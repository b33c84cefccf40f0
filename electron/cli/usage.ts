// The command line's help text: kept apart from the commands so that `--help` loads nothing else.
import { IMPORT_FORMATS } from '../../common/domain/import/formats';
import { DATA_SAFETY_USAGE } from '../services/dataSafety/usage';

/** What `--help` prints: every command, the options, the exit statuses and the import formats. */
export const USAGE = `Usage: npm run -s cli -- <command> [options]

Commands:
  import FILE [--format NAME] [--person NAME] [--dry-run]
              [--map-url COLUMN --map-password COLUMN [--map-username COLUMN] [--map-title COLUMN]]
                         Import a password-manager export (passwords are analysed, never stored)
  accounts               List accounts with their password signals
  findings [--person NAME | --group G]
                         List findings (open and closed) with their evidence
  people                 List people and their email addresses
  people add NAME [--email ADDRESS]... [--group G] [--role R]
                         Add a person (their first address is their main one)
  people import FILE [--dry-run]
                         Import a staff list (CSV: name, email addresses, role, group or department)
  accounts add --person NAME --url URL [--service NAME] [--username U] [--category CATEGORY]
               [--criticality critical|important|standard] [--mfa METHOD]
                         Add an account (category guessed from the address, criticality from the category)
  team [--group G]       The team view: two-step on main email, critical accounts, reuse, overdue tasks
  emails add ADDRESS [--person NAME]
                         Add an email address to a person (default: you)
  breaches search TEXT   Search the bundled breach catalogue by name or domain
  check [--offline]      Re-run every check (offline: with the network switched off)
  tasks [--person NAME | --group G]
                         List fix tasks (whose account, and who does them)
  tasks assign ID... --to NAME | --helper NAME
                         Give tasks to a person (or the helper named in Settings), or to a helper by name
  tasks unassign ID...
  tasks done ID [--changed-on DATE] [--mfa METHOD]
                         Mark a task done with the evidence (METHOD: sms, email, totp, push, passkey, security-key)
  tasks snooze ID --until DATE
  tasks wontdo ID --reason TEXT
  history verify         Check the tamper-evident history (exit 0 intact, 1 broken)
  report team|attestation --format pdf|md|csv --out FILE [--group G]
                         The team report, or the MFA attestation for an insurer (PDF: printed with
                         Chromium, Google Chrome or Edge when installed; CHROMIUM_PATH picks one)
  pwned-index build SOURCE [--out FILE]   Build the offline Pwned Passwords index (with --data-dir: for that folder)
  pwned-index check FILE [--passwords-file F] [--json]
  guides list|validate FILE|export ID|import FILE
                         Step-by-step guides (see: guides --help)
  mail scan PATH [--person NAME]
                         Scan a mailbox export (mbox, .eml, a folder of them) for secrets an attacker
                         who read it could use; each becomes a finding and a task (never stored: the
                         secret, the mail)
  notices add --provider DOMAIN --date YYYY-MM-DD [--email ADDRESS] [--person NAME]
                         Record a breach notice a company sent (every account of its sign-in family)
  notices list           List the notices recorded, with the accounts each concerns
${DATA_SAFETY_USAGE}

Options:
  --data-dir DIR         Use this data folder (default: LOCKSTEP_DATA_DIR, then the app's folder)
  --json                 Print JSON on stdout
  --as NAME              Record changes in the history as made by this helper
  -h, --help             Show this help

Exit status:
  0  success
  1  internal error; for "history verify": the history is broken
  2  bad input or refused (for "backup restore": not a good Lockstep backup), or another
     Lockstep is changing the data (try again); nothing was written
  3  the data file is damaged, empty, cut short, not a Lockstep database, or from a newer
     version: the message names the backup to restore
  4  the data cannot be used now: the folder or file is read-only, the disk is full, or it
     cannot be read; nothing was changed

Formats: ${Object.keys(IMPORT_FORMATS).join(', ')}`;
