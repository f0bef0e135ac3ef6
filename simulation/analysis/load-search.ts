import type { Catalog } from '../catalog/catalog';
import type { RunOptions } from '../engine/run-options';
import type { PipelineDocument } from '../model/document-schema';
import { RunCancelled, runPipeline } from '../run';
import type { RunResults } from '../results/types';

/** What "sustainable" means for the load search: every set limit must hold. */
export interface LoadCriteria {
  p99Ms?: number | null;
  p95Ms?: number | null;
  ttftP50Ms?: number | null;
  errorRate?: number | null;
  /** 429s ÷ measured requests. */
  rateLimitedShare?: number | null;
}

export interface LoadPoint {
  multiplier: number;
  rps: number;
  p99Ms: number;
  costPerQueryUsd: number;
  errorRate: number;
  rateLimitedShare: number;
  /** Highest peak utilisation of any quota, and which. */
  peakUtilisation: number | null;
  limitingQuota: string | null;
  /** The criteria this point breaks (empty = sustainable). */
  breaks: string[];
}

/**
 * What bounds the load: 'capacity' — a criterion breaks as load grows (queues, quotas, errors);
 * 'latency' — a latency criterion breaks even at a small fraction of the traffic where nothing
 * queues, so no load is sustainable and the pipeline's own latency is what to fix (maxMultiplier 0);
 * 'none' — nothing broke up to the top of the search (1,024×).
 */
export type LoadBound = 'capacity' | 'latency' | 'none';

export interface LoadSearchResult {
  criteria: LoadCriteria;
  baseRps: number;
  bound: LoadBound;
  /** Largest traffic multiplier found sustainable, and the rate it means (0 when latency-bound). */
  maxMultiplier: number;
  maxRps: number;
  /** What broke just above it: the criterion and the busiest quota or slowest node. */
  limitedBy: { criterion: string | null; quota: string | null; node: string | null };
  /** Every point run during the search, by multiplier (the P99 / cost-per-query vs load chart). */
  points: LoadPoint[];
  iterations: number;
  note: string;
}

/** The document with every arrival rate scaled by `k` (pipeline traffic and sources with their own rate). */
export function scaleTraffic(doc: PipelineDocument, k: number): PipelineDocument {
  return {
    ...doc,
    traffic: { ...doc.traffic, rps: doc.traffic.rps * k },
    nodes: doc.nodes.map((n) => (n.kind === 'source' && n.params.rps !== null ? { ...n, params: { ...n.params, rps: n.params.rps * k } } : n)) as PipelineDocument['nodes'],
  };
}

export function evaluateLoad(r: RunResults, k: number, baseRps: number, criteria: LoadCriteria): LoadPoint {
  const rateLimited = r.quotas.reduce((s, q) => s + q.rateLimited, 0);
  const rateLimitedShare = r.outcomes.measured > 0 ? rateLimited / r.outcomes.measured : 0;
  const busiest = [...r.quotas].sort((a, b) => b.peakUtilisation - a.peakUtilisation)[0];
  const breaks: string[] = [];
  const over = (name: string, value: number, limit: number | null | undefined) => {
    if (limit !== null && limit !== undefined && value > limit) breaks.push(name);
  };
  over('p99Ms', r.headline.p99Ms, criteria.p99Ms);
  over('p95Ms', r.headline.p95Ms, criteria.p95Ms);
  over('ttftP50Ms', r.headline.ttftP50Ms, criteria.ttftP50Ms);
  over('errorRate', r.headline.errorRate, criteria.errorRate);
  over('rateLimitedShare', rateLimitedShare, criteria.rateLimitedShare);
  if (r.run.drainCutOff || r.stability.measured.some((m) => m.queueGrowing)) breaks.push('unstable');
  return {
    multiplier: k,
    rps: baseRps * k,
    p99Ms: r.headline.p99Ms,
    costPerQueryUsd: r.headline.costPerQueryUsd,
    errorRate: r.headline.errorRate,
    rateLimitedShare,
    peakUtilisation: busiest?.peakUtilisation ?? null,
    limitingQuota: busiest?.id ?? null,
    breaks,
  };
}

/** Progress of a search: after each run, how many ran and a running estimate of how many it takes. */
export interface LoadSearchStep {
  runs: number;
  estimatedRuns: number;
  point: LoadPoint;
}

export interface LoadSearchHooks {
  onStep?: (step: LoadSearchStep) => void;
  /** Polled before each run; true stops the search with RunCancelled (a worker may also just terminate). */
  isCancelled?: () => boolean;
}

/** Latency criteria: they can break without any load (a slow model is slow when idle). */
const LATENCY_CRITERIA = new Set(['p99Ms', 'p95Ms', 'ttftP50Ms']);
/** The fraction of the traffic at which a latency break counts as the pipeline's own latency. */
export const LATENCY_FLOOR_MULTIPLIER = 1 / 16;
const TOP_MULTIPLIER = 1024;

/**
 * Max sustainable load: bisection on a traffic multiplier until the criteria break. Every run uses the
 * same seed (common random numbers), so neighbouring multipliers differ by the load, not by luck.
 * The search first doubles the multiplier until a run breaks (or 1,024×), then bisects to `tolerance`.
 * When today's traffic already breaks, it halves instead; a latency criterion that still breaks at
 * 1/16 of the traffic (light load, nothing queueing) ends the search as latency-bound, since below
 * that the break is the pipeline's own latency and a smaller and smaller load would only find a run
 * too short for its P99 to mean anything.
 */
