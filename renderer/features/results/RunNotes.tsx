import type { RunResults } from '../../../simulation/index';
import { budgetView } from './alerts-view';
import { checkStatus, formatCheckValue } from './headline-cards';

/** Stability warnings: the percentiles of an overloaded resource describe the horizon, not the system. */
export function StabilityBanner({ results }: { results: RunResults }) {
  const warnings = results.stability.warnings;
  if (!warnings.length) return null;
  return (
    <div className="stability-banner" role="alert" data-testid="stability-warnings">
      <b>The system cannot keep up with this traffic.</b>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
      <span>Queues grow for as long as the run lasts, so latency figures below describe this run's length, not a steady state.</span>
    </div>
  );
}

/** The availability target read as an error budget: how much of the allowed failure this run spent. */
function ErrorBudget({ results, target }: { results: RunResults; target: number }) {
  const b = budgetView(results.slo.errorBudget, target, results.outcomes.failed);
  return (
    <div className={`error-budget status-${b.tone}`} data-testid="error-budget">
      <div>
        <b>Error budget:</b> {b.text}.
      </div>
      {b.used !== null && (
        <div className="budget-bar" role="meter" aria-label="Error budget used" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(b.used * 100)}>
          <span style={{ width: `${b.used * 100}%` }} />
        </div>
      )}
      <div className="faint">{b.monthly}.</div>
    </div>
  );
}

/** Every SLO check of the run (including ones without a headline card), pass or fail, and the error budget. */
export function SloChecks({ results }: { results: RunResults }) {
  const availability = results.slo.checks.find((c) => c.metric === 'availability');
  return (
    <section className="result-section" aria-label="SLO checks">
      <h2>SLO checks</h2>
      <ul className="slo-list">
        {results.slo.checks.map((c) => {
          const status = checkStatus(c);
          return (
            <li key={c.metric} className={`status-${status}`}>
              <span className="slo-mark" aria-hidden>
                {status === 'fail' ? '✗' : status === 'none' ? '·' : '✓'}
              </span>
              <span>
                {c.label} {c.direction === 'max' ? '<' : '>'} {formatCheckValue(c.metric, c.target)}
              </span>
              <b className="num">{formatCheckValue(c.metric, c.actual)}</b>
              <span className="visually-hidden">{status === 'fail' ? 'fails' : status === 'none' ? 'not applicable' : 'passes'}</span>
            </li>
          );
        })}
      </ul>
      {availability && <ErrorBudget results={results} target={availability.target} />}
    </section>
  );
}

/** How the figures were obtained: sample sizes, warm-up, horizon treatment. */
export function RunNotes({ results }: { results: RunResults }) {
  return (
    <section className="result-section" aria-label="How these figures were obtained">
      <h2>How these figures were obtained</h2>
      <ul className="notes">
        {results.notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </section>
  );
}
