import { formatCount, formatShare, type RunResults } from '../../../simulation/index';
import { baseText, CHART } from './palette';
import { seriesPoints } from './time-series';

/** Colours of the reliability rows (the app's group colours, so a breaker reads as "reliability"). */
export const RELIABILITY = {
  errorRate: CHART.errors,
  fallback: '#7357e8',
  rateLimited: '#e08a1e',
  queue: '#0f8f8a',
  breaker: '#c8553d',
  fault: CHART.fault,
  faultLabel: '#a23232',
};

const ROW_HEIGHT = 52;
/** Room above each row for its name. */
const ROW_GAP = 30;
const TOP = 26;
const BOTTOM = 64;

type Point = [number, number | null];
interface Row {
  name: string;
  kind: 'line' | 'bar' | 'step';
  color: string;
  data: Point[];
  format(v: number): string;
  /** Breaker rows are 0 (closed) … 1 (open all minute). */
  max?: number;
}

const minutes = (ms: number) => ms / 60_000;

/** Rows of the stacked timeline: error rate, fallback share, 429s and queue (with quotas), one per breaker. */
export function timelineRows(r: RunResults): Row[] {
  const s = r.series;
  const share = (v: number) => formatShare(v);
  const rows: Row[] = [
    { name: 'Error rate (failed ÷ finished)', kind: 'line', color: RELIABILITY.errorRate, data: seriesPoints(r, s.errorRate), format: share },
    { name: 'Fallback share (served after a fallback step ÷ served)', kind: 'line', color: RELIABILITY.fallback, data: seriesPoints(r, s.fallbacks.map((f, i) => (s.served[i] ? f / s.served[i]! : null))), format: share },
  ];
  if (r.quotas.length) {
    rows.push({ name: '429s per minute (all quotas)', kind: 'bar', color: RELIABILITY.rateLimited, data: seriesPoints(r, s.rateLimited), format: formatCount });
    rows.push({ name: 'Queue depth (mean requests waiting for a quota slot)', kind: 'line', color: RELIABILITY.queue, data: seriesPoints(r, s.queueLength), format: (v) => v.toFixed(1) });
  }
  for (const b of r.reliability.breakers) {
    const lines = s.breakers[b.nodeId];
    if (!lines?.openShare) continue;
    const name = r.nodes.find((n) => n.id === b.nodeId)?.name || b.nodeId;
    rows.push({ name: `${name} (circuit breaker): share of each minute open`, kind: 'step', color: RELIABILITY.breaker, data: seriesPoints(r, lines.openShare), format: (v) => (v >= 1 ? 'open' : v <= 0 ? 'closed' : `open ${formatShare(v)}`), max: 1 });
  }
  return rows;
}

/** What a fault hits, as the rest of the Reliability tab names it (faultTargetName): a node's name, or the quota. */
const targetName = (r: RunResults, f: RunResults['reliability']['faults'][number]) => (f.type === 'limit-cut' ? `quota ${f.target}` : r.nodes.find((n) => n.id === f.target)?.name || f.target);

/** Fault windows (as they actually ran) and the warm-up, shaded on every row; labels on the top row. */
function shading(r: RunResults, labelled: boolean) {
  const faults = r.reliability.faults.map((f) => [
    { xAxis: minutes(f.startMs), name: `${f.type} · ${targetName(r, f)}`, itemStyle: { color: RELIABILITY.fault }, label: { show: labelled, color: RELIABILITY.faultLabel } },
    { xAxis: minutes(f.endMs) },
  ]);
  const warmup = r.series.warmupEndMs > 0 ? [[{ xAxis: 0, name: 'warm-up', itemStyle: { color: CHART.warmup }, label: { show: labelled } }, { xAxis: minutes(r.series.warmupEndMs) }]] : [];
  return { silent: true, label: { ...baseText, position: 'insideTop', fontSize: 10 }, data: [...warmup, ...faults] };
}

export function timelineHeight(rowCount: number): number {
  return TOP + rowCount * (ROW_HEIGHT + ROW_GAP) - ROW_GAP + BOTTOM;
}

/**
 * The stacked per-minute timeline of the Reliability section: one grid per row on a shared minute
 * axis (zoom and pointer linked), fault windows and warm-up shaded, so the moment an outage starts
 * and the breaker opens line up vertically.
 */
export function reliabilityTimelineOption(r: RunResults) {
  const rows = timelineRows(r);
  const end = minutes(r.series.points * r.series.bucketMs);
  const axes = rows.map((_, i) => i);
  const last = rows.length - 1;
  return {
    animation: false,
    textStyle: baseText,
    axisPointer: { link: [{ xAxisIndex: 'all' }], label: { show: false } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'line' } },
    title: rows.map((row, i) => ({ text: row.name, left: 56, top: TOP + i * (ROW_HEIGHT + ROW_GAP) - 20, textStyle: { ...baseText, fontWeight: 600, color: row.color } })),
    grid: rows.map((_, i) => ({ left: 56, right: 20, top: TOP + i * (ROW_HEIGHT + ROW_GAP), height: ROW_HEIGHT })),
    xAxis: rows.map((_, i) => ({
      type: 'value',
      gridIndex: i,
      min: 0,
      max: end,
      // Bars (429s) would otherwise widen their row's axis by half a bar, shifting it against the other rows.
      containShape: false,
      axisLine: { lineStyle: { color: CHART.axis } },
      axisTick: { show: i === last },
      axisLabel: { ...baseText, show: i === last, formatter: (v: number) => `${v}` },
      splitLine: { show: true, lineStyle: { color: CHART.grid } },
      ...(i === last ? { name: 'simulated minute', nameLocation: 'middle', nameGap: 24, nameTextStyle: baseText } : {}),
    })),
    yAxis: rows.map((row, i) => ({
      type: 'value',
      gridIndex: i,
      min: 0,
      ...(row.max !== undefined ? { max: row.max, interval: 1 } : {}),
      // Counts (429s) have whole-number ticks, so an empty row does not read "0, 1, 1".
      ...(row.kind === 'bar' ? { minInterval: 1 } : {}),
      splitNumber: 2,
      axisLabel: { ...baseText, formatter: row.kind === 'step' ? (v: number) => (v >= 1 ? 'open' : 'closed') : row.format },
      splitLine: { lineStyle: { color: CHART.grid } },
    })),
    dataZoom: [
      { type: 'inside', xAxisIndex: axes, filterMode: 'none' },
      { type: 'slider', xAxisIndex: axes, filterMode: 'none', bottom: 6, height: 16, labelFormatter: (v: number) => `min ${Math.round(v)}`, textStyle: baseText },
    ],
    series: rows.map((row, i) => ({
      type: row.kind === 'bar' ? 'bar' : 'line',
      name: row.name,
      xAxisIndex: i,
      yAxisIndex: i,
      data: row.data,
      showSymbol: false,
      connectNulls: false,
      ...(row.kind === 'step' ? { step: 'middle', areaStyle: { color: row.color, opacity: 0.35 } } : {}),
      ...(row.kind === 'bar' ? { barMaxWidth: 6 } : {}),
      lineStyle: { width: 1.5, color: row.color },
      itemStyle: { color: row.color },
      tooltip: { valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : row.format(v)) },
      markArea: shading(r, i === 0),
    })),
  };
}
