import type { Catalog } from '../catalog/catalog';
import type { RunOptions } from '../engine/run-options';
import { loadPipeline } from '../model/load';
import type { PipelineDocument } from '../model/document-schema';
import { runPipeline } from '../run';
import type { Headline, RunResults } from '../results/types';
import { getParam, getParamText, setParam, setParamText, type ParamPath } from './param-path';
import { replicationSeed, summarizeReplications, type IntervalFigure } from './replications';
import type { Interval } from './statistics';

export interface SweepAxis {
  path: ParamPath;
  /** The values to try; for a categorical axis, indices into `labels`. */
  values: number[];
  /** A categorical axis (a node's model, a strategy): the texts set at `path`, in order. */
  labels?: string[];
}

export interface SweepPoint {
  values: number[];
  /** With replications: the mean of each interval figure over them (other fields from the first). */
  headline: Headline;
  /** Interval of each headline figure over the replications; null for a single run. */
  intervals: Partial<Record<IntervalFigure, Interval>> | null;
  fixedMonthlyUsd: number;
  variableMonthlyUsd: number;
  /** Validation or run problem at this point (e.g. top_n above top_k), else null. */
  problem: string | null;
}

export interface SweepResult {
  axes: SweepAxis[];
  /** Today's value of each axis (for a categorical axis, its index in labels, −1 when it is not among them). */
  base: number[];
  points: SweepPoint[];
  seed: number;
  /** Runs per point (seeds replicationSeed(seed, 0…n−1), the same at every point) and their confidence. */
  replications: number;
  confidence: number;
}

/** Replications per point: 1 is a single run (no interval). */
export interface SweepPlan {
  replications: number;
  confidence: number;
}

/** The document with each axis set to its value, validated like a file (a what-if can be invalid). */
function variant(doc: PipelineDocument, catalog: Catalog, axes: SweepAxis[], values: number[]): { doc: PipelineDocument; catalog: Catalog } | string {
  let d = doc;
  try {
    axes.forEach((a, i) => (d = a.labels ? setParamText(d, a.path, a.labels[values[i]!]!) : setParam(d, a.path, values[i]!, catalog)));
  } catch (e) {
    return (e as Error).message;
  }
  const loaded = loadPipeline(d, catalog);
  return loaded.ok ? { doc: loaded.doc, catalog: loaded.catalog } : loaded.problems.map((p) => p.message).join('; ');
}

function point(doc: PipelineDocument, catalog: Catalog, axes: SweepAxis[], values: number[], options: RunOptions, plan: SweepPlan = SINGLE_RUN): SweepPoint {
  const v = variant(doc, catalog, axes, values);
  if (typeof v === 'string') return { values, headline: null as unknown as Headline, intervals: null, fixedMonthlyUsd: 0, variableMonthlyUsd: 0, problem: v };
  const seed = options.seed ?? doc.run.seed;
  const runs: RunResults[] = Array.from({ length: Math.max(1, plan.replications) }, (_, i) => runPipeline(v.doc, v.catalog, { ...options, seed: replicationSeed(seed, i), traceSampleRate: 0, traceSlowest: 0, traceFailed: 0 }));
  const r = runs[0]!;
  if (runs.length === 1) return { values, headline: r.headline, intervals: null, fixedMonthlyUsd: r.cost.fixedMonthlyUsd, variableMonthlyUsd: r.cost.variableMonthlyUsd, problem: null };
  const { headline: intervals } = summarizeReplications(runs, plan.confidence);
  const headline = { ...r.headline };
  for (const [key, ci] of Object.entries(intervals) as Array<[IntervalFigure, Interval]>) headline[key] = ci.mean;
  const mean = (f: (x: RunResults) => number) => runs.reduce((s, x) => s + f(x), 0) / runs.length;
  return { values, headline, intervals, fixedMonthlyUsd: r.cost.fixedMonthlyUsd, variableMonthlyUsd: mean((x) => x.cost.variableMonthlyUsd), problem: null };
}

const SINGLE_RUN: SweepPlan = { replications: 1, confidence: 0.95 };

/**
 * Runs every combination of one or two axes with the same seed (common random numbers: the
 * differences between points come from the parameter, not from luck). With replications every point
 * runs the same n seeds, and each figure gets its mean and interval.
 */
