import { useMemo } from 'react';
import { bottleneckAdvice, SEVERITIES, type RunResults } from '../../../simulation/index';
import { useServices } from '../../app/app-context';
import { alertRows, checkedRules } from './alerts-view';
import { useRevealNode } from './use-reveal-node';

function Alerts({ results }: { results: RunResults }) {
  const rows = useMemo(() => alertRows(results), [results]);
  return (
    <div>
      <h3>Alerts that would fire</h3>
      {rows.length === 0 ? (
        <p className="muted" data-testid="alerts-none">
          None of the guide's alert rules would fire on this run's per-minute figures.
        </p>
      ) : (
        <ul className="alert-list" data-testid="alerts">
          {rows.map((a) => (
            <li key={a.id} className={`alert sev-${a.severity}`}>
              <div className="alert-head">
                <span className={`sev-badge sev-${a.severity}`}>{a.severity}</span>
                <b>{a.title}</b>
                <span className="faint">respond: {a.responseTime}</span>
              </div>
              <div className="alert-when num">
                {a.when} · {a.condition}
              </div>
              <details>
                <summary>Runbook ({a.runbook.length} steps) — {a.runbookSource}</summary>
                <ol>
                  {a.runbook.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
              </details>
            </li>
          ))}
        </ul>
      )}
      <details className="offered">
        <summary>Rules checked (the guide's severity levels)</summary>
        <ul>
          {checkedRules().map((rule) => (
            <li key={rule.title}>
              <span className={`sev-badge sev-${rule.severity}`}>{rule.severity}</span> {rule.title}: {rule.condition} · respond {SEVERITIES[rule.severity].responseTime}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function Advice({ results }: { results: RunResults }) {
  const reveal = useRevealNode();
  const { ui } = useServices();
  const advice = useMemo(() => bottleneckAdvice(results), [results]);
  const showQuota = () => {
    ui.getState().setView('editor');
    ui.getState().setSideTab('quotas');
  };
  return (
    <div>
      <h3>Bottleneck advice</h3>
      {advice.length === 0 ? (
        <p className="muted">Nothing stands out: no quota is tight and no node dominates latency, cost or errors.</p>
      ) : (
        <ul className="advice-list" data-testid="advice">
          {advice.map((a, i) => (
            <li key={i}>
              <span className="badge info">{a.area}</span> {a.finding}.{' '}
              <span className="advice-do">
                <b>Try:</b> {a.suggestion}.
              </span>{' '}
              {a.nodeId && (
                <button className="link-btn" onClick={() => reveal(a.nodeId!)}>
                  Show the node
                </button>
              )}
              {a.quotaId && (
                <button className="link-btn" onClick={showQuota}>
                  Edit quotas
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What an on-call engineer would have been paged for, and what limits the pipeline. */
export function AlertsAdvice({ results }: { results: RunResults }) {
  return (
    <section className="result-section alerts-advice" aria-label="Alerts and advice">
      <h2>Alerts and advice</h2>
      <div className="alerts-grid">
        <Alerts results={results} />
        <Advice results={results} />
      </div>
    </section>
  );
}
