import type { LoadPoint, LoadSearchResult } from '../../../simulation/index';
import { baseText, CHART } from './palette';

export type LoadMetric = 'p99Ms' | 'costPerQueryUsd';

/** A log axis once the search spans more than 20× (it halves and doubles the traffic). */
export function loadAxisType(points: LoadPoint[]): 'log' | 'value' {
  const rps = points.map((p) => p.rps).filter((r) => r > 0);
  return rps.length && Math.max(...rps) / Math.min(...rps) > 20 ? 'log' : 'value';
}

/**
 * P99 (or cost per query) at each traffic level the search ran: sustainable points blue, points that
 * break a criterion red, the max sustainable load and today's load marked, and the P99 target.
 */
export function loadCurveOption(search: LoadSearchResult, metric: LoadMetric, format: (v: number) => string, formatRps: (v: number) => string, targetMs: number | null) {
  const points = search.points.filter((p) => p.rps > 0);
  const line = (p: LoadPoint) => [p.rps, p[metric]];
  const marks: Array<Record<string, unknown>> = [
    { xAxis: search.baseRps, lineStyle: { color: CHART.text, type: 'dotted' }, label: { ...baseText, formatter: 'today' } },
  ];
  if (search.maxRps > 0) marks.push({ xAxis: search.maxRps, lineStyle: { color: CHART.p95, type: 'dashed' }, label: { ...baseText, formatter: `max ${formatRps(search.maxRps)}` } });
  if (metric === 'p99Ms' && targetMs !== null) marks.push({ yAxis: targetMs, lineStyle: { color: CHART.target, type: 'dashed' }, label: { ...baseText, position: 'insideStartTop', formatter: `target ${format(targetMs)}` } });
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 64, right: 24, top: 28, bottom: 62 },
    legend: { bottom: 0, left: 'center', textStyle: baseText, itemHeight: 8 },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number; seriesName: string }) => {
        const list = p.seriesName === 'sustainable' ? points.filter((x) => x.breaks.length === 0) : points.filter((x) => x.breaks.length > 0);
        const pt = list[p.dataIndex];
        if (!pt) return '';
        return `${formatRps(pt.rps)} (${Number(pt.multiplier.toPrecision(3))}× today)<br/><b>${format(pt[metric])}</b>${pt.breaks.length ? `<br/>breaks: ${pt.breaks.join(', ')}` : ''}`;
      },
    },
    xAxis: { type: loadAxisType(points), name: 'offered load (req/s)', nameLocation: 'middle', nameGap: 26, nameTextStyle: baseText, axisLabel: { ...baseText, formatter: (v: number) => formatRps(v) }, splitLine: { show: false }, axisLine: { lineStyle: { color: CHART.axis } } },
    yAxis: { type: 'value', scale: true, axisLabel: { ...baseText, formatter: (v: number) => format(v) }, splitLine: { lineStyle: { color: CHART.grid } } },
    series: [
      { type: 'line', name: 'all runs', data: points.map(line), showSymbol: false, lineStyle: { color: CHART.axis, width: 1 }, silent: true, tooltip: { show: false }, markLine: { symbol: 'none', silent: true, precision: 10, data: marks } },
      { type: 'scatter', name: 'sustainable', data: points.filter((p) => p.breaks.length === 0).map(line), symbolSize: 8, itemStyle: { color: CHART.p50 } },
      { type: 'scatter', name: 'breaks a criterion', data: points.filter((p) => p.breaks.length > 0).map(line), symbolSize: 8, itemStyle: { color: CHART.errors } },
    ],
  };
}
