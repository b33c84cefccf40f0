import { Linter, type ESLint } from 'eslint';
import { resolve } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import layers, { layerOf } from './layers.js';

const ROOT = resolve(import.meta.dirname, '..');

/** What the rule says about `source` written in the file at `file` (repository-relative). */
function lint(file: string, source: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  return linter
    .verify(
      source,
      [
        {
          files: ['**/*.{ts,tsx,js,mjs}'],
          languageOptions: { parser: tseslint.parser as Linter.Parser, sourceType: 'module' },
          plugins: { local: layers as unknown as ESLint.Plugin },
          rules: { 'local/layers': ['error', { root: ROOT }] },
        },
      ],
      { filename: resolve(ROOT, file) },
    )
    .map((m) => m.message);
}

describe('the layer rule', () => {
  it.each([
    [
      'common/domain/checks/x.ts',
      "import type { Channel } from '../../ipc/contract';",
      'common/domain may not import common/ipc',
    ],
    [
      'electron/services/x.ts',
      "import { createHandlers } from '../ipc/handlers';",
      'electron/services may not import electron/ipc',
    ],
    [
      'electron/db/repositories/x.ts',
      "import { openCore } from '../../services/core';",
      'electron/db may not import electron/services',
    ],
    [
      'electron/cli/x.ts',
      "import { CONTENT_SECURITY_POLICY } from '../main/security';",
      'electron/cli may not import electron/main',
    ],
    [
      'electron/services/x.ts',
      "import { createElectronPlatform } from '../platform/electron';",
      'electron/services may not import electron/platform',
    ],
    [
      'renderer/src/x.ts',
      "import { openCore } from '../../electron/services/core';",
      'renderer may not import electron/services',
    ],
    [
      'electron/services/x.ts',
      "import { startFakeHttpServer } from '../testing/fakeHttpServer';",
      'may not import electron/testing',
    ],
    [
      'electron/services/x.ts',
      "export * from '../ipc/handlers';",
      'electron/services may not import electron/ipc',
    ],
  ])('refuses %s → %s', (file, source, message) => {
    expect(lint(file, source).join('\n')).toContain(message);
  });

  it.each([
    ['common/domain/checks/x.ts', "import type { Finding } from '../../model/index';"],
    ['electron/services/x.ts', "import type { PlatformPort } from '../platform/port';"],
    ['electron/services/x.ts', "import { AccountsRepository } from '../db/repositories/accountsRepository';"],
    ['electron/ipc/x.ts', "import type { Core } from '../services/core';"],
    ['electron/main/x.ts', "import { createHandlers } from '../ipc/handlers';"],
    ['electron/services/x.test.ts', "import { startFakeHttpServer } from '../testing/fakeHttpServer';"],
    ['electron/services/x.ts', "import { z } from 'zod';"],
  ])('allows %s → %s', (file, source) => {
    expect(lint(file, source)).toEqual([]);
  });

  it('covers a new folder the day it appears: code in a folder no layer lists is refused', () => {
    expect(layerOf('electron/services/brand-new/x.ts')).toBe('electron/services');
    expect(lint('electron/sync/x.ts', "import { x } from './y';").join('\n')).toContain(
      'electron/sync is in no layer',
    );
  });
});
