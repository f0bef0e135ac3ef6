import { compileDistribution, type DistributionSpec, type Sampler } from '../random/distributions';
import type { RandomStream } from '../random/streams';
import { ZipfSampler } from '../random/zipf';
import { RateProfile, type RateProfileSpec } from './rate-profile';

/** The traffic section of a pipeline document (SEMANTICS §2). */
export interface TrafficSpec extends RateProfileSpec {
  classes: QueryClassSpec[];
  popularity: { distinctQueries: number; zipfExponent: number; topicClusters: number };
  monthlyGrowth: number;
  deadlineMs: number | null;
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
  private readonly rate: RateProfile;

  constructor(readonly spec: TrafficSpec) {
    this.rate = new RateProfile(spec);
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

  /** The arrival rate shape of the pipeline's traffic. */
  get profile(): RateProfile {
    return this.rate;
  }

  get meanRps(): number {
    return this.rate.meanRps;
  }

  meanRpsBetween(fromMs: number, toMs: number): number {
    return this.rate.meanRpsBetween(fromMs, toMs);
  }
}
