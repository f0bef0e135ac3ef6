import type { KeyboardEvent, PointerEvent as ReactPointerEvent } from 'react';
import { minuteText, type DragMode, type FaultBar } from './fault-timeline';

export interface FaultBarProps {
  bar: FaultBar;
  laneLabel: string;
  endMs: number;
  selected: boolean;
  dragging: boolean;
  onPointerDown(e: ReactPointerEvent<HTMLElement>, mode: DragMode): void;
  onPointerMove(e: ReactPointerEvent<HTMLElement>): void;
  onPointerUp(): void;
  onPointerCancel(): void;
  onKeyDown(e: KeyboardEvent<HTMLElement>): void;
}

const pct = (ms: number, endMs: number) => `${(ms / endMs) * 100}%`;

/** What a screen reader announces for a bar: the window, the mitigated length, and the keys. */
export function barDescription(bar: FaultBar, laneLabel: string): string {
  const cut = bar.effectiveMs < bar.durationMs ? `, ends after ${minuteText(bar.effectiveMs)} (detection + mitigation)` : '';
  return `${bar.title} on ${laneLabel}, from ${minuteText(bar.startMs)} for ${minuteText(bar.durationMs)}${cut}`;
}

/**
 * One fault on its lane: the part that will run is solid, the part mitigation cuts off is hatched,
 * a tick marks when the team notices it. The body drags in time (and across lanes), the edges resize.
 */
export function FaultBarView(p: FaultBarProps) {
  const { bar } = p;
  const runsShare = bar.durationMs > 0 ? bar.effectiveMs / bar.durationMs : 1;
  const handlers = { onPointerMove: p.onPointerMove, onPointerUp: p.onPointerUp, onPointerCancel: p.onPointerCancel };
  return (
    <div
      role="button"
      tabIndex={0}
      className={`ft-bar type-${bar.type}${p.selected ? ' selected' : ''}${p.dragging ? ' dragging' : ''}`}
      style={{ left: pct(bar.startMs, p.endMs), width: pct(bar.durationMs, p.endMs) }}
      aria-pressed={p.selected}
      aria-label={`${barDescription(bar, p.laneLabel)}. Arrow keys move it, Shift+arrows change its length, Delete removes it.`}
      title={barDescription(bar, p.laneLabel)}
      data-testid={`fault-bar-${bar.index}`}
      onPointerDown={(e) => p.onPointerDown(e, 'move')}
      onKeyDown={p.onKeyDown}
      {...handlers}
    >
      <span className="ft-runs" style={{ width: `${runsShare * 100}%` }} />
      {runsShare < 1 && <span className="ft-cut" style={{ left: `${runsShare * 100}%` }} />}
      {bar.detectedAfterMs !== null && <span className="ft-detect" style={{ left: `${(bar.detectedAfterMs / bar.durationMs) * 100}%` }} title="noticed by the team here" />}
      <span className="ft-bar-label">{bar.title}</span>
      <span className="ft-handle start" aria-hidden onPointerDown={(e) => p.onPointerDown(e, 'start')} {...handlers} />
      <span className="ft-handle end" aria-hidden onPointerDown={(e) => p.onPointerDown(e, 'end')} {...handlers} />
    </div>
  );
}
