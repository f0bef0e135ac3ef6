import type { Catalog } from '../catalog/catalog';
import type { RunOptions } from '../engine/run-options';
import type { PipelineDocument } from '../model/document-schema';
import { RunCancelled, runPipeline } from '../run';
import type { RunResults } from '../results/types';
import { replicationSeed } from './replications';
import { meanInterval } from './statistics';

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
  /** Null when no request was served at this load (it breaks any latency criterion). */
  p99Ms: number | null;
  costPerQueryUsd: number;
  /** Cost per answer users received (failed queries' spend spread over the served ones); null when none was served. */
  costPerServedQueryUsd: number | null;
  errorRate: number;
  rateLimitedShare: number;
  /** Highest peak utilisation of any quota, and which. */
  peakUtilisation: number | null;
  limitingQuota: string | null;
  /** The criteria this point breaks (empty = sustainable); with replications, judged on the means. */
  breaks: string[];
  /** Runs behind the point (seeds as replications use them), and the half-widths of its P99 and cost per query (null for one run). */
  replications: number;
  p99HalfWidthMs: number | null;
  costPerQueryHalfWidthUsd: number | null;
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
  /**
   * Today's load: the arrival rate measured at 1× (requests/s over the measured window, the mean of
   * the replications), i.e. the file's traffic.rps through its time-of-day curve, not traffic.rps
   * itself. Every rate of the search (points, maxRps) is this times its multiplier.
   */
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
  /** Runs per point (replications with their own seeds; 1 = one seed) and the confidence of their half-widths. */
  replications: number;
  confidence: number;
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
  const figures = { p99Ms: r.headline.p99Ms, p95Ms: r.headline.p95Ms, ttftP50Ms: r.headline.ttftP50Ms, errorRate: r.headline.errorRate, rateLimitedShare };
  return {
    multiplier: k,
    rps: baseRps * k,
    p99Ms: r.headline.p99Ms,
    costPerQueryUsd: r.headline.costPerQueryUsd,
    costPerServedQueryUsd: r.cost.perServedQueryUsd,
    errorRate: r.headline.errorRate,
    rateLimitedShare,
    peakUtilisation: busiest?.peakUtilisation ?? null,
    limitingQuota: busiest?.id ?? null,
    breaks: breaksOf(figures, criteria, r.run.drainCutOff || r.stability.measured.some((m) => m.queueGrowing)),
    replications: 1,
    p99HalfWidthMs: null,
    costPerQueryHalfWidthUsd: null,
  };
}

/** The criteria `figures` break, plus 'unstable' when a queue kept growing or the drain was cut off. */
function breaksOf(figures: Record<'p99Ms' | 'p95Ms' | 'ttftP50Ms' | 'errorRate' | 'rateLimitedShare', number | null>, criteria: LoadCriteria, unstable: boolean): string[] {
  const breaks: string[] = [];
  for (const name of ['p99Ms', 'p95Ms', 'ttftP50Ms', 'errorRate', 'rateLimitedShare'] as const) {
    const limit = criteria[name];
    // A latency of null (nothing served) meets no latency target.
    if (limit !== null && limit !== undefined && (figures[name] ?? Infinity) > limit) breaks.push(name);
  }
  if (unstable) breaks.push('unstable');
  return breaks;
}

/**
 * One load point from replications at the same multiplier: the figures are their means, the criteria
 * are judged on the means (a queue growing in any replication still counts as unstable), and P99 and
 * cost per query carry Student-t half-widths.
 */
