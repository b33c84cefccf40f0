import { OFFICIAL_DATASET_URLS } from '../../../common/domain/onlineServices';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerEntry } from '../../../common/model/index';
import { buildCatalogue, type Catalogue } from '../../../common/content/catalogue';
import {
  DATASET_FILES,
  DATASET_KEYS,
  DatasetFileError,
  parseDatasetText,
  type DatasetFiles,
  type DatasetKey,
  type DatasetValidation,
} from '../../../common/content/datasets';
import { jsonSyntaxValues } from '../../../common/content/fileProblems';
import { BUNDLED_DATA_DIR } from '../bundledData';
import { readDatasetFile } from '../datasets/loadDatasets';
import { writeFileAtomically } from './atomicFile';
import {
  BodyTooLargeError,
  describeRequestError,
  pauseUnlessAborted,
  readTextCapped,
  realSleep,
} from './http';
import { format, labelsOf } from '../../../common/messages/format';

/**
 * Opt-in refresh of the three datasets that have public APIs — Have I Been Pwned's breach list, the
 * 2FA directory and the passkeys directory — into `<dataDir>/datasets/`, under the bundled files'
 * names and in the bundled files' formats, so the same schemas and `buildCatalogue` read them.
 *
 * Sources (public, no key, no personal data sent):
 * - breaches: `GET https://haveibeenpwned.com/api/v3/breaches` — the same array as the bundled
 *   `hibp-breaches.json`; stored as received.
 * - 2FA directory: `GET https://api.2fa.directory/v3/all.json` — `[[name, entry], …]` sorted by
 *   name, each entry the repository's entry with `categories` renamed `keywords` (2factorauth/
 *   twofactorauth `scripts/APIv3.js`, documented in its `api.md`). The v4 shape (`{domain: {methods,
 *   …}}`, `scripts/APIv4.js`) is read too, but it has no names and no categories.
 * - passkeys directory: `GET https://passkeys-api.2fa.directory/v1/all.json` — `{domain: entry}`
 *   sorted by domain, one key per domain *and* per additional domain, entries without `name`,
 *   `additional-domains`, `categories` and `img`; it also holds services the publisher derived from
 *   the 2FA directory (U2F → `mfa: allowed`, services without 2FA → `contact` only) (2factorauth/
 *   passkeys `scripts/APIv1.js`). Entries keyed by name with a `domain` field (that script's
 *   "private" shape) are read too.
 *
 * The directories are flattened to `{source, commit, commit_date, count, entries}`: `source` is the
 * API URL, `commit` is forty zeros (the API names no commit: git's null id, as the schema wants a
 * 40-digit id) and `commit_date` is the time of the download in UTC (`YYYY-MM-DD hh:mm:ss +0000`).
 * Entries the API gives without a name get the name the current directories use for that domain,
 * else the domain itself.
 */

/** The datasets that can be refreshed online. */
export type RefreshableDataset = 'breaches' | 'twoFactor' | 'passkeys';

/** In the order they are refreshed (the passkeys directory borrows names from the 2FA one). */
export const REFRESHABLE_DATASETS: readonly RefreshableDataset[] = ['breaches', 'twoFactor', 'passkeys'];

/** The public endpoints. */
export const DEFAULT_DATASET_URLS: Readonly<Record<RefreshableDataset, string>> = OFFICIAL_DATASET_URLS;

/** The ledger's purpose for each refresh request. */
export const REFRESH_PURPOSES: Readonly<Record<RefreshableDataset, string>> = labelsOf({
  breaches: 'ledger.purpose.refreshBreaches',
  twoFactor: 'ledger.purpose.refreshTwoFactor',
  passkeys: 'ledger.purpose.refreshPasskeys',
});

/** What a refresh request sends. */
export const refreshSent = (): string => format('ledger.sent.refresh');

/** The `commit` of a directory flattened from an API answer: git's null object id. */
export const API_COMMIT = '0'.repeat(40);

