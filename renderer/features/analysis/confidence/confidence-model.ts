import { INTERVAL_FIGURES, studentTQuantile, type Explanation, type Interval, type IntervalFigure, type ReplicatedResults, type ReplicationPlan } from '../../../../simulation/index';
import { confidenceText, FIGURE_LABELS, formatFigure, intervalText, rangeText, relativeText } from '../format';

export interface IntervalRow {
  key: IntervalFigure;
  label: string;
  interval: Interval;
  meanText: string;
  rangeText: string;
  relativeText: string;
  /** Under the stopping rule: whether this figure is one it checks, and whether it meets the target. */
  rule: 'met' | 'not met' | null;
}

/** Every headline figure with an interval, in the order of INTERVAL_FIGURES (figures without values are absent). */
export function intervalRows(r: ReplicatedResults, plan: ReplicationPlan): IntervalRow[] {
  return INTERVAL_FIGURES.flatMap((key) => {
    const iv = r.headline[key];
    if (!iv) return [];
    const checked = plan.stopping?.figures.includes(key) ?? false;
    return [{ key, label: FIGURE_LABELS[key], interval: iv, meanText: intervalText(key, iv), rangeText: rangeText(key, iv), relativeText: relativeText(iv), rule: checked ? (iv.relativeHalfWidth <= plan.stopping!.relativeHalfWidth ? 'met' : 'not met') : null }];
  });
}

/** The per-replication values of one figure, in seed order. */
export function samplesOf(r: ReplicatedResults, key: IntervalFigure): number[] {
  return r.samples.map((h) => h[key]).filter((v): v is number => v !== null);
}

/** "half-width = t(0.975, 4) × s ÷ √n = 2.776 × 0.21 s ÷ √5 = 0.26 s", with the figure's numbers. */
export function explainInterval(r: ReplicatedResults, key: IntervalFigure): Explanation {
  const iv = r.headline[key]!;
  const samples = samplesOf(r, key);
  const n = samples.length;
  const title = `${FIGURE_LABELS[key]}: ${confidenceText(iv)}`;
  if (n < 2) return { title, formula: 'one replication: no interval (the spread between runs is unknown)', details: [] };
  const mean = samples.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(samples.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const p = 1 - (1 - iv.confidence) / 2;
  const t = studentTQuantile(p, n - 1);
  if (iv.halfWidth === 0) {
    return {
      title,
      formula: `every one of the ${n} replications gave ${formatFigure(key, iv.mean)}: s = 0, so half-width = t × s ÷ √n = 0`,
      details: [
        'A zero-width interval says the runs did not vary (a P99 pinned at a timeout, a figure the fault scenario fixes), not that the long-run value is known exactly: the table says "same in all n runs" rather than "± 0".',
        `each replication is an independent run (own seed, warm-up deleted)`,
      ],
    };
  }
  return {
    title,
    formula: `half-width = t(${Number(p.toFixed(4))}, ${n - 1}) × s ÷ √n = ${t.toFixed(3)} × ${formatFigure(key, sd)} ÷ √${n} = ${formatFigure(key, iv.halfWidth)}`,
    details: [
      `mean of ${n} replications = ${formatFigure(key, iv.mean)}; interval ${rangeText(key, iv)}`,
      `s = standard deviation between replications; t = Student's t quantile for ${n - 1} degrees of freedom`,
      `relative half-width = half-width ÷ |mean| = ${relativeText(iv)}`,
      `each replication is an independent run (own seed, warm-up deleted); with ${Math.round(iv.confidence * 100)} % confidence the long-run mean (over endless replications) lies in ${rangeText(key, iv)}`,
    ],
  };
}

/** One line on how the replications were obtained (fixed count or stopping rule). */
export function planSummary(r: ReplicatedResults, plan: ReplicationPlan): string {
  const n = r.seeds.length;
  if (!plan.stopping) return `${n} independent replications, ${Math.round(plan.confidence * 100)} % confidence intervals`;
  const rule = `half-width ≤ ${Number((plan.stopping.relativeHalfWidth * 100).toFixed(2))} % of the mean at ${Math.round(plan.stopping.confidence * 100)} % confidence for ${plan.stopping.figures.map((f) => FIGURE_LABELS[f]).join(', ')}`;
  return r.stoppingMet ? `Stopping rule met after ${n} replications: ${rule}` : `Stopping rule NOT met within the cap of ${n} replications (${rule}); the intervals below are wider than asked`;
}
