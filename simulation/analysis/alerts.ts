import type { RunResults } from '../results/types';

export type Severity = 'critical' | 'high' | 'medium' | 'low';

/** The guide's alert severity levels. */
export const SEVERITIES: Record<Severity, { responseTime: string; example: string }> = {
  critical: { responseTime: 'Immediate (page)', example: 'System down, error rate > 50 %' },
  high: { responseTime: '< 1 hour', example: 'Error rate > 10 %, latency P99 > 10 s' },
  medium: { responseTime: '< 4 hours', example: 'Quality metrics degraded, cost spike' },
  low: { responseTime: 'Next business day', example: 'Trend warnings, capacity planning' },
};

export interface AlertRule {
  id: string;
  severity: Severity;
  title: string;
  /** The condition, in words. */
  condition: string;
  /** What to do: the guide's runbooks where it has one, Preflight's suggestion otherwise. */
  runbook: string[];
  runbookSource: 'seed' | 'preflight';
}

export interface AlertFiring {
  rule: AlertRule;
  /** Series buckets in which it fired (measured window). */
  buckets: number;
  firingMinutes: number;
  firstAtMs: number | null;
}

const COST_OVERRUN = [
  'Identify which model/endpoint is over-consuming',
  'Check for traffic spike (legitimate or attack)',
  'Review recent prompt changes (longer prompts?)',
  'Check cache hit rate (sudden drop?)',
  'Enable aggressive caching if safe',
  'Consider routing more traffic to cheaper models',
  'If attack, enable rate limiting by user/IP',
];

const HALLUCINATION = [
  'Check if knowledge base was recently updated',
  'Review sample of low-faithfulness responses',
  'Check if prompt template changed',
  'Verify retrieval is returning relevant documents',
  'If retrieval OK, check for model behavior change',
  'Consider rolling back recent changes',
  'Enable increased human review temporarily',
];

export const ALERT_RULES: AlertRule[] = [
  { id: 'system-down', severity: 'critical', title: 'System down', condition: 'error rate > 50 % in a bucket', runbookSource: 'preflight', runbook: ['Page the on-call engineer', 'Check provider status pages and the breaker states', 'Fail over to the fallback provider or cached answers', 'Roll back the last deploy if it preceded the failure', 'Post a status update for users'] },
  { id: 'error-rate', severity: 'high', title: 'High error rate', condition: 'error rate > 10 % in a bucket', runbookSource: 'preflight', runbook: ['Find the failing node and error type (429, timeout, 5xx)', 'For 429s: raise limits, add keys or shed load', 'For timeouts and 5xx: check the provider and the breaker, shift traffic to the fallback', 'Confirm retries are not amplifying the load'] },
  { id: 'p99-latency', severity: 'high', title: 'P99 latency above 10 s', condition: 'P99 > 10 s in a bucket', runbookSource: 'preflight', runbook: ['Find the slowest node in traces', 'Check queue depth and concurrency limits', 'Lower max_tokens or move long answers to a faster model', 'Skip optional steps (reranking) with a budget gate'] },
  { id: 'quality', severity: 'medium', title: 'Hallucination spike (faithfulness < 0.85)', condition: 'share of correct answers < 0.85 in a bucket', runbookSource: 'seed', runbook: HALLUCINATION },
  { id: 'cost-spike', severity: 'medium', title: 'Cost spike (hourly spend > 3× average)', condition: 'hourly spend > 3 × the run average', runbookSource: 'seed', runbook: COST_OVERRUN },
  { id: 'capacity', severity: 'low', title: 'Capacity planning (utilisation > 70 % sustained)', condition: 'a quota above 70 % for 15 minutes in a row', runbookSource: 'preflight', runbook: ['Plan a limit upgrade or more keys (the seed\'s scaling trigger)', 'Check that caching and tiering are doing their share', 'Project growth with the monthly projection'] },
];

/** Evaluates the guide's alert severities on a run's series (measured window only). */
export function evaluateAlerts(r: RunResults): AlertFiring[] {
  const s = r.series;
  const bucketMinutes = s.bucketMs / 60_000;
  const first = Math.ceil(s.warmupEndMs / s.bucketMs);
  const last = Math.min(s.points, Math.ceil(s.arrivalsEndMs / s.bucketMs)) - 1;
  const buckets = (pred: (i: number) => boolean) => {
    let n = 0;
    let firstAt: number | null = null;
    for (let i = first; i <= last; i++) {
      if (pred(i)) {
        n++;
        if (firstAt === null) firstAt = i * s.bucketMs;
      }
    }
    return { n, firstAt };
  };
  const errRate = (i: number) => s.errorRate[i] ?? 0;
  const hourly = hourlySpend(r);
  const meanHour = hourly.length ? hourly.reduce((a, x) => a + x.usd, 0) / hourly.length : 0;
  const results: AlertFiring[] = [];
  const push = (id: string, found: { n: number; firstAt: number | null }, minutesPerHit = bucketMinutes) => {
    const rule = ALERT_RULES.find((x) => x.id === id)!;
    if (found.n > 0) results.push({ rule, buckets: found.n, firingMinutes: found.n * minutesPerHit, firstAtMs: found.firstAt });
  };
  push('system-down', buckets((i) => errRate(i) > 0.5));
  push('error-rate', buckets((i) => errRate(i) > 0.1));
  push('p99-latency', buckets((i) => (s.latencyP99Ms[i] ?? 0) > 10_000));
  push('quality', buckets((i) => s.served[i]! >= 20 && s.correct[i]! / s.served[i]! < 0.85));
  const spikes = hourly.filter((h) => meanHour > 0 && h.usd > 3 * meanHour);
  push('cost-spike', { n: spikes.length, firstAt: spikes[0]?.startMs ?? null }, 60);
  const capacity = r.quotas.filter((q) => Object.values(q.utilisation).some((f) => f !== null && typeof f === 'object' && f.longestRunOver70 >= 15));
  if (capacity.length) push('capacity', { n: capacity.length, firstAt: null }, 0);
  return results;
}

/** Spend per hour of the measured window (whole hours only). */
export function hourlySpend(r: RunResults): Array<{ startMs: number; usd: number }> {
  const s = r.series;
  const perHour = Math.max(1, Math.round(3_600_000 / s.bucketMs));
  if (s.bucketMs > 3_600_000) return [];
  const start = Math.ceil(s.warmupEndMs / 3_600_000) * perHour;
  const out: Array<{ startMs: number; usd: number }> = [];
  for (let b = start; b + perHour <= Math.ceil(s.arrivalsEndMs / s.bucketMs); b += perHour) {
    let usd = 0;
    for (let k = 0; k < perHour; k++) usd += s.costUsd[b + k] ?? 0;
    out.push({ startMs: b * s.bucketMs, usd });
  }
  return out;
}
