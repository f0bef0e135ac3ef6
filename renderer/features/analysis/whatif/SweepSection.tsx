import { useId, useMemo } from 'react';
import { formatMs, formatUsd, getParam, sweepableParams, formatShare, type Catalog, type Headline, type IntervalFigure, type PipelineDocument, type SweepPoint, type SweepResult } from '../../../../simulation/index';
import { sweepHeatmapOption, sweepLineOption } from '../../../charts/options/sweep';
import { useValidation } from '../../../app/app-context';
import { useAnalysisServices } from '../analysis-context';
import { useAnalysis } from '../analysis-registry';
import type { SweepMetric } from '../analysis-inputs';
import { Chart } from '../Chart';
import { FieldErrorScope, useFieldError } from '../field-errors';
import { NumberField, Segmented } from '../fields';
import { plusMinusText } from '../precision';
import { formatFigure } from '../format';
import { JobControls } from '../JobControls';
import { formatParam, paramLabel, paramUnit, parseValues, suggestValues } from '../../../../simulation/index';

const METRICS: Array<{ value: SweepMetric; text: string }> = [
  { value: 'monthlyCostUsd', text: 'Monthly cost' },
  { value: 'costPerQueryUsd', text: 'Cost per query' },
  { value: 'p99Ms', text: 'P99' },
  { value: 'p50Ms', text: 'P50' },
  { value: 'errorRate', text: 'Error rate' },
];

/** A parameter's current value, or null when the path does not resolve in this document. */
export function baseValue(doc: PipelineDocument, catalog: Catalog, path: string): number | null {
  try {
    return getParam(doc, path, catalog);
  } catch {
    return null;
  }
}

function AxisEditor({ index, doc, catalog, paths }: { index: number; doc: PipelineDocument; catalog: Catalog; paths: string[] }) {
  const { store } = useAnalysisServices();
  const axes = useAnalysis((s) => s.inputs.whatif.axes);
  const axis = axes[index]!;
  const base = baseValue(doc, catalog, axis.path);
  const set = (patch: Partial<typeof axis>) => store.getState().setInputs('whatif', { axes: axes.map((a, i) => (i === index ? { ...a, ...patch } : a)) });
  const unit = paramUnit(axis.path).unit;
  // Checked as typed (an empty box means the placeholder's values), so Run sweep can say why it is off.
  const parsed = axis.valuesText.trim() ? parseValues(axis.path, axis.valuesText) : null;
  const error = typeof parsed === 'string' ? parsed.replace(`${axis.path}: `, '') : null;
  const errorId = useId();
  useFieldError(`sweep-values-${index}`, error && `${index === 0 ? 'Values to try' : 'Second values to try'}: ${error}`);
  return (
    <div className="axis-editor">
      <label className="a-field">
        <span className="a-field-label">{index === 0 ? 'Parameter' : 'Second parameter'}</span>
        <select value={axis.path} onChange={(e) => set({ path: e.target.value, valuesText: '' })} aria-label={index === 0 ? 'Parameter' : 'Second parameter'}>
          {paths.map((p) => (
            <option key={p} value={p}>
              {paramLabel(p, doc)}
            </option>
          ))}
        </select>
        <span className="a-field-hint mono">
          {axis.path} · today {base === null ? '—' : formatParam(axis.path, base)}
        </span>
      </label>
      <label className="a-field grow">
        <span className="a-field-label">
          Values to try{unit && <span className="field-unit"> {unit}</span>}
          <span className="field-unit"> · separated by commas or spaces (no thousands separators); empty = the placeholder's</span>
        </span>
        <input value={axis.valuesText} placeholder={base === null ? '' : suggestValues(axis.path, base)} onChange={(e) => set({ valuesText: e.target.value })} aria-label={index === 0 ? 'Values to try' : 'Second values to try'} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
        {error && (
          <span className="a-field-error" id={errorId} role="alert">
            {error}
          </span>
        )}
      </label>
      <button className="btn small" disabled={base === null} onClick={() => base !== null && set({ valuesText: suggestValues(axis.path, base) })} title="½×, ¾×, 1×, 1½× and 2× today's value">
        Around today
      </button>
      {index === 1 && (
        <button className="btn small" onClick={() => store.getState().setInputs('whatif', { axes: axes.slice(0, 1) })}>
          Remove
        </button>
      )}
    </div>
  );
}

