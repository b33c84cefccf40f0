// Every word a person reads comes from the message catalogue (README "Words: one message
// catalogue"): this test reads the source of electron/, common/ and renderer/src (not tests, not
// the catalogue itself, not test helpers) and fails on a string that looks like words written in
// the code — a capitalised word followed by another word ("Something went wrong", "… Lockstep
// needs a"), or two words in an error (`new Error('not found')`, `{ message: 'bad input' }`) —
// unless the allow-list below names it, with the reason it is not words to translate.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FOLDERS = ['electron', 'common', 'renderer/src'];

/**
 * Strings that are not words to translate: the file (from the root), a piece of each string it
 * allows, and why. Every piece must still match a string (a stale entry fails the test).
 */
const ALLOWED: readonly { file: string; texts: readonly string[]; reason: string }[] = [
  // Code, styles and file formats: not words a person reads.
  {
    file: 'electron/services/passwordHealth/strengthWorkerSource.ts',
    texts: ["'use strict'", 'hasTriedFastMatching', 'workerData.modules.estimate'],
    reason: 'the source of the strength worker, run with eval: JavaScript, not words',
  },
  {
    file: 'electron/services/passwordHealth/fastMatchingSource.ts',
    texts: ['function installFastDictionaryMatching'],
    reason: 'the source of the fast dictionary search, run in the worker: JavaScript, not words',
  },
  {
    file: 'electron/services/passwordHealth/fastScoringSource.ts',
    texts: ['typeof estimate'],
    reason: 'the source of the cheaper zxcvbn scoring, run in the worker: JavaScript, not words',
  },
  {
    file: 'electron/services/pwnedIndex/corpusParserSource.ts',
    texts: ['function createCorpusParser'],
    reason:
      'the source of the offline index’s corpus parser, run in its parse threads: JavaScript, not words',
  },
  {
    file: 'common/domain/guides/summary.ts',
    texts: ['@page { size: A4'],
    reason: 'the style sheet of a printed guide summary (CSS font names such as "Segoe UI")',
  },
  {
    file: 'common/domain/team/report.ts',
    texts: ['@page { size: A4'],
    reason: 'the style sheet of a printed report (CSS font names such as "Segoe UI")',
  },
  {
    file: 'renderer/src/app/theme.ts',
    texts: ['"Segoe UI"'],
    reason: 'the font stack of the theme: font names, not words',
  },
  {
    file: 'electron/services/dataDir.ts',
    texts: ['Application Support'],
    reason: 'the name of the macOS folder the data lives in, a path',
  },
  {
    file: 'electron/main/index.ts',
    texts: ['Not found'],
    reason:
      'the body of a 404 answer of the app:// protocol, read by Chromium, never shown (the page asks for its own files only)',
  },
  {
    file: 'common/domain/dataSafety/exportFormat.ts',
    texts: ['Everything Lockstep keeps', 'For each entry in seq order', 'Lockstep export'],
    reason:
      'the export format’s JSON Schema and how to verify its history: the file format, like its field names',
  },
  {
    file: 'common/domain/import/kasperskyTxt.ts',
    texts: ['Website name', 'Website URL', 'Account name', 'Login name', 'Other Accounts'],
    reason: 'the keys and headings Kaspersky Password Manager writes in its export, matched as they are',
  },
  // Names and data from elsewhere.
  {
    file: 'common/domain/mailScan/checksums.ts',
    texts: ['American Express', 'Diners Club'],
    reason: 'card networks’ own names (brands), not words',
  },
  {
    file: 'renderer/src/features/import/ImportDialog.tsx',
    texts: ['Bitwarden, 1Password, LastPass'],
    reason: 'the password managers Lockstep reads, by their product names',
  },
  {
    file: 'common/domain/checks/findings.ts',
    texts: ['Have I Been Pwned'],
    reason: 'the source of a breach finding’s evidence, stored by the service’s own name',
  },
  {
    file: 'common/domain/checks/findings.ts',
    texts: [
      'Email messages',
      'Security questions and answers',
      'Credit cards',
      'Bank account numbers',
      'Government issued IDs',
      'Auth tokens',
    ],
    reason: 'Have I Been Pwned’s data-class names (dataset data), matched against a notice’s exposed data',
  },
  {
    file: 'renderer/src/features/breaches/NoticesPanel.tsx',
    texts: [
      'Email addresses',
      'Email messages',
      'Phone numbers',
      'Physical addresses',
      'Dates of birth',
      'Security questions and answers',
      'Credit cards',
      'Bank account numbers',
      'Government issued IDs',
      'Auth tokens',
    ],
    reason:
      'Have I Been Pwned’s data-class names (dataset data), offered as they are so a recorded notice matches the guides and the urgent classes',
  },
  // For developers: logs, and errors a person never meets (a broken promise inside the code).
  {
    file: 'electron/ipc/handlers.ts',
    texts: ['Handler for '],
    reason: 'a log line for developers; the person is told errors.ipc.internal',
  },
  {
    file: 'electron/services/scheduler.ts',
    texts: ['Scheduled job '],
    reason: 'a log line for developers when a background job fails',
  },
  {
    file: 'electron/services/scheduler.ts',
    texts: ['No scheduled job '],
    reason: 'a developer assertion: runNow is only called with the names of jobs the core adds',
  },
  {
    file: 'electron/services/dataSafety/host.ts',
    texts: ['Lockstep could not start its session work'],
    reason: 'a log line for developers; the session work is retried at the next start',
  },
  {
    file: 'renderer/src/app/ErrorBoundary.tsx',
    texts: ['Screen failed to render'],
    reason: 'a console line for developers; the person sees app.screenFailed',
  },
  {
    file: 'renderer/src/main.tsx',
    texts: ['The page has no #root element.'],
    reason: 'a developer assertion about index.html, which always has #root',
  },
  {
    file: 'electron/services/dataSafety/restore.ts',
    texts: ['The checks do not run while a backup is restored.'],
    reason: 'a developer assertion: the restore’s one write touches nothing the checks derive from',
  },
  {
    file: 'electron/services/fileGrants.ts',
    texts: ['Only a picked file (an absolute path) can be granted.'],
    reason: 'a developer assertion: every caller grants a path it resolved or main’s dialog gave',
  },
  {
    file: 'electron/services/guidesService.ts',
    texts: ['No platform: file dialogs are not available here.'],
    reason: 'a developer assertion: the core always gives the guides service a platform',
  },
  {
    file: 'electron/services/writePath.ts',
    texts: ['A write cannot start inside another write.'],
    reason: 'a developer assertion of the write path’s contract (STYLE.md, one way to write)',
  },
  {
    file: 'electron/services/online/apiKeyStore.ts',
    texts: ['round trip differs'],
    reason: 'the cause kept under errors.online.sealFailed, which is what the person reads',
  },
  {
    file: 'electron/services/passwordHealth/fingerprint.ts',
    texts: ['A fingerprint key needs at least 16 bytes'],
    reason:
      'a developer assertion: the key store refuses a key of the wrong size first (errors.fingerprintKey.wrongSize)',
  },
  {
    file: 'electron/services/passwordHealth/strengthPool.ts',
    texts: ['A password strength result went missing.', 'returned the wrong number of results'],
    reason: 'developer assertions of the pool’s protocol with its own workers',
  },
  {
    file: 'electron/services/pwnedIndex/lookup.ts',
    texts: ['The Pwned Passwords index is closed.'],
    reason: 'a developer assertion: the index service closes an index only after its lookups',
  },
  {
    file: 'electron/services/pwnedIndex/parsePipeline.ts',
    texts: ['A batch of corpus lines overflowed'],
    reason: 'a developer assertion of the parse pipeline’s own arithmetic (it says it is a bug)',
  },
  {
    file: 'common/domain/history/chain.ts',
    texts: [' must be an integer, got '],
    reason: 'a developer assertion: seq and subjectId come from INTEGER columns',
  },
];

