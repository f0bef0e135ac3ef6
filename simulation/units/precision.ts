import { formatMs, formatPercent } from './format';

/**
 * One precision rule for shares, and half-widths that never claim more digits than their figure.
 * The steps below mirror how formatUsd, formatMs, formatShare and formatFigure print a value.
 */

const pow10 = (e: number) => 10 ** e;
const magnitude = (v: number) => Math.floor(Math.log10(Math.abs(v)) + 1e-9);

/**
 * A share as a percentage with two decimals — availability and error rate alike ("25.24 %" beside
 * "74.76 %") — and two significant digits of the distance to 0 % or 100 % when two decimals would
 * hide it ("0.012 %", "99.9985 %", never a rounded "100 %" for a figure that is not).
 */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  const gap = (1 - share) * 100;
  // Float noise (a share summed in another order lands at 1 − 7e-13) is 100 %, not "99.999999999933 %".
  if (gap > 1e-9 && gap < 0.005) return `${Number((share * 100).toFixed(1 - magnitude(gap)))} %`;
  return formatPercent(share, 2);
}

/** The step of a share's last shown digit, as formatShare prints it. */
function shareStep(share: number): number {
  const pct = Math.abs(share * 100);
  const gap = (1 - share) * 100;
  if (gap > 1e-9 && gap < 0.005) return pow10(magnitude(gap) - 1) / 100;
  if (pct !== 0 && pct < 0.1) return pow10(magnitude(pct) - 1) / 100;
  return 1e-4;
}

function usdStep(usd: number): number {
  const abs = Math.abs(usd);
  if (abs === 0) return 0;
  if (abs < 0.01) return pow10(magnitude(abs) - 1);
  if (abs < 1) return 1e-4;
  return abs < 100 ? 0.01 : 1;
}

function msStep(ms: number): number {
  const abs = Math.abs(ms);
  if (abs < 1) return 0.001;
  if (abs < 1000) return abs < 10 ? 0.01 : abs < 100 ? 0.1 : 1;
  if (abs < 60_000) return 10;
  return abs < 3_600_000 ? 6_000 : 36_000;
}

interface Unit {
  /** The figure in the unit it is printed in (hours of downtime are printed as minutes). */
  scale: number;
  step(value: number): number;
  text(value: number, decimals: number): string;
}

const decimalsOf = (step: number) => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));

function unitOf(key: string): Unit {
  if (/Ms$/.test(key)) return { scale: 1, step: msStep, text: (v) => formatMs(v) };
  if (/Usd$/.test(key)) return { scale: 1, step: usdStep, text: (v, d) => `$${v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })}` };
  if (/Rps$/.test(key)) return { scale: 1, step: (v) => (v === 0 ? 0 : pow10(magnitude(v) - 3)), text: (v, d) => `${v.toLocaleString('en-US', { maximumFractionDigits: d })} req/s` };
  if (/Months$/.test(key)) return { scale: 1, step: (v) => (v === 0 || Math.abs(v) >= 0.1 ? 0.01 : pow10(magnitude(v) - 1)), text: (v, d) => `${v.toFixed(d)} months` };
  if (/Hours/.test(key)) return { scale: 60, step: () => 0.1, text: (v, d) => `${v.toLocaleString('en-US', { maximumFractionDigits: d })} min` };
  // Trailing zeros dropped, as formatPercent drops them ("0.1 %", not "0.10 %").
  return { scale: 1, step: shareStep, text: (v, d) => `${Number((v * 100).toFixed(Math.max(0, d - 2)))} %` };
}

/**
 * What goes beside a replicated figure: its "± …" (halfWidthText), or, when every run gave the same
 * value (a P99 pinned at a timeout, a scripted outage), "same in all N runs" — "± 0 ms" would read as
 * certainty about the world, when it only says the runs did not vary. Empty when there is no interval.
 */
export function plusMinusText(key: string, value: number, halfWidth: number, runs: number): string {
  if (halfWidth === 0) return `same in all ${runs} runs`;
  return halfWidthText(key, value, halfWidth) ?? '';
}

/**
 * A half-width as "± …" beside its figure: two significant digits, but never finer than the figure's
 * own last digit — "0.47 months ± < 0.01 months", not "± 0.00041 months"; "$102,315 ± $350".
 * Null for a half-width of 0 (the caller says why every replication agrees) or none at all.
 */
export function halfWidthText(key: string, value: number, halfWidth: number): string | null {
  if (!(halfWidth > 0) || !Number.isFinite(halfWidth)) return null;
  const u = unitOf(key);
  const v = value * u.scale;
  const hw = halfWidth * u.scale;
  const shown = u.step(v);
  const step = Math.max(shown, pow10(magnitude(hw) - 1));
  const rounded = Math.round(hw / step) * step;
  if (rounded === 0) return `± < ${u.text(shown, decimalsOf(shown))}`;
  return `± ${u.text(Number(rounded.toFixed(decimalsOf(step))), decimalsOf(step))}`;
}
