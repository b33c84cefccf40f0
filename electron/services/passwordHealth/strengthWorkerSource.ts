import { FAST_MATCHING_SOURCE } from './fastMatchingSource';
import { FAST_SCORING_SOURCE } from './fastScoringSource';

/**
 * The strength worker's code, as a string run with `new Worker(STRENGTH_WORKER_SOURCE, { eval: true })`.
 *
 * Why a string and not a worker file: a `.ts` worker file does not run under plain Node (tests,
 * tsx, the CLI), and a `new URL('./x.ts', import.meta.url)` worker needs bundler cooperation that
 * electron-vite's main build does not give for workers. An eval worker is plain CommonJS in every
 * runtime. It loads zxcvbn-ts by the absolute paths the parent resolved (`workerData.modules`), so
 * module resolution happens once, in the parent, where it can be tested and fail loudly.
 *
 * With `workerData.fastMatching`, the worker installs the faster dictionary search of
 * `fastMatchingSource.ts` on its zxcvbn instance (same matches, ~10× faster; see there) when the
 * first chunk of a job large enough to repay building its index arrives (`fast: true`). With
 * `workerData.fastScoring`, it installs the cheaper scoring of `fastScoringSource.ts` (same
 * results) at start: it costs nothing to install.
 *
 * Protocol (parent → worker): `{ chunkId, items: [password, userInputs][], fast }`; `{ type:
 * 'prepare', fast: true }` to build the fast search's index ahead of a large job; `{ type: 'index',
 * index }` to install the fast search with the index another worker built (its typed arrays are
 * SharedArrayBuffers: one copy for the pool). Worker → parent: `{ type: 'ready', loadMs, fastScoring }` once
 * zxcvbn-ts and its word lists are loaded; `{ type: 'indexed', ms, fastMatching, shared, index }`
 * once, after trying to install the fast search (`index`: the one it built, for the others); per chunk
 * `{ type: 'done', chunkId, results }` or `{ type: 'failed', chunkId, errorName }`.
 * The options built here must match `createZxcvbn` in `strengthPool.ts` (a test compares them).
 */
export const STRENGTH_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const started = performance.now();
const core = require(workerData.modules.core);
// Let: the word lists are let go once the fast search is installed (dropWordLists below).
let common = require(workerData.modules.common);
let en = require(workerData.modules.en);
// Without its dictionaries: given them, zxcvbn builds its ranked dictionaries at once (a word ->
// rank map per list, ~236,000 words: ~0.2 s, and with this worker's small young generation up to
// ~0.6 s of CPU). The fast search (fastMatchingSource.ts) reads the word lists and never needs
// them, so they are built the first time zxcvbn's own search reads them, by zxcvbn's own
// setRankedDictionaries, as at construction.
const zxcvbn = new core.ZxcvbnFactory({
  graphs: common.adjacencyGraphs,
  // Feedback as zxcvbn's keys, worded by our catalogue (translationKeys in strengthPool.ts).
  translations: Object.fromEntries(
    Object.entries(en.translations).map(([group, texts]) => [
      group,
      Object.fromEntries(Object.keys(texts).map((key) => [key, key])),
    ]),
  ),
  ...workerData.tuning,
});
{
  const options = zxcvbn.options;
  options.dictionary = { ...common.dictionary, ...en.dictionary };
  const ranked = ['rankedDictionaries', 'rankedDictionariesMaxWordSize'];
  const build = () => {
    for (const name of ranked) delete options[name];
    options.setRankedDictionaries();
  };
  for (const name of ranked) {
    Object.defineProperty(options, name, {
      configurable: true,
      enumerable: true,
      get() {
        build();
        return options[name];
      },
      set(value) {
        delete options[name];
        options[name] = value;
      },
    });
  }
}
en = null;
common = null;
const fastScoring =
  workerData.fastScoring === true &&
  (${FAST_SCORING_SOURCE})(
    zxcvbn,
    require(workerData.modules.estimate),
    Object.fromEntries(Object.entries(workerData.modules.scorers).map(([pattern, path]) => [pattern, require(path)])),
  );

// With the fast search installed, zxcvbn reads its word lists (~12 MB) only to rebuild its ranked
// dictionaries for a password handed back to its own search (see fastMatchingSource.ts): they
// are let go, and loaded again from the packages the first time that happens.
const dropWordLists = () => {
  const options = zxcvbn.options;
  // The language packages' own files (their entry and the word lists beside it).
  const path = require('node:path');
  const packageDirs = [workerData.modules.common, workerData.modules.en].map(
    (file) => path.dirname(file) + path.sep,
  );
  for (const id of Object.keys(require.cache)) {
    if (packageDirs.some((dir) => id.startsWith(dir))) delete require.cache[id];
  }
  Object.defineProperty(options, 'dictionary', {
    configurable: true,
    enumerable: true,
    get() {
      delete options.dictionary;
      options.dictionary = {
        ...require(workerData.modules.common).dictionary,
        ...require(workerData.modules.en).dictionary,
      };
      return options.dictionary;
    },
    set(value) {
      delete options.dictionary;
      options.dictionary = value;
    },
  });
};
const installFastDictionaryMatching = (${FAST_MATCHING_SOURCE});
let hasTriedFastMatching = false;
parentPort.postMessage({ type: 'ready', loadMs: performance.now() - started, fastScoring });

// Installs the fast search, with another worker's index when given one (shared memory, not a copy).
const installFastMatching = (prebuilt) => {
  hasTriedFastMatching = true;
  const indexing = performance.now();
  const index = installFastDictionaryMatching(zxcvbn, require(workerData.modules.cleanPasswords), prebuilt);
  const isShared = index !== false && !!prebuilt && index.all === prebuilt.all;
  if (index !== false) dropWordLists();
  parentPort.postMessage({
    type: 'indexed',
    ms: performance.now() - indexing,
    fastMatching: index !== false,
    shared: isShared,
    // An index built here, for the other workers.
    index: index !== false && !isShared ? index : null,
  });
};

parentPort.on('message', (message) => {
  try {
    if (message.type === 'index') {
      if (workerData.fastMatching === true && !hasTriedFastMatching) installFastMatching(message.index);
      return;
    }
    if (message.fast === true && workerData.fastMatching === true && !hasTriedFastMatching) {
      installFastMatching(null);
    }
    if (message.type === 'prepare') return;
    const results = message.items.map(([password, userInputs]) => {
      const result = zxcvbn.check(password, userInputs);
      return {
        score: result.score,
        guessesLog10: result.guessesLog10,
        warning: result.feedback.warning || '',
        suggestions: result.feedback.suggestions.slice(),
      };
    });
    parentPort.postMessage({ type: 'done', chunkId: message.chunkId, results });
  } catch (error) {
    parentPort.postMessage({
      type: 'failed',
      chunkId: message.chunkId,
      // Only the error's kind: a message could in principle quote the password.
      errorName: error && error.name ? String(error.name) : 'Error',
    });
  }
});
`;
