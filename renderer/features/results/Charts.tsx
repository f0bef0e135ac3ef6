import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import type { RunResults } from '../../../simulation/index';
import { latencyHistogramOption } from '../../charts/options/latency-histogram';
import { errorSeriesOption, latencySeriesOption } from '../../charts/options/time-series';
import { useEChart } from '../../charts/use-echart';

/** One echarts chart; `height` overrides the CSS height for charts that grow with their rows. */
export function Chart({ option, label, height, testId }: { option: EChartsCoreOption; label: string; height?: number; testId?: string }) {
  const ref = useEChart(option);
  return <div ref={ref} className="chart" role="img" aria-label={label} style={height ? { height } : undefined} data-testid={testId} />;
}

export function LatencyHistogram({ results, p99TargetMs }: { results: RunResults; p99TargetMs: number | null }) {
  const option = useMemo(() => latencyHistogramOption(results, p99TargetMs), [results, p99TargetMs]);
  return <Chart option={option} label="Histogram of end-to-end latency with P50, P95 and P99 marked" />;
}

export function LatencySeries({ results, p99TargetMs }: { results: RunResults; p99TargetMs: number | null }) {
  const option = useMemo(() => latencySeriesOption(results, p99TargetMs), [results, p99TargetMs]);
  return <Chart option={option} label="End-to-end latency P50, P95 and P99 per simulated minute" />;
}

export function ErrorSeries({ results }: { results: RunResults }) {
  const option = useMemo(() => errorSeriesOption(results), [results]);
  return <Chart option={option} label="Failed requests and error rate per simulated minute" />;
}
