import type { Interval } from '../../../simulation/index';
import { plusMinusText } from '../../../simulation/units/precision';
import { errorBarGroup } from './error-bars';
import { baseText, CHART } from './palette';

export interface IntervalBar {
  name: string;
  /** The point estimate the bar shows. */
  value: number;
  /** Its confidence interval (error bar), or null when there is none (the baseline's savings). */
  interval: Interval | null;
}

/** [category index, low, high] of each bar that has a finite interval: the error bars' data. */
export function errorBarData(bars: IntervalBar[]): Array<[number, number, number]> {
  return bars.flatMap((b, i): Array<[number, number, number]> => (b.interval && Number.isFinite(b.interval.halfWidth) ? [[i, b.interval.low, b.interval.high]] : []));
}

interface RenderApi {
  value(dim: number): number;
  coord(point: [number, number]): [number, number];
  size(size: [number, number]): [number, number];
  style(extra: object): object;
}

/** Draws one error bar: a vertical line from low to high with caps a quarter of a band wide. */
export function renderErrorBar(_params: unknown, api: RenderApi) {
  return errorBarGroup(api, api.size([1, 0])[0] * 0.12, CHART.text);
}

/** Bars with their confidence intervals as error bars (maturity ROI and other per-variant figures). */
export function intervalBarsOption(bars: IntervalBar[], axisName: string, format: (v: number) => string, color = CHART.bars) {
  return {
    animation: false,
    textStyle: baseText,
    grid: { left: 72, right: 16, top: 24, bottom: 48 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: Array<{ dataIndex: number }>) => {
        const bar = bars[params[0]?.dataIndex ?? 0];
        if (!bar) return '';
        const iv = bar.interval;
        // Every replication agreeing is said so: "± $0" would read as certainty.
        const ci = iv && Number.isFinite(iv.halfWidth) ? (iv.halfWidth === 0 ? `<br/>${plusMinusText('value', iv.mean, 0, iv.n)}` : `<br/>± ${format(iv.halfWidth)} (${Math.round(iv.confidence * 100)} % CI, n = ${iv.n})`) : '';
        return `${bar.name}<br/><b>${format(bar.value)}</b>${ci}`;
      },
    },
    xAxis: { type: 'category', data: bars.map((b) => b.name), axisLabel: { ...baseText, interval: 0, width: 110, overflow: 'break' }, axisTick: { show: false }, axisLine: { lineStyle: { color: CHART.axis } } },
    yAxis: { type: 'value', name: axisName, nameTextStyle: baseText, axisLabel: { ...baseText, formatter: (v: number) => format(v) }, splitLine: { lineStyle: { color: CHART.grid } } },
    series: [
      { type: 'bar', name: axisName, data: bars.map((b) => b.value), barMaxWidth: 48, itemStyle: { color } },
      { type: 'custom', name: 'confidence interval', renderItem: renderErrorBar, data: errorBarData(bars), z: 10, encode: { x: 0, y: [1, 2] }, tooltip: { show: false } },
    ],
  };
}
