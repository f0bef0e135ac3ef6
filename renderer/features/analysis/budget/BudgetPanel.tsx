import { useMemo } from 'react';
import { costAnomalies, formatDurationMs, type RunResults } from '../../../../simulation/index';
import { useValidation } from '../../../app/app-context';
import { NeedsRun } from '../NeedsRun';
import { modelOfFor, premiumNodes } from './budget-model';
import { BudgetSection } from './BudgetSection';
import { ChargebackSection } from './ChargebackSection';

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
            <BudgetSection results={results} />
            <ChargebackSection results={results} />
            <Anomalies results={results} />
          </>
        )}
      </NeedsRun>
    </div>
  );
}