/** The folder of refreshed copies. */
export const refreshedDatasetsDir = (dataDir: string) => join(dataDir, 'datasets');

export interface RefreshDatasetsOptions {
  dataDir: string;
  /** Full URLs of the endpoints (default {@link DEFAULT_DATASET_URLS}); tests use a local server. */
  baseUrls?: Partial<Record<RefreshableDataset, string>>;
  userAgent: string;
  /** Records every request; called once per request, whatever its outcome. */
  record: (entry: Omit<LedgerEntry, 'id'>) => void;
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Which datasets to refresh (default all, in {@link REFRESHABLE_DATASETS} order). */
  datasets?: readonly RefreshableDataset[];
  /** Per request, headers and body (default 60 s). */
  timeoutMs?: number;
  /** Further attempts after a 5xx, a network error or a time-out (default 1). */
  retries?: number;
  /** The largest answer accepted (default 64 MB). */
  maxBytes?: number;
  /**
   * The size check: an answer is used only if it has at least this fraction (default 0.5) of the
   * records of the copy in use now (the refreshed copy, else the bundled one), so a truncated
   * answer never replaces good data.
   */
  minRecordRatio?: number;
  /** Where the bundled copies are (default the app's data folder); tests pass small ones. */
  bundledDir?: string;
}

export interface RefreshDatasetsResult {
  refreshed: RefreshableDataset[];
  failed: { dataset: RefreshableDataset; reason: string }[];
}

/**
 * Downloads, checks and stores each dataset in turn. Each answer is converted to the bundled format,
 * validated in full against the zod schema, size-checked against the copy in use, then written
 * atomically (temp file, fsync, rename) to `<dataDir>/datasets/<bundled file name>`. A dataset that
 * fails — network, HTTP status, time-out, unreadable or invalid answer, too few records — keeps its
 * previous copy and is listed in `failed` with a plain reason, as does one that cannot be written;
 * this never throws for those. It rejects only when `signal` aborts (datasets already stored stay).
 */
export async function refreshDatasets(options: RefreshDatasetsOptions): Promise<RefreshDatasetsResult> {
  const now = options.now ?? (() => new Date());
  const bundledDir = options.bundledDir ?? BUNDLED_DATA_DIR;
  const result: RefreshDatasetsResult = { refreshed: [], failed: [] };
  const wanted = new Set(options.datasets ?? REFRESHABLE_DATASETS);
  const dir = refreshedDatasetsDir(options.dataDir);

  for (const dataset of REFRESHABLE_DATASETS) {
    if (!wanted.has(dataset)) continue;
    if (options.signal?.aborted) throw options.signal.reason;
    const url = options.baseUrls?.[dataset] ?? DEFAULT_DATASET_URLS[dataset];
    const answer = await download(dataset, url, options);
    if (!answer.ok) {
      result.failed.push({ dataset, reason: answer.reason });
      continue;
    }

    let prepared: { text: string; records: number };
    try {
      prepared = prepare(dataset, answer.text, url, now(), (key) =>
        readDatasetInUse(options.dataDir, bundledDir, key),
      );
    } catch (error) {
      const reason = format('online.failure.unusable', { reason: plainValidationMessage(error) });
      answer.finish(format('ledger.outcome.notUsed', { reason }));
      result.failed.push({ dataset, reason });
      continue;
    }

    const expected = Math.max(
      1,
      Math.ceil(recordsInUse(options.dataDir, bundledDir, dataset) * (options.minRecordRatio ?? 0.5)),
    );
    if (prepared.records < expected) {
      const reason = format('online.failure.truncated', { records: prepared.records, expected });
      answer.finish(format('ledger.outcome.notUsed', { reason }));
      result.failed.push({ dataset, reason });
      continue;
    }

    try {
      mkdirSync(dir, { recursive: true });
      writeFileAtomically(join(dir, DATASET_FILES[dataset].file), prepared.text);
    } catch (error) {
      const reason = format('online.failure.notStored', { reason: (error as Error).message });
      answer.finish(format('ledger.outcome.notUsed', { reason }));
      result.failed.push({ dataset, reason });
      continue;
    }
    answer.finish(format('ledger.outcome.stored', { count: prepared.records }));
    result.refreshed.push(dataset);
  }
  return result;
}

