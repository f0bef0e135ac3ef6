import { useMemo, useState } from 'react';
import type { CalibrationReport, ObservationSet } from '../../../../simulation/index';
import { useDocument, useServices } from '../../../app/app-context';
import { Modal } from '../../../app/Modal';
import { calibrationCommand, calibrationTargets } from './calibration-apply';
import { calibrationSummary, defaultTarget, FIT_LABELS, formatFitMs, observedValues, type FitKey } from './calibration-view';
import { CalibrationTable, type Selection } from './CalibrationTable';
import { CdfChart } from './CdfChart';

const FORMAT: Record<FitKey, (v: number) => string> = { ttftMs: formatFitMs, timePerOutputTokenMs: formatFitMs, outputTokens: (v) => `${Math.round(v)}` };

/** The first fit a model has, for the chart to start with. */
function firstFit(m: CalibrationReport['models'][number]): FitKey {
  return (['ttftMs', 'timePerOutputTokenMs', 'outputTokens'] as const).find((k) => m[k] !== null) ?? 'ttftMs';
}

/** Calibrate from traces…: fits per model, the selected fit against the data, and Apply to a node. */
export function CalibrationDialog({ fileName, report, observations, simulated, close }: { fileName: string; report: CalibrationReport; observations: ObservationSet; simulated: boolean; close(): void }) {
  const { documents, ui } = useServices();
  const doc = useDocument((s) => s.doc);
  const targets = useMemo(() => calibrationTargets(doc), [doc]);
  const [selection, setSelection] = useState<Selection>({ model: report.models[0]!.model, fit: firstFit(report.models[0]!) });
  const calibration = report.models.find((m) => m.model === selection.model)!;
  const suggested = defaultTarget(targets, calibration.model);
  const [chosenNode, setChosenNode] = useState<string | null>(null);
  const nodeId = chosenNode !== null && targets.some((t) => t.id === chosenNode) ? chosenNode : suggested.id;
  const [use, setUse] = useState<'lognormal' | 'empirical'>('lognormal');
  const [outputTokens, setOutputTokens] = useState(false);
  const fit = calibration[selection.fit];
  const values = useMemo(() => observedValues(observations, selection.model, selection.fit), [observations, selection]);
  const plan = nodeId ? calibrationCommand(doc, nodeId, calibration, { use, outputTokens }) : null;
  const target = targets.find((t) => t.id === nodeId);

  const select = (s: Selection) => {
    setSelection(s);
    if (s.model !== selection.model) setChosenNode(null);
  };
  const apply = () => {
    if (!plan?.ok || !target) return;
    documents.getState().execute(plan.command);
    ui.getState().select([target.id]);
    close();
    ui.getState().toast('success', `Calibrated ${target.name} from ${calibration.model}: ${plan.changes.map((c) => `${c.label} → ${c.after}`).join('; ')}. Undo with Ctrl+Z.`);
  };

  return (
    <Modal
      title={`Calibrate from ${fileName}`}
      wide
      onClose={close}
      actions={<>
        <button className="btn" onClick={close}>Close</button>
        <button className="btn primary" data-autofocus disabled={!plan?.ok} onClick={apply}>{target ? `Apply to ${target.name}` : 'Apply'}</button>
      </>}
    >
      <div className="io-wide" />
      <p data-testid="calibration-summary">{calibrationSummary(report)}</p>
      {simulated && (
        <p className="io-banner warning" data-testid="calibration-simulated">
          These traces were exported from a Preflight run, not measured in production: the fits give back the simulation&apos;s own assumptions (its slowest and failed traces are left out, as tail samples would pull the fits upwards). Calibrate from production traces or LiteLLM spend logs.
        </p>
      )}
      <CalibrationTable models={report.models} selection={selection} select={select} />
      {(calibration.notes.length > 0 || report.notes.length > 1) && (
        <details className="io-details">
          <summary>What was left out of the fits, and why</summary>
          <ul>
            {[...report.notes, ...calibration.notes].map((n, i) => <li key={i}>{n}</li>)}
            {report.skipped.slice(0, 20).map((k) => <li key={k.path}><span className="mono">{k.path}</span>: {k.reason}</li>)}
          </ul>
        </details>
      )}
      <div className="io-calibration-lower">
        <div>
          <h3 className="io-h3">{FIT_LABELS[selection.fit]} of {selection.model}</h3>
          {fit && values.length > 0 ? <CdfChart values={values} fit={fit} format={FORMAT[selection.fit]} label={FIT_LABELS[selection.fit]} /> : <p className="muted">No fit for this figure: {calibration.notes.join(' ') || 'no data'}</p>}
        </div>
        <div className="io-apply" aria-label="Apply to a node">
          <h3 className="io-h3">Apply {selection.model}&apos;s fits</h3>
          {targets.length === 0 ? (
            <p className="io-banner warning">This pipeline has no LLM node to calibrate. Add one, then apply.</p>
          ) : (
            <>
              <label className="io-option">
                <span className="io-option-label">Node</span>
                <select value={nodeId ?? ''} onChange={(e) => setChosenNode(e.target.value)} aria-label="Node to calibrate">
                  {targets.map((t) => <option key={t.id} value={t.id}>{t.name === t.id ? t.id : `${t.name} (${t.id})`}</option>)}
                </select>
                <span className={suggested.matched ? 'muted' : 'field-error warning'}>
                  {target?.model ? `It uses ${target.model}. ` : ''}
                  {suggested.matched ? (target?.id === suggested.id ? 'Chosen because its model matches.' : '') : `No node uses ${calibration.model}: check this is the right one.`}
                </span>
              </label>
              <fieldset className="io-option">
                <legend className="io-option-label">Use</legend>
                <label className="io-radio"><input type="radio" name="calibration-use" checked={use === 'lognormal'} onChange={() => setUse('lognormal')} /> the lognormal fit (median and σ)</label>
                <label className="io-radio"><input type="radio" name="calibration-use" checked={use === 'empirical'} onChange={() => setUse('empirical')} /> the measured quantiles <span className="muted">(safer when the fit is poor)</span></label>
              </fieldset>
              <label className="io-check">
                <input type="checkbox" checked={outputTokens} onChange={(e) => setOutputTokens(e.target.checked)} disabled={!calibration.outputTokens} /> Also set the node&apos;s output tokens <span className="muted">(otherwise the query classes decide)</span>
              </label>
              {plan && !plan.ok && <p className="field-error">{plan.reason}</p>}
              {plan?.ok && (
                <ul className="io-changes" aria-label="What Apply changes">
                  {plan.changes.map((c) => <li key={c.key}><b>{c.label}</b>: <span className="muted">{c.before}</span> → {c.after}</li>)}
                </ul>
              )}
            </>
          )}
        </div>
      </div>
    </Modal>
  );
}
