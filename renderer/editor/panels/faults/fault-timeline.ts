import { RunSchema, TrafficSchema } from '../../../../simulation/index';
import type { EditableDocument } from '../../../stores/document/editable-document';
import { faultTypeInfo, faultValues, laneKeyOf, OperationsSchema, rawFaults, type FaultType } from './fault-model';

const MINUTE = 60_000;

/** The run's time range the timeline shows, from the document's `run` and `traffic` (defaults filled in). */
export interface TimelineScale {
  warmupMs: number;
  /** When the last request may arrive: warm-up + duration (or the request limit at the mean rate). */
  arrivalsEndMs: number;
  /** The axis end: the arrivals' end, extended to show faults and events placed after it. */
  endMs: number;
  /** True when the horizon is a request count, so the end is an estimate. */
  estimated: boolean;
}

function parsed<T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, raw: unknown, fallback: () => T): T {
  const r = schema.safeParse(raw ?? {});
  return r.success ? r.data! : fallback();
}

export function timelineScale(doc: EditableDocument): TimelineScale {
  const run = parsed(RunSchema, doc.run, () => RunSchema.parse({}));
  const rps = parsed(TrafficSchema, doc.traffic, () => TrafficSchema.parse({})).rps;
  const measuredMs = run.requests !== null && rps > 0 ? (run.requests / rps) * 1000 : run.durationMs;
  const arrivalsEndMs = run.warmupMs + measuredMs;
  let last = arrivalsEndMs;
  for (const f of rawFaults(doc)) {
    const v = faultValues(f);
    last = Math.max(last, v.startMs + v.durationMs);
  }
  for (const e of Array.isArray(doc.events) ? (doc.events as Array<{ atMs?: unknown }>) : []) if (typeof e.atMs === 'number') last = Math.max(last, e.atMs);
  const endMs = last > arrivalsEndMs ? Math.ceil((last * 1.05) / MINUTE) * MINUTE : arrivalsEndMs;
  return { warmupMs: run.warmupMs, arrivalsEndMs, endMs: Math.max(endMs, MINUTE), estimated: run.requests !== null };
}

/** A fault as the timeline draws it: planned window, and how long it actually lasts. */
export interface FaultBar {
  index: number;
  id: string;
  type: FaultType;
  title: string;
  laneKey: string;
  startMs: number;
  durationMs: number;
  /** The length it will run: a mitigable fault is cut at detection + mitigation (the rest is hatched). */
  effectiveMs: number;
  /** Offset from the start at which the team notices it, when that happens before it ends on its own. */
  detectedAfterMs: number | null;
  mitigable: boolean;
  /** Longest this fault can run (detection + mitigation) when it is mitigable and someone watches. */
  capMs: number | null;
  detectionMs: number | null;
}

/** The bar with another window (a drag preview), its mitigated length recomputed. */
export function withWindow(bar: FaultBar, startMs: number, durationMs: number, laneKey = bar.laneKey): FaultBar {
  return {
    ...bar,
    startMs,
    durationMs,
    laneKey,
    effectiveMs: bar.capMs === null ? durationMs : Math.min(durationMs, bar.capMs),
    detectedAfterMs: bar.detectionMs !== null && bar.detectionMs < durationMs ? bar.detectionMs : null,
  };
}

/** Detection + mitigation minutes as a cap on mitigable faults; null when nobody watches (no cap). */
export function mitigationCapMs(doc: EditableDocument): { capMs: number | null; detectionMs: number | null } {
  const ops = parsed(OperationsSchema, doc.operations, () => OperationsSchema.parse({}));
  if (ops.detectionMinutes === null) return { capMs: null, detectionMs: null };
  return { capMs: (ops.detectionMinutes + ops.mitigationMinutes) * MINUTE, detectionMs: ops.detectionMinutes * MINUTE };
}

