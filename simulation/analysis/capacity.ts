import { MINUTES_PER_MONTH } from '../units/duration';
import type { RunResults } from '../results/types';
import { formatPercent, formatUsd } from '../units/format';
import { formatShare } from '../units/precision';

/**
 * The guide's capacity model: monthly capacity = available TPM × minutes per month (43,200) ×
 * target utilisation. Example: 100,000 × 43,200 × 0.7 = 3.02 B tokens ≈ 2 M queries at 1,500 tokens.
 */
export const DEFAULT_TARGET_UTILISATION = 0.7;

export function monthlyTokenCapacity(tokensPerMinute: number, targetUtilisation = DEFAULT_TARGET_UTILISATION): number {
  return tokensPerMinute * MINUTES_PER_MONTH * targetUtilisation;
}

export function monthlyQueryCapacity(tokensPerMinute: number, tokensPerQuery: number, targetUtilisation = DEFAULT_TARGET_UTILISATION): number {
  return tokensPerQuery > 0 ? monthlyTokenCapacity(tokensPerMinute, targetUtilisation) / tokensPerQuery : Infinity;
}

/** The 12-month projection with the busiest quota's peak minute grown alongside the traffic. */
export interface GrowthOutlook {
  monthlyGrowth: number;
  months: Array<{ month: number; queries: number; costUsd: number; peakQuotaUtilisation: number | null }>;
  /** The quota whose peak minute is busiest today, or null without quotas. */
  busiestQuota: string | null;
  /** First month whose projected peak passes the guide's 70 % scaling trigger; null if none within 12. */
  scalingTriggerMonth: number | null;
  /** First month whose projected peak passes 100 % of a limit (429s or queueing from then on); null if none. */
  limitMonth: number | null;
}

/**
 * Where growth meets the provider limits: today's peak 1-minute utilisation of the busiest quota,
 * scaled by each month's queries ÷ today's (linear in traffic: a first reading, not a load test —
 * `preflight capacity` finds the load where latency or 429s actually break).
 */
export function growthOutlook(r: Pick<RunResults, 'projection' | 'quotas' | 'headline'>, monthlyGrowth: number): GrowthOutlook {
  const peak = r.headline.peakQuotaUtilisation;
  const base = r.projection[0]?.queries ?? 0;
  const busiest = r.quotas.length ? r.quotas.reduce((a, b) => (b.peakUtilisation > a.peakUtilisation ? b : a)) : null;
  const months = r.projection.map((p) => ({ ...p, peakQuotaUtilisation: peak === null || base <= 0 ? null : (peak * p.queries) / base }));
  const first = (threshold: number) => months.find((m) => m.peakQuotaUtilisation !== null && m.peakQuotaUtilisation > threshold)?.month ?? null;
  return { monthlyGrowth, months, busiestQuota: busiest?.id ?? null, scalingTriggerMonth: first(DEFAULT_TARGET_UTILISATION), limitMonth: first(1) };
}

/** The 12-month projection in one line, and the month the busiest quota's peak minute meets 70 % and 100 %. */
export function growthText(r: Pick<RunResults, 'projection' | 'quotas' | 'headline'>): string {
  // The projection's own rate (traffic.monthlyGrowth): month 2 ÷ month 1.
  const [m1, m2] = r.projection;
  const growth = m1 && m2 && m1.queries > 0 ? Number((m2.queries / m1.queries - 1).toFixed(9)) : 0;
  if (growth === 0) return 'Next 12 months: flat (traffic.monthlyGrowth is 0; set it to project growth)';
  const g = growthOutlook(r, growth);
  const at = (k: number) => g.months[k - 1];
  const costs = [3, 6, 12].map((k) => `month ${k} ${formatUsd(at(k)!.costUsd)}`).join(' · ');
  const rate = `${growth > 0 ? '+' : '−'}${formatPercent(Math.abs(growth))}/month`;
  let quota = '';
  if (g.busiestQuota !== null) {
    // Month 1 is today: a quota already past a line is said to be, not to "pass it in month 1".
    const lines = [
      { month: g.scalingTriggerMonth, what: "the guide's 70 % scaling trigger" },
      { month: g.limitMonth, what: 'its limit' },
    ].filter((l): l is { month: number; what: string } => l.month !== null);
    const already = lines.filter((l) => l.month === 1).map((l) => l.what);
    const later = lines.filter((l) => l.month > 1).map((l) => `${l.what} in month ${l.month}`);
    const said = [already.length ? `is already past ${already.join(' and ')} today` : '', later.length ? `passes ${later.join(' and ')}` : ''].filter(Boolean).join(' and ');
    quota = said ? `; quota ${g.busiestQuota}'s peak minute (${formatShare(r.headline.peakQuotaUtilisation ?? 0)} today, grown with traffic) ${said}` : `; quota ${g.busiestQuota}'s peak minute stays under 70 % (${formatShare(at(12)!.peakQuotaUtilisation ?? 0)} in month 12)`;
  }
  return `Next 12 months at ${rate} (traffic.monthlyGrowth): ${costs}${quota}`;
}
