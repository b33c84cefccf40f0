import { copyFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATASET_FILES, DATASET_KEYS } from '../../../common/content/datasets';
import { BUNDLED_DATA_DIR } from '../bundledData';
import { catalogueLoadMs, getCatalogue, loadCatalogue, readDatasetFiles } from './loadDatasets';

describe('getCatalogue', () => {
  it('loads the bundled datasets once, quickly, and keeps them', () => {
    const catalogue = getCatalogue();
    expect(catalogue.breaches).toHaveLength(1030);
    expect(catalogue.twoFactor('dropbox.com')?.name).toBe('Dropbox');
    expect(getCatalogue()).toBe(catalogue);
    // Not a benchmark (that target is ~100 ms on a cold start): a guard against a 10× regression.
    expect(catalogueLoadMs()).toBeLessThan(1500);
  });

  it('reads the same data with the cheap run-time check as with full validation', () => {
    const structural = loadCatalogue(BUNDLED_DATA_DIR, 'structural');
    const full = loadCatalogue(BUNDLED_DATA_DIR, 'full');
    expect(structural.breaches).toEqual(full.breaches);
    expect(structural.datasetDates).toEqual(full.datasetDates);
    for (const domain of ['google.com', 'live.com', 'behance.net', 'twitter.com']) {
      expect(structural.twoFactor(domain)).toEqual(full.twoFactor(domain));
      expect(structural.passkeys(domain)).toEqual(full.passkeys(domain));
      expect(structural.changePasswordUrl(domain)).toBe(full.changePasswordUrl(domain));
    }
  });
});

describe('readDatasetFiles on a copy of the data folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lockstep-datasets-'));
    for (const key of DATASET_KEYS) {
      const file = DATASET_FILES[key].file;
      copyFileSync(join(BUNDLED_DATA_DIR, file), join(dir, file));
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (file: string, change: (json: never) => void) => {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    change(json as never);
    writeFileSync(join(dir, file), JSON.stringify(json));
  };

  it('reads an intact copy', () => {
    expect(readDatasetFiles(dir, 'full').breaches).toHaveLength(833);
    expect(loadCatalogue(dir).breaches).toHaveLength(1030);
  });

  it.each(['structural', 'full'] as const)(
    '%s: rejects a record with a wrong type, naming the file and the JSON path',
    (validation) => {
      edit('hibp-breaches.json', (breaches: { PwnCount: unknown }[]) => {
        breaches[42]!.PwnCount = 'lots';
      });
      expect(() => readDatasetFiles(dir, validation)).toThrow(
        /^Bundled dataset hibp-breaches\.json is invalid at \$\[42\]\.PwnCount: /,
      );
    },
  );

  it.each(['structural', 'full'] as const)('%s: rejects a 2FA entry with a bad domain', (validation) => {
    edit('2fa-directory.json', (directory: { entries: { domain: unknown }[] }) => {
      directory.entries[100]!.domain = 12;
    });
    expect(() => loadCatalogue(dir, validation)).toThrow(
      'Bundled dataset 2fa-directory.json is invalid at $.entries[100].domain',
    );
  });

  it.each(['structural', 'full'] as const)(
    '%s: rejects a shared-credentials group of the wrong shape',
    (validation) => {
      edit('shared-credentials.json', (groups: unknown[]) => {
        groups[3] = { from: ['old.example'], to: 'new.example' };
      });
      expect(() => readDatasetFiles(dir, validation)).toThrow(
        'shared-credentials.json is invalid at $[3].to',
      );
    },
  );

  it('names a file that is not JSON, or missing', () => {
    writeFileSync(join(dir, 'passkeys-directory.json'), '{"entries": [');
    expect(() => readDatasetFiles(dir)).toThrow(
      /^Bundled dataset passkeys-directory\.json is not valid JSON/,
    );
    copyFileSync(join(BUNDLED_DATA_DIR, 'passkeys-directory.json'), join(dir, 'passkeys-directory.json'));
    unlinkSync(join(dir, 'change-password-urls.json'));
    expect(() => readDatasetFiles(dir)).toThrow(/change-password-urls\.json could not be read/);
  });
});
