import { describe, expect, it } from 'vitest';
import { evaluateBudget, formatTokens, formatUsd, loadPipeline, modelOfFor, runPipeline, SEED_BUDGET } from '../../../simulation/index';
import { budgetSection } from '../../../simulation/report/sections/budget';
import { budgetWithAmounts } from '../../../renderer/features/analysis/budget/budget-model';
import { BUDGET_FIELD, baseBudgetTree, monthlyBudget } from '../../../renderer/features/analysis/budget/budget-source';
import { chargeVsCost, monthlyChargeback } from '../../../renderer/features/analysis/budget/chargeback-model';
import { example } from './fixtures';
import { multiTeamDocument } from './multi-team';

describe('the budget the views compare with', () => {
  const { doc, catalog, results } = example('optimized-rag', 600_000);
  it("without slo.monthlyBudgetUsd it is the guide's example, said to be one, with where to set a budget", () => {
    const b = monthlyBudget(doc);
    expect(b).toEqual({ usd: 10_000, own: false, name: "the guide's example budget", source: "the guide's $10,000 example, not this pipeline's: it sets no monthly budget" });
    expect(baseBudgetTree(b)).toBe(SEED_BUDGET);
    expect(BUDGET_FIELD).toMatchObject({ tab: 'pipeline', fieldId: 'slo-monthlyBudgetUsd', path: 'slo.monthlyBudgetUsd' });
  });

  it("the document's own budget is split as the guide splits its example: the tree the launch report shows", () => {
    const own = { ...doc, slo: { ...doc.slo, monthlyBudgetUsd: 30_000 } };
    const b = monthlyBudget(own);
    expect(b).toMatchObject({ usd: 30_000, own: true, name: "the pipeline's monthly budget" });
    const tree = baseBudgetTree(b);
    expect(tree.amountUsd).toBe(30_000);
    expect(tree.children!.map((c) => c.amountUsd)).toEqual([18_000, 4_500, 6_000, 1_500]);
    // The report's budget section evaluates the same tree for the same file.
    const evaluated = evaluateBudget(results, budgetWithAmounts({}, tree), modelOfFor(own, catalog));
    const html = budgetSection({ doc: own, catalog, results } as unknown as Parameters<typeof budgetSection>[0]);
    expect(html).toContain('data-value="30000"');
    expect(evaluated.tree.budgetUsd).toBe(30_000);
    for (const line of evaluated.tree.children.filter((c) => c.status !== 'buffer')) expect(html).toContain(`<td>${formatUsd(line.budgetUsd)}</td><td>${formatUsd(line.actualUsd)}</td>`);
    // An amount typed in the panel still wins over the split.
    expect(budgetWithAmounts({ 'Total AI budget › LLM inference (60 %)': 20_000 }, tree).children![0]!.amountUsd).toBe(20_000);
  });
});

describe('chargeback of a multi-team pipeline (support, sales, and a night batch the window never sees)', () => {
  const loaded = loadPipeline(multiTeamDocument());
  if (!loaded.ok) throw new Error(loaded.problems[0]?.message);
  const results = runPipeline(loaded.doc, loaded.catalog, { durationMs: 600_000 });
  const table = monthlyChargeback(results, loaded.doc);
  const row = (team: string) => table.rows.find((r) => r.team === team)!;

  it('names every team by its label with the sources it comes from, a label equal to a source id included', () => {
    expect(table.rows.map((r) => r.name).sort()).toEqual(['reporting', 'sales', 'support']);
    expect(row('sales')).toMatchObject({ labelled: true, sources: ['Sales (sales)'] });
    expect(row('support')).toMatchObject({ labelled: true, sources: ['Users (users)'] });
    // Without the document (results of an earlier version), a label equal to the id reads as unlabelled.
    expect(monthlyChargeback(results).rows.find((r) => r.team === 'sales')).toMatchObject({ labelled: false, name: 'Sales (sales)' });
  });

  it('flags the night batch as priced at the mean, in its own lane, with its month still billed', () => {
    expect(row('reporting')).toMatchObject({ measured: false, realtime: false });
    expect(row('reporting').requests).toBeGreaterThan(0);
    expect(row('support').measured && row('sales').measured).toBe(true);
    expect(table.rates.realtimePerQueryUsd).not.toBeNull();
    expect(table.rates.batchPerQueryUsd).not.toBeNull();
  });

  it('every model recovers the month’s usage cost, which the total row gives; fixed costs are left out', () => {
    const usage = results.cost.variableMonthlyUsd;
    for (const v of [table.total.actualUsd, table.total.perQueryUsd, table.total.perTokenUsd, table.total.tieredUsd]) expect(v).toBeCloseTo(usage, 6);
    expect(table.total.requests).toBeCloseTo(results.cost.monthlyQueries, 3);
    expect(table.fixedMonthlyUsd).toBe(2_000);
    expect(formatTokens(table.total.requests)).toBe(formatTokens(results.cost.monthlyQueries));
  });

  it('a charge beside the cost reads "= cost" when it is within 0.05 %, never "−0 %"', () => {
    expect(chargeVsCost(15_300, 15_317)).toBe('−0.1 %');
    expect(chargeVsCost(11_629, 11_630)).toBe('= cost');
    expect(chargeVsCost(13_000, 10_000)).toBe('+30 %');
    expect(chargeVsCost(5, 0)).toBe('');
  });
});
