import { formatShare } from '../units/precision';
import type { Interval } from '../analysis/statistics';
import { formatMs, formatUsd } from '../units/format';
import { esc } from './html-escape';

/** How each headline figure is labelled and formatted in reports. */
export const FIGURES: Record<string, { label: string; format: (v: number) => string }> = {
  p50Ms: { label: 'P50 latency', format: formatMs },
  p95Ms: { label: 'P95 latency', format: formatMs },
  p99Ms: { label: 'P99 latency', format: formatMs },
  ttftP50Ms: { label: 'TTFT P50', format: formatMs },
  ttftP95Ms: { label: 'TTFT P95', format: formatMs },
  errorRate: { label: 'Error rate', format: (v) => formatShare(v) },
  availability: { label: 'Availability', format: (v) => formatShare(v) },
  costPerQueryUsd: { label: 'Cost per query', format: formatUsd },
  monthlyCostUsd: { label: 'Monthly cost', format: formatUsd },
  cacheHitRate: { label: 'Cache hit rate', format: (v) => formatShare(v) },
  peakQuotaUtilisation: { label: 'Peak quota utilisation', format: (v) => formatShare(v) },
  throughputRps: { label: 'Throughput', format: (v) => `${Number(v.toPrecision(4))} req/s` },
};

/**
 * A table cell with a figure: the formatted value for people, and the raw value in data attributes so
 * tools (and tests) can read the report back exactly.
 */
export function figureCell(key: string, value: number | null, interval?: Interval): string {
  if (value === null) return `<td data-figure="${esc(key)}" data-value="">—</td>`;
  const f = FIGURES[key]?.format ?? ((v: number) => String(v));
  const ci = interval ? ` <span class="ci">${interval.halfWidth === 0 ? `same in all ${interval.n} runs` : `± ${esc(f(interval.halfWidth))}`}</span>` : '';
  return `<td data-figure="${esc(key)}" data-value="${value}"${interval ? ` data-low="${interval.low}" data-high="${interval.high}"` : ''}>${esc(f(value))}${ci}</td>`;
}
