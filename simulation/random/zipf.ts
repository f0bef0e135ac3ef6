import type { RandomStream } from './streams';

/**
 * Zipf(n, s) sampler over ranks 1..n with P(k) ∝ k^(−s), by rejection-inversion
 * (Hörmann & Derflinger 1996, as in Apache Commons RNG). O(1) time and memory for any n,
 * so popularity over millions of distinct queries costs nothing to set up.
 */
export class ZipfSampler {
  private readonly hIntegralX1: number;
  private readonly hIntegralN: number;
  private readonly squeeze: number;

  constructor(
    readonly n: number,
    readonly exponent: number,
  ) {
    if (!(n >= 1) || !Number.isInteger(n)) throw new RangeError(`Zipf n must be a positive integer, got ${n}`);
    if (!(exponent >= 0)) throw new RangeError(`Zipf exponent must be ≥ 0, got ${exponent}`);
    this.hIntegralX1 = this.hIntegral(1.5) - 1;
    this.hIntegralN = this.hIntegral(n + 0.5);
    this.squeeze = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  /** A rank in 1..n. */
  sample(rng: RandomStream): number {
    if (this.n === 1) return 1;
    for (;;) {
      const u = this.hIntegralN + rng.uniform() * (this.hIntegralX1 - this.hIntegralN);
      const x = this.hIntegralInverse(u);
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > this.n) k = this.n;
      if (k - x <= this.squeeze || u >= this.hIntegral(k + 0.5) - this.h(k)) return k;
    }
  }

  private h(x: number): number {
    return Math.exp(-this.exponent * Math.log(x));
  }

  private hIntegral(x: number): number {
    const logX = Math.log(x);
    return expm1OverX((1 - this.exponent) * logX) * logX;
  }

  private hIntegralInverse(x: number): number {
    let t = x * (1 - this.exponent);
    if (t < -1) t = -1;
    return Math.exp(log1pOverX(t) * x);
  }
}

function log1pOverX(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}

function expm1OverX(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}

/** Exact probability of rank k under Zipf(n, s), for tests and analytic estimates. */
export function zipfProbability(k: number, n: number, s: number): number {
  let norm = 0;
  for (let i = 1; i <= n; i++) norm += Math.exp(-s * Math.log(i));
  return Math.exp(-s * Math.log(k)) / norm;
}
