import { formatMs, formatUsd, type HeadlineKey, type RunResults } from '../../../simulation/index';
import { formatShare } from '../analysis/precision';

export type CardStatus = 'pass' | 'near' | 'fail' | 'none';

type SloCheck = RunResults['slo']['checks'][number];

export interface HeadlineCard {
  key: HeadlineKey;
  label: string;
  value: string;
  /** A second figure under the value (e.g. TTFT P95, availability). */
  sub: string | null;
  /** A warning line under the value, e.g. the cost per served query when many requests fail. */
  note: string | null;
  /** "target < 5 s" from the document's SLOs, or null. */
  target: string | null;
  status: CardStatus;
}

/** How a check's figure reads: by the metric's unit suffix (…Ms, …Usd), shares otherwise (as the cards print them). */
export function formatCheckValue(metric: string, value: number | null): string {
  if (value === null) return '—';
  if (/Ms$/.test(metric)) return formatMs(value);
  if (/Usd$/.test(metric)) return formatUsd(value);
  return formatShare(value);
}

/**
 * Green when the figure meets its SLO with margin, amber when it meets it but uses 80 % or more of
 * the allowed budget (a max-target at ≥ 80 % of it; a min-target whose shortfall from 100 % is ≥ 80 %
 * of the allowed one), red when it misses, grey without a target or a figure.
 */
export function checkStatus(check: SloCheck | undefined): CardStatus {
  if (!check || check.pass === null) return 'none';
  if (!check.pass) return 'fail'; // including a latency target when nothing was served (actual null)
  if (check.actual === null) return 'none';
  const near = check.direction === 'max' ? check.actual >= 0.8 * check.target : check.target < 1 && 1 - check.actual >= 0.8 * (1 - check.target);
  return near ? 'near' : 'pass';
}

export function targetText(check: SloCheck | undefined): string | null {
  if (!check) return null;
  return `target ${check.direction === 'max' ? '<' : '>'} ${formatCheckValue(check.metric, check.target)}`;
}

/**
 * Cost per query divides by every measured request, failed ones included, so a failing pipeline looks
 * cheap; above 1 % errors the card also says what each answer users received cost.
 */
function servedNote(r: RunResults): string | null {
  if (r.outcomes.served === 0 && r.outcomes.measured > 0) return 'paid for failed attempts: no answer was served';
  const served = r.cost.perServedQueryUsd ?? null;
  return served !== null && r.headline.errorRate > 0.01 ? `${formatUsd(served)} per served query` : null;
}

/** The headline cards in reading order; shares by formatShare's one rule, as the SLO rows and intervals print them. */
export function headlineCards(r: RunResults): HeadlineCard[] {
  const h = r.headline;
  // No request served: latency cards show — and say why (their targets fail, see the SLO list).
  const noneServed = h.p99Ms === null ? 'no request was served' : null;
  const check = (metric: string) => r.slo.checks.find((c) => c.metric === metric);
  const card = (key: HeadlineKey, label: string, value: string, metric: string | null, sub: string | null = null, note: string | null = null): HeadlineCard => ({
    key,
    label,
    value,
    sub,
    note,
    target: metric ? targetText(check(metric)) : null,
    status: metric ? checkStatus(check(metric)) : 'none',
  });
  return [
    card('p50Ms', 'P50 latency', formatMs(h.p50Ms), 'p50Ms', noneServed),
    card('p95Ms', 'P95 latency', formatMs(h.p95Ms), 'p95Ms', noneServed),
    card('p99Ms', 'P99 latency', formatMs(h.p99Ms), 'p99Ms', noneServed),
    card('ttftP50Ms', 'TTFT (P50)', formatMs(h.ttftP50Ms), 'ttftMs', noneServed ?? `P95 ${formatMs(h.ttftP95Ms)}`),
    card('errorRate', 'Error rate', formatShare(h.errorRate), 'errorRate', `availability ${formatShare(h.availability)}`),
    card('costPerQueryUsd', 'Cost per query', formatUsd(h.costPerQueryUsd), null, `usage ${formatUsd(r.cost.variablePerQueryUsd)} + fixed ${formatUsd(r.cost.fixedPerQueryUsd)}`, servedNote(r)),
    card('monthlyCostUsd', 'Monthly cost', formatUsd(h.monthlyCostUsd), 'monthlyBudgetUsd', `${formatUsd(r.cost.dailyUsd)} per day`),
    card('cacheHitRate', 'Cache hit rate', h.cacheHitRate === null ? 'no cache' : formatShare(h.cacheHitRate), 'cacheHitRate'),
    card('peakQuotaUtilisation', 'Peak quota utilisation', h.peakQuotaUtilisation === null ? 'no quotas' : formatShare(h.peakQuotaUtilisation), 'rateLimitUtilisation', r.quotas.length ? `${r.quotas.reduce((s, q) => s + q.rateLimited, 0).toLocaleString('en-US')} × 429` : null),
  ];
}
