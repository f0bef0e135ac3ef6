import { chargeback, SEED_BUDGET, type BudgetLine, type BudgetLineResult, type RunResults } from '../../../../simulation/index';

// Which model a node calls and which nodes are premium are the simulation's (the report uses them too).
export { modelOfFor, premiumNodes, type ModelOf } from '../../../../simulation/index';

/** A line's key in the amounts the user edited: its path of names. */
const keyOf = (path: string[]) => path.join(' › ');

/** The guide's $10,000 tree with the user's amounts put in. */
export function budgetWithAmounts(amounts: Record<string, number>, line: BudgetLine = SEED_BUDGET, path: string[] = []): BudgetLine {
  const here = [...path, line.name];
  return { ...line, amountUsd: amounts[keyOf(here)] ?? line.amountUsd, ...(line.children ? { children: line.children.map((c) => budgetWithAmounts(amounts, c, here)) } : {}) };
}

export interface BudgetRow {
  key: string;
  depth: number;
  line: BudgetLineResult;
  /** Children's budgets add up to something else than this line's (after edits). */
  childrenSumUsd: number | null;
}

export function budgetRows(tree: BudgetLineResult, path: string[] = [], depth = 0): BudgetRow[] {
  const here = [...path, tree.name];
  const sum = tree.children.length ? tree.children.reduce((s, c) => s + c.budgetUsd, 0) : null;
  return [{ key: keyOf(here), depth, line: tree, childrenSumUsd: sum !== null && Math.abs(sum - tree.budgetUsd) > 0.005 ? sum : null }, ...tree.children.flatMap((c) => budgetRows(c, here, depth + 1))];
}

export interface ChargebackMonthly {
  team: string;
  realtime: boolean;
  /** False when the run's window saw none of its traffic: its month is priced at the pipeline's mean. */
  measured: boolean;
  requests: number;
  tokens: number;
  actualUsd: number;
  perQueryUsd: number;
  perTokenUsd: number;
  tieredUsd: number;
}

/**
 * The guide's chargeback models per team (traffic source label) for a month, as the simulation gives
 * them: each team's month at its own typical rate and cost per query, so they read next to the budget
 * and add up to the monthly usage cost.
 */
export function monthlyChargeback(r: RunResults): { rows: ChargebackMonthly[]; rates: { perQueryUsd: number; perMillionTokensUsd: number } } {
  const raw = chargeback(r);
  const cost = raw.reduce((s, c) => s + c.actualUsd, 0);
  const requests = raw.reduce((s, c) => s + c.requests, 0);
  const tokens = raw.reduce((s, c) => s + c.tokens, 0);
  const rates = { perQueryUsd: requests > 0 ? cost / requests : 0, perMillionTokensUsd: tokens > 0 ? (cost / tokens) * 1e6 : 0 };
  const rows = raw.map((c) => ({ team: c.team || '(no label)', realtime: c.realtime, measured: c.measured, requests: c.requests, tokens: c.tokens, actualUsd: c.actualUsd, perQueryUsd: c.charge['per-query'], perTokenUsd: c.charge['per-token'], tieredUsd: c.charge.tiered }));
  return { rows, rates };
}
