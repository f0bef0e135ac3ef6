import { useMemo } from 'react';
import { evaluateBudget, formatUsd, type RunResults } from '../../../../simulation/index';
import { useValidation } from '../../../app/app-context';
import { useAnalysisServices } from '../analysis-context';
import { useAnalysis } from '../analysis-registry';
import { NumberField } from '../fields';
import { SetInEditor } from '../SetInEditor';
import { budgetRows, budgetWithAmounts, modelOfFor } from './budget-model';
import { BUDGET_FIELD, baseBudgetTree, monthlyBudget, type BudgetSource } from './budget-source';

/** What the tree is, said above it: the document's budget split as the guide splits its example, or the example itself. */
function SourceNote({ budget }: { budget: BudgetSource }) {
  if (budget.own) {
    return (
      <p className="section-note" data-testid="budget-source">
        The pipeline's monthly budget ({formatUsd(budget.usd)}, {BUDGET_FIELD.path}), split as the guide splits its $10,000 example: 60 % LLM inference, 15 % embeddings, 20 % infrastructure, 5 % buffer — the tree the launch report shows. Usage is matched by node kind (chat models split into the most expensive one — "premium" — and the rest), fixed costs by category; buffers hold no spend. Edit any amount to try another split (the file keeps its budget).
      </p>
    );
  }
  return (
    <div className="example-note" data-testid="budget-source" role="note">
      <p>
        <b>The guide's $10,000 example allocation, not this pipeline's budget.</b> The pipeline sets no monthly budget ({BUDGET_FIELD.path}), so "over" and "within" below compare its spend with an example and are not marked as alarms. Set a budget in {BUDGET_FIELD.where}; the tree is then split from it, and the Executive dashboard and the launch report compare with it.{' '}
        <SetInEditor tab={BUDGET_FIELD.tab} fieldId={BUDGET_FIELD.fieldId}>
          Set a monthly budget
        </SetInEditor>
      </p>
      <p className="faint">Usage is matched by node kind (chat models split into the most expensive one — "premium" — and the rest), fixed costs by category; buffers hold no spend. Edit any amount to try another split.</p>
    </div>
  );
}

const statusText = (status: 'over' | 'within' | 'buffer', own: boolean) => (status === 'buffer' ? 'buffer' : status === 'over' ? (own ? 'over budget' : 'over the example') : own ? 'within' : 'within the example');

/** The budget tree against the simulated month: the document's budget, or the guide's example clearly labelled as one. */
export function BudgetSection({ results }: { results: RunResults }) {
  const { store } = useAnalysisServices();
  const doc = useValidation((s) => s.validation.parsed);
  const catalog = useValidation((s) => s.validation.catalog);
  const amounts = useAnalysis((s) => s.inputs.budget.amounts);
  const budget = useMemo(() => monthlyBudget(doc), [doc]);
  const modelOf = useMemo(() => (doc ? modelOfFor(doc, catalog) : () => null), [doc, catalog]);
  const evaluated = useMemo(() => evaluateBudget(results, budgetWithAmounts(amounts, baseBudgetTree(budget)), modelOf), [results, amounts, budget, modelOf]);
  const rows = budgetRows(evaluated.tree);
  const edited = Object.keys(amounts).length > 0;
  return (
    <section className="result-section" aria-label="Budget allocation">
      <h2>Budget allocation against simulated spend (per month){!budget.own && <span className="pill example"> guide's example</span>}</h2>
      <SourceNote budget={budget} />
      <table className="data-table budget-table" data-testid="budget-table">
        <thead>
          <tr>
            <th>Line</th>
            <th className="r">{budget.own ? 'Budget' : 'Example budget'}</th>
            <th className="r">Simulated spend</th>
            <th className="r">Left</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={`indent-${Math.min(2, r.depth)}${r.depth === 0 ? ' group-row' : ''}`}>
              <td title={r.line.note}>
                {r.line.name}
                {r.line.note && <div className="faint small">{r.line.note}</div>}
                {r.childrenSumUsd !== null && <div className="warn-text small">its lines add up to {formatUsd(r.childrenSumUsd)}</div>}
              </td>
              <td className="r">
                <NumberField label={`Budget for ${r.line.name}`} value={Number(r.line.budgetUsd.toFixed(2))} min={0} onChange={(v) => store.getState().setInputs('budget', { amounts: { ...amounts, [r.key]: v } })} width={90} />
              </td>
              <td className="r num">{r.line.status === 'buffer' ? '—' : formatUsd(r.line.actualUsd)}</td>
              <td className={`r num${budget.own && r.line.varianceUsd < 0 ? ' bad' : ''}`}>{r.line.varianceUsd < 0 ? `${formatUsd(-r.line.varianceUsd)} over` : formatUsd(r.line.varianceUsd)}</td>
              <td>
                <span className={`pill ${budget.own || r.line.status === 'buffer' ? r.line.status : 'example'}`}>{statusText(r.line.status, budget.own)}</span>
              </td>
            </tr>
          ))}
          {evaluated.unallocatedUsd > 0 && (
            <tr>
              <td>
                Spend no line covers <div className="faint small">{evaluated.unallocated.join(', ')} (counted in the total)</div>
              </td>
              <td />
              <td className="r num">{formatUsd(evaluated.unallocatedUsd)}</td>
              <td />
              <td />
            </tr>
          )}
        </tbody>
      </table>
      {edited && (
        <button className="btn small" onClick={() => store.getState().setInputs('budget', { amounts: {} })}>
          {budget.own ? "Reset to the pipeline's budget, split as the guide splits it" : "Reset to the guide's amounts"}
        </button>
      )}
    </section>
  );
}
