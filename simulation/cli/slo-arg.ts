import { parseDurationMs } from '../units/duration';
import { UsageError } from './args';

/** Targets given on the command line: `p99=5s,ttft=500ms,error=1%`. */
export interface SloArg {
  p50Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  ttftMs?: number;
  errorRate?: number;
  availability?: number;
  rateLimitedShare?: number;
  cacheHitRate?: number;
  rateLimitUtilisation?: number;
}

const KEYS: Record<string, { field: keyof SloArg; kind: 'duration' | 'share' }> = {
  p50: { field: 'p50Ms', kind: 'duration' },
  p95: { field: 'p95Ms', kind: 'duration' },
  p99: { field: 'p99Ms', kind: 'duration' },
  ttft: { field: 'ttftMs', kind: 'duration' },
  error: { field: 'errorRate', kind: 'share' },
  availability: { field: 'availability', kind: 'share' },
  '429': { field: 'rateLimitedShare', kind: 'share' },
  cache: { field: 'cacheHitRate', kind: 'share' },
  quota: { field: 'rateLimitUtilisation', kind: 'share' },
};

/** The keys each command gates or searches on: a key it would ignore is refused, not dropped in silence. */
export const CHECK_SLO_KEYS = ['p50', 'p95', 'p99', 'ttft', 'error', 'availability', 'cache', 'quota'] as const;
export const CAPACITY_SLO_KEYS = ['p95', 'p99', 'ttft', 'error', '429'] as const;

/**
 * A gate must never be switched off by a typo, so what is ambiguous is refused: a share written as a
 * bare number of 1 or more (error=1 would be 100 %), a duration of 0, a key given twice, or a key the
 * command does not use.
 */
export function parseSloArg(text: string, flag = '--slo', allowed: readonly string[] = Object.keys(KEYS)): SloArg {
  const out: SloArg = {};
  const seen = new Set<string>();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const pieces = part.split('=');
    if (pieces.length > 2) throw new UsageError(`${flag}: got "${part}", expected one key=value (separate targets with commas)`);
    const [rawKey, raw] = pieces;
    const key = rawKey?.trim() ?? '';
    const spec = KEYS[key];
    if (!spec || raw === undefined || !allowed.includes(key)) throw new UsageError(`${flag}: got "${part}", expected key=value with key one of ${allowed.join(', ')} (e.g. ${allowed.includes('ttft') ? 'p99=5s,ttft=500ms,error=1%' : 'p99=5s,error=1%,429=1%'})`);
    if (seen.has(key)) throw new UsageError(`${flag}: ${key} is given twice; give each target once`);
    seen.add(key);
    const value = spec.kind === 'duration' ? parseDurationMs(raw) : parseShare(raw);
    const bare = /^\s*\d+(\.\d+)?\s*$/.test(raw);
    if (spec.kind === 'share' && bare && Number(raw) >= 1) {
      // A floor (availability, cache hit rate) of 1 would be 100 %, which its strict gate never meets.
      if (LOWER_BOUND.has(key)) throw new UsageError(`${flag}: ${key}: got "${raw}": a bare number is a share from 0 to 1, so ${raw} would mean ${Number(raw) * 100} %, which '${key} > target' can never meet; give the lowest share you accept, e.g. 99.9%`);
      throw new UsageError(`${flag}: ${key}: got "${raw}": a bare number is a share from 0 to 1 (0.01 = 1 %), so ${raw} would mean ${Number(raw) * 100} %; write ${raw}% for ${raw} percent`);
    }
    // A bare duration would be read as seconds (p99=500 is 8.3 min): a gate needs its unit.
    if (spec.kind === 'duration' && bare) throw new UsageError(`${flag}: ${key}: got "${raw}", expected a duration with its unit, such as ${raw}ms or ${raw}s`);
    if (value === undefined || !Number.isFinite(value) || value < 0 || (spec.kind === 'duration' && value === 0)) throw new UsageError(`${flag}: ${key}: got "${raw}", expected ${spec.kind === 'duration' ? 'a duration above 0 such as 5s or 500ms' : 'a share such as 1% or 0.01'}`);
    // A target the gate's strict comparison can never meet would fail every run.
    if (spec.kind === 'share' && LOWER_BOUND.has(key) ? value! >= 1 : spec.kind === 'share' && value === 0) throw new UsageError(`${flag}: ${key}=${raw} can never be met: the gate is ${LOWER_BOUND.has(key) ? `'${key} > target'; give the lowest share you accept, e.g. 99.9%` : `'${key} < target'; give the largest share you accept, e.g. 0.1%`}`);
    out[spec.field] = value;
  }
  return out;
}

/** Keys whose gate is a floor (the figure must stay above the target). */
const LOWER_BOUND = new Set(['availability', 'cache']);

function parseShare(raw: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(raw.trim());
  if (!m) return undefined;
  const v = Number(m[1]) / (m[2] ? 100 : 1);
  return v <= 1 ? v : undefined;
}
