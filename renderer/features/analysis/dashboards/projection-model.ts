import { DEFAULT_TARGET_UTILISATION, formatPercent, formatShare, formatTokens, formatUsd, growthOutlook, type Explanation, type GrowthOutlook, type RunResults } from '../../../../simulation/index';
import type { BudgetSource } from '../budget/budget-source';

type Results = Pick<RunResults, 'projection' | 'quotas' | 'headline' | 'cost'>;

/** The months a reader asks about first: now, a quarter, half a year, a year. */
export const KEY_MONTHS = [1, 3, 6, 12] as const;

/**
 * The monthly growth the run's projection was made with (traffic.monthlyGrowth): month 2 ÷ month 1,
 * read as growthText reads it, so the app states the rate of the bars it draws even when the document
 * has changed since the run.
 */
export function projectionGrowth(r: Pick<RunResults, 'projection'>): number {
  const [m1, m2] = r.projection;
  return m1 && m2 && m1.queries > 0 ? Number((m2.queries / m1.queries - 1).toFixed(9)) : 0;
}

/** "+10 %/month", "−5 %/month", or "0 %/month". */
export function growthRateText(growth: number): string {
  return `${growth > 0 ? '+' : growth < 0 ? '−' : ''}${formatPercent(Math.abs(growth))}/month`;
}

export interface KeyMonth {
  month: number;
  queries: number;
  costUsd: number;
  /** Cost ÷ the budget the view compares with. */
  budgetShare: number;
  /** The busiest quota's peak minute grown with traffic; null without quotas. */
  peakQuotaUtilisation: number | null;
}

export interface CapacityReading {
  quota: string;
  /** One sentence: when the peak minute passes 70 % and the limit, or that it stays under. */
  text: string;
  explanation: Explanation;
}

export interface ProjectionView {
  growth: number;
  flat: boolean;
  outlook: GrowthOutlook;
  keyMonths: KeyMonth[];
  /** Null without quotas: there is no provider limit for the growth to meet. */
  capacity: CapacityReading | null;
  growthExplanation: Explanation;
  costExplanation: Explanation;
}

const factorText = (f: number) => Number(f.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 4 });

function capacityReading(r: Results, g: GrowthOutlook): CapacityReading | null {
  const quota = g.busiestQuota;
  const today = r.headline.peakQuotaUtilisation;
  if (quota === null || today === null) return null;
  const m12 = g.months[11]?.peakQuotaUtilisation ?? today;
  const trigger = Math.round(DEFAULT_TARGET_UTILISATION * 100);
  const at = (m: number) => g.months[m - 1]!;
  const passes = (m: number | null, what: string) => (m === null ? null : m === 1 ? `is past ${what} already today` : `passes ${what} in month ${m}`);
  const events = [passes(g.scalingTriggerMonth, `the guide's ${trigger} % scaling trigger`), passes(g.limitMonth, 'its limit (100 %: requests queue or get 429s)')].filter((x): x is string => x !== null);
  const text = events.length
    ? `Quota ${quota}'s busiest minute (${formatShare(today)} of its limit today) ${events.join(' and ')}.`
    : `Quota ${quota}'s busiest minute (${formatShare(today)} of its limit today) stays under the ${trigger} % scaling trigger for 12 months (${formatShare(m12)} in month 12).`;
  const step = (m: number) => `month ${m}: ${formatShare(today)} × ${factorText(at(m).queries / at(1).queries)} = ${formatShare(at(m).peakQuotaUtilisation)}`;
  const shown = [...new Set([g.scalingTriggerMonth, g.limitMonth, 12].filter((m): m is number => m !== null && m > 1))];
  return {
    quota,
    text,
    explanation: {
      title: `Growth against quota ${quota}`,
      formula: `peak minute in month k = ${formatShare(today)} × queries in month k ÷ queries in month 1; ${shown.map(step).join('; ')}`,
      details: [
        `${formatShare(today)}: the busiest 1-minute utilisation of quota ${quota} in this run (its busiest limit: requests, tokens or concurrency), the quota that is fullest today.`,
        `${trigger} % is the guide's scaling trigger (plan an upgrade before it is sustained); above 100 % requests wait or get 429s.`,
        'Linear in traffic: a first reading, not a load test. Capacity → Max sustainable load runs the pipeline at higher loads and finds where latency or 429s break.',
      ],
    },
  };
}

/** The Executive dashboard's 12-month projection: growth, months 1/3/6/12, and where it meets the limits. */
export function projectionView(r: Results, budget: Pick<BudgetSource, 'usd' | 'name'>): ProjectionView {
  const growth = projectionGrowth(r);
  const outlook = growthOutlook(r, growth);
  const keyMonths = KEY_MONTHS.flatMap((k) => {
    const m = outlook.months[k - 1];
    return m ? [{ month: k, queries: m.queries, costUsd: m.costUsd, budgetShare: m.costUsd / budget.usd, peakQuotaUtilisation: m.peakQuotaUtilisation }] : [];
  });
  const first = outlook.months[0];
  const last = outlook.months[11];
  const c = r.cost;
  const growthExplanation: Explanation = {
    title: 'Monthly growth of the projection',
    formula: first && last ? `queries in month k = ${formatTokens(first.queries)} × (1 ${growth < 0 ? '−' : '+'} ${Math.abs(growth)})^(k − 1); month 12 = ${formatTokens(first.queries)} × ${factorText(last.queries / first.queries)} = ${formatTokens(last.queries)}` : 'no projection in these results',
    details: [
      `${growthRateText(growth)} is traffic.monthlyGrowth in the pipeline file (Editor → Traffic tab → Monthly growth)${growth === 0 ? ': 0, so the projection is flat' : ''}.`,
      `Month 1 is today's traffic: ${c.formulas.monthlyQueries ?? 'the mean rate over the daily and weekly profile × 30 days'}.`,
      'Growth compounds monthly; the daily and weekly shape of the traffic is kept.',
    ],
  };
  const costExplanation: Explanation = {
    title: 'Projected monthly cost',
    formula: last ? `cost in month k = queries × usage cost per query + fixed costs; month 12 = ${formatTokens(last.queries)} × ${formatUsd(c.variablePerQueryUsd)} + ${formatUsd(c.fixedMonthlyUsd)} = ${formatUsd(last.costUsd)}` : 'no projection in these results',
    details: [
      `Usage cost per query from this run: ${formatUsd(c.variablePerQueryUsd)} (every attempt, retry and fallback call included), at today's catalog prices with no volume discount.`,
      `Fixed costs do not grow with traffic: ${formatUsd(c.fixedMonthlyUsd)} a month.`,
      `Against ${budget.name} (${formatUsd(budget.usd)} a month).`,
    ],
  };
  return { growth, flat: growth === 0, outlook, keyMonths, capacity: capacityReading(r, outlook), growthExplanation, costExplanation };
}
