import { describe, expect, it } from 'vitest';
import { diffScenarios, meanInterval } from '../../../simulation/index';
import { changeText, ppText, seedNote } from '../../../renderer/features/analysis/compare/Diff';
import { compactInterval } from '../../../renderer/features/analysis/format';
import { formatShare, halfWidthText } from '../../../renderer/features/analysis/precision';
import { headlineCards } from '../../../renderer/features/results/headline-cards';
import { nodeLabel, nodeName } from '../../../renderer/features/results/node-label';
import { reportRows } from '../../../renderer/features/results/node-report';
import { faultRows } from '../../../renderer/features/results/reliability-view';
import { example } from './fixtures';

describe('one precision rule for shares', () => {
  it('two decimals for availability and error rate alike, never a rounded 100 % or 0 %', () => {
    expect([0.25243, 0.7476, 0.4005, 0.307, 1, 0].map(formatShare)).toEqual(['25.24 %', '74.76 %', '40.05 %', '30.7 %', '100 %', '0 %']);
    expect(formatShare(0.99995)).toBe('99.995 %');
    expect(formatShare(0.00012)).toBe('0.012 %');
  });
});

describe('half-widths beside their figure', () => {
  it('two significant digits, no finer than the figure’s last digit', () => {
    expect(halfWidthText('monthlyCostUsd', 102_315, 345.9)).toBe('± $350');
    expect(halfWidthText('monthlySavingsUsd', 114_480, 22.98)).toBe('± $23');
    expect(halfWidthText('costPerQueryUsd', 0.0337, 0.00012)).toBe('± $0.0001');
    expect(halfWidthText('paybackMonths', 0.74, 0.0058)).toBe('± 0.01 months');
    expect(halfWidthText('p99Ms', 7700, 65.6)).toBe('± 70 ms');
    expect(halfWidthText('ttftP50Ms', 890, 1.35)).toBe('± 1 ms');
    expect(halfWidthText('peakQuotaUtilisation', 0.4062, 0.0046)).toBe('± 0.46 %');
    expect(halfWidthText('downtimeHoursPerMonth', 4.75, 0.05)).toBe('± 3 min');
  });
  it('says "< step" when the interval is narrower than the figure shows, and nothing for 0', () => {
    expect(halfWidthText('paybackMonths', 0.47, 0.00041)).toBe('± < 0.01 months');
    expect(halfWidthText('costPerQueryUsd', 0.002365, 0.0000034)).toBe('± < $0.0001');
    expect(halfWidthText('downtimeHoursPerMonth', 4.75, 0)).toBeNull();
  });
  it('a card shows the mean at the card’s precision, and "same in all n runs" instead of ± 0', () => {
    expect(compactInterval('costPerQueryUsd', meanInterval([0.002364, 0.002365, 0.002366], 0.95))).toEqual({ mean: '$0.0024', pm: '± < $0.0001' });
    expect(compactInterval('errorRate', meanInterval([0, 0, 0, 0, 0], 0.95))).toEqual({ mean: '0 %', pm: 'same in all 5 runs' });
  });
});

describe('scenario comparison', () => {
  it('changes of rates and shares are in percentage points, others in their unit', () => {
    expect(ppText(-0.0935)).toBe('−9.35 pp');
    expect(ppText(0)).toBe('±0.00 pp');
    expect(ppText(0.00004)).toBe('+0.004 pp');
    expect(changeText('peakQuotaUtilisation', -0.0935)).toBe('−9.35 pp');
    expect(changeText('p99Ms', -32)).toBe('−32 ms');
    expect(changeText('Usd', -3420)).toBe('−$3,420');
  });
  it('says "same seed" only when both runs used it', () => {
    expect(seedNote([1, 1])).toMatch(/^Both runs used the same seed \(1\)/);
    expect(seedNote([1, 7])).toMatch(/^Single runs with different seeds \(1 and 7\)/);
  });
  it('names the sides by the scenarios and cost lines by node name with id', () => {
    const { results } = example('optimized-rag', 600_000);
    const d = diffScenarios(results, results, { before: 'top_n 5', after: 'top_n 3' });
    expect(d.before.name).toBe('top_n 5');
    expect(d.lines.find((l) => l.name === 'llm')?.label).toBe('Answer (gpt-5.4-mini) (llm)');
  });
});

describe('nodes by name', () => {
  const nodes = [{ id: 'llm', name: 'Answer' }, { id: 'users', name: '' }];
  it('name with id where a list needs both, the name alone in sentences', () => {
    expect(nodeLabel(nodes, 'llm')).toBe('Answer (llm)');
    expect(nodeLabel(nodes, 'users')).toBe('users');
    expect(nodeName(nodes, 'llm')).toBe('Answer');
    expect(reportRows({ protects: 'llm', state: 'closed' }, nodes)).toEqual([
      { label: 'Protects', value: 'Answer (llm)' },
      { label: 'State', value: 'closed' },
    ]);
  });
  it('the Level-1 template’s faults name gpt-5.5, not its id primary', () => {
    const { results } = example('maturity/level-1', 3 * 3_600_000);
    expect(faultRows(results).map((f) => f.targetName)).toContain('gpt-5.5');
  });
});

describe('cost per served query', () => {
  it('the cost card adds it when more than 1 % of requests fail', () => {
    const { results } = example('maturity/level-1', 3 * 3_600_000);
    const card = headlineCards(results).find((c) => c.key === 'costPerQueryUsd')!;
    expect(results.headline.errorRate).toBeGreaterThan(0.01);
    expect(card.note).toMatch(/^\$0\.\d+ per served query$/);
    const healthy = headlineCards(example('optimized-rag', 600_000).results).find((c) => c.key === 'costPerQueryUsd')!;
    expect(healthy.note).toBeNull();
  });
});
