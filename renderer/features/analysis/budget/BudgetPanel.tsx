import { useMemo } from 'react';
import { costAnomalies, evaluateBudget, formatDurationMs, formatTokens, formatUsd, type RunResults } from '../../../../simulation/index';
import { useValidation } from '../../../app/app-context';
import { useAnalysisServices } from '../analysis-context';
import { useAnalysis } from '../analysis-registry';
import { NumberField } from '../fields';
import { nodeLabel } from '../../results/node-label';
import { NeedsRun } from '../NeedsRun';
import { budgetRows, budgetWithAmounts, modelOfFor, monthlyChargeback, premiumNodes } from './budget-model';

const vs = (charge: number, actual: number) => (actual > 0 ? `${charge >= actual ? '+' : '−'}${Math.abs((charge / actual - 1) * 100).toFixed(0)} %` : '');

function Budget({ results }: { results: RunResults }) {
  const { store } = useAnalysisServices();
  const doc = useValidation((s) => s.validation.parsed);
  const catalog = useValidation((s) => s.validation.catalog);
  const amounts = useAnalysis((s) => s.inputs.budget.amounts);
  const modelOf = useMemo(() => (doc ? modelOfFor(doc, catalog) : () => null), [doc, catalog]);
  const evaluated = useMemo(() => evaluateBudget(results, budgetWithAmounts(amounts), modelOf), [results, amounts, modelOf]);
  const rows = budgetRows(evaluated.tree);
  const edited = Object.keys(amounts).length > 0;
  return (
    <section className="result-section" aria-label="Budget allocation">
      <h2>Budget allocation against simulated spend (per month)</h2>
      <p className="section-note">The guide's $10,000 allocation. Usage is matched by node kind (chat models split into the most expensive one — "premium" — and the rest), fixed costs by category; buffers hold no spend. Edit any amount.</p>
      <table className="data-table budget-table" data-testid="budget-table">
        <thead>
          <tr>
            <th>Line</th>
            <th className="r">Budget</th>
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
                <NumberField label={`Budget for ${r.line.name}`} value={r.line.budgetUsd} min={0} onChange={(v) => store.getState().setInputs('budget', { amounts: { ...amounts, [r.key]: v } })} width={90} />
              </td>
              <td className="r num">{r.line.status === 'buffer' ? '—' : formatUsd(r.line.actualUsd)}</td>
              <td className={`r num${r.line.varianceUsd < 0 ? ' bad' : ''}`}>{r.line.varianceUsd < 0 ? `${formatUsd(-r.line.varianceUsd)} over` : formatUsd(r.line.varianceUsd)}</td>
              <td>
                <span className={`pill ${r.line.status}`}>{r.line.status === 'over' ? 'over budget' : r.line.status === 'buffer' ? 'buffer' : 'within'}</span>
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
          Reset to the guide's amounts
        </button>
      )}
    </section>
  );
}

/** A source without a team label is billed under its id: name it as the canvas does, "Users (users)". */
function teamName(results: RunResults, team: string): string {
  const unlabelled = results.cost.bySource.some((x) => x.sourceId === team && x.label === team);
  return unlabelled ? nodeLabel(results.nodes, team) : team;
}

function Chargeback({ results }: { results: RunResults }) {
  const { rows, rates } = monthlyChargeback(results);
  const unseen = rows.filter((c) => !c.measured);
  return (
    <section className="result-section" aria-label="Chargeback">
      <h2>Chargeback per team (per month)</h2>
      <p className="section-note">Teams are the traffic sources' "Team or key" labels. Each model recovers the whole usage cost: per query (one rate), per token (one rate per token), tiered (a real-time rate and a batch rate). The % is the charge against what the team's traffic actually cost. Tokens are billed tokens (chat, embedding and rerank, cached input included), more than a quota's tokens per query in Capacity.</p>
      <p className="muted small-note num" data-testid="chargeback-rates">
        Rates: {formatUsd(rates.perQueryUsd)} per query · {formatUsd(rates.perMillionTokensUsd)} per million billed tokens · each team's month at its own typical rate (its sources' curves) and its own cost per query in the run
      </p>
      {unseen.length > 0 && (
        <p className="field-error warning" role="status" data-testid="chargeback-unseen">
          {unseen.map((c) => teamName(results, c.team)).join(', ')} sent nothing in this run's window (its traffic runs at other hours): its month is priced at the pipeline's mean cost per query. Run over 24 h to price it from its own requests.
        </p>
      )}
      {rows.length < 2 && <p className="muted">One traffic source: every model charges it everything. Add sources with a team label (editor) to split the bill.</p>}
      <table className="data-table" data-testid="chargeback-table">
        <thead>
          <tr>
            <th>Team</th>
            <th>Lane</th>
            <th className="r">Queries</th>
            <th className="r">
              Billed tokens <span className="faint">(chat, embedding and rerank)</span>
            </th>
            <th className="r">Actual cost</th>
            <th className="r">Per query</th>
            <th className="r">Per token</th>
            <th className="r">Tiered</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.team}>
              <td>
                {teamName(results, c.team)}
                {!c.measured && <span className="faint"> · not in this window</span>}
              </td>
              <td>{c.realtime ? 'real-time' : 'batch'}</td>
              <td className="r num">{formatTokens(c.requests)}</td>
              <td className="r num">{formatTokens(c.tokens)}</td>
              <td className="r num">{formatUsd(c.actualUsd)}</td>
              {[c.perQueryUsd, c.perTokenUsd, c.tieredUsd].map((v, i) => (
                <td key={i} className="r num">
                  {formatUsd(v)} <span className="faint">{vs(v, c.actualUsd)}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Anomalies({ results }: { results: RunResults }) {
  const doc = useValidation((s) => s.validation.parsed);
  const catalog = useValidation((s) => s.validation.catalog);
  const findings = useMemo(() => costAnomalies(results, doc ? premiumNodes(results, modelOfFor(doc, catalog)) : []), [results, doc, catalog]);
  return (
    <section className="result-section" aria-label="Cost anomalies">
      <h2>Cost anomaly rules</h2>
      <p className="section-note">The guide's detection rules, evaluated on the run's per-minute series.</p>
      <table className="data-table" data-testid="anomaly-table">
        <thead>
          <tr>
            <th>Detection</th>
            <th>Response</th>
            <th>In this run</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => (
            <tr key={f.rule}>
              <td>{f.detection}</td>
              <td>{f.response}</td>
              <td>
                <span className={`pill ${f.fired ? 'fired' : f.evaluated ? 'quiet' : ''}`}>{f.fired ? 'fires' : f.evaluated ? 'quiet' : 'not evaluated'}</span> {f.detail}
                {f.firstAtMs !== null && <span className="muted"> · first at {formatDurationMs(f.firstAtMs)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Where does the money go against the budget, who pays for it, and does spend look anomalous? */
export function BudgetPanel() {
  return (
    <div className="tool-body">
      <NeedsRun what="Spend against the budget, chargeback and anomalies">
        {(results) => (
          <>
            <Budget results={results} />
            <Chargeback results={results} />
            <Anomalies results={results} />
          </>
        )}
      </NeedsRun>
    </div>
  );
}
