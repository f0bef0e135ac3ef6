import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../../simulation/index';
import { intervalBarsOption } from '../../../renderer/charts/options/interval-bars';
import { replicationValuesOption } from '../../../renderer/charts/options/replications';
import { explainInterval } from '../../../renderer/features/analysis/confidence/confidence-model';
import { compactInterval, intervalText, rangeText } from '../../../renderer/features/analysis/format';
import { roiRows } from '../../../renderer/features/analysis/maturity/maturity-model';

/**
 * A P99 pinned at a 30 s timeout in all 5 replications has a half-width of 0. Everywhere the app
 * shows a ± it then says the runs agreed, as the CLI does ("same in all 5 runs"): "± 0 ms" reads as
 * certainty about the world, when it only says the runs did not vary.
 */
const pinned = meanInterval([30_000, 30_000, 30_000, 30_000, 30_000], 0.95);

describe('a figure every replication agrees on', () => {
  it('reads "same in all n runs" in the Confidence table, on the Results cards, and has no zero-width interval', () => {
    expect(pinned.halfWidth).toBe(0);
    expect(intervalText('p99Ms', pinned)).toBe('30 s same in all 5 runs');
    expect(compactInterval('p99Ms', pinned)).toEqual({ mean: '30 s', pm: 'same in all 5 runs' });
    expect(rangeText('p99Ms', pinned)).toBe('no spread between runs');
    const varied = meanInterval([29_000, 30_000, 31_000], 0.95);
    expect(intervalText('p99Ms', varied)).toMatch(/^30 s ± [\d.]+ s$/);
  });

  it("its interval's explanation says the runs did not vary, not that the value is known", () => {
    const replicated = { headline: { p99Ms: pinned }, samples: Array.from({ length: 5 }, () => ({ p99Ms: 30_000 })) } as unknown as Parameters<typeof explainInterval>[0];
    const e = explainInterval(replicated, 'p99Ms');
    expect(e.formula).toBe('every one of the 5 replications gave 30 s: s = 0, so half-width = t × s ÷ √n = 0');
    expect(e.details.join(' ')).toMatch(/not that the long-run value is known exactly/);
  });

  it('charts say it in the tooltip and the mean label, without a band of zero width', () => {
    const bars = intervalBarsOption([{ name: 'L2', value: 30_000, interval: pinned }], 'P99', (v) => `${v} ms`) as unknown as { tooltip: { formatter(p: Array<{ dataIndex: number }>): string } };
    expect(bars.tooltip.formatter([{ dataIndex: 0 }])).toBe('L2<br/><b>30000 ms</b><br/>same in all 5 runs');
    const dots = replicationValuesOption('P99', [30_000, 30_000, 30_000, 30_000, 30_000], pinned, (v) => `${v} ms`) as unknown as { series: Array<{ markArea?: unknown; markLine: { label: { formatter: string } } }> };
    expect(dots.series[0]!.markArea).toBeUndefined();
    expect(dots.series[0]!.markLine.label.formatter).toBe('mean 30000 ms, same in all 5 runs');
  });

  it('the maturity table says it for a figure traffic noise leaves alone (scripted ones stay "scripted")', () => {
    const point = { name: 'L1', queriesPerMonth: 3e6, monthlyCostUsd: 100, downtimeHoursPerMonth: 0, lostRevenueUsd: 0, monthlyTotalUsd: 100, monthlySavingsUsd: 0, improvement: 0, netMonthlySavingsUsd: 0, oneTimeInvestmentUsd: 0, monthlyInvestmentUsd: 0, paybackMonths: null };
    const same = meanInterval([100, 100, 100], 0.95);
    const [row] = roiRows([{ name: 'L1', point, intervals: { monthlyCostUsd: same, downtimeHoursPerMonth: meanInterval([0, 0, 0], 0.95) } }] as unknown as Parameters<typeof roiRows>[0]);
    expect(row!.cells.monthlyCostUsd.same?.text).toBe('same in all 3 runs');
    expect(row!.cells.downtimeHoursPerMonth.same?.text).toBe('scripted');
  });
});
