import type { SloTargets } from '../model/document-schema';
import type { ErrorBudget, RunResults, SloCheck } from './types';

/**
 * Pass/fail of each SLO target against a run's headline figures. A figure the pipeline does not have
 * (no cache, no quota) is not applicable (pass null); a latency target when no request was served
 * fails: there is no latency that meets it.
 */
export function sloChecks(slo: SloTargets, r: Pick<RunResults, 'headline' | 'quotas' | 'cost' | 'quality'>): SloCheck[] {
  const h = r.headline;
  const check = (metric: SloCheck['metric'], label: string, target: number, direction: 'max' | 'min', actual: number | null, whenMissing: false | null = null): SloCheck => ({
    metric,
    label,
    target,
    direction,
    actual,
    pass: actual === null ? whenMissing : direction === 'max' ? actual < target : actual > target,
  });
  const checks = [
    check('p50Ms', 'P50 latency', slo.p50Ms, 'max', h.p50Ms, false),
    check('p95Ms', 'P95 latency', slo.p95Ms, 'max', h.p95Ms, false),
    check('p99Ms', 'P99 latency', slo.p99Ms, 'max', h.p99Ms, false),
    check('ttftMs', 'TTFT (P50)', slo.ttftMs, 'max', h.ttftP50Ms, false),
    check('errorRate', 'Error rate', slo.errorRate, 'max', h.errorRate),
    check('availability', 'Availability', slo.availability, 'min', h.availability),
    check('cacheHitRate', 'Cache hit rate', slo.cacheHitRate, 'min', h.cacheHitRate),
    check('rateLimitUtilisation', 'Peak quota utilisation', slo.rateLimitUtilisation, 'max', h.peakQuotaUtilisation),
    check('faithfulness', 'Faithfulness', slo.faithfulness, 'min', r.quality.faithfulness),
    check('escalationRate', 'Escalation rate', slo.escalationRate, 'max', r.quality.escalationRate),
  ];
  if (slo.monthlyBudgetUsd !== null) checks.push(check('monthlyBudgetUsd', 'Monthly cost', slo.monthlyBudgetUsd, 'max', r.cost.monthlyUsd));
  return checks;
}

/** Error budget of the availability target for this run. */
export function errorBudget(slo: SloTargets, r: Pick<RunResults, 'outcomes' | 'cost'>): ErrorBudget {
  const allowed = 1 - slo.availability;
  const finished = r.outcomes.served + r.outcomes.failed + r.outcomes.escalated;
  const allowedFailures = allowed * finished;
  return {
    allowedFailureShare: allowed,
    consumed: allowedFailures > 0 ? r.outcomes.failed / allowedFailures : r.outcomes.failed > 0 ? null : 0,
    allowedFailuresPerMonth: allowed * r.cost.monthlyQueries,
    allowedDowntimeMinutesPerMonth: allowed * 43_200,
  };
}
