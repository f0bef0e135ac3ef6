import type { Interval } from '../../../simulation/index';
import { plusMinusText } from '../../../simulation/units/precision';
import { baseText, CHART } from './palette';

/**
 * One figure across replications: a dot per replication (seed order), the mean as a line and the
 * confidence interval of the mean as a band, so the spread the interval summarises is visible.
 */
export function replicationValuesOption(label: string, samples: number[], interval: Interval, format: (v: number) => string) {
  const band = Number.isFinite(interval.halfWidth) && interval.halfWidth > 0
    ? { silent: true, itemStyle: { color: 'rgba(47, 100, 216, 0.10)' }, label: { ...baseText, position: 'insideTopRight', formatter: `${Math.round(interval.confidence * 100)} % CI of the mean` }, data: [[{ yAxis: interval.low }, { yAxis: interval.high }]] }
    : undefined;
  const lo = Math.min(...samples, Number.isFinite(interval.low) ? interval.low : Infinity);
  const hi = Math.max(...samples, Number.isFinite(interval.high) ? interval.high : -Infinity);
  const pad = (hi - lo) * 0.15 || Math.abs(hi) * 0.05 || 1;
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 64, right: 16, top: 20, bottom: 36 },
    tooltip: { trigger: 'item', formatter: (p: { data: [number, number] }) => `Replication ${p.data[0]}: <b>${format(p.data[1])}</b>` },
    xAxis: { type: 'value', name: 'replication', nameLocation: 'middle', nameGap: 24, nameTextStyle: baseText, min: 0.5, max: samples.length + 0.5, interval: Math.max(1, Math.ceil(samples.length / 12)), axisLabel: { ...baseText, formatter: (v: number) => (Number.isInteger(v) ? String(v) : '') }, splitLine: { show: false }, axisLine: { lineStyle: { color: CHART.axis } } },
    yAxis: { type: 'value', min: lo - pad, max: hi + pad, name: label, nameTextStyle: baseText, axisLabel: { ...baseText, showMinLabel: false, showMaxLabel: false, formatter: (v: number) => format(v) }, splitLine: { lineStyle: { color: CHART.grid } } },
    series: [
      {
        type: 'scatter',
        name: label,
        data: samples.map((v, i) => [i + 1, v]),
        symbolSize: 9,
        itemStyle: { color: CHART.p50 },
        markArea: band,
        markLine: { symbol: 'none', silent: true, precision: 10, lineStyle: { color: CHART.p95, type: 'dashed' }, label: { ...baseText, position: 'insideEndTop', formatter: interval.halfWidth === 0 ? `mean ${format(interval.mean)}, ${plusMinusText('value', interval.mean, 0, interval.n)}` : `mean ${format(interval.mean)}` }, data: [{ yAxis: interval.mean }] },
      },
    ],
  };
}
