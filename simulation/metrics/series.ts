import { highWord } from '../util/float-bits';
import { pow2 } from '../util/pow-int';

/**
 * Per-interval time series with bounded memory. Buckets start one minute wide; when a run outgrows
 * MAX_POINTS buckets every series merges pairs of buckets (the width doubles), so a 10-day run and a
 * 10-minute run both keep at most MAX_POINTS points.
 */
export const MAX_POINTS = 1440;
export const BASE_BUCKET_MS = 60_000;

interface Mergeable {
  mergePairs(): void;
}

export class SeriesClock {
  bucketMs = BASE_BUCKET_MS;
  /** Buckets in use (index of the last touched bucket + 1). */
  points = 0;
  private readonly members: Mergeable[] = [];

  register<T extends Mergeable>(series: T): T {
    this.members.push(series);
    return series;
  }

  /** The bucket of the last call: most calls in a row ask about the same moment. */
  private lastFrom = 0;
  private lastTo = -1;
  private lastIndex = 0;

  bucketOf(timeMs: number): number {
    if (timeMs >= this.lastFrom && timeMs < this.lastTo) return this.lastIndex;
    let i = Math.floor(timeMs / this.bucketMs);
    while (i >= MAX_POINTS) {
      this.bucketMs *= 2;
      this.points = Math.ceil(this.points / 2);
      for (const m of this.members) m.mergePairs();
      i = Math.floor(timeMs / this.bucketMs);
    }
    if (i >= this.points) this.points = i + 1;
    this.lastFrom = i * this.bucketMs;
    this.lastTo = this.lastFrom + this.bucketMs;
    this.lastIndex = i;
    return i;
  }
}

/** A sum per bucket (counts, dollars, tokens). */
export class SumSeries implements Mergeable {
  readonly values = new Float64Array(MAX_POINTS);
  constructor(private readonly clock: SeriesClock) {}

  add(timeMs: number, amount: number): void {
    this.values[this.clock.bucketOf(timeMs)]! += amount;
  }

  mergePairs(): void {
    const v = this.values;
    for (let i = 0; i < MAX_POINTS / 2; i++) v[i] = v[2 * i]! + v[2 * i + 1]!;
    v.fill(0, MAX_POINTS / 2);
  }

  toArray(): number[] {
    return Array.from(this.values.subarray(0, this.clock.points));
  }
}

/** The maximum per bucket. */
export class MaxSeries implements Mergeable {
  readonly values = new Float64Array(MAX_POINTS);
  constructor(private readonly clock: SeriesClock) {}

  observe(timeMs: number, value: number): void {
    const i = this.clock.bucketOf(timeMs);
    if (value > this.values[i]!) this.values[i] = value;
  }

  mergePairs(): void {
    const v = this.values;
    for (let i = 0; i < MAX_POINTS / 2; i++) v[i] = Math.max(v[2 * i]!, v[2 * i + 1]!);
    v.fill(0, MAX_POINTS / 2);
  }

  toArray(): number[] {
    return Array.from(this.values.subarray(0, this.clock.points));
  }
}

/**
 * The time integral of a level (slots in use, queue length) per bucket; divided by the bucket width
 * it is the time-average level in that bucket.
 */
export class LevelSeries implements Mergeable {
  readonly area = new Float64Array(MAX_POINTS);
  private level = 0;
  private lastMs = 0;
  constructor(private readonly clock: SeriesClock) {}

  /** The level changes to `level` at `timeMs`. */
  set(timeMs: number, level: number): void {
    this.advance(timeMs);
    this.level = level;
  }

  advance(timeMs: number): void {
    let from = this.lastMs;
    if (timeMs <= from) return;
    if (this.level !== 0) {
      while (from < timeMs) {
        const i = this.clock.bucketOf(from);
        const end = Math.min(timeMs, (i + 1) * this.clock.bucketMs);
        this.area[i]! += this.level * (end - from);
        from = end;
      }
    } else {
      this.clock.bucketOf(timeMs);
    }
    this.lastMs = timeMs;
  }

  mergePairs(): void {
    const a = this.area;
    for (let i = 0; i < MAX_POINTS / 2; i++) a[i] = a[2 * i]! + a[2 * i + 1]!;
    a.fill(0, MAX_POINTS / 2);
  }

  /** Time-average level per bucket. */
  toMeans(): number[] {
    const w = this.clock.bucketMs;
    return Array.from(this.area.subarray(0, this.clock.points), (a) => a / w);
  }
}

/**
 * A coarse latency histogram per bucket, enough to draw P50/P95/P99 over time without storing
 * latencies: bin 0 holds values below 1 ms; above, 32 bins per power of two up to 2^30 ms (12 days),
 * read from the value's IEEE-754 bits (exponent and top 5 mantissa bits, no logarithm). A bin's
 * midpoint is within 1.6 % of every value in it.
 */
const COARSE_SUB_BITS = 5;
const COARSE_BINS = 1 + 30 * (1 << COARSE_SUB_BITS);

function coarseBin(valueMs: number): number {
  if (!(valueMs >= 1)) return 0;
  return Math.min(COARSE_BINS - 1, 1 + (highWord(valueMs) >>> (20 - COARSE_SUB_BITS)) - (1023 << COARSE_SUB_BITS));
}

/** The midpoint of coarse bin b ≥ 1. */
function coarseValue(b: number): number {
  const i = b - 1;
  const low = pow2(i >> COARSE_SUB_BITS);
  const step = low / (1 << COARSE_SUB_BITS);
  return low + step * ((i & ((1 << COARSE_SUB_BITS) - 1)) + 0.5);
}

export class QuantileSeries implements Mergeable {
  readonly counts = new Uint32Array(MAX_POINTS * COARSE_BINS);
  constructor(private readonly clock: SeriesClock) {}

  record(timeMs: number, valueMs: number): void {
    const i = this.clock.bucketOf(timeMs);
    this.counts[i * COARSE_BINS + coarseBin(valueMs)]!++;
  }

  mergePairs(): void {
    const c = this.counts;
    for (let i = 0; i < MAX_POINTS / 2; i++) {
      for (let b = 0; b < COARSE_BINS; b++) {
        c[i * COARSE_BINS + b] = c[2 * i * COARSE_BINS + b]! + c[(2 * i + 1) * COARSE_BINS + b]!;
      }
    }
    c.fill(0, (MAX_POINTS / 2) * COARSE_BINS);
  }

  /** Adds each bucket's number of values to `out` (indexed by bucket). */
  addCountsTo(out: Float64Array): void {
    for (let i = 0; i < this.clock.points; i++) {
      let total = 0;
      for (let b = 0; b < COARSE_BINS; b++) total += this.counts[i * COARSE_BINS + b]!;
      out[i]! += total;
    }
  }

  /** The q-quantile of each bucket (null where the bucket has no values). */
  quantiles(q: number): Array<number | null> {
    const out: Array<number | null> = [];
    for (let i = 0; i < this.clock.points; i++) {
      let total = 0;
      for (let b = 0; b < COARSE_BINS; b++) total += this.counts[i * COARSE_BINS + b]!;
      if (total === 0) {
        out.push(null);
        continue;
      }
      const rank = Math.max(1, Math.ceil(q * total));
      let seen = 0;
      for (let b = 0; b < COARSE_BINS; b++) {
        seen += this.counts[i * COARSE_BINS + b]!;
        if (seen >= rank) {
          out.push(b === 0 ? 0 : coarseValue(b));
          break;
        }
      }
    }
    return out;
  }
}
