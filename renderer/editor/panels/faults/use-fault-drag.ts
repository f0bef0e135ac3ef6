import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { dragWindow, snapStepMs, type DragMode, type FaultBar } from './fault-timeline';
import type { Lane } from './fault-model';

export interface DragPreview {
  index: number;
  startMs: number;
  durationMs: number;
  laneKey: string;
  /** The lane's target when the bar moved to another lane. */
  target?: string;
}

interface DragState {
  bar: FaultBar;
  mode: DragMode;
  x0: number;
  trackWidth: number;
  moved: boolean;
}

/** Pixels a pointer must travel before a press becomes a drag (a click selects). */
const DRAG_THRESHOLD_PX = 3;

/**
 * Dragging a fault bar: the body moves it in time (and to another lane that accepts its type), the
 * edges resize it. The window is previewed while dragging and committed once, on release, as one
 * command; a press without movement is a click (select).
 */
export function useFaultDrag(opts: { endMs: number; lanes: Lane[]; onCommit(index: number, window: { startMs: number; durationMs: number; target?: string }): void; onClick(index: number): void }) {
  const state = useRef<DragState | null>(null);
  const [preview, setPreview] = useState<DragPreview | null>(null);

  const laneUnder = (x: number, y: number, bar: FaultBar): Lane | undefined => {
    const el = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-lane]');
    const lane = opts.lanes.find((l) => l.key === el?.dataset.lane);
    return lane && lane.types.includes(bar.type) ? lane : undefined;
  };

  const start = (e: ReactPointerEvent<HTMLElement>, bar: FaultBar, mode: DragMode) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.preventDefault();
    const track = e.currentTarget.closest<HTMLElement>('.ft-track');
    if (!track) return;
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    // preventDefault keeps the page from selecting text but also from focusing: focus the bar so
    // arrow keys, Delete and Ctrl+Z act on it after a drag.
    e.currentTarget.closest<HTMLElement>('.ft-bar')?.focus({ preventScroll: true });
    state.current = { bar, mode, x0: e.clientX, trackWidth: track.getBoundingClientRect().width, moved: false };
  };

  const move = (e: ReactPointerEvent<HTMLElement>) => {
    const s = state.current;
    if (!s) return;
    if (!s.moved && Math.abs(e.clientX - s.x0) < DRAG_THRESHOLD_PX && s.mode !== 'move') return;
    const deltaMs = ((e.clientX - s.x0) / Math.max(1, s.trackWidth)) * opts.endMs;
    const window = dragWindow(s.bar, s.mode, deltaMs, snapStepMs(opts.endMs, e.shiftKey));
    const current = opts.lanes.find((l) => l.key === s.bar.laneKey);
    const lane = s.mode === 'move' ? (laneUnder(e.clientX, e.clientY, s.bar) ?? current) : current;
    const changed = window.startMs !== s.bar.startMs || window.durationMs !== s.bar.durationMs || (lane && lane.key !== s.bar.laneKey);
    if (!s.moved && !changed) return;
    s.moved = true;
    setPreview({ index: s.bar.index, ...window, laneKey: lane?.key ?? s.bar.laneKey, ...(lane && lane.key !== s.bar.laneKey ? { target: lane.target } : {}) });
  };

  const end = () => {
    const s = state.current;
    state.current = null;
    if (!s) return;
    if (s.moved && preview) opts.onCommit(s.bar.index, { startMs: preview.startMs, durationMs: preview.durationMs, ...(preview.target !== undefined ? { target: preview.target } : {}) });
    else opts.onClick(s.bar.index);
    setPreview(null);
  };

  const cancel = () => {
    state.current = null;
    setPreview(null);
  };

  return { preview, start, move, end, cancel };
}