export function sweep(doc: PipelineDocument, catalog: Catalog, axes: SweepAxis[], options: RunOptions = {}, plan: SweepPlan = SINGLE_RUN): SweepResult {
  if (axes.length < 1 || axes.length > 2) throw new Error('a sweep has one or two axes');
  const base = axes.map((a) => (a.labels ? a.labels.indexOf(getParamText(doc, a.path)) : getParam(doc, a.path, catalog)));
  const combos: number[][] = axes.length === 1 ? axes[0]!.values.map((v) => [v]) : axes[0]!.values.flatMap((a) => axes[1]!.values.map((b) => [a, b]));
  return { axes, base, seed: options.seed ?? doc.run.seed, replications: Math.max(1, plan.replications), confidence: plan.confidence, points: combos.map((values) => point(doc, catalog, axes, values, options, plan)) };
}

export interface TornadoBar {
  path: ParamPath;
  base: number;
  low: number;
  high: number;
  monthlyCostUsd: { low: number; high: number };
  p99Ms: { low: number; high: number };
  /** |high − low| of monthly cost, the bar length the chart sorts by. */
  costSwingUsd: number;
  p99SwingMs: number;
}

/**
 * One tornado bar: the parameter moved to base × (1 − spread) and base × (1 + spread) with the
 * others at base (integers rounded, never below 0). Two runs, same seed.
 */
export function tornadoBar(doc: PipelineDocument, catalog: Catalog, path: ParamPath, spread = 0.2, options: RunOptions = {}): TornadoBar {
  const base = getParam(doc, path, catalog);
  const isInt = Number.isInteger(base) && !path.endsWith('UsdPerToken');
  const move = (f: number) => (isInt ? Math.max(0, Math.round(base * f)) : base * f);
  const [low, high] = [move(1 - spread), move(1 + spread)];
  const lo = point(doc, catalog, [{ path, values: [low] }], [low], options);
  const hi = point(doc, catalog, [{ path, values: [high] }], [high], options);
  const cost = (p: SweepPoint) => (p.problem ? NaN : p.headline.monthlyCostUsd);
  const p99 = (p: SweepPoint) => (p.problem ? NaN : (p.headline.p99Ms ?? NaN));
  return {
    path,
    base,
    low,
    high,
    monthlyCostUsd: { low: cost(lo), high: cost(hi) },
    p99Ms: { low: p99(lo), high: p99(hi) },
    costSwingUsd: Math.abs(cost(hi) - cost(lo)),
    p99SwingMs: Math.abs(p99(hi) - p99(lo)),
  };
}

/** Bars longest first by their monthly-cost swing (stable; a bar whose runs failed sorts last). */
export function sortTornadoBars(bars: TornadoBar[]): TornadoBar[] {
  return [...bars].sort((a, b) => (b.costSwingUsd || 0) - (a.costSwingUsd || 0));
}

/**
 * One-at-a-time sensitivity: a tornadoBar per parameter, plus the base run's headline; bars sorted
 * by their effect on monthly cost.
 */
export function tornado(doc: PipelineDocument, catalog: Catalog, paths: ParamPath[], spread = 0.2, options: RunOptions = {}): { base: Headline; bars: TornadoBar[]; spread: number } {
  const baseRun = runPipeline(doc, catalog, { ...options, traceSampleRate: 0, traceSlowest: 0, traceFailed: 0 });
  return { base: baseRun.headline, bars: sortTornadoBars(paths.map((path) => tornadoBar(doc, catalog, path, spread, options))), spread };
}

/** Numeric parameters worth sweeping in a document (traffic, prices of models in use, top_k/top_n, max_tokens, cache sizes, routing weights). */
export function sweepableParams(doc: PipelineDocument): ParamPath[] {
  const out: ParamPath[] = ['traffic.rps'];
  for (const n of doc.nodes) {
    const p = n.params as Record<string, unknown>;
    for (const key of ['topK', 'topN', 'maxTokens', 'systemPromptTokens', 'capacityEntries', 'ttlMs', 'hitProbability', 'similarityThreshold', 'errorProbability', 'confidenceThreshold', 'greenShare', 'quality']) {
      if (typeof p[key] === 'number') out.push(`nodes[${n.id}].params.${key}`);
    }
    if (n.kind === 'router') (p.routes as Array<{ name: string }>).forEach((_, i) => out.push(`nodes[${n.id}].params.routes[${i}].weight`));
    // Output prices only where a model writes output: embedding and rerank models bill input alone.
    if (typeof p.model === 'string') out.push(`models[${p.model}].inputUsdPerToken`, ...(n.kind === 'embedding' || n.kind === 'reranker' ? [] : [`models[${p.model}].outputUsdPerToken`]));
  }
  for (const q of doc.quotas) for (const key of ['rpm', 'tpm', 'itpm', 'otpm', 'maxParallelRequests'] as const) if (q[key] !== null) out.push(`quotas[${q.id}].${key}`);
  for (const f of doc.fixedCosts) out.push(`fixedCosts[${f.name}].monthlyUsd`);
  return [...new Set(out)];
}
