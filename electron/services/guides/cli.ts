import { format } from '../../../common/messages/format';
import { plainMessage, usageRow, type PlainMessageId } from '../../../common/messages/plain';
/**
 * The `guides` command of the headless CLI: `list [--json]`, `validate FILE [--json]`,
 * `export ID`, `import FILE [--json]`. `argv` is what follows `guides`. Exit status: 0 success,
 * 2 bad input (an invalid or missing file, an unknown id or command; nothing written), 1 internal
 * error (such as a damaged bundled guide). Results go to stdout, problems to stderr.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatGuideIssue, parseGuideText, type GuideIssue } from '../../../common/content/guides';
import { AppFailure } from '../../../common/ipc/result';
import {
  exportGuide,
  GuideImportError,
  importedGuidesDir,
  importGuide,
  listGuides,
  loadBundledGuides,
} from './guideStore';

/** Somewhere to write text (a stream, or a test's buffer). */
export interface TextSink {
  write(text: string): unknown;
}

/** What the guides CLI needs from its caller. */
export interface GuidesCliContext {
  /** The data folder; imported guides live in `<dataDir>/guides`. */
  dataDir: string;
  stdout: TextSink;
  stderr: TextSink;
}

/** The usage text of the `guides` command. */
export function guidesUsage(): string {
  const row = (syntax: string, id: PlainMessageId) => usageRow(syntax, id, 29);
  return [
    `${plainMessage('usage.usage')} guides <command> [options]`,
    '',
    plainMessage('usage.commands'),
    row('  list [--json]', 'usage.guides.list'),
    row('  validate FILE [--json]', 'usage.guides.validate'),
    row('  export ID', 'usage.guides.export'),
    row('  import FILE [--json]', 'usage.guides.import'),
    '',
    plainMessage('usage.guides.exit'),
  ].join('\n');
}

/** Bad input: exit 2. */
class UsageError extends Error {}

function printIssues(stderr: TextSink, errors: readonly GuideIssue[]): void {
  for (const issue of errors) stderr.write(`${formatGuideIssue(issue)}\n`);
}

/** Runs `guides …`; returns the exit status. Never throws. */
export async function runGuidesCli(argv: readonly string[], context: GuidesCliContext): Promise<number> {
  const { stderr } = context;
  try {
    return await run(argv, context);
  } catch (error) {
    if (error instanceof GuideImportError) {
      stderr.write(`${error.message}\n`);
      printIssues(stderr, error.errors);
      return 2;
    }
    if (error instanceof UsageError) {
      stderr.write(`${error.message}\n\n${guidesUsage()}\n`);
      return 2;
    }
    if (error instanceof AppFailure && error.code !== 'internal') {
      stderr.write(`${error.message}\n`);
      return 2;
    }
    // parseArgs rejects unknown options and missing values with a TypeError carrying a code.
    if (
      error instanceof TypeError &&
      String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')
    ) {
      stderr.write(`${error.message}\n\n${guidesUsage()}\n`);
      return 2;
    }
    stderr.write(`${format('cli.internalErrorSentence', { message: (error as Error).message })}\n`);
    return 1;
  }
}

async function run(argv: readonly string[], context: GuidesCliContext): Promise<number> {
  const { dataDir, stdout, stderr } = context;
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help) {
    stdout.write(`${guidesUsage()}\n`);
    return 0;
  }
  const one = (what: string): string => {
    if (rest.length !== 1)
      throw new UsageError(format('cli.guides.takesOne', { command: `guides ${command}`, what }));
    return rest[0]!;
  };
  switch (command) {
    case 'list': {
      if (rest.length > 0) throw new UsageError(format('cli.noArguments', { command: 'guides list' }));
      const listings = listGuides(dataDir, loadBundledGuides());
      if (values.json) {
        const rows = listings.map(({ guide, source }) => ({
          id: guide.id,
          version: guide.version,
          title: guide.title,
          category: guide.category,
          audience: guide.audience,
          estimatedMinutes: guide.estimatedMinutes,
          steps: guide.steps.length,
          variants: (guide.variants ?? []).map((variant) => variant.id),
          appliesTo: guide.appliesTo,
          source,
        }));
        stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      } else {
        for (const { guide, source } of listings) {
          const origin = source === 'imported' ? '  [imported]' : '';
          stdout.write(
            `${guide.id}  ${guide.version}  ${guide.title} (${format('cli.guides.size', { steps: guide.steps.length, minutes: guide.estimatedMinutes })})${origin}\n`,
          );
        }
      }
      return 0;
    }
    case 'validate': {
      const file = one('FILE');
      const name = basename(file);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new AppFailure(
          'not_found',
          format('cli.cannotRead', { file: name, code: (error as NodeJS.ErrnoException).code ?? 'error' }),
        );
      }
      const result = parseGuideText(text, file);
      if (values.json) {
        stdout.write(
          `${JSON.stringify(result.ok ? { file, ok: true, id: result.guide.id, version: result.guide.version } : { file, ok: false, errors: result.errors }, null, 2)}\n`,
        );
      }
      if (!result.ok) {
        printIssues(stderr, result.errors);
        return 2;
      }
      if (!values.json) {
        stdout.write(
          `${file}: ${format('cli.guides.valid', { id: result.guide.id, version: result.guide.version, steps: result.guide.steps.length })}\n`,
        );
      }
      return 0;
    }
    case 'export': {
      const id = one('ID');
      const guides = listGuides(dataDir, loadBundledGuides()).map((listing) => listing.guide);
      stdout.write(exportGuide(id, guides));
      return 0;
    }
    case 'import': {
      const file = one('FILE');
      const guide = importGuide(file, dataDir, loadBundledGuides());
      const target = join(importedGuidesDir(dataDir), `${guide.id}.json`);
      if (values.json) {
        stdout.write(
          `${JSON.stringify({ id: guide.id, version: guide.version, title: guide.title, file: target }, null, 2)}\n`,
        );
      } else {
        stdout.write(
          `${format('cli.guides.imported', { id: guide.id, version: guide.version, title: guide.title, path: target })}\n`,
        );
      }
      return 0;
    }
    case undefined:
      throw new UsageError(format('cli.missingCommand'));
    default:
      throw new UsageError(format('cli.unknownSubcommand', { command: `guides ${command}` }));
  }
}
