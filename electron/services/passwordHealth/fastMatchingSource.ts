/**
 * A faster dictionary search for zxcvbn-ts, giving exactly zxcvbn's matches, as JavaScript source
 * run in the strength workers (and, for tests and benchmarks, in the main thread).
 *
 * Why: profiling zxcvbn-ts 4.2 on a mixed sample (bench/README.md, "Where the time goes") puts
 * ~87% of `check()` in dictionary scans. For every start i and end j of the password it
 * looks the substring up in each of its 21 ranked dictionaries (up to 23 characters on), and it
 * runs that whole scan again on the reversed password, on up to `l33tMaxSubstitutions` (10) l33t
 * variants, and once more (with the l33t variants) for the word-sequence matcher — then throws away
 * every l33t match that contains no substitution.
 *
 * What this does instead, with the same result:
 *
 * - One index over all the ranked dictionaries: a trie (typed arrays) whose nodes are the words'
 *   prefixes, a word's node listing its hits (dictionary, rank) in zxcvbn's dictionary order. A
 *   scan from start i walks one character at a time and stops where no word continues (zxcvbn
 *   walks on to the longest word of any dictionary), one walk answering for all 21 dictionaries.
 * - The l33t matcher asks the scan only for substrings that contain a substitution: a match
 *   without one is exactly a match zxcvbn drops (its token, lower-cased, is the matched word).
 *   The variants are zxcvbn's own (`getCleanPasswords`, passed in), in zxcvbn's order, with its
 *   early stop after a variant matches as a whole, its duplicate check and its length filter.
 * - The user inputs (a per-call dictionary) are looked up as zxcvbn does, merged in by position.
 *
 * Nothing else in zxcvbn changes: the other matchers, the scoring (most guessable sequence),
 * the feedback. The replacement is installed on one zxcvbn instance (own `match` properties on its
 * six dictionary matcher objects; the classes are untouched), and each replaced method falls back
 * to zxcvbn's own for any password it does not cover exactly: one that lower-casing makes longer
 * ('İ' → 'i̇': zxcvbn then reads the lower-cased text at the original's positions) and one holding
 * a property every object inherits (`constructor`, `__proto__`: zxcvbn's `dictionary[word]` finds
 * those on any dictionary). It is installed only for the zxcvbn-ts version it was checked against
 * ({@link FAST_MATCHING_ZXCVBN_VERSION}); for any other, the workers run zxcvbn unchanged.
 *
 * Checked: `fastMatching.test.ts` compares every match the matchers return (before scoring) and
 * whole `check()` results with an unchanged instance, on generated and hand-picked passwords;
 * `npm run bench -- scoring` compares 10,000 estimates. Cost: ~0.27 s and ~10 MB per worker for
 * the index, so the pool installs it only for jobs large enough to repay it. The index is built
 * from zxcvbn's word lists (`options.dictionary`), not its ranked dictionaries (word → rank maps,
 * ~13 MB): the workers never build those unless zxcvbn's own search is needed (a password the
 * fast search hands back), and an instance that had built them drops them.
 *
 * Why a string: the workers are eval workers (see `strengthWorkerSource.ts`), and a function's
 * `toString()` is not safe to ship there (tsx and other transforms insert helper calls). The
 * source is a function expression: `(zxcvbn, getCleanPasswords, prebuilt?) => false | index`: false
 * when not installed, else the index it uses, `{ all, sequences }`, whose typed arrays live in
 * SharedArrayBuffers. Passed as `prebuilt` to the install on another instance built from the same
 * dictionaries (another worker), it is used as is instead of being built again: one copy of the
 * index for the whole pool.
 */
