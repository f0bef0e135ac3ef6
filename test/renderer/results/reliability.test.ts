import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../../simulation/index';
import { reliabilityTimelineOption, timelineRows } from '../../../renderer/charts/options/reliability-timeline';
import { errorSeriesOption } from '../../../renderer/charts/options/time-series';
import { breakerRows, fallbackDepthBars, faultRows, openRuns, reliabilityFigures, timelineEvents } from '../../../renderer/features/results/reliability-view';
import { runExample } from './run-examples';

// The guide's fallback chain: GPT-4 behind an opossum breaker, a 10-minute GPT-4 outage at minute 20.
const fallback = () => runExample('fallback-chain');

describe('reliability figures', () => {
  it('state the retry rate as retries ÷ first attempts with the run\'s counts', () => {
    const r = fallback();
    const retry = reliabilityFigures(r).find((f) => f.key === 'retryRate')!;
    const [retries, first] = retry.explanation.formula.match(/[\d,]+(?= ÷)|(?<=÷ )[\d,]+/g)!.map((n) => Number(n.replace(/,/g, '')));
    expect(retries).toBe(r.outcomes.retries);
    expect(retries! / first!).toBeCloseTo(r.outcomes.retryRate, 9);
  });

  it('show availability against its SLO, downtime minutes, fallback share and breaker open time', () => {
    const r = fallback();
    const keys = reliabilityFigures(r).map((f) => f.key);
    expect(keys).toEqual(['availability', 'downtime', 'retryRate', 'fallbackShare', 'breakerOpen']);
    const downtime = reliabilityFigures(r).find((f) => f.key === 'downtime')!;
    expect(downtime.value).toBe(`${r.outcomes.downtimeMinutes} min`);
    expect(downtime.sub).toBe(`of ${r.outcomes.measuredMinutes} measured minutes`);
  });

  it('split served requests by fallback depth, shares summing to one', () => {
    const bars = fallbackDepthBars(fallback());
    expect(bars.map((b) => b.label)).toEqual(['no fallback', '1 step', '2 steps', '3 or more']);
    expect(bars.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 9);
    expect(bars[1]!.count).toBeGreaterThan(0);
  });

  it('explain money saved as short-circuited × mean cost of a failed call', () => {
    const [b] = breakerRows(fallback());
    expect(b!.name).toBe('Breaker (opossum)');
    expect(b!.protectsName).toBe('GPT-4 (primary)');
    expect(b!.moneySavedUsd).toBeCloseTo(b!.shortCircuited * b!.meanDoomedCallUsd, 9);
    expect(b!.savedFormula).toContain(`= ${formatUsd(b!.moneySavedUsd)}`);
  });

  it('list fault windows as they ran', () => {
    const [f] = faultRows(fallback());
    expect(f).toMatchObject({ id: 'gpt4-outage', type: 'outage', targetName: 'GPT-4 (primary)', durationMs: 600_000, when: 'min 20 – 30', mitigated: false });
  });
});

describe('what happened (timeline narration)', () => {
  it('finds runs of open buckets', () => {
    expect(openRuns([0, 0.2, 1, 0, 0, 1])).toEqual([[1, 2], [5, 5]]);
    expect(openRuns([])).toEqual([]);
  });

  it('tells the breaker opening at minute 20, right when the outage starts', () => {
    const events = timelineEvents(fallback());
    const outage = events.find((e) => e.text.startsWith('outage on GPT-4 (primary) starts'))!;
    const opens = events.find((e) => e.tone === 'breaker')!;
    expect(outage.atMs).toBe(1_200_000);
    expect(opens.atMs).toBe(1_200_000);
    expect(opens.text).toMatch(/^circuit breaker Breaker \(opossum\) opens; open until min 3\d/);
  });
});

describe('reliability timeline option', () => {
  it('stacks error rate, fallback share and one row per breaker on linked minute axes', () => {
    const r = fallback();
    const o = reliabilityTimelineOption(r);
    expect(o.series.map((s) => s.name)).toEqual(['Error rate (failed ÷ finished)', 'Fallback share (served after a fallback step ÷ served)', 'Breaker (opossum) (circuit breaker): share of each minute open']);
    expect(o.grid).toHaveLength(3);
    expect(o.dataZoom.every((z) => z.xAxisIndex.length === 3)).toBe(true);
    expect(o.axisPointer.link).toEqual([{ xAxisIndex: 'all' }]);
    // Only the bottom axis is labelled.
    expect(o.xAxis.map((a) => a.axisLabel.show)).toEqual([false, false, true]);
  });

  it('shades the outage (as it ran) and the warm-up on every row', () => {
    const o = reliabilityTimelineOption(fallback());
    for (const s of o.series) {
      const spans = s.markArea.data.map(([a, b]) => [a!.xAxis, b!.xAxis]);
      expect(spans).toEqual([[0, 5], [20, 30]]);
    }
  });

  it('draws the breaker fully open during the outage and closed before it', () => {
    const breaker = reliabilityTimelineOption(fallback()).series[2]!;
    const at = (minute: number) => (breaker.data as Array<[number, number | null]>).find(([m]) => m === minute + 0.5)![1];
    expect(at(15)).toBe(0);
    expect(at(25)).toBe(1);
    expect(breaker.markArea.data).toHaveLength(2);
  });

  it('adds 429 and queue rows only when the pipeline has quotas', () => {
    const rows = timelineRows(runExample('naive-rag', { durationMs: 600_000 })).map((row) => row.name);
    expect(rows).toContain('429s per minute (all quotas)');
    expect(rows).toContain('Queue depth (mean requests waiting for a quota slot)');
    expect(timelineRows(fallback()).map((row) => row.name)).not.toContain('429s per minute (all quotas)');
  });

  it('shades fault windows on the overview error chart too', () => {
    const area = errorSeriesOption(fallback()).series[0]!.markArea!;
    expect(area.data.map(([a]) => a!.name)).toEqual(['warm-up', 'outage']);
  });
});