/** A table cell's figure, "mean ± half-width" when the point was replicated ("same in all n runs" where every run agreed). */
function Figure({ point, metric, format }: { point: SweepPoint; metric: IntervalFigure & keyof Headline; format: (v: number) => string }) {
  const value = point.headline[metric] as number;
  const ci = point.intervals?.[metric];
  if (!ci || !Number.isFinite(ci.halfWidth)) return <>{format(value)}</>;
  const same = ci.halfWidth === 0;
  return (
    <>
      {format(value)}{' '}
      <span className={same ? 'pm same' : 'pm'} title={same ? `Every one of the ${ci.n} runs gave this value: no spread to show, which is not certainty.` : `${Number((ci.confidence * 100).toFixed(1))} % interval over ${ci.n} runs`}>
        {plusMinusText(metric, value, ci.halfWidth, ci.n)}
      </span>
    </>
  );
}

/** Over what the sweep's figures are: one run per point, or the mean of n with its interval. */
export function sweepPlanText(result: Pick<SweepResult, 'replications' | 'confidence'>): string {
  return result.replications > 1 ? `Mean of ${result.replications} runs per point (the same seeds at every point), ± the ${Number((result.confidence * 100).toFixed(1))} % interval.` : 'Single run per point (common random numbers): no interval.';
}

function SweepTable({ result, doc }: { result: SweepResult; doc: PipelineDocument | null }) {
  return (
    <details className="offered" open={result.points.length <= 12}>
      <summary>Every point ({result.points.length})</summary>
      <table className="data-table compact" data-testid="sweep-table">
        <thead>
          <tr>
            {result.axes.map((a) => (
              <th key={a.path}>{paramLabel(a.path, doc)}</th>
            ))}
            <th className="r">P50</th>
            <th className="r">P99</th>
            <th className="r">Error rate</th>
            <th className="r">Cost per query</th>
            <th className="r">Monthly cost (usage + fixed)</th>
          </tr>
        </thead>
        <tbody>
          {result.points.map((p, i) => (
            <tr key={i} className={p.values.every((v, j) => v === result.base[j]) ? 'current-row' : undefined}>
              {p.values.map((v, j) => (
                <td key={j} className="num">
                  {formatParam(result.axes[j]!.path, v)}
                </td>
              ))}
              {p.problem ? (
                <td colSpan={5} className="bad">
                  {p.problem}
                </td>
              ) : (
                <>
                  <td className="r num">
                    <Figure point={p} metric="p50Ms" format={formatMs} />
                  </td>
                  <td className="r num">
                    <Figure point={p} metric="p99Ms" format={formatMs} />
                  </td>
                  <td className="r num">
                    <Figure point={p} metric="errorRate" format={(v) => formatShare(v)} />
                  </td>
                  <td className="r num">
                    <Figure point={p} metric="costPerQueryUsd" format={formatUsd} />
                  </td>
                  <td className="r num">
                    <Figure point={p} metric="monthlyCostUsd" format={formatUsd} /> <span className="faint">({formatUsd(p.variableMonthlyUsd)} + {formatUsd(p.fixedMonthlyUsd)})</span>
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** What if one or two parameters change? Every combination with one seed (common random numbers). */
export function SweepSection() {
  const { store, actions } = useAnalysisServices();
  const doc = useValidation((s) => s.validation.parsed);
  const catalog = useValidation((s) => s.validation.catalog);
  const w = useAnalysis((s) => s.inputs.whatif);
  const job = useAnalysis((s) => s.jobs.sweep);
  const confidence = useAnalysis((s) => (s.inputs.confidence.mode === 'fixed' ? s.inputs.confidence.confidence : s.inputs.confidence.stoppingConfidence));
  const paths = useMemo(() => (doc ? sweepableParams(doc) : []), [doc]);
  const result = job.result;
  const metricText = METRICS.find((m) => m.value === w.sweepMetric)!.text;
  const option = useMemo(() => {
    if (!result) return null;
    const fmt = (v: number) => formatFigure(w.sweepMetric, v);
    const [a, b] = result.axes;
    return b ? sweepHeatmapOption(result, w.sweepMetric, metricText, fmt, (v) => formatParam(a!.path, v), (v) => formatParam(b.path, v)) : sweepLineOption(result, w.sweepMetric, metricText, paramLabel(a!.path, doc), fmt, (v) => formatParam(a!.path, v));
  }, [result, w.sweepMetric, metricText, doc]);
  if (!doc) return <p className="field-error">Fix the pipeline's problems in the editor first.</p>;
  return (
    <section className="result-section" aria-label="Sweep">
      <h2>Sweep one or two parameters</h2>
      <p className="section-note">Every value (or every combination of two) runs with the document's seed, so differences come from the parameter, not from luck; with replications every point runs the same seeds and each figure is their mean with its interval. Prices are per million tokens; a what-if that makes the pipeline invalid (top_n above top_k) is reported, not run.</p>
      <FieldErrorScope>
        {w.axes.map((_, i) => (
          <AxisEditor key={i} index={i} doc={doc} catalog={catalog} paths={paths} />
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
          <SweepTable result={result} doc={doc} />
        </>
      )}
    </section>
  );
}
