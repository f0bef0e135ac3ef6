import { describe, expect, it } from 'vitest';
import { growthOutlook, growthText } from '../../../simulation/analysis/capacity';
import { capacityReconciliation, criterionLabel } from '../../../simulation/analysis/load-search';
import type { RunResults } from '../../../simulation/results/types';
import { formatSummary } from '../../../simulation/cli/summary';
import { formatShare } from '../../../simulation/units/precision';
import { example, run } from '../../helpers/pipelines';

/** Just what the outlook reads: the projection, the quotas' peaks and the headline peak. */
function figures(peak: number | null, growth: number): Pick<RunResults, 'projection' | 'quotas' | 'headline'> {
  const projection = Array.from({ length: 12 }, (_, k) => ({ month: k + 1, queries: 1e6 * (1 + growth) ** k, costUsd: 1000 * (1 + growth) ** k }));
  const quotas = peak === null ? [] : [{ id: 'openai', peakUtilisation: peak } as RunResults['quotas'][number]];
  return { projection, quotas, headline: { peakQuotaUtilisation: peak } as RunResults['headline'] };
}

describe('growth against the provider limits', () => {
  it("finds the month the busiest quota's peak minute passes 70 % and 100 %, as the closed form says", () => {
    // 39.9 % × 1.1^(k−1) > 0.7 first at k − 1 = 6 (1.1^5.9 = 1.754); > 1 at k − 1 = 10 (1.1^9.6 = 2.506).
    const g = growthOutlook(figures(0.399, 0.1), 0.1);
    expect(g).toMatchObject({ busiestQuota: 'openai', scalingTriggerMonth: 7, limitMonth: 11 });
    expect(g.months[6]!.peakQuotaUtilisation).toBeCloseTo(0.399 * 1.1 ** 6, 12);
  });

  it('says when the quota stays clear, when traffic is flat, and when there is no quota', () => {
    expect(growthText(figures(0.2, 0.05))).toMatch(/quota openai's peak minute stays under 70 % \(34\.21 % in month 12\)/);
    expect(growthText(figures(0.4, 0))).toBe('Next 12 months: flat (traffic.monthlyGrowth is 0; set it to project growth)');
    expect(growthText(figures(null, 0.1))).toBe('Next 12 months at +10 %/month (traffic.monthlyGrowth): month 3 $1,210 · month 6 $1,611 · month 12 $2,853');
  });

  it('is in the run summary', () => {
    const doc = example('optimized-rag');
    const r = run({ ...doc, traffic: { ...doc.traffic, monthlyGrowth: 0.1 } }, { durationMs: 600_000, warmupMs: 60_000 });
    expect(formatSummary(r)).toMatch(/Next 12 months at \+10 %\/month \(traffic\.monthlyGrowth\): month 3 \$[\d,]+ · month 6 \$[\d,]+ · month 12 \$[\d,]+; quota openai's peak minute/);
  });
});

describe('one share rule in the CLI summary', () => {
  it('prints the peak quota utilisation the same in the quota table and the SLO list (two decimals, as the app)', () => {
    const r = run(example('optimized-rag'), { durationMs: 600_000, warmupMs: 60_000 });
    const peak = formatShare(r.headline.peakQuotaUtilisation);
    const text = formatSummary(r);
    expect(text).toContain(`Peak quota utilisation < 80 %: ${peak}`);
    expect(text).toMatch(new RegExp(`openai\\s+[\\d.]+ % / [\\d.]+ %\\s+${peak.replace('.', '\\.')} / `));
  });
});

describe("the guide's monthly capacity against the max sustainable load", () => {
  it('says which ceiling is lower and why, with the numbers', () => {
    // 2.69 × 11.367 M = 30.58 M a month, under the formula's 35.1 M: the run's hour arrives at 6.908 ÷ 4.385 = 1.58× the mean.
    const text = capacityReconciliation({ maxMultiplier: 2.69, baseRps: 6.908, bound: 'capacity' }, 11_367_000, { id: 'openai', monthlyQueryCapacity: 35_100_000 });
    expect(text).toBe("Two ceilings: the guide's monthly capacity of openai is 35.1M queries (70 % of its limit, evenly all month); the max sustainable load is 2.69× today ≈ 30.6M queries a month, lower because the run's window arrives at 1.58× the month's mean rate (6.91 vs 4.39 req/s) and its busiest minutes meet the limit first. Plan on the lower one.");
    expect(capacityReconciliation({ maxMultiplier: 2.69, baseRps: 6.908, bound: 'latency' }, 11_367_000, { id: 'openai', monthlyQueryCapacity: 35_100_000 })).toBeNull();
    expect(criterionLabel('rateLimitedShare')).toBe('429s per request');
  });
});

describe('a month from a run with faults', () => {
  it('says its monthly cost holds the fault windows as if they recurred, and a run without faults does not', () => {
    expect(run(example('fallback-chain'), { durationMs: 1_800_000, warmupMs: 60_000 }).notes.some((n) => n.startsWith('Monthly cost extrapolates this run with its fault window'))).toBe(true);
    expect(run(example('optimized-rag'), { durationMs: 300_000, warmupMs: 0 }).notes.some((n) => n.startsWith('Monthly cost extrapolates'))).toBe(false);
  });
});

describe('a quota already past its lines today', () => {
  it('is said to be past them, not to pass them "in month 1"', () => {
    expect(growthText(figures(0.75, 0.1))).toMatch(/is already past the guide's 70 % scaling trigger today and passes its limit in month 5$/);
    // 0.75 × 1.1^(k − 1) > 1 first at k − 1 = 4 (1.1^3.02 = 1.333).
  });
});
