import { formatMs, formatPercent, formatUsd, type Interval, type IntervalFigure } from '../../../simulation/index';
import { formatShare, plusMinusText } from './precision';

export const FIGURE_LABELS: Record<IntervalFigure, string> = {
  p50Ms: 'P50 latency',
  p95Ms: 'P95 latency',
  p99Ms: 'P99 latency',
  ttftP50Ms: 'TTFT (P50)',
  ttftP95Ms: 'TTFT (P95)',
  errorRate: 'Error rate',
  availability: 'Availability',
  costPerQueryUsd: 'Cost per query',
  monthlyCostUsd: 'Monthly cost',
  cacheHitRate: 'Cache hit rate',
  peakQuotaUtilisation: 'Peak quota utilisation',
  throughputRps: 'Throughput',
};

/** A figure by its key's unit suffix (…Ms, …Usd, …Rps), shares as percentages by formatShare's one rule. */
export function formatFigure(key: string, value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (/Ms$/.test(key)) return formatMs(value);
  if (/Usd$/.test(key)) return formatUsd(value);
  if (/Rps$/.test(key)) return `${Number(value.toPrecision(4)).toLocaleString('en-US')} req/s`;
  if (/Months$/.test(key)) return `${Math.abs(value) >= 0.1 || value === 0 ? value.toFixed(2) : value.toPrecision(2)} months`;
  if (/Hours/.test(key)) return `${Number((value * 60).toFixed(1)).toLocaleString('en-US')} min`;
  return formatShare(value);
}

/**
 * A figure with enough digits that its interval's ends differ: cost per query is "$0.0024" alone
 * but "$0.002412" beside a half-width of $0.0000085.
 */
export function formatBeside(key: string, value: number, halfWidth: number): string {
  if (/Usd$/.test(key) && Math.abs(value) < 1 && value !== 0 && halfWidth > 0 && Number.isFinite(halfWidth)) {
    const digits = Math.min(6, Math.max(2, Math.ceil(Math.log10(Math.abs(value) / halfWidth)) + 1));
    return `${value < 0 ? '−' : ''}$${Math.abs(value).toPrecision(digits)}`;
  }
  return formatFigure(key, value);
}

/** "7.71 s ± 0.12 s": the mean and the half-width in the figure's unit; "30 s same in all 5 runs" when every run agreed. */
export function intervalText(key: string, iv: Interval): string {
  if (!Number.isFinite(iv.halfWidth)) return `${formatFigure(key, iv.mean)} (one sample: no interval)`;
  if (iv.halfWidth === 0) return `${formatFigure(key, iv.mean)} ${plusMinusText(key, iv.mean, 0, iv.n)}`;
  return `${formatBeside(key, iv.mean, iv.halfWidth)} ± ${formatFigure(key, iv.halfWidth)}`;
}

/**
 * The mean as its figure is printed and the half-width to two significant digits, no finer than the
 * mean's last digit ("2.22 s", "± 10 ms") — short enough for a headline card. A half-width of 0
 * (every replication agreed, e.g. a P99 pinned at a timeout) says so instead of "± 0", which would
 * read as certainty: "same in all 5 runs", as the CLI prints it.
 */
export function compactInterval(key: string, iv: Interval): { mean: string; pm: string } {
  const mean = formatFigure(key, iv.mean);
  if (!Number.isFinite(iv.halfWidth)) return { mean, pm: '(one sample)' };
  return { mean, pm: plusMinusText(key, iv.mean, iv.halfWidth, iv.n) };
}

/** "95 % CI, n = 5". */
export function confidenceText(iv: Pick<Interval, 'confidence' | 'n'>): string {
  return `${Number((iv.confidence * 100).toFixed(1))} % CI, n = ${iv.n}`;
}

export function rangeText(key: string, iv: Interval): string {
  if (!Number.isFinite(iv.halfWidth)) return '—';
  // "30 s – 30 s" would read as a known value; the runs only failed to vary.
  if (iv.halfWidth === 0) return 'no spread between runs';
  return `${formatBeside(key, iv.low, iv.halfWidth)} – ${formatBeside(key, iv.high, iv.halfWidth)}`;
}

export function relativeText(iv: Interval): string {
  if (!Number.isFinite(iv.relativeHalfWidth)) return '—';
  return formatPercent(iv.relativeHalfWidth, 2);
}
