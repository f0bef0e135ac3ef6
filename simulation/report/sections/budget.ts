import { evaluateBudget, modelOfFor, SEED_BUDGET, type BudgetLine, type BudgetLineResult } from '../../analysis/budget';
import { formatPercent, formatUsd } from '../../units/format';
import { esc } from '../html-escape';
import type { ReportInput } from '../report-input';

/** The guide's allocation (60/15/20/5 %) scaled to a total, so a document's own budget keeps the guide's split. */
function scaled(line: BudgetLine, factor: number): BudgetLine {
  return { ...line, amountUsd: line.amountUsd * factor, ...(line.children ? { children: line.children.map((c) => scaled(c, factor)) } : {}) };
}

function rows(line: BudgetLineResult, depth: number): string[] {
  const status = line.status === 'buffer' ? '<span class="note">buffer</span>' : line.status === 'over' ? '<span class="bad">over</span>' : '<span class="ok">within</span>';
  const here = `<tr><th style="padding-left:${0.5 + depth * 1.2}em">${esc(line.name)}${line.note ? ` <span class="note">— ${esc(line.note)}</span>` : ''}</th><td>${formatUsd(line.budgetUsd)}</td><td>${line.status === 'buffer' ? '—' : formatUsd(line.actualUsd)}</td><td>${status}</td></tr>`;
  return [here, ...line.children.flatMap((c) => rows(c, depth + 1))];
}

/**
 * Simulated monthly spend against a budget: the document's monthly budget when it sets one, else the
 * guide's $10,000 example, allocated as the guide allocates it. The same evaluation as the app's Budget view.
 */
export function budgetSection(input: ReportInput): string {
  const own = input.doc.slo.monthlyBudgetUsd;
  const totalUsd = own ?? SEED_BUDGET.amountUsd;
  const tree = own === null ? SEED_BUDGET : scaled(SEED_BUDGET, own / SEED_BUDGET.amountUsd);
  const b = evaluateBudget(input.results, tree, modelOfFor(input.doc, input.catalog));
  const spend = b.tree.actualUsd;
  const source = own === null ? "the guide's $10,000 example (the pipeline sets no monthly budget)" : "the pipeline's monthly budget, split as the guide splits its $10,000 example";
  const verdict = spend > totalUsd ? `<span class="bad">over by ${formatUsd(spend - totalUsd)}</span>` : `<span class="ok">within, ${formatUsd(totalUsd - spend)} to spare</span>`;
  return `<h3>Budget</h3>
<p><strong>Monthly cost ${formatUsd(spend)} against a budget of <span data-figure="monthlyBudgetUsd" data-value="${totalUsd}">${formatUsd(totalUsd)}</span></strong> (${formatPercent(spend / totalUsd, 0)}): ${verdict}. <span class="note">Budget: ${esc(source)}.</span></p>
<table><thead><tr><th>Line</th><th>Budget</th><th>Simulated</th><th></th></tr></thead><tbody>${rows(b.tree, 0).join('')}</tbody></table>
${b.unallocated.length ? `<p class="note">Spend no line covers (${formatUsd(b.unallocatedUsd)}): ${b.unallocated.map(esc).join(', ')}.</p>` : ''}`;
}
