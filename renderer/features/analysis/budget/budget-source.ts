import { formatUsd, SEED_BUDGET, type BudgetLine, type PipelineDocument } from '../../../../simulation/index';

/**
 * The monthly budget the Executive dashboard and the budget tree compare spend with. A pipeline that
 * sets no `slo.monthlyBudgetUsd` is compared with the guide's $10,000 example, which is nobody's
 * budget: the views then say so, keep alarm colours off, and say where to set a real one.
 */
export interface BudgetSource {
  usd: number;
  /** True when the document sets slo.monthlyBudgetUsd. */
  own: boolean;
  /** What to call it in a sentence: "the pipeline's monthly budget" or "the guide's example budget". */
  name: string;
  /** Where it comes from, for the note under a figure. */
  source: string;
}

/** Where a budget is set, for notes and the button that goes there. */
export const BUDGET_FIELD = { tab: 'pipeline', fieldId: 'slo-monthlyBudgetUsd', where: 'Editor → Pipeline tab → SLO targets → Monthly budget', path: 'slo.monthlyBudgetUsd' } as const;

export function monthlyBudget(doc: PipelineDocument | null): BudgetSource {
  const own = doc?.slo.monthlyBudgetUsd ?? null;
  if (own !== null) return { usd: own, own: true, name: "the pipeline's monthly budget", source: `the pipeline's monthly budget (${BUDGET_FIELD.path})` };
  return { usd: SEED_BUDGET.amountUsd, own: false, name: "the guide's example budget", source: `the guide's ${formatUsd(SEED_BUDGET.amountUsd)} example, not this pipeline's: it sets no monthly budget` };
}

/** The guide's allocation (60/15/20/5 %) scaled to a total, as the launch report splits a document's own budget. */
function scaled(line: BudgetLine, factor: number): BudgetLine {
  return { ...line, amountUsd: line.amountUsd * factor, ...(line.children ? { children: line.children.map((c) => scaled(c, factor)) } : {}) };
}

/**
 * The budget tree before the user's edits: the guide's $10,000 example, or the document's own budget
 * split as the guide splits its example — the tree the launch report shows for the same file.
 */
export function baseBudgetTree(budget: BudgetSource): BudgetLine {
  return budget.own ? scaled(SEED_BUDGET, budget.usd / SEED_BUDGET.amountUsd) : SEED_BUDGET;
}
