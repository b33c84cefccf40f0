/**
 * Guides on disk: the bundled guides (`<BUNDLED_DATA_DIR>/guides/*.json`), the bundled incident
 * notices (`<BUNDLED_DATA_DIR>/incidents.json`), and guides a person imported
 * (`<dataDir>/guides/<id>.json`). Validation is `common/content/guides`; this module only reads and
 * writes files. Nothing here runs anything a guide says: a guide is data, shown and followed.
 *
 * Import rules:
 * - The file is parsed and validated in full; any problem refuses the import and writes nothing.
 * - An imported guide may not take a bundled guide's id with the same version: that is either a
 *   copy of the bundled guide or a look-alike. With a different version it is accepted (an
 *   organisation's own edition of a Lockstep guide); {@link listGuides} then shows the higher
 *   version, marked with its source.
 * - Importing a guide with the id of an earlier import replaces it.
 * - The guide is written in canonical form ({@link serializeGuide}) through a temporary file and a
 *   rename, so a crash never leaves half a guide.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import {
  formatGuideIssue,
  MAX_GUIDE_FILE_CHARS,
  parseGuideText,
  parseIncidentsText,
  serializeGuide,
  type Guide,
  type GuideIssue,
  type IncidentsFile,
} from '../../../common/content/guides';
import { AppFailure } from '../../../common/ipc/result';
import { format } from '../../../common/messages/format';
import { BUNDLED_DATA_DIR } from '../bundledData';

/** The folder of bundled guides. */
export const BUNDLED_GUIDES_DIR = join(BUNDLED_DATA_DIR, 'guides');
/** The bundled incident notices. */
export const BUNDLED_INCIDENTS_FILE = join(BUNDLED_DATA_DIR, 'incidents.json');

/** Where imported guides live inside a data folder. */
export function importedGuidesDir(dataDir: string): string {
  return join(dataDir, 'guides');
}

/** Where a guide came from. */
export type GuideSource = 'bundled' | 'imported';

/** A guide with its origin and file. */
export interface GuideListing {
  guide: Guide;
  source: GuideSource;
  file: string;
}

/** A bundled content file is broken: names the file and each problem's JSON path. */
export class GuideContentError extends Error {
  constructor(readonly errors: GuideIssue[]) {
    super([format('errors.guides.bundledInvalid'), ...errors.map(formatGuideIssue)].join('\n'));
    this.name = 'GuideContentError';
  }
}

/** An import was refused because the file is not a valid guide: every problem, with its JSON path. */
export class GuideImportError extends AppFailure {
  constructor(readonly errors: GuideIssue[]) {
    super(
      'invalid_input',
      format('errors.guides.invalid', {
        hasFile: errors[0]?.file ? 'yes' : 'no',
        file: errors[0]?.file ?? '',
        count: errors.length,
      }),
      Object.fromEntries(errors.map((issue) => [issue.path, issue.message])),
    );
    this.name = 'GuideImportError';
  }
}

function guideFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .sort();
}

/**
 * Reads and validates every `*.json` guide in `dir` (the bundled guides by default), sorted by id.
 * Each file must be named `<id>.json` and ids must be unique. Throws a {@link GuideContentError}
 * listing every problem (file and JSON path) if any file is broken: bundled content is checked by
 * the test suite, so this only fires on a damaged install.
 */
