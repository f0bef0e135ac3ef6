import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useActions, useDocument, useServices } from '../../../app/app-context';
import { removeFault, setFaultWindow } from './fault-commands';
import { faultLanes, type Lane } from './fault-model';
import { eventMarkers, faultBars, snap, snapStepMs, timelineTicks, withWindow, type FaultBar, type TimelineScale } from './fault-timeline';
import { FaultBarView } from './FaultBarView';
import { EventFlags } from './EventFlags';
import { useFaultDrag } from './use-fault-drag';

export type Selection = { kind: 'fault' | 'event'; index: number } | null;

interface Props {
  scale: TimelineScale;
  selection: Selection;
  onSelect(selection: Selection): void;
  /** Double-click on a lane: add a fault there at that time. */
  onAddAt(lane: Lane, atMs: number): void;
}

const pct = (ms: number, endMs: number) => `${(ms / endMs) * 100}%`;

function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(400);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.getBoundingClientRect().width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** The run's time axis with one lane per call node and quota; faults as bars, events as flags. */
export function FaultTimeline({ scale, selection, onSelect, onAddAt }: Props) {
  const { documents } = useServices();
  const actions = useActions();
  const doc = useDocument((s) => s.doc);
  const lanes = faultLanes(doc);
  const bars = faultBars(doc);
  const markers = eventMarkers(doc, scale.endMs);
  const { ref, width } = useWidth();
  const endMs = scale.endMs;
  const step = snapStepMs(endMs);
  const drag = useFaultDrag({
    endMs,
    lanes,
    // The bar you drag becomes the one the form edits.
    onCommit: (index, window) => {
      actions.execute(setFaultWindow(documents.getState().doc, index, window));
      onSelect({ kind: 'fault', index });
    },
    onClick: (index) => onSelect({ kind: 'fault', index }),
  });

  const shown = (bar: FaultBar): FaultBar => (drag.preview?.index === bar.index ? withWindow(bar, drag.preview.startMs, drag.preview.durationMs, drag.preview.laneKey) : bar);

  const onBarKey = (e: KeyboardEvent<HTMLElement>, bar: FaultBar) => {
    const current = documents.getState().doc;
    const nudge = (window: { startMs: number; durationMs: number; target?: string }) => {
      actions.execute(setFaultWindow(current, bar.index, window, `fault-${bar.index}-keys`));
      onSelect({ kind: 'fault', index: bar.index });
    };
    const sign = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (sign && e.shiftKey) nudge({ startMs: bar.startMs, durationMs: Math.max(step, snap(bar.durationMs + sign * step, step)) });
    else if (sign) nudge({ startMs: Math.max(0, snap(bar.startMs + sign * step, step)), durationMs: bar.durationMs });
    else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const fits = lanes.filter((l) => l.types.includes(bar.type));
      const next = fits[fits.findIndex((l) => l.key === bar.laneKey) + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) nudge({ startMs: bar.startMs, durationMs: bar.durationMs, target: next.target });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      actions.execute(removeFault(current, bar.index));
      onSelect(null);
    } else if (e.key === 'Enter' || e.key === ' ') onSelect({ kind: 'fault', index: bar.index });
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const addAt = (e: MouseEvent<HTMLDivElement>, lane: Lane) => {
    if (!lane.types.length || e.target !== e.currentTarget) return;
    const rect = e.currentTarget.getBoundingClientRect();
    onAddAt(lane, Math.max(0, snap(((e.clientX - rect.left) / rect.width) * endMs, step)));
  };

  const ticks = timelineTicks(endMs, width);
  return (
    <div className="ft nokey" aria-label="Fault timeline" data-testid="fault-timeline">
      <div className="ft-row ft-axis">
        <span className="ft-lane-label faint">simulated time</span>
        <div className="ft-track" ref={ref}>
          {ticks.map((t) => (
            <span key={t.ms} className="ft-tick" style={{ left: pct(t.ms, endMs) }}>
              {t.label}
            </span>
          ))}
          <EventFlags markers={markers} endMs={endMs} step={step} selected={selection?.kind === 'event' ? selection.index : null} onSelect={(index) => onSelect({ kind: 'event', index })} />
        </div>
      </div>
      {lanes.length === 0 && <p className="muted ft-empty">Add a call node (LLM, embedding, retrieval, reranker, service) or a quota: faults target those.</p>}
      {lanes.map((lane) => (
        <div key={lane.key} className={`ft-row ft-lane scope-${lane.scope}`} data-lane={lane.key}>
          <span className="ft-lane-label" title={`${lane.label} — ${lane.sub}`}>
            <b>{lane.label}</b>
            <span className="faint">{lane.sub}</span>
          </span>
          <div className="ft-track" data-lane={lane.key} onDoubleClick={(e) => addAt(e, lane)} title={lane.types.length ? 'Double-click to add a fault here' : undefined}>
            <span className="ft-warmup" style={{ width: pct(scale.warmupMs, endMs) }} />
            {scale.arrivalsEndMs < endMs && <span className="ft-after" style={{ left: pct(scale.arrivalsEndMs, endMs) }} />}
            {ticks.map((t) => (
              <span key={t.ms} className="ft-gridline" style={{ left: pct(t.ms, endMs) }} />
            ))}
            {markers.flatMap((m) => m.atMs.map((at, k) => <span key={`${m.index}-${k}`} className={`ft-event-line type-${m.type}`} style={{ left: pct(at, endMs) }} />))}
            {bars
              .map(shown)
              .filter((bar) => bar.laneKey === lane.key)
              .map((bar) => (
                <FaultBarView
                  key={bar.index}
                  bar={bar}
                  laneLabel={lane.label}
                  endMs={endMs}
                  selected={selection?.kind === 'fault' && selection.index === bar.index}
                  dragging={drag.preview?.index === bar.index}
                  onPointerDown={(e, mode) => drag.start(e, bars[bar.index]!, mode)}
                  onPointerMove={drag.move}
                  onPointerUp={drag.end}
                  onPointerCancel={drag.cancel}
                  onKeyDown={(e) => onBarKey(e, bar)}
                />
              ))}
          </div>
        </div>
      ))}
    </div>
  );
}
