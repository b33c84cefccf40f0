// Layers as an allow-list (STYLE.md; VS Code's `code-layering` rule): each folder names what it may
// import, and a file in a folder that is not listed is an error, so a new folder is covered the day
// it appears. Only relative imports of our own code are checked here; packages and Node built-ins
// are limited per layer by `no-restricted-imports` in eslint.config.js.
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * Folder (relative to the repository root) → the folders and files its code may import. The most
 * specific folder that contains a file decides. `*` allows anything (tools and tests harnesses).
 */
export const LAYERS = {
  'common/model': ['common/model', 'common/domain', 'common/content', 'common/messages'],
  'common/domain': ['common/domain', 'common/model', 'common/content', 'common/messages'],
  'common/content': ['common/content', 'common/domain', 'common/model', 'common/messages'],
  // The message catalogue and its formatter: words only, used by every layer that shows text.
  'common/messages': ['common/messages'],
  'common/ipc': ['common'],
  'electron/db': ['common/domain', 'common/model', 'common/content', 'electron/db'],
  'electron/services': ['common', 'electron/db', 'electron/platform/port.ts', 'electron/services'],
  'electron/platform': ['common', 'electron/platform'],
  // The Electron adapter applies the main process's window and session policies to its own windows.
  'electron/platform/electron.ts': [
    'common',
    'electron/platform',
    'electron/main/hardening',
    'electron/main/security',
  ],
  'electron/ipc': ['common', 'electron/services', 'electron/ipc'],
  'electron/preload': ['common/ipc', 'electron/preload'],
  // The composition roots: they wire the layers together. The CLI is not the app's main process.
  'electron/main': [
    'common',
    'electron/db',
    'electron/services',
    'electron/platform',
    'electron/ipc',
    'electron/main',
  ],
  'electron/cli': ['common', 'electron/db', 'electron/services', 'electron/platform', 'electron/cli'],
  'electron/testing': ['common', 'electron/db', 'electron/services', 'electron/platform', 'electron/testing'],
  renderer: ['common', 'renderer'],
  e2e: [
    'common',
    'electron/db',
    'electron/ipc',
    'electron/services',
    'electron/platform',
    'electron/main',
    'electron/testing',
    'e2e',
  ],
  bench: ['*'],
  scripts: ['*'],
  eslint: ['*'],
  '.': ['*'],
};

/** What a test beside the code may import besides its folder's list (fakes, the IPC table). */
const TEST_EXTRAS = {
  common: [],
  electron: ['electron'],
  renderer: [],
};

const isTest = (file) => /\.test\.(ts|tsx|mjs|js)$/.test(file);
const bare = (path) => path.replace(/\.(ts|tsx|js|mjs|cjs)$/, '');
const within = (path, folder) => bare(path) === bare(folder) || path.startsWith(`${folder}/`);

/** The layer a repository-relative path belongs to: the most specific listed folder, or null. */
export function layerOf(path) {
  // Files at the root are tool configuration (eslint, vite, playwright): they wire everything.
  if (!path.includes('/')) return '.';
  let best = null;
  for (const folder of Object.keys(LAYERS)) {
    if (within(path, folder) && (best === null || folder.length > best.length)) best = folder;
  }
  return best;
}

/** Why `from` may not import `target` (both repository-relative), or null when it may. */
export function layerProblem(from, target) {
  const layer = layerOf(from);
  if (layer === null) {
    const folder = from.split('/').slice(0, -1).join('/') || '.';
    return `${folder} is in no layer: add it to LAYERS in eslint/layers.js with what it may import.`;
  }
  const allowed = [...LAYERS[layer]];
  if (isTest(from)) allowed.push(...(TEST_EXTRAS[from.split('/')[0]] ?? []));
  if (allowed.includes('*') || allowed.some((folder) => within(target, folder))) return null;
  const targetLayer = layerOf(target) ?? target;
  return `${layer} may not import ${targetLayer} (it may import: ${LAYERS[layer].join(', ')}).`;
}

/** The ESLint rule. Options: `{ root }`, the repository root (default: the current directory). */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what its layer allows (eslint/layers.js).' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { layer: '{{problem}}' },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = relative(root, context.filename).split(sep).join('/');
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), source))
        .split(sep)
        .join('/');
      const problem = layerProblem(file, target);
      if (problem) context.report({ node, messageId: 'layer', data: { problem } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { rules: { layers: layersRule } };