type Download = { ok: true; text: string; finish: (outcome: string) => void } | { ok: false; reason: string };

/** GETs one dataset, retrying 5xx and network failures; records every attempt. */
async function download(
  dataset: RefreshableDataset,
  url: string,
  options: RefreshDatasetsOptions,
): Promise<Download> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const now = options.now ?? (() => new Date());
  const retries = Math.max(0, options.retries ?? 1);
  const record = (outcome: string) =>
    options.record({
      at: now().toISOString(),
      method: 'GET',
      url,
      purpose: REFRESH_PURPOSES[dataset],
      sent: refreshSent(),
      outcome,
    });

  let reason = format('online.failure.noDownload');
  for (let attempt = 0; attempt <= retries; attempt += 1) {
    if (options.signal?.aborted) throw options.signal.reason;
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 60_000);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const at = now().toISOString();
    try {
      const response = await fetchImpl(url, {
        headers: { 'user-agent': options.userAgent, accept: 'application/json' },
        signal,
      });
      if (response.ok) {
        const text = await readTextCapped(response, options.maxBytes ?? 64_000_000);
        const status = response.status;
        // Recorded once the answer has been judged, with the time of the request.
        const finish = (outcome: string) =>
          options.record({
            at,
            method: 'GET',
            url,
            purpose: REFRESH_PURPOSES[dataset],
            sent: refreshSent(),
            outcome: format('ledger.outcome.statusWith', { status: String(status), outcome }),
          });
        return { ok: true, text, finish };
      }
      await response.body?.cancel().catch(() => {});
      const status = String(response.status);
      record(format('ledger.outcome.status', { status }));
      if (response.status === 429) return { ok: false, reason: format('online.failure.serverRateLimited') };
      if (response.status < 500)
        return { ok: false, reason: format('online.failure.serverRefused', { status }) };
      reason = format('online.failure.serverError', { status });
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const what = describeRequestError(error, timeout);
      record(format('ledger.outcome.failed', { reason: what }));
      if (error instanceof BodyTooLargeError) return { ok: false, reason: what };
      reason = timeout.aborted ? format('online.failure.serverSlow') : what;
    }
    if (attempt < retries) {
      await pauseUnlessAborted(options.sleep ?? realSleep, 1000 * 2 ** attempt, options.signal);
    }
  }
  return { ok: false, reason };
}

/** Converts (directories) and fully validates an answer; throws when it is not usable. */
function prepare(
  dataset: RefreshableDataset,
  text: string,
  url: string,
  fetchedAt: Date,
  inUse: (key: 'twoFactor' | 'passkeys') => { data: DatasetFiles['twoFactor' | 'passkeys'] },
): { text: string; records: number } {
  if (dataset === 'breaches') {
    const breaches = parseDatasetText('breaches', text, 'full');
    return { text, records: breaches.length };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(format('datasetFile.answer.notJson', jsonSyntaxValues(text, error)), { cause: error });
  }
  const header = {
    source: /^https:\/\//.test(url) ? url : DEFAULT_DATASET_URLS[dataset],
    commit: API_COMMIT,
    commit_date: gitDateUtc(fetchedAt),
  };
  // Names for entries the API lists by domain only: the passkeys directory first for itself, then
  // the 2FA directory (refreshed a moment ago, when it was).
  const order: ('twoFactor' | 'passkeys')[] =
    dataset === 'passkeys' ? ['passkeys', 'twoFactor'] : ['twoFactor', 'passkeys'];
  let names: Map<string, string> | null = null;
  const nameOf = (host: string) => {
    names ??= namesByHost(
      order.map((key) => {
        try {
          return inUse(key).data.entries;
        } catch {
          return []; // No names from a directory that cannot be read; the domain stands in.
        }
      }),
    );
    return names.get(host);
  };
  const flat =
    dataset === 'twoFactor' ? twoFactorFromApi(json, header, nameOf) : passkeysFromApi(json, header, nameOf);
  const out = JSON.stringify(flat, null, 1);
  const parsed = parseDatasetText(dataset, out, 'full');
  return { text: out, records: parsed.count };
}

