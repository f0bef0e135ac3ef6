import { describe, expect, it } from 'vitest';
import { formatShare, formatUsd, growthText, loadPipeline, runPipeline, type RunResults } from '../../../simulation/index';
import { niceAxis, projectionOption, projectionTooltip } from '../../../renderer/charts/options/dashboards';
import { growthRateText, projectionGrowth, projectionView } from '../../../renderer/features/analysis/dashboards/projection-model';
import { exampleText } from '../helpers';

/** The optimized RAG example for 10 minutes with the traffic's monthly growth (and quotas) as given. */
function run(monthlyGrowth: number, edit: (doc: Record<string, unknown>) => void = () => undefined): RunResults {
  const doc = JSON.parse(exampleText('optimized-rag')) as { traffic: { monthlyGrowth?: number } } & Record<string, unknown>;
  doc.traffic.monthlyGrowth = monthlyGrowth;
  edit(doc);
  const loaded = loadPipeline(doc);
  if (!loaded.ok) throw new Error(loaded.problems[0]?.message);
  return runPipeline(loaded.doc, loaded.catalog, { durationMs: 600_000 });
}

const example = { usd: 10_000, own: false, name: "the guide's example budget" };
const growing = run(0.1);
const flat = run(0);

describe('the Executive dashboard’s 12-month projection', () => {
  it('states the growth rate the bars were made with, as the CLI reads it', () => {
    expect(projectionGrowth(growing)).toBe(0.1);
    expect(growthRateText(0.1)).toBe('+10 %/month');
    expect(growthRateText(-0.05)).toBe('−5 %/month');
    expect(growthText(growing)).toContain(`at ${growthRateText(0.1)} (traffic.monthlyGrowth)`);
  });

  it('gives months 1, 3, 6 and 12 with the figures preflight run prints, and when the busiest quota passes 70 % and its limit', () => {
    const view = projectionView(growing, example);
    expect(view.keyMonths.map((m) => m.month)).toEqual([1, 3, 6, 12]);
    const cli = growthText(growing);
    for (const m of view.keyMonths.slice(1)) expect(cli).toContain(`month ${m.month} ${formatUsd(m.costUsd)}`);
    expect(view.keyMonths[0]!.costUsd).toBeCloseTo(growing.projection[0]!.costUsd, 9);
    expect(view.keyMonths[3]!.budgetShare).toBeCloseTo(growing.projection[11]!.costUsd / 10_000, 12);
    // The closed form: today's peak × 1.1^(k − 1) passes 0.7 and 1 in these months, as growthText says.
    const peak = growing.headline.peakQuotaUtilisation!;
    const first = (limit: number) => 1 + Math.floor(Math.log(limit / peak) / Math.log(1.1)) + 1;
    expect(view.outlook.scalingTriggerMonth).toBe(first(0.7));
    expect(view.outlook.limitMonth).toBe(first(1));
    expect(cli).toContain(`the guide's 70 % scaling trigger in month ${first(0.7)} and its limit in month ${first(1)}`);
    expect(view.capacity!.text).toBe(`Quota openai's busiest minute (${formatShare(peak)} of its limit today) passes the guide's 70 % scaling trigger in month ${first(0.7)} and passes its limit (100 %: requests queue or get 429s) in month ${first(1)}.`);
  });

  it('explains each figure with the formula and this run’s numbers', () => {
    const view = projectionView(growing, example);
    expect(view.growthExplanation.formula).toMatch(/^queries in month k = [\d.]+M × \(1 \+ 0\.1\)\^\(k − 1\); month 12 = [\d.]+M × 2\.853 = [\d.]+M$/);
    expect(view.growthExplanation.details[0]).toContain('traffic.monthlyGrowth in the pipeline file (Editor → Traffic tab → Monthly growth)');
    expect(view.costExplanation.formula).toContain(`= ${formatUsd(growing.projection[11]!.costUsd)}`);
    expect(view.costExplanation.details.join(' ')).toContain("the guide's example budget ($10,000 a month)");
    const trigger = view.outlook.scalingTriggerMonth!;
    expect(view.capacity!.explanation.formula).toContain(`month ${trigger}: ${formatShare(growing.headline.peakQuotaUtilisation)} × `);
  });

  it('a growth of 0 is a flat projection that stays under the trigger; no quotas, no capacity reading', () => {
    const view = projectionView(flat, example);
    expect(view.flat).toBe(true);
    expect(new Set(flat.projection.map((p) => p.costUsd)).size).toBe(1);
    expect(view.capacity!.text).toContain('stays under the 70 % scaling trigger for 12 months');
    expect(view.growthExplanation.details[0]).toContain(': 0, so the projection is flat');
    const noQuotas = run(0.1, (doc) => {
      doc.quotas = [];
      for (const n of doc.nodes as Array<{ params: Record<string, unknown> }>) delete n.params.quota;
    });
    expect(projectionView(noQuotas, example).capacity).toBeNull();
  });

  it('the chart: values on months 1, 3, 6 and 12, every month in its tooltip, the trigger and limit months marked, a round axis', () => {
    const view = projectionView(growing, example);
    const o = projectionOption(view.outlook, example, formatUsd) as unknown as { series: Array<{ data: Array<{ label: { show: boolean } }>; markLine: { data: Array<{ xAxis?: string; yAxis?: number }> } }>; yAxis: { max: number; interval: number } };
    expect(o.series[0]!.data.flatMap((d, i) => (d.label.show ? [i + 1] : []))).toEqual([1, 3, 6, 12]);
    expect(o.series[0]!.markLine.data.map((d) => d.xAxis ?? d.yAxis)).toEqual([10_000, `M${view.outlook.scalingTriggerMonth}`, `M${view.outlook.limitMonth}`]);
    const tip = projectionTooltip(view.outlook, 12, example, formatUsd);
    expect(tip).toContain(`Month 12<br/><b>${formatUsd(growing.projection[11]!.costUsd)}</b>`);
    expect(tip).toContain("of the guide's example budget");
    expect(tip).toContain("quota openai's busiest minute");
    expect(o.yAxis.max % o.yAxis.interval).toBe(0);
    expect(niceAxis(30_800)).toEqual({ max: 40_000, interval: 10_000 });
    expect(niceAxis(82_000)).toEqual({ max: 100_000, interval: 20_000 });
  });
});
