/**
 * Lockstep's words for the guide screens: Guides, guide mode, its steps and
 * summary, the start dialog and the checklist board, in English; and the problems a guide file or
 * incidents file is refused for (`guideFile.*`; the problems any JSON file can have are `jsonFile.*`
 * in `./files.ts`). Part of the one catalogue (`../en.ts`,
 * which gives the rules for ids and voice); kept in a file of its own so an area's words are found
 * together. An id is defined in one file only.
 *
 * A guide's own words (its title, steps, instructions and sources, under `electron/data/guides`) are
 * authored content, translated as whole files: they reach these messages as values, never as ids.
 */
export const GUIDES = {
  // The library (renderer/src/features/guides/GuidesScreen.tsx).
  'guides.intro':
    'Step-by-step help for securing an account or responding to a breach, each step with where the advice comes from.',
  'guides.loading': 'Loading guides',
  'guides.library': 'Guide library',
  'guides.forYourFindings': 'For your findings',
  'guides.loadingGuide': 'Loading the guide',
  'guides.importedFrom':
    'Imported{hasAuthor, select, yes { · by {author}} other {}} · version {version}. Not written by Lockstep: check the advice is from someone you trust.',
  'guides.start': 'Start this guide',
  'guides.startForMany': 'Start for several people…',
  'guides.export': 'Export…',
  'guides.exported': 'Guide exported',
  'guides.exportFailed': 'The guide was not exported',
  'guides.provider': 'Provider',
  'guides.import': 'Import a guide…',
  'guides.importDone': 'Guide imported',
  'guides.importDoneBody': '{title} (version {version}). It is shown as data only; nothing in it runs.',
  'guides.importRefused': 'The guide was not imported',
  'guides.importProblems': 'Problems in the file',
  'guides.ok': 'OK',

  // Runs under way and finished, and checklists, on the library screen.
  'guides.runs.checklists': 'Checklists',
  'guides.runs.inProgress': 'In progress',
  'guides.runs.finished': 'Finished',
  'guides.runs.checklistProgress':
    '{finished} of {total} finished · {stuck} stuck{hasStuck, select, yes { ({names})} other {}}',
  'guides.runs.openBoard': 'Open board',
  'guides.runs.continue': 'Continue',
  'guides.runs.summary': 'Summary',
  'guides.runs.personAndAccount': '{person} — {account}',
  'guides.runs.noAccount': 'No account',
  'guides.runs.detail': '{who} · {detail}',
  'guides.runs.finishedOn': '{date}{hasHelper, select, yes { · with {helper}} other {}}',

  // Starting a guide from the library.
  'guides.startDialog.title': 'Start: {guide}',
  'guides.startDialog.account': 'For which account',
  'guides.startDialog.accountHint':
    'What you record in the guide (two-step method, password date, recovery check) is saved on this account. Leave empty for none.',
  'guides.startDialog.noAccount': 'No particular account',
  'guides.startDialog.accountOption':
    '{service}{hasUsername, select, yes { ({username})} other {}}{hasPerson, select, yes { — {person}} other {}}',
  'guides.startDialog.submit': 'Start guide',
  'guides.startDialog.failed': 'The guide could not start',

  // "Guide me" (renderer/src/features/guides/StartGuideDialog.tsx).
  'startGuide.title': 'Follow a guide',
  'startGuide.loading': 'Finding the right guide',
  'startGuide.accountLabel': '{service} ({hasUsername, select, yes {{username}} other {no username}})',
  'startGuide.none': 'No guide in the library fits this yet. The Guides screen lists every guide.',
  'startGuide.guide': 'Guide',
  'startGuide.accounts': 'For which accounts',
  'startGuide.accountsHint':
    'What you do in the guide — a new password, two-step sign-in — is recorded on each account you tick.',
  'startGuide.account': 'For which account',
  'startGuide.accountHint': 'What you do in the guide is recorded on this account.',
  'startGuide.forOne': 'For {service}: what you do in the guide is recorded on this account.',

  // Progress and whose run it is (renderer/src/features/guides/useStepActions.ts).
  'guideRun.for.personAndAccount': 'For {person} — {account}',
  'guideRun.for.one': 'For {name}',
  'guideRun.for.none': 'Not tied to an account',
  'guideRun.failed': 'That did not work.',

  // A guide being followed (renderer/src/features/guides/GuideRunScreen.tsx).
  'guideRun.cannotShow': 'This guide run cannot be shown',
  'guideRun.notFinished': 'The guide is not finished',
  'guideRun.backToChecklist': '← The checklist',
  'guideRun.allGuides': '← All guides',
  'guideRun.origin.library': 'Guide library',
  'guideRun.origin.checklist': 'Checklist: {guide}',
  'guideRun.helper': 'Helper: {name}',
  'guideRun.guideMode': 'Guide mode',
  'guideRun.summary': 'Summary',
  'guideRun.stop': 'Stop guide…',
  'guideRun.modeHint':
    'Guide mode shows one step at a time in large type, for a helper sitting beside someone. Keys: ← →, D, S, B, N.',
  'guideRun.finished.title': 'Guide finished',
  'guideRun.finished.body': 'Finished {date}. {progress}.',
  'guideRun.finished.seeSummary': 'See the summary',
  'guideRun.stopped.title': 'Guide stopped',
  'guideRun.stopped.body':
    'This run was stopped. What was done stays recorded; start the guide again from the library to continue.',
  'guideRun.marked': '{marked} of {total} marked',
  'guideRun.doneShare': '{done} of {total, plural, one {# step} other {# steps}} done',
  'guideRun.skippedShare': '{count} skipped',
  'guideRun.blockedShare': '{count} blocked',
  'guideRun.allMarked.title': 'Every step is marked',
  'guideRun.allMarked.body':
    'Finish to close this guide{followUps, select, yes {: skipped and blocked steps become follow-up tasks} other {}}.',
  'guideRun.finish': 'Finish guide',
  'guideRun.steps': 'Steps',
  'guideRun.stepButton': 'Step {number}: {title} ({status})',
  'guideRun.previous': 'Previous step',
  'guideRun.next': 'Next step',
  'guideRun.stopDialog.title': 'Stop this guide?',
  'guideRun.stopDialog.body':
    'What was already done stays recorded. The guide will no longer be listed as in progress.',
  'guideRun.stopDialog.keepGoing': 'Keep going',
  'guideRun.stopDialog.stop': 'Stop guide',

  // What completing a step recorded (common/domain/guides/run.ts), kept with the run.
  'guideRun.applied.mfa': 'Recorded two-step sign-in ({method}) on {service}',
  'guideRun.applied.password': 'Recorded a new password on {service} ({date})',
  'guideRun.applied.recovery': 'Marked the recovery details of {service} as checked ({date})',
  'guideRun.applied.task': 'Added the task "{title}"{hasDue, select, yes {, due {due}} other {}}',
  // What a person may type into a run (common/domain/guides/run.ts).
  'guideRun.item.problem': '"{item}": {problem}',
  'guideRun.item.empty': 'Write a name for it.',
  'guideRun.item.tooLong': 'Keep it under {max, number} characters.',
  'guideRun.item.oneLine': 'Use one line of plain text.',
  'guideRun.item.secret':
    'That looks like the secret itself. Write what it is, such as "AWS key for billing", not the key.',
  'guideRun.note.tooLong': 'Keep the note under {max, number} characters.',
  'guideRun.note.secret':
    'That looks like a password, key or code. Notes are for what happened, never the secret itself.',

  // One step (renderer/src/features/guides/StepDetails.tsx, StepPanel.tsx).
  'step.position': 'Step {number} of {total}',
  'step.minutes': 'about {minutes} min',
  'step.whyItMatters': 'Why it matters:',
  'step.whatToDo': 'What to do',
  'step.source': 'Source:',
  'step.whenDone': 'When it is done: {effects}',
  'step.blocked.label': 'What is in the way?',
  'step.blocked.hint': "For example: no phone to receive the code, the provider's site is down.",
  'step.blocked.submit': 'Mark blocked',
  'step.note.label': 'Note on this step',
  'step.note.hint': 'Names and facts only: never a password or a code.',
  'step.note.submit': 'Save note',
  'step.yesDone': 'Yes, done',
  'step.markDone': 'Mark done',
  'step.skip': 'Skip for now',
  'step.block': 'Blocked…',
  'step.reset': 'Back to not started',
  'step.editNote': 'Edit note',
  'step.addNote': 'Add a note',
  'step.doneForm': 'Mark this step done',
  'step.whichMfa': 'Which two-step method is on now?',
  'step.listHint':
    'One {item} per line, at most {max}. Write what it is ("AWS key for billing"), never the secret itself. Ctrl+Enter to save.',
  'step.mailScan.title': 'Let Lockstep look through the mail',
  'step.mailScan.body':
    'Export the mailbox (an mbox file, or a folder of .eml files) and scan it on this computer: the scan lists every password, key, code, card number and reset link it finds, each with its task. Neither the secrets nor the mail are kept.',
  'step.mailScan.found':
    '{count, plural, =0 {No scan has found a secret yet.} one {Scans so far found # secret still to replace: marking this step done adds it to its follow-up list.} other {Scans so far found # secrets still to replace: marking this step done adds them to its follow-up list.}}',
  'step.mailScan.scan': 'Scan a mailbox export…',

  // Guide mode (renderer/src/features/guides/GuideMode.tsx).
  'guideMode.status': '{hasWho, select, yes {{who}. } other {}}{progress}.',
  'guideMode.helper.label': 'Who is helping today?',
  'guideMode.helper.hint':
    'Recorded on this session, its summary and the history of changes. Leave it empty if the person is on their own.',
  'guideMode.helper.start': 'Start guide mode',
  'guideMode.noHelper': 'No helper named',
  'guideMode.elapsed': 'Elapsed',
  'guideMode.elapsedLabel': 'Elapsed {time}',
  'guideMode.allMarked': 'Every step is marked.',
  'guideMode.pressToFinish':
    'Press {key} to finish and see the summary.{followUps, select, yes { Skipped and blocked steps become follow-up tasks.} other {}}',
  'guideMode.finish': 'Finish and see the summary',
  'guideMode.previous': 'Previous',
  'guideMode.next': 'Next',
  'guideMode.leave': 'Leave guide mode (Esc)',
  'guideMode.keys': 'Keyboard',
  'guideMode.key.move': 'move',
  'guideMode.key.done': 'done',
  'guideMode.key.skip': 'skip',
  'guideMode.key.blocked': 'blocked',
  'guideMode.key.note': 'note',
  'guideMode.key.finish': 'finish',
  'guideMode.key.leave': 'leave',
  'guideMode.key.escape': 'Esc',

  // The session summary screen (renderer/src/features/guides/SummaryScreen.tsx).
  'summary.loading': 'Loading the summary',
  'summary.pdfSaved': 'PDF saved',
  'summary.markdownSaved': 'Markdown saved',
  'summary.notSaved': 'The summary was not saved',
  'summary.backToGuide': '← Back to the guide',
  'summary.print': 'Print',
  'summary.saveAsPdf': 'Save as PDF',
  'summary.saveAsMarkdown': 'Save as Markdown',
  'summary.label': 'Session summary',
  // "5 of 8 steps done · 2 skipped · 1 blocked · 1 not started": zero parts left out, except the first.
  'summary.progressLine':
    '{done} of {total, plural, one {# step} other {# steps}} done{skipped, plural, =0 {} other { · # skipped}}{blocked, plural, =0 {} other { · # blocked}}{pending, plural, =0 {} other { · # not started}}',
  'summary.forWhom': '{person} — {account}',
  'summary.when.range': '{start} – {end}',

  // A checklist for several people (renderer/src/features/guides/ChecklistBoard.tsx).
  'checklist.state.finished': 'Finished',
  'checklist.state.stopped': 'Stopped',
  'checklist.state.stuck': 'Stuck',
  'checklist.state.notStarted': 'Not started',
  'checklist.state.inProgress': 'In progress',
  'checklist.loading': 'Loading the checklist',
  'checklist.title': 'Checklist: {guide}',
  'checklist.started':
    'Started {date} for {count, plural, one {# person} other {# people}}{hasHelper, select, yes { · Helper: {helper}} other {}}',
  'checklist.progress': '{finished} of {total} finished · {stuck} stuck · {notStarted} not started',
  'checklist.people': 'Each person',
  'checklist.someone': 'Someone',
  'checklist.someoneGone': 'Someone no longer here',
  'checklist.noEmail': 'No email account recorded',
  'checklist.runLine': '{account} · {progress}',
  'checklist.runProgress': '{name}: {progress}',
  'checklist.continue': 'Continue',
  'checklist.summary': 'Summary',
  'checklist.action': '{action}: {name}',

  // The problems listed when a guide file or incidents.json is refused, written for the file's
  // author (common/content/guides/schema.ts, loader.ts); what any JSON file can get wrong (a wrong
  // type, a missing field, a limit) is `jsonFile.*` (./files.ts). Field names, ids and values from
  // the file are passed in as values: they are the file format's words and are shown as they are.
  'guideFile.tooLarge':
    'The file is too large ({size, plural, one {# character} other {# characters}}; at most {max, number}).',
  'guideFile.text.spaces': 'Remove the spaces at the start or end.',
  'guideFile.text.control': 'Use plain text on one line: no line breaks, tabs or control characters.',
  'guideFile.text.invisible': 'Remove invisible formatting characters (zero-width or direction marks).',
  'guideFile.text.markup': 'Use plain text only: no HTML or markup ("<" followed by a letter).',
  'guideFile.text.entity': 'Use plain text only: write the character itself, not an HTML entity.',
  'guideFile.text.scriptUrl': 'Use plain text only: no javascript:, vbscript: or data: URLs.',
  'guideFile.partialDate': 'Expected YYYY, YYYY-MM or YYYY-MM-DD.',
  'guideFile.link.https':
    'Links must start with https:// (http:, javascript:, data: and other kinds are refused).',
  'guideFile.link.form':
    'Expected https:// followed by a lower-case domain name and a path without spaces (no user name, no IP address).',
  'guideFile.variant.empty': 'A variant must change at least one of instructions, links or sources.',
  'guideFile.variant.duplicate': 'Duplicate variant id "{id}".',
  'guideFile.variant.undeclared': 'Variant "{key}" is not declared: add it to the guide\'s "{field}" list.',
  'guideFile.variant.unknown': 'Unknown variant "{key}": expected one of {declared}.',
  'guideFile.step.duplicate': 'Duplicate step id "{id}".',
  'guideFile.step.noInstruction': 'A step needs at least one instruction.',
  'guideFile.step.noSource': 'Every step needs at least one source: where the advice comes from.',
  'guideFile.step.confirmQuestion': 'A confirmation is a question: end it with "?".',
  'guideFile.guide.noStep': 'A guide needs at least one step.',
  'guideFile.guide.relatedToItself': 'A guide cannot be related to itself.',
  'guideFile.perItem.needsList': 'A per-item task needs the step to collect a list: add "{field}".',
  'guideFile.perItem.placeholder': 'A per-item task title must contain {placeholder}.',
  'guideFile.perItem.placeholderOnly':
    '{placeholder} is only replaced in per-item tasks: set {setting} or remove it.',
  'guideFile.incident.noNotice': 'An incident needs at least one official notice.',
  'guideFile.incident.duplicate': 'Duplicate incident id "{id}".',
  // A step's effect of a type zod does not know.
  'guideFile.unknownEffect': 'Unknown effect type {value}: expected one of {options}.',
} as const satisfies Record<string, string>;
