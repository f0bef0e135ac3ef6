import type { DistributionSpec } from '../random/distributions';
import { Z_99 } from '../random/normal-quantile';

/**
 * Lognormal fit of positive measurements (TTFT, time per output token, token counts) with a
 * goodness-of-fit figure, and the empirical quantiles as a model-free alternative.
 *
 * Fit: maximum likelihood on the logarithms, μ = mean(ln x), σ = sqrt(mean((ln x − μ)²)) (the MLE
 * divides by n); median = e^μ, p99 = e^(μ + 2.326 σ).
 *
 * Goodness of fit: the Kolmogorov–Smirnov statistic D = maxᵢ max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i−1)/n)
 * between the sorted sample and the fitted CDF F(x) = Φ((ln x − μ)/σ). Because μ and σ come from the
 * same sample, the classical Kolmogorov p-value would be far too kind; ln x is normal exactly when x
 * is lognormal, so Lilliefors' test for normality applies, with the Dallal–Wilkinson (1986) p-value
 * approximation and Stephens' polynomials above 0.1 (as R's nortest::lillie.test). Read D as "the
 * largest gap between the fitted and the observed CDF" (0.05 = 5 points of probability); a p-value
 * below 0.05 says the data are unlikely to be lognormal: prefer the empirical quantiles then.
 */
export interface LognormalFit {
  n: number;
  mu: number;
  sigma: number;
  median: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
  ks: { d: number; pValue: number; method: string };
  /** The fit as a document distribution (median + sigma). */
  lognormal: DistributionSpec & { type: 'lognormal' };
  /** The sample's own quantiles as a piecewise-linear distribution. */
  empirical: DistributionSpec & { type: 'empirical' };
}

/** Lilliefors' test is defined from 5 observations on. */
export const MIN_FIT_SAMPLES = 5;
const QUANTILE_PROBS = [0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1];

/** Fits a lognormal to `values` (all > 0, at least MIN_FIT_SAMPLES of them). */
export function fitLognormal(values: readonly number[]): LognormalFit {
  const n = values.length;
  if (n < MIN_FIT_SAMPLES) throw new RangeError(`a lognormal fit needs at least ${MIN_FIT_SAMPLES} values, got ${n}`);
  const sorted = Float64Array.from(values).sort();
  if (!(sorted[0]! > 0) || !Number.isFinite(sorted[n - 1]!)) throw new RangeError(`a lognormal fit needs finite values > 0; the smallest is ${sorted[0]}`);
  let sumLog = 0;
  for (const x of sorted) sumLog += Math.log(x);
  const mu = sumLog / n;
  let sumSq = 0;
  for (const x of sorted) sumSq += (Math.log(x) - mu) ** 2;
  const sigma = Math.sqrt(sumSq / n);
  const d = ksStatistic(sorted, mu, sigma);
  const median = Math.exp(mu);
  return {
    n,
    mu,
    sigma,
    median,
    p99: Math.exp(mu + Z_99 * sigma),
    mean: Math.exp(mu + (sigma * sigma) / 2),
    min: sorted[0]!,
    max: sorted[n - 1]!,
    ks: { d, pValue: sigma === 0 ? 1 : lillieforsPValue(d, n), method: 'Kolmogorov–Smirnov D against the fitted lognormal; Lilliefors p-value (Dallal–Wilkinson)' },
    lognormal: { type: 'lognormal', median: roundSignificant(median), sigma: roundSignificant(sigma) },
    empirical: { type: 'empirical', quantiles: QUANTILE_PROBS.map((p) => [p, roundSignificant(sampleQuantile(sorted, p))]) },
  };
}

/** D between a sorted sample and the lognormal(μ, σ) CDF; 0 for a degenerate fit (σ = 0, all values equal). */
export function ksStatistic(sorted: Float64Array, mu: number, sigma: number): number {
  if (sigma === 0) return 0;
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = normalCdf((Math.log(sorted[i]!) - mu) / sigma);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/** Dallal–Wilkinson approximation of Lilliefors' p-value, Stephens' polynomials above 0.1 (nortest::lillie.test). */
export function lillieforsPValue(d: number, n: number): number {
  const kd = n <= 100 ? d : d * (n / 100) ** 0.49;
  const nd = Math.min(n, 100);
  let p = Math.exp(-7.01256 * kd * kd * (nd + 2.78019) + 2.99587 * kd * Math.sqrt(nd + 2.78019) - 0.122119 + 0.974598 / Math.sqrt(nd) + 1.67997 / nd);
  if (p > 0.1) {
    const k = (Math.sqrt(n) - 0.01 + 0.85 / Math.sqrt(n)) * d;
    if (k <= 0.302) p = 1;
    else if (k <= 0.5) p = 2.76773 - 19.828315 * k + 80.709644 * k ** 2 - 138.55152 * k ** 3 + 81.218052 * k ** 4;
    else if (k <= 0.9) p = -4.901232 + 40.662806 * k - 97.490286 * k ** 2 + 94.029866 * k ** 3 - 32.355711 * k ** 4;
    else if (k <= 1.31) p = 6.198765 - 19.558097 * k + 23.186922 * k ** 2 - 12.234627 * k ** 3 + 2.423045 * k ** 4;
    else p = 0;
  }
  return Math.min(1, Math.max(0, p));
}

/** Standard normal CDF via erfc (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** Linear interpolation between order statistics (R's type 7, the default of R and NumPy). */
export function sampleQuantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Six significant digits: enough for a document, without float noise. */
function roundSignificant(x: number): number {
  return Number(x.toPrecision(6));
}
