/**
 * mulberry32: a small, fast, well-mixed 32-bit generator. The same seed gives the same sequence on
 * every run and machine, so generated samples (tests, benchmarks) are reproducible and a failing case
 * can be replayed. Returns numbers in [0, 1), as Math.random does.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
