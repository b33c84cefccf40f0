import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue, type Catalogue } from '../../../common/content/catalogue';
import { buildFamilyIndex, type FamilyIndex } from '../../../common/content/families';
import {
  DATASET_FILES,
  DATASET_KEYS,
  parseDatasetText,
  type DatasetFiles,
  type DatasetKey,
  type DatasetValidation,
} from '../../../common/content/datasets';
import { format } from '../../../common/messages/format';
import { BUNDLED_DATA_DIR } from '../bundledData';

/**
 * Reads one dataset file from `dir` and parses it. Throws an Error in the catalogue's words naming
 * the file: "Bundled dataset … could not be read (ENOENT)", or the {@link DatasetFileError} of text
 * that is not JSON or fails validation.
 */
export function readDatasetFile<K extends DatasetKey>(
  dir: string,
  key: K,
  validation: DatasetValidation,
): DatasetFiles[K] {
  const file = DATASET_FILES[key].file;
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(
      format('datasetFile.bundled', { problem: format('datasetFile.unreadable', { file, reason }) }),
      { cause: error },
    );
  }
  return parseDatasetText(key, text, validation);
}

/**
 * Reads the dataset files from `dir` (the bundled data folder by default) and parses them.
 * Throws an Error naming the file (and the first failing JSON path) when one is missing, is not
 * JSON, or fails validation.
 *
 * `validation` defaults to `structural`: the bundled files are the ones the test suite validated in
 * full against the zod schemas, so at run time a cheap check of the fields the catalogue reads is
 * enough (full validation roughly doubles the ~80–100 ms cold load). Pass `full` for files of
 * unknown origin (a refreshed download).
 */
export function readDatasetFiles(
  dir: string = BUNDLED_DATA_DIR,
  validation: DatasetValidation = 'structural',
): DatasetFiles {
  const files = {} as Record<keyof DatasetFiles, unknown>;
  for (const key of DATASET_KEYS) files[key] = readDatasetFile(dir, key, validation);
  return files as DatasetFiles;
}

/** Reads, checks and indexes the datasets in `dir` (see {@link readDatasetFiles}). */
export function loadCatalogue(dir: string = BUNDLED_DATA_DIR, validation?: DatasetValidation): Catalogue {
  return buildCatalogue(readDatasetFiles(dir, validation));
}

let cached: { catalogue: Catalogue; loadMs: number } | null = null;

/**
 * The catalogue of the bundled datasets, loaded on first use and kept for the life of the process
 * (nothing is read at start-up). Throws, naming the file, if a bundled file is broken; the next call
 * tries again.
 */
export function getCatalogue(): Catalogue {
  if (!cached) {
    const started = performance.now();
    const catalogue = loadCatalogue();
    cached = { catalogue, loadMs: performance.now() - started };
  }
  return cached.catalogue;
}

/** How long the first {@link getCatalogue} took to read, check and index (ms), or null before it. */
export function catalogueLoadMs(): number | null {
  return cached?.loadMs ?? null;
}

let cachedFamilies: FamilyIndex | null = null;

/**
 * The account families alone (`account-families.json`), read and indexed on first use and kept for
 * the life of the process. Loaded apart from the catalogue so that a notice still reaches a whole
 * family when the public datasets cannot be loaded (a broken or missing breach file says nothing
 * about Lockstep's own list of families). Throws, naming the file, if it is broken; the next call
 * tries again.
 */
export function getFamilies(dir: string = BUNDLED_DATA_DIR): FamilyIndex {
  if (dir !== BUNDLED_DATA_DIR) return readFamilies(dir);
  cachedFamilies ??= readFamilies(dir);
  return cachedFamilies;
}

function readFamilies(dir: string): FamilyIndex {
  return buildFamilyIndex(readDatasetFile(dir, 'accountFamilies', 'structural'));
}
