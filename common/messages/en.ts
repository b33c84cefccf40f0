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
export const EN = {
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

/** The id of a message in the catalogue. */
export type MessageId = keyof typeof EN;
