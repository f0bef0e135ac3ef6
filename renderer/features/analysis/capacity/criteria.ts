import type { LoadCriteria, PipelineDocument } from '../../../../simulation/index';
import type { CriteriaInput, CriterionKey } from '../analysis-inputs';

export const CRITERIA: Array<{ key: CriterionKey; label: string; unit: 'ms' | 'share' }> = [
  { key: 'p99Ms', label: 'P99 latency at most', unit: 'ms' },
  { key: 'p95Ms', label: 'P95 latency at most', unit: 'ms' },
  { key: 'ttftP50Ms', label: 'TTFT (P50) at most', unit: 'ms' },
  { key: 'errorRate', label: 'Error rate at most', unit: 'share' },
  { key: 'rateLimitedShare', label: '429s per request at most', unit: 'share' },
];

/**
 * The search's default criteria, as `preflight capacity` uses them: the document's P99 and error-rate
 * SLOs and at most 1 % of requests rate-limited. P95 and TTFT are offered from the SLOs but start off.
 */
export function defaultCriteria(doc: PipelineDocument): CriteriaInput {
  return {
    p99Ms: { enabled: true, value: doc.slo.p99Ms },
    p95Ms: { enabled: false, value: doc.slo.p95Ms },
    ttftP50Ms: { enabled: false, value: doc.slo.ttftMs },
    errorRate: { enabled: true, value: doc.slo.errorRate },
    rateLimitedShare: { enabled: true, value: 0.01 },
  };
}

export function criteriaFor(input: CriteriaInput | null, doc: PipelineDocument): CriteriaInput {
  return input ?? defaultCriteria(doc);
}

export function loadCriteria(c: CriteriaInput): LoadCriteria {
  const out: LoadCriteria = {};
  for (const { key } of CRITERIA) out[key] = c[key].enabled ? c[key].value : null;
  return out;
}

/** How a criterion a load point breaks reads in the UI. */
export function criterionText(key: string): string {
  if (key === 'unstable') return 'queues grow without bound';
  return CRITERIA.find((c) => c.key === key)?.label.replace(' at most', '') ?? key;
}
