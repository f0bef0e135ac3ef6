import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGET_UTILISATION, meanInterval, type ReplicatedResults } from '../../../simulation/index';
import { criteriaFor, defaultCriteria, loadCriteria } from '../../../renderer/features/analysis/capacity/criteria';
import { headroomRows, monthlyCapacities, scalingTriggers } from '../../../renderer/features/analysis/capacity/capacity-model';
import { explainInterval, intervalRows, planSummary } from '../../../renderer/features/analysis/confidence/confidence-model';
import { formatBeside, formatFigure, intervalText, rangeText } from '../../../renderer/features/analysis/format';
import { roiRows, seedExample } from '../../../renderer/features/analysis/maturity/maturity-model';
import { defaultTornadoPaths, formatParam, paramLabel, parseValues, suggestValues } from '../../../simulation/analysis/param-units';
import { example } from './fixtures';

describe('figures and intervals as text', () => {
  it('by unit suffix, with enough digits that an interval’s ends differ', () => {
    expect(formatFigure('p99Ms', 7760)).toBe('7.76 s');
    expect(formatFigure('monthlyCostUsd', 26_851)).toBe('$26,851');
    expect(formatFigure('errorRate', 0.0123)).toBe('1.23 %');
    expect(formatFigure('paybackMonths', 0.4761)).toBe('0.48 months');
    expect(formatFigure('paybackMonths', 0.00041)).toBe('0.00041 months');
    expect(formatFigure('downtimeHoursPerMonth', 0.25)).toBe('15 min');
    expect(formatBeside('costPerQueryUsd', 0.0024123, 0.0000085)).toBe('$0.002412');
    const iv = meanInterval([0.00241, 0.00242, 0.00243], 0.95);
    expect(rangeText('costPerQueryUsd', iv)).not.toMatch(/^(\$[\d.]+) – \1$/);
    expect(intervalText('p99Ms', meanInterval([7000], 0.95))).toContain('no interval');
  });
});

describe('confidence view', () => {
  const samples = [7400, 7700, 7600, 7900, 7650];
  const r = { seeds: [1, 2, 3, 4, 5], confidence: 0.95, headline: { p99Ms: meanInterval(samples, 0.95), p50Ms: meanInterval([2200, 2210, 2230, 2190, 2220], 0.95) }, stoppingMet: true, samples: samples.map((p99Ms, i) => ({ p99Ms, p50Ms: 2200 + i })), representative: null } as unknown as ReplicatedResults;
  it('lists every figure with mean ± half-width and marks the stopping rule’s figures', () => {
    const plan = { replications: 0, confidence: 0.95, stopping: { confidence: 0.95, relativeHalfWidth: 0.01, minReplications: 3, maxReplications: 9, figures: ['p99Ms' as const] } };
    const rows = intervalRows(r, plan);
    expect(rows.map((x) => x.key)).toEqual(['p50Ms', 'p99Ms']);
    expect(rows.find((x) => x.key === 'p99Ms')?.rule).toBe(r.headline.p99Ms!.relativeHalfWidth <= 0.01 ? 'met' : 'not met');
    expect(rows.find((x) => x.key === 'p50Ms')?.rule).toBeNull();
    expect(planSummary(r, plan)).toMatch(/^Stopping rule met after 5 replications/);
  });
  it('explains the half-width with t, s and n that reproduce it', () => {
    const e = explainInterval(r, 'p99Ms');
    const [, t, s] = e.formula.match(/= ([\d.]+) × ([\d.]+) ms ÷ √5/) ?? [];
    expect(Number(t)).toBeCloseTo(2.776, 3);
    expect((Number(t) * Number(s)) / Math.sqrt(5)).toBeCloseTo(r.headline.p99Ms!.halfWidth, 0);
    expect(e.title).toBe('P99 latency: 95 % CI, n = 5');
  });
});

describe('capacity view', () => {
  const { doc, results } = example('optimized-rag', 600_000);
  it('headroom = 1 − peak per quota and dimension', () => {
    const rows = headroomRows(results);
    expect(rows.map((x) => x.dimension)).toEqual(['RPM', 'TPM', 'Concurrency']);
    for (const x of rows) expect(x.headroom).toBeCloseTo(1 - x.peak);
  });
  it("monthly capacity follows the guide's formula, with the numbers in the explanation", () => {
    const [m] = monthlyCapacities(results);
    expect(m!.tokensPerMinute).toBeCloseTo(2_000_000);
    expect(m!.tokens).toBeCloseTo(2_000_000 * 43_200 * DEFAULT_TARGET_UTILISATION);
    expect(m!.explanation.formula).toMatch(/^2,000,000 TPM × 43,200 min × 0\.7 = 60\.5B tokens; ÷ [\d,]+ tokens per query through quota openai = [\d.]+M queries$/);
  });
  it("evaluates the guide's three scaling triggers", () => {
    expect(scalingTriggers(results).map((t) => [t.rule, t.fired])).toEqual([
      ['Utilisation > 70 % sustained', false],
      ['P99 latency increasing', false],
      ['Error rate from rate limits', false],
    ]);
  });
  it('search criteria default to the SLOs (P99, errors) and 1 % of 429s, as preflight capacity', () => {
    const c = defaultCriteria(doc);
    expect(loadCriteria(c)).toEqual({ p99Ms: 5000, p95Ms: null, ttftP50Ms: null, errorRate: 0.01, rateLimitedShare: 0.01 });
    expect(criteriaFor(null, doc)).toEqual(c);
  });
});

