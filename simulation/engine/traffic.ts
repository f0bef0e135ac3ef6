import { compileDistribution, type DistributionSpec, type Sampler } from '../random/distributions';
import type { RandomStream } from '../random/streams';
import { ZipfSampler } from '../random/zipf';
import { MS_PER_HOUR } from '../units/duration';

/** The traffic section of a pipeline document (SEMANTICS §2). */
export interface TrafficSpec {
  rps: number;
  hourlyMultipliers: number[];
  startHour: number;
  classes: QueryClassSpec[];
  popularity: { distinctQueries: number; zipfExponent: number };
}

export interface QueryClassSpec {
  name: string;
  share: number;
  queryTokens: DistributionSpec;
  outputTokens: DistributionSpec;
  maxTokens: number | null;
  stream: boolean;
  priority: number;
}

export interface CompiledClass {
  name: string;
  share: number;
  queryTokens: Sampler;
  outputTokens: Sampler;
  maxTokens: number;
  stream: boolean;
  priority: number;
}

/** Traffic ready to draw from: classes with samplers, popularity, and the arrival-rate profile. */
export class CompiledTraffic {
  readonly classes: CompiledClass[];
  private readonly cumulativeShares: Float64Array;
  readonly zipf: ZipfSampler;

  constructor(readonly spec: TrafficSpec) {
    this.classes = spec.classes.map((c) => ({
      name: c.name,
      share: c.share,
      queryTokens: compileDistribution(c.queryTokens),
      outputTokens: compileDistribution(c.outputTokens),
      maxTokens: c.maxTokens ?? Infinity,
      stream: c.stream,
      priority: c.priority,
    }));
    const total = spec.classes.reduce((s, c) => s + c.share, 0);
    let acc = 0;
    this.cumulativeShares = Float64Array.from(spec.classes, (c) => (acc += c.share / total));
    this.zipf = new ZipfSampler(spec.popularity.distinctQueries, spec.popularity.zipfExponent);
  }

  pickClass(rng: RandomStream): number {
    const u = rng.uniform();
    const cum = this.cumulativeShares;
    for (let i = 0; i < cum.length - 1; i++) if (u < cum[i]!) return i;
    return cum.length - 1;
  }

  /** Arrival rate in requests per ms at simulated time t (piecewise constant by hour of day). */
  rateAt(tMs: number): number {
    const hour = Math.floor(tMs / MS_PER_HOUR + this.spec.startHour) % 24;
    return (this.spec.rps * (this.spec.hourlyMultipliers[hour] ?? 1)) / 1000;
  }

  /** When the rate may next change after t (the next hour boundary). */
  nextRateChange(tMs: number): number {
    return (Math.floor(tMs / MS_PER_HOUR) + 1) * MS_PER_HOUR;
  }

  /** Mean arrival rate over a whole day of the profile, requests per second. */
  get meanRps(): number {
    const m = this.spec.hourlyMultipliers;
    const mean = m.length ? m.reduce((s, x) => s + x, 0) / m.length : 1;
    return this.spec.rps * mean;
  }

  /** Highest hourly rate, requests per second. */
  get peakRps(): number {
    const m = this.spec.hourlyMultipliers;
    return this.spec.rps * (m.length ? Math.max(...m) : 1);
  }

  /** Mean rate between two times, requests per second (integrates the profile). */
  meanRpsBetween(fromMs: number, toMs: number): number {
    if (toMs <= fromMs) return this.rateAt(fromMs) * 1000;
    let t = fromMs;
    let count = 0;
    while (t < toMs) {
      const end = Math.min(toMs, this.nextRateChange(t));
      count += this.rateAt(t) * (end - t);
      t = end;
    }
    return (count / (toMs - fromMs)) * 1000;
  }

  /**
   * Next arrival of a non-homogeneous Poisson process after `tMs`, by inverting the cumulative
   * intensity across the piecewise-constant profile (exact, one exponential draw per arrival).
   * Returns Infinity if the rate is zero forever.
   */
  nextArrival(tMs: number, rng: RandomStream): number {
    let remaining = -Math.log(rng.uniformPositive());
    let t = tMs;
    for (let guard = 0; guard < 24 * 400; guard++) {
      const rate = this.rateAt(t);
      const end = this.nextRateChange(t);
      if (rate > 0) {
        const needed = remaining / rate;
        if (t + needed <= end) return t + needed;
        remaining -= rate * (end - t);
      }
      t = end;
    }
    return Infinity;
  }
}
