/**
 * Lockstep's words, in English: every user-facing message, by id, as an ICU message
 * (https://unicode-org.github.io/icu/userguide/format_parse/messages/) — `{name}` for a value,
 * `{count, plural, one {# account} other {# accounts}}` for a count. Format them with `format`
 * from `./format`, never by joining strings: "1 accounts" and "was exposed" after a plural cannot
 * happen when the message chooses its own words.
 *
 * Ids are `area.what`: the area is the screen or module that shows the message. Voice
 * (DESIGN.md): plain words a worried non-expert understands, calm, ending in the next action.
 */
import { FILES } from './areas/files';
import { GUIDES } from './areas/guides';
import { MAIN } from './areas/main';
import { OFFICE } from './areas/office';

const CORE = {
  // The strength scale (common/domain/passwords/strength.ts): zxcvbn's score buckets, in words.
  'strength.0.label': 'Very weak',
  'strength.1.label': 'Weak',
  'strength.2.label': 'Fair',
  'strength.3.label': 'Strong',
  'strength.4.label': 'Very strong',
  'strength.0.time': 'guessable in minutes or less',
  'strength.1.time': 'guessable in minutes to hours',
  'strength.2.time': 'guessable in days to months',
  'strength.3.time': 'guessable in months to decades',
  'strength.4.time': 'guessable only in decades or more',
  'strength.0.meaning':
    'Among the first thousand guesses: minutes of trying at the sign-in page, and at once with a leaked copy of the site’s passwords.',
  'strength.1.meaning':
    'Within a million guesses: up to about a day of trying at the sign-in page, and under two minutes with a leaked copy of the site’s passwords.',
  'strength.2.meaning':
    'Within a hundred million guesses: up to a few months of trying at the sign-in page, but under three hours with a leaked copy of the site’s passwords.',
  'strength.3.meaning':
    'Within ten billion guesses: up to decades of trying at the sign-in page, but under two weeks with a leaked copy of the site’s passwords — less if the site stored them carelessly.',
  'strength.4.meaning':
    'More than ten billion guesses: decades or more of trying at the sign-in page, and two weeks or more with a leaked copy of the site’s passwords, if the site stored them with care.',
  'strength.assumptions':
    'These times assume about 10 guesses a second at a sign-in page that does not slow attackers down, and about 10,000 a second against a leaked copy stored with a slow, salted hash.',
  'strength.withTime': '{label}: {time}',
  'strength.unknown': 'Not checked',

  // Our words for zxcvbn-ts's feedback keys (its own English is never shown).
  'strength.warning.straightRow': 'It is a straight row of keys on the keyboard, which attackers try early.',
  'strength.warning.keyPattern': 'It is a short keyboard pattern, which attackers try early.',
  'strength.warning.simpleRepeat': 'It repeats one character, like “aaa”, which is easy to guess.',
  'strength.warning.extendedRepeat':
    'It repeats a group of characters, like “abcabc”, which is easy to guess.',
  'strength.warning.sequences': 'It contains a common sequence, like “abc” or “1234”.',
  'strength.warning.recentYears': 'It contains a recent year, which attackers try early.',
  'strength.warning.dates': 'It contains a date, which attackers try early.',
  'strength.warning.topTen': 'It is one of the ten most used passwords.',
  'strength.warning.topHundred': 'It is one of the hundred most used passwords.',
  'strength.warning.common': 'It is a commonly used password.',
  'strength.warning.similarToCommon': 'It is very close to a commonly used password.',
  'strength.warning.wordByItself': 'A single word on its own is easy to guess.',
  'strength.warning.namesByThemselves': 'A name on its own is easy to guess.',
  'strength.warning.commonNames': 'It contains a common first name or surname.',
  'strength.warning.userInputs':
    'It contains something about you or the site, such as your name or the site’s name.',
  'strength.warning.pwned': 'It has appeared in a data breach.',
  'strength.suggestion.l33t': 'Swapping letters for look-alike symbols (like @ for a) does not help much.',
  'strength.suggestion.reverseWords': 'Writing a word backwards does not make it hard to guess.',
  'strength.suggestion.allUppercase': 'Capitals throughout do not help much: mix a few in instead.',
  'strength.suggestion.capitalization': 'A capital first letter does not help much.',
  'strength.suggestion.dates': 'Leave out dates that mean something to you.',
  'strength.suggestion.recentYears': 'Leave out recent years.',
  'strength.suggestion.associatedYears': 'Leave out years that mean something to you.',
  'strength.suggestion.sequences': 'Leave out common sequences of letters or numbers.',
  'strength.suggestion.repeated': 'Leave out repeated words and characters.',
  'strength.suggestion.longerKeyboardPattern': 'Leave out patterns on the keyboard.',
  'strength.suggestion.anotherWord': 'Add another word or two that are not common.',
  'strength.suggestion.useWords': 'Use several words, but avoid common phrases.',
  'strength.suggestion.noNeed': 'You can make a strong password without symbols, numbers or capitals.',
  'strength.suggestion.pwned': 'If you use this password anywhere else, change it there too.',

  // Names for raw identifiers (common/domain/names.ts).
  'names.androidApp': '{name} (Android app)',
  'names.renamedFromAppId': 'Named after the app; it was saved under the app’s id, {appId}.',
  'names.mixedScripts':
    '{domain} mixes letters from different alphabets ({scripts}). It may be a look-alike of another site’s address: check it before you sign in.',
  'names.script.Latin': 'Latin',
  'names.script.Cyrillic': 'Cyrillic',
  'names.script.Greek': 'Greek',
  'names.script.Armenian': 'Armenian',
  'names.script.Georgian': 'Georgian',
  'names.script.Hebrew': 'Hebrew',
  'names.script.Arabic': 'Arabic',
  'names.script.Han': 'Chinese',
  'names.script.Hiragana': 'Japanese hiragana',
  'names.script.Katakana': 'Japanese katakana',
  'names.script.Hangul': 'Korean',
  'names.script.Thai': 'Thai',
  'names.script.Devanagari': 'Devanagari',
  'names.script.Cherokee': 'Cherokee',
  'names.script.Other': 'another alphabet',

  // Findings (common/domain/checks/describe.ts). `{who}` is "you" when the file holds one person.
  'finding.kind.breached_service': 'Breach at the service',
  'finding.kind.email_in_breach': 'Email address in a breach',
  'finding.kind.mfa_available': 'Two-step sign-in available',
  'finding.kind.mfa_upgrade': 'Stronger two-step available',
  'finding.kind.password_pwned': 'Breached password',
  'finding.kind.password_reused': 'Reused password',
  'finding.kind.password_similar': 'Near-identical passwords',
  'finding.kind.password_weak': 'Easy-to-guess password',
  'finding.kind.insecure_url': 'Unencrypted sign-in page',
  'finding.kind.password_check_gap': 'Passwords not checked everywhere',
  'finding.kind.breach_notice': 'Breach notice you received',
  'finding.kind.mail_secret': 'Secret found in your mail',
  'finding.severity.critical': 'Fix now',
  'finding.severity.high': 'Fix soon',
  'finding.severity.medium': 'Worth fixing',
  'finding.severity.low': 'When you can',
  'finding.method.totp': 'an authenticator app',
  'finding.method.u2f': 'a security key',
  'finding.method.sms': 'a text message',
  'finding.method.call': 'a phone call',
  'finding.method.email': 'an email code',
  'finding.method.custom-software': 'the service’s own app',
  'finding.method.custom-hardware': 'the service’s own hardware token',
  'finding.method.passkey': 'a passkey',
  'finding.someData': 'some of your data',
  'finding.thisAccount': 'this account',
  'people.possessive': "{name}'s",
  'finding.ownedService': "{owner}'s {service}",
  'finding.passwordOf':
    "{who, select, you {{capital, select, yes {Your} other {your}} {service} password} other {{owner}'s {service} password}}",
  'finding.breached.title':
    "{breached} was breached in {when}{more, plural, =0 {} other { (and # more)}}{who, select, you {} other { ({owner}'s account)}}",
  'finding.breached.family':
    '{first} signs in with {who, select, you {your} other {{owner}’s}} {family}, so this breach concerns it. ',
  'finding.breached.took': "Attackers took {data} of {breached}'s users. ",
  'finding.breached.changedOn':
    "{who, select, you {Your password} other {{owner}'s password}} was last changed on {changed}, before that.",
  'finding.breached.unknownChange':
    '{who, select, you {Lockstep does not know whether you have changed your password since.} other {Lockstep does not know whether {owner} has changed this password since.}}',
  'finding.breached.actionChanged':
    '{who, select, you {Change your {service} password now, and anywhere you used the same one.} other {Change {password} now, and anywhere the same one is used.}}',
  'finding.breached.actionUnknown':
    "{who, select, you {If you have not changed your {service} password since {when}, change it now — and anywhere you used the same one. If you have, say so and this goes away.} other {If {owner} has not changed {owner}'s {service} password since {when}, change it now — and anywhere the same one is used. If it was changed, say so and this goes away.}}",
  'finding.emailBreach.title':
    "{who, select, you {} other {{person}'s address }}{address} is in {count, plural, one {the {breach} breach} other {# breaches}}",
  'finding.emailBreach.why':
    '{count, plural, one {The breach} other {The breaches}} exposed {data}. Expect convincing phishing to this address, and check every account that uses it.',
  'finding.emailBreach.action':
    'Change the password of every account that signs in with this address and used the breached password; turn on two-step sign-in.',
  'finding.yourAddress': 'Your address',
  'finding.mfa.title': 'Turn on two-step sign-in at {first}',
  'finding.mfa.secondStep': 'a second step',
  'finding.mfa.why':
    '{service} can ask for {methods} as well as {who, select, you {your} other {the}} password, so a stolen password alone is not enough to get in. Lockstep has no record of it being on.',
  'finding.mfa.action':
    "Turn it on in {service}'s security settings{hasDocs, select, yes { (their instructions are linked)} other {}}, preferably with an authenticator app or a passkey. Already on? Record the method on the account.",
  'finding.upgrade.title': 'Use a stronger second step at {first}',
  'finding.upgrade.stronger': 'a stronger method',
  'finding.upgrade.why':
    'Codes by {current, select, sms {text message} other {email}} can be intercepted or redirected (SIM swaps, a hacked mailbox). {service} also offers {better}.',
  'finding.upgrade.action':
    "{who, select, you {Switch {service}'s two-step sign-in to {better}.} other {Switch {owner}'s {service} two-step sign-in to {better}.}}",
  'finding.pwned.title': '{password} is in known breaches',
  'finding.pwned.commonTitle': '{password} is one of the most common leaked passwords',
  'finding.pwned.offlineWhy':
    'In the offline Pwned Passwords corpus of {date}, this exact password was seen {atLeast, select, yes {at least } other {}}{times, plural, one {# time} other {# times}}. Attackers try these first, on every site.',
  'finding.pwned.onlineWhy':
    'This exact password has appeared {times, plural, one {# time} other {# times}} in leaked password lists (Have I Been Pwned). Attackers try these first, on every site.',
  'finding.pwned.commonWhy':
    'It is among the 100,000 passwords seen most often in breaches (UK NCSC list). Attackers try these first, on every site.',
  'finding.pwned.action':
    '{who, select, you {Change your {service} password to a new one you have never used, ideally generated by a password manager.} other {Change {password} to a new one never used before, ideally generated by a password manager.}}',
  'finding.unknownDate': 'unknown date',
  'finding.reused.sharedTitle': '{names} use the same password',
  'finding.reused.sharedWhy':
    '{people} people use one password between them: {names}. That usually means a shared login. If any one of these sites leaks it, every one of these accounts is open.',
  'finding.reused.sharedAction':
    'Give each person their own sign-in where the service allows it (most offer extra users or delegated access); where a login must be shared, keep it in the password manager’s shared vault and give it a password used nowhere else.',
  'finding.reused.title':
    "{who, select, you {{count, plural, one {# account uses} other {# accounts share}} one password} other {{owner}'s {count, plural, one {# account uses} other {# accounts share}} one password}}",
  'finding.reused.why':
    "{who, select, you {} other {{owner}'s }}{names} {count, plural, =2 {both use} other {all use}} the same password. If any one of these sites leaks it, the others are open too.",
  'finding.reused.action':
    'Give each of these accounts its own password, starting with the most important one.',
  'finding.similar.sharedTitle': '{names} use near-identical passwords',
  'finding.similar.sharedWhy':
    '{people} people use passwords that differ only by a few characters, such as a year or a symbol at the end: {names}. That usually means a shared login, or one person’s pattern passed on. Attackers who learn one try the obvious variations.',
  'finding.similar.sharedAction':
    'Give each person their own sign-in and replace these with unrelated passwords, ideally generated by a password manager.',
  'finding.similar.title':
    "{who, select, you {} other {{owner}'s }}{count, plural, one {# account uses} other {# accounts use}} near-identical passwords",
  'finding.similar.why':
    "The passwords for {who, select, you {} other {{owner}'s }}{names} differ only by a few characters, such as a year or a symbol at the end. Attackers who learn one try the obvious variations.",
  'finding.similar.action': 'Replace them with unrelated passwords, ideally generated by a password manager.',
  'finding.weak.title': '{password} is easy to guess',
  'finding.weak.why': 'Its strength is “{label}” ({time}). {meaning}{hint, select, none {} other { {hint}}}',
  'finding.weak.action':
    'Change {password} to a long, unique one — a password manager can make and remember it.',
  'finding.notice.title': '{provider} told {who, select, you {you} other {{person}}} about a breach',
  'finding.notice.aCompany': 'A company',
  'finding.notice.why':
    'Their notice of {date} {exposed, select, yes {lists what was exposed: {data}.} other {says some of your data was exposed.}}',
  'finding.notice.accounts':
    "{who, select, you {your} other {{person}'s}} {count, plural, one {account} other {accounts}} at {services}",
  'finding.notice.accountsAndEmails': '{accounts} and {emails}',
  'finding.notice.concernsFamily':
    ' It concerns what {who, select, you {you sign in to with your} other {{person} signs in to with {person}’s}} {families}: {accounts}.',
  'finding.notice.concerns': ' It concerns {accounts}.',
  'finding.notice.actionGuide':
    'Follow the guide “{guide}”, step by step. This closes when you finish the guide, or set it aside.',
  'finding.notice.action':
    'Follow the guide for it, step by step. This closes when you finish the guide, or set it aside.',
  'finding.insecure.title':
    '{who, select, you {You sign in to {first} on an unencrypted page} other {{owner} signs in to {service} on an unencrypted page}}',
  'finding.insecure.why':
    'Its sign-in address starts with http://, so {who, select, you {your} other {the}} password can be read by anyone on the same network (a café, a hotel).',
  'finding.insecure.action':
    "Check whether {service} offers an https:// sign-in page and use that; if it does not, don't reuse this password anywhere.",
  'finding.gap.title':
    '{count, plural, one {# password was} other {# passwords were}} not checked {source, select, online {online} other {against your offline copy of the corpus}}',
  'finding.gap.actionUnavailable':
    'Rebuild or remove the offline corpus in Settings, then import your export again.',
  'finding.gap.action':
    'Import your export again: the passwords are checked as they are read, and then forgotten.',
  'finding.mail.title': "{label} in {who, select, you {your} other {{person}'s}} mail ({seen})",
  'finding.mail.secret': 'A secret',
  'finding.mail.seen':
    'seen in {count, plural, one {one message} other {# messages}}{when, select, one {, on {first}} range {, from {first} to {last}} other {}}',
  'finding.mail.why':
    'Anyone who could read this mailbox — attackers who broke into the company holding it included — could read and use it.{hasServices, select, yes { It belongs to {services}.} other {}}{stillInUse, select, yes { It is still the password you use there.} other {}} Lockstep kept only a masked description ({hint}), never the secret or the mail.',
  'finding.incident.accounts': 'Your accounts at {domains} will be marked.',
  'finding.incident.families':
    'Every account that signs in with your {families} will be marked, at any of their domains: {domains}{more, plural, =0 {} other { and # more}}.',

  // The window (renderer/src/app).
  'nav.main': 'Main',
  'nav.menu': 'Menu',
  'nav.screens': 'Screens',
  'nav.dashboard': 'Dashboard',
  'nav.team': 'Team',
  'nav.exposure': 'Exposure',
  'nav.tasks': 'Tasks',
  'nav.accounts': 'Accounts',
  'nav.breaches': 'Breaches',
  'nav.mailScan': 'Mailbox scan',
  'nav.guides': 'Guides',
  'nav.people': 'People',
  'nav.reports': 'Reports',
  'nav.settings': 'Settings',
  'nav.dueBadge': '{count, number} due or overdue',
  'nav.footer': 'Everything stays on this computer.',
  'nav.footerVersion': 'Everything stays on this computer. Version {version}.',
  'app.screenFailed': 'This screen could not be shown',
  'app.screenFailedBody': 'Your data is safe: nothing was changed.',
  'app.tryAgain': 'Try again',
  // A call that never reached the main process (renderer/src/api/client.ts).
  'app.bridgeMissing': 'Lockstep’s bridge to its data is missing. Open the app through Lockstep itself.',
  'app.unreachable': 'Lockstep could not reach its data ({problem}).',
  'app.somethingWrong': 'Something went wrong.',
  'notify.failed': 'That did not work',
  'trash.title': 'Deleted in this session',
  'trash.body': 'You can undo these until you close Lockstep.',
  'trash.item': '{label}, at {time}',
  'trash.undoLabel': 'Undo deleting {label}',
  'trash.undo': 'Undo',
  'trash.undoFailed': 'Could not undo',
  'trash.restored': 'Restored.',
  'scope.groups': 'Groups',
  'scope.group': '{group} (group)',
  'scope.label': 'Show for',
  'scope.everyone': 'Everyone',
  'app.historyAltered.title': 'The history of changes has been altered',
  'app.historyAltered.body':
    'Entry {entry} of the tamper-evident history does not match what Lockstep wrote ({reason}). Someone or something changed the data file outside Lockstep, so the record of what was done before that point cannot be trusted. Your accounts and tasks still work.',

  // Dashboard (renderer/src/features/dashboard).
  'dashboard.category.passwords': 'Passwords',
  'dashboard.category.mfa': 'Two-step sign-in',
  'dashboard.category.breaches': 'Breaches',
  'dashboard.category.fixed': '{fixed} of {total} fixed',
  'dashboard.category.progress': '{category}: {fixed} of {total} fixed',
  'dashboard.score.none': 'Nothing open that Lockstep can see',
  'dashboard.score.low': 'Low exposure',
  'dashboard.score.some': 'Some exposure',
  'dashboard.score.high': 'High exposure',
  'dashboard.score.veryHigh': 'Very high exposure',
  'dashboard.score.title': 'Exposure score',
  'dashboard.score.outOf': '/ 100, lower is better',
  'dashboard.trend.later': 'The trend appears after a second day of use.',
  'dashboard.trend.label': 'Score trend: {first} on {firstDay}, {last} on {lastDay}',
  'dashboard.trend.everyone': 'The daily trend is kept for everyone together.',
  'dashboard.loading': 'Loading the dashboard',
  'dashboard.loadFailed': 'The dashboard could not be loaded',
  'dashboard.team.label': 'Your team',
  'dashboard.team.title': 'Your team: {count, plural, one {# person} other {# people}}',
  'dashboard.team.open': 'Open the team view',
  'dashboard.empty.title': "Let's see where you stand",
  'dashboard.empty.import': 'Import from a password manager',
  'dashboard.empty.body':
    'Import your passwords (they are checked and forgotten), or add your most important accounts by hand. Lockstep then shows how exposed you are and the next thing to fix.',
  'dashboard.intro':
    'How exposed {who, select, team {the accounts are} other {you are}}, what changed, and the one thing to do next.',
  'dashboard.overdue': '{count, plural, one {# task is} other {# tasks are}} overdue',
  'dashboard.overdue.see': 'See the tasks',
  'dashboard.fixed.title': 'Fixed so far',
  'dashboard.fixed.figure': '{fixed} of {total}',
  'dashboard.fixed.detail':
    '{count, plural, one {problem} other {problems}} found · {verified} of {tasks, plural, one {# task} other {# tasks}} verified',
  'dashboard.next.title': 'Next best action',
  'dashboard.next.start': 'Start this',
  'dashboard.next.none': 'Nothing open. Re-import now and then to keep checking.',
  'dashboard.checks.title': 'How breached passwords were checked',
  'dashboard.guide.label': 'Guide in progress',
  'dashboard.guide.title':
    'Guide in progress{more, plural, =0 {} other { (and # more on the Guides screen)}}',
  'dashboard.guide.progress': '{done} of {total, plural, one {# step} other {# steps}} done',
  'dashboard.guide.continue': 'Continue',

  // Exposure (renderer/src/features/exposure).
  'exposure.loading': 'Loading findings',
  'exposure.loadFailed': 'Findings could not be loaded',
  'exposure.intro':
    'What is wrong with {who, select, team {the accounts} other {your accounts}}, worst first, and what to do about each.',
  'exposure.import': 'Import passwords',
  'exposure.summary.none': 'Nothing open right now. Fixed {fixed} of {fixed} so far.',
  'exposure.summary':
    '{open, plural, one {# thing} other {# things}} to fix. Fixed {fixed} of {total} so far.',
  'exposure.sources.failedTitle': 'Breach and two-step checks could not run',
  'exposure.sources.failed':
    'The public datasets could not be loaded, so Lockstep cannot say whether your services were breached or offer two-step sign-in. Earlier findings are kept as they were.',
  'exposure.sources.dates':
    'Checked against breach data as of {breaches} (Have I Been Pwned) and the two-step directory as of {twoFactor} (2fa.directory).',
  'exposure.checks.openSettings': 'Open Settings to turn on the online check or install the offline corpus',
  'exposure.empty.title': 'Nothing checked yet',
  'exposure.empty.body':
    'Import an export from your password manager or browser. Lockstep checks each password for breaches, reuse and strength, then forgets it: only the verdicts are kept.',
  'exposure.clean.title': 'No open problems found',
  'exposure.clean.body':
    'Every check that ran came back clean. Checks that need the online service only ran if it is on.',
  'exposure.setAside.toggle': '{shown, select, yes {Hide} other {Show}} {count} set aside',
  'exposure.setAside.label': 'Set aside',
  'exposure.setAside.comesBack': ' · comes back on {date}',
  'exposure.setAside.reopen': 'Reopen',
  'exposure.list': 'Findings',
  'exposure.card.whatToDo': 'What to do:',
  'exposure.card.minutes': '(about {minutes} min)',
  'exposure.card.guideMe': 'Guide me',
  'exposure.card.setAside': 'Set aside…',
  'common.loading': 'Loading…',
  'common.yes': 'Yes',
  'exposure.howToTurnOn': 'How to turn it on at {service}',
  'exposure.howToTurnOnUnnamed': 'How to turn it on at this service',
  'exposure.howToTurnOnSource': '(opens in your browser; from 2fa.directory, data as of {date})',
  'exposure.changedSince': 'Have you changed this password since {since}?',
  'exposure.changedSinceNo': '(No? Then change it — this stays until you do.)',
  'exposure.whenChanged': 'When did you change it?',

  // Inventory labels (common/domain/inventory.ts).
  'inventory.category.email': 'Email',
  'inventory.category.finance': 'Banking & finance',
  'inventory.category.work': 'Work identity',
  'inventory.category.social': 'Social',
  'inventory.category.shopping': 'Shopping',
  'inventory.category.cloud': 'Cloud & storage',
  'inventory.category.developer': 'Developer',
  'inventory.category.government': 'Government',
  'inventory.category.health': 'Health',
  'inventory.category.entertainment': 'Entertainment',
  'inventory.category.utilities': 'Utilities & home',
  'inventory.category.other': 'Other',
  'inventory.criticality.critical': 'Critical',
  'inventory.criticality.important': 'Important',
  'inventory.criticality.standard': 'Standard',
  'inventory.mfa.unknown': 'Not recorded',
  'inventory.mfa.none': 'None',
  'inventory.mfa.sms': 'Text message (SMS)',
  'inventory.mfa.email': 'Email code',
  'inventory.mfa.totp': 'Authenticator app',
  'inventory.mfa.push': 'Push approval',
  'inventory.mfa.passkey': 'Passkey',
  'inventory.mfa.security_key': 'Security key',

  // Accounts (renderer/src/features/accounts).
  'accounts.intro': 'Every account you want to keep safe. Critical ones are fixed first.',
  'accounts.add': 'Add account',
  'accounts.deleted': 'Deleted {service}.',
  'accounts.deleteFailed': 'Could not delete the account',
  'accounts.loading': 'Loading accounts',
  'accounts.loadFailed': 'Your accounts could not be loaded',
  'accounts.empty.title': 'No accounts yet',
  'accounts.empty.addFirst': 'Add your first account',
  'accounts.empty.body':
    'The quickest start is an export from your password manager or browser. Or add the accounts that matter most by hand: your main email, your bank, and your work sign-in.',
  'accounts.filter.label': 'Filter accounts',
  'accounts.search.label': 'Search accounts',
  'accounts.search.placeholder': 'Search service, domain, username, notes…',
  'accounts.search.clear': 'Clear search',
  'accounts.filter.category': 'Filter by category',
  'accounts.filter.allCategories': 'All categories',
  'accounts.filter.criticality': 'Filter by criticality',
  'accounts.filter.anyCriticality': 'Any criticality',
  'accounts.filter.mfa': 'Filter by two-step sign-in',
  'accounts.filter.anyMfa': 'Any two-step',
  'accounts.filter.clear': 'Clear filters',
  'accounts.noMatch.title': 'No accounts match',
  'accounts.noMatch.body': 'Try fewer words, or clear the filters.',
  'accounts.column.service': 'Service',
  'accounts.column.person': 'Person',
  'accounts.column.username': 'Username',
  'accounts.column.category': 'Category',
  'accounts.column.criticality': 'Criticality',
  'accounts.column.mfa': 'Two-step',
  'accounts.column.password': 'Password',
  'accounts.column.changed': 'Changed',
  'accounts.column.actions': 'Actions',
  'accounts.edit': 'Edit {service}{hasUsername, select, yes { ({username})} other {}}',
  'accounts.delete': 'Delete {service}',
  'accounts.deleteShort': 'Delete',
  'accounts.noAddress': 'No address',
  'accounts.changedUnknown': 'Unknown',
  'accounts.showing': 'Showing {count, number} of {total, plural, one {# account} other {# accounts}}',

  'inventory.deletedWith': 'With {count, plural, one {# account} other {# accounts}}',
  'inventory.personAndAccounts': '{name} and {count, plural, one {# account} other {# accounts}}',
  'count.openFindings': '{count, plural, one {# open finding} other {# open findings}}',
  'count.overdueTasks': '{count, plural, one {# overdue task} other {# overdue tasks}}',

  // Import (renderer/src/features/import, electron/services/importService.ts).
  // The formats Lockstep reads (common/domain/import/formats.ts): product names, and the file type.
  'import.format.bitwarden-csv': 'Bitwarden (CSV)',
  'import.format.bitwarden-json': 'Bitwarden (JSON)',
  'import.format.1password-csv': '1Password 8 (CSV)',
  'import.format.1password-1pux': '1Password (1PUX)',
  'import.format.lastpass-csv': 'LastPass (CSV)',
  'import.format.chrome-csv': 'Chrome, Edge, Opera, Brave or Vivaldi (CSV)',
  'import.format.firefox-csv': 'Firefox (CSV)',
  'import.format.apple-csv': 'Apple Passwords / Safari (CSV)',
  'import.format.keepassxc-csv': 'KeePassXC / KeePassX (CSV)',
  'import.format.keepass-xml': 'KeePass 2 (XML)',
  'import.format.dashlane-csv': 'Dashlane (CSV)',
  'import.format.protonpass-csv': 'Proton Pass (CSV)',
  'import.format.nordpass-csv': 'NordPass (CSV)',
  'import.format.keeper-csv': 'Keeper (CSV)',
  'import.format.keeper-json': 'Keeper (JSON)',
  'import.format.roboform-csv': 'RoboForm (CSV)',
  'import.format.enpass-json': 'Enpass (JSON)',
  'import.format.enpass-csv': 'Enpass (CSV, older versions)',
  'import.format.zoho-vault-csv': 'Zoho Vault (CSV)',
  'import.format.passbolt-csv': 'Passbolt (CSV)',
  'import.format.sticky-xml': 'Sticky Password (XML)',
  'import.format.psono-json': 'Psono (JSON)',
  'import.format.kaspersky-txt': 'Kaspersky Password Manager (TXT)',
  'import.format.avira-csv': 'Avira Password Manager (CSV)',
  'import.format.generic-csv': 'Other CSV (you choose the columns)',
  'import.untitledLogin': 'Untitled login',
  'import.reason.note': 'Secure note, not a login',
  'import.reason.card': 'Credit card, not a login',
  'import.reason.identity': 'Identity, not a login',
  'import.reason.sshKey': 'SSH key, not a login',
  'import.reason.folder': 'Folder, not a login',
  'import.reason.alias': 'E-mail alias, not a login',
  'import.reason.noPassword': 'No password',
  'import.reason.archived': 'Archived item',
  'import.reason.recycleBin': 'In the recycle bin',
  'import.reason.trash': 'In the trash',
  'import.reason.history': 'Older version of an entry (KeePass history)',
  'import.reason.bookmark': 'Bookmark (a web address without a login), not a login',
  'import.reason.strayQuote':
    'A quote mark (") in this row is out of place, so its values cannot be read reliably',
  'import.reason.otpAsPassword':
    'The password field holds a one-time-code secret (otpauth://), not a password',
  'import.reason.passkeyOnly': 'No password (passkey only)',
  'import.reason.totpOnly': 'One-time-code item without a password, not a login',
  'import.reason.environment': 'Environment variables, not a login',
  'import.reason.gpgKey': 'GPG key, not a login',
  // 1Password's item categories (common/domain/import/onePux.ts), as "{name}, not a login".
  'import.onePuxCategory.creditCard': 'Credit card',
  'import.onePuxCategory.secureNote': 'Secure note',
  'import.onePuxCategory.identity': 'Identity',
  'import.onePuxCategory.document': 'Document',
  'import.onePuxCategory.softwareLicence': 'Software licence',
  'import.onePuxCategory.bankAccount': 'Bank account',
  'import.onePuxCategory.database': 'Database',
  'import.onePuxCategory.driversLicence': 'Driver’s licence',
  'import.onePuxCategory.outdoorLicence': 'Outdoor licence',
  'import.onePuxCategory.membership': 'Membership',
  'import.onePuxCategory.passport': 'Passport',
  'import.onePuxCategory.rewardsProgramme': 'Rewards programme',
  'import.onePuxCategory.socialSecurityNumber': 'Social Security number',
  'import.onePuxCategory.wirelessRouter': 'Wireless router',
  'import.onePuxCategory.server': 'Server',
  'import.onePuxCategory.emailAccount': 'E-mail account',
  'import.onePuxCategory.apiCredential': 'API credential',
  'import.onePuxCategory.medicalRecord': 'Medical record',
  'import.onePuxCategory.sshKey': 'SSH key',
  'import.reason.shiftedRow':
    'Row has {fields, number} fields but the header has {width, number}, so its values may have shifted; it was not read',
  'import.reason.untyped': 'Item without a type, not a login',
  'import.reason.otherType': 'Item of type "{type}", not a login',
  'import.reason.unknownType': 'Item of an unknown type, not a login',
  'import.reason.category':
    '{known, select, yes {Item of category {category}} other {Item of an unknown category}}',
  'errors.link.openFailed': 'Could not open the link',
  'import.reason.firefoxAccounts': 'Firefox Accounts record (chrome://), not a website login',
  'import.reason.keeperFields': 'Row has too few fields for a Keeper export',
  'import.reason.noLogin': 'Entry without a login, not a login',
  'import.reason.namedNotLogin': '{name}, not a login',
  'import.reason.duplicate': 'Same site and username as row {row}; the first one is kept',
  'import.notice.shorterRows':
    '{count, plural, one {# row} other {# rows}} had fewer fields than the header; the missing fields were read as empty.',
  'import.notice.longerRows':
    '{count, plural, one {# row} other {# rows}} had more fields than the header and {count, plural, one {was not read: its} other {were not read: their}} values may have shifted (a comma in a value that was not quoted).',
  'import.notice.windows1252':
    'The file is not UTF-8, so it was read as Windows-1252 (Western European). If accented letters in names or passwords look wrong, export the file again as UTF-8.',
  'import.phase.analysing': 'Checking password strength, reuse and common passwords',
  'import.phase.checkingOnline':
    'Checking passwords online (only the first 5 characters of a scrambled form of each are sent)',
  'import.phase.saving': 'Saving',
  'import.phase.done': 'Done',
  'import.starting': 'Starting…',
  'import.progress': 'Import progress',
  'import.progressCount': '{done, number} of {total, number}',
  'import.preparing': 'Preparing the analysis…',
  'import.nothingSavedYet': 'Nothing is saved until the end: cancelling leaves your data as it was.',
  'import.cancelImport': 'Cancel import',
  'import.finished': 'Import finished',
  'import.finishedBody':
    '{created, number} added, {updated, number} updated, {skipped, number} skipped. The passwords were analysed and forgotten: only the verdicts are kept.',
  'import.whatNeedsFixing': 'What needs fixing',
  'import.findingKind': '{kind}: {count, number}',
  'import.noProblems': 'No problems found by the checks that ran.',
  'import.thisPerson': 'this person',
  'import.done': 'Done',
  'import.seeWhatToFix': 'See what to fix',
  'import.choose.intro':
    'Export your passwords from your password manager or browser ({managers}, or any CSV). Lockstep reads the file, checks each password, and keeps only the verdicts:',
  'import.choose.neverSaved': 'no password is ever saved.',
  'import.choose.deleteAfter': 'Delete the export file afterwards.',
  'import.choose.whose': 'Whose accounts are these?',
  'import.choose.drop': 'Drop the export file here',
  'import.choose.or': 'or',
  'import.choose.file': 'Choose file…',
  'import.cannotImport': 'This file cannot be imported',
  'import.mapping.choose': 'Choose a column',
  'import.mapping.none': 'None',
  'import.mapping.title': 'Lockstep does not recognise the columns of {file}',
  'import.mapping.body': 'Say which columns hold what. Columns you leave out are ignored.',
  'import.mapping.url': 'Web address',
  'import.mapping.password': 'Password',
  'import.mapping.username': 'Username or email',
  'import.mapping.title.field': 'Name of the service',
  'import.mapping.totp': 'Two-step (authenticator app) secret',
  'import.mapping.preview': 'Preview',
  'import.stat.format': 'Format',
  'import.stat.logins': 'Logins found',
  'import.stat.new': 'New accounts',
  'import.stat.updated': 'Updated accounts',
  'import.aboutFile': 'About this file',
  'import.skipped': '{count, plural, one {# row is} other {# rows are}} skipped',
  'import.skippedScroll': 'Skipped rows, scrollable',
  'import.skippedList': 'Skipped rows',
  'import.skippedRow': 'Row {row}: {reason}',
  'import.tableScroll': 'Accounts to import, scrollable',
  'import.table': 'Accounts to import',
  'import.column.row': 'Row',
  'import.column.action': 'Action',
  'import.action.new': 'New',
  'import.action.update': 'Update',
  'import.showingFirst': 'Showing the first {shown, number} of {total, number}.',
  'import.confirm': 'Import {count, plural, one {# account} other {# accounts}}',
  'import.addresses.added': 'Addresses added',
  'import.addresses.addedBody':
    '{count, plural, one {# address was} other {# addresses were}} added to {person}.',
  'import.addresses.label': 'Add these sign-in addresses to {person}’s email addresses?',
  'import.addresses.description':
    'Lockstep then also checks them: breaches of an address, and notices sent to it.',
  'import.addresses.add': 'Add {count, plural, one {# address} other {# addresses}}',
  'common.close': 'Close',
  'common.cancel': 'Cancel',

  // Guides (common/domain/guides, renderer/src/features/guides).
  'guides.size': '{steps, plural, one {# step} other {# steps}} · about {minutes} min',
  'guides.sizeSaved': '{steps, plural, one {# step} other {# steps}} · about {minutes} min · saved as you go',
  'guides.sizeSummary': '{steps, plural, one {# step} other {# steps}} · about {minutes} min — {summary}',
  'guides.imported': ' · imported',
  'guides.bestFit': '{title} (best fit)',
  'guide.listAtMost': 'List at most {count, plural, one {# item} other {# items}}.',
  'guide.effect.taskPerItem': 'Adds a task for each item you list (“{title}”).',
  'guide.effect.task': 'Adds the task “{title}”.',
  'guide.effect.eachItem': 'each item',
  'guide.effect.mfaAsk': 'Records the two-step method you choose on {service}.',
  'guide.effect.mfa': 'Records two-step sign-in ({method}) on {service}.',
  'guide.effect.passwordChanged': 'Records today as the date the {service} password was changed.',
  'guide.effect.recovery': 'Marks the recovery details of {service} as checked today.',
  'guide.effect.mailScan':
    'Adds the secrets a mailbox scan found, each with its task, to this step’s follow-up list.',
  'guide.done.chooseMfa': 'Choose the two-step method that was turned on.',
  'guide.done.noList': 'This step does not ask for a list.',

  // How breached passwords were checked (common/domain/passwords/coverage.ts).
  'coverage.gap.failed':
    'The online check failed{hasDate, select, yes { on {date}} other {}}: {count, plural, one {# password was} other {# passwords were}} not checked online. Import your export again when you are connected to check {count, plural, one {it} other {them}}.',
  'coverage.gap.beforeEnabled':
    '{count, plural, one {# password was} other {# passwords were}} imported before the online check was turned on and {count, plural, one {has} other {have}} not been checked online. Import your export again to check {count, plural, one {it} other {them}}.',
  'coverage.gap.beforeInstalled':
    '{count, plural, one {# password has} other {# passwords have}} not been checked against your offline copy of the corpus{hasDate, select, yes { (built {date})} other {}}: {count, plural, one {it was} other {they were}} imported before it was installed. Import your export again to check {count, plural, one {it} other {them}}.',
  'coverage.gap.unavailable':
    'Your offline copy of the corpus cannot be used{hasProblem, select, yes { ({problem})} other {}}, so {count, plural, one {# password was} other {# passwords were}} not checked against it. Rebuild or remove it in Settings.',
  'coverage.none': 'No passwords have been imported yet, so none has been checked.',
  'coverage.commonList':
    '{count, plural, one {The 1 imported password was} other {All # passwords were}} checked against the bundled list of the 100,000 most common leaked passwords (UK NCSC, 2019).',
  'coverage.offline':
    '{count, plural, one {# password} other {# passwords}} against your offline copy of the Have I Been Pwned corpus (built {date}).',
  'coverage.online':
    '{count, plural, one {# password} other {# passwords}} online, against the full Have I Been Pwned corpus.',
  'coverage.mayStillHaveLeaked':
    'A password not on the common list may still have leaked: turn on the online check, or install the offline corpus, in Settings.',
  'coverage.source.common': 'the bundled list of the 100,000 most common leaked passwords',
  'coverage.source.offline': 'your offline copy of the Have I Been Pwned corpus',
  'coverage.source.online': 'the full Have I Been Pwned corpus online',
  'coverage.import.checked':
    'Breached passwords were checked against {sources}{only, select, yes { only} other {}}.',
  'coverage.import.offlineUnavailable':
    'Your offline copy of the corpus could not be used, so they were not checked against it.',
  'coverage.import.onlineFailed':
    'The online check could not reach Have I Been Pwned: none was checked online, which is not the same as safe.',
  'coverage.import.onlinePartial':
    'The online check could not reach Have I Been Pwned for some passwords: those were not checked online, which is not the same as safe.',

  // Settings (renderer/src/features/settings).
  'settings.intro':
    'Lockstep works offline. Anything online is off until you turn it on, and every request is listed below.',
  'settings.loading': 'Loading settings',
  'settings.changeFailed': 'Could not change the setting',
  'settings.online.title': 'Online breached-password check',
  'settings.online.body':
    'Checks imported passwords against the full Have I Been Pwned list of over a billion leaked passwords. Your passwords never leave this computer: only a short fragment of a scrambled form of each is sent, shared by hundreds of other passwords, so the service cannot tell which one you have. It runs at the next import.',
  'settings.online.how':
    'Lockstep computes each password’s SHA-1 hash and sends only its first 5 characters to the Pwned Passwords range API. The answer lists every leaked hash that starts with those characters (hundreds of them), and Lockstep looks for the rest of the hash on this computer. This is called k-anonymity: the service never sees the password or the whole hash.',
  'settings.online.switch': 'Check passwords online with Have I Been Pwned',
  'settings.reminders.title': 'Reminders',
  'settings.reminders.switch':
    'Remind me once a day about tasks that are due or overdue (a desktop notification)',
  'settings.ledger.title': 'Network ledger',
  'settings.ledger.body': 'Every request Lockstep has made, with exactly what it sent.',
  'settings.ledger.none': 'No requests yet: nothing has left this computer.',
  'settings.ledger.table': 'Network requests',
  'settings.ledger.when': 'When',
  'settings.ledger.request': 'Request',
  'settings.ledger.sent': 'What was sent',
  'settings.ledger.outcome': 'Outcome',
  'settings.offline.title': 'Offline breached-password check',
  'settings.offline.body':
    'The full Have I Been Pwned password list, on this computer, without sending anything: download it with the official downloader (about 40 GB), then let Lockstep build its index from it (about 7 GB). Every import then checks against it, on this computer only.',
  'settings.offline.how':
    'The official downloader saves the list as text files of SHA1:COUNT lines (a password’s SHA-1 hash and how many times it was seen). Lockstep sorts these into a compact index it can search in a fraction of a second.',
  'common.howThisWorks': 'How this works',

  // Tasks (renderer/src/features/tasks).
  'tasks.overdue': 'Overdue',
  'tasks.status.todo': 'To do',
  'tasks.status.in_progress': 'In progress',
  'tasks.status.done': 'Done',
  'tasks.status.snoozed': 'Snoozed',
  'tasks.status.wont_do': "Won't do",
  'tasks.helperName': 'Helper: {name}',
  'tasks.bulk.updated': '{count, plural, one {# task} other {# tasks}} updated.',
  'tasks.bulk.failed': 'Could not update the tasks',
  'tasks.intro':
    'One concrete step per thing to fix. A task counts as fixed when the checks agree. Verified so far: {verified} of {total}.',
  'tasks.add': 'Add a task',
  'tasks.view.open': 'Open ({count})',
  'tasks.view.done': 'Done ({count})',
  'tasks.view.wontDo': "Won't do ({count})",
  'tasks.view.label': 'Which tasks',
  'tasks.assignee.label': 'Assigned to',
  'tasks.assignee.anyone': 'Assigned to anyone',
  'tasks.assignee.mine': 'My tasks',
  'tasks.assignee.mineNamed': 'My tasks ({name})',
  'tasks.assignee.none': 'Not assigned',
  'tasks.assignee.person': 'Assigned to {name}',
  'tasks.loading': 'Loading tasks',
  'tasks.empty.filtered': 'Nothing to do here. Clear the filters to see everyone’s tasks.',
  'tasks.empty.open': 'Nothing to do right now. Import or add accounts to check them.',
  'tasks.empty.none': 'None yet.',
  'tasks.bulk.label': 'Selected tasks',
  'tasks.bulk.selected': '{count} selected',
  'tasks.bulk.start': 'Start',
  'tasks.bulk.snoozeWeek': 'Snooze a week',
  'tasks.bulk.assign': 'Assign…',
  'tasks.bulk.wontDo': "Won't do…",
  'tasks.bulk.selectAll': 'Select all {count}',
  'tasks.bulk.clear': 'Clear selection',
  'tasks.bulk.wontDoTitle': "Won't do {count, plural, one {# task} other {# tasks}}",
  'tasks.whyNot': 'Why not?',
  'tasks.card.select': 'Select {title}',
  'tasks.card.until': ' until {date}',
  'tasks.card.due': ' · due {date}',
  'tasks.card.overdue': ' · overdue',
  'tasks.card.assignedTo': ' · assigned to {name}',
  'tasks.card.verified': 'Verified',
  'tasks.card.notVerified': 'Not verified',
  'tasks.card.notVerifiedWhy': 'Not verified: the checks still see the problem.',
  'tasks.card.wontDoReason': "Won't do: {reason}",
  'tasks.card.done': 'Done…',
  'tasks.card.snooze': 'Snooze…',
  'tasks.card.plan': 'Plan…',
  'tasks.assign.title': 'Assign {count, plural, one {# task} other {# tasks}}',
  'tasks.assign.done': '{count, plural, one {# task} other {# tasks}} assigned.',
  'tasks.assign.who': 'Who does it',
  'tasks.assign.choose': 'Choose someone',
  'tasks.assign.helper': 'IT helper: {name}',
  'tasks.assign.other': 'Another helper…',
  'tasks.assign.none': 'No one (take the assignment back)',
  'tasks.assign.helperName': "The helper's name",
  'tasks.assign.helperNameHint':
    'Someone who is not one of the people here, such as an outside IT technician.',
  'tasks.assign.submit': 'Assign',
  'tasks.priority': 'Priority',
  'tasks.plan.due': 'Due date (empty: no date)',
  'tasks.done.passwordOn': 'I changed the password on',
  'tasks.done.replacedOn': 'I replaced it on',
  'tasks.done.replacedOnHint':
    'Revoked the key or token, changed the password, or had the card replaced. Lockstep keeps only this date.',
  'tasks.done.mfaWith': 'Two-step sign-in is now on with',
  'tasks.done.recheck': 'Lockstep re-runs its checks: the task counts as fixed only if they agree.',
  'tasks.done.note': 'Note (optional)',
  'tasks.done.submit': 'Mark done',
  'tasks.snooze.on': 'Remind me again on',
  'tasks.snooze.hint': 'From tomorrow to two weeks from today.',
  'tasks.snooze.submit': 'Snooze',
  'tasks.add.what': 'What needs doing?',
  'tasks.add.whose': 'Whose task (optional)',
  'tasks.add.noOne': 'No one in particular',
  'tasks.add.submit': 'Add task',
  'common.save': 'Save',

  // Task titles and history notes (common/domain/tasks).
  'task.title.changePassword':
    "{who, select, you {Change your password at {subject}} other {Change {owner}'s password at {subject}}}",
  'task.title.enableMfa': "Turn on two-step sign-in at {who, select, you {} other {{owner}'s }}{subject}",
  'task.title.upgradeMfa':
    "Switch {who, select, you {} other {{owner}'s }}{subject} to a stronger second step",
  'task.title.fixUrl': "Sign in to {who, select, you {} other {{owner}'s }}{subject} only over https",
  'task.title.reviewEmail':
    "{who, select, you {Check the accounts that use {subject}} other {Check {owner}'s accounts that use {subject}}}",
  'task.title.rotateSecret':
    "Replace the {subject} found in {who, select, you {your} other {{owner}'s}} mail",
  'task.title.owned': '{title} ({owner})',
  'task.title.notice': 'Respond to the {provider} notice',
  'task.title.noticeUnnamed': 'Respond to the breach notice',
  'task.thisAddress': 'this address',
  'task.accountNumber': 'Account {id}',
  'task.history.stillOpen': 'Still open: {why}',
  'task.history.snoozeEnded': 'Snooze ended',
  'task.history.doneByHand': 'Marked done by hand.',
  'task.history.verified': 'Verified: the checks no longer see the problem.',
  'task.history.resolvedItself': 'Resolved by itself: the checks no longer see the problem.',
  'task.link.changePassword': 'Change-password page at {service}',
  'task.link.mfa': 'How to turn on two-step sign-in at {service}',
  'task.link.mfaUnnamed': 'How to turn on two-step sign-in at the service',

  // Guide session summaries (common/domain/guides/summary.ts): Markdown, HTML and PDF.
  'summary.status.done': 'Done',
  'summary.status.skipped': 'Skipped for now',
  'summary.status.blocked': 'Blocked',
  'summary.status.pending': 'Not started',
  'summary.noHelper': 'None — done by the person',
  'summary.footer':
    'Made by Lockstep on {date}. Lockstep never stores passwords or two-step codes; this summary lists only what was done.',
  'summary.elapsed.underMinute': 'under a minute',
  'summary.elapsed.minutes': '{minutes} min',
  'summary.elapsed.hours': '{hours} h {minutes} min',
  'summary.when.inProgress': '{start} (in progress)',
  'summary.fact.for': 'For',
  'summary.fact.provider': 'Provider',
  'summary.fact.date': 'Date',
  'summary.fact.timeTaken': 'Time taken',
  'summary.fact.helper': 'Helper',
  'summary.fact.guideVersion': 'Guide version',
  'summary.untitledStep': 'Untitled step',
  'summary.untitledGuide': 'Untitled guide',
  'summary.untitledTask': 'Untitled task',
  'summary.title': 'Session summary: {guide}',
  'summary.task.noDue': 'no due date',
  'summary.task.due': 'due {date}',
  'summary.task.none': 'None',
  'summary.task.verified': 'Done and verified',
  'summary.progress': 'Progress:',
  'summary.steps': 'Steps',
  'summary.noSteps': 'This guide has no steps.',
  'summary.note': 'Note:',
  'summary.recorded': 'Recorded:',
  'summary.listed': 'Listed:',
  'summary.followUps': 'Follow-up tasks',
  'summary.noFollowUps': 'No follow-up tasks.',
  'summary.taskStatus': 'Status: {status}',
  'summary.stillToDo': 'Still to do',
  'summary.stillToDoStep': 'Step {number}: {title} — {status}',
  'summary.column.task': 'Task',
  'summary.column.due': 'Due',
  'summary.column.status': 'Status',

  // Data safety (renderer/src/features/dataSafety).
  'dataSafety.backedUp': 'Backed up: {count, plural, one {# account} other {# accounts}}, {size}.',
  'dataSafety.cannotRestore': 'Cannot be restored: {problem}',

  // Breaches and the mailbox scan (renderer/src/features/breaches, mailScan).
  'breaches.detail':
    'Breached {date} · {count, plural, one {# account} other {# accounts}} · added to Have I Been Pwned {added}',
  'breaches.unknownDate': 'on an unknown date',
  'mailScan.progress':
    '{count, plural, one {# message} other {# messages}} read, {done} of {total} ({percent}%).',
  'mailScan.paused':
    'Paused after {count, plural, one {# message} other {# messages}} ({done}{hasTotal, select, yes { of {total}} other {}}).',
  'mailScan.historyNote':
    '{source}: {messages, plural, one {# message} other {# messages}}, {secrets, plural, one {# secret} other {# secrets}} found, {parts, plural, one {# part} other {# parts}} not decoded',
  'mailScan.read': 'Read {count, plural, one {# message} other {# messages}} ({size}).',

  // Counts used across screens.
  'count.accounts': '{count, plural, one {# account} other {# accounts}}',
  'count.people': '{count, plural, one {# person} other {# people}}',
  'count.findings': '{count, plural, one {# finding} other {# findings}}',
  'count.tasks': '{count, plural, one {# task} other {# tasks}}',
  'count.rows': '{count, plural, one {# row} other {# rows}}',
  'count.passwords': '{count, plural, one {# password} other {# passwords}}',
  'count.messages': '{count, plural, one {# message} other {# messages}}',
  'count.breaches': '{count, plural, one {# breach} other {# breaches}}',
  'count.steps': '{count, plural, one {# step} other {# steps}}',
  'count.minutes': '{count, plural, one {# minute} other {# minutes}}',
} as const satisfies Record<string, string>;

/**
 * The whole catalogue: the core words above and each area's own file. An id is defined once
 * (a test checks that no area repeats another's id).
 */
export const EN = { ...CORE, ...GUIDES, ...OFFICE, ...MAIN, ...FILES } as const;

/** Each part of the catalogue, by name: for the test that no id is defined twice. */
export const CATALOGUE_PARTS = { CORE, GUIDES, OFFICE, MAIN, FILES } as const;

/** The id of a message in the catalogue. */
export type MessageId = keyof typeof EN;
