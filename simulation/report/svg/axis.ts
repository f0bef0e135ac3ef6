/**
 * Axis ticks for the report's SVG charts: evenly spaced, at steps people read at a glance
 * (1, 2, 2.5, 5 × 10^k for values; every n-th point for evenly spaced series; powers of two for a
 * traffic multiplier that spans many of them).
 */

/** Rounds an axis maximum up to 1, 2 or 5 × 10^k. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (max <= m * p) return m * p;
  return 10 * p;
}

/** Drops floating-point dust (0.1 × 3 = 0.30000000000000004). */
const clean = (v: number) => Number(v.toPrecision(12));

/** The smallest step of 1, 2, 2.5 or 5 × 10^k that is at least `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const p = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 2.5, 5, 10]) if (rough <= clean(m * p)) return clean(m * p);
  return 10 * p;
}

/**
 * Ticks at one nice step covering [min, max], at most `maxTicks` of them (at least 2). The first
 * tick is at or below min and the last at or above max, so they double as the axis range.
 */
export function linearTicks(min: number, max: number, maxTicks = 6): number[] {
  const most = Math.max(2, Math.floor(maxTicks));
  if (!(max > min)) max = min + (min === 0 ? 1 : Math.abs(min));
  let step = niceStep((max - min) / (most - 1));
  for (;;) {
    const first = Math.floor(clean(min / step)) * step;
    const last = Math.ceil(clean(max / step)) * step;
    const count = Math.round((last - first) / step) + 1;
    if (count <= most) return Array.from({ length: count }, (_, i) => clean(first + i * step));
    step = niceStep(step * 1.01);
  }
}

/** Decimals that show every multiple of `step` exactly: 0.0005 → 4, 2.5 → 1, 10 → 0. */
export function stepDecimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  for (let d = 0; d < 12; d++) if (Math.abs(Number(step.toFixed(d)) - step) < step * 1e-9) return d;
  return 12;
}

/** Steps for series of evenly spaced points (minutes, months): each divides an hour or a year. */
const INDEX_STEPS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60, 120, 180, 240, 360, 720, 1440];

/**
 * Which of n evenly spaced points get a label: every k-th from the first, with k the smallest
 * regular step that fits `maxTicks` labels, so the gaps between labels are all equal.
 */
export function indexTicks(n: number, maxTicks: number, steps: readonly number[] = INDEX_STEPS): number[] {
  if (n <= 0) return [];
  const most = Math.max(1, Math.floor(maxTicks));
  const step = steps.find((s) => Math.ceil(n / s) <= most) ?? INDEX_STEPS.find((s) => Math.ceil(n / s) <= most) ?? Math.ceil(n / most);
  return Array.from({ length: Math.ceil(n / step) }, (_, i) => i * step);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Durations a time axis is labelled at: 5 s, 10 min, 1 h, 6 h, 1 d… */
const NICE_DURATIONS_MS = [1, 2, 5, 10, 15, 30].map((k) => k * SECOND).concat([1, 2, 5, 10, 15, 20, 30].map((k) => k * MINUTE), [1, 2, 3, 4, 6, 12, 24, 48, 168].map((k) => k * HOUR));

/** Index steps for points `bucketMs` apart whose labels fall on round durations (every 10 min, not every 6). */
export function timeSteps(bucketMs: number): number[] {
  return NICE_DURATIONS_MS.filter((d) => d >= bucketMs && Number.isInteger(d / bucketMs)).map((d) => d / bucketMs);
}

const DURATION_STEPS_MS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500].concat(NICE_DURATIONS_MS);

/** Y ticks for durations at round steps of their own unit (0, 1 min, 2 min … — not 0, 50 s, 1.7 min). */
export function durationTicks(maxMs: number, maxTicks = 6): number[] {
  const top = maxMs > 0 && Number.isFinite(maxMs) ? maxMs : 1000;
  const most = Math.max(2, Math.floor(maxTicks));
  const step = DURATION_STEPS_MS.find((s) => Math.ceil(clean(top / s)) + 1 <= most);
  if (step === undefined) return linearTicks(0, top, most);
  return Array.from({ length: Math.ceil(clean(top / step)) + 1 }, (_, i) => i * step);
}

/** How many labels of `chars` characters fit side by side in `width` px at a 10 px font. */
export function labelsThatFit(width: number, chars: number): number {
  return Math.max(2, Math.floor(width / (Math.max(1, chars) * 6 + 14)));
}

/** A numeric x axis: where a value goes (0 … 1 of the plot width) and the values to label. */
export interface NumericAxis {
  kind: 'log2' | 'linear';
  ticks: number[];
  position: (v: number) => number;
}

/**
 * An axis for positive values such as traffic multipliers. When they span at least four powers of
 * two (1/16× … 1×), a log axis labelled at powers of two (every one, or every 2nd, 3rd… power aligned on 1, so
 * 1× is labelled when in range); otherwise a linear axis at a nice step.
 */
export function numericAxis(values: number[], maxTicks: number): NumericAxis {
  const finite = values.filter((v) => Number.isFinite(v));
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (finite.length > 0 && lo > 0) {
    const e0 = Math.ceil(Math.log2(lo) - 1e-9);
    const e1 = Math.floor(Math.log2(hi) + 1e-9);
    if (e1 - e0 >= 3) {
      const most = Math.max(2, Math.floor(maxTicks));
      let step = 1;
      while (Math.floor(e1 / step) - Math.ceil(e0 / step) + 1 > most) step++;
      const ticks: number[] = [];
      for (let e = Math.ceil(e0 / step) * step; e <= e1; e += step) ticks.push(2 ** e);
      const a = Math.log2(lo);
      const span = Math.log2(hi) - a;
      return { kind: 'log2', ticks, position: (v) => (Math.log2(v) - a) / span };
    }
  }
  if (finite.length === 0) return { kind: 'linear', ticks: [0, 1], position: (v) => v };
  const ticks = linearTicks(lo, hi, maxTicks);
  const a = ticks[0]!;
  const span = ticks[ticks.length - 1]! - a;
  return { kind: 'linear', ticks, position: (v) => (v - a) / span };
}

/** A number with three significant digits, whole numbers from 100 up: 0.00105, 1.5, 7.48, 1,024. */
export function formatSignificant(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : v.toLocaleString('en-US', { maximumSignificantDigits: 3 });
}

/** A traffic multiplier as people say it: 1/64×, 0.75×, 4×, 1,024×. */
export function formatMultiplier(k: number): string {
  if (k > 0 && k < 1) {
    const inverse = 1 / k;
    if (Math.abs(inverse - Math.round(inverse)) < 1e-9 * inverse) return `1/${Math.round(inverse).toLocaleString('en-US')}×`;
  }
  return `${formatSignificant(k)}×`;
}
