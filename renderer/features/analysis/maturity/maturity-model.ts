import { formatCount, formatUsd, levelRoi, SEED_ROI_EXAMPLE, type Explanation, type Interval, type LevelRoi, type LevelRoiWithIntervals, type RoiAssumptions } from '../../../../simulation/index';
import { confidenceText, formatFigure } from '../format';
import { halfWidthText, plusMinusText } from '../precision';

export type RoiFigure = 'costPerQueryUsd' | 'monthlyCostUsd' | 'downtimeHoursPerMonth' | 'lostRevenueUsd' | 'monthlySavingsUsd' | 'paybackMonths';

export interface RoiCell {
  value: string;
  /** "± $350", or null without an interval or when every replication gave the same value. */
  pm: string | null;
  /** Why there is no ± although there are replications: the figure is the same in every one. */
  same: { text: string; title: string } | null;
  interval: Interval | null;
}

/** Downtime comes from the scripted fault scenario, so it (and the revenue it loses) does not vary between replications. */
const SCRIPTED: Partial<Record<RoiFigure, string>> = {
  downtimeHoursPerMonth: 'Downtime is set by the fault scenario, the same in every replication; the interval covers traffic noise only.',
  lostRevenueUsd: 'Lost revenue is downtime × revenue lost per hour, and downtime is set by the fault scenario, the same in every replication; the interval covers traffic noise only.',
};

const cell = (key: RoiFigure, value: number | null, iv: Interval | undefined): RoiCell => {
  const pm = iv && value !== null && Number.isFinite(iv.halfWidth) ? halfWidthText(key, value, iv.halfWidth) : null;
  const same = iv && iv.halfWidth === 0 ? (SCRIPTED[key] ? { text: 'scripted', title: SCRIPTED[key] } : { text: plusMinusText(key, value ?? 0, 0, iv.n), title: `Every one of the ${iv.n} replications gave this value: no spread to show, which is not certainty.` }) : null;
  return { value: value === null ? '—' : formatFigure(key, value), pm, same, interval: iv ?? null };
};

/** A level's figures; cost per query is not on LevelRoi, so it shows its interval's mean. */
export interface RoiRow {
  name: string;
  baseline: boolean;
  cells: Record<RoiFigure, RoiCell>;
  point: LevelRoi;
}

/** One row per level, each figure as the point estimate ± the half-width of its interval (as the CLI prints). */
export function roiRows(roi: LevelRoiWithIntervals[]): RoiRow[] {
  return roi.map((l, k) => {
    const p = l.point;
    const iv = l.intervals;
    return {
      name: l.name,
      baseline: k === 0,
      point: p,
      cells: {
        costPerQueryUsd: cell('costPerQueryUsd', iv.costPerQueryUsd?.mean ?? null, iv.costPerQueryUsd),
        monthlyCostUsd: cell('monthlyCostUsd', p.monthlyCostUsd, iv.monthlyCostUsd),
        downtimeHoursPerMonth: cell('downtimeHoursPerMonth', p.downtimeHoursPerMonth, iv.downtimeHoursPerMonth),
        lostRevenueUsd: cell('lostRevenueUsd', p.lostRevenueUsd, iv.lostRevenueUsd),
        monthlySavingsUsd: cell('monthlySavingsUsd', p.monthlySavingsUsd, k === 0 ? undefined : iv.monthlySavingsUsd),
        paybackMonths: k === 0 ? { value: 'baseline', pm: null, same: null, interval: null } : p.paybackMonths === null ? { value: 'never', pm: null, same: null, interval: null } : cell('paybackMonths', p.paybackMonths, iv.paybackMonths),
      },
    };
  });
}

/** The savings of a level in the guide's formula, with this comparison's numbers. */
export function explainSavings(row: RoiRow, baseline: RoiRow): Explanation {
  const total = (r: RoiRow) => r.point.monthlyCostUsd + r.point.lostRevenueUsd;
  return {
    title: `Monthly savings of ${row.name}`,
    formula: `(${formatUsd(baseline.point.monthlyCostUsd)} + ${formatUsd(baseline.point.lostRevenueUsd)}) − (${formatUsd(row.point.monthlyCostUsd)} + ${formatUsd(row.point.lostRevenueUsd)}) = ${formatUsd(total(baseline) - total(row))}`,
    details: [
      `savings = the baseline's (monthly cost + lost revenue) − this level's`,
      `monthly cost = usage cost per query × ${formatCount(row.point.queriesPerMonth)} queries a month + fixed costs`,
      `lost revenue = downtime hours a month × revenue lost per hour down`,
      row.cells.monthlySavingsUsd.interval ? `computed per replication (each level shares the replication's seed with the baseline), then a t-interval: ${row.cells.monthlySavingsUsd.value} ${row.cells.monthlySavingsUsd.pm ?? ''}, ${confidenceText(row.cells.monthlySavingsUsd.interval)}` : '',
    ],
  };
}

export function explainPayback(row: RoiRow): Explanation {
  const p = row.point;
  return {
    title: `Payback of ${row.name}`,
    formula: p.paybackMonths === null ? `${formatUsd(p.oneTimeInvestmentUsd)} ÷ (${formatUsd(p.monthlySavingsUsd)} − ${formatUsd(p.monthlyInvestmentUsd)}): net savings are not positive, so it never pays back` : `${formatUsd(p.oneTimeInvestmentUsd)} ÷ (${formatUsd(p.monthlySavingsUsd)} − ${formatUsd(p.monthlyInvestmentUsd)}) = ${p.paybackMonths.toFixed(2)} months`,
    details: ['payback (months) = one-time investment ÷ (monthly savings − monthly investment)', row.cells.paybackMonths.interval ? `across replications: ${row.cells.paybackMonths.value} ${row.cells.paybackMonths.pm ?? ''}, ${confidenceText(row.cells.paybackMonths.interval)}` : 'no interval: some replication had no positive net savings'],
  };
}

/** The guide's worked example through the same formulas: level 1 against level 4. */
export function seedExample(): { assumptions: RoiAssumptions; rows: LevelRoi[] } {
  const { assumptions, level1, level4 } = SEED_ROI_EXAMPLE;
  return { assumptions, rows: [levelRoi(level1, level1, assumptions), levelRoi(level4, level1, assumptions)] };
}

