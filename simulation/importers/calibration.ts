import type { PipelineDocument } from '../model/document-schema';
import type { CallObservation, ObservationSet } from './calibration-observations';
import { fitLognormal, MIN_FIT_SAMPLES, type LognormalFit } from './lognormal-fit';

/**
 * Calibration: per-model latency and token distributions fitted from measured calls (SEMANTICS §3),
 * and the "one click" that puts a fit into an LLM node.
 *
 * What is fitted, per model, from successful calls:
 *  - TTFT = first token − start, from calls that were not answered by the proxy's response cache (a
 *    cache hit's latency is the cache's) and that recorded a first-token time (streamed calls);
 *  - time per output token = (end − first token) ÷ output tokens, the node's own model
 *    (latency = TTFT + output tokens × time per token);
 *  - input and output tokens, from every successful call (a cached answer has the model's length).
 * Failed calls and cache hits are counted and reported, never fitted.
 */
export interface ModelCalibration {
  model: string;
  calls: number;
  failed: number;
  cacheHits: number;
  /** Cache hits ÷ successful calls. */
  cacheHitShare: number;
  ttftMs: LognormalFit | null;
  timePerOutputTokenMs: LognormalFit | null;
  inputTokens: LognormalFit | null;
  outputTokens: LognormalFit | null;
  /** What was left out of which fit, and fits that could not be made. */
  notes: string[];
}

export interface CalibrationReport {
  format: ObservationSet['format'];
  models: ModelCalibration[];
  skipped: ObservationSet['skipped'];
  notes: string[];
}

export function fitCalibration(set: ObservationSet): CalibrationReport {
  const byModel = new Map<string, CallObservation[]>();
  for (const o of set.observations) byModel.set(o.model, [...(byModel.get(o.model) ?? []), o]);
  const models = [...byModel.entries()].map(([model, calls]) => calibrateModel(model, calls)).sort((a, b) => b.calls - a.calls || a.model.localeCompare(b.model));
  const notes = [...set.notes, `${plural(set.observations.length, 'call')} of ${plural(models.length, 'model')} read; ${plural(set.skipped.length, 'record')} skipped (each with its reason).`];
  return { format: set.format, models, skipped: set.skipped, notes };
}

function calibrateModel(model: string, calls: CallObservation[]): ModelCalibration {
  const notes: string[] = [];
  const ok = calls.filter((c) => c.ok);
  const cacheHits = ok.filter((c) => c.cacheHit).length;
  const latencyCalls = ok.filter((c) => !c.cacheHit);
  const timed = latencyCalls.filter((c) => c.ttftMs !== null);
  if (calls.length > ok.length) notes.push(`${calls.length - ok.length} failed calls left out of every fit.`);
  if (cacheHits) notes.push(`${cacheHits} cache hits left out of the latency fits (their latency is the cache's).`);
  if (timed.length < latencyCalls.length) notes.push(`${latencyCalls.length - timed.length} calls without a first-token time (not streamed, or not recorded) left out of TTFT and time per output token.`);
  const tpot = timed.flatMap((c) => (c.outputTokens !== null && c.outputTokens >= 1 ? [(c.durationMs - c.ttftMs!) / c.outputTokens] : []));
  return {
    model,
    calls: calls.length,
    failed: calls.length - ok.length,
    cacheHits,
    cacheHitShare: ok.length ? cacheHits / ok.length : 0,
    ttftMs: fit('TTFT', timed.map((c) => c.ttftMs!), notes),
    timePerOutputTokenMs: fit('time per output token', tpot, notes),
    inputTokens: fit('input tokens', ok.flatMap((c) => (c.inputTokens === null ? [] : [c.inputTokens])), notes),
    outputTokens: fit('output tokens', ok.flatMap((c) => (c.outputTokens === null ? [] : [c.outputTokens])), notes),
    notes,
  };
}

/** A lognormal needs values > 0: zeros are counted and left out; too few values give no fit, with a note. */
function fit(what: string, values: number[], notes: string[]): LognormalFit | null {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length < values.length) notes.push(`${what}: ${values.length - positive.length} values ≤ 0 left out (a lognormal needs positive values).`);
  if (positive.length < MIN_FIT_SAMPLES) {
    notes.push(`${what}: ${positive.length} usable values; at least ${MIN_FIT_SAMPLES} are needed for a fit.`);
    return null;
  }
  return fitLognormal(positive);
}

export interface ApplyCalibrationOptions {
  /** The fitted lognormal (default) or the sample's empirical quantiles. */
  use?: 'lognormal' | 'empirical';
  /** Also set the node's output tokens from the fit (otherwise the query class's stay in charge). */
  outputTokens?: boolean;
  /**
   * 'measured' (default): the fitted TTFT already contains prefill at the measured prompt lengths, so
   * the node's extra TTFT per 1K input tokens is set to 0 to avoid counting it twice. 'keep' leaves it.
   */
  prefill?: 'measured' | 'keep';
}

/**
 * Returns a copy of `doc` whose LLM node `nodeId` uses the calibrated TTFT and time per output token
 * (and output tokens when asked): the app's one-click "apply". The input document is not changed.
 */
export function applyCalibration(doc: PipelineDocument, nodeId: string, calibration: ModelCalibration, opts: ApplyCalibrationOptions = {}): PipelineDocument {
  const index = doc.nodes.findIndex((n) => n.id === nodeId);
  if (index < 0) throw new Error(`no node '${nodeId}'; nodes are: ${doc.nodes.map((n) => n.id).join(', ')}`);
  const node = doc.nodes[index]!;
  if (node.kind !== 'llm') throw new Error(`node '${nodeId}' is ${/^[aeiou]/.test(node.kind) ? 'an' : 'a'} ${node.kind} node; calibration sets the TTFT and time per output token of an LLM node`);
  const pick = (f: LognormalFit | null) => (f === null ? null : opts.use === 'empirical' ? f.empirical : f.lognormal);
  const ttft = pick(calibration.ttftMs);
  const tpot = pick(calibration.timePerOutputTokenMs);
  const output = opts.outputTokens ? pick(calibration.outputTokens) : null;
  if (ttft === null && tpot === null && output === null) {
    throw new Error(`the calibration of '${calibration.model}' has no TTFT or time-per-token fit to apply (${calibration.notes.join(' ') || 'no data'})`);
  }
  if (opts.outputTokens && output === null) throw new Error(`the calibration of '${calibration.model}' has no output-token fit to apply`);
  const copy = JSON.parse(JSON.stringify(doc)) as PipelineDocument;
  const params = copy.nodes[index]!.params as Record<string, unknown>;
  if (ttft) {
    params.ttftMs = ttft;
    if ((opts.prefill ?? 'measured') === 'measured') params.ttftMsPer1kInputTokens = 0;
  }
  if (tpot) params.timePerOutputTokenMs = tpot;
  if (output) params.outputTokens = output;
  return copy;
}

const plural = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
