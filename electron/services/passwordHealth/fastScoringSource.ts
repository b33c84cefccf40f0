/**
 * The patterns zxcvbn-ts 4.2.0's `estimate` scores with its own functions
 * (`matcher/<pattern>/scoring.cjs`), which {@link FAST_SCORING_SOURCE} is given.
 */
export const FAST_SCORING_PATTERNS = [
  'bruteforce',
  'date',
  'dictionary',
  'regex',
  'repeat',
  'sequence',
  'spatial',
  'separator',
  'wordSequence',
] as const;

/**
 * A cheaper run of zxcvbn-ts's scoring (the "most guessable match sequence"), giving exactly its
 * result, as JavaScript source run in the strength workers and in `scoreSync`'s instance.
 *
 * Why: with the fast dictionary search installed, about half of a worker's CPU per password was
 * zxcvbn's scoring (bench/README.md, issue #17). Its dynamic programme (`dist/scoring/index.cjs`)
 * wastes most of that:
 *
 * - `update(match, sequenceLength)` calls `estimate(options, match, password)` for every
 *   (match, sequence length) pair. `estimate` returns a new object (`{ ...match, ...extraData,
 *   guesses, guessesLog10 }`), and its cache (`'guesses' in match`) never hits because the result
 *   is not stored back: a dictionary match is re-scored (upper-case and l33t variations, a spatial
 *   match's average graph degree) and copied once per sequence length, stored or not.
 * - `bruteforceUpdate(k)` makes a new bruteforce match (a slice of the password) for every start
 *   i ≤ k, and estimates it once per sequence length: O(n²·l) objects for a password of n.
 * - the optimal state is plain objects keyed by sequence length, walked with
 *   `Object.keys(...).forEach(... parseInt ...)` in every update.
 *
 * What this does instead, making the same decisions in the same order:
 *
 * - A match's guesses are computed once, as `estimate` computes them (`guessesOf` below: its cache
 *   check, minimum guesses and dispatch to the same scoring functions, passed in). The programme
 *   keeps the matches as the matchers made them (a bruteforce match as its start), and zxcvbn's
 *   object for a match — `estimate`'s result, for a bruteforce match of `makeBruteforceMatch(i, k)`
 *   as zxcvbn builds it — is made only for the few in the sequence returned (~2.3 a password
 *   on the scoring benchmark's sample, where zxcvbn made over 80). Equivalent because `estimate` is pure for a given (options, match,
 *   password): the scoring functions only read the match, and nothing mutates a match during
 *   scoring; and the programme reads of a stored match only its start and whether it is a
 *   bruteforce match, which the raw match tells as its estimate would. Each object in a result's
 *   `sequence` is made once (a sequence passes through each end once); the feedback only reads it.
 * - A bruteforce match's guesses depend only on its length (10^length, at least 11 or 51, capped
 *   at Number.MAX_VALUE; at least 1 when it is the whole password), so they are computed once per
 *   length per password, from the first bruteforce match of that length; no other bruteforce
 *   match is made unless returned.
 * - The optimal state is arrays indexed by sequence length. zxcvbn's `Object.keys` on objects whose
 *   keys are all small integers enumerates them in ascending numeric order, so a walk from 1
 *   upwards that skips empty slots visits the same lengths in the same order. The "is a shorter or
 *   equal competing sequence at least as good" test is an any-of, so its order does not matter;
 *   `<=` and `<` are kept exactly (ties keep the earlier sequence, as in zxcvbn).
 * - The factorial and the additive term `10000^(length − 1)` are computed by the same expressions
 *   (the same products in the same order; the `**` operator), once per length, and `guessesLog10`
 *   as zxcvbn's `utils.log10` does (`Math.log(n) / Math.log(10)`, which can differ from
 *   `Math.log10` in the last bit).
 *
 * It replaces `mostGuessableMatchSequence` as an own property of two `Scoring` instances: the
 * instance's (`zxcvbn.scoring`) and the repeat matcher's (its base token's guesses); the class and
 * every other instance are untouched, so an unpatched instance in the same thread stays zxcvbn as
 * published. It leaves `scoring.optimal` as it was (only zxcvbn's own helpers, no longer called,
 * read it). Installed only for the zxcvbn-ts version it was checked against
 * ({@link FAST_SCORING_ZXCVBN_VERSION}: `estimate`'s steps and the constants are this version's).
 *
 * Checked: `fastScoring.test.ts` compares whole `check()` results (score, guesses, the sequence
 * and the feedback) with an unpatched instance on hand-picked and generated passwords, and shows
 * that changing any of the decisions above changes some of those results; `npm run bench --
 * scoring` compares 10,000 estimates with zxcvbn-ts as published.
 *
 * The source is a function expression `(zxcvbn, estimate, scorers) => boolean` (installed or not;
 * `scorers`: pattern → zxcvbn's scoring function, for {@link FAST_SCORING_PATTERNS}); a string for
 * the same reason as `fastMatchingSource.ts` (the workers are eval workers).
 */
