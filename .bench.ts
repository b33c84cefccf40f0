import { createStrengthScorer, scoreSync } from './electron/services/passwordHealth/strengthPool';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
const list = readFileSync('/work/shared/data/ncsc-top100k-passwords.txt', 'utf8').split('\n');
const sample: string[] = [];
for (let i = 0; i < 3000; i++) sample.push(i % 4 === 0 ? randomBytes(9 + (i % 7)).toString('base64') : list[(i * 331 + 7) % 100000]! + (i % 3 ? '' : '!' + i));
// CPU-time rate on this thread (insensitive to other load)
scoreSync('warm');
const c0 = process.cpuUsage(); const w0 = performance.now();
for (const p of sample.slice(0, 1000)) scoreSync(p, ['alice', 'example.com']);
const cpu = process.cpuUsage(c0); const wall = performance.now() - w0;
console.log(`scoreSync: ${(1000 / ((cpu.user + cpu.system) / 1e6)).toFixed(0)} pw per CPU-second; wall ${(1000 / wall * 1000).toFixed(0)} pw/s`);
for (const n of [1, 2, 1, 2]) {
  const s = createStrengthScorer({ workers: n });
  let t = performance.now();
  await s.score(Array.from({ length: n * 4 }, (_, i) => ({ password: 'warm' + i, userInputs: [] })));
  const first = performance.now() - t;
  t = performance.now();
  await s.score(sample.map((p) => ({ password: p, userInputs: ['alice', 'example.com'] })));
  const ms = performance.now() - t;
  console.log(`${n} worker(s): ${(sample.length / ms * 1000).toFixed(0)} pw/s (load avg ${readFileSync('/proc/loadavg','utf8').split(' ')[0]}); first call (spawn+load) ${first.toFixed(0)} ms; load ${s.stats().loadMs.map((x) => x.toFixed(0)).join(', ')} ms`);
  await s.close();
}
