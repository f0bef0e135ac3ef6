import type { ReplicatedResults, ReplicationPlan } from '../analysis/replications';
import { formatMs, formatPercent, formatUsd } from '../units/format';
import { formatShare, plusMinusText } from '../units/precision';
import { table } from './summary';

const LABELS: Record<string, [string, (v: number) => string]> = {
  p50Ms: ['P50 latency', formatMs],
  p95Ms: ['P95 latency', formatMs],
  p99Ms: ['P99 latency', formatMs],
  ttftP50Ms: ['TTFT P50', formatMs],
  ttftP95Ms: ['TTFT P95', formatMs],
  errorRate: ['Error rate', formatShare],
  availability: ['Availability', formatShare],
  costPerQueryUsd: ['Cost per query', formatUsd],
  monthlyCostUsd: ['Monthly cost', formatUsd],
  cacheHitRate: ['Cache hit rate', formatShare],
  peakQuotaUtilisation: ['Peak quota utilisation', formatShare],
  throughputRps: ['Throughput', (v) => `${Number(v.toPrecision(4))} req/s`],
};

/** The headline with its confidence intervals, one row per figure. */
export function formatReplicated(r: ReplicatedResults, rule: ReplicationPlan['stopping'] = null): string {
  const rows = Object.entries(r.headline).map(([key, ci]) => {
    const [label, fmt] = LABELS[key] ?? [key, String];
    return [label, fmt(ci.mean), plusMinusText(key, ci.mean, ci.halfWidth, ci.n), `${fmt(ci.low)} – ${fmt(ci.high)}`, formatPercent(ci.relativeHalfWidth, 1)];
  });
  // The rule is judged at its own confidence (JMT's 99 %), which is not the intervals' level: say both.
  const what = rule ? ` (P50/P95/P99 and cost per query within ±${formatPercent(rule.relativeHalfWidth, 1)} at ${Math.round(rule.confidence * 100)} %)` : '';
  const stop = r.stoppingMet === null ? '' : r.stoppingMet ? ` · stopping rule met${what}` : ` · stopping rule${what} NOT met at the replication cap`;
  return [
    `Replications: ${r.seeds.length} (seeds ${r.seeds.slice(0, 3).join(', ')}${r.seeds.length > 3 ? ', …' : ''}) · ${Math.round(r.confidence * 100)} % confidence intervals (Student t)${stop}`,
    table(['Figure', 'mean', 'half-width', 'interval', 'relative'], rows),
  ].join('\n');
}