describe('maturity view', () => {
  it("reproduces the guide's worked example exactly", () => {
    const { rows } = seedExample();
    const [l1, l4] = rows;
    expect([l1!.monthlyCostUsd, l1!.lostRevenueUsd, l4!.monthlyCostUsd, l4!.lostRevenueUsd, l4!.monthlySavingsUsd]).toEqual([150_000, 20_000, 60_000, 1_250, 108_750]);
    expect(l4!.paybackMonths!).toBeLessThan(1);
  });
  it('rows show the point ± the half-width (two significant digits); the baseline has no savings or payback', () => {
    const iv = (xs: number[]) => meanInterval(xs, 0.95);
    const point = (name: string, savings: number, payback: number | null) => ({ name, queriesPerMonth: 3e6, monthlyCostUsd: 1000, downtimeHoursPerMonth: 1, lostRevenueUsd: 5000, monthlyTotalUsd: 6000, monthlySavingsUsd: savings, improvement: savings / 6000, netMonthlySavingsUsd: savings, oneTimeInvestmentUsd: 100, monthlyInvestmentUsd: 0, paybackMonths: payback });
    const rows = roiRows([
      { name: 'L1', point: point('L1', 0, null), intervals: { monthlySavingsUsd: iv([0, 0]) } },
      { name: 'L2', point: point('L2', 500, 0.2), intervals: { monthlySavingsUsd: iv([490, 500, 510]), paybackMonths: iv([0.19, 0.2, 0.21]) } },
    ]);
    expect(rows[0]!.cells.paybackMonths.value).toBe('baseline');
    expect(rows[0]!.cells.monthlySavingsUsd.pm).toBeNull();
    expect(rows[1]!.cells.monthlySavingsUsd.value).toBe('$500');
    // ± $24.84 at two significant digits.
    expect(rows[1]!.cells.monthlySavingsUsd.pm).toBe('± $25');
    expect(rows[1]!.cells.paybackMonths.value).toBe('0.20 months');
    expect(rows[1]!.cells.paybackMonths.pm).toBe('± 0.02 months');
  });
});

describe('maturity view: scripted figures', () => {
  it('a figure every replication agrees on (downtime from the fault scenario) is marked scripted, not ± 0', () => {
    const iv = (xs: number[]) => meanInterval(xs, 0.95);
    const point = { name: 'L1', queriesPerMonth: 3e6, monthlyCostUsd: 102_315, downtimeHoursPerMonth: 4.75, lostRevenueUsd: 23_750, monthlyTotalUsd: 126_065, monthlySavingsUsd: 0, improvement: 0, netMonthlySavingsUsd: 0, oneTimeInvestmentUsd: 0, monthlyInvestmentUsd: 0, paybackMonths: null };
    const [row] = roiRows([{ name: 'L1', point, intervals: { downtimeHoursPerMonth: iv([4.75, 4.75, 4.75]), lostRevenueUsd: iv([23_750, 23_750, 23_750]), monthlyCostUsd: iv([102_000, 102_300, 102_645]) } }]);
    expect(row!.cells.downtimeHoursPerMonth).toMatchObject({ value: '285 min', pm: null, same: { text: 'scripted' } });
    expect(row!.cells.downtimeHoursPerMonth.same!.title).toMatch(/fault scenario, the same in every replication; the interval covers traffic noise only/);
    expect(row!.cells.lostRevenueUsd).toMatchObject({ value: '$23,750', pm: null, same: { text: 'scripted' } });
    expect(row!.cells.monthlyCostUsd.pm).toMatch(/^± \$\d{2,3}0$/);
  });
});

describe('what-if parameters', () => {
  const { doc } = example('optimized-rag', 600_000);
  it('prices are typed per million tokens and stored per token', () => {
    expect(parseValues('models[gpt-5.4-mini].inputUsdPerToken', '0.75, 1.5')).toEqual([0.75e-6, 1.5e-6]);
    expect(formatParam('models[gpt-5.4-mini].inputUsdPerToken', 0.75e-6)).toBe('$0.75 / M tokens');
    expect(parseValues('nodes[llm].params.maxTokens', '512 1.5')).toMatch(/must be a whole number/);
    expect(parseValues('nodes[llm].params.maxTokens', '512 1024')).toEqual([512, 1024]);
    expect(parseValues('nodes[cache].params.hitProbability', '0.5, 1.2')).toMatch(/between 0 and 1/);
    expect(suggestValues('nodes[llm].params.maxTokens', 1024)).toBe('512, 768, 1024, 1536, 2048');
  });
  it('labels parameters by node name and the tornado starts from what budgets move with', () => {
    expect(paramLabel('nodes[llm].params.maxTokens', doc)).toBe('Answer (gpt-5.4-mini) (llm) · max tokens');
    expect(paramLabel('quotas[openai].tpm', doc)).toBe('quota openai · TPM');
    const paths = defaultTornadoPaths(doc);
    expect(paths[0]).toBe('traffic.rps');
    expect(paths[1]).toBe('nodes[llm].params.maxTokens');
    expect(paths).toContain('models[gpt-5.4-mini].outputUsdPerToken');
    expect(paths.some((p) => p.startsWith('models[text-embedding'))).toBe(false);
  });
});
