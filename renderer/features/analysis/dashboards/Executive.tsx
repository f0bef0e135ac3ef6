import { useMemo } from 'react';
import { formatDurationMs, formatPercent, formatUsd, type RunResults } from '../../../../simulation/index';
import { useValidation } from '../../../app/app-context';
import { modelOfFor, premiumNodes } from '../budget/budget-model';
import { BUDGET_FIELD, monthlyBudget } from '../budget/budget-source';
import { formatShare } from '../precision';
import { useHeadlineIntervals } from '../headline-intervals';
import { SetInEditor } from '../SetInEditor';
import { keyIncidents, overallHealth, readiness } from './dashboard-model';
import { ProjectionSection } from './ProjectionSection';

/** For leadership: overall health, cost against budget, answer quality, key incidents, readiness. */
export function Executive({ results }: { results: RunResults }) {
  const doc = useValidation((s) => s.validation.parsed);
  const catalog = useValidation((s) => s.validation.catalog);
  const health = overallHealth(results);
  const budget = useMemo(() => monthlyBudget(doc), [doc]);
  const intervals = useHeadlineIntervals(results);
  const monthly = results.headline.monthlyCostUsd;
  const incidents = useMemo(() => keyIncidents(results, doc ? premiumNodes(results, modelOfFor(doc, catalog)) : []), [results, doc, catalog]);
  // Alarm colours against the pipeline's own budget only: the guide's example is nobody's limit.
  const tone = !budget.own ? '' : monthly > budget.usd ? 'bad' : monthly > 0.8 * budget.usd ? 'near' : 'good';
  const ready = doc ? readiness(doc) : null;
  const q = results.quality;
  return (
    <>
      <div className="tool-grid">
        <section className="result-section" aria-label="Overall health">
          <h2>Overall health</h2>
          <div className="health" data-testid="health">
            <span className={`health-dot ${health.status}`} aria-hidden />
            <div>
              <b>{health.headline}</b>
              {health.missed.length > 0 && <div className="muted">missed: {health.missed.join(', ')}</div>}
              {health.tight.length > 0 && <div className="muted">little margin: {health.tight.join(', ')}</div>}
              <div className="muted">
                availability {formatShare(results.headline.availability)} · {results.outcomes.downtimeMinutes} of {results.outcomes.measuredMinutes} minutes down
              </div>
            </div>
          </div>
        </section>
        <section className="result-section" aria-label="Cost against budget">
          <h2>Cost against budget</h2>
          <div className="big-figures">
            <div className={`big-figure ${tone}`} data-testid="exec-monthly">
              <span className="label">
                Monthly cost {!budget.own && <span className="pill">example budget</span>}
              </span>
              <span className="value num">{formatUsd(monthly)}</span>
              {intervals?.monthlyCostUsd && <span className="sub num">mean {intervals.monthlyCostUsd.text} ({intervals.monthlyCostUsd.confidence})</span>}
              <span className="sub" data-testid="exec-budget">
                {formatPercent(monthly / budget.usd, 0)} of {budget.name} ({formatUsd(budget.usd)})
                {!budget.own && <span className="block">An example, not this pipeline's budget: it sets none ({BUDGET_FIELD.where}).</span>}
              </span>
              {!budget.own && (
                <span className="sub">
                  <SetInEditor tab={BUDGET_FIELD.tab} fieldId={BUDGET_FIELD.fieldId}>
                    Set a monthly budget
                  </SetInEditor>
                </span>
              )}
            </div>
            <div className="big-figure">
              <span className="label">Answer quality</span>
              <span className="value num">{q.faithfulness === null ? '—' : formatShare(q.faithfulness)}</span>
              <span className="sub">faithful answers (the simulator's stand-in for user satisfaction, which it cannot observe) · {formatShare(q.escalationRate)} escalated to humans</span>
            </div>
          </div>
        </section>
      </div>
      <ProjectionSection results={results} budget={budget} />
      <div className="tool-grid">
        <section className="result-section" aria-label="Key incidents">
          <h2>Key incidents in this run</h2>
          {incidents.length === 0 ? (
            <p className="muted">No fault windows, alerts or cost anomalies.</p>
          ) : (
            <ul className="incident-list" data-testid="incidents">
              {incidents.map((i, k) => (
                <li key={k}>
                  <span className={`pill ${i.severity}`}>{i.kind === 'fault' ? 'fault' : i.kind === 'alert' ? i.severity : 'cost anomaly'}</span> <span className="muted num">{i.atMs === null ? '' : formatDurationMs(i.atMs)}</span> {i.text}
                </li>
              ))}
            </ul>
          )}
        </section>
        {ready && (
          <section className="result-section" aria-label="Production readiness">
            <h2>Production readiness</h2>
            <p className="section-note num">
              {ready.done} of {ready.total} checklist items shown by the pipeline · {ready.manual} to confirm with the team · {ready.missing.length} missing
            </p>
            <ul className="incident-list">
              {ready.missing.map((m) => (
                <li key={m.item}>
                  <span className="pill warn">{m.section}</span> <b>{m.item}</b>: <span className="muted">{m.evidence}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
