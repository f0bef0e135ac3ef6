import { describe, expect, it } from 'vitest';
import { budgetView, alertRows } from '../../../renderer/features/results/alerts-view';
import { pathRows, productionColumn, qualityFigures, sliceRows } from '../../../renderer/features/results/quality-view';
import { runDocument, runExample } from './run-examples';

const constant = (value: number) => ({ type: 'constant', value });
const llm = (model: string, extra: Record<string, unknown> = {}) => ({ model, systemPromptTokens: 200, ttftMs: constant(300), ttftMsPer1kInputTokens: 0, timePerOutputTokenMs: constant(5), ...extra });
const traffic = { rps: 5, classes: [{ name: 'q', share: 1, queryTokens: constant(50), outputTokens: constant(100) }] };

function twoPaths(middle: { id: string; kind: string; params?: Record<string, unknown> }, ports: [string, string]) {
  return {
    version: 1,
    pipeline: { name: middle.kind },
    traffic,
    nodes: [middle, { id: 'src', kind: 'source' }, { id: 'blue', kind: 'llm', params: llm('gpt-4.1') }, { id: 'green', kind: 'llm', params: llm('gpt-5.4-mini', { errorProbability: 0.05, retry: { numRetries: 0 } }) }, { id: 'done', kind: 'response' }],
    edges: [
      { from: 'src', port: 'out', to: middle.id },
      { from: middle.id, port: ports[0], to: 'blue' },
      { from: middle.id, port: ports[1], to: 'green' },
      { from: 'blue', port: 'ok', to: 'done' },
      { from: 'green', port: 'ok', to: 'done' },
    ],
  };
}

describe('quality', () => {
  it('reads faithfulness as correct ÷ served, coloured against the SLO', () => {
    const r = runExample('fallback-chain');
    const f = qualityFigures(r).find((x) => x.key === 'faithfulness')!;
    expect(f.explanation.formula).toMatch(/^correct answers ÷ served = [\d,]+ ÷ [\d,]+ = /);
    // 91 % against > 90 %: passes with under 20 % of the allowed shortfall left.
    expect(f.tone).toBe('near');
  });

  it('puts quality per answering path beside its cost per query', () => {
    const rows = pathRows(runExample('fallback-chain'));
    expect(rows.map((p) => p.nodeId)).toEqual(['cache', 'gpt4', 'gpt35']);
    expect(rows[1]).toMatchObject({ name: 'GPT-4 (primary)', kind: 'LLM' });
    expect(rows[1]!.costPerQuery).toMatch(/^\$0\.02/);
  });
});

describe('slices side by side', () => {
  it('compare blue and green with green − blue differences', () => {
    const r = runDocument(twoPaths({ id: 'split', kind: 'traffic_split', params: { greenShare: 0.3 } }, ['blue', 'green']), { durationMs: 1_800_000, warmupMs: 0 });
    const { blue, green } = r.slices.colours!;
    const rows = sliceRows([{ key: 'blue', title: 'Blue', note: '', summary: blue }, { key: 'green', title: 'Green', note: '', summary: green }], true);
    const errors = rows.find((x) => x.label === 'Error rate')!;
    expect(errors.delta).toMatch(/^\+[\d.]+ pt$/);
    expect(rows.find((x) => x.label === 'Cost per query')!.delta).toMatch(/^−\$/);
    expect(rows.find((x) => x.label === 'Measured requests')!.delta).toBe('');
  });

  it('show production without the shadow copies\' cost', () => {
    const doc = twoPaths({ id: 'tee', kind: 'shadow' }, ['primary', 'shadow']);
    const r = runDocument(doc, { durationMs: 900_000, warmupMs: 0 });
    const shadow = r.slices.shadow!;
    const prod = productionColumn(r, shadow);
    expect(prod.summary.costUsd).toBeCloseTo(r.cost.variableUsd - shadow.costUsd, 9);
    expect(prod.summary.latency).toEqual(r.latency.endToEnd);
    expect(sliceRows([prod, { key: 'shadow', title: 'Shadow', note: '', summary: shadow }], false).every((row) => row.delta === '')).toBe(true);
  });
});

describe('alerts and the error budget', () => {
  it('lists firing rules most severe first, with response time and runbook', () => {
    const r = runExample('maturity/level-1');
    const rows = alertRows(r);
    expect(rows[0]!.severity).toBe('critical');
    expect(rows[0]!.responseTime).toBe('Immediate (page)');
    expect(rows[0]!.when).toMatch(/^first at min \d+(\.\d)?, firing \d+/);
    expect(rows.every((a) => a.runbook.length > 0)).toBe(true);
  });

  it('reads the availability target as a budget this run spent', () => {
    const b = budgetView({ allowedFailureShare: 0.001, consumed: 0.43, allowedFailuresPerMonth: 12_960, allowedDowntimeMinutesPerMonth: 43.2 }, 0.999, 5);
    expect(b.text).toBe('availability 99.9 % → 0.1 % of requests may fail: this run used 43 % of the budget');
    expect(b.tone).toBe('pass');
    expect(b.monthly).toBe('a month allows 12,960 failed requests at this traffic, or 43.2 minutes of downtime');
    expect(budgetView({ allowedFailureShare: 0.001, consumed: 2.5, allowedFailuresPerMonth: 1, allowedDowntimeMinutesPerMonth: 1 }, 0.999, 9)).toMatchObject({ tone: 'fail', used: 1, text: expect.stringMatching(/used 2\.5× the budget$/) });
    expect(budgetView({ allowedFailureShare: 0.001, consumed: 747.57, allowedFailuresPerMonth: 1, allowedDowntimeMinutesPerMonth: 1 }, 0.999, 9).text).toMatch(/used 748× the budget$/);
  });

  it('handles a 100 % target (no failure allowed; consumed is null)', () => {
    const none = { allowedFailureShare: 0, allowedFailuresPerMonth: 0, allowedDowntimeMinutesPerMonth: 0 };
    expect(budgetView({ ...none, consumed: Infinity }, 1, 3)).toMatchObject({ tone: 'fail', text: 'availability 100 % → 0 % of requests may fail: the target allows no failure and this run had some' });
    expect(budgetView({ ...none, consumed: null }, 1, 0).tone).toBe('pass');
  });
});
