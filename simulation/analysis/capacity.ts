import { MINUTES_PER_MONTH } from '../units/duration';

/**
 * The guide's capacity model: monthly capacity = available TPM × minutes per month (43,200) ×
 * target utilisation. Example: 100,000 × 43,200 × 0.7 = 3.02 B tokens ≈ 2 M queries at 1,500 tokens.
 */
export const DEFAULT_TARGET_UTILISATION = 0.7;

export function monthlyTokenCapacity(tokensPerMinute: number, targetUtilisation = DEFAULT_TARGET_UTILISATION): number {
  return tokensPerMinute * MINUTES_PER_MONTH * targetUtilisation;
}

export function monthlyQueryCapacity(tokensPerMinute: number, tokensPerQuery: number, targetUtilisation = DEFAULT_TARGET_UTILISATION): number {
  return tokensPerQuery > 0 ? monthlyTokenCapacity(tokensPerMinute, targetUtilisation) / tokensPerQuery : Infinity;
}
