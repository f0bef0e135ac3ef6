import type { DistributionSpec } from '../../../../simulation/index';

const nice = (x: number) => Number(x.toPrecision(3));

/** A representative value of a distribution (its median or mean), to carry over when switching type. */
export function centreOf(d: unknown): number | null {
  if (!d || typeof d !== 'object') return null;
  const s = d as Partial<Record<string, unknown>>;
  const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : null);
  switch (s.type) {
    case 'constant':
      return num('value');
    case 'exponential':
      return num('mean');
    case 'uniform':
    case 'uniformInt': {
      const lo = num('min');
      const hi = num('max');
      return lo !== null && hi !== null ? (lo + hi) / 2 : null;
    }
    case 'lognormal':
      return num('median');
    case 'pareto': {
      const scale = num('scale');
      return scale !== null ? scale * 2 : null;
    }
    case 'empirical': {
      const q = Array.isArray(s.quantiles) ? (s.quantiles as Array<[number, number]>) : [];
      return q[Math.floor(q.length / 2)]?.[1] ?? null;
    }
    default:
      return null;
  }
}

/**
 * The same centre in another shape, so switching "constant 450" to lognormal gives
 * "median 450, p99 1,350" rather than an empty, invalid form.
 */
export function convertDistribution(current: unknown, type: string, fallback: number): DistributionSpec | null {
  const m = centreOf(current) || fallback || 1;
  switch (type) {
    case 'constant':
      return { type, value: nice(m) };
    case 'exponential':
      return { type, mean: nice(m) };
    case 'uniform':
      return { type, min: nice(m * 0.5), max: nice(m * 1.5) };
    case 'uniformInt':
      return { type, min: Math.floor(m * 0.5), max: Math.max(Math.ceil(m * 1.5), Math.floor(m * 0.5)) };
    case 'lognormal':
      return { type, median: nice(m), p99: nice(m * 3) };
    case 'empirical':
      return { type, quantiles: [[0, nice(m * 0.5)], [0.5, nice(m)], [1, nice(m * 2)]] };
    case 'pareto':
      return { type, scale: nice(m / 2), shape: 2 };
    default:
      return null;
  }
}