export function faultBars(doc: EditableDocument): FaultBar[] {
  const { capMs, detectionMs } = mitigationCapMs(doc);
  return rawFaults(doc).map((raw, index) => {
    const v = faultValues(raw);
    const cut = v.mitigable && capMs !== null;
    const bar: FaultBar = {
      index,
      id: v.id || `fault-${index + 1}`,
      type: v.type,
      title: faultTypeInfo(v.type)?.title ?? v.type,
      laneKey: laneKeyOf(raw),
      startMs: 0,
      durationMs: 0,
      effectiveMs: 0,
      detectedAfterMs: null,
      mitigable: v.mitigable,
      capMs: cut ? capMs : null,
      detectionMs: cut ? detectionMs : null,
    };
    return withWindow(bar, v.startMs, v.durationMs);
  });
}

export interface EventMarker {
  index: number;
  type: string;
  /** Every occurrence within the axis (a repeating event, e.g. nightly re-indexing, has several). */
  atMs: number[];
}

const MAX_MARKS = 200;

export function eventMarkers(doc: EditableDocument, endMs: number): EventMarker[] {
  const events = Array.isArray(doc.events) ? (doc.events as Array<Record<string, unknown>>) : [];
  return events.map((e, index) => {
    const at = typeof e.atMs === 'number' ? e.atMs : 0;
    const every = typeof e.repeatEveryMs === 'number' && e.repeatEveryMs > 0 ? e.repeatEveryMs : null;
    const atMs = [at];
    while (every && atMs.length < MAX_MARKS && atMs[atMs.length - 1]! + every <= endMs) atMs.push(atMs[atMs.length - 1]! + every);
    return { index, type: String(e.type ?? 'kb-update'), atMs };
  });
}

const STEPS_MS = [1000, 5000, 10_000, 15_000, 30_000, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, 60 * MINUTE, 120 * MINUTE, 360 * MINUTE];

/** The smallest listed step at least `ms` long. */
function stepAtLeast(ms: number): number {
  return STEPS_MS.find((s) => s >= ms) ?? STEPS_MS[STEPS_MS.length - 1]!;
}

/** Where drags and arrow keys snap: about 1/120 of the axis (1 min on a 65-minute run), 1 s with Shift. */
export function snapStepMs(endMs: number, fine = false): number {
  return fine ? 1000 : stepAtLeast(endMs / 120);
}

export function snap(ms: number, step: number): number {
  return Math.round(ms / step) * step;
}

/** Axis ticks at least `minGapPx` apart for a timeline `widthPx` wide. */
export function timelineTicks(endMs: number, widthPx: number, minGapPx = 56): Array<{ ms: number; label: string }> {
  const step = stepAtLeast((endMs / Math.max(1, widthPx)) * minGapPx);
  const ticks: Array<{ ms: number; label: string }> = [];
  for (let ms = 0; ms <= endMs + 1; ms += step) ticks.push({ ms, label: minuteText(ms) });
  return ticks;
}

/** "20 min", "1 h 30", "45 s": simulated time from the start of the run. */
export function minuteText(ms: number): string {
  if (ms < MINUTE && ms % MINUTE !== 0) return `${Math.round(ms / 1000)} s`;
  const minutes = ms / MINUTE;
  if (minutes < 60) return `${Number(minutes.toFixed(1))} min`;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - h * 60);
  return m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`;
}

export type DragMode = 'move' | 'start' | 'end';

/** A fault's window after dragging its body or an edge by `deltaMs`, snapped, never before 0 or shorter than one step. */
export function dragWindow(bar: { startMs: number; durationMs: number }, mode: DragMode, deltaMs: number, step: number): { startMs: number; durationMs: number } {
  const end = bar.startMs + bar.durationMs;
  const min = Math.max(1000, step);
  if (mode === 'move') return { startMs: Math.max(0, snap(bar.startMs + deltaMs, step)), durationMs: bar.durationMs };
  if (mode === 'start') {
    const startMs = Math.max(0, Math.min(snap(bar.startMs + deltaMs, step), end - min));
    return { startMs, durationMs: end - startMs };
  }
  return { startMs: bar.startMs, durationMs: Math.max(min, snap(end + deltaMs, step) - bar.startMs) };
}
