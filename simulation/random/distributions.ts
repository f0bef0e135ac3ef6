import type { RandomStream } from './streams';
import { fastExp } from './fast-exp';
import { normalQuantile, Z_99 } from './normal-quantile';

/**
 * The distributions a pipeline document may use for latencies and token counts.
 * Latency values are milliseconds and token values are tokens; the field that holds a
 * distribution carries the unit in its name (`latencyMs`, `queryTokens`).
 */
export type DistributionSpec =
  | { type: 'constant'; value: number }
  | { type: 'exponential'; mean: number }
  | { type: 'uniform'; min: number; max: number }
  | { type: 'uniformInt'; min: number; max: number }
  | { type: 'lognormal'; median: number; sigma?: number | undefined; p99?: number | undefined }
  | { type: 'empirical'; quantiles: Array<[number, number]> }
  | { type: 'pareto'; scale: number; shape: number };

/** A compiled distribution: draws, its mean and its quantile function. */
export interface Sampler {
  sample(rng: RandomStream): number;
  /** Exact mean (Infinity for a Pareto with shape ≤ 1). */
  readonly mean: number;
  quantile(p: number): number;
}

class Constant implements Sampler {
  constructor(readonly mean: number) {}
  sample(): number {
    return this.mean;
  }
  quantile(): number {
    return this.mean;
  }
}

class Exponential implements Sampler {
  constructor(readonly mean: number) {}
  sample(rng: RandomStream): number {
    return -this.mean * Math.log(rng.uniformPositive());
  }
  quantile(p: number): number {
    return -this.mean * Math.log(1 - p);
  }
}

class Uniform implements Sampler {
  readonly mean: number;
  constructor(
    private readonly min: number,
    private readonly max: number,
  ) {
    this.mean = (min + max) / 2;
  }
  sample(rng: RandomStream): number {
    return this.min + rng.uniform() * (this.max - this.min);
  }
  quantile(p: number): number {
    return this.min + p * (this.max - this.min);
  }
}

class UniformInt implements Sampler {
  readonly mean: number;
  private readonly span: number;
  constructor(private readonly min: number, max: number) {
    this.span = max - min + 1;
    this.mean = (min + max) / 2;
  }
  sample(rng: RandomStream): number {
    return this.min + Math.floor(rng.uniform() * this.span);
  }
  quantile(p: number): number {
    return this.min + Math.min(this.span - 1, Math.floor(p * this.span));
  }
}

class Lognormal implements Sampler {
  readonly mean: number;
  constructor(
    private readonly mu: number,
    private readonly sigma: number,
  ) {
    this.mean = Math.exp(mu + (sigma * sigma) / 2);
  }
  sample(rng: RandomStream): number {
    return fastExp(this.mu + this.sigma * rng.normal());
  }
  quantile(p: number): number {
    return Math.exp(this.mu + this.sigma * normalQuantile(p));
  }
}

/** Piecewise-linear inverse CDF through the given (probability, value) points. */
class Empirical implements Sampler {
  readonly mean: number;
  private readonly probs: Float64Array;
  private readonly values: Float64Array;
  constructor(points: Array<[number, number]>) {
    this.probs = Float64Array.from(points, (pt) => pt[0]);
    this.values = Float64Array.from(points, (pt) => pt[1]);
    let mean = 0;
    for (let i = 1; i < points.length; i++) {
      mean += ((this.probs[i]! - this.probs[i - 1]!) * (this.values[i]! + this.values[i - 1]!)) / 2;
    }
    this.mean = mean;
  }
  sample(rng: RandomStream): number {
    return this.quantile(rng.uniform());
  }
  quantile(p: number): number {
    const probs = this.probs;
    let lo = 0;
    let hi = probs.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (probs[mid]! <= p) lo = mid;
      else hi = mid;
    }
    const p0 = probs[lo]!;
    const p1 = probs[hi]!;
    const v0 = this.values[lo]!;
    const v1 = this.values[hi]!;
    return p1 === p0 ? v1 : v0 + ((p - p0) / (p1 - p0)) * (v1 - v0);
  }
}

class Pareto implements Sampler {
  readonly mean: number;
  constructor(
    private readonly scale: number,
    private readonly shape: number,
  ) {
    this.mean = shape > 1 ? (shape * scale) / (shape - 1) : Infinity;
  }
  sample(rng: RandomStream): number {
    // scale / u^(1/shape), through exp and log: Math.pow's last bit differs between engines.
    return this.scale * fastExp(-Math.log(rng.uniformPositive()) / this.shape);
  }
  quantile(p: number): number {
    return this.scale * fastExp(-Math.log(1 - p) / this.shape);
  }
}

/** Lognormal sigma from its median and 99th percentile. */
export function lognormalSigma(spec: { median: number; sigma?: number | undefined; p99?: number | undefined }): number {
  if (spec.sigma !== undefined) return spec.sigma;
  if (spec.p99 !== undefined) return (Math.log(spec.p99) - Math.log(spec.median)) / Z_99;
  return 0;
}

export function compileDistribution(spec: DistributionSpec): Sampler {
  switch (spec.type) {
    case 'constant':
      return new Constant(spec.value);
    case 'exponential':
      return new Exponential(spec.mean);
    case 'uniform':
      return new Uniform(spec.min, spec.max);
    case 'uniformInt':
      return new UniformInt(spec.min, spec.max);
    case 'lognormal':
      return new Lognormal(Math.log(spec.median), lognormalSigma(spec));
    case 'empirical':
      return new Empirical(spec.quantiles);
    case 'pareto':
      return new Pareto(spec.scale, spec.shape);
  }
}

/**
 * E[min(X, cap)] by midpoint quadrature over the quantile function (2,000 points):
 * the mean of a token count truncated at `max_tokens`, used by load estimates.
 */
export function cappedMean(sampler: Sampler, cap: number): number {
  if (cap === Infinity && Number.isFinite(sampler.mean)) return sampler.mean;
  const points = 2000;
  let sum = 0;
  for (let i = 0; i < points; i++) sum += Math.min(cap, sampler.quantile((i + 0.5) / points));
  return sum / points;
}

/** A short human description, e.g. "lognormal(median 800, p99 3000)". */
export function describeDistribution(spec: DistributionSpec, unit = ''): string {
  const u = unit ? ` ${unit}` : '';
  switch (spec.type) {
    case 'constant':
      return `${spec.value}${u}`;
    case 'exponential':
      return `exponential(mean ${spec.mean}${u})`;
    case 'uniform':
      return `uniform(${spec.min}–${spec.max}${u})`;
    case 'uniformInt':
      return `uniform integer(${spec.min}–${spec.max}${u})`;
    case 'lognormal':
      return spec.p99 !== undefined
        ? `lognormal(median ${spec.median}${u}, p99 ${spec.p99}${u})`
        : `lognormal(median ${spec.median}${u}, σ ${spec.sigma ?? 0})`;
    case 'empirical':
      return `empirical(${spec.quantiles.length} quantiles, ${spec.quantiles[0]?.[1]}–${spec.quantiles[spec.quantiles.length - 1]?.[1]}${u})`;
    case 'pareto':
      return `pareto(scale ${spec.scale}${u}, shape ${spec.shape})`;
  }
}
