import { describe, expect, it } from 'vitest';
import { formatUsd } from '../../simulation/units/format';

describe('formatUsd', () => {
  it('one rule per magnitude, never exponent notation, so a column reads alike', () => {
    expect([0, 6e-7, 3.4e-6, 0.0024, 0.6, 0.1234, 3.6, 99.994].map(formatUsd)).toEqual(['$0', '$0.0000006', '$0.0000034', '$0.0024', '$0.60', '$0.1234', '$3.60', '$99.99']);
    // From $100 whole dollars: $500 next to $1,200, not $500.00.
    expect([500, 909.06, 1200, 26_851.3].map(formatUsd)).toEqual(['$500', '$909', '$1,200', '$26,851']);
  });

  it('a negative amount puts the minus sign before the currency, by the same rules', () => {
    expect([-23_256.4, -5.5, -0.0024].map(formatUsd)).toEqual(['−$23,256', '−$5.50', '−$0.0024']);
  });
});
