import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
writeFileSync('.lean.ts', process.argv[2]);
const r = await build({ entryPoints: ['.lean.ts'], bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3'], metafile: true, write: false, logLevel: 'error' });
const inputs = r.metafile.inputs;
const parents = {};
for (const [file, info] of Object.entries(inputs)) for (const imp of info.imports) if (imp.kind !== 'dynamic-import') (parents[imp.path] ??= []).push(file);
const targets = Object.keys(inputs).filter((f) => /node_modules\/zod\/index|node_modules\/tldts\/|common\/messages\/format\.ts|node_modules\/papaparse|fast-xml-parser\/src\/fxp/.test(f));
for (const t of targets) {
  // BFS up to the entry
  const prev = { [t]: null }; const q = [t]; let found = null;
  while (q.length) { const cur = q.shift(); if (cur === '.lean.ts') { found = cur; break; } for (const p of parents[cur] ?? []) if (!(p in prev)) { prev[p] = cur; q.push(p); } }
  const chain = []; let c = found; while (c) { chain.push(c); c = prev[c]; }
  console.log(chain.join(' -> '));
}
console.log('bytes', Object.values(r.metafile.outputs)[0].bytes);
