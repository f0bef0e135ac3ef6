import type { EChartsCoreOption } from 'echarts/core';
import { useEChart } from '../../charts/use-echart';

/** An echarts chart with an accessible description (charts are images to a screen reader). */
export function Chart({ option, label, height = 240, testId }: { option: EChartsCoreOption; label: string; height?: number; testId?: string }) {
  const ref = useEChart(option);
  return <div ref={ref} className="chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