export function loadBundledGuides(dir: string = BUNDLED_GUIDES_DIR): Guide[] {
  const guides: Guide[] = [];
  const errors: GuideIssue[] = [];
  for (const name of guideFiles(dir)) {
    const result = parseGuideText(readFileSync(join(dir, name), 'utf8'), name);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    if (name !== `${result.guide.id}.json`) {
      errors.push({
        file: name,
        path: '$.id',
        message: format('errors.guides.misnamed', { name: `${result.guide.id}.json` }),
      });
    } else if (guides.some((guide) => guide.id === result.guide.id)) {
      errors.push({
        file: name,
        path: '$.id',
        message: format('errors.guides.duplicateId', { id: result.guide.id }),
      });
    }
    guides.push(result.guide);
  }
  if (errors.length > 0) throw new GuideContentError(errors);
  return guides.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Reads and validates the incident notices (the bundled file by default); throws like {@link loadBundledGuides}. */
export function loadIncidents(file: string = BUNDLED_INCIDENTS_FILE): IncidentsFile {
  const result = parseIncidentsText(readFileSync(file, 'utf8'), basename(file));
  if (!result.ok) throw new GuideContentError(result.errors);
  return result.value;
}

/**
 * The guides imported into `dataDir`, with the problems of any file that no longer validates
 * (edited by hand, or written by a newer Lockstep): such a file is skipped, never fatal.
 */
export function loadImportedGuides(dataDir: string): { guides: GuideListing[]; problems: GuideIssue[] } {
  const dir = importedGuidesDir(dataDir);
  let names: string[];
  try {
    names = guideFiles(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { guides: [], problems: [] };
    throw error;
  }
  const guides: GuideListing[] = [];
  const problems: GuideIssue[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const result = parseGuideText(readFileSync(file, 'utf8'), name);
    if (!result.ok) problems.push(...result.errors);
    else if (name !== `${result.guide.id}.json`) {
      problems.push({
        file: name,
        path: '$.id',
        message: format('errors.guides.misnamed', { name: `${result.guide.id}.json` }),
      });
    } else guides.push({ guide: result.guide, source: 'imported', file });
  }
  return { guides, problems };
}

function compareVersions(a: string, b: string): number {
  const [aMajor, aMinor] = a.split('.').map(Number) as [number, number];
  const [bMajor, bMinor] = b.split('.').map(Number) as [number, number];
  return aMajor - bMajor || aMinor - bMinor;
}

/**
 * Every guide available with `dataDir`: bundled and imported, one per id (where an imported guide
 * shares a bundled guide's id, the higher version), sorted by id.
 */
export function listGuides(dataDir: string, bundled: readonly Guide[] = loadBundledGuides()): GuideListing[] {
  const byId = new Map<string, GuideListing>();
  for (const guide of bundled) {
    byId.set(guide.id, { guide, source: 'bundled', file: join(BUNDLED_GUIDES_DIR, `${guide.id}.json`) });
  }
  for (const listing of loadImportedGuides(dataDir).guides) {
    const existing = byId.get(listing.guide.id);
    if (!existing || compareVersions(listing.guide.version, existing.guide.version) > 0) {
      byId.set(listing.guide.id, listing);
    }
  }
  return [...byId.values()].sort((a, b) => (a.guide.id < b.guide.id ? -1 : 1));
}

/**
 * The guide `id` from `guides` as the JSON a person can share: pretty, canonical, newline-ended.
 * Throws `AppFailure('not_found')` for an unknown id.
 */
export function exportGuide(id: string, guides: readonly Guide[]): string {
  const guide = guides.find((candidate) => candidate.id === id);
  if (!guide) throw new AppFailure('not_found', format('errors.guides.unknown', { id }));
  return serializeGuide(guide);
}

/** Writes `text` to `file` through a temporary file in the same folder, flushed, then renamed over it. */
function writeFileAtomic(file: string, text: string): void {
  const temporary = join(
    file,
    '..',
    `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const descriptor = openSync(temporary, 'wx');
    try {
      writeSync(descriptor, text);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Imports the guide at `filePath` into `dataDir` (written to `<dataDir>/guides/<id>.json`) and
 * returns it. Refuses, writing nothing: a missing or unreadable file (`not_found`), a file that is
 * too large or not a valid guide ({@link GuideImportError}, with every problem), and a guide that
 * takes a bundled guide's id and version (`conflict`; see the module comment).
 */
export function importGuide(
  filePath: string,
  dataDir: string,
  bundled: readonly Guide[] = loadBundledGuides(),
): Guide {
  const name = basename(filePath);
  let text: string;
  try {
    if (statSync(filePath).size > MAX_GUIDE_FILE_CHARS * 4) {
      throw new GuideImportError([{ file: name, path: '$', message: format('errors.guides.tooLarge') }]);
    }
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppFailure(
      'not_found',
      code === 'ENOENT'
        ? format('errors.guides.missing', { file: name })
        : format('errors.guides.unreadable', { file: name, code: code ?? 'error' }),
    );
  }
  const result = parseGuideText(text, name);
  if (!result.ok) throw new GuideImportError(result.errors);
  const guide = result.guide;
  const twin = bundled.find((candidate) => candidate.id === guide.id);
  if (twin && twin.version === guide.version) {
    throw new AppFailure(
      'conflict',
      format('errors.guides.builtIn', { id: guide.id, version: guide.version }),
    );
  }
  const dir = importedGuidesDir(dataDir);
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(join(dir, `${guide.id}.json`), serializeGuide(guide));
  return guide;
}
