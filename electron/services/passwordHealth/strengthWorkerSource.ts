import { FAST_MATCHING_SOURCE } from './fastMatchingSource';

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
 * first chunk of a job large enough to repay building its index arrives (`fast: true`).
 *
 * Protocol (parent → worker): `{ chunkId, items: [password, userInputs][], fast }`.
 * Worker → parent: `{ type: 'ready', loadMs }` once the dictionaries are loaded; `{ type:
 * 'indexed', ms, fastMatching }` once, after trying to install the fast search; per chunk
 * `{ type: 'done', chunkId, results }` or `{ type: 'failed', chunkId, errorName }`.
 * The options built here must match `createZxcvbn` in `strengthPool.ts` (a test compares them).
 */
export const STRENGTH_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const started = performance.now();
const core = require(workerData.modules.core);
const common = require(workerData.modules.common);
const en = require(workerData.modules.en);
const zxcvbn = new core.ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
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
const installFastDictionaryMatching = (${FAST_MATCHING_SOURCE});
let hasTriedFastMatching = false;
zxcvbn.check('warm-up');
parentPort.postMessage({ type: 'ready', loadMs: performance.now() - started });

parentPort.on('message', (message) => {
  try {
    if (message.fast === true && workerData.fastMatching === true && !hasTriedFastMatching) {
      hasTriedFastMatching = true;
      const indexing = performance.now();
      const fastMatching = installFastDictionaryMatching(zxcvbn, require(workerData.modules.cleanPasswords));
      parentPort.postMessage({ type: 'indexed', ms: performance.now() - indexing, fastMatching });
    }
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
