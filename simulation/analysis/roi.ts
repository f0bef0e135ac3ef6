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
  /** Days in a month (the seed: 30). */
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
  const monthlySavingsUsd = total(baseline) - total(level);
  const netMonthlySavingsUsd = monthlySavingsUsd - level.monthlyInvestmentUsd;
  return {
    name: level.name,
    queriesPerMonth,
    monthlyCostUsd,
    downtimeHoursPerMonth,
    lostRevenueUsd,
    monthlyTotalUsd: monthlyCostUsd + lostRevenueUsd,
    monthlySavingsUsd,
    netMonthlySavingsUsd,
    oneTimeInvestmentUsd: level.oneTimeInvestmentUsd,
    monthlyInvestmentUsd: level.monthlyInvestmentUsd,
    paybackMonths: netMonthlySavingsUsd > 0 ? level.oneTimeInvestmentUsd / netMonthlySavingsUsd : null,
  };
}

/** ROI figures with intervals: the formulas applied to every replication, then a t-interval per figure. */
export interface LevelRoiWithIntervals {
  name: string;
  point: LevelRoi;
  intervals: Partial<Record<'monthlyCostUsd' | 'costPerQueryUsd' | 'downtimeHoursPerMonth' | 'lostRevenueUsd' | 'monthlySavingsUsd' | 'paybackMonths', Interval>>;
}

/** The guide's worked example, as inputs to the formulas. */
export const SEED_ROI_EXAMPLE = {
  assumptions: { queriesPerDay: 100_000, lostRevenuePerDowntimeHourUsd: 5_000, daysPerMonth: 30 } satisfies RoiAssumptions,
  level1: { name: 'Level 1 (Ad-hoc)', costPerQueryUsd: 0.05, fixedMonthlyUsd: 0, downtimeMinutesPerMonth: 240, oneTimeInvestmentUsd: 0, monthlyInvestmentUsd: 0 } satisfies LevelEconomics,
  level4: { name: 'Level 4 (Optimized)', costPerQueryUsd: 0.02, fixedMonthlyUsd: 0, downtimeMinutesPerMonth: 15, oneTimeInvestmentUsd: 50_000, monthlyInvestmentUsd: 5_000 } satisfies LevelEconomics,
};
