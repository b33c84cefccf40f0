// The CLI as plain JavaScript, bundled by esbuild (our code and the pure-JavaScript packages; the
// SQLite driver left to node_modules), with the bundled datasets beside it in `out/data` where
// bundledData.ts looks:
//   - `out/cli/index.mjs`, from `electron/cli/entry.ts`: answers `--help` on its own (a few kB) and
//     otherwise runs
//   - `out/cli/commands.cjs`, from `electron/cli/index.ts`: every command, as one CommonJS file so
//     that the entry can run it with V8's code cache (electron/cli/codeCache.ts; Node 20 has no code
//     cache for ES modules). Parts only some commands use (the mailbox scan) are evaluated when used.
// Rebuilt only when a source is newer than the bundles, so a command costs no compilation when
// nothing changed (about 0.1–0.3 s when something did).
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

const SOURCES = ['common', 'electron/cli', 'electron/db', 'electron/services', 'electron/platform'];
const DATA = 'electron/data';

/** Newest modification time (ms) and file count under the given folders, tests left out. */
function scan(root, folders) {
  let newest = 0;
  let count = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!/\.test\.(ts|tsx|mjs)$/.test(entry.name)) {
        count += 1;
        newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  };
  for (const folder of folders) {
    const path = join(root, folder);
    if (!existsSync(path)) continue;
    if (statSync(path).isDirectory()) walk(path);
    else {
      count += 1;
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return { newest, count };
}

const NON_ASCII = /[^\0-\x7f]/;
const unicodeEscape = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `source` with every character beyond ASCII in its regular-expression literals and comments
 * written as a `\uXXXX` escape (`tokenizer`: acorn's). esbuild escapes such characters in strings
 * but leaves them in regular expressions (the mailbox scan's words in other languages, letter
 * ranges); one is enough for V8 to hold the whole ~3 MB bundle as two-byte text, and each command
 * took ~20 ms longer to read it. Template text is left alone (a raw template would change), and
 * the source map's columns after an escape on the same line are a few characters off, which only
 * stack traces see. In a regular expression, `\é` is the character itself, so it becomes `\u00e9`
 * too; a character outside the Basic Multilingual Plane becomes its two surrogates' escapes, which
 * is how such a pattern reads it with or without `u`.
 */
export function asciiRegexesAndComments(source, tokenizer) {
  const spans = [];
  const onComment = (_block, _text, start, end) => spans.push({ start, end, regex: false });
  for (const token of tokenizer(source, { ecmaVersion: 'latest', sourceType: 'script', onComment })) {
    if (token.type.label === 'regexp') spans.push({ start: token.start, end: token.end, regex: true });
  }
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end, regex } of spans) {
    const text = source.slice(start, end);
    if (!NON_ASCII.test(text)) continue;
    out += source.slice(at, start);
    for (let i = 0; i < text.length; i += 1) {
      const c = text[i];
      if (regex && c === '\\' && i + 1 < text.length) {
        const next = text[(i += 1)];
        out += NON_ASCII.test(next) ? unicodeEscape(next) : c + next;
      } else out += NON_ASCII.test(c) ? unicodeEscape(c) : c;
    }
    at = end;
  }
  return out + source.slice(at);
}

/** Where the built CLI is, and the stamp that says what it was built from. */
export function cliPaths(root) {
  return {
    entry: join(root, 'out/cli/index.mjs'),
    commands: join(root, 'out/cli/commands.cjs'),
    stamp: join(root, 'out/cli/.built-from.json'),
    data: join(root, 'out/data'),
  };
}

/**
 * Builds the CLI when it is missing or older than its sources (or the datasets); returns the path of
 * the bundle. `force` rebuilds regardless.
 */
export async function ensureCli(root = process.cwd(), { force = false } = {}) {
  const paths = cliPaths(root);
  const sources = scan(root, [...SOURCES, DATA, 'package.json']);
  const stamp = existsSync(paths.stamp) ? JSON.parse(readFileSync(paths.stamp, 'utf8')) : null;
  const upToDate =
    !force &&
    existsSync(paths.entry) &&
    existsSync(paths.commands) &&
    stamp !== null &&
    stamp.newest === sources.newest &&
    stamp.count === sources.count;
  if (upToDate) return paths.entry;
  const { build } = await import('esbuild');
  const outdir = dirname(paths.entry);
  // What the last build left that this one would not replace: an older layout's chunks, the code
  // cache of the last bundle (which the cache's own check would refuse anyway).
  rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
  rmSync(join(outdir, '.commands.cjs.cache'), { force: true });
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const common = {
    absWorkingDir: root,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    // Only the SQLite driver stays in node_modules (a native module, found by its own loader); every
    // other package is bundled, so a command reads a few files instead of hundreds.
    external: ['better-sqlite3'],
    sourcemap: 'linked',
    minifyWhitespace: true,
    logLevel: 'error',
    write: false,
    define: { 'process.env.LOCKSTEP_BUILT_VERSION': JSON.stringify(version) },
  };
  const built = await Promise.all([
    build({
      ...common,
      entryPoints: { index: join(root, 'electron/cli/entry.ts') },
      outExtension: { '.js': '.mjs' },
      format: 'esm',
      // Bundled CommonJS packages call require() for Node's own modules: give the module one.
      banner: {
        js: "import { createRequire as __lockstepRequire } from 'node:module'; const require = __lockstepRequire(import.meta.url);",
      },
    }),
    build({
      ...common,
      entryPoints: { commands: join(root, 'electron/cli/index.ts') },
      outExtension: { '.js': '.cjs' },
      format: 'cjs',
      // What ES modules ask of `import.meta`, from CommonJS's own names for the same things.
      define: {
        ...common.define,
        'import.meta.url': '__lockstepFileUrl',
        'import.meta.dirname': '__dirname',
        'import.meta.filename': '__filename',
      },
      banner: { js: "const __lockstepFileUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
  ]);
  // Each file is written whole under another name and renamed into place: a command started during
  // a build (another terminal, the tests' processes) reads the last build's file or this one's.
  const { tokenizer } = await import('acorn');
  mkdirSync(outdir, { recursive: true });
  for (const file of built.flatMap((result) => result.outputFiles)) {
    const contents =
      file.path === paths.commands && NON_ASCII.test(file.text)
        ? asciiRegexesAndComments(file.text, tokenizer)
        : file.contents;
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, contents);
    renameSync(temporary, file.path);
  }
  mkdirSync(paths.data, { recursive: true });
  cpSync(join(root, DATA), paths.data, { recursive: true });
  writeFileSync(paths.stamp, JSON.stringify({ ...sources, builtAt: new Date().toISOString() }));
  return paths.entry;
}
