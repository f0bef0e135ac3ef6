import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { formatTokens, formatUsd } from '../../../simulation/index';
import { COST_TYPE_LABELS } from '../../../simulation/metrics/cost-types';
import { CostBreakdown } from '../../../renderer/features/results/CostBreakdown';
import { COST_FORMULA_LABELS, costFormulaRows } from '../../../renderer/features/results/cost-formulas';
import { runExample } from './run-examples';

describe('"How these are computed" under the cost figures', () => {
  const results = runExample('optimized-rag', { durationMs: 600_000 });
  const c = results.cost;

  it('names every formula the simulation gives, with this run’s figure (a new key fails here until it has a name)', () => {
    expect(Object.keys(c.formulas).filter((k) => !(k in COST_FORMULA_LABELS))).toEqual([]);
    const rows = costFormulaRows(c);
    expect(rows.map((r) => r.label)).toEqual(['Queries a month', 'Usage cost per query', 'Usage cost a month', 'Fixed cost per query', 'Cost per query', 'Monthly cost', 'Cost per served query']);
    expect(rows[0]).toMatchObject({ key: 'monthlyQueries', value: formatTokens(c.monthlyQueries), formula: c.formulas.monthlyQueries });
    expect(rows.find((r) => r.key === 'monthlyUsd')!.value).toBe(formatUsd(c.monthlyUsd));
  });

  it('shows labels, never field names, in the Results cost section (by type too)', () => {
    const html = renderToStaticMarkup(createElement(CostBreakdown, { results }));
    for (const key of [...Object.keys(c.formulas), 'cachedInput', 'cacheWrite']) expect(html).not.toMatch(new RegExp(`>${key}<|>${key}:`));
    expect(html).toContain('<b>Usage cost per query</b>');
    expect(html).toContain(`<dt>${COST_TYPE_LABELS.input}</dt>`);
  });

  it('leaves out the cost per served query when nothing was served, and humanizes a key it does not know', () => {
    const none = costFormulaRows({ ...c, perServedQueryUsd: null, formulas: { ...c.formulas, newFigureUsd: 'x ÷ y' } });
    expect(none.some((r) => r.key === 'perServedQueryUsd')).toBe(false);
    expect(none.at(-1)).toMatchObject({ label: 'New figure', value: null, formula: 'x ÷ y' });
  });
});
