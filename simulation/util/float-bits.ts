/**
 * The high 32 bits of a float64 (sign, 11 exponent bits, top 20 mantissa bits): log-linear histogram
 * buckets are read straight from them, with no logarithm.
 */
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** Index of the high word in U32 (little- or big-endian hosts). */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export function highWord(value: number): number {
  F64[0] = value;
  return U32[HIGH]!;
}
