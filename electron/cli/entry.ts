// The command line's entry point (bundled to out/cli/index.mjs): answers `--help` at once and loads
// the commands only when a command runs. They are a separate bundle beside it (out/cli/commands.cjs,
// from index.ts), run with V8's code cache (codeCache.ts).
import { join } from 'node:path';
import { messageLocaleFromEnv, setMessageLocale } from '../../common/messages/locale';
import { usage } from './usage';
import { loadWithCodeCache } from './codeCache';
import type { run } from './index';

// The catalogue this process writes in: English, or the pseudo-locale with LOCKSTEP_PSEUDO_LOCALE=1
// (the commands bundle chooses its own the same way).
setMessageLocale(messageLocaleFromEnv(process.env));

// A reader that stops early (`| head`) closes the pipe: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
  process.stdout.write(`${usage()}\n`);
} else if (argv.length === 0) {
  process.stderr.write(`${usage()}\n`);
  process.exitCode = 2;
} else {
  const bundle = join(import.meta.dirname, 'commands.cjs');
  const commands = loadWithCodeCache<{ run: typeof run }>(
    bundle,
    join(import.meta.dirname, '.commands.cjs.cache'),
  );
  await commands.exports.run(argv);
  commands.saveCache();
  endWhenWritten();
}

/**
 * Ends the process as soon as what the command wrote has gone out, when nothing else is still
 * running. The command has closed its data by now; Node's own ending would then finish collecting
 * a heap that held a whole office's accounts (~10 ms for `accounts --json` on 10,000). With
 * anything else still open (a child process, a socket, a worker, a timer) Node ends as usual, when
 * that is done.
 */
function endWhenWritten(): void {
  let waiting = 2;
  const written = () => {
    waiting -= 1;
    if (waiting > 0) return;
    // What is left once the writes are out: the standard streams themselves, and files being
    // closed (their writes are done). A file still being read or written keeps the process.
    const idle = process.getActiveResourcesInfo().every((kind) => ENDING_RESOURCES.has(kind));
    if (idle) process.exit();
  };
  process.stdout.write('', written);
  process.stderr.write('', written);
}

const ENDING_RESOURCES = new Set(['TTYWrap', 'PipeWrap', 'CloseReq']);
