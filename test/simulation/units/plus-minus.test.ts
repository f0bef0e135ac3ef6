import { describe, expect, it } from 'vitest';
import { meanInterval } from '../../../simulation/analysis/statistics';
import { formatReplicated } from '../../../simulation/cli/replicated-summary';
import type { ReplicatedResults } from '../../../simulation/analysis/replications';
import { plusMinusText } from '../../../simulation/units/precision';

describe('a replicated figure beside its interval', () => {
  it('has its ± at the figure’s precision', () => {
    expect(plusMinusText('p99Ms', 7760, 212, 5)).toBe('± 210 ms');
  });

  it('says the runs agreed instead of "± 0", which would read as certainty', () => {
    expect(plusMinusText('p99Ms', 30_000, 0, 5)).toBe('same in all 5 runs');
  });

  it('is empty without an interval (one run)', () => {
    expect(plusMinusText('p99Ms', 30_000, Infinity, 1)).toBe('');
  });

  it('reads so in the CLI’s replications table', () => {
    const pinned = meanInterval([30_000, 30_000, 30_000], 0.95);
    const text = formatReplicated({ seeds: [1, 2, 3], confidence: 0.95, headline: { p99Ms: pinned }, stoppingMet: null, samples: [], representative: undefined as never } satisfies ReplicatedResults);
    expect(text).toMatch(/P99 latency\s+30 s\s+same in all 3 runs/);
    expect(text).not.toContain('± 0');
  });
});
