import type { LognormalFit } from '../../../../simulation/index';
// The very CDF the fit's KS statistic is computed with, so the gap drawn is the D reported.
import { normalCdf } from '../../../../simulation/importers/lognormal-fit';

export interface CdfChartModel {
  /** Domain of the (logarithmic) x axis. */
  xMin: number;
  xMax: number;
  /** Observed: the empirical CDF as steps, [x, y] corners in order. */
  observed: Array<[number, number]>;
  /** The fitted lognormal CDF sampled along the axis. */
  fitted: Array<[number, number]>;
  /** Where the largest gap is: D = |observed − fitted| at x, between y1 and y2. */
  gap: { x: number; y1: number; y2: number; d: number };
  xTicks: number[];
}

const FITTED_POINTS = 96;

export function lognormalCdf(x: number, mu: number, sigma: number): number {
  if (sigma === 0) return x < Math.exp(mu) ? 0 : 1;
  return normalCdf((Math.log(x) - mu) / sigma);
}

/** 1-2-5 steps of powers of ten inside [lo, hi]; more decades → only the powers of ten. */
export function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  const decades = Math.log10(hi / lo);
  const steps = decades > 3 ? [1] : decades > 1.2 ? [1, 2, 5] : decades > 0.5 ? [1, 1.5, 2, 3, 5, 7] : [1, 1.2, 1.4, 1.6, 1.8, 2, 2.5, 3, 4, 5, 6, 7, 8, 9];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const s of steps) {
      const v = Number((s * 10 ** e).toPrecision(3));
      if (v >= lo && v <= hi) ticks.push(v);
    }
  }
  return ticks;
}

/** The observed sample (sorted ascending, > 0) against its lognormal fit. */
export function cdfChartModel(sorted: readonly number[], fit: Pick<LognormalFit, 'mu' | 'sigma'>): CdfChartModel {
  const n = sorted.length;
  if (n === 0) throw new Error('no values to draw');
  const lo = sorted[0]!;
  const hi = sorted[n - 1]!;
  // A little room on both sides (in log space), and a real range when every value is equal.
  const pad = hi > lo ? Math.pow(hi / lo, 0.06) : 1.5;
  const xMin = lo / pad;
  const xMax = hi * pad;
  const observed: Array<[number, number]> = [[xMin, 0]];
  sorted.forEach((x, i) => observed.push([x, i / n], [x, (i + 1) / n]));
  observed.push([xMax, 1]);
  const fitted: Array<[number, number]> = [];
  for (let k = 0; k <= FITTED_POINTS; k++) {
    const x = xMin * Math.pow(xMax / xMin, k / FITTED_POINTS);
    fitted.push([x, lognormalCdf(x, fit.mu, fit.sigma)]);
  }
  let gap = { x: lo, y1: 0, y2: 0, d: -1 };
  sorted.forEach((x, i) => {
    const f = lognormalCdf(x, fit.mu, fit.sigma);
    if ((i + 1) / n - f > gap.d) gap = { x, y1: f, y2: (i + 1) / n, d: (i + 1) / n - f };
    if (f - i / n > gap.d) gap = { x, y1: i / n, y2: f, d: f - i / n };
  });
  return { xMin, xMax, observed, fitted, gap, xTicks: logTicks(xMin, xMax) };
}
