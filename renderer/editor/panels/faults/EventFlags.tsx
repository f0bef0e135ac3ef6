import { useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useActions, useServices } from '../../../app/app-context';
import { moveEvent, removeEvent } from './fault-commands';
import { minuteText, snap, snapStepMs, type EventMarker } from './fault-timeline';

const LABEL: Record<string, string> = { 'kb-update': 'KB update', 'model-change': 'Model change' };

interface Props {
  markers: EventMarker[];
  endMs: number;
  step: number;
  selected: number | null;
  onSelect(index: number): void;
}

/**
 * Knowledge-base updates and model changes as flags on the time axis (their lines cross every lane).
 * A flag drags along the axis, arrow keys nudge it, Delete removes it; repeats are drawn, not dragged.
 */
export function EventFlags({ markers, endMs, step, selected, onSelect }: Props) {
  const { documents } = useServices();
  const actions = useActions();
  const drag = useRef<{ index: number; x0: number; at0: number; width: number; moved: boolean } | null>(null);
  const [preview, setPreview] = useState<{ index: number; atMs: number } | null>(null);

  const down = (e: ReactPointerEvent<HTMLButtonElement>, m: EventMarker) => {
    if (e.button !== 0) return;
    const track = e.currentTarget.closest<HTMLElement>('.ft-track');
    if (!track) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { index: m.index, x0: e.clientX, at0: m.atMs[0]!, width: track.getBoundingClientRect().width, moved: false };
  };
  const move = (e: ReactPointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d || (!d.moved && Math.abs(e.clientX - d.x0) < 3)) return;
    d.moved = true;
    setPreview({ index: d.index, atMs: Math.max(0, snap(d.at0 + ((e.clientX - d.x0) / d.width) * endMs, snapStepMs(endMs, e.shiftKey))) });
  };
  const up = () => {
    const d = drag.current;
    drag.current = null;
    if (d?.moved && preview) actions.execute(moveEvent(documents.getState().doc, d.index, preview.atMs));
    else if (d) onSelect(d.index);
    setPreview(null);
  };
  const cancel = () => {
    drag.current = null;
    setPreview(null);
  };
  const key = (e: KeyboardEvent<HTMLButtonElement>, m: EventMarker) => {
    const sign = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (sign) actions.execute(moveEvent(documents.getState().doc, m.index, snap(m.atMs[0]! + sign * step, step), `event-${m.index}-keys`));
    else if (e.key === 'Delete' || e.key === 'Backspace') actions.execute(removeEvent(documents.getState().doc, m.index));
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <>
      {markers.map((m) => {
        const at = preview?.index === m.index ? preview.atMs : m.atMs[0]!;
        const label = LABEL[m.type] ?? m.type;
        return (
          <button
            key={m.index}
            type="button"
            className={`ft-flag type-${m.type}${selected === m.index ? ' selected' : ''}`}
            style={{ left: `${(at / endMs) * 100}%` }}
            aria-label={`${label} at ${minuteText(at)}${m.atMs.length > 1 ? `, repeating (${m.atMs.length} times on this axis)` : ''}. Arrow keys move it, Delete removes it.`}
            title={`${label} at ${minuteText(at)}: invalidates caches`}
            data-testid={`event-flag-${m.index}`}
            onPointerDown={(e) => down(e, m)}
            onPointerMove={move}
            onPointerUp={up}
            onPointerCancel={cancel}
            onKeyDown={(e) => key(e, m)}
          >
            {m.type === 'model-change' ? 'M' : 'KB'}
          </button>
        );
      })}
    </>
  );
}
