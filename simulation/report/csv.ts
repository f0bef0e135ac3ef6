import type { ReplicatedResults } from '../analysis/replications';
import type { RunResults } from '../results/types';

/** RFC 4180 CSV: fields with commas, quotes or newlines are quoted. */
export function toCsv(rows: Array<Array<string | number | null>>): string {
  return rows.map((r) => r.map((v) => (v === null ? '' : /[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',')).join('\r\n') + '\r\n';
}

/** Headline figures, one per row, with their interval when replicated. Units in the column names. */
export function headlineCsv(r: RunResults, replicated: ReplicatedResults | null): string {
  const rows: Array<Array<string | number | null>> = [['figure', 'value', 'ci_low', 'ci_high', 'confidence', 'replications']];
  for (const [key, value] of Object.entries(r.headline)) {
    const ci = replicated?.headline[key as keyof typeof replicated.headline];
    rows.push([key, ci ? ci.mean : (value as number | null), ci?.low ?? null, ci?.high ?? null, replicated ? replicated.confidence : null, replicated ? replicated.seeds.length : 1]);
  }
  return toCsv(rows);
}

/** One row per node: traffic, failures, latency quantiles and cost. */
export function nodesCsv(r: RunResults): string {
  const rows: Array<Array<string | number | null>> = [['node_id', 'kind', 'name', 'entered', 'ok', 'failed', 'attempts', 'retries', 'rate_limited', 'p50_ms', 'p95_ms', 'p99_ms', 'mean_ms', 'cost_usd', 'cost_share']];
  for (const n of r.nodes) rows.push([n.id, n.kind, n.name, n.entered, n.ok, n.failed, n.attempts, n.retries, n.rateLimited, n.latency.p50, n.latency.p95, n.latency.p99, n.latency.mean, n.costUsd, n.costShare]);
  return toCsv(rows);
}

/** The per-interval series, one row per interval, for spreadsheets. */
export function seriesCsv(r: RunResults): string {
  const s = r.series;
  const quotaIds = Object.keys(s.quotas);
  const header = ['start_ms', 'arrivals', 'served', 'errors', 'error_rate', 'cost_usd', 'retries', 'cache_hits', 'fallbacks', 'rate_limited', 'p50_ms', 'p95_ms', 'p99_ms', ...quotaIds.flatMap((q) => [`${q}_utilisation`, `${q}_queue_length`])];
  const rows: Array<Array<string | number | null>> = [header];
  for (let i = 0; i < s.points; i++) {
    rows.push([i * s.bucketMs, s.arrivals[i]!, s.served[i]!, s.errors[i]!, s.errorRate[i] ?? null, s.costUsd[i]!, s.retries[i]!, s.cacheHits[i]!, s.fallbacks[i]!, s.rateLimited[i]!, s.latencyP50Ms[i] ?? null, s.latencyP95Ms[i] ?? null, s.latencyP99Ms[i] ?? null, ...quotaIds.flatMap((q) => [s.quotas[q]!.utilisation[i] ?? null, s.quotas[q]!.queueLength[i] ?? null])]);
  }
  return toCsv(rows);
}
