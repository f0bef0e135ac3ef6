import { COST_TYPE_DESCRIPTIONS, formatTokens, formatUsd, type RunResults } from '../../../simulation/index';
import { COST_TYPE_LABELS, type CostType } from '../../../simulation/metrics/cost-types';
import { costFormulaRows } from './cost-formulas';
import { ModelCostTable } from './ModelCostTable';

/** Usage cost by model and by token type, fixed monthly costs, and the formulas behind the totals. */
export function CostBreakdown({ results }: { results: RunResults }) {
  const c = results.cost;
  const types = (Object.entries(c.byType) as Array<[CostType, number]>).filter(([, usd]) => usd > 0);
  return (
    <section className="result-section" aria-label="Cost breakdown">
      <h2>Cost</h2>
      <div className="cost-grid">
        <div>
          <h3>By model (usage in this run)</h3>
          <ModelCostTable results={results} />
          <h3>By type</h3>
          <dl className="kv">
            {types.map(([type, usd]) => (
              <div key={type} title={COST_TYPE_DESCRIPTIONS[type] ?? ''}>
                <dt>{COST_TYPE_LABELS[type] ?? type}</dt>
                <dd className="num">{formatUsd(usd)}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div>
          <h3>Per month</h3>
          <dl className="kv">
            <div>
              <dt>Usage ({formatTokens(c.monthlyQueries)} queries)</dt>
              <dd className="num">{formatUsd(c.variableMonthlyUsd)}</dd>
            </div>
            {c.fixed.map((f) => (
              <div key={f.name}>
                <dt>
                  {f.name} <span className="faint">fixed · {f.category}</span>
                </dt>
                <dd className="num">{formatUsd(f.monthlyUsd)}</dd>
              </div>
            ))}
            <div className="kv-total">
              <dt>Total per month</dt>
              <dd className="num">{formatUsd(c.monthlyUsd)}</dd>
            </div>
          </dl>
          <h3>How these are computed</h3>
          <ul className="formulas" data-testid="cost-formulas">
            {costFormulaRows(c).map((f) => (
              <li key={f.key}>
                <b>{f.label}</b>
                {f.value !== null && <span className="num"> {f.value}</span>} = {f.formula}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