/** A string in the source that looks like words, and where. */
interface Found {
  file: string;
  line: number;
  text: string;
  rule: 'capitalised words' | 'an error’s words';
}

/** A capitalised word followed by another word, at the start or after a space, quote or bracket. */
const CAPITALISED_WORDS = /(?:^|[\s"'(“‘[])[A-Z][a-z]+['’]?[a-z]*\s+[A-Za-z]/;
/** Two words (in an error, where even lower-case words are read by a person). */
const TWO_WORDS = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/;
/** Properties whose value a person reads. */
const WORDED_PROPERTIES = new Set([
  'message',
  'reason',
  'title',
  'body',
  'label',
  'skip',
  'why',
  'problem',
  'advice',
]);

/** Whether `node` is the message of an error: `new SomethingError(…)`/`new AppFailure(code, …)`. */
function isErrorArgument(node: ts.Node): boolean {
  let parent = node.parent;
  while (
    parent &&
    (ts.isTemplateSpan(parent) || ts.isTemplateExpression(parent) || ts.isBinaryExpression(parent))
  ) {
    parent = parent.parent;
  }
  if (!parent || !(ts.isNewExpression(parent) || ts.isCallExpression(parent))) return false;
  const callee = parent.expression.getText();
  return /(?:Error|Failure|Refused)$/.test(callee) && callee !== 'console.error';
}

/** Whether `node` is the value of a property a person reads (`{ message: '…' }`). */
function isWordedProperty(node: ts.Node): boolean {
  let parent = node.parent;
  while (
    parent &&
    (ts.isTemplateSpan(parent) || ts.isTemplateExpression(parent) || ts.isConditionalExpression(parent))
  ) {
    parent = parent.parent;
  }
  return (
    !!parent &&
    ts.isPropertyAssignment(parent) &&
    (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name)) &&
    WORDED_PROPERTIES.has(parent.name.text)
  );
}

/** The strings of one source file that look like words. */
export function wordsIn(file: string, source: string): Found[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: Found[] = [];
  const visit = (node: ts.Node): void => {
    let text: string | null = null;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node))
      text = node.text;
    else if (ts.isJsxText(node)) text = node.text.trim() || null;
    const parent = node.parent;
    const isCode =
      parent !== undefined &&
      (ts.isImportDeclaration(parent) ||
        ts.isExportDeclaration(parent) ||
        ts.isLiteralTypeNode(parent) ||
        ts.isExternalModuleReference(parent) ||
        (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword));
    if (text !== null && !isCode) {
      const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
      if (CAPITALISED_WORDS.test(text)) found.push({ file, line, text, rule: 'capitalised words' });
      else if (TWO_WORDS.test(text) && (isErrorArgument(node) || isWordedProperty(node)))
        found.push({ file, line, text, rule: 'an error’s words' });
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** The source files the test reads: `.ts` and `.tsx` in {@link FOLDERS}, without tests and helpers. */
function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const file = relative(ROOT, path).split(sep).join('/');
      if (entry.isDirectory()) {
        if (['node_modules', 'testing', 'test'].includes(entry.name) || file === 'common/messages') continue;
        walk(path);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|\.d\.ts$/.test(entry.name)) {
        files.push(file);
      }
    }
  };
  for (const folder of FOLDERS) walk(join(ROOT, folder));
  return files;
}

