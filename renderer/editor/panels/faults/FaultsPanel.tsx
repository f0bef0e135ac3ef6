import { useMemo, useState } from 'react';
import { useActions, useDocument, useServices } from '../../../app/app-context';
import { Icon } from '../../../app/icons';
import { SchemaForm } from '../../inspector/SchemaForm';
import { addEvent, addFault } from './fault-commands';
import { FAULT_TYPES, faultLanes, OPERATIONS_JSON, OperationsSchema, type FaultType, type Lane } from './fault-model';
import { EventEditor, FaultEditor } from './FaultEditor';
import { minuteText, mitigationCapMs, snap, snapStepMs, timelineScale } from './fault-timeline';
import { FaultTimeline, type Selection } from './FaultTimeline';
import './faults.css';

const OPERATIONS_PATH = ['operations'];

/** Where a new fault goes when added from the toolbar: 30 % into the run, a sixth of the measured time long. */
function defaultWindow(scale: ReturnType<typeof timelineScale>): { startMs: number; durationMs: number } {
  const step = snapStepMs(scale.endMs);
  const measured = scale.arrivalsEndMs - scale.warmupMs;
  return { startMs: Math.max(scale.warmupMs, snap(scale.arrivalsEndMs * 0.3, step)), durationMs: Math.max(step, snap(measured / 6, step)) };
}

function AddBar({ lanes, type, setType, onAdd, onEvent }: { lanes: Lane[]; type: FaultType; setType(t: FaultType): void; onAdd(target: string): void; onEvent(type: 'kb-update' | 'model-change'): void }) {
  const targets = lanes.filter((l) => l.types.includes(type));
  const [target, setTarget] = useState('');
  const chosen = targets.find((l) => l.target === target) ?? targets[0];
  return (
    <div className="ft-add">
      <label>
        Add
        <select aria-label="Fault type to add" value={type} onChange={(e) => setType(e.target.value as FaultType)}>
          {FAULT_TYPES.map((t) => (
            <option key={t.type} value={t.type}>
              {t.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        on
        <select aria-label="Fault target" value={chosen?.target ?? ''} onChange={(e) => setTarget(e.target.value)} disabled={!targets.length}>
          {!targets.length && <option value="">{type === 'limit-cut' ? 'no quota yet' : 'no call node yet'}</option>}
          {targets.map((l) => (
            <option key={l.key} value={l.target}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <button className="btn small" disabled={!chosen} onClick={() => chosen && onAdd(chosen.target)}>
        <Icon name="plus" size={12} /> Add fault
      </button>
      <span className="ft-add-break" />
      <span className="faint">Cache events:</span>
      <button className="btn small" onClick={() => onEvent('kb-update')} title="A knowledge-base update invalidates caches">
        <Icon name="plus" size={12} /> KB update
      </button>
      <button className="btn small" onClick={() => onEvent('model-change')} title="A new model version invalidates caches">
        <Icon name="plus" size={12} /> Model change
      </button>
    </div>
  );
}

/** The Faults tab: fault windows and cache events on the run's timeline, and how fast the team reacts. */
export function FaultsPanel() {
  const { documents } = useServices();
  const actions = useActions();
  const doc = useDocument((s) => s.doc);
  const [selection, setSelection] = useState<Selection>(null);
  const [type, setType] = useState<FaultType>('outage');
  const scale = useMemo(() => timelineScale(doc), [doc]);
  const lanes = useMemo(() => faultLanes(doc), [doc]);
  const { capMs, detectionMs } = mitigationCapMs(doc);

  const add = (target: string, window = defaultWindow(scale), faultType = type) => {
    const result = addFault(documents.getState().doc, faultType, target, window.startMs, window.durationMs);
    if ('ok' in result) return;
    actions.execute(result.command);
    setSelection({ kind: 'fault', index: result.index });
  };
  const addAt = (lane: Lane, atMs: number) => add(lane.target, { startMs: atMs, durationMs: defaultWindow(scale).durationMs }, lane.types.includes(type) ? type : lane.types[0]!);
  const addEventAt = (eventType: 'kb-update' | 'model-change') => {
    const { command, index } = addEvent(documents.getState().doc, eventType, defaultWindow(scale).startMs);
    actions.execute(command);
    setSelection({ kind: 'event', index });
  };

  return (
    <div className="panel-body faults-panel" aria-label="Faults">
      <p className="panel-intro muted">
        What goes wrong during the run: outages, error spikes, slow calls, limit cuts and prompt growth on a call node or quota. Double-click a lane to add a fault there; drag a bar to move it, its edges to resize it; click it to edit. Results show them on the Reliability timeline.
      </p>
      <AddBar lanes={lanes} type={type} setType={setType} onAdd={(target) => add(target)} onEvent={addEventAt} />
      <FaultTimeline scale={scale} selection={selection} onSelect={setSelection} onAddAt={addAt} />
      <div className="ft-legend">
        <span><i className="lg-runs" />runs</span>
        <span><i className="lg-cut" />cut short by mitigation</span>
        <span><i className="lg-detect" />noticed</span>
        <span><i className="lg-warmup" />warm-up (not measured)</span>
        {scale.arrivalsEndMs < scale.endMs && <span><i className="lg-after" />after the last arrival</span>}
        <span className="faint">{scale.estimated ? 'Horizon estimated from the request limit at the mean rate. ' : ''}Arrow keys move a focused bar, Shift+arrows resize.</span>
      </div>
      {selection === null && <p className="muted ft-hint">Click a fault bar or an event flag to edit it.</p>}
      {selection?.kind === 'fault' && <FaultEditor key={`f${selection.index}`} index={selection.index} onDeleted={() => setSelection(null)} />}
      {selection?.kind === 'event' && <EventEditor key={`e${selection.index}`} index={selection.index} onDeleted={() => setSelection(null)} />}
      <h3 className="panel-heading">Operations</h3>
      <p className="panel-intro muted" data-testid="mitigation-summary">
        {capMs === null
          ? 'Nobody is watching: mitigable faults run their full length. Set a time to detect to cut them short.'
          : `Mitigable faults last at most ${minuteText(capMs)}: noticed after ${minuteText(detectionMs ?? 0)}, then ended ${minuteText(capMs - (detectionMs ?? 0))} later.`}
      </p>
      <SchemaForm zod={OperationsSchema} json={OPERATIONS_JSON} docPath={OPERATIONS_PATH} idPrefix="operations" />
    </div>
  );
}
