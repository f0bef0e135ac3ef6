import { describe, expect, it } from 'vitest';
import { fastExp } from '../../../simulation/random/fast-exp';
import { RandomStream } from '../../../simulation/random/streams';

describe('fastExp', () => {
  it('agrees with Math.exp to 1e-15 relative over the range lognormal draws use, and beyond', () => {
    const rng = new RandomStream('fast-exp');
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = (rng.uniform() - 0.5) * (i % 2 === 0 ? 60 : 1400);
      worst = Math.max(worst, Math.abs(fastExp(x) / Math.exp(x) - 1));
    }
    expect(worst).toBeLessThan(1e-15);
  });

  it('is exact where e^x is known and falls back outside ±700', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(Math.LN2 * 10)).toBeCloseTo(1024, 10);
    expect(fastExp(-Infinity)).toBe(0);
    expect(fastExp(Infinity)).toBe(Infinity);
    expect(fastExp(710)).toBe(Math.exp(710));
    expect(Number.isNaN(fastExp(NaN))).toBe(true);
  });
});
