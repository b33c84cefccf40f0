/**
 * Lockstep's words for the problems it finds in a JSON file it reads — a guide or incidents file
 * (whose own problems are `guideFile.*` in `./guides.ts`), a downloaded or bundled dataset, the
 * account-families list — in English. Part of the one catalogue (`../en.ts`, which gives the rules
 * for ids and voice); kept in a file of its own so an area's words are found together. An id is
 * defined in one file only.
 *
 * Field names, ids, paths and values from the file are passed in as values: they are the file
 * format's words and are shown as they are.
 */
export const FILES = {
  // What any checked JSON file can get wrong (common/content/fileProblems.ts): where the text stops
  // being JSON, and what zod finds, in our words (its own English never reaches a person).
  'jsonFile.notJson':
    'Not valid JSON: {where, select, at {it stops being JSON at line {line}, column {column}} end {the text ends before the JSON is complete} other {look for a missing comma, bracket or quote, or a character that does not belong}}.',
  'jsonFile.empty': 'Must not be empty.',
  'jsonFile.kebabId':
    'Expected a kebab-case id: lower-case letters and digits joined by hyphens ({example}).',
  'jsonFile.version': 'Expected a version as MAJOR.MINOR, such as 1.0.',
  'jsonFile.hostName': 'Expected a lower-case domain name such as example.com.',
  'jsonFile.date': 'Expected a date as YYYY-MM-DD.',
  'jsonFile.dateExists': 'Expected a date that exists.',
  'jsonFile.httpsUrl': 'Expected a web address starting with https://.',
  'jsonFile.unknownField':
    'Unknown field "{field}": check the spelling (only documented fields are allowed).',
  'jsonFile.missingField': 'Missing required field "{field}".',
  'jsonFile.expected':
    'Expected {expected, select, string {a string} number {a number} int {a whole number} boolean {true or false} array {a list} object {an object} record {an object} other {another kind of value}}.',
  'jsonFile.wrongType':
    'Expected {expected, select, string {a string} number {a number} int {a whole number} boolean {true or false} array {a list} object {an object} record {an object} other {another kind of value}}, got {got, select, null {null} list {a list} object {an object} string {a string} number {a number} boolean {true or false} other {something else}}.',
  'jsonFile.missingChoice': 'Missing "{field}": expected one of {options}.',
  'jsonFile.noMatch': 'Does not match any of the allowed forms.',
  'jsonFile.invalidKey': 'Invalid key {key}: {problem}',
  'jsonFile.unknownValue': 'Unknown value {value}: expected one of {options}.',
  'jsonFile.exactValue': 'Expected {option}, got {value}.',
  'jsonFile.badFormat': 'Not in the expected format.',
  'jsonFile.notMultiple': 'Must be a multiple of {divisor}.',
  'jsonFile.tooLong': 'At most {max, plural, one {# character} other {# characters}}.',
  'jsonFile.tooShort': 'At least {min, plural, one {# character} other {# characters}}.',
  'jsonFile.tooMany': 'At most {max, plural, one {# item} other {# items}}.',
  'jsonFile.tooFew': 'At least {min, plural, one {# item} other {# items}}.',
  'jsonFile.atMost': 'Must be {max} or less.',
  'jsonFile.lessThan': 'Must be less than {max}.',
  'jsonFile.atLeast': 'Must be {min} or more.',
  'jsonFile.moreThan': 'Must be more than {min}.',
  'jsonFile.notAllowed': 'This value is not allowed here.',

  // A dataset file that is refused (common/content/datasets.ts): a bundled copy that does not load,
  // or a downloaded refresh that is not used (listed under "unusable answer: …" in Settings, the
  // CLI and the network ledger).
  'datasetFile.invalid': '{file} is invalid at {path}: {problem}',
  'datasetFile.notJson':
    '{file} is not valid JSON: {where, select, at {it stops being JSON at line {line}, column {column}} end {the text ends before the JSON is complete} other {it has a character that does not belong}}.',
  'datasetFile.bundled': 'Bundled dataset {problem}',
  'datasetFile.unreadable': '{file} could not be read: {reason}',
  'datasetFile.bundledNewer': '{file}: the bundled copy is newer',
  'datasetFile.hibpDomain': 'Expected a domain name, or "" when the breach has none.',
  'datasetFile.webUrl': 'Expected a web address starting with http:// or https://.',
  'datasetFile.region': 'Expected a two-letter region code, such as gb (or -gb to leave it out).',
  'datasetFile.commit': 'Expected a 40-digit commit id.',
  'datasetFile.gitDate': 'Expected a git date: YYYY-MM-DD hh:mm:ss +zzzz.',
  'datasetFile.duplicateBreach': 'Duplicate breach Name "{name}".',
  'datasetFile.countMismatch':
    '"count" says {count, number} but there {entries, plural, one {is # entry} other {are # entries}}.',
  // The quick check of a bundled copy's shape (the fields the catalogue reads).
  'datasetFile.expected':
    'Expected {kind, select, object {an object} array {a list} string {a string} number {a number} boolean {true or false} strings {a list of strings} host {a lower-case domain name} hosts {a list of lower-case domain names} choice {one of {options}} choices {a list of {options}} other {another kind of value}}.',
  'datasetFile.hostKey': 'Expected a lower-case domain name as the key.',
  // An online answer that cannot be turned into a directory (electron/services/online/refreshDatasets.ts).
  'datasetFile.answer.notJson':
    'it is not JSON{where, select, at { (it stops at line {line}, column {column})} end { (the text ends too soon)} other {}}',
  'datasetFile.answer.notDirectory':
    'not a {directory, select, twoFactor {2FA} other {passkeys}} directory: expected {directory, select, twoFactor {a list or an object} other {an object}}',
  'datasetFile.answer.notEntry':
    'not a {directory, select, twoFactor {2FA} other {passkeys}} directory: "{key}" is not an entry',
  'datasetFile.answer.notPair': 'not a 2FA directory: item {index} is not a [name, entry] pair',
  // The account families (common/content/families.ts).
  'datasetFile.family.noSource': 'Every family needs a source.',
  'datasetFile.family.duplicate': 'Duplicate family id "{id}".',
  'datasetFile.family.notRegistrable': '"{domain}" is not a registrable domain (such as example.co.uk).',
  'datasetFile.family.listedTwice': '"{domain}" is listed twice in this family.',
  'datasetFile.family.hostNotBelow': '"{host}" must be a host below a registrable domain.',
  'datasetFile.family.hostTaken': '"{host}" is already a host of "{family}".',
  'datasetFile.family.alsoIn':
    '"{domain}" is also in "{family}": a domain two families use goes in both families\' "{field}".',
  'datasetFile.family.sharedAlone': '"{domain}" is shared with no other family: move it to "{field}".',
} as const satisfies Record<string, string>;
