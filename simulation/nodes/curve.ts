/**
 * Linear interpolation in a table of rows [x, y1, y2, …] ascending in x, clamped at both ends. Used
 * for the editable threshold curves (semantic cache, confidence gate).
 */
export function interpolateCurve(rows: ReadonlyArray<readonly number[]>, x: number): number[] {
  const sorted = [...rows].sort((a, b) => a[0]! - b[0]!);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (x <= first[0]!) return first.slice(1);
  if (x >= last[0]!) return last.slice(1);
  for (let i = 1; i < sorted.length; i++) {
    const hi = sorted[i]!;
    if (x <= hi[0]!) {
      const lo = sorted[i - 1]!;
      const t = (x - lo[0]!) / (hi[0]! - lo[0]! || 1);
      return lo.slice(1).map((v, k) => v + t * (hi[k + 1]! - v));
    }
  }
  return last.slice(1);
}

/** interpolateCurve for a table of [x, a, b] rows: returns [a, b]. */
export function interpolatePair(rows: ReadonlyArray<readonly number[]>, x: number): [number, number] {
  const [a = 0, b = 0] = interpolateCurve(rows, x);
  return [a, b];
}
