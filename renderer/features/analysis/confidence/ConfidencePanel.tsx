import { useMemo } from 'react';
import { INTERVAL_FIGURES, type IntervalFigure } from '../../../../simulation/index';
import { replicationValuesOption } from '../../../charts/options/replications';
import { ExplainPopover } from '../../results/ExplainPopover';
import { useAnalysisServices } from '../analysis-context';
import { useAnalysis } from '../analysis-registry';
import { Chart } from '../Chart';
import { FieldErrorScope } from '../field-errors';
import { NumberField, Segmented } from '../fields';
import { confidenceText, FIGURE_LABELS, formatFigure } from '../format';
import { JobControls } from '../JobControls';
import { explainInterval, intervalRows, planSummary, samplesOf } from './confidence-model';

function PlanForm() {
  const { store } = useAnalysisServices();
  const i = useAnalysis((s) => s.inputs.confidence);
  const set = (patch: Partial<typeof i>) => store.getState().setInputs('confidence', patch);
  const toggle = (f: IntervalFigure) => set({ figures: i.figures.includes(f) ? i.figures.filter((x) => x !== f) : [...i.figures, f] });
  return (
    <div className="a-form">
      <Segmented
        label="How many replications"
        value={i.mode}
        onChange={(mode) => set({ mode })}
        options={[
          { value: 'fixed', text: 'A fixed number' },
          { value: 'stopping', text: 'Until precise enough (stopping rule)' },
        ]}
      />
      {i.mode === 'fixed' ? (
        <div className="a-form-row">
          <NumberField label="Replications" value={i.replications} integer min={2} max={200} onChange={(replications) => set({ replications })} />
          <NumberField label="Confidence" unit="%" value={i.confidence} scale={100} min={50} max={99.9} onChange={(confidence) => set({ confidence })} />
        </div>
      ) : (
        <>
          <div className="a-form-row">
            <NumberField label="Relative half-width at most" unit="%" value={i.relativeHalfWidth} scale={100} min={0.1} max={50} onChange={(relativeHalfWidth) => set({ relativeHalfWidth })} />
            <NumberField label="Confidence" unit="%" value={i.stoppingConfidence} scale={100} min={50} max={99.9} onChange={(stoppingConfidence) => set({ stoppingConfidence })} />
            <NumberField label="At least" unit="replications" value={i.minReplications} integer min={2} max={i.maxReplications} onChange={(minReplications) => set({ minReplications })} />
            <NumberField label="At most" unit="replications" value={i.maxReplications} integer min={i.minReplications} max={500} onChange={(maxReplications) => set({ maxReplications })} />
          </div>
          <fieldset className="a-checks">
            <legend>Figures the rule checks</legend>
            {INTERVAL_FIGURES.map((f) => (
              <label key={f}>
                <input type="checkbox" checked={i.figures.includes(f)} onChange={() => toggle(f)} /> {FIGURE_LABELS[f]}
              </label>
            ))}
          </fieldset>
          <p className="a-hint">JMT's default is 99 % confidence and 3 %: replications are added one at a time until every checked figure's interval is that tight, or the cap is reached.</p>
        </>
      )}
    </div>
  );
}

/** Can I trust these numbers? Independent replications and a confidence interval on every headline figure. */
export function ConfidencePanel() {
  const { store, actions, poolSize } = useAnalysisServices();
  const job = useAnalysis((s) => s.jobs.replications);
  const chartFigure = useAnalysis((s) => s.inputs.confidence.chartFigure);
  const figuresMissing = useAnalysis((s) => s.inputs.confidence.mode === 'stopping' && s.inputs.confidence.figures.length === 0);
  const result = job.result;
  const rows = useMemo(() => (result ? intervalRows(result.replicated, result.plan) : []), [result]);
  const shown = rows.find((r) => r.key === chartFigure) ?? rows[0];
  const option = useMemo(() => (result && shown ? replicationValuesOption(shown.label, samplesOf(result.replicated, shown.key), shown.interval, (v) => formatFigure(shown.key, v)) : null), [result, shown]);
  return (
    <div className="tool-body">
      <section className="result-section">
        <h2>Replications</h2>
        <p className="section-note">
          Each replication is a whole run with its own seed (derived from the document's seed, so anyone gets the same ones), warm-up deleted. Intervals are Student-t intervals of the mean across replications — the same figures as <span className="mono">preflight run --replications</span>. Runs go to {poolSize()} parallel worker{poolSize() === 1 ? '' : 's'}; the result does not depend on how many.
        </p>
        <FieldErrorScope>
          <PlanForm />
          <JobControls kind="replications" label="Run replications" unit="replications" onStart={actions.runReplications} disabled={figuresMissing ? 'Tick at least one figure for the stopping rule.' : null} />
        </FieldErrorScope>
      </section>
      {result && (
        <section className="result-section" aria-label="Confidence intervals">
          <h2>Every headline figure with its interval</h2>
          <p className={`section-note${result.replicated.stoppingMet === false ? ' warn-text' : ''}`} data-testid="plan-summary">
            {planSummary(result.replicated, result.plan)}.
          </p>
          <div>
            <table className="data-table" data-testid="interval-table">
              <thead>
                <tr>
                  <th>Figure</th>
                  <th className="r">Mean ± half-width</th>
                  <th className="r">{Math.round(result.replicated.confidence * 100)} % interval</th>
                  <th className="r">Relative half-width</th>
                  <th className="r">n</th>
                  {result.plan.stopping && <th>Stopping rule</th>}
                  <th />
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key} className={r.key === shown?.key ? 'current-row' : undefined} data-testid={`interval-${r.key}`}>
                    <td>
                      <button className="link-btn" onClick={() => store.getState().setInputs('confidence', { chartFigure: r.key })} title="Show the value of each replication">
                        {r.label}
                      </button>
                    </td>
                    <td className="r num">{r.meanText}</td>
                    <td className="r num">{r.rangeText}</td>
                    <td className="r num">{r.relativeText}</td>
                    <td className="r num">{r.interval.n}</td>
                    {result.plan.stopping && <td className={r.rule === 'not met' ? 'bad' : ''}>{r.rule ?? <span className="faint">not checked</span>}</td>}
                    <td>
                      <ExplainPopover explanation={explainInterval(result.replicated, r.key)} label={`the interval of ${r.label}`} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {result && shown && option && (
        <section className="result-section" aria-label="Per-replication values">
          <h2>
            {shown.label} in each replication <span className="muted num">({confidenceText(shown.interval)})</span>
          </h2>
          <p className="section-note">Dots are single runs; the band is the interval of their mean. Click a figure in the table to show it here.</p>
          <Chart option={option} label={`${shown.label} per replication, mean ${formatFigure(shown.key, shown.interval.mean)}`} height={220} testId="replication-chart" />
        </section>
      )}
    </div>
  );
}
