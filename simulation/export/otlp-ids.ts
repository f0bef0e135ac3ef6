/**
 * Deterministic OTLP ids: the same run exports the same ids, with no randomness. Each id is a
 * bijective mix (SplitMix64's finaliser, a permutation of 64-bit values) of a structured number, so
 * ids are unique by construction — different requests never share a trace id, and spans of a run
 * never share a span id — while still looking random, as tracing back ends expect.
 */
const MASK = (1n << 64n) - 1n;
const TRACE_SALT = 0x7072_6566_6c69_6768n; // "prefligh"
const SPAN_SALT = 0x7370_616e_6964_7331n; // "spanids1"

/** SplitMix64 finaliser: a bijection on 64-bit values. */
function mix64(x: bigint): bigint {
  let z = (x + 0x9e3779b97f4a7c15n) & MASK;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return z ^ (z >> 31n);
}

function hex64(x: bigint): string {
  return x.toString(16).padStart(16, '0');
}

/** 32 hex characters: the high half depends on the seed alone, the low half is a permutation of the request id. */
export function traceIdHex(seed: number, requestId: number): string {
  const high = mix64(BigInt(seed) ^ TRACE_SALT);
  const low = mix64(BigInt(requestId) ^ high);
  return hex64(high) + hex64(low);
}

/** 16 hex characters, a permutation of (request id · 2¹⁶ + span index) for a given seed; span index < 65,536. */
export function spanIdHex(seed: number, requestId: number, spanIndex: number): string {
  if (!(spanIndex >= 0 && spanIndex < 65_536)) throw new RangeError(`span index must be in [0, 65535], got ${spanIndex}`);
  const key = ((BigInt(requestId) << 16n) | BigInt(spanIndex)) ^ mix64(BigInt(seed) ^ SPAN_SALT);
  return hex64(mix64(key & MASK));
}
