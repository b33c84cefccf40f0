// The offline Pwned Passwords index: build it from the downloader's output, look passwords up in it
// with a few positioned reads. See format.ts for the file format.
export {
  buildPwnedIndex,
  buildPwnedIndexFromStream,
  type BuildOptions,
  type CorpusChunk,
  type StreamBuildOptions,
} from './builder';
export { pwnedIndexUsage, runPwnedIndexCli, type PwnedIndexCliIo } from './cli';
export {
  EXACT_COUNT_LIMIT,
  falsePositiveRate,
  FORMAT_VERSION,
  isCorpusUnavailable,
  KEY_BITS,
  PwnedIndexError,
  storedCount,
  type IndexInfo,
  type PwnedIndexErrorCode,
} from './format';
export { openPwnedIndex, verifyIndex, type LookupStats, type PwnedIndex, type VerifyOptions } from './lookup';
