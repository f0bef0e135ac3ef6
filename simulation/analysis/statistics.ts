import { normalQuantile } from '../random/normal-quantile';

/**
 * Small-sample statistics for replications and accuracy checks: Student-t quantiles and
 * t confidence intervals of a mean.
 */

/** ln Γ(x) (Lanczos approximation, g = 7, n = 9). */
export function logGamma(x: number): number {
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised incomplete beta I_x(a, b) by its continued fraction (Numerical Recipes §6.4). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  const tail = 0.5 * incompleteBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t with `df` degrees of freedom (bisection on the CDF, 1e-12). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  if (df > 1e6) return normalQuantile(p);
  let lo = -1e3;
  let hi = 1e3;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
    if (hi - lo < 1e-12) break;
  }
  return (lo + hi) / 2;
}

export interface Interval {
  /** Mean of the figure over the replications. */
  mean: number;
  /** Half-width of the Student-t confidence interval of the mean: the figure is mean ± halfWidth. Infinity (`null` in JSON) with fewer than 2 replications. */
  halfWidth: number;
  /** mean − halfWidth. */
  low: number;
  /** mean + halfWidth. */
  high: number;
  /** halfWidth ÷ |mean| (Infinity when the mean is 0 and the half-width is not; `null` in JSON). */
  relativeHalfWidth: number;
  /** Replications the interval is computed from. */
  n: number;
  /** Confidence level of the interval (0.95 = 95 %). */
  confidence: number;
}

/** t confidence interval of the mean of independent samples (replications). */
export function meanInterval(samples: readonly number[], confidence = 0.95): Interval {
  const n = samples.length;
  const mean = n ? samples.reduce((s, x) => s + x, 0) / n : NaN;
  if (n < 2) return { mean, halfWidth: Infinity, low: -Infinity, high: Infinity, relativeHalfWidth: Infinity, n, confidence };
  const variance = samples.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const halfWidth = studentTQuantile(1 - (1 - confidence) / 2, n - 1) * Math.sqrt(variance / n);
  const relativeHalfWidth = halfWidth === 0 ? 0 : mean === 0 ? Infinity : halfWidth / Math.abs(mean);
  return { mean, halfWidth, low: mean - halfWidth, high: mean + halfWidth, relativeHalfWidth, n, confidence };
}
