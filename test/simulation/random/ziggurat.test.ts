import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../../simulation/random/streams';
import { normalQuantile } from '../../../simulation/random/normal-quantile';

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 on erf, |error| < 1.5e-7: far below the tolerances). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** How many values of the sorted array are ≤ v (binary search). */
function countAtMost(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

describe('normal draws (ziggurat)', () => {
  const n = 1_000_000;
  const rng = new RandomStream('ziggurat-test');
  const xs = Float64Array.from({ length: n }, () => rng.normal()).sort();

  it('have mean 0 and variance 1 within 4 standard errors', () => {
    let sum = 0;
    let squares = 0;
    for (const x of xs) {
      sum += x;
      squares += x * x;
    }
    const mean = sum / n;
    const variance = squares / n - mean * mean;
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(n));
    // Var of the sample variance of a normal is 2/n.
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
  });

  it('pass a Kolmogorov–Smirnov test against Φ at the 1 % level', () => {
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = phi(xs[i]!);
      d = Math.max(d, f - i / n, (i + 1) / n - f);
    }
    // Critical value of D at α = 0.01 for large n: 1.628 / √n.
    expect(d).toBeLessThan(1.628 / Math.sqrt(n));
  });

  it('reach the tails with the right frequency: beyond the base layer (3.44) and beyond 4σ', () => {
    const beyond = (t: number) => countAtMost(xs, -t) + n - countAtMost(xs, t);
    for (const t of [1, 2, 3, 3.442619855899, 4]) {
      const p = 2 * (1 - phi(t));
      const expected = n * p;
      expect(Math.abs(beyond(t) - expected)).toBeLessThan(4 * Math.sqrt(expected * (1 - p)) + 1);
    }
    expect(xs[0]!).toBeLessThan(-4);
    expect(xs[n - 1]!).toBeGreaterThan(4);
  });

  it('hit the quantiles the wedges shape (every 1/64 of the range) within 4 binomial standard errors', () => {
    for (let k = 1; k < 64; k++) {
      const p = k / 64;
      const count = countAtMost(xs, normalQuantile(p));
      expect(Math.abs(count - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
    }
  });
});
