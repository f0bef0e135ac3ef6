import { useMemo } from 'react';
import { sweepableParams, type SweepResult } from '../../../../simulation/index';
import { sweepCategoryOption, sweepHeatmapOption, sweepLineOption } from '../../../charts/options/sweep';
import { useDocument, useValidation } from '../../../app/app-context';
import { useAnalysisServices } from '../analysis-context';
import { useAnalysis } from '../analysis-registry';
import type { SweepMetric } from '../analysis-inputs';
import { Chart } from '../Chart';
import { FieldErrorScope } from '../field-errors';
import { NumberField, Segmented } from '../fields';
import { formatFigure } from '../format';
import { JobControls } from '../JobControls';
import { AxisEditor } from './AxisEditor';
import { axisLabel, axisValueText, modelAxes, modelAxisNote } from './model-axes';
import { sweepCommand } from './sweep-command';
import { SweepTable } from './SweepTable';

const METRICS: Array<{ value: SweepMetric; text: string }> = [
  { value: 'monthlyCostUsd', text: 'Monthly cost' },
  { value: 'costPerQueryUsd', text: 'Cost per query' },
  { value: 'p99Ms', text: 'P99' },
  { value: 'p50Ms', text: 'P50' },
  { value: 'errorRate', text: 'Error rate' },
];

/** Over what the sweep's figures are: one run per point, or the mean of n with its interval. */
export function sweepPlanText(result: Pick<SweepResult, 'replications' | 'confidence'>): string {
  return result.replications > 1 ? `Mean of ${result.replications} runs per point (the same seeds at every point), ± the ${Number((result.confidence * 100).toFixed(1))} % interval.` : 'Single run per point (common random numbers): no interval.';
}

/** What if one or two parameters change? Every combination with one seed (common random numbers). */
export function SweepSection() {
  const { store, actions } = useAnalysisServices();
  const doc = useValidation((s) => s.validation.parsed);
  const catalog = useValidation((s) => s.validation.catalog);
  const w = useAnalysis((s) => s.inputs.whatif);
  const job = useAnalysis((s) => s.jobs.sweep);
  const confidence = useAnalysis((s) => (s.inputs.confidence.mode === 'fixed' ? s.inputs.confidence.confidence : s.inputs.confidence.stoppingConfidence));
  const fileName = useDocument((s) => s.file.name);
  const paths = useMemo(() => (doc ? sweepableParams(doc) : []), [doc]);
  const models = useMemo(() => (doc ? modelAxes(doc) : []), [doc]);
  const result = job.result;
  const metricText = METRICS.find((m) => m.value === w.sweepMetric)!.text;
  const option = useMemo(() => {
    if (!result) return null;
    const fmt = (v: number) => formatFigure(w.sweepMetric, v);
    const [a, b] = result.axes;
    if (b) return sweepHeatmapOption(result, w.sweepMetric, metricText, fmt, (v) => axisValueText(a!, v), (v) => axisValueText(b, v));
    // A model axis has no order between its points: bars per model, not a line.
    if (a!.labels) return sweepCategoryOption(result, w.sweepMetric, metricText, axisLabel(a!.path, doc), fmt);
    return sweepLineOption(result, w.sweepMetric, metricText, axisLabel(a!.path, doc), fmt, (v) => axisValueText(a!, v));
  }, [result, w.sweepMetric, metricText, doc]);
  const note = result && doc ? modelAxisNote(result.axes, doc) : null;
  if (!doc) return <p className="field-error">Fix the pipeline's problems in the editor first.</p>;
  return (
    <section className="result-section" aria-label="Sweep">
      <h2>Sweep one or two parameters</h2>
      <p className="section-note">Every value (or every combination of two) runs with the document's seed, so differences come from the parameter, not from luck; with replications every point runs the same seeds and each figure is their mean with its interval. Prices are per million tokens; a what-if that makes the pipeline invalid (top_n above top_k) is reported, not run. A node's model can be swept too: pick "model of …" and tick the catalog models to compare.</p>
      <FieldErrorScope>
        {w.axes.map((_, i) => (
          <AxisEditor key={i} index={i} doc={doc} catalog={catalog} paths={paths} models={models} />
        ))}
        {w.axes.length === 1 && (
          <button className="btn small add-axis" onClick={() => store.getState().setInputs('whatif', { axes: [...w.axes, { path: paths.find((p) => p !== w.axes[0]!.path) ?? paths[0]!, valuesText: '' }] })}>
            + Add a second parameter (heatmap)
          </button>
        )}
        <JobControls kind="sweep" label="Run sweep" unit="runs" onStart={actions.runSweep}>
          <NumberField
            label="Replications per point"
            value={w.sweepReplications}
            integer
            min={1}
            max={50}
            width={70}
            onChange={(sweepReplications) => store.getState().setInputs('whatif', { sweepReplications })}
            hint={w.sweepReplications > 1 ? `the same ${w.sweepReplications} seeds at every point · ${Number((confidence * 100).toFixed(1))} % interval (Confidence's setting)` : 'single run per point (common random numbers): no interval'}
            testId="sweep-replications"
          />
        </JobControls>
      </FieldErrorScope>
      {result && option && (
        <>
          <div className="chart-head">
            <Segmented<SweepMetric> label="Figure" value={w.sweepMetric} onChange={(sweepMetric) => store.getState().setInputs('whatif', { sweepMetric })} options={METRICS} />
          </div>
          <Chart option={option} label={`${metricText} for each value swept`} height={result.axes.length === 2 ? 320 : 260} testId="sweep-chart" />
          <p className="muted small-note" data-testid="sweep-plan">
            {sweepPlanText(result)}
          </p>
          <SweepTable result={result} doc={doc} catalog={catalog} />
          {note && (
            <p className="field-error warning" role="note" data-testid="sweep-model-note">
              {note}
            </p>
          )}
          <p className="muted command-note">
            Same points as <code className="mono" data-testid="sweep-command">{sweepCommand(fileName, result)}</code> on the saved file.
          </p>
        </>
      )}
    </section>
  );
}