export function evaluateReplicatedLoad(runs: RunResults[], k: number, baseRps: number, criteria: LoadCriteria, confidence: number): LoadPoint {
  const each = runs.map((r) => evaluateLoad(r, k, baseRps, criteria));
  if (each.length === 1) return each[0]!;
  const mean = (values: number[]) => values.reduce((s, x) => s + x, 0) / values.length;
  const p99s = each.map((p) => p.p99Ms);
  // A replication that served nothing has no P99: the point then has none either (and breaks P99).
  const p99 = p99s.every((v): v is number => v !== null) ? meanInterval(p99s, confidence) : null;
  const nullableMean = (values: Array<number | null>) => (values.every((v): v is number => v !== null) ? mean(values) : null);
  const cost = meanInterval(each.map((p) => p.costPerQueryUsd), confidence);
  const peaks = each.map((p) => p.peakUtilisation).filter((u): u is number => u !== null);
  const figures = {
    p99Ms: p99?.mean ?? null,
    p95Ms: nullableMean(runs.map((r) => r.headline.p95Ms)),
    ttftP50Ms: nullableMean(runs.map((r) => r.headline.ttftP50Ms)),
    errorRate: mean(each.map((p) => p.errorRate)),
    rateLimitedShare: mean(each.map((p) => p.rateLimitedShare)),
  };
  const unstable = each.some((p) => p.breaks.includes('unstable'));
  return {
    ...each[0]!,
    p99Ms: p99?.mean ?? null,
    costPerQueryUsd: cost.mean,
    costPerServedQueryUsd: each.every((p) => p.costPerServedQueryUsd !== null) ? mean(each.map((p) => p.costPerServedQueryUsd!)) : null,
    errorRate: figures.errorRate,
    rateLimitedShare: figures.rateLimitedShare,
    peakUtilisation: peaks.length ? mean(peaks) : null,
    breaks: breaksOf(figures, criteria, unstable),
    replications: each.length,
    p99HalfWidthMs: p99?.halfWidth ?? null,
    costPerQueryHalfWidthUsd: cost.halfWidth,
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

/** How a criterion (or the queue-growth break) reads: "429s per request", not rateLimitedShare. */
export const CRITERION_LABELS: Readonly<Record<string, string>> = { p99Ms: 'P99 latency', p95Ms: 'P95 latency', ttftP50Ms: 'TTFT P50', errorRate: 'error rate', rateLimitedShare: '429s per request', unstable: 'queue growth' };

export function criterionLabel(key: string): string {
  return CRITERION_LABELS[key] ?? key;
}

/**
 * Why the guide's monthly capacity (TPM × 43,200 × 0.7 ÷ tokens per query) and the max sustainable
 * load disagree, in words with the numbers: the formula assumes an even 70 % all month, while the run's
 * busiest hour arrives at `peakToMean` × the month's mean rate and meets the limit first.
 */
export function capacityReconciliation(search: Pick<LoadSearchResult, 'maxMultiplier' | 'baseRps' | 'bound'>, monthlyQueries: number, quota: { id: string; monthlyQueryCapacity: number | null } | null): string | null {
  if (!quota || quota.monthlyQueryCapacity === null || search.bound !== 'capacity' || monthlyQueries <= 0) return null;
  const atMax = search.maxMultiplier * monthlyQueries;
  const meanRps = monthlyQueries / 2_592_000;
  const peakToMean = search.baseRps / meanRps;
  const m = (n: number) => `${(n / 1e6).toFixed(1)}M`;
  return `Two ceilings: the guide's monthly capacity of ${quota.id} is ${m(quota.monthlyQueryCapacity)} queries (70 % of its limit, evenly all month); the max sustainable load is ${Number(search.maxMultiplier.toPrecision(3))}× today ≈ ${m(atMax)} queries a month${atMax < quota.monthlyQueryCapacity ? `, lower because the run's window arrives at ${Number(peakToMean.toPrecision(3))}× the month's mean rate (${Number(search.baseRps.toPrecision(3))} vs ${Number(meanRps.toPrecision(3))} req/s) and its busiest minutes meet the limit first` : ''}. Plan on the lower one.`;
}
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
  options: RunOptions & { tolerance?: number; maxIterations?: number; replications?: number; confidence?: number } = {},
  hooks: LoadSearchHooks = {},
): LoadSearchResult {
  const tolerance = options.tolerance ?? 0.02;
  const replications = Math.max(1, Math.floor(options.replications ?? 1));
  const confidence = options.confidence ?? 0.95;
  // Replication i runs with the same seed at every multiplier: common random numbers per replication.
  const seeds = Array.from({ length: replications }, (_, i) => replicationSeed(options.seed ?? doc.run.seed, i));
  const bisectionRuns = Math.ceil(Math.log2(1 / tolerance));
  // Set by the first point the search runs (1×): the rate that arrived, in the unit the run reports.
  let baseRps = Number.NaN;
  const points = new Map<number, LoadPoint>();
  const runs = new Map<number, RunResults>();
  let remaining = 0; // estimate of runs still to come, set by each phase
  const at = (k: number) => {
    if (!points.has(k)) {
      if (hooks.isCancelled?.()) throw new RunCancelled();
      const scaled = scaleTraffic(doc, k);
      const replicated = seeds.map((seed) => {
        if (hooks.isCancelled?.()) throw new RunCancelled();
        return runPipeline(scaled, catalog, { ...options, seed, traceSampleRate: 0, traceSlowest: 0, traceFailed: 0 });
      });
      runs.set(k, replicated[0]!);
      if (Number.isNaN(baseRps)) baseRps = replicated.reduce((s, r) => s + r.run.measuredRps, 0) / replicated.length / k;
      points.set(k, evaluateReplicatedLoad(replicated, k, baseRps, criteria, confidence));
      hooks.onStep?.({ runs: points.size * replications, estimatedRuns: (points.size + Math.max(0, remaining)) * replications, point: points.get(k)! });
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
  return finish('capacity', lo, hi, `bisection to ${Math.round(tolerance * 100)} % with ${replications === 1 ? 'one seed' : `the means of ${replications} replications per point, each replication with its own seed at every load`} (common random numbers)`);

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
      replications,
      confidence,
      note,
    };
  }
}

const CRITERION_NAMES: Record<string, string> = { p99Ms: 'P99', p95Ms: 'P95', ttftP50Ms: 'TTFT P50', errorRate: 'error rate', rateLimitedShare: '429s per request', unstable: 'queue growth' };
const criterionName = (c: string) => CRITERION_NAMES[c] ?? c;
/** 1/16, 1/32 … for powers of two; else a decimal. */
const fraction = (k: number) => (Number.isInteger(1 / k) ? `1/${1 / k}` : `${Number(k.toPrecision(3))}×`);

/** P99, cost per query, errors and utilisation at chosen multipliers of the traffic (one seed for all). */
export function loadCurve(doc: PipelineDocument, catalog: Catalog, multipliers: number[], criteria: LoadCriteria, options: RunOptions = {}): LoadPoint[] {
  return multipliers.map((k) => evaluateLoad(runPipeline(scaleTraffic(doc, k), catalog, { ...options, traceSampleRate: 0, traceSlowest: 0, traceFailed: 0 }), k, doc.traffic.rps, criteria));
}