export function searchMaxLoad(
  doc: PipelineDocument,
  catalog: Catalog,
  criteria: LoadCriteria,
  options: RunOptions & { tolerance?: number; maxIterations?: number } = {},
  hooks: LoadSearchHooks = {},
): LoadSearchResult {
  const tolerance = options.tolerance ?? 0.02;
  const bisectionRuns = Math.ceil(Math.log2(1 / tolerance));
  const baseRps = doc.traffic.rps;
  const points = new Map<number, LoadPoint>();
  const runs = new Map<number, RunResults>();
  let remaining = 0; // estimate of runs still to come, set by each phase
  const at = (k: number) => {
    if (!points.has(k)) {
      if (hooks.isCancelled?.()) throw new RunCancelled();
      const r = runPipeline(scaleTraffic(doc, k), catalog, { ...options, traceSampleRate: 0, traceSlowest: 0, traceFailed: 0 });
      runs.set(k, r);
      points.set(k, evaluateLoad(r, k, baseRps, criteria));
      hooks.onStep?.({ runs: points.size, estimatedRuns: points.size + Math.max(0, remaining), point: points.get(k)! });
    }
    return points.get(k)!;
  };
  const onlyLatency = (p: LoadPoint) => p.breaks.length > 0 && p.breaks.every((b) => LATENCY_CRITERIA.has(b));
  let lo = 0;
  let hi = 1;
  let iterations = 0;
  const maxIterations = options.maxIterations ?? 40;
  // Bracket: grow until a point breaks.
  remaining = bisectionRuns + 2;
  while (at(hi).breaks.length === 0 && hi < TOP_MULTIPLIER && iterations < maxIterations) {
    lo = hi;
    hi *= 2;
    iterations++;
  }
  if (at(hi).breaks.length === 0) return finish('none', TOP_MULTIPLIER, null, 'no break up to 1,024× the traffic');
  // If even today's traffic breaks, search below 1.
  if (lo === 0) {
    remaining = Math.log2(1 / LATENCY_FLOOR_MULTIPLIER) + bisectionRuns;
    while (hi > 1 / TOP_MULTIPLIER && at(hi).breaks.length > 0 && iterations < maxIterations) {
      if (hi <= LATENCY_FLOOR_MULTIPLIER && onlyLatency(at(hi))) {
        const p = at(hi);
        const what = p.breaks.map(criterionName).join(' and ');
        return finish('latency', 0, hi, `${what} over target even at ${fraction(hi)} of the traffic, where nothing queues: the pipeline's own latency breaks the SLO, not capacity`);
      }
      hi /= 2;
      iterations++;
      remaining--;
    }
    if (at(hi).breaks.length > 0) return finish('capacity', 0, hi, 'breaks even at 1/1,024 of the traffic');
    lo = hi;
    hi *= 2;
  }
  remaining = bisectionRuns;
  while ((hi - lo) / hi > tolerance && iterations < maxIterations) {
    const mid = (lo + hi) / 2;
    remaining = Math.ceil(Math.log2((hi - lo) / hi / tolerance)) - 1;
    if (at(mid).breaks.length === 0) lo = mid;
    else hi = mid;
    iterations++;
  }
  return finish('capacity', lo, hi, `bisection to ${Math.round(tolerance * 100)} % with one seed (common random numbers)`);

  function finish(bound: LoadBound, maxK: number, breakingK: number | null, note: string): LoadSearchResult {
    const broken = breakingK !== null ? points.get(breakingK) : undefined;
    const r = breakingK !== null ? runs.get(breakingK) : undefined;
    const slowest = r ? [...r.nodes].filter((n) => n.latency.count > 0).sort((a, b) => b.latency.p99 - a.latency.p99)[0] : undefined;
    return {
      criteria,
      baseRps,
      bound,
      maxMultiplier: maxK,
      maxRps: baseRps * maxK,
      // Latency-bound: no quota is the limit (at 1/16 of the traffic they idle); the slowest node is.
      limitedBy: { criterion: broken?.breaks[0] ?? null, quota: bound === 'latency' ? null : (broken?.limitingQuota ?? null), node: slowest?.id ?? null },
      points: [...points.values()].sort((a, b) => a.multiplier - b.multiplier),
      iterations,
      note,
    };
  }
}

const CRITERION_NAMES: Record<string, string> = { p99Ms: 'P99', p95Ms: 'P95', ttftP50Ms: 'TTFT P50', errorRate: 'error rate', rateLimitedShare: '429 share', unstable: 'queue growth' };
const criterionName = (c: string) => CRITERION_NAMES[c] ?? c;
/** 1/16, 1/32 … for powers of two; else a decimal. */
const fraction = (k: number) => (Number.isInteger(1 / k) ? `1/${1 / k}` : `${Number(k.toPrecision(3))}×`);

/** P99, cost per query, errors and utilisation at chosen multipliers of the traffic (one seed for all). */
export function loadCurve(doc: PipelineDocument, catalog: Catalog, multipliers: number[], criteria: LoadCriteria, options: RunOptions = {}): LoadPoint[] {
  return multipliers.map((k) => evaluateLoad(runPipeline(scaleTraffic(doc, k), catalog, { ...options, traceSampleRate: 0, traceSlowest: 0, traceFailed: 0 }), k, doc.traffic.rps, criteria));
}
