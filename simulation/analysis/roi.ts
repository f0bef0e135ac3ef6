import type { Interval } from './statistics';

/**
 * Maturity ROI (the guide's "ROI of Operational Excellence"), as plain formulas:
 *   monthly cost      = cost per query × queries per month
 *   lost revenue      = downtime hours per month × revenue lost per hour of downtime
 *   monthly savings   = (cost + lost revenue) of the baseline − (cost + lost revenue) of the level
 *   payback (months)  = one-time investment ÷ (monthly savings − monthly investment)
 * The guide's example (100 K queries/day; $0.05 → $0.02; 4 h → 15 min; $20,000 → $1,250;
 * savings $108,750; $50,000 + $5,000/month; payback < 1 month) comes out of these exactly.
 */
export interface LevelEconomics {
  name: string;
  costPerQueryUsd: number;
  /** Fixed monthly infrastructure beside the usage cost (0 when already in cost per query). */
  fixedMonthlyUsd: number;
  downtimeMinutesPerMonth: number;
  /** Investment to reach this level from the baseline. */
  oneTimeInvestmentUsd: number;
  monthlyInvestmentUsd: number;
}

export interface RoiAssumptions {
  queriesPerDay: number;
  /** Revenue lost per hour the system is down. */
  lostRevenuePerDowntimeHourUsd: number;
  /** Days in a month (the guide: 30). */
  daysPerMonth: number;
}

export interface LevelRoi {
  name: string;
  queriesPerMonth: number;
  monthlyCostUsd: number;
  downtimeHoursPerMonth: number;
  lostRevenueUsd: number;
  /** Cost + lost revenue. */
  monthlyTotalUsd: number;
  /** Against the baseline (the first level). */
  monthlySavingsUsd: number;
  /**
   * monthlySavingsUsd ÷ the baseline's cost + lost revenue: how much better than the baseline, the
   * reading this takes of the guide's "10-20% better" column (see GUIDE_IMPROVEMENT).
   */
  improvement: number;
  netMonthlySavingsUsd: number;
  oneTimeInvestmentUsd: number;
  monthlyInvestmentUsd: number;
  /** Months to earn back the one-time investment; null when net savings are not positive. */
  paybackMonths: number | null;
}

export function levelRoi(level: LevelEconomics, baseline: LevelEconomics, a: RoiAssumptions): LevelRoi {
  const queriesPerMonth = a.queriesPerDay * a.daysPerMonth;
  const total = (l: LevelEconomics) => l.costPerQueryUsd * queriesPerMonth + l.fixedMonthlyUsd + (l.downtimeMinutesPerMonth / 60) * a.lostRevenuePerDowntimeHourUsd;
  const monthlyCostUsd = level.costPerQueryUsd * queriesPerMonth + level.fixedMonthlyUsd;
  const downtimeHoursPerMonth = level.downtimeMinutesPerMonth / 60;
  const lostRevenueUsd = downtimeHoursPerMonth * a.lostRevenuePerDowntimeHourUsd;
  const baselineTotalUsd = total(baseline);
  const monthlySavingsUsd = baselineTotalUsd - total(level);
  const netMonthlySavingsUsd = monthlySavingsUsd - level.monthlyInvestmentUsd;
  return {
    name: level.name,
    queriesPerMonth,
    monthlyCostUsd,
    downtimeHoursPerMonth,
    lostRevenueUsd,
    monthlyTotalUsd: monthlyCostUsd + lostRevenueUsd,
    monthlySavingsUsd,
    improvement: baselineTotalUsd > 0 ? monthlySavingsUsd / baselineTotalUsd : 0,
    netMonthlySavingsUsd,
    oneTimeInvestmentUsd: level.oneTimeInvestmentUsd,
    monthlyInvestmentUsd: level.monthlyInvestmentUsd,
    paybackMonths: netMonthlySavingsUsd > 0 ? level.oneTimeInvestmentUsd / netMonthlySavingsUsd : null,
  };
}

/**
 * The guide's maturity table, "Improvement" column, against level 1: [low, high] shares (high null for
 * "70%+"). The guide does not say better at what; Preflight compares cost + lost revenue a month.
 */
export const GUIDE_IMPROVEMENT: Readonly<Record<2 | 3 | 4 | 5, { low: number; high: number | null; text: string }>> = {
  2: { low: 0.1, high: 0.2, text: '10-20%' },
  3: { low: 0.3, high: 0.4, text: '30-40%' },
  4: { low: 0.5, high: 0.6, text: '50-60%' },
  5: { low: 0.7, high: null, text: '70%+' },
};

/** The guide's improvement range for row k ("50-60%"), when the baseline is level 1 and row k says its level; else null. */
export function guideImprovementText(rows: ReadonlyArray<{ maturityLevel?: number }>, k: number): string | null {
  const level = rows[k]?.maturityLevel;
  return k > 0 && rows[0]?.maturityLevel === 1 && level !== undefined && level > 1 ? GUIDE_IMPROVEMENT[level as 2 | 3 | 4 | 5].text : null;
}

/** ROI figures with intervals: the formulas applied to every replication, then a t-interval per figure. */
export interface LevelRoiWithIntervals {
  name: string;
  /** The level's pipeline.maturityLevel, when its file says one. */
  maturityLevel?: number;
  point: LevelRoi;
  intervals: Partial<Record<'monthlyCostUsd' | 'costPerQueryUsd' | 'downtimeHoursPerMonth' | 'lostRevenueUsd' | 'monthlySavingsUsd' | 'paybackMonths', Interval>>;
}

/** The guide's worked example, as inputs to the formulas. */
export const SEED_ROI_EXAMPLE = {
  assumptions: { queriesPerDay: 100_000, lostRevenuePerDowntimeHourUsd: 5_000, daysPerMonth: 30 } satisfies RoiAssumptions,
  level1: { name: 'Level 1 (Ad-hoc)', costPerQueryUsd: 0.05, fixedMonthlyUsd: 0, downtimeMinutesPerMonth: 240, oneTimeInvestmentUsd: 0, monthlyInvestmentUsd: 0 } satisfies LevelEconomics,
  level4: { name: 'Level 4 (Optimized)', costPerQueryUsd: 0.02, fixedMonthlyUsd: 0, downtimeMinutesPerMonth: 15, oneTimeInvestmentUsd: 50_000, monthlyInvestmentUsd: 5_000 } satisfies LevelEconomics,
};
