import { highWord } from '../util/float-bits';
import { pow2 } from '../util/pow-int';

/**
 * A streaming histogram with bounded relative error: log-linear buckets read straight from a value's
 * IEEE-754 bits (exponent + the top 7 mantissa bits: 128 buckets per power of two, as HdrHistogram
 * and DDSketch do in spirit), so recording costs no logarithm. Every bucket spans < 1/128 of its
 * values, and the midpoint it reports is within 0.4 % of any value recorded in it. Memory is fixed by
 * the value range, never by the number of values: a 10 M request run costs the same as a 1 K one.
 * Exact count, sum, min and max are kept beside the buckets.
 *
 * Values are milliseconds (or any non-negative unit); values below MIN_VALUE fall in one "near zero"
 * bucket reported as 0, values above MAX_VALUE are clamped into the top bucket (max stays exact).
 */
export const MIN_VALUE = 1 / 1024; // 2^−10 ≈ 1 µs when the unit is ms
export const MAX_VALUE = 17_179_869_184; // 2^34 ≈ 199 days in ms
const SUB_BITS = 7;
const SUB_BUCKETS = 1 << SUB_BITS;
const MIN_EXPONENT = -10;
const MAX_EXPONENT = 34;
const BUCKETS = (MAX_EXPONENT - MIN_EXPONENT) * SUB_BUCKETS;
/** The worst relative error of a reported quantile against a recorded value. */
export const RELATIVE_ACCURACY = 1 / (2 * SUB_BUCKETS);

/** Bucket index of a value in [MIN_VALUE, MAX_VALUE). */
function bucketIndex(value: number): number {
  const hi = highWord(value);
  // hi = sign(1) | exponent(11) | mantissa top 20 bits; keep exponent and the top SUB_BITS mantissa bits.
  return (hi >>> (20 - SUB_BITS)) - ((1023 + MIN_EXPONENT) << SUB_BITS);
}

function bucketLow(i: number): number {
  const exponent = Math.floor(i / SUB_BUCKETS) + MIN_EXPONENT;
  return pow2(exponent) * (1 + (i % SUB_BUCKETS) / SUB_BUCKETS);
}

export interface QuantileSummary {
  /** Values recorded (e.g. served requests). */
  count: number;
  /** Exact mean of the values. */
  mean: number;
  /** Smallest value (0 when none was recorded). */
  min: number;
  /** Largest value (0 when none was recorded). */
  max: number;
  /** Median, from a streaming log histogram with 0.4 % relative accuracy. */
  p50: number;
  /** 75th percentile. */
  p75: number;
  /** 90th percentile. */
  p90: number;
  /** 95th percentile. */
  p95: number;
  /** 99th percentile. */
  p99: number;
  /** 99.9th percentile. */
  p999: number;
}

export class LogHistogram {
  readonly counts = new Float64Array(BUCKETS);
  zeroCount = 0;
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  record(value: number): void {
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    // Literals, not the module constants: each module-level binding read costs a load and a check here.
    if (value < 0.0009765625 /* MIN_VALUE */) {
      this.zeroCount++;
      return;
    }
    if (value >= 17_179_869_184 /* MAX_VALUE */) {
      this.counts[5631 /* BUCKETS − 1 */]! += 1;
      return;
    }
    this.counts[(highWord(value) >>> 13) - 129_664 /* (hi >>> (20 − SUB_BITS)) − ((1023 + MIN_EXPONENT) << SUB_BITS) */]! += 1;
  }

  /** Representative value of bucket i: its midpoint. */
  valueAt(i: number): number {
    return (bucketLow(i) + bucketLow(i + 1)) / 2;
  }

  boundsAt(i: number): [number, number] {
    return [bucketLow(i), bucketLow(i + 1)];
  }

  get mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  /**
   * The q-quantile by nearest rank: the smallest recorded value v with at least ⌈q·n⌉ values ≤ v,
   * reported as its bucket's midpoint clamped to the exact [min, max]. 0 when empty.
   */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    if (q <= 0) return this.min;
    if (q >= 1) return this.max;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = this.zeroCount;
    if (seen >= rank) return Math.max(0, this.min);
    const counts = this.counts;
    for (let i = 0; i < BUCKETS; i++) {
      seen += counts[i]!;
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, this.valueAt(i)));
    }
    return this.max;
  }

  /** Share of recorded values ≤ x (bucket resolution). */
  fractionAtOrBelow(x: number): number {
    if (this.count === 0) return 0;
    if (x < MIN_VALUE) return this.zeroCount / this.count;
    const last = x < MAX_VALUE ? bucketIndex(x) : BUCKETS - 1;
    let seen = this.zeroCount;
    for (let i = 0; i <= last; i++) seen += this.counts[i]!;
    return seen / this.count;
  }

  /** Forgets every value (for histograms rebuilt by merging others). */
  clear(): void {
    this.counts.fill(0);
    this.zeroCount = 0;
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  merge(other: LogHistogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i]! += other.counts[i]!;
    this.zeroCount += other.zeroCount;
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  summary(): QuantileSummary {
    const empty = this.count === 0;
    return {
      count: this.count,
      mean: this.mean,
      min: empty ? 0 : this.min,
      max: empty ? 0 : this.max,
      p50: this.quantile(0.5),
      p75: this.quantile(0.75),
      p90: this.quantile(0.9),
      p95: this.quantile(0.95),
      p99: this.quantile(0.99),
      p999: this.quantile(0.999),
    };
  }

  /**
   * The histogram as at most `maxBins` bins of [low, high, count] over the occupied range, merging
   * adjacent buckets (the latency chart draws these).
   */
  bins(maxBins = 60): Array<[number, number, number]> {
    const bins: Array<[number, number, number]> = [];
    if (this.count === 0) return bins;
    let first = -1;
    let last = -1;
    for (let i = 0; i < BUCKETS; i++) {
      if (this.counts[i]! > 0) {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (this.zeroCount > 0) bins.push([0, MIN_VALUE, this.zeroCount]);
    if (first < 0) return bins;
    const width = Math.max(1, Math.ceil((last - first + 1) / maxBins));
    for (let start = first; start <= last; start += width) {
      const end = Math.min(last, start + width - 1);
      let c = 0;
      for (let i = start; i <= end; i++) c += this.counts[i]!;
      bins.push([bucketLow(start), bucketLow(end + 1), c]);
    }
    return bins;
  }
}
