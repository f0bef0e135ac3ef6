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

export function parseSloArg(text: string, flag = '--slo'): SloArg {
  const out: SloArg = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [key, raw] = part.split('=');
    const spec = KEYS[key?.trim() ?? ''];
    if (!spec || raw === undefined) throw new UsageError(`${flag}: got "${part}", expected key=value with key one of ${Object.keys(KEYS).join(', ')} (e.g. p99=5s,ttft=500ms,error=1%)`);
    const value = spec.kind === 'duration' ? parseDurationMs(raw) : parseShare(raw);
    if (value === undefined || !Number.isFinite(value) || value < 0) throw new UsageError(`${flag}: ${key}: got "${raw}", expected ${spec.kind === 'duration' ? 'a duration such as 5s or 500ms' : 'a share such as 1% or 0.01'}`);
    out[spec.field] = value;
  }
  return out;
}

function parseShare(raw: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(raw.trim());
  if (!m) return undefined;
  const v = Number(m[1]) / (m[2] ? 100 : 1);
  return v <= 1 ? v : undefined;
}
