import { parseArgs } from 'node:util';
import { parseDurationMs } from '../units/duration';

/** Exit codes: 0 ok, 1 a gate failed (check), 2 bad input (arguments or pipeline file), 3 internal error. */
export const EXIT = { ok: 0, breach: 1, badInput: 2, internal: 3 } as const;

export class UsageError extends Error {}

export interface RunArgs {
  file: string;
  seed?: number;
  durationMs?: number;
  requests?: number;
  warmupMs?: number;
  drain?: boolean;
  json: boolean;
}

export function parseRunArgs(argv: string[]): RunArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      seed: { type: 'string' },
      duration: { type: 'string' },
      requests: { type: 'string' },
      warmup: { type: 'string' },
      'no-drain': { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const file = onePositional(positionals, '<file>');
  if (values.duration !== undefined && values.requests !== undefined) throw new UsageError('--duration and --requests are alternatives: give one');
  const out: RunArgs = { file, json: values.json ?? false };
  if (values.seed !== undefined) out.seed = integer('--seed', values.seed, 0, 2 ** 31 - 1);
  if (values.duration !== undefined) out.durationMs = duration('--duration', values.duration, false);
  if (values.warmup !== undefined) out.warmupMs = duration('--warmup', values.warmup, true);
  if (values.requests !== undefined) out.requests = integer('--requests', values.requests, 1, 1e10);
  if (values['no-drain']) out.drain = false;
  return out;
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
  if (ms === undefined || (!allowZero && ms <= 0)) throw new UsageError(`${flag}: got "${text}", expected a duration such as 90s, 5m, 1h or 1h30m${allowZero ? ' (0 allowed)' : ''}`);
  return ms;
}