describe('words written in the code', () => {
  const found = sourceFiles().flatMap((file) => wordsIn(file, readFileSync(join(ROOT, file), 'utf8')));
  const allows = (item: Found) =>
    ALLOWED.some(
      (allowed) => allowed.file === item.file && allowed.texts.some((text) => item.text.includes(text)),
    );

  it('are none: every word a person reads comes from the catalogue (or is on the allow-list, with why)', () => {
    const unexplained = found
      .filter((item) => !allows(item))
      .map((item) => `${item.file}:${item.line} (${item.rule}): ${JSON.stringify(item.text.slice(0, 100))}`);
    expect(unexplained).toEqual([]);
  });

  it('has no allow-list entry that allows nothing, and a reason for each', () => {
    for (const allowed of ALLOWED) {
      for (const text of allowed.texts) {
        expect(
          found.some((item) => item.file === allowed.file && item.text.includes(text)),
          `${allowed.file}: ${text}`,
        ).toBe(true);
      }
      expect(allowed.reason.length, allowed.file).toBeGreaterThan(20);
    }
  });

  it('finds words in every form they take in code', () => {
    const source = [
      "throw new Error('The copy failed its check.');",
      "throw new AppFailure('internal', 'not allowed here');",
      'const a = `Lockstep could not reach ${where}.`;',
      'const b = `${count} rows; Lockstep needs a name`;',
      "const c = { message: 'bad input' };",
      "const d = { reason: ok ? 'not checked' : 'failed twice' };",
      'const e = <p>Something went wrong</p>;',
      "const f = <Button aria-label='Close dialog' />;",
    ].join('\n');
    expect(wordsIn('example.tsx', source).map((item) => item.line)).toEqual([1, 2, 3, 4, 5, 6, 6, 7, 8]);
    const code = [
      "import { x } from './Some module';",
      "const id = format('errors.ipc.internal');",
      "type Kind = 'audio or video';",
      "const sql = 'SELECT name FROM people';",
      "const path = '/Applications/Google Chrome.app';",
    ].join('\n');
    expect(wordsIn('example.ts', code)).toEqual([]);
  });
});
