/**
 * Powers computed the same way on every JavaScript engine. Engines compute `**` and Math.pow with
 * different last bits (Node's V8 and Chromium's disagree), which would make the app's worker and the
 * CLI disagree on a run; a product of the same factors in the same order is the same everywhere.
 */

/** base^n for a whole n ≥ 0 by repeated multiplication. */
export function powInt(base: number, n: number): number {
  let result = 1;
  for (let i = 0; i < n; i++) result *= base;
  return result;
}

/** 2^e for e = −1022…1023 at POW2[POW2_BIAS + e], built by doubling and halving (both exact). */
export const POW2_BIAS = 1022;
export const POW2 = new Float64Array(2046);
POW2[POW2_BIAS] = 1;
for (let e = 1; e <= 1023; e++) POW2[POW2_BIAS + e] = POW2[POW2_BIAS + e - 1]! * 2;
for (let e = 1; e <= 1022; e++) POW2[POW2_BIAS - e] = POW2[POW2_BIAS - e + 1]! / 2;

/** 2^e for a whole e in −1022…1023, exactly. */
export function pow2(e: number): number {
  return POW2[POW2_BIAS + e]!;
}
