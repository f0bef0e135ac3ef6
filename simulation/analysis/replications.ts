import seedrandom from 'seedrandom';
import type { Catalog } from '../catalog/catalog';
import type { RunOptions } from '../engine/run-options';
import type { PipelineDocument } from '../model/document-schema';
import { runPipeline, type RunHooks } from '../run';
import type { Headline, RunResults } from '../results/types';
import { meanInterval, type Interval } from './statistics';

/** Headline figures that get confidence intervals (null-valued ones, e.g. no cache, are skipped). */
export const INTERVAL_FIGURES = ['p50Ms', 'p95Ms', 'p99Ms', 'ttftP50Ms', 'ttftP95Ms', 'errorRate', 'availability', 'costPerQueryUsd', 'monthlyCostUsd', 'cacheHitRate', 'peakQuotaUtilisation', 'throughputRps'] as const satisfies ReadonlyArray<keyof Headline>;
export type IntervalFigure = (typeof INTERVAL_FIGURES)[number];

/** JMT's default stopping rule: 99 % confidence, 3 % relative half-width. */
export const JMT_STOPPING = { confidence: 0.99, relativeHalfWidth: 0.03 };

export interface ReplicationPlan {
  /** Fixed number of replications (ignored when `stopping` is set). */
  replications: number;
  /** Confidence level of the intervals reported. */
  confidence: number;
  /**
   * Optional stopping rule: add replications until every figure in `figures` has a relative
   * half-width ≤ `relativeHalfWidth` at `confidence`, between min and max replications.
   */
  stopping: { confidence: number; relativeHalfWidth: number; minReplications: number; maxReplications: number; figures: IntervalFigure[] } | null;
}

export const DEFAULT_PLAN: ReplicationPlan = { replications: 10, confidence: 0.95, stopping: null };

export interface ReplicatedResults {
  /** Replication i ran with seeds[i]; every figure below is computed from these runs in this order. */
  seeds: number[];
  /** Confidence level of the intervals (0.95 = 95 %). */
  confidence: number;
  /** Interval of each headline figure across replications. */
  headline: Partial<Record<IntervalFigure, Interval>>;
  /** Whether the stopping rule was met (null without a rule). */
  stoppingMet: boolean | null;
  /** The per-replication headline figures (for charts and reports). */
  samples: Array<Headline>;
  /** The first replication in full (charts, per-node figures, series). */
  representative: RunResults;
}

/**
 * Seed of replication i: derived from the run seed by a seeded generator, so replications are
 * independent of each other yet the same for everyone who runs the same file and seed.
 */
export function replicationSeed(runSeed: number, index: number): number {
  if (index === 0) return runSeed;
  return Math.floor(seedrandom(`preflight/replication/${runSeed}/${index}`)() * 2 ** 31);
}

/** Figures and intervals from replications given in seed order (works for sequential and parallel runs alike). */
export function summarizeReplications(runs: RunResults[], confidence: number): Omit<ReplicatedResults, 'stoppingMet'> {
  const headline: Partial<Record<IntervalFigure, Interval>> = {};
  for (const f of INTERVAL_FIGURES) {
    const values = runs.map((r) => r.headline[f]);
    if (values.some((v) => v === null)) continue;
    headline[f] = meanInterval(values as number[], confidence);
  }
  return { seeds: runs.map((r) => r.run.seed), confidence, headline, samples: runs.map((r) => r.headline), representative: runs[0]! };
}

/** Whether the first `n` runs satisfy the stopping rule. */
export function stoppingRuleMet(runs: RunResults[], rule: NonNullable<ReplicationPlan['stopping']>): boolean {
  if (runs.length < Math.max(2, rule.minReplications)) return false;
  return rule.figures.every((f) => {
    const values = runs.map((r) => r.headline[f]);
    if (values.some((v) => v === null)) return true;
    return meanInterval(values as number[], rule.confidence).relativeHalfWidth <= rule.relativeHalfWidth;
  });
}

/**
 * Picks the replications a plan keeps from runs done in seed order: all of a fixed plan, or the
 * shortest prefix meeting the stopping rule. Parallel runners compute in batches and call this, so
 * their result is the same as running one replication after another.
 */
export function acceptReplications(runs: RunResults[], plan: ReplicationPlan): { kept: RunResults[]; done: boolean; met: boolean | null } {
  if (!plan.stopping) return { kept: runs.slice(0, plan.replications), done: runs.length >= plan.replications, met: null };
  const rule = plan.stopping;
  for (let n = Math.max(2, rule.minReplications); n <= Math.min(runs.length, rule.maxReplications); n++) {
    if (stoppingRuleMet(runs.slice(0, n), rule)) return { kept: runs.slice(0, n), done: true, met: true };
  }
  const done = runs.length >= rule.maxReplications;
  return { kept: runs.slice(0, Math.min(runs.length, rule.maxReplications)), done, met: done ? false : null };
}

/** Runs replications one after another (the CLI and app use parallel workers with the same result). */
export function runReplications(doc: PipelineDocument, catalog: Catalog, options: RunOptions, plan: ReplicationPlan, hooks: RunHooks = {}): ReplicatedResults {
  const base = options.seed ?? doc.run.seed;
  const runs: RunResults[] = [];
  for (let i = 0; ; i++) {
    runs.push(runPipeline(doc, catalog, { ...options, seed: replicationSeed(base, i) }, hooks));
    const accepted = acceptReplications(runs, plan);
    if (accepted.done) return { ...summarizeReplications(accepted.kept, plan.confidence), stoppingMet: accepted.met };
  }
}