export const FAST_MATCHING_SOURCE = String.raw`function installFastDictionaryMatching(zxcvbn, getCleanPasswords, prebuilt) {
  'use strict';
  const options = zxcvbn && zxcvbn.options;
  const matchers = zxcvbn && zxcvbn.matching && zxcvbn.matching.matchers;
  if (
    !options ||
    !matchers ||
    options.useLevenshteinDistance ||
    typeof getCleanPasswords !== 'function' ||
    typeof options.setRankedDictionaries !== 'function'
  ) {
    return false;
  }
  const sequence = matchers.wordSequence;
  const targets = [
    [matchers.dictionary, 'plain'],
    [matchers.dictionaryL33t, 'l33t'],
    [matchers.dictionaryReverse, 'reverse'],
    [sequence && sequence.dictionary, 'plain'],
    [sequence && sequence.dictionaryL33t, 'l33t'],
    [sequence && sequence.dictionaryReverse, 'reverse'],
  ];
  if (targets.some(([matcher]) => !matcher || typeof matcher.match !== 'function')) return false;
  // zxcvbn's word lists (name -> words, most common first), in its dictionary order: its ranked
  // dictionaries are built from them (rank = position + 1), so the index is too, without needing
  // those word -> rank maps (~236,000 words) to exist (the workers never build them; see
  // strengthWorkerSource.ts). Let, not const: let go once the index is built (see the end).
  let lists = options.dictionary;
  if (!lists || typeof lists !== 'object' || Object.hasOwn(lists, 'userInputs')) return false;
  const listNames = Object.keys(lists);
  for (const name of listNames) {
    const list = lists[name];
    if (!Array.isArray(list) || !list.every((word) => typeof word === 'string')) return false;
  }

  // Lower-case names every object inherits ('constructor', '__proto__'): left to zxcvbn.
  const inherited = Object.getOwnPropertyNames(Object.prototype).filter((name) => name === name.toLowerCase());

  // The index over some dictionaries: a trie of their words (UTF-16 code units), each node a
  // prefix; a word's node lists its hits (dictionary, rank) in
  // zxcvbn's dictionary order (the order of options.dictionary's keys, as its ranked dictionaries
  // are built). Typed arrays in shared memory, sized from the word lists up front (no transient
  // copies), handed to other workers as they are.
  const buildIndex = (names) => {
    if (names.length > 0xffff) throw new Error('Too many dictionaries.');
    const listed = names.reduce((sum, name) => sum + lists[name].length, 0);
    let hitCapacity = Math.max(1024, listed);
    let nodeCapacity = 2 * hitCapacity;
    const shared = (Type, size, fill) =>
      new Type(new SharedArrayBuffer(size * Type.BYTES_PER_ELEMENT)).fill(fill);
    const widened = (array, size, fill) => {
      const wider = shared(array.constructor, size, fill);
      wider.set(array);
      return wider;
    };
    let char = shared(Uint16Array, nodeCapacity, 0);
    let firstChild = shared(Int32Array, nodeCapacity, -1);
    let nextSibling = shared(Int32Array, nodeCapacity, -1);
    let firstHit = shared(Int32Array, nodeCapacity, -1);
    let hitName = shared(Uint16Array, hitCapacity, 0);
    let hitRank = shared(Float64Array, hitCapacity, 0);
    let hitNext = shared(Int32Array, hitCapacity, -1);
    const rootChild = shared(Int32Array, 128, -1);
    let nodes = 1; // node 0 is the root (the empty prefix)
    let hits = 0;
    let width = 0;
    names.forEach((name, nameIndex) => {
      const list = lists[name];
      // zxcvbn's longest word of this list (its own measure): how far its search looks.
      width = Math.max(width, options.getRankedDictionariesMaxWordSize(list));
      // As zxcvbn's buildRankedDictionary: each word's rank is its position + 1, a repeated word
      // keeps its last rank, and '__proto__' is no entry (assigning it on an object sets nothing).
      for (let position = 0; position < list.length; position += 1) {
        const word = list[position];
        const rank = position + 1;
        if (word.length === 0 || word === '__proto__') continue;
        let node = 0;
        for (let k = 0; k < word.length; k += 1) {
          const code = word.charCodeAt(k);
          // The root's children: ASCII ones in a table, the others (a few hundred words) listed.
          const isTabled = node === 0 && code < 128;
          let child = isTabled ? rootChild[code] : firstChild[node];
          if (!isTabled) while (child !== -1 && char[child] !== code) child = nextSibling[child];
          if (child === -1) {
            if (nodes === nodeCapacity) {
              nodeCapacity *= 2;
              char = widened(char, nodeCapacity, 0);
              firstChild = widened(firstChild, nodeCapacity, -1);
              nextSibling = widened(nextSibling, nodeCapacity, -1);
              firstHit = widened(firstHit, nodeCapacity, -1);
            }
            child = nodes;
            nodes += 1;
            char[child] = code;
            if (isTabled) rootChild[code] = child;
            else {
              nextSibling[child] = firstChild[node];
              firstChild[node] = child;
            }
          }
          node = child;
        }
        // The node's last hit: this list's, if the word came before in it (it takes the new rank).
        let last = firstHit[node];
        if (last !== -1) while (hitNext[last] !== -1) last = hitNext[last];
        if (last !== -1 && hitName[last] === nameIndex) {
          hitRank[last] = rank;
          continue;
        }
        if (hits === hitCapacity) {
          hitCapacity *= 2;
          hitName = widened(hitName, hitCapacity, 0);
          hitRank = widened(hitRank, hitCapacity, 0);
          hitNext = widened(hitNext, hitCapacity, -1);
        }
        hitName[hits] = nameIndex;
        hitRank[hits] = rank; // a Float64Array holds any number exactly
        // Appended last: the node's hits stay in dictionary order.
        if (last === -1) firstHit[node] = hits;
        else hitNext[last] = hits;
        hits += 1;
      }
    });
    return { names, char, firstChild, nextSibling, firstHit, rootChild, hitName, hitRank, hitNext, width };
  };
  let all;
  let sequences;
  try {
    const names = listNames;
    const sequenceNames = names.filter((name) => options.isWordSequence(name));
    // Another worker's index for the same dictionaries (see the return value), or our own.
    const fits = (index, expected) =>
      !!index && Array.isArray(index.names) && index.names.join('\n') === expected.join('\n');
    if (prebuilt && fits(prebuilt.all, names) && fits(prebuilt.sequences, sequenceNames)) {
      all = prebuilt.all;
      sequences = prebuilt.sequences;
    } else {
      all = buildIndex(names);
      sequences = buildIndex(sequenceNames);
    }
  } catch {
    return false;
  }
  // zxcvbn's ranked dictionaries (word -> rank maps, ~13 MB) are read only by its own search, for
  // the passwords handed back to it below: dropped now if they were built, and rebuilt from the
  // word lists (options.dictionary) by zxcvbn's own setRankedDictionaries the first time one is.
  lists = null;
  Object.defineProperty(options, 'rankedDictionaries', {
    configurable: true,
    enumerable: true,
    get() {
      delete options.rankedDictionaries;
      options.setRankedDictionaries();
      return options.rankedDictionaries;
    },
    set(value) {
      delete options.rankedDictionaries;
      options.rankedDictionaries = value;
    },
  });

  // The child of a node (a prefix) for one more character, or -1.
  const childOf = (index, node, code) => {
    if (node === 0 && code < 128) return index.rootChild[code];
    let child = index.firstChild[node];
    while (child !== -1 && index.char[child] !== code) child = index.nextSibling[child];
    return child;
  };

  // zxcvbn looks up slices of the lower-cased password at positions in the password: the same
  // positions only while lower-casing keeps the length (a capital dotted I becomes two code units).
  const covers = (text) => {
    const lower = text.toLowerCase();
    return lower.length === text.length && !inherited.some((name) => lower.includes(name));
  };

  // What one scan needs: the index, the user inputs and zxcvbn's search width.
  const scanContext = (matcher, userInputsOptions) => {
    if (matcher.wordSequenceCheck) {
      return { index: sequences, inputs: null, inputWords: [], inputMax: 0, width: Math.max(0, sequences.width) };
    }
    const inputs = userInputsOptions ? userInputsOptions.rankedDictionary : null;
    const inputMax = userInputsOptions ? Math.max(userInputsOptions.rankedDictionaryMaxWordSize, 0) : 0;
    return {
      index: all,
      inputs,
      inputWords: inputs ? Object.keys(inputs) : [],
      inputMax,
      width: Math.max(0, all.width, inputMax),
    };
  };

  // Calls report(i, j, rank, dictionaryName) for each match zxcvbn's dictionary matcher finds in
  // lower (the lower-cased password), in its order: by i, then j, then dictionary (the user
  // inputs last). Only ends j >= firstEnd[i] are reported; starts with firstEnd[i] < 0 are skipped.
  const scan = (context, lower, firstEnd, report) => {
    const length = lower.length;
    const { index, inputs, inputWords, inputMax, width } = context;
    const { firstHit, hitNext, hitRank, hitName, names } = index;
    for (let i = 0; i < length; i += 1) {
      const minEnd = firstEnd === null ? i : firstEnd[i];
      if (minEnd < 0) continue;
      // User inputs starting here that zxcvbn's loop reaches: it stops at the search width
      // except for the whole password, and skips words over the inputs' longest (measured
      // before lower-casing) except for the whole password.
      let inputEnds = null;
      for (const word of inputWords) {
        const size = word.length;
        if (size === 0 || !lower.startsWith(word, i)) continue;
        const j = i + size - 1;
        if (j < minEnd) continue;
        const isWhole = i === 0 && j === length - 1;
        if ((size <= width || (isWhole && size === width + 1)) && (size <= inputMax || isWhole)) {
          (inputEnds ??= []).push(j);
        }
      }
      if (inputEnds !== null && inputEnds.length > 1) inputEnds.sort((a, b) => a - b);
      let nextInput = 0;
      let node = 0;
      for (let j = i; j < length; j += 1) {
        node = childOf(index, node, lower.charCodeAt(j));
        if (node === -1) break;
        if (j >= minEnd) {
          for (let hit = firstHit[node]; hit !== -1; hit = hitNext[hit]) {
            report(i, j, hitRank[hit], names[hitName[hit]]);
          }
        }
        if (inputEnds !== null && inputEnds[nextInput] === j) {
          report(i, j, inputs[lower.slice(i, j + 1)], 'userInputs');
          nextInput += 1;
        }
      }
      for (; inputEnds !== null && nextInput < inputEnds.length; nextInput += 1) {
        const j = inputEnds[nextInput];
        report(i, j, inputs[lower.slice(i, j + 1)], 'userInputs');
      }
    }
  };

  // zxcvbn's MatchDictionary.match, for a password covers() accepts.
  const dictionaryMatches = (context, password) => {
    const lower = password.toLowerCase();
    const matches = [];
    scan(context, lower, null, (i, j, rank, dictionaryName) => {
      matches.push({
        pattern: 'dictionary',
        i,
        j,
        token: password.slice(i, j + 1),
        matchedWord: lower.slice(i, j + 1),
        rank,
        dictionaryName,
        reversed: false,
        l33t: false,
      });
    });
    return matches;
  };

  // Whether zxcvbn's scan of lower finds a match spanning all of it (any dictionary).
  const matchesWhole = (context, lower) => {
    let node = 0;
    for (let k = 0; k < lower.length && node !== -1; k += 1) node = childOf(context.index, node, lower.charCodeAt(k));
    if (node > 0 && context.index.firstHit[node] !== -1) return true;
    return (
      context.inputs !== null &&
      lower.length > 0 &&
      Object.hasOwn(context.inputs, lower) &&
      lower.length - 1 <= context.width
    );
  };

  // zxcvbn's l33t getExtras: the match's span in the password and the substitutions inside it.
  const extrasOf = (variant, i, j) => {
    let start = i;
    let end = j;
    const subs = [];
    const shown = [];
    const seen = new Set();
    for (const change of variant.changes) {
      const grows = change.substitution.length - change.letter.length;
      if (change.i < i) {
        start += grows;
        end += grows;
      } else if (change.i <= j) {
        end += grows;
        const key = change.letter + '-' + change.substitution;
        if (!seen.has(key)) {
          seen.add(key);
          subs.push({ letter: change.letter, substitution: change.substitution });
          shown.push(change.substitution + ' -> ' + change.letter);
        }
      }
    }
    return { i: start, j: end, subs, subDisplay: shown.join(', ') };
  };

  const l33tMatches = (context, password, variants) => {
    const matches = [];
    let hasFullMatch = false;
    for (const variant of variants) {
      if (hasFullMatch) break;
      const subbed = variant.password;
      const lower = subbed.toLowerCase();
      // For each start, the first substitution at or after it (-1: none).
      const firstEnd = new Int32Array(subbed.length).fill(-1);
      for (const change of variant.changes) {
        for (let i = change.i; i >= 0 && (firstEnd[i] === -1 || firstEnd[i] > change.i); i -= 1) {
          firstEnd[i] = change.i;
        }
      }
      scan(context, lower, firstEnd, (i, j, rank, dictionaryName) => {
        const extras = extrasOf(variant, i, j);
        const token = password.slice(extras.i, extras.j + 1);
        const matchedWord = lower.slice(i, j + 1);
        if (token.toLowerCase() === matchedWord) return;
        const isIncluded = matches.some(
          (match) =>
            match.i === extras.i &&
            match.j === extras.j &&
            match.dictionaryName === dictionaryName &&
            match.matchedWord === matchedWord,
        );
        if (isIncluded) return;
        matches.push({
          pattern: 'dictionary',
          i: extras.i,
          j: extras.j,
          token,
          matchedWord,
          rank,
          dictionaryName,
          reversed: false,
          l33t: true,
          subs: extras.subs,
          subDisplay: extras.subDisplay,
        });
      });
      // zxcvbn stops after a variant with a match over the whole password, with or without a
      // substitution in it.
      if (matchesWhole(context, lower)) hasFullMatch = true;
    }
    return matches.filter((match) => match.token.length > 1);
  };

  const reverse = (text) => text.split('').reverse().join('');

  for (const [matcher, kind] of targets) {
    const original = matcher.match;
    if (kind === 'plain') {
      matcher.match = function match(matchOptions) {
        if (!covers(matchOptions.password)) return original.call(this, matchOptions);
        return dictionaryMatches(scanContext(this, matchOptions.userInputsOptions), matchOptions.password);
      };
    } else if (kind === 'reverse') {
      matcher.match = function match(matchOptions) {
        const password = matchOptions.password;
        const reversed = reverse(password);
        if (!covers(reversed)) return original.call(this, matchOptions);
        const last = password.length - 1;
        const context = scanContext(this, matchOptions.userInputsOptions);
        return dictionaryMatches(context, reversed).map((match) => ({
          ...match,
          token: reverse(match.token),
          reversed: true,
          i: last - match.j,
          j: last - match.i,
        }));
      };
    } else {
      matcher.match = function match(matchOptions) {
        const password = matchOptions.password;
        if (!covers(password)) return original.call(this, matchOptions);
        const variants = getCleanPasswords(password, options.l33tMaxSubstitutions, options.trieNodeRoot);
        if (!variants.every((variant) => covers(variant.password))) return original.call(this, matchOptions);
        return l33tMatches(scanContext(this, matchOptions.userInputsOptions), password, variants);
      };
    }
  }
  return { all, sequences };
}`;

/** The zxcvbn-ts core version {@link FAST_MATCHING_SOURCE} was checked against, match for match. */
export const FAST_MATCHING_ZXCVBN_VERSION = '4.2.0';
