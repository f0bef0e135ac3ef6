import { RunSchema } from '../../simulation/index';
import type { Command } from '../stores/document/commands';
import type { EditableDocument } from '../stores/document/editable-document';
import { setOp, type JsonOp } from '../stores/document/json-ops';

export interface RunSettings {
  seed: number;
  durationMs: number;
  requests: number | null;
  warmupMs: number;
}

/** The document's run settings with defaults filled in (what a run will use). */
export function effectiveRunSettings(doc: EditableDocument): RunSettings {
  const parsed = RunSchema.safeParse(doc.run ?? {});
  const defaults = RunSchema.parse({});
  const run = parsed.success ? parsed.data : defaults;
  return { seed: run.seed, durationMs: run.durationMs, requests: run.requests, warmupMs: run.warmupMs };
}

function command(label: string, ops: Array<JsonOp | null>): Command | null {
  const real = ops.filter((op): op is JsonOp => op !== null);
  return real.length ? { label, ops: real } : null;
}

export function setSeed(doc: EditableDocument, seed: number): Command | null {
  return command(`Seed ${seed}`, [setOp(doc, ['run', 'seed'], seed)]);
}

/** Runs for a simulated duration (and clears a request limit, which would win over it). */
export function setDuration(doc: EditableDocument, durationMs: number): Command | null {
  return command('Run duration', [setOp(doc, ['run', 'durationMs'], durationMs), setOp(doc, ['run', 'requests'], undefined)]);
}

/** Runs until this many measured requests have arrived. */
export function setRequestLimit(doc: EditableDocument, requests: number): Command | null {
  return command(`Run ${requests.toLocaleString('en-US')} requests`, [setOp(doc, ['run', 'requests'], requests)]);
}
