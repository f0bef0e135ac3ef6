import { formatTokens, formatUsd, type RunResults } from '../../../simulation/index';
import { humanize } from '../../../simulation/units/humanize';

type Cost = RunResults['cost'];

/**
 * What each of the simulation's `cost.formulas` keys is called in the app, in reading order (queries,
 * then usage, fixed and total). The keys are results field names (`variablePerQueryUsd`); a finance
 * reader needs the figure's name, as the cards and the report give it.
 */
export const COST_FORMULA_LABELS: Record<string, string> = {
  monthlyQueries: 'Queries a month',
  variablePerQueryUsd: 'Usage cost per query',
  variableMonthlyUsd: 'Usage cost a month',
  fixedPerQueryUsd: 'Fixed cost per query',
  perQueryUsd: 'Cost per query',
  monthlyUsd: 'Monthly cost',
  perServedQueryUsd: 'Cost per served query',
};

export interface CostFormulaRow {
  key: string;
  label: string;
  /** This run's figure, as the cards show it; null when the results have no such number. */
  value: string | null;
  formula: string;
}

function valueOf(c: Cost, key: string): string | null {
  const v = (c as unknown as Record<string, unknown>)[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  return key === 'monthlyQueries' ? formatTokens(v) : formatUsd(v);
}

/**
 * The "How these are computed" lines: label, this run's figure and the formula in words. Cost per
 * served query is left out when it is null (nothing was served); a key the app does not know yet
 * reads humanized ("Variable per query") rather than as a field name.
 */
export function costFormulaRows(c: Cost): CostFormulaRow[] {
  const order = Object.keys(COST_FORMULA_LABELS);
  const keys = Object.keys(c.formulas).sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  return keys.flatMap((key) => {
    const value = valueOf(c, key);
    if (key === 'perServedQueryUsd' && value === null) return [];
    return [{ key, label: COST_FORMULA_LABELS[key] ?? humanize(key), value, formula: c.formulas[key]! }];
  });
}
