import { useMemo } from 'react';
import { formatMs, formatUsd, sweepableParams } from '../../../../simulation/index';
import { tornadoOption } from '../../../charts/options/tornado';
import { useValidation } from '../../../app/app-context';
import { useAnalysisServices } from '../analysis-context';
import { useAnalysis } from '../analysis-registry';
import { Chart } from '../Chart';
import { FieldErrorScope } from '../field-errors';
import { NumberField } from '../fields';
import { JobControls } from '../JobControls';
import { TornadoNoise } from './TornadoNoise';
import { defaultTornadoPaths, formatParam, paramLabel } from '../../../../simulation/index';

/** Which parameters move monthly cost and P99 most, each moved ±spread on its own. */
export function TornadoSection() {
  const { store, actions } = useAnalysisServices();
  const doc = useValidation((s) => s.validation.parsed);
  const w = useAnalysis((s) => s.inputs.whatif);
  const job = useAnalysis((s) => s.jobs.tornado);
  const all = useMemo(() => (doc ? sweepableParams(doc) : []), [doc]);
  const chosen = w.tornadoPaths ?? (doc ? defaultTornadoPaths(doc) : []);
  const toggle = (p: string) => store.getState().setInputs('whatif', { tornadoPaths: chosen.includes(p) ? chosen.filter((x) => x !== p) : [...chosen, p] });
  const t = job.result;
  const label = (p: string) => paramLabel(p, doc);
  const cost = useMemo(() => (t ? tornadoOption(t.bars, t.base.monthlyCostUsd, 'monthlyCostUsd', t.spread, (p) => paramLabel(p, doc), formatUsd) : null), [t, doc]);
  // No P99 at the base point (nothing served): no latency tornado.
  const p99 = useMemo(() => (t && t.base.p99Ms !== null ? tornadoOption([...t.bars].sort((a, b) => (b.p99SwingMs || 0) - (a.p99SwingMs || 0)), t.base.p99Ms, 'p99Ms', t.spread, (p) => paramLabel(p, doc), formatMs) : null), [t, doc]);
  if (!doc) return null;
  const height = Math.max(180, 60 + (t?.bars.length ?? 0) * 34);
  return (
    <section className="result-section" aria-label="Tornado">
      <h2>Sensitivity (tornado)</h2>
      <p className="section-note">Each ticked parameter is moved down and up by the spread while the others stay as they are (one seed for all), then the parameters are ranked by how much they swing monthly cost and P99.</p>
      <fieldset className="a-checks tornado-params">
        <legend>Parameters</legend>
        {all.map((p) => (
          <label key={p} title={p}>
            <input type="checkbox" checked={chosen.includes(p)} onChange={() => toggle(p)} /> {label(p)}
          </label>
        ))}
      </fieldset>
      <FieldErrorScope>
        <div className="a-form-row" style={{ margin: '10px 0' }}>
          <NumberField label="Spread ±" unit="%" value={w.spread} scale={100} min={1} max={90} onChange={(spread) => store.getState().setInputs('whatif', { spread })} width={70} />
        </div>
        <JobControls kind="tornado" label="Run tornado" unit="parameters" onStart={actions.runTornado} disabled={chosen.length ? null : 'Tick at least one parameter.'} />
      </FieldErrorScope>
      {t && cost && (
        <>
          <div className="tool-grid" style={{ marginTop: 12 }}>
            <div>
              <h3>Monthly cost (today {formatUsd(t.base.monthlyCostUsd)})</h3>
              <Chart option={cost} label="Change of monthly cost when each parameter moves down or up" height={height} testId="tornado-cost" />
            </div>
            <div>
              <h3>P99 (today {formatMs(t.base.p99Ms)})</h3>
              {p99 ? (
                <Chart option={p99} label="Change of P99 when each parameter moves down or up" height={height} testId="tornado-p99" />
              ) : (
                <p className="muted">No request was served at today's values, so there is no P99 to move.</p>
              )}
            </div>
          </div>
          {job.basis && <TornadoNoise revision={job.basis.revision} />}
          <table className="data-table compact" data-testid="tornado-table">
            <thead>
              <tr>
                <th>Parameter</th>
                <th className="r">Low → high</th>
                <th className="r">Monthly cost low → high</th>
                <th className="r">Swing</th>
                <th className="r">P99 low → high</th>
                <th className="r">Swing</th>
              </tr>
            </thead>
            <tbody>
              {t.bars.map((b) => (
                <tr key={b.path}>
                  <td>{label(b.path)}</td>
                  <td className="r num">
                    {formatParam(b.path, b.low)} → {formatParam(b.path, b.high)}
                  </td>
                  <td className="r num">
                    {formatUsd(b.monthlyCostUsd.low)} → {formatUsd(b.monthlyCostUsd.high)}
                  </td>
                  <td className="r num">{formatUsd(b.costSwingUsd)}</td>
                  <td className="r num">
                    {formatMs(b.p99Ms.low)} → {formatMs(b.p99Ms.high)}
                  </td>
                  <td className="r num">{formatMs(b.p99SwingMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
