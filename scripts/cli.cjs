#!/usr/bin/env node
// `npm run -s cli -- <command>` and the `lockstep` bin. CommonJS so that it runs before anything
// uses Node's thread pool — loading an ES module already does — and can size it: the offline
// breached-password index's cold lookups keep 16 page reads in flight, and on the 2-core machines
// they were measured on, 8 threads answered 10,000 of them in ~30 % less time than Node's default 4
// (`bench/README.md`). A size given in the environment is kept. Then scripts/cli.mjs does the rest.
process.env.UV_THREADPOOL_SIZE ??= '8';
import('./cli.mjs');
