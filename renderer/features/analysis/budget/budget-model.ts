import { SEED_BUDGET, type BudgetLine, type BudgetLineResult } from '../../../../simulation/index';

// Which model a node calls and which nodes are premium are the simulation's (the report uses them too).
export { modelOfFor, premiumNodes, type ModelOf } from '../../../../simulation/index';

/** A line's key in the amounts the user edited: its path of names. */
const keyOf = (path: string[]) => path.join(' › ');

/** A budget tree (the guide's $10,000 example, or the document's budget split alike) with the user's amounts put in. */
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
