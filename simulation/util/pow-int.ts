/**
 * base^n for a whole n ≥ 0 by repeated multiplication. JavaScript engines compute `**` and Math.pow
 * with different last bits (Node's V8 and Chromium's disagree), which would make the app's worker and
 * the CLI disagree on a run; a product of the same factors in the same order is the same everywhere.
 */
export function powInt(base: number, n: number): number {
  let result = 1;
  for (let i = 0; i < n; i++) result *= base;
  return result;
}

/** 2^e for a whole e (negative too), exactly: halving and doubling are exact in binary floating point. */
export function pow2(e: number): number {
  return e >= 0 ? powInt(2, e) : 1 / powInt(2, -e);
}
