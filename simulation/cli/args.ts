import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ReplicationPlan } from '../analysis/replications';
import { INTERVAL_FIGURES } from '../analysis/replications';
import type { RunOptions } from '../engine/run-options';
import { parseDurationMs } from '../units/duration';

/** Exit codes: 0 ok, 1 a gate failed (check), 2 bad input (arguments or pipeline file), 3 internal error. */
export const EXIT = { ok: 0, breach: 1, badInput: 2, internal: 3 } as const;

export class UsageError extends Error {}

/** Options every simulating command takes. */
export const RUN_OPTIONS = {
  seed: { type: 'string' },
  duration: { type: 'string' },
  requests: { type: 'string' },
  warmup: { type: 'string' },
  'no-drain': { type: 'boolean' },
  json: { type: 'boolean' },
  replications: { type: 'string' },
  confidence: { type: 'string' },
  until: { type: 'string' },
  workers: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export interface CommonArgs {
  run: RunOptions;
  json: boolean;
  /** null = a single run. */
  plan: ReplicationPlan | null;
  workers: number | null;
  /** --confidence (0.95 when not given): the level of every interval, the default plans of check and report included. */
  confidence: number;
}

type Values = Record<string, string | boolean | string[] | undefined>;

export function parse<const O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  return parseArgs({ args: argv, allowPositionals: true as const, strict: true as const, options });
}

export function commonArgs(values: Values): CommonArgs {
  const str = (k: string) => values[k] as string | undefined;
  if (str('duration') !== undefined && str('requests') !== undefined) throw new UsageError('--duration and --requests are alternatives: give one');
  const run: RunOptions = {};
  if (str('seed') !== undefined) run.seed = integer('--seed', str('seed')!, 0, 2 ** 31 - 1);
  if (str('duration') !== undefined) {
    run.durationMs = duration('--duration', str('duration')!, false);
    run.requests = null;
  }
  if (str('warmup') !== undefined) run.warmupMs = duration('--warmup', str('warmup')!, true);
  if (str('requests') !== undefined) run.requests = integer('--requests', str('requests')!, 1, 1e10);
  if (values['no-drain']) run.drain = false;
  const confidence = str('confidence') !== undefined ? confidenceLevel(str('confidence')!) : 0.95;
  let plan: ReplicationPlan | null = null;
  if (str('until') !== undefined) {
    const target = share('--until', str('until')!);
    plan = { replications: 0, confidence, stopping: { confidence: 0.99, relativeHalfWidth: target, minReplications: 5, maxReplications: str('replications') !== undefined ? integer('--replications', str('replications')!, 5, 1000) : 50, figures: ['p50Ms', 'p95Ms', 'p99Ms', 'costPerQueryUsd'] } };
  } else if (str('replications') !== undefined) {
    plan = { replications: integer('--replications', str('replications')!, 2, 1000), confidence, stopping: null };
  }
  const workers = str('workers') !== undefined ? integer('--workers', str('workers')!, 1, 64) : null;
  // The level of every interval: replications', and the default plans of check and report.
  return { run, json: Boolean(values.json), plan, workers, confidence };
}

export function onePositional(positionals: string[], name: string): string {
  if (positionals.length === 0) throw new UsageError(`missing ${name}`);
  if (positionals.length > 1) throw new UsageError(`expected one ${name}, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0]!;
}

export function integer(flag: string, text: string, min: number, max: number): number {
  const clean = text.replace(/[_,]/g, '');
  const n = /^\d+$/.test(clean) ? Number(clean) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${flag}: got "${text}", expected a whole number from ${min} to ${max.toLocaleString('en-US')}`);
  return n;
}

export function duration(flag: string, text: string, allowZero: boolean): number {
  const ms = parseDurationMs(text);
  if (ms !== undefined && !allowZero && ms <= 0) throw new UsageError(`${flag}: got "${text}", expected a duration longer than 0, such as 90s, 5m or 1h`);
  if (ms === undefined) throw new UsageError(`${flag}: got "${text}", expected a duration such as 90s, 5m, 1h or 1h30m${allowZero ? ' (0 allowed)' : ''}`);
  return ms;
}

/** "3%" or "0.03" → 0.03; "99%" → 0.99. */
/** --confidence: 50 % to 99.9 % (a level of 100 % has no finite interval). */
function confidenceLevel(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(text.trim());
  const v = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(v >= 0.5 && v <= 0.999)) throw new UsageError(`--confidence: got "${text}", expected a level from 50% to 99.9% (e.g. 95% or 0.95)`);
  return v;
}

export function share(flag: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(text.trim());
  const v = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!(v > 0 && v < 1)) throw new UsageError(`${flag}: got "${text}", expected a share between 0 and 1, e.g. 3% or 0.03`);
  return v;
}

/** "1,2,5" → [1, 2, 5] */
export function numberList(flag: string, text: string): number[] {
  const values = text.split(',').map((x) => Number(x.trim()));
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) throw new UsageError(`${flag}: got "${text}", expected numbers separated by commas`);
  return values;
}

export { INTERVAL_FIGURES };
