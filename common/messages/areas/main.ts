/**
 * Lockstep's words for text written by the main process and the CLI: usage,
 * command output, advice, the team report and validation messages, in English. Part of the one catalogue (`../en.ts`,
 * which gives the rules for ids and voice); kept in a file of its own so an area's words are found
 * together. An id is defined in one file only.
 *
 * The `usage.*` messages are in `./usage.ts`, which `--help` loads alone.
 */
import { USAGE_WORDS } from './usage';

export const MAIN = {
  ...USAGE_WORDS,

  // The app's main process (electron/main): the tray, and what it says when it cannot start.
  'main.cannotImportNow': 'Lockstep cannot open its data, so it cannot import a file now.',
  'main.menu.view': 'View',
  'main.tray.tooltip': 'Lockstep is watching in the background',
  'main.tray.open': 'Open Lockstep',
  'main.tray.quit': 'Quit Lockstep',
  'main.fatal.title': 'Lockstep could not start',
  'main.fatal.nativeModule':
    'The database library was built for a different runtime.\n\nRun “npm start” again (it rebuilds it for Electron), or “npx electron-builder install-app-deps”.\n\n{message}',
  'main.fatal.cannotOpen': 'Lockstep could not open its data in {dataDir}.\n\n{message}',

  // The person a new data file starts with (electron/services/inventoryService.ts).
  'inventory.defaultPersonName': 'Me',

  // Dates written out in words (common/domain/dates.ts).
  'dates.month.1': 'January',
  'dates.month.2': 'February',
  'dates.month.3': 'March',
  'dates.month.4': 'April',
  'dates.month.5': 'May',
  'dates.month.6': 'June',
  'dates.month.7': 'July',
  'dates.month.8': 'August',
  'dates.month.9': 'September',
  'dates.month.10': 'October',
  'dates.month.11': 'November',
  'dates.month.12': 'December',
  'dates.day': '{day} {month} {year}',
  'dates.monthYear': '{month} {year}',
  'dates.unknown': 'an unknown date',

  // What to do about a secret found in mail (common/domain/checks/mailSecretWords.ts): a task's
  // title and its next action. `hasService` is yes when the account it belongs to is known.
  'mailAdvice.password.title':
    'Change the password found in your mail{hasService, select, yes { ({service})} other {}}',
  'mailAdvice.password.action':
    'Change that password{hasService, select, yes { at {service}} other {}} to a new one you have never used, and anywhere else you used it. Then say when, and this closes.',
  'mailAdvice.url_credentials.title': 'Change the password written in an address in your mail',
  'mailAdvice.url_credentials.action':
    'Change the password of that user{hasService, select, yes { at {service}} other {}} (a database or server login), and update whatever connects with it.',
  'mailAdvice.otp_seed.title':
    'Set up two-step sign-in again{hasService, select, yes { at {service}} other {}}: its setup key was in your mail',
  'mailAdvice.otp_seed.action':
    'Remove the authenticator entry{hasService, select, yes { at {service}} other {}} and add it again: a new setup key makes the old one useless.',
  'mailAdvice.recovery_codes.title':
    'Make new backup codes{hasService, select, yes { at {service}} other {}}: the old ones were in your mail',
  'mailAdvice.recovery_codes.action':
    'Generate new backup codes{hasService, select, yes { at {service}} other {}}; that cancels the old ones. Keep the new ones offline.',
  'mailAdvice.reset_link.title':
    'Check the sign-in link found in your mail can no longer be used{hasService, select, yes { ({service})} other {}}',
  'mailAdvice.reset_link.action':
    'Most such links expire within hours. Sign in{hasService, select, yes { at {service}} other {}}, check the recent activity, and change the password if anything looks wrong.',
  'mailAdvice.private_key.title': 'Replace the private key found in your mail',
  'mailAdvice.private_key.action':
    'Make a new key pair, put the new public key where the old one was trusted (servers, GitHub, certificates), and remove the old one.',
  'mailAdvice.secret_attachment.title': 'Replace what the sensitive attachment in your mail held',
  'mailAdvice.secret_attachment.action':
    'Open the attachment on your own computer, list what it holds (passwords, keys, ID scans) and replace each one; for an ID scan, watch for misuse of your identity.',
  'mailAdvice.payment_card.title': 'Ask your bank for a new card: its number was in your mail',
  'mailAdvice.payment_card.action':
    'Call your bank or use its app to block the card and get a new number; check the last statements.',
  'mailAdvice.iban.title': 'Watch the bank account whose number was in your mail',
  'mailAdvice.iban.action':
    'An account number alone cannot take money, but it helps scams: check your statements, and tell your bank if a payment you did not make appears.',
  'mailAdvice.national_id.title': 'Guard the ID number found in your mail',
  'mailAdvice.national_id.action':
    'An ID number cannot be changed: watch for loans, accounts or letters you did not ask for, and ask your country’s fraud service about a warning on your file.',
  'mailAdvice.jwt.title': 'Sign out the session whose access token was in your mail',
  'mailAdvice.jwt.action':
    'Sign out everywhere{hasService, select, yes { at {service}} other {}} or revoke the token; most such tokens expire soon.',
  'mailAdvice.other.title': 'Replace the {label} found in your mail',
  'mailAdvice.other.action':
    'Revoke it{hasService, select, yes { at {service}} other {}} and create a new one, then update whatever uses it. Then say when, and this closes.',
  'mailAdvice.secret': 'secret',

  // The team report and the MFA attestation (common/domain/team/report.ts): Markdown, PDF and CSV.
  'teamReport.title.team': 'Security report for the team',
  'teamReport.title.attestation': 'Multi-factor authentication and security attestation',
  'teamReport.unknown.not_recorded': 'Unknown: two-step sign-in not recorded',
  'teamReport.unknown.no_email_account': 'Unknown: no email account recorded',
  'teamReport.unknown.several_email_accounts': 'Unknown: several email accounts, none at their first address',
  'teamReport.unknownReason.not_recorded': 'two-step sign-in not recorded',
  'teamReport.unknownReason.no_email_account': 'no email account recorded',
  'teamReport.unknownReason.several_email_accounts': 'several email accounts, none at their first address',
  'teamReport.mfa.unknown': 'Unknown: not recorded',
  'teamReport.mfa.off': 'Off',
  'teamReport.mfa.on': 'On ({method})',
  'teamReport.onOff': '{state, select, on {On} off {Off} other {Unknown}}',
  'teamReport.dateTime': '{day}, {time}',
  'teamReport.undated': 'undated',
  'teamReport.figure.mainEmail.label': 'Two-step sign-in on the main email account',
  'teamReport.figure.mainEmail.value': '{yes} of {people, plural, one {# person} other {# people}}',
  'teamReport.figure.offUnknown': '{off} off, {unknown} unknown, counted as not on',
  'teamReport.figure.critical.label': 'Critical accounts with two-step sign-in',
  'teamReport.figure.nOfM': '{count} of {of}',
  'teamReport.figure.reuse.label': 'People with a reused password',
  'teamReport.figure.reuse.detail':
    'the same password on two or more accounts, theirs or shared with someone else',
  'teamReport.figure.overdue.label': 'Overdue tasks',
  'teamReport.figure.overdue.value': '{count} ({people, plural, one {# person} other {# people}})',
  'teamReport.figure.overdue.detail': 'tasks to do or in progress, past their due date',
  'teamReport.scope': '{hasGroup, select, yes {The group “{group}”} other {Everyone}}',
  'teamReport.fact.madeOn': 'Made on',
  'teamReport.fact.covers': 'Covers',
  'teamReport.fact.coversValue':
    '{scope}: {people, plural, one {# person} other {# people}}, {accounts, plural, one {# account} other {# accounts}}',
  'teamReport.attests.heading': 'What this attests',
  'teamReport.attests.scope':
    'A self-assessment of multi-factor authentication (two-step sign-in) and account security for {people, plural, one {# person} other {# people}} and the {accounts, plural, one {# account} other {# accounts}} recorded for them in Lockstep, as recorded on {day}. It answers the questions insurers’ MFA attestations and the Cyber Essentials self-assessment ask about user access control: is multi-factor authentication on for email, for cloud services and for administrator and financial accounts.',
  'teamReport.attests.critical':
    'Email, banking and work-identity accounts are critical by default, because email resets every other account. A two-step method counts as on only when it is recorded; an unknown method is reported as unknown and never counted as on.',
  'teamReport.coverage.heading': 'Coverage',
  'teamReport.accountWithUser': '{service}{hasUsername, select, yes { ({username})} other {}}',
  'teamReport.none': 'None',
  'teamReport.mainEmail.heading': 'Two-step sign-in on each person’s main email account',
  'teamReport.mainEmail.explained':
    'The main email account is the one whose username is the person’s first email address, or their only email account.',
  'teamReport.column.person': 'Person',
  'teamReport.column.group': 'Group',
  'teamReport.column.role': 'Role',
  'teamReport.column.mainEmail': 'Main email account',
  'teamReport.column.mfa': 'Two-step sign-in',
  'teamReport.column.account': 'Account',
  'teamReport.column.sharing': 'Accounts sharing a password',
  'teamReport.column.mainEmailMfa': 'Main email two-step',
  'teamReport.column.criticalCovered': 'Critical accounts covered',
  'teamReport.column.openFindings': 'Open findings',
  'teamReport.column.overdueTasks': 'Overdue tasks',
  'teamReport.column.lastActivity': 'Last activity',
  'teamReport.column.task': 'Task',
  'teamReport.column.whose': 'Whose',
  'teamReport.column.assignedTo': 'Assigned to',
  'teamReport.column.priority': 'Priority',
  'teamReport.column.due': 'Due',
  'teamReport.column.status': 'Status',
  'teamReport.column.when': 'When',
  'teamReport.column.what': 'What',
  'teamReport.column.recordedBy': 'Recorded by',
  'teamReport.column.verified': 'Verified',
  'teamReport.critical.heading':
    '{kind, select, attestation {Critical accounts and their two-step sign-in} other {Critical accounts without two-step sign-in}}',
  'teamReport.critical.none': 'No critical accounts are recorded.',
  'teamReport.critical.allOn': 'Every critical account has two-step sign-in on.',
  'teamReport.reuse.heading': 'People with a reused password',
  'teamReport.reuse.none':
    'No reused password is known. Lockstep only knows the passwords of the exports imported into it.',
  'teamReport.people.heading': 'Everyone',
  'teamReport.noneRecorded': 'None recorded',
  'teamReport.open.heading': 'Open items',
  'teamReport.open.none': 'Nothing is open.',
  'teamReport.open.summary':
    '{count, plural, one {# task is} other {# tasks are}} open, {overdue} of them overdue.',
  'teamReport.open.noOwner': 'No one in particular',
  'teamReport.open.unassigned': 'Unassigned',
  'teamReport.open.noDate': 'No date',
  'teamReport.open.status': '{status}{overdue, select, yes { — overdue} other {}}',
  'teamReport.fixed.heading': 'What was fixed, and when',
  'teamReport.fixed.none': 'Nothing has been recorded as fixed yet.',
  'teamReport.fixed.explained':
    'From the history of changes. "Verified" means Lockstep’s checks no longer see the problem.',
  'teamReport.verified': '{verified, select, yes {Verified} other {Not verified}}',
  'teamReport.record.heading': 'The record behind this report',
  'teamReport.record.intact':
    'Every change is kept in a hash-chained history (SHA-256; each entry carries the hash of the one before). It holds {count, plural, one {# entry} other {# entries}}, was verified intact on {when}, and its head hash is {hash}.',
  'teamReport.record.broken':
    'The hash-chained history of changes is BROKEN at entry {entry}: it was changed outside Lockstep, so what it says before that point cannot be trusted. Its head hash is {hash}.',
  'teamReport.record.limits':
    'The chain makes edits detectable, not impossible: someone able to rewrite the data file and recompute every hash could forge it. Compare the head hash with the one in an earlier report to see that nothing before it changed.',
  'teamReport.cannot.heading': 'What this report cannot know',
  'teamReport.cannot.recorded':
    'Lockstep knows only the people and accounts recorded in it. An account nobody entered or imported is not covered by any figure here.',
  'teamReport.cannot.mfa':
    'Two-step sign-in is as people recorded it (or as a password export showed it); Lockstep does not sign in to services to check. An unknown method is counted as unknown, never as on.',
  'teamReport.cannot.unknownEmail':
    'For {people, plural, one {# person} other {# people}}, two-step sign-in on the main email account is unknown: {list}.',
  'teamReport.cannot.unknownEmailItem': '{name} ({reason})',
  'teamReport.cannot.unknownCritical':
    '{count, plural, one {# critical account has} other {# critical accounts have}} no two-step method recorded.',
  'teamReport.cannot.online':
    'Breached passwords were checked against the bundled list of the 100,000 most common and online against Have I Been Pwned (only 5 characters of each hash left the computer).',
  'teamReport.cannot.offline':
    'Breached passwords were checked only against the bundled list of the 100,000 most common leaked passwords; a password not on it may still have leaked.',
  'teamReport.cannot.breaches':
    'Breaches are those public in Have I Been Pwned’s catalogue as of {breaches}{hasTwoFactor, select, yes {, and two-step availability is from the 2fa.directory list as of {twoFactor}} other {}}. A breach not yet published is not counted.',
  'teamReport.cannot.noData':
    'The public breach and two-step datasets could not be loaded, so breach and two-step-availability checks did not run.',
  'teamReport.cannot.secrets':
    'Passwords, two-step codes, recovery codes, notes and mail are never stored by Lockstep, so none appear here.',
  'teamReport.sign.heading': 'Declaration',
  'teamReport.sign.confirm':
    'I confirm that the figures above reflect the accounts recorded for the people named, to the best of my knowledge.',
  'teamReport.sign.name': 'Name:',
  'teamReport.sign.role': 'Role:',
  'teamReport.sign.signature': 'Signature:',
  'teamReport.sign.date': 'Date:',
  'teamReport.footer':
    'Made by Lockstep on {when}. Nothing secret is in this report: no password, code or note is ever stored.',
  'teamReport.more': '…and {count} more (the CSV export lists them all).',
  'teamReport.csv.column.section': 'Section',
  'teamReport.csv.column.item': 'Item',
  'teamReport.csv.column.date': 'Date',
  'teamReport.csv.column.detail': 'Detail',
  'teamReport.csv.section.report': 'Report',
  'teamReport.csv.section.coverage': 'Coverage',
  'teamReport.csv.section.mainEmail': 'Main email two-step',
  'teamReport.csv.section.critical': 'Critical accounts',
  'teamReport.csv.section.reuse': 'Reused passwords',
  'teamReport.csv.section.people': 'People',
  'teamReport.csv.section.open': 'Open items',
  'teamReport.csv.section.fixed': 'Fixed',
  'teamReport.csv.section.record': 'Record',
  'teamReport.csv.section.unknown': 'Not known',
  'teamReport.csv.reused': 'Reused',
  'teamReport.csv.mainEmailMfa':
    '{state, select, on {Main email two-step on} off {Main email two-step off} other {Main email two-step unknown}}',
  'teamReport.csv.personDetail':
    'critical accounts covered {covered} of {critical}; open findings {openFindings}; overdue tasks {overdueTasks}',
  'teamReport.csv.openStatus': '{status}{overdue, select, yes { (overdue)} other {}}',
  'teamReport.csv.openDetail':
    '{priority}; assigned to {hasAssignee, select, yes {{assignee}} other {no one}}',
  'teamReport.csv.recordedBy': 'recorded by {actor}',
  'teamReport.csv.history': 'History of changes (SHA-256 chain)',
  'teamReport.csv.historyState': '{ok, select, yes {Verified intact} other {Broken at entry {entry}}}',
  'teamReport.csv.historyDetail': '{count, plural, one {# entry} other {# entries}}; head hash {hash}',

  // Errors services give a person, through the app or the command line (electron/services).
  'errors.inventory.keepOnePerson':
    'Keep at least one person: add someone else first, or rename this person.',
  'errors.inventory.addressTaken': 'This person already has that address.',
  'errors.inventory.nothingToUndo': 'There is nothing left to undo: the deletion is final.',
  'errors.inventory.datesInFuture': 'Some dates are in the future.',
  'errors.inventory.choosePerson': 'Choose who this account belongs to.',
  'errors.checks.recheckInPast': 'The re-check date must be in the future.',
  'errors.checks.recheckAfterToday': 'Choose a date after today.',
  'errors.checks.notOpen': 'Only an open finding can be dismissed. It may have been fixed meanwhile.',
  'errors.checks.notDismissed': 'This finding is not dismissed.',
  'errors.checks.findingGone': 'That finding no longer exists.',
  'errors.checks.accountName': 'Account {id}',
  'errors.exposure.noBreach': 'There is no breach called "{name}" in the catalogue.',
  'errors.exposure.emailGone': 'That email address no longer exists.',
  'errors.exposure.catalogueUnavailable':
    'The breach catalogue could not be loaded, so nothing was checked against it.{hasDetail, select, yes { {detail}} other {}}',
  'errors.guides.saveFailed': 'The guide could not be saved there ({code}). Choose another folder.',
  'errors.guides.noVariant': 'That guide has no such variant.',
  'errors.guides.notInLibrary': 'That guide is not in the library.',
  'errors.pwnedIndexService.cutShort': 'The index file is cut short.',
  'errors.scoring.workerStopped':
    'Password strength scoring stopped: a worker ended unexpectedly{hasCode, select, yes { (exit code {code})} other {}}. Try again.',
  'errors.scoring.closed':
    'The password strength scorer was closed because Lockstep is closing, so the passwords were not scored.',
  'errors.scoring.cancelled': 'Password strength scoring was cancelled.',
  'errors.scoring.workerFailed': 'Password strength scoring failed in a worker ({kind}).',
  'errors.pwnedIndexService.building': 'An index is already being built.',
  'errors.pwnedIndexService.wait': 'Wait for the build to finish, or cancel it.',
  'errors.ipc.forbidden': 'Refused a request from an unknown page.',
  'errors.ipc.httpsOnly': 'Only secure (https) web links can be opened.',
  'errors.ipc.unreadableFile': 'That is not a file Lockstep can read.',
  'errors.ipc.folderDropped': 'Drop a file, not a folder.',
  'errors.ipc.fileNotFound': 'That file could not be found.',
  'errors.ipc.unknownChannel': 'The app asked for something that does not exist.',
  'errors.ipc.invalid': 'Some values need fixing.',
  'errors.ipc.unavailable': 'This needs the whole app: it is not available here.',
  'errors.ipc.internal': 'Something went wrong inside Lockstep. Nothing was changed.',
  'dialogs.importGuide': 'Import a guide',
  'dialogs.exportGuide': 'Export the guide',
  'dialogs.guideFiles': 'Guides (JSON)',
  'dialogs.allFiles': 'All files',
  'dialogs.pwnedFolder': 'Choose the folder of downloaded Pwned Passwords files',
  'dialogs.pwnedFile': 'Choose the downloaded Pwned Passwords file',
  'dialogs.pwnedFiles': 'Pwned Passwords (SHA-1)',
  'dialogs.passwordExport': 'Choose a password-manager export',
  'dialogs.passwordExports': 'Password exports',
  'dialogs.staffList': 'Choose a staff list',
  'dialogs.spreadsheets': 'Spreadsheets (CSV)',
  'errors.inventory.personGone': 'This person no longer exists.',
  'errors.inventory.missing':
    'That {what, select, account {account} person {person} other {email address}} no longer exists. It may have been deleted.',
  'errors.tasks.personGone': 'That person no longer exists.',
  'errors.tasks.chooseSomeoneElse': 'Choose someone else.',
  'errors.tasks.dateInFuture': 'That date is in the future.',
  'errors.tasks.secretNotMfa': 'This task is about a secret, not two-step sign-in.',
  'errors.tasks.noAccount': 'This task has no account to record that on.',
  'errors.tasks.chooseUntil': 'Choose until when.',
  'errors.tasks.sayWhy': 'Say why, in a few words.',
  'errors.tasks.accountGone': 'That account no longer exists.',
  'errors.tasks.taskGone': 'That task no longer exists.',
  'errors.tasks.snoozeRange': 'Snooze for 1 day to 2 weeks.',
  'errors.tasks.snoozeRangeField': 'Choose a date from tomorrow to two weeks from today.',
  'errors.tasks.closed': 'This task is already closed. Reopen it first.',
  'errors.notices.gone': 'That notice is no longer recorded.',
  'errors.notices.personGone': 'That person is no longer here.',
  'errors.notices.choosePerson': 'Choose a person.',
  'errors.notices.future': 'The notice cannot be dated in the future.',
  'errors.notices.futureField': 'Choose today or an earlier date.',
  'errors.notices.tooOld': 'That date is too far in the past.',
  'errors.notices.tooOldField': 'Choose a date after 1990.',
  'errors.notices.secret':
    'That looks like a password, key or code. Say what the notice says, never the secret itself.',
  'errors.notices.notTheirAddress': "That address is not one of this person's.",
  'errors.notices.chooseAddress': "Choose one of this person's addresses.",
  'errors.notices.unknownIncident': 'That incident is not in the list.',
  'errors.notices.chooseIncident': 'Choose an incident.',
  'errors.notices.nameProvider': 'Name the company that sent the notice.',
  'errors.notices.providerAddress': 'Enter the company’s web address, such as example.com.',
  'errors.notices.webAddress': 'Enter a web address such as example.com.',
  'errors.scope.personGone': 'That person no longer exists. They may have been deleted.',
  'errors.file.gone': 'That file is no longer available to Lockstep. Choose it again.',
  'errors.file.notAFile': '{file} is not a file.',
  'errors.file.unreadable': '{file} could not be read ({code}).',
  'errors.staffImport.empty': '{file} has no people in it: one row per person, below a header row.',
  'errors.staffImport.expired': 'This preview has expired. Choose the file again.',
  'errors.staffImport.noNames':
    '{file} has no column of names. Lockstep needs a "Name" column (or "First name" and "Last name"), and reads "Email", "Role" and "Group" or "Department" beside it. Columns seen: {columns}.',
  'errors.staffImport.tooManyRows': '{file} has {rows, number} rows; a staff list has at most {max, number}.',
  'errors.staffImport.tooLarge': '{file} is larger than 4 MB; that is not a staff list.',
  // The daily reminder digest, a desktop notification (electron/services/remindersService.ts).
  'reminders.title': '{count, plural, one {# security task is due} other {# security tasks are due}}',
  'reminders.body':
    '{overdue, plural, =0 {} other {# overdue. }}Next: {next}{more, plural, =0 {} other { and # more}}.',
  // The platform without the app's window (electron/platform: headless.ts for the command line,
  // recorder.ts for tests and the browser preview, chromiumPdf.ts for printing with a browser).
  'platform.headless.openLink': 'Open this link in your browser: {url}',
  'platform.headless.noDialog':
    '{dialog, select, folder {No folder dialog on the command line: pass the folder as an argument.} file {No file dialog on the command line: pass the file path as an argument.} other {No save dialog on the command line: pass the output path as an argument.}}',
  'platform.pdf.noPrinterHere': 'This platform cannot print to PDF.',
  'platform.pdf.noBrowser':
    'No PDF printer here: Lockstep prints PDFs with Chromium, Google Chrome or Microsoft Edge, and found none. Install one (Debian or Ubuntu: apt install chromium), or set CHROMIUM_PATH to its program; or save the report as Markdown or CSV.',
  'platform.pdf.notPrinted':
    '{browser} did not print the PDF{hasReason, select, yes { ({reason})} other {}}.',
  'platform.pdf.notAPdf': '{browser} wrote something that is not a PDF.',
  'reports.saveTitle':
    'Save the {kind, select, team {team report} other {attestation}} as {format, select, pdf {PDF} csv {CSV} other {Markdown}}',
  'reports.fileFilter': '{format, select, pdf {PDF document} csv {CSV spreadsheet} other {Markdown}}',
  'errors.reports.pdf': 'The PDF could not be made ({problem}). Save it as Markdown or CSV instead.',
  'errors.reports.save': 'The report could not be saved there ({code}). Choose another folder.',

  // Problems with the data file (common/domain/dataSafety/problems.ts): the recovery screen and the CLI.
  'dataProblem.restoreFrom':
    'Restore from the backup of {date} (on the recovery screen, or: lockstep backup restore "{path}").',
  'dataProblem.restoreAdvice':
    '{hasBackup, select, yes {{restore}} other {There is no good backup to restore: you can start empty, and the file is kept aside.}} The file itself is kept as it is: Lockstep never deletes or overwrites it.',
  'dataProblem.damaged.title': 'Lockstep’s data file is damaged',
  'dataProblem.damaged.message':
    'SQLite’s own check found garbled pages in {file}. Lockstep will not write to it, so nothing more is lost.',
  'dataProblem.empty.title': 'Lockstep’s data file is empty',
  'dataProblem.empty.message':
    '{file} has zero bytes: what it held was lost before Lockstep opened it (a crash, a full disk or a sync tool can do this). Lockstep will not treat it as a new, empty database.',
  'dataProblem.not_database.title': 'This is not a Lockstep database',
  'dataProblem.not_database.message':
    '{file} is not a Lockstep database: it is not a SQLite database at all.',
  'dataProblem.truncated.title': 'This is not a Lockstep database any more',
  'dataProblem.truncated.message':
    '{file} is not a complete Lockstep database: it is shorter than its own header says, as when a copy stops half-way or the disk fills up.',
  'dataProblem.foreign.title': 'This is not a Lockstep database',
  'dataProblem.foreign.message': '{file} is a SQLite database, but not one Lockstep wrote.',
  'dataProblem.newer.title': 'This data is from a newer Lockstep',
  'dataProblem.newer.message':
    '{file} was written by a newer version of Lockstep{hasVersions, select, yes { (schema {found}; this version understands up to {supported})} other {}}. Opening it here could damage it.',
  'dataProblem.newer.advice': 'Update Lockstep to open it.{hasBackup, select, yes { {restore}} other {}}',
  'dataProblem.locked.title': 'Another program is using Lockstep’s data',
  'dataProblem.locked.message':
    'Another program holds {file} locked (another Lockstep, or a tool that opened the file).',
  'dataProblem.locked.advice': 'Close the other program, then try again. Nothing was changed.',
  'dataProblem.read_only.title': 'Lockstep cannot write its data',
  'dataProblem.read_only.message': 'The folder or the file {file} is read-only.',
  'dataProblem.read_only.advice':
    'Make it writable again (check its permissions, or whether the disk is mounted read-only), then try again. Nothing was changed.',
  'dataProblem.disk_full.title': 'The disk is full',
  'dataProblem.disk_full.message': 'The disk that holds {file} is full.',
  'dataProblem.disk_full.advice':
    'Free some space, then try again. Nothing was changed: everything is as it was before.',
  'dataProblem.unreadable.title': 'Lockstep cannot read its data',
  'dataProblem.unreadable.message': 'Lockstep is not allowed to read {file}.',
  'dataProblem.unreadable.advice':
    'Check the permissions of the file and its folder, then try again. Nothing was changed.',

  // Validation (common/domain/validation.ts, serviceUrl.ts): shown by the forms and the CLI.
  'validation.name.required': 'Enter a name.',
  'validation.name.tooLong': 'Keep the name under {max, number} characters.',
  'validation.id.whole': 'Expected a whole-number id.',
  'validation.id.positive': 'Expected a positive id.',
  'validation.email.required': 'Enter an email address.',
  'validation.email.tooLong': 'An email address is at most 254 characters.',
  'validation.email.invalid': 'This does not look like an email address.',
  'validation.service.required': "Enter the service's name.",
  'validation.username.tooLong': 'Keep the username under 320 characters.',
  'validation.category.required': 'Choose a category.',
  'validation.criticality.required': 'Choose how critical this account is.',
  'validation.mfa.required': 'Choose a two-step sign-in method.',
  'validation.notes.tooLong': 'Keep notes under 10,000 characters.',
  'validation.date.notReal':
    'Enter {field, select, passwordChanged {the password change date} other {the review date}} as a real date (YYYY-MM-DD).',
  'validation.guide.unknown': 'Unknown guide.',
  'validation.import.unknown': 'Unknown import.',
  'validation.backup.unknown': 'Unknown backup.',
  'validation.undo.unknown': 'Unknown undo token.',
  'validation.file.chooseAgain': 'Choose the file again.',
  'validation.accounts.chooseOne': 'Choose at least one account.',
  'validation.tasks.chooseOne': 'Choose at least one task.',
  'validation.people.chooseOne': 'Choose at least one person.',
  'validation.reason.choose': 'Choose a reason.',
  'validation.date.realFor':
    'Enter {what, select, snooze {the snooze date} changed {the date you changed it} due {the due date} other {the date of the notice}} as a real date (YYYY-MM-DD).',
  'validation.serviceUrl': 'Only {host} (or a server on this computer, for tests) can be used.',
  'validation.date.recheck': 'Enter the re-check date as a real date (YYYY-MM-DD).',
  'validation.date.real': 'Enter the date as a real date (YYYY-MM-DD).',
  'validation.reason.sayWhy': 'Say why, in a few words.',
  'validation.apiKey.required': 'Paste your API key.',
  'validation.mfa.choose': 'Choose the two-step method.',
  'validation.task.title': 'Say what needs doing.',
  'validation.notice.provider': 'Name the company that sent the notice.',
  'validation.guideRun.origin': 'Say which finding, task or notice.',
  'validation.helper.required': 'Name the helper.',
  'validation.group.tooLong': 'Keep the group under 80 characters.',
  'validation.role.tooLong': 'Keep the role under 80 characters.',
  'validation.note.tooLong': 'Keep the note under {max, number} characters.',
  'validation.guideRun.originFor': 'Say which finding, task or notice the guide is for.',
  'validation.guideRun.oneOrList': 'Give one account or a list of accounts, not both.',
  'validation.date.future': 'This date is in the future.',
  'validation.url.tooLong': 'This web address is too long.',
  'validation.url.empty': 'Enter a web address, or leave it empty.',
  'validation.url.androidNoPackage': 'This Android app address has no package name.',
  'validation.url.scheme': 'Only web (http or https) and Android app addresses can be used.',
  'validation.url.spaces': 'A web address cannot contain spaces.',
  'validation.url.invalid': 'This does not look like a web address.',
  'validation.url.noHost': 'This web address has no host name.',
  'validation.url.noDomain': 'This web address has no registrable domain.',
  'validation.url.androidInvalid': 'This Android app id is not valid.',

  // The command line's human output (electron/cli).
  'cli.usageOf': 'Usage: {syntax}',
  'cli.unknownCommand': 'Unknown command “{command}”. Run with --help for the list.',
  'cli.noArguments': '“{command}” takes no arguments.',
  'cli.checkArguments': 'Check the arguments.',
  'cli.internalError': 'internal error: {message}',
  'cli.offline': 'offline: the network is switched off',
  'cli.noPerson': 'There is no person named “{name}”.',
  'cli.personOrGroup': 'Give --person or --group, not both.',
  'cli.skippedRow': '  row {row}: {reason}',
  'cli.megabytes': '{size} MB',
  'cli.helper': 'Helper: {name}',
  'cli.internalErrorSentence': 'Internal error: {message}',
  'cli.missingCommand': 'Missing command.',
  'cli.unknownSubcommand': 'Unknown command “{command}”.',
  'cli.cannotRead': '{file}: the file could not be read ({code}).',
  'cli.guides.takesOne': '{command} takes exactly one {what}.',
  'cli.guides.imported': 'Imported {id} {version} ({title}) to {path}',
  'cli.backup.none': 'No backups yet in {folder}.',
  'cli.backup.listHeading': 'Backups in {folder}, newest first:',
  'cli.backup.notUsable': 'NOT USABLE: {problem}',
  'cli.backup.restored':
    'Restored {from}.{hasSaved, select, yes { The data it replaced was kept as {saved}.} other {}}',
  'cli.export.done': 'Exported everything to {folder}: {count, plural, one {# file} other {# files}}.',
  'cli.erase.confirm':
    'erase deletes all of Lockstep’s data in this folder and cannot be undone: add --yes to confirm (and --backups to delete the backups too).',
  'cli.erase.done':
    'Erased {count, plural, one {# file or folder} other {# files and folders}}.{hasKept, select, yes { The backups were kept in {kept}.} other {}}',
  'cli.pwnedIndex.missing': '{command}: missing {what}.',
  'cli.pwnedIndex.unexpected': 'Unexpected argument: {argument}.',
  'cli.pwnedIndex.takesNo': '{command} takes no {option}.',
  'cli.pwnedIndex.intact':
    '{file} is intact: {count, plural, one {# entry} other {# entries}}, built {builtAt}.',
  'cli.import.unknownFormat': 'Unknown format “{format}”. Known formats: {formats}.',
  'cli.import.unknownColumns':
    '{file} has columns Lockstep does not recognise: {columns}. Say which hold the address and the password: --map-url COLUMN --map-password COLUMN [--map-username COLUMN] [--map-title COLUMN].',
  'cli.import.mappingNeeds': 'A column mapping needs at least --map-url and --map-password.',
  'cli.import.addedPerson': 'Added a new person, “{name}”.',
  'cli.emails.added': 'Added {address} to {person}.',
  'cli.breaches.none':
    'No breach in the catalogue matches. Not being listed does not mean a site was never breached.',
  'cli.accounts.none': 'No accounts yet. Import an export: npm run -s cli -- import FILE',
  'cli.accounts.breached': 'BREACHED',
  'cli.accounts.reused': 'reused',
  'cli.accounts.similar': 'similar',
  'cli.accounts.insecure': 'http',
  'cli.accounts.unknownCategory': 'Unknown category “{category}”. Categories: {categories}.',
  'cli.accounts.unknownCriticality': 'Unknown criticality “{criticality}”: critical, important or standard.',
  'cli.accounts.unknownMfa':
    'Unknown two-step method “{mfa}”: unknown, none, sms, email, totp, push, passkey or security-key.',
  'cli.accounts.added': 'Added {service} for {person} ({category}, {criticality}, two-step: {mfa}).',
  'cli.tasks.none': 'No tasks.',
  'cli.tasks.notVerified': ' (not verified)',
  'cli.tasks.changed':
    '#{id} {title}: {status}{verified, select, yes { (verified)} no { (not verified: {note})} other {}}',
  'cli.tasks.given':
    '{count, plural, one {# task} other {# tasks}} given to {to, select, person {{name}} helper {the helper {name}} other {no one}}.',
  'cli.tasks.noAssignee':
    'There is no person named “{name}”{hasHelper, select, yes {, and the helper in Settings is “{helper}”} other {}}. To give tasks to someone who is not one of the people, use --helper NAME.',
  'cli.tasks.missing': 'There is no task {ids}.',
  'cli.history.intact': 'The history is intact: {count, plural, one {# entry} other {# entries}}.',
  'cli.history.broken': 'The history is broken at entry {entry} ({reason}): it was changed outside Lockstep.',
  'cli.check.done':
    '{count, plural, one {# open finding} other {# open findings}}. Public data: breaches as of {breaches}, two-step directory as of {twoFactor}.',
  'cli.check.noData':
    '{count, plural, one {# open finding} other {# open findings}}. Breach and two-step checks could not run: {error}',
  'cli.findings.none': 'No open findings.',
  'cli.findings.coverage': 'How breached passwords were checked:',
  'cli.findings.via': '  (via {families})',
  'cli.people.line':
    '{name}{isYou, select, yes { (you)} other {}}{hasGroup, select, yes { [{group}]} other {}}: {accounts, plural, one {# account} other {# accounts}}; {hasEmails, select, yes {{emails}} other {no email addresses}}',
  'cli.people.exists': 'There is already a person named “{name}”.',
  'cli.people.added':
    'Added {name}{hasGroup, select, yes { ({group})} other {}}{hasEmails, select, yes {: {emails}} other {}}.',
  'cli.people.importDryRun':
    '{file}: would add {create, plural, one {# person} other {# people}} and update {update}; {skipped, plural, one {# row} other {# rows}} skipped. Nothing was written (dry run).',
  'cli.people.imported':
    '{file}: added {created, plural, one {# person} other {# people}}, updated {updated}; {skipped, plural, one {# row} other {# rows}} skipped.',
  'cli.team.none': 'No one in this group.',
  'cli.team.figure': '{label}: {value} ({detail})',
  'cli.team.row':
    '{name}{hasGroup, select, yes { [{group}]} other {}}: main email two-step {mfa, select, on {on} off {off} other {unknown}}; critical accounts with two-step: {criticalWithMfa} of {critical}; {accounts, plural, one {# account} other {# accounts}}; {openFindings, plural, one {# open finding} other {# open findings}}; {overdueTasks, plural, one {# overdue task} other {# overdue tasks}}',
  'cli.report.saved':
    'Saved the {kind, select, team {team report} other {attestation}} to {path} ({bytes, number} bytes).',
  'cli.mailScan.allDecoded': 'Every part could be decoded.',
  'cli.mailScan.lookedFor': 'Looked for: {kinds}.',
  'cli.mailScan.none':
    'No secret was found. Attachments that are not text (images, PDFs) were checked by name only.',
  'cli.mailScan.found':
    'Found {count, plural, one {# secret} other {# secrets}} (each is a finding with a task; see: findings, tasks):',
  'cli.mailScan.secret':
    '  {hint}: seen in {count, plural, one {# message} other {# messages}}{dates, select, one {, {first}} range {, {first} to {last}} other {}}{hasAccount, select, yes { ({account})} other {}}',
  'cli.notices.none': 'No notices recorded.',
  'cli.notices.line':
    '#{id} {provider} ({domains}), {receivedOn}, {person}: {state, select, handled {handled {handledOn}} open {{severity}; concerns {hasAccounts, select, yes {{accounts}} other {no account yet}}} other {no finding}}',
  'cli.notices.recorded': 'Recorded: {notice}',
  'cli.notices.badProvider': '{domain}: give the company’s web address, such as microsoft.com.',
  'cli.notices.badDate': '{date}: give the date of the notice as YYYY-MM-DD.',
  'cli.notices.future': 'The notice cannot be dated in the future.',
  'cli.import.dryRun':
    '{file} ({format}): {entries, plural, one {# login} other {# logins}} read; would create {create}, update {update}; {skipped, plural, one {# row} other {# rows}} skipped. Nothing was written (dry run).',
  'cli.import.done':
    '{file} ({format}): {entries, plural, one {# login} other {# logins}} read; created {created}, updated {updated}; {skipped, plural, one {# row} other {# rows}} skipped.',
  'cli.import.findingKind': '{count} × {kind}',
  'cli.import.openFindings': 'Open findings: {hasAny, select, yes {{findings}} other {none}}.',
  'cli.import.loginEmails':
    'Sign-in addresses in this export that are not yet this person’s: {emails} (add one with: emails add ADDRESS --person NAME).',
  'cli.accounts.strength': 'strength: {label}',
  'cli.guides.size':
    '{steps, plural, one {# step} other {# steps}}, about {minutes, plural, one {# minute} other {# minutes}}',
  'cli.guides.valid': 'valid guide {id} {version} ({steps, plural, one {# step} other {# steps}})',
  'cli.backup.done':
    'Backed up {accounts, plural, one {# account} other {# accounts}} and {history, plural, one {# history entry} other {# history entries}} to {path} ({bytes, number} bytes).',
  'cli.rowsSkipped': '{count, plural, one {# row} other {# rows}} skipped.',
  'cli.mailScan.progress': 'Scanning… {count, plural, one {# message} other {# messages}}, {done} of {total}',
  'cli.mailScan.undecodable': '{count, plural, one {# part} other {# parts}} could not be decoded:',
  'cli.mailScan.read':
    'Read {count, plural, one {# message} other {# messages}} ({size}) in {source} for {person}.',
  'report.reusedAccounts': '{count, plural, one {# account shares} other {# accounts share}} a password',
  // Guide runs (electron/services/guideRunsService.ts): where a run started (stored with it), the
  // follow-up tasks of skipped and blocked steps, the refusals shown under a step, and saving the summary.
  'guideRuns.origin.library': 'Guide library',
  'guideRuns.origin.finding': 'Finding: {title}',
  'guideRuns.origin.task': 'Task: {title}',
  'guideRuns.origin.notice': 'Notice: {provider}, {date}',
  'guideRuns.anAccount': 'an account',
  'guideRuns.task.finish': 'Finish "{step}" ({guide})',
  'guideRuns.task.blocked': 'Blocked during the guide: {note}',
  'guideRuns.task.skipped': 'Skipped for now during the guide "{guide}".',
  'guideRuns.task.fromStep': 'From the guide "{guide}", step "{step}".',
  'guideRuns.mailScan.none': 'No mailbox scan has found a secret yet: nothing was added from a scan',
  'guideRuns.mailScan.added':
    'Added the {count, plural, one {secret} other {# secrets}} a mailbox scan found, each with its task, to the follow-up list',
  'guideRuns.checklistNote': 'Checklist for {count, plural, one {# person} other {# people}}: {name}',
  'guideRuns.saveTitle':
    '{format, select, pdf {Save the summary as PDF} other {Save the summary as Markdown}}',
  'guideRuns.pdfFilter': 'PDF document',
  'guideRuns.markdownFilter': 'Markdown',
  'errors.guideRuns.noProvider': 'That guide has no such provider.',
  'errors.guideRuns.chooseProvider': 'Choose a provider.',
  'errors.guideRuns.accountGone': 'That account no longer exists.',
  'errors.guideRuns.chooseAccount': 'Choose another account.',
  'errors.guideRuns.noSuchStep': 'That step is not in this guide.',
  'errors.guideRuns.stepDone': 'This step is already done; what it recorded stays.',
  'errors.guideRuns.sayWhatBlocks': 'Say what is in the way, so it can be picked up later.',
  'errors.guideRuns.sayWhatBlocksField': 'Say what is in the way.',
  'errors.guideRuns.blockedKeepsNote': 'A blocked step keeps a note saying what is in the way.',
  'errors.guideRuns.answerFirst': 'Answer the question first: {question}',
  'errors.guideRuns.answerYes': 'Answer yes to mark this step done.',
  'errors.guideRuns.personGone': 'One of those people no longer exists.',
  'errors.guideRuns.choosePeople': 'Choose the people again.',
  'errors.guideRuns.checklistGone': 'That checklist no longer exists.',
  'errors.guideRuns.noStep': 'There is no such step.',
  'errors.guideRuns.notMarked':
    '{count, plural, one {# step is} other {# steps are}} not marked yet: mark each one done, skipped or blocked first.',
  'errors.guideRuns.pdf': 'The PDF could not be made ({message}). Save it as Markdown instead.',
  'errors.guideRuns.save': 'The summary could not be saved there ({code}). Choose another folder.',
  'errors.guideRuns.findingGone': 'That finding no longer exists.',
  'errors.guideRuns.taskGone': 'That task no longer exists.',
  'errors.guideRuns.noticeGone': 'That notice is no longer recorded.',
  'errors.guideRuns.unknownFinding': 'Unknown finding.',
  'errors.guideRuns.unknownTask': 'Unknown task.',
  'errors.guideRuns.unknownNotice': 'Unknown notice.',
  'errors.guideRuns.runGone': 'That guide run no longer exists.',
  'errors.guideRuns.closed':
    'This guide run is {status, select, finished {finished} other {stopped}}; start it again to make changes.',
  // The guide files (electron/services/guides/guideStore.ts): importing one, and a broken install.
  'errors.guides.invalid':
    '{hasFile, select, yes {{file}} other {This file}} is not a valid guide ({count, plural, one {# problem} other {# problems}}); nothing was imported.',
  'errors.guides.bundledInvalid': 'Bundled guide content is invalid:',
  'errors.guides.misnamed': 'The file must be named {name}.',
  'errors.guides.duplicateId': 'Duplicate guide id "{id}".',
  'errors.guides.unknown': 'There is no guide with the id "{id}".',
  'errors.guides.tooLarge': 'The file is too large to be a guide.',
  'errors.guides.missing': 'The file {file} does not exist.',
  'errors.guides.unreadable': 'The file {file} could not be read ({code}).',
  'errors.guides.builtIn':
    'A built-in guide already uses the id "{id}" with version {version}. Give the imported guide its own id, or a different version.',
  // Importing a password-manager export (electron/services/importService.ts) and a staff list.
  'importService.unknownColumns': 'Unknown columns',
  'importService.history': '{created} created, {updated} updated, {skipped} skipped',
  'importService.staffList': 'Staff list: {file}',
  'errors.import.chooseOwner': 'Choose who these accounts belong to.',
  'errors.import.ownerGone': 'This person no longer exists.',
  'errors.import.running': 'This import is already running.',
  'errors.import.chooseColumns': 'Choose which columns hold the address, username and password first.',
  'errors.import.cancelled': 'The import was cancelled. Nothing was saved.',
  'errors.import.expired': 'This import has expired or was cancelled. Choose the file again.',
  'errors.import.tooLarge': '{file} is larger than 64 MB; that is not a password-manager export.',
  // The mailbox scan (common/domain/mailScan, electron/services/mailScan*): each kind of secret it
  // finds, the masked hint a found secret is shown by, what a sensitive attachment is, why a part of
  // the mail could not be read, and the scan's errors. Hints are made in the scan's worker, which
  // uses the catalogue the app uses.
  'mailSecret.kind.password': 'Password or login details',
  'mailSecret.kind.otp_seed': 'Two-step sign-in setup key',
  'mailSecret.kind.recovery_codes': 'Two-step backup codes',
  'mailSecret.kind.reset_link': 'Sign-in or password-reset link',
  'mailSecret.kind.private_key': 'Private key',
  'mailSecret.kind.secret_attachment': 'Sensitive attachment',
  'mailSecret.kind.github_token': 'GitHub token',
  'mailSecret.kind.gitlab_token': 'GitLab token',
  'mailSecret.kind.aws_access_key': 'AWS access key ID',
  'mailSecret.kind.aws_secret_key': 'AWS secret access key',
  'mailSecret.kind.google_api_key': 'Google API key',
  'mailSecret.kind.slack_token': 'Slack token',
  'mailSecret.kind.slack_webhook': 'Slack webhook address',
  'mailSecret.kind.stripe_key': 'Stripe key',
  'mailSecret.kind.openai_key': 'OpenAI API key',
  'mailSecret.kind.anthropic_key': 'Anthropic API key',
  'mailSecret.kind.npm_token': 'npm token',
  'mailSecret.kind.sendgrid_key': 'SendGrid API key',
  'mailSecret.kind.shopify_token': 'Shopify token',
  'mailSecret.kind.huggingface_token': 'Hugging Face token',
  'mailSecret.kind.groq_key': 'Groq API key',
  'mailSecret.kind.linear_key': 'Linear API key',
  'mailSecret.kind.notion_token': 'Notion integration token',
  'mailSecret.kind.grafana_token': 'Grafana token',
  'mailSecret.kind.vault_token': 'HashiCorp Vault token',
  'mailSecret.kind.vercel_token': 'Vercel token',
  'mailSecret.kind.databricks_token': 'Databricks token',
  'mailSecret.kind.docker_token': 'Docker Hub token',
  'mailSecret.kind.figma_token': 'Figma token',
  'mailSecret.kind.onepassword_token': '1Password service account token',
  'mailSecret.kind.jwt': 'Signed access token (JWT)',
  'mailSecret.kind.url_credentials': 'User name and password in a web or database address',
  'mailSecret.kind.payment_card': 'Payment card number',
  'mailSecret.kind.iban': 'Bank account number (IBAN)',
  'mailSecret.kind.national_id': 'National ID number',
  'mailSecret.hint.length': '{label}, {count, plural, one {# character} other {# characters}}',
  'mailSecret.hint.password': 'Password, {count, plural, one {# character} other {# characters}}',
  'mailSecret.hint.privateKey':
    '{hasType, select, yes {{type} private key} other {Private key}}{block, select, yes { block} other {}}',
  'mailSecret.hint.urlCredentials':
    '{label} ({scheme}), password of {count, plural, one {# character} other {# characters}}',
  'mailSecret.hint.resetLink': '{label} to {host}',
  'mailSecret.hint.recoveryCodes': '{label}, {count, plural, one {# code} other {# codes}}',
  'mailSecret.hint.card': '{network} card number, {count, plural, one {# digit} other {# digits}}',
  'mailSecret.hint.iban': '{label} ({country}), {count, plural, one {# character} other {# characters}}',
  'mailSecret.idScheme.fi': 'Finnish personal identity code (HETU)',
  'mailSecret.idScheme.it': 'Italian tax code (codice fiscale)',
  'mailSecret.idScheme.es': 'Spanish identity number (DNI/NIE)',
  'mailSecret.idScheme.uk': 'UK National Insurance number',
  'mailSecret.idScheme.nl': 'Dutch citizen service number (BSN)',
  'mailSecret.idScheme.se': 'Swedish personal identity number',
  'mailSecret.hint.nationalId': '{name}, {count, plural, one {# character} other {# characters}}',
  'mailSecret.attachment.withExtension': '{what} (.{extension})',
  'mailSecret.attachment.keepass': 'KeePass database',
  'mailSecret.attachment.onePassword': '1Password export',
  'mailSecret.attachment.passwordSafe': 'Password Safe database',
  'mailSecret.attachment.keyFile': 'Key or certificate file',
  'mailSecret.attachment.certificate': 'Certificate with private key',
  'mailSecret.attachment.javaKeyStore': 'Java key store',
  'mailSecret.attachment.putty': 'PuTTY private key',
  'mailSecret.attachment.openVpn': 'OpenVPN profile',
  'mailSecret.attachment.deviceProfile': 'Device configuration profile',
  'mailSecret.attachment.remoteDesktop': 'Remote desktop connection file',
  'mailSecret.attachment.envFile': 'Environment file with settings and keys',
  'mailSecret.attachment.credentialsFile': 'Credentials file',
  'mailSecret.attachment.sshKey': 'SSH private key',
  'mailSecret.attachment.wireGuard': 'WireGuard VPN profile',
  'mailSecret.attachment.bitwarden': 'Bitwarden export',
  'mailSecret.attachment.lastPass': 'LastPass export',
  'mailSecret.attachment.dashlane': 'Dashlane export',
  'mailSecret.attachment.passwordManager': 'Password manager export',
  'mailSecret.attachment.passwordList': 'Password list',
  'mailSecret.attachment.awsKeys': 'AWS access key file',
  'mailSecret.attachment.backupCodes': 'Two-step backup codes',
  'mailSecret.attachment.identityDocument': 'Scan or photo of an identity document',
  'mailScan.why.tooDeep': 'its parts are nested more than {depth} levels deep; the deeper ones were not read',
  'mailScan.why.opaqueSigned': 'it is S/MIME signed in an opaque form, which is not read',
  'mailScan.why.encrypted':
    'it is encrypted (S/MIME or PGP): without the key it cannot be read, by this scan or by anyone who took it',
  'mailScan.why.unparsable':
    'its MIME structure could not be parsed{hasCode, select, yes { ({code})} other {}}',
  'mailScan.why.pgp': 'it holds a PGP-encrypted message, which cannot be read without the key',
  'mailScan.why.attachedTooLarge': 'it is an attached message larger than the 32 MB read',
  'mailScan.why.attachedTooDeep': 'it is a message attached inside messages nested too deep',
  'mailScan.why.textTooLarge': 'it is a text attachment larger than the 8 MB read',
  'mailScan.why.messageTooLarge': 'it is larger than {max} MB ({size} MB), so it was not read',
  'mailScan.why.unreadableKind': 'this kind of file cannot be read',
  'mailScan.where.messageFile': 'message file {name}',
  'mailScan.part.named': 'part {name}',
  'mailScan.part.attachedMessage': 'attached message {number}',
  'mailScan.part.attachment': 'attachment {number} ({type})',
  'mailScan.part.body': '{kind, select, html {HTML body} other {body}}',
  'mailScan.where.message': 'message {number} in {folder}',
  'mailScan.outlookHelp':
    'Outlook data files (.pst, .ost, .olm) and Outlook messages (.msg) cannot be read yet. Export the mail as .eml or mbox instead: in Thunderbird choose Tools › Import › Import from another program › Outlook, then scan Thunderbird’s profile folder; or, in new Outlook or Outlook for Mac, select the messages and drag them into a folder (each becomes an .eml file), then scan that folder.',
  'mailScan.archiveHelp':
    '{name} is an archive: unpack it first, then scan the folder it holds (a Gmail Takeout keeps the mail in Takeout/Mail/*.mbox).',
  'errors.mailScan.nothingAt': 'Nothing was found at {path}.',
  'errors.mailScan.notMailbox':
    '{name} is not a mailbox export: choose an mbox file (Gmail Takeout, Thunderbird, Apple Mail), an .eml file or a folder of them.',
  'errors.mailScan.noMail':
    'No mail was found in {path}: it holds no mbox or .eml files. Choose the folder of a Gmail Takeout, a Thunderbird profile, an Apple Mail export or a folder of .eml files.',
  'errors.mailScan.changed':
    'The mail at this place changed since the scan was stopped, so it cannot be resumed: start it again.',
  'errors.mailScan.cancelled': 'The mailbox scan was cancelled.',
  'errors.mailScan.stoppedKind': 'The scan stopped ({kind}).',
  'errors.mailScan.stoppedError': 'The scan stopped: {kind}.',
  'errors.mailScan.exited': 'The scan stopped unexpectedly (exit code {code}).',
  'errors.mailScan.stopped':
    'The scan stopped ({kind}). Try again; if it keeps stopping, scan a smaller part of the mail.',
  'errors.mailScan.busy': 'A mailbox scan is already running. Wait for it, or cancel it, first.',
  'errors.mailScan.scanGone': 'That scan is no longer here.',
  'errors.mailScan.finished': 'That scan is finished.',
  'errors.mailScan.cancelFirst': 'Cancel the scan first.',
  'errors.mailScan.finishedStays': 'A finished scan stays: what it found is evidence for its findings.',
  'errors.mailScan.otherVersion': 'This scan checkpoint was written by another version of Lockstep.',
  'errors.mailScan.cancelledBeforeEnd': 'The scan was cancelled before it finished.',
  'errors.mailScan.personGone': 'That person is no longer here.',
  'errors.mailScan.choosePerson': 'Choose a person.',
  'mailScan.pick.again': 'Choose {name} again to resume its scan',
  'mailScan.pick.file': 'Choose a mailbox export (an mbox or .eml file)',
  'mailScan.pick.folder': 'Choose a folder of mail (.eml files, mbox files, or an Apple Mail .mbox folder)',
  'mailScan.pick.exports': 'Mail exports',
  'mailScan.pick.allFiles': 'All files',
  // Storage failures a person can act on (electron/services/writePath.ts).
  'errors.storage.busy': 'Another Lockstep is changing this data; try again.',
  'errors.storage.readOnly':
    'Lockstep cannot change this data: its folder or file is read-only. It can still show it. Nothing was changed.',
  'errors.storage.diskFull':
    'The disk is full, so Lockstep could not save this. Nothing was changed: everything is as it was before. Free some space and try again.',
  'errors.storage.damaged':
    'Lockstep’s data file is damaged, so this was not saved and nothing more will be written to it. Restart Lockstep to restore a backup.',
  'errors.storage.checksNotRun': 'The checks have not run yet.',
  // Backups, restore, export and erase (electron/services/dataSafety).
  'errors.dataSafety.busy':
    'Lockstep is {operation, select, restore {restoring a backup} empty {starting with empty data} other {erasing everything}}; try again in a moment.',
  'errors.dataSafety.inUse':
    'Another Lockstep (the app or the command line) is using this data: close it and try again. Nothing was {what, select, erased {erased} other {changed}}.',
  'errors.dataSafety.notDamaged': 'The data is not damaged: there is nothing to set aside.',
  'errors.dataSafety.noBackup': 'There is no backup called {name}.',
  'errors.dataSafety.nothingToBackUp': 'There is no readable data to back up.',
  'errors.dataSafety.exists': '{path} already exists: choose a new file name.',
  'errors.dataSafety.noFolder': 'The folder {path} does not exist.',
  'errors.dataSafety.cannotMakeFolder':
    'Lockstep cannot make the backup folder {folder} ({code}): the disk or the folder above it is read-only, or not there. Choose another folder in Settings. Nothing was changed.',
  'errors.dataSafety.fullPath': 'Choose a folder by its full path.',
  'errors.dataSafety.copyFailedCheck':
    'The backup was not made: the copy failed its check ({kind, select, damaged {SQLite found garbled pages in it} empty {it was empty} truncated {it was cut short} foreign {it was not a Lockstep database} newer {it was from a newer version of Lockstep} other {it could not be read back}}), so it was not kept. Your data was not changed. Try again; if it fails again, restart Lockstep so it checks its data file.{hasDetail, select, yes { SQLite said: {detail}} other {}}',
  'errors.dataSafety.badBackup': '{file} is not a good Lockstep backup: {problem} Nothing was changed.',
  'errors.dataSafety.unreadableBackup': 'it could not be read',
  'dataSafety.restore.nothingReplaced': 'There was no data to replace.',
  'dataSafety.restore.noKey':
    'The backup had no fingerprint key beside it, so the key in use was kept: password reuse with accounts imported before the backup is found again once they are imported again.',
  'dataSafety.restore.historyAltered':
    'The history in this backup does not verify: it was changed outside Lockstep before the backup.',
  'dataSafety.pick.backup': 'Choose a Lockstep backup to restore',
  'dataSafety.pick.backups': 'Lockstep backups',
  'dataSafety.pick.allFiles': 'All files',
  'dataSafety.pick.backupFolder': 'Choose where Lockstep keeps its backups',
  'dataSafety.pick.exportFolder': 'Choose where to export your data',
  'dataSafety.exportFolder': 'Lockstep export {date}',
  // The ledger of requests that left the computer (electron/services/online, pwnedRange.ts): what
  // each was for and what it sent, written when the request is made.
  'ledger.purpose.hibpAccount':
    'Check whether an email address appears in known breaches (Have I Been Pwned)',
  'ledger.sent.hibpAccount': 'the email address {address} and your API key',
  'ledger.purpose.refreshBreaches': 'Refresh the list of known breaches (Have I Been Pwned)',
  'ledger.purpose.refreshTwoFactor': 'Refresh the 2FA directory (2fa.directory)',
  'ledger.purpose.refreshPasskeys': 'Refresh the passkeys directory (passkeys.2fa.directory)',
  'ledger.sent.refresh': 'nothing but the request itself (no personal data)',
  'ledger.purpose.pwnedRange': 'Check whether imported passwords appear in known breaches (Pwned Passwords)',
  'ledger.sent.pwnedRange': '5 hex characters of a password’s SHA-1: {prefix}',
  'ledger.outcome.stored': '{count, plural, one {# record} other {# records}}, stored',
  // What the ledger says came back from a request ("HTTP" and its status code stay as sent).
  'ledger.outcome.status': 'HTTP {status}',
  'ledger.outcome.statusWith': 'HTTP {status}, {outcome}',
  'ledger.outcome.failed': 'failed: {reason}',
  'ledger.outcome.unreadable': 'HTTP {status}, unreadable answer',
  'ledger.outcome.inBreaches': 'HTTP 200, in {count, plural, one {# breach} other {# breaches}}',
  'ledger.outcome.inNoBreach': 'HTTP 404, in no known breach',
  'ledger.outcome.askedToWait': 'HTTP 429, asked to wait {seconds} s',
  'ledger.outcome.notUsed': 'not used: {reason}',
  // Why a request failed, in a few plain words (the ledger, and the reason a check could not run).
  'online.failure.timedOut': 'timed out',
  'online.failure.refused': 'could not connect (connection refused)',
  'online.failure.hostNotFound': 'could not connect (host not found)',
  'online.failure.networkCode': 'network error ({code})',
  'online.failure.network': 'network error',
  'online.failure.tooLarge': 'the answer is larger than {size}',
  'online.size.bytes': '{count, plural, one {# byte} other {# bytes}}',
  'online.failure.noAddress': 'No email address to check',
  'online.failure.noKey': 'No API key is set',
  'online.failure.hibpUnreachable': 'could not reach Have I Been Pwned',
  'online.failure.hibpSlow': 'Have I Been Pwned did not answer in time',
  'online.failure.unreadable': 'unreadable answer',
  'online.failure.rateLimited': 'rate limited',
  'online.failure.keyRefused': 'The API key was refused',
  'online.failure.agentRefused': 'Have I Been Pwned refused the request (user agent refused)',
  'online.failure.notAnAddress': 'Have I Been Pwned says this is not an email address',
  'online.failure.unexpected': 'unexpected answer (HTTP {status})',
  'online.failure.serverError': 'server error (HTTP {status})',
  'online.failure.noDownload': 'could not download',
  'online.failure.notChecked': 'not checked',
  'online.failure.serverRateLimited': 'rate limited by the server',
  'online.failure.serverRefused': 'the server refused (HTTP {status})',
  'online.failure.serverSlow': 'the server did not answer in time',
  'online.failure.unusable': 'unusable answer: {reason}',
  'online.failure.truncated':
    'only {records, plural, one {# record} other {# records}} where at least {expected} were expected (the answer looks truncated)',
  'online.failure.notStored': 'could not be stored: {reason}',
  // The desktop notification for breaches found by a background refresh (common/domain/dataSafety/breachAlert.ts).
  'breachAlert.title':
    '{others, plural, =0 {A new breach concerns you} other {{count, plural, one {# new breach concerns} other {# new breaches concern}} your accounts}}',
  'breachAlert.body':
    'New breach at {breach}{hasWhen, select, yes { ({when})} other {}}: {detail}.{others, plural, =0 {} other { And {others} more: see Exposure.}}',
  'breachAlert.address': 'your address {address} was in it',
  'breachAlert.changedIn': 'your password there was last changed in {year}',
  'breachAlert.changedUnknown': 'Lockstep does not know when you last changed your password there',
  // Why a file cannot be imported at all (common/domain/import). `{file}` is the file's name.
  'importFile.none': '(none)',
  'importFile.unnamed': '(unnamed)',
  'importFile.andMore': '{names} and {more, number} more',
  'importFile.empty': '{file} is empty.',
  'importFile.kdbx':
    '{file} is a KeePass database (.kdbx), not an export. In KeePassXC choose Database → Export → CSV File (in KeePass: File → Export → KeePass XML (2.x)) and import that file.',
  'importFile.office':
    '{file} looks like an Excel or other Office document, not a CSV file. Open it and save it as "CSV UTF-8", or import the file your password manager exported.',
  'importFile.binary':
    '{file} is not a text export (it contains binary data). Choose the CSV, JSON or XML file your password manager exported.',
  'importFile.tooManyItems':
    '{file} holds more than {max, number} items, far more than any password manager export. The file may be damaged or made to cause trouble.',
  'importFile.bitwardenEncrypted':
    'This Bitwarden export is encrypted, so Lockstep cannot read {file}. In Bitwarden choose File → Export vault → format ".json" (not ".json (Encrypted)"), or ".csv", and import that file.',
  'importFile.tooManyColumns':
    '{file} has {count, number} columns, far more than any password-manager export (the first are {names}). Choose the file your password manager exported.',
  'importFile.headerOnly': '{file} has column names but no entries.',
  'importFile.csvNotFormat': '{file} is a CSV file, not a {format} export.',
  'importFile.missingColumns':
    '{file} does not have the columns of a {format} export{hasMissing, select, yes { (missing: {missing})} other {}}. Columns found: {names}.',
  'importFile.unknownColumns':
    '{file} has columns Lockstep does not recognise: {names}. Choose which columns hold the web address, user name and password.',
  'importFile.unterminated':
    '{file} ends inside a quoted value: the quote that opens {inHeader, select, yes {in the header (line {line})} other {in row {row} (line {line})}} is never closed. The file may have been cut short; export it again.',
  'importFile.invalidJson':
    '{file} is not valid JSON. The file may have been cut short or edited; export it again.',
  'importFile.unsupportedJson':
    '{file} is not a supported export: it is JSON, but not a Bitwarden, 1Password, Enpass, Psono or Keeper export. {advice, select, list {It holds a bare list, which no export Lockstep reads does. Export CSV instead.} proton {It looks like a Proton Pass JSON export: in Proton Pass, export CSV instead.} items {It has a list of items, but they are not laid out like any of those exports. Export CSV instead.} other {For other password managers, export CSV instead.}}',
  'importFile.unsupportedXml':
    '{file} is an XML file, but not a KeePass or Sticky Password export. In KeePass choose File → Export → KeePass XML (2.x), or export CSV from your password manager.',
  'importFile.wrongFormat': '{file} is a {actual} export, not {requested}.',
  'importFile.notKeepass':
    '{file} is an XML file, but not a KeePass export. In KeePass choose File → Export → KeePass XML (2.x), or export CSV from your password manager.',
  'importFile.keepassProtected':
    '{file} holds encrypted (protected) values: it is the inside of a KeePass database, not an export. In KeePass choose File → Export → KeePass XML (2.x) and import that file.',
  'importFile.noSuchColumn':
    '{file} has no column named {column} (chosen for the {role, select, password {password} url {web address} title {name} username {user name} other {one-time codes}}). Columns found: {names}.',
  'importFile.choosePasswordColumn': 'Choose the column of {file} that holds the passwords.',
  'importFile.chooseAddressColumn':
    'Choose the column of {file} with the web address or the name of each entry.',
  'importFile.zipTooManyEntries':
    '{file} is a ZIP archive with more than {max, number} entries, far more than a 1Password export. The file may be damaged or made to cause trouble.',
  'importFile.severalExportData':
    '{file} holds {count} export.data files; a 1Password export has one. The file may be damaged or made to cause trouble; export it again.',
  'importFile.onePuxJson':
    '{file} looks like a 1Password export, but its export.data is not valid JSON. Export it again.',
  'importFile.onePuxTooLarge':
    '{file} holds a 1Password export.data larger than 64 MB once unpacked, far more than a real export. The file may be damaged or made to cause trouble.',
  'importFile.damagedZip':
    '{file} is a ZIP archive that cannot be opened (it may be damaged or password-protected). Export it again.',
  'importFile.notOnePux':
    '{file} is a ZIP archive, not a password export. {advice, select, dashlane {It looks like a Dashlane export: unzip it and import credentials.csv.} safari {It looks like a Safari or Apple Passwords export: unzip it and import Passwords.csv.} spreadsheet {It looks like a spreadsheet: open it and save it as "CSV UTF-8" first.} extra {It holds files a 1Password export never has, so it is not read.} other {Lockstep reads ZIP files only when they are 1Password exports (.1pux).}}',
  'importFile.onePuxLayout':
    '{file} does not have the layout of a 1Password export (no accounts). Export it again as .1pux.',
  'importFile.psonoDepth':
    '{file} has folders nested more than {depth} levels deep, which no Psono export has. The file may be damaged; export it again.',
  'importFile.notSticky':
    '{file} is an XML file, but not a Sticky Password export (it has no Database element). In Sticky Password choose Menu → Export → Export all, as XML.',
  'importFile.noLogins':
    '{file} has no logins to import: {why}. Lockstep imports sign-ins that have a password; check that you exported the right vault, or export again with passwords included.',
  'importFile.noItems': 'it holds no items at all',
  'importFile.doctype':
    '{file} contains a DOCTYPE or entity declarations, which are not accepted: password-manager exports never have them, and they can make a file expand to gigabytes. Export the file again from your password manager.',
  'importFile.xmlTooLarge':
    '{file} is not a password-manager export Lockstep can read: it has {what, select, attributes {an element with more than {count, number} attributes} elements {more than {count, number} elements} other {elements nested more than {count, number} levels deep}}, far beyond any real export. The file may be damaged or made to cause trouble.',
  'importFile.xmlMalformed':
    '{file} is not well-formed XML (line {line}: {detail}). The file may have been cut short; export it again.',
  'importFile.xmlUnreadable': '{file} could not be read as XML. The file may be damaged; export it again.',
  // What was skipped, for a file with no logins (common/domain/import/summary.ts).
  'importSkipped.note': '{count, plural, one {# secure note} other {# secure notes}}',
  'importSkipped.card': '{count, plural, one {# credit card} other {# credit cards}}',
  'importSkipped.identity': '{count, plural, one {# identity} other {# identities}}',
  'importSkipped.sshKey': '{count, plural, one {# SSH key} other {# SSH keys}}',
  'importSkipped.folder': '{count, plural, one {# folder} other {# folders}}',
  'importSkipped.alias': '{count, plural, one {# e-mail alias} other {# e-mail aliases}}',
  'importSkipped.noPassword':
    '{count, plural, one {# entry without a password} other {# entries without a password}}',
  'importSkipped.archived': '{count, plural, one {# archived item} other {# archived items}}',
  'importSkipped.recycleBin':
    '{count, plural, one {# item in the recycle bin} other {# items in the recycle bin}}',
  'importSkipped.trash': '{count, plural, one {# item in the trash} other {# items in the trash}}',
  'importSkipped.history':
    '{count, plural, one {# older version of an entry} other {# older versions of entries}}',
  'importSkipped.bookmark': '{count, plural, one {# bookmark} other {# bookmarks}}',
  'importSkipped.strayQuote': '{count, plural, one {# damaged row} other {# damaged rows}}',
  'importSkipped.rest':
    '{count, plural, one {# {others, select, yes {other item} other {item}} that is not a login} other {# {others, select, yes {other items} other {items}} that are not a login}}',
  'importSkipped.sentence': '{list} {count, plural, one {was} other {were}} skipped',
  // Checking addresses online (electron/services/onlineService.ts) and keeping the API key (apiKeyStore.ts).
  'errors.online.noKey': 'Add your Have I Been Pwned API key in Settings first.',
  'errors.online.noAddress': 'There is no email address to check.',
  'errors.online.keyNotSaved': 'This key cannot be saved.',
  'errors.online.sealFailed': 'The system keychain could not seal the API key, so it was not saved.',
  'errors.online.notSealed': 'The system keychain did not seal the API key, so it was not saved.',
  'errors.online.keyUnreadable': 'The stored API key could not be read: {message}',
  'errors.online.notAKey':
    'That is not a Have I Been Pwned API key: a key is 32 characters, digits and the letters a to f. Copy it again from your HIBP dashboard.',
  'errors.online.noKeychain':
    'Lockstep can only keep an API key in the system keychain, which is not available here.',
  'errors.online.keychainLocked':
    'The Have I Been Pwned API key is sealed by the system keychain, which is not available right now. Unlock the keychain and try again, or remove the key in Settings.',
  'errors.online.keychainRefused':
    'The system keychain could not unseal the stored API key (it may have been saved by another user or on another computer). Remove it and enter it again.',
  'errors.fingerprintKey.locked':
    "The key that protects Lockstep's password fingerprints is sealed by the system keychain, which is not available right now. Unlock or restore the keychain and try again.",
  'errors.fingerprintKey.unreadable':
    'The system keychain could not unseal the fingerprint key ({path}). It may have been sealed by another user or machine.',
  'errors.fingerprintKey.wrongSize':
    'The fingerprint key {kind, select, plain {file} other {sealed in}} {path} holds {bytes, number} bytes instead of {expected}, so it is damaged. Restore it from a backup; deleting it makes Lockstep create a new key, after which earlier imports no longer match for password reuse until they are imported again.',
  'errors.online.keyDamaged': 'The stored API key is damaged. Remove it and enter it again.',
  // `pwned-index build`: its progress (stderr) and what it built (stdout).
  'pwnedIndex.build.progress':
    'pwned-index: {percent}% ({lines, number} lines, {done} of {total}, {rate} lines/s)',
  'pwnedIndex.build.finished': 'pwned-index: 100% ({lines, number} lines) in {seconds} s',
  'pwnedIndex.build.missing':
    'pwned-index: warning: {missing, number} of the 1,048,576 prefix files are missing from {source}; hashes starting with those prefixes will read as not in the corpus. Download them to complete the corpus.',
  'pwnedIndex.build.workerStopped':
    'The index could not be built: a thread reading the corpus stopped ({code}). The index you had is unchanged; try again, with more free memory if the machine is short of it.',
  'pwnedIndex.build.built': 'Built {out}',
  'pwnedIndex.build.entries': '  entries: {entries, number} (from {lines, number} source lines)',
  'pwnedIndex.build.size':
    '  size: {bytes, number} bytes ({recordBytes} bytes an entry + a 4 MiB offset table; {perEntry} bytes/entry overall)',
  'pwnedIndex.build.key':
    '  key: {bits} bits; false-positive rate {rate} per lookup; counts exact up to {limit, number}',
  'pwnedIndex.build.time': '  time: {seconds} s ({rate} lines/s)',
  // Why a Pwned Passwords corpus cannot be indexed (electron/services/pwnedIndex/builder.ts): the
  // source as a whole, then the stream of its files. Paths, file names, prefixes, error codes and
  // line numbers are values.
  'pwnedIndex.source.none': 'No Pwned Passwords corpus at {path} ({reason}).',
  'pwnedIndex.source.neither': '{path} is neither a corpus file nor a directory.',
  'pwnedIndex.source.twoFiles': '{path} has two files for prefix {prefix}: {first} and {second}. Keep one.',
  'pwnedIndex.source.noPrefixFiles':
    '{path} holds no prefix files (named like {example}, as the Pwned Passwords downloader writes them).',
  'pwnedIndex.source.unreadable': '{path} cannot be read ({reason}).',
  'pwnedIndex.source.shrank': '{path} shrank while it was being read.',
  'pwnedIndex.stream.badPrefix': '{file}: {prefix} is not a 5-hex prefix (0 to {last}).',
  'pwnedIndex.stream.mixed': '{file}: a corpus is either one file or prefix files, not both.',
  'pwnedIndex.stream.oneFile': '{file}: a single-file corpus is one file; {first} came first.',
  'pwnedIndex.stream.order':
    '{file}: prefix {prefix} comes after {previous}; prefix files must come in ascending order, each once.',
  'pwnedIndex.stream.empty': 'The corpus stream held no file.',
  // A corpus line that is refused: "{file}: line {line}: {problem}", the problem one of the below.
  'pwnedIndex.line.refused': '{file}: line {line}: {problem}',
  'pwnedIndex.line.wrongPrefix': "the hash {hash} does not start with the file's prefix {prefix}.",
  'pwnedIndex.line.twice': 'the hash appears twice in a row ({hash}).',
  'pwnedIndex.line.unsorted':
    'hashes are not sorted: {hash} comes after a larger hash. The corpus must be sorted ascending by hash, as the downloader writes it.',
  'pwnedIndex.line.ntlm':
    'this is an NTLM hash; Lockstep needs the SHA-1 corpus (run the Pwned Passwords downloader without {options}).',
  'pwnedIndex.line.cutShort':
    'the last line is cut short ({text}): the download looks interrupted. Download the corpus again.',
  'pwnedIndex.line.countOutOfRange': 'the count is out of range.',
  'pwnedIndex.line.expected':
    'expected {layout, select, directory {{suffixShape} (35 hex digits) or {hashShape}} other {{hashShape} (40 hex digits, a SHA-1)}}, found {text}.',
  // Why the offline index cannot answer (electron/services/pwnedIndex/lookup.ts and format.ts).
  'pwnedIndex.index.missing':
    'Offline corpus unavailable: there is no index at {path}. Build it from the Pwned Passwords corpus.',
  'pwnedIndex.index.cannotOpen': 'Offline corpus unavailable: {path} cannot be opened ({reason}).',
  'pwnedIndex.index.replaced':
    'Offline corpus unavailable: {path} was replaced while it was being opened. Try again.',
  // A damaged index: "… {path} {why}. Rebuild …", the why one of `pwnedIndex.damaged.*`.
  'pwnedIndex.index.damaged': 'Offline corpus unavailable: {path} {why}. Rebuild the index from the corpus.',
  'pwnedIndex.damaged.readShort': 'is truncated (a read stopped short of its end)',
  'pwnedIndex.damaged.tooShort': 'is too short to be an index (truncated)',
  'pwnedIndex.damaged.sizeMismatch': 'has an inconsistent header (its size does not match its entry count)',
  'pwnedIndex.damaged.truncated': 'is truncated ({size} of {expected} bytes)',
  'pwnedIndex.damaged.extraBytes':
    'has {count, plural, one {# unexpected byte} other {# unexpected bytes}} at its end',
  'pwnedIndex.damaged.metaChecksum':
    'is damaged (the checksum of its header and offset table does not match)',
  'pwnedIndex.damaged.tableSum': 'is damaged (its offset table does not add up)',
  'pwnedIndex.damaged.outOfOrderNear': 'is damaged (records out of order near entry {entry})',
  'pwnedIndex.damaged.badRecord': 'is damaged (record {record} is out of order or blank)',
  'pwnedIndex.damaged.recordsChecksum': 'is damaged (the checksum of its records does not match)',
  // A header that is not one this Lockstep reads (format.ts `decodeHeader`).
  'pwnedIndex.header.tooShort': 'Offline corpus unavailable: {path} is too short to be an index (truncated).',
  'pwnedIndex.header.magic':
    'Offline corpus unavailable: {path} is not a Lockstep Pwned Passwords index (wrong magic number).',
  'pwnedIndex.header.version':
    'Offline corpus unavailable: {path} is an index of format version {version}; this Lockstep reads version {supported}. Rebuild it from the corpus.',
  'pwnedIndex.header.layout':
    'Offline corpus unavailable: {path} has an inconsistent header (layout fields do not match version {supported}).',
  'pwnedIndex.header.sizeField':
    'Offline corpus unavailable: {path} has an inconsistent header (a size field is out of range).',
  // A lookup given something that is not a hash.
  'pwnedIndex.query.notSha1': 'Not a SHA-1 in hex (40 digits): {given}.',
} as const satisfies Record<string, string>;