export const FAST_SCORING_SOURCE = String.raw`function installFastScoring(zxcvbn, estimate, scorers) {
  'use strict';
  const repeat = zxcvbn && zxcvbn.matching && zxcvbn.matching.matchers && zxcvbn.matching.matchers.repeat;
  const targets = [zxcvbn && zxcvbn.scoring, repeat && repeat.scoring];
  const isScoring = (scoring) =>
    !!scoring &&
    typeof scoring.mostGuessableMatchSequence === 'function' &&
    typeof scoring.makeBruteforceMatch === 'function' &&
    !!scoring.options;
  const BUILT_IN = ${JSON.stringify(FAST_SCORING_PATTERNS)};
  if (
    typeof estimate !== 'function' ||
    !targets.every(isScoring) ||
    !scorers ||
    !BUILT_IN.every((name) => typeof scorers[name] === 'function')
  ) {
    return false;
  }
  // estimate.cjs's table of scoring functions: a plain object, looked up as it does.
  const matchers = {};
  for (const name of BUILT_IN) matchers[name] = scorers[name];

  // zxcvbn-ts 4.2.0's data/const.cjs.
  const MIN_GUESSES_BEFORE_GROWING_SEQUENCE = 10000;
  const MIN_SUBMATCH_GUESSES_SINGLE_CHAR = 10;
  const MIN_SUBMATCH_GUESSES_MULTI_CHAR = 50;

  // The guesses estimate(options, match, password) gives, without making its object (estimate.cjs
  // 4.2.0 step for step: its cache, getMinGuesses, getScoring, the dictionary's calculation).
  const guessesOf = (options, match, password) => {
    if ('guesses' in match && match.guesses != null) return match.guesses;
    let minGuesses = 1;
    if (match.token.length < password.length) {
      minGuesses = match.token.length === 1 ? MIN_SUBMATCH_GUESSES_SINGLE_CHAR : MIN_SUBMATCH_GUESSES_MULTI_CHAR;
    }
    const name = match.pattern;
    let result = 0;
    if (matchers[name]) result = matchers[name](match, options);
    else if (options.matchers[name] && 'scoring' in options.matchers[name]) {
      result = options.matchers[name].scoring(match, options);
    }
    let guesses = 0;
    if (typeof result === 'number') guesses = result;
    else if (name === 'dictionary') guesses = result.calculation;
    return Math.max(guesses, minGuesses);
  };
  const LOG10 = Math.log(10);
  // utils.log10, exactly.
  const log10 = (n) => (n === 0 ? 0 : Math.log(n) / LOG10);
  // utils.factorial's products, in its order, and the additive term as update() writes it; per
  // sequence length, computed on first use.
  const factorials = [];
  const factorial = (length) => {
    let value = factorials[length];
    if (value === undefined) {
      value = 1;
      for (let i = 2; i <= length; i += 1) value *= i;
      factorials[length] = value;
    }
    return value;
  };
  const growths = [];
  const growth = (length) => {
    let value = growths[length];
    if (value === undefined) {
      value = MIN_GUESSES_BEFORE_GROWING_SEQUENCE ** (length - 1);
      growths[length] = value;
    }
    return value;
  };

  function mostGuessableMatchSequence(password, matches, excludeAdditive = false) {
    // As zxcvbn's: makeBruteforceMatch reads this.password.
    this.password = password;
    this.excludeAdditive = excludeAdditive;
    const options = this.options;
    const passwordLength = password.length;

    // Matches by end j, each list sorted by i (Array#sort is stable: zxcvbn's order exactly).
    const byEnd = [];
    for (let k = 0; k < passwordLength; k += 1) byEnd.push([]);
    matches.forEach((match) => {
      byEnd[match.j].push(match);
    });
    for (const list of byEnd) if (list.length > 1) list.sort((m1, m2) => m1.i - m2.i);

    // zxcvbn's optimal.bestMatches / guessesProduct / totalGuesses, [k][sequenceLength]; the best
    // matches as the matcher made them (null: a bruteforce match) and their starts, estimate's
    // objects being made only for the sequence returned (see unwind below).
    const bestMatches = [];
    const bestStarts = [];
    const guessesProduct = [];
    const totalGuesses = [];
    for (let k = 0; k < passwordLength; k += 1) {
      bestMatches.push([]);
      bestStarts.push([]);
      guessesProduct.push([]);
      totalGuesses.push([]);
    }

    // zxcvbn's update() for a match over [i..k] whose estimate has these guesses: true when it is
    // the new best of its length (the state's numbers are recorded; the caller stores the match).
    const isNewBest = (i, k, guesses, sequenceLength) => {
      let pi = guesses;
      if (sequenceLength > 1) pi *= guessesProduct[i - 1][sequenceLength - 1];
      let g = factorial(sequenceLength) * pi;
      if (!excludeAdditive) g += growth(sequenceLength);
      const competing = totalGuesses[k];
      const last = Math.min(sequenceLength, competing.length - 1);
      for (let length = 1; length <= last; length += 1) {
        const competingG = competing[length];
        if (competingG !== undefined && competingG <= g) return false;
      }
      competing[sequenceLength] = g;
      guessesProduct[k][sequenceLength] = pi;
      return true;
    };

    // Bruteforce guesses by token length (see the file's comment), for this password.
    const bruteforceGuesses = [];

    for (let k = 0; k < passwordLength; k += 1) {
      const best = bestMatches[k];
      const starts = bestStarts[k];
      for (const match of byEnd[k]) {
        const guesses = guessesOf(options, match, password);
        const i = match.i;
        if (i > 0) {
          const previous = bestMatches[i - 1];
          for (let length = 1; length < previous.length; length += 1) {
            if (previous[length] === undefined) continue;
            if (isNewBest(i, k, guesses, length + 1)) {
              best[length + 1] = match;
              starts[length + 1] = i;
            }
          }
        } else if (isNewBest(i, k, guesses, 1)) {
          best[1] = match;
          starts[1] = i;
        }
      }

      // zxcvbn's bruteforceUpdate(k).
      for (let i = 0; i <= k; i += 1) {
        const tokenLength = k - i + 1;
        let guesses = bruteforceGuesses[tokenLength];
        if (guesses === undefined) {
          guesses = guessesOf(options, this.makeBruteforceMatch(i, k), password);
          bruteforceGuesses[tokenLength] = guesses;
        }
        if (i === 0) {
          if (isNewBest(0, k, guesses, 1)) {
            best[1] = null;
            starts[1] = 0;
          }
          continue;
        }
        const previous = bestMatches[i - 1];
        for (let length = 1; length < previous.length; length += 1) {
          const lastMatch = previous[length];
          // zxcvbn's corner: never two adjacent bruteforce matches.
          if (lastMatch === undefined || lastMatch === null || lastMatch.pattern === 'bruteforce') continue;
          if (isNewBest(i, k, guesses, length + 1)) {
            best[length + 1] = null;
            starts[length + 1] = i;
          }
        }
      }
    }

    // zxcvbn's unwind(): the length with the fewest total guesses at the end (the first of equals),
    // then back through the best matches. Each is estimate's object for the match zxcvbn stored
    // there (for a bruteforce match, for makeBruteforceMatch(i, k)), which is what zxcvbn stored:
    // estimate is pure, and each end k is passed once.
    const sequence = [];
    let k = passwordLength - 1;
    let sequenceLength = 0;
    // eslint-disable-next-line no-loss-of-precision
    let g = 2e308;
    const atEnd = totalGuesses[k];
    if (atEnd) {
      for (let length = 1; length < atEnd.length; length += 1) {
        const candidate = atEnd[length];
        if (candidate !== undefined && candidate < g) {
          sequenceLength = length;
          g = candidate;
        }
      }
    }
    while (k >= 0) {
      const match = bestMatches[k][sequenceLength];
      const i = bestStarts[k][sequenceLength];
      sequence.push(estimate(options, match === null ? this.makeBruteforceMatch(i, k) : match, password));
      k = i - 1;
      sequenceLength -= 1;
    }
    sequence.reverse();

    // zxcvbn's getGuesses().
    const guesses = passwordLength === 0 ? 1 : totalGuesses[passwordLength - 1][sequence.length];
    return { password, guesses, guessesLog10: log10(guesses), sequence };
  }

  for (const scoring of targets) scoring.mostGuessableMatchSequence = mostGuessableMatchSequence;
  return true;
}`;

/** The zxcvbn-ts core version {@link FAST_SCORING_SOURCE} was checked against, result for result. */
export const FAST_SCORING_ZXCVBN_VERSION = '4.2.0';
