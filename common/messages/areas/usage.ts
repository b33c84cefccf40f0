/**
 * The command line's help, in English: part of the main process's and the CLI's words (`./main.ts`,
 * which includes these). Kept in a file of its own because `--help` loads only this, and reads it
 * without compiling ICU (`../plain.ts`): these messages take no values and use no `{`, `#` or `'`
 * quoting. Commands, options and metavariables (FILE, NAME) are the command line's contract and
 * stay in the code.
 */
export const USAGE_WORDS = {
  'usage.usage': 'Usage:',
  'usage.commands': 'Commands:',
  'usage.options': 'Options:',
  'usage.exitStatus': 'Exit status:',
  'usage.formats': 'Formats:',
  'usage.import': 'Import a password-manager export (passwords are analysed, never stored)',
  'usage.accounts': 'List accounts with their password signals',
  'usage.findings': 'List findings (open and closed) with their evidence',
  'usage.people': 'List people and their email addresses',
  'usage.peopleAdd': 'Add a person (their first address is their main one)',
  'usage.peopleImport': 'Import a staff list (CSV: name, email addresses, role, group or department)',
  'usage.accountsAdd': 'Add an account (category guessed from the address, criticality from the category)',
  'usage.team': 'The team view: two-step on main email, critical accounts, reuse, overdue tasks',
  'usage.emailsAdd': 'Add an email address to a person (default: you)',
  'usage.breachesSearch': 'Search the bundled breach catalogue by name or domain',
  'usage.check': 'Re-run every check (offline: with the network switched off)',
  'usage.tasks': 'List fix tasks (whose account, and who does them)',
  'usage.tasksAssign': 'Give tasks to a person (or the helper named in Settings), or to a helper by name',
  'usage.tasksDone':
    'Mark a task done with the evidence (METHOD: sms, email, totp, push, passkey, security-key)',
  'usage.historyVerify': 'Check the tamper-evident history (exit 0 intact, 1 broken)',
  'usage.report':
    'The team report, or the MFA attestation for an insurer (PDF: printed with\nChromium, Google Chrome or Edge when installed; CHROMIUM_PATH picks one)',
  'usage.pwnedIndexBuild': 'Build the offline Pwned Passwords index (with --data-dir: for that folder)',
  'usage.guides': 'Step-by-step guides (see: guides --help)',
  'usage.mailScan':
    'Scan a mailbox export (mbox, .eml, a folder of them) for secrets an attacker\nwho read it could use; each becomes a finding and a task (never stored: the\nsecret, the mail)',
  'usage.noticesAdd': 'Record a breach notice a company sent (every account of its sign-in family)',
  'usage.noticesList': 'List the notices recorded, with the accounts each concerns',
  'usage.backupCreate': 'Back up the data now (into the backup folder, or to FILE)',
  'usage.backupList': 'List the backups, newest first, each checked',
  'usage.backupRestore':
    'Restore a backup (the current data is backed up first); exit 2 if\nFILE is not a good Lockstep backup, with nothing changed',
  'usage.export':
    'Export everything: lockstep-export.json (+ its JSON Schema) and\npeople, accounts, findings, tasks and history as CSV',
  'usage.erase': 'Erase the data, keys, datasets and offline index (--backups: the\nbackups too)',
  'usage.guides.list': 'List the guides: built-in and imported',
  'usage.guides.validate': 'Check a guide file; every problem is shown with its JSON path',
  'usage.guides.export': 'Print a guide’s JSON (to share it, or to edit a copy)',
  'usage.guides.import': 'Check a guide file and add it to this data folder',
  'usage.guides.exit': 'Exit status: 0 success, 2 bad input (nothing written), 1 internal error.',
  'usage.pwnedIndex.build':
    'Build the offline index from the Pwned Passwords downloader’s output\n(SHA-1 mode): one sorted HASH:COUNT file, or a directory of prefix\nfiles (00000.txt …). Default FILE: SOURCE with the extension .pwnedidx',
  'usage.pwnedIndex.check':
    'Look up passwords, one per line from F or stdin; prints each one’s\ncount in the corpus (0 = not in it), one per line, in order',
  'usage.pwnedIndex.verify': 'Read the whole index and check its checksums and order',
  'usage.pwnedIndex.json': 'Print a JSON summary on stdout instead',
  'usage.option.dataDir': 'Use this data folder (default: LOCKSTEP_DATA_DIR, then the app’s folder)',
  'usage.option.json': 'Print JSON on stdout',
  'usage.option.as': 'Record changes in the history as made by this helper',
  'usage.option.help': 'Show this help',
  'usage.exit.0': 'success',
  'usage.exit.1': 'internal error; for “history verify”: the history is broken',
  'usage.exit.2':
    'bad input or refused (for “backup restore”: not a good Lockstep backup), or another\nLockstep is changing the data (try again); nothing was written',
  'usage.exit.3':
    'the data file is damaged, empty, cut short, not a Lockstep database, or from a newer\nversion: the message names the backup to restore',
  'usage.exit.4':
    'the data cannot be used now: the folder or file is read-only, the disk is full, or it\ncannot be read; nothing was changed',
} as const satisfies Record<string, string>;