/** The header of a flattened directory. */
export interface FlatDirectoryHeader {
  source: string;
  commit: string;
  commit_date: string;
}

/** A flattened directory, before validation. */
export interface FlatDirectory extends FlatDirectoryHeader {
  count: number;
  entries: Record<string, unknown>[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Flattens a 2fa.directory answer: v3 `[[name, entry], …]` (`keywords` becomes `categories`) or v4
 * `{domain: {methods, …}}` (`methods` becomes `tfa`; the name comes from `nameOf`, else the domain).
 * Throws when the answer is neither.
 */
export function twoFactorFromApi(
  json: unknown,
  header: FlatDirectoryHeader,
  nameOf: (host: string) => string | undefined = () => undefined,
): FlatDirectory {
  const entries: Record<string, unknown>[] = [];
  if (Array.isArray(json)) {
    json.forEach((item, index) => {
      if (!Array.isArray(item) || typeof item[0] !== 'string' || !isRecord(item[1])) {
        throw new Error(format('datasetFile.answer.notPair', { index }));
      }
      const { keywords, categories, ...rest } = item[1];
      const tags = keywords ?? categories;
      entries.push({ name: item[0], ...rest, ...(tags === undefined ? {} : { categories: tags }) });
    });
  } else if (isRecord(json)) {
    for (const [domain, value] of Object.entries(json)) {
      if (!isRecord(value)) {
        throw new Error(format('datasetFile.answer.notEntry', { directory: 'twoFactor', key: domain }));
      }
      const { methods, ...rest } = value;
      entries.push({
        name: nameOf(domain) ?? domain,
        domain,
        ...(methods === undefined ? {} : { tfa: methods }),
        ...rest,
      });
    }
  } else {
    throw new Error(format('datasetFile.answer.notDirectory', { directory: 'twoFactor' }));
  }
  return { ...header, count: entries.length, entries };
}

/**
 * Flattens a passkeys-directory answer `{domain: entry}` (the name comes from `nameOf`, else the
 * domain), or `{name: {domain, …}}`. Throws when the answer is not an object of entries.
 */
export function passkeysFromApi(
  json: unknown,
  header: FlatDirectoryHeader,
  nameOf: (host: string) => string | undefined = () => undefined,
): FlatDirectory {
  if (!isRecord(json)) throw new Error(format('datasetFile.answer.notDirectory', { directory: 'passkeys' }));
  const entries: Record<string, unknown>[] = [];
  for (const [key, value] of Object.entries(json)) {
    if (!isRecord(value))
      throw new Error(format('datasetFile.answer.notEntry', { directory: 'passkeys', key }));
    const { name: _name, domain, ...rest } = value;
    if (typeof domain === 'string') entries.push({ name: key, domain, ...rest });
    else entries.push({ name: nameOf(key) ?? key, domain: key, ...rest });
  }
  return { ...header, count: entries.length, entries };
}

/** Host (main or additional domain) → the first name listed for it, earlier lists first. */
function namesByHost(
  lists: readonly (readonly { name: string; domain: string; 'additional-domains'?: string[] }[])[],
): Map<string, string> {
  const names = new Map<string, string>();
  for (const list of lists) {
    for (const entry of list) {
      for (const host of [entry.domain, ...(entry['additional-domains'] ?? [])]) {
        if (!names.has(host)) names.set(host, entry.name);
      }
    }
  }
  return names;
}

/** `2026-11-28 12:00:00 +0000`: a git-style date, in UTC. */
function gitDateUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} +0000`;
}

/** A git date (`2026-08-04 18:17:11 -0700`) as epoch ms, or NaN. */
function gitDateMs(value: string): number {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/.exec(value);
  return match ? Date.parse(`${match[1]}T${match[2]}${match[3]}:${match[4]}`) : Number.NaN;
}

/** Why a downloaded copy is not used, naming its file but not calling it bundled. */
function plainValidationMessage(error: unknown): string {
  if (error instanceof DatasetFileError) return error.refusal;
  return error instanceof Error ? error.message : String(error);
}

/**
 * The number of records of the copy in use, the reference of the size check; 0 when no copy can be
 * read (then there is no good data a short answer could replace).
 */
function recordsInUse(dataDir: string, bundledDir: string, dataset: RefreshableDataset): number {
  let data: DatasetFiles[RefreshableDataset];
  try {
    data = readDatasetInUse(dataDir, bundledDir, dataset).data;
  } catch {
    return 0;
  }
  return dataset === 'breaches'
    ? (data as DatasetFiles['breaches']).length
    : (data as DatasetFiles['twoFactor' | 'passkeys']).entries.length;
}

/** Where a dataset was read from. */
export type DatasetOrigin = 'bundled' | 'refreshed';

/** One dataset as {@link readDatasetFilesWithRefreshes} chose it. */
interface Chosen<K extends DatasetKey> {
  data: DatasetFiles[K];
  origin: DatasetOrigin;
  /** Why a refreshed copy present on disk was not used, if so. */
  problem?: string;
}

/**
 * The copy of a dataset in use: the refreshed one when it is present, passes the structural check
 * and is not older than the bundled one, else the bundled one (which throws if broken, like
 * `readDatasetFiles`). Datasets without an online source always come from the bundled folder.
 */
function readDatasetInUse<K extends DatasetKey>(
  dataDir: string,
  bundledDir: string,
  key: K,
  validation: DatasetValidation = 'structural',
): Chosen<K> {
  const file = DATASET_FILES[key].file;
  const bundled = (): DatasetFiles[K] => readDatasetFile(bundledDir, key, validation);
  if (!(REFRESHABLE_DATASETS as readonly string[]).includes(key))
    return { data: bundled(), origin: 'bundled' };

  let text: string;
  try {
    text = readFileSync(join(refreshedDatasetsDir(dataDir), file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { data: bundled(), origin: 'bundled' };
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      data: bundled(),
      origin: 'bundled',
      problem: format('datasetFile.unreadable', { file, reason }),
    };
  }
  let refreshed: DatasetFiles[K];
  try {
    refreshed = parseDatasetText(key, text, validation);
  } catch (error) {
    return { data: bundled(), origin: 'bundled', problem: plainValidationMessage(error) };
  }
  if (bundledIsNewer(key as RefreshableDataset, refreshed as DatasetFiles[RefreshableDataset], bundledDir)) {
    return { data: bundled(), origin: 'bundled', problem: format('datasetFile.bundledNewer', { file }) };
  }
  return { data: refreshed, origin: 'refreshed' };
}

/**
 * Whether the bundled copy is more recent than a refreshed one (an app update can ship newer data
 * than an old refresh). Cheap: directories compare `commit_date` from the head of the bundled file;
 * breaches compare the latest `AddedDate`, found by a scan of the bundled text (no JSON parse).
 */
function bundledIsNewer(
  key: RefreshableDataset,
  refreshed: DatasetFiles[RefreshableDataset],
  bundledDir: string,
): boolean {
  let text: string;
  try {
    text = readFileSync(join(bundledDir, DATASET_FILES[key].file), 'utf8');
  } catch {
    return false;
  }
  if (key === 'breaches') {
    const latest = (refreshed as DatasetFiles['breaches']).reduce(
      (max, breach) => (breach.AddedDate > max ? breach.AddedDate : max),
      '',
    );
    let bundledLatest = '';
    for (const match of text.matchAll(/"AddedDate"\s*:\s*"([^"]*)"/g)) {
      if (match[1]! > bundledLatest) bundledLatest = match[1]!;
    }
    return bundledLatest > latest;
  }
  const head = /"commit_date"\s*:\s*"([^"]*)"/.exec(text.slice(0, 4096));
  const bundledMs = head ? gitDateMs(head[1]!) : Number.NaN;
  const refreshedMs = gitDateMs((refreshed as DatasetFiles['twoFactor' | 'passkeys']).commit_date);
  return Number.isFinite(bundledMs) && Number.isFinite(refreshedMs) && bundledMs > refreshedMs;
}

export interface DatasetFilesWithRefreshes {
  files: DatasetFiles;
  /** Where each dataset came from. */
  origins: Record<DatasetKey, DatasetOrigin>;
  /** Refreshed copies present but not used, and why (damaged, or older than the bundled one). */
  problems: string[];
}

/**
 * Reads the datasets like `readDatasetFiles(bundledDir)`, but takes the breach list and the two
 * directories from `<dataDir>/datasets/` when a refreshed copy is there, passes the structural check
 * (it was validated in full before it was written) and is not older than the bundled copy. The
 * change-password URLs, shared credentials and account families always come from the bundled folder. With a refreshed
 * breach list, the bundled supplement (breaches HIBP added after the bundled snapshot) only adds
 * the breaches the refreshed list lacks: HIBP's own records win.
 */
export function readDatasetFilesWithRefreshes(
  dataDir: string,
  bundledDir: string = BUNDLED_DATA_DIR,
): DatasetFilesWithRefreshes {
  const files = {} as Record<DatasetKey, unknown>;
  const origins = {} as Record<DatasetKey, DatasetOrigin>;
  const problems: string[] = [];
  for (const key of DATASET_KEYS) {
    const chosen = readDatasetInUse(dataDir, bundledDir, key);
    files[key] = chosen.data;
    origins[key] = chosen.origin;
    if (chosen.problem) problems.push(chosen.problem);
  }
  const result = files as unknown as DatasetFiles;
  if (origins.breaches === 'refreshed') {
    const known = new Set(result.breaches.map((breach) => breach.Name));
    result.breachesSupplement = result.breachesSupplement.filter((breach) => !known.has(breach.Name));
  }
  return { files: result, origins, problems };
}

/**
 * Like `loadCatalogue()`, with refreshed datasets where usable (see
 * {@link readDatasetFilesWithRefreshes}). Start-up cost: the structural check of each file, as for
 * the bundled copies, plus a scan of the bundled breach list when a refreshed one exists.
 */
export function loadCatalogueWithRefreshes(
  dataDir: string,
  bundledDir: string = BUNDLED_DATA_DIR,
): Catalogue {
  return buildCatalogue(readDatasetFilesWithRefreshes(dataDir, bundledDir).files);
}

/**
 * When each dataset was last refreshed (the ISO time its refreshed copy was written), or null when
 * it never was. Only looks at the files, so it is cheap; whether the copy is used is decided by
 * {@link readDatasetFilesWithRefreshes}.
 */
export function refreshedDatasetDates(dataDir: string): Record<RefreshableDataset, string | null> {
  const dates = {} as Record<RefreshableDataset, string | null>;
  for (const dataset of REFRESHABLE_DATASETS) {
    try {
      dates[dataset] = statSync(
        join(refreshedDatasetsDir(dataDir), DATASET_FILES[dataset].file),
      ).mtime.toISOString();
    } catch {
      dates[dataset] = null;
    }
  }
  return dates;
}
