import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../simulation/catalog/catalog';
import { runPipeline } from '../../../simulation/run';
import type { LevelRoiWithIntervals } from '../../../simulation/analysis/roi';
import type { TornadoBar } from '../../../simulation/analysis/sweep';
import { reportHtml } from '../../../simulation/report/html';
import type { ReportInput } from '../../../simulation/report/report-input';
import { example } from '../../helpers/pipelines';

const catalog = builtinCatalog();
const META: ReportInput['meta'] = { appVersion: '0.1.0', fileHash: 'ab'.repeat(32), fileName: 'p.preflight.json', generatedAt: '2026-11-27T12:00:00.000Z', command: 'npx preflight report p.preflight.json --out r.html' };
const section = (text: string, id: string) => new RegExp(`<section id="${id}">([\\s\\S]*?)</section>`).exec(text)![1]!;
const report = (name: string, over: Partial<ReportInput> = {}) => {
  const doc = example(name);
  const results = runPipeline(doc, catalog, { durationMs: 300_000, warmupMs: 60_000 });
  return { doc, results, html: reportHtml({ doc, catalog, results, replicated: null, capacity: null, roi: null, whatIfs: null, meta: META, ...over }) };
};

describe('launch report sections read as people read them', () => {
  it('names nodes by name and id, and the breaker by what it protects', () => {
    const { html } = report('fallback-chain');
    expect(section(html, 'cost')).toContain('<th>GPT-4 (primary) (gpt4)</th>');
    expect(section(html, 'reliability')).toContain('<th>Breaker (opossum) (breaker)</th><td>opossum</td><td>GPT-4 (primary) (gpt4)</td>');
  });

  it("puts the monthly cost against a budget: the pipeline's own, or the guide's $10,000 example", () => {
    const { html, results } = report('optimized-rag');
    const cost = section(html, 'cost');
    expect(cost).toContain('against a budget of <span data-figure="monthlyBudgetUsd" data-value="10000">$10,000</span>');
    expect(cost).toMatch(results.cost.monthlyUsd > 10_000 ? /over by \$[\d,]+/ : /within/);
    expect(cost).toContain('no model tiering: gpt-5.4-mini answers every query');
    const doc = example('optimized-rag');
    doc.slo.monthlyBudgetUsd = 40_000;
    const own = reportHtml({ doc, catalog, results, replicated: null, capacity: null, roi: null, whatIfs: null, meta: META });
    // The guide's split (LLM inference 60 %) applied to the pipeline's own budget.
    expect(section(own, 'cost')).toContain('LLM inference (60 %)</th><td>$24,000</td>');
    expect(section(own, 'cost')).toContain('the pipeline&#39;s monthly budget');
  });

  it('says what the ROI levels are, and marks a scripted figure instead of printing ± 0', () => {
    const level = { name: 'Level 1', point: { monthlyCostUsd: 100_000, downtimeHoursPerMonth: 4, lostRevenueUsd: 20_000, monthlySavingsUsd: 0, oneTimeInvestmentUsd: 0, monthlyInvestmentUsd: 0, paybackMonths: null }, intervals: { monthlyCostUsd: { mean: 100_000, halfWidth: 345.9, low: 0, high: 0, n: 3, confidence: 0.95 }, downtimeHoursPerMonth: { mean: 4, halfWidth: 0, low: 4, high: 4, n: 3, confidence: 0.95 } } } as unknown as LevelRoiWithIntervals;
    const { html } = report('optimized-rag', { roi: { assumptions: { queriesPerDay: 100_000, lostRevenuePerDowntimeHourUsd: 5000, daysPerMonth: 30 }, levels: [level], source: "Preflight's maturity-level templates 1–5: reference pipelines on their own traffic, not this pipeline" } });
    const planning = section(html, 'planning');
    expect(planning).toContain('Levels compared:</strong> Preflight&#39;s maturity-level templates 1–5: reference pipelines on their own traffic, not this pipeline');
    // ± at two significant digits (345.9 → $350), as the CLI and the app print it.
    expect(planning).toContain('$100,000 <span class="ci">± $350</span>');
    expect(planning).toContain('240 min <span class="ci">scripted</span>');
    expect(planning).not.toContain('± 0');
  });

  it('labels what-if parameters and values with their units', () => {
    const bar = { path: 'models[gpt-5.4-mini].inputUsdPerToken', base: 7.5e-7, low: 6e-7, high: 9e-7, monthlyCostUsd: { low: 24_000, high: 28_000 }, p99Ms: { low: 7700, high: 7700 }, costSwingUsd: 4000, p99SwingMs: 0 } as TornadoBar;
    const { html } = report('optimized-rag', { whatIfs: { sweeps: [], tornado: { bars: [bar], spread: 0.2 } } });
    const planning = section(html, 'planning');
    expect(planning).toContain('<th>gpt-5.4-mini · input price</th><td>$0.60 / M tokens → $0.90 / M tokens</td>');
    expect(planning).not.toMatch(/e-7|0000000/);
  });
});
