import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../simulation/random/streams';
import { ZipfSampler, zipfProbability } from '../../../simulation/random/zipf';

describe('Zipf sampler (rejection-inversion)', () => {
  for (const [n, s] of [
    [1000, 1],
    [50, 0.5],
    [10_000, 1.2],
  ] as const) {
    it(`matches the exact pmf for n=${n}, s=${s} (chi-square)`, () => {
      const sampler = new ZipfSampler(n, s);
      const rng = new RandomStream(`zipf-${n}-${s}`);
      const draws = 400_000;
      const top = Math.min(n, 40);
      const counts = new Array<number>(top + 1).fill(0);
      let outOfRange = 0;
      for (let i = 0; i < draws; i++) {
        const k = sampler.sample(rng);
        if (!(k >= 1 && k <= n && Number.isInteger(k))) outOfRange++;
        counts[Math.min(k, top + 1) - 1]!++;
      }
      expect(outOfRange).toBe(0);
      // Chi-square over the top ranks plus a tail bin; 99.99 % critical value for 40 dof ≈ 80.
      let chi = 0;
      let tailP = 1;
      for (let k = 1; k <= top; k++) {
        const p = zipfProbability(k, n, s);
        tailP -= p;
        chi += (counts[k - 1]! - draws * p) ** 2 / (draws * p);
      }
      if (tailP > 1e-9) chi += (counts[top]! - draws * tailP) ** 2 / (draws * tailP);
      expect(chi).toBeLessThan(80);
    });
  }
});
