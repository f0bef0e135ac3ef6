import type { Catalog } from '../catalog/catalog';
import type { RunOptions } from '../engine/run-options';
import type { PipelineDocument } from '../model/document-schema';
import { runPipeline } from '../run';
import type { RunResults } from '../results/types';
import { replicationSeed } from './replications';
import { levelRoi, type LevelEconomics, type LevelRoiWithIntervals, type RoiAssumptions } from './roi';
import { meanInterval } from './statistics';
import { formatDurationMs } from '../units/duration';
import { typicalRps } from '../engine/arrivals';

export interface MaturityInput {
  doc: PipelineDocument;
  oneTimeInvestmentUsd: number;
  monthlyInvestmentUsd: number;
}

export interface MaturityRun {
  /** Cost per query from a run without faults (steady state). */
  steady: RunResults;
  /** Downtime from the run with the fault scenario (one month's incidents). */
  incidents: RunResults;
}

/**
 * Runs every level on the same traffic and the same seeds (common random numbers across levels):
 * a fault-free run for the steady-state cost per query and a run with the fault scenario for the
 * downtime a month of such incidents causes.
 */
export function runMaturityLevel(doc: PipelineDocument, catalog: Catalog, seed: number, options: RunOptions = {}): MaturityRun {
  const quiet = { ...options, seed, traceSampleRate: 0, traceSlowest: 0, traceFailed: 0 };
  return {
    steady: runPipeline({ ...doc, faults: [] }, catalog, quiet),
    incidents: runPipeline(doc, catalog, quiet),
  };
}

export function economicsOf(name: string, run: MaturityRun, input: Pick<MaturityInput, 'oneTimeInvestmentUsd' | 'monthlyInvestmentUsd'>): LevelEconomics {
  return {
    name,
    costPerQueryUsd: run.steady.cost.variablePerQueryUsd,
    fixedMonthlyUsd: run.steady.cost.fixedMonthlyUsd,
    downtimeMinutesPerMonth: run.incidents.outcomes.downtimeMinutes,
    oneTimeInvestmentUsd: input.oneTimeInvestmentUsd,
    monthlyInvestmentUsd: input.monthlyInvestmentUsd,
  };
}

/**
 * ROI of each level against the first, with intervals: the ROI formulas are applied replication by
 * replication (level k and the baseline share each replication's seed) and every figure gets a
 * t-interval across replications.
 */
export function maturityRoi(levels: MaturityInput[], runs: MaturityRun[][], assumptions: RoiAssumptions, confidence = 0.95): LevelRoiWithIntervals[] {
  const replications = runs[0]!.length;
  return levels.map((level, k) => {
    const name = level.doc.pipeline.name;
    const perRep = Array.from({ length: replications }, (_, i) => {
      const baseline = economicsOf(levels[0]!.doc.pipeline.name, runs[0]![i]!, { oneTimeInvestmentUsd: 0, monthlyInvestmentUsd: 0 });
      const econ = economicsOf(name, runs[k]![i]!, level);
      return { econ, roi: levelRoi(econ, baseline, assumptions) };
    });
    const ci = (values: number[]) => meanInterval(values, confidence);
    const mean = (values: number[]) => values.reduce((s, x) => s + x, 0) / values.length;
    const meanEcon: LevelEconomics = {
      name,
      costPerQueryUsd: mean(perRep.map((p) => p.econ.costPerQueryUsd)),
      fixedMonthlyUsd: mean(perRep.map((p) => p.econ.fixedMonthlyUsd)),
      downtimeMinutesPerMonth: mean(perRep.map((p) => p.econ.downtimeMinutesPerMonth)),
      oneTimeInvestmentUsd: level.oneTimeInvestmentUsd,
      monthlyInvestmentUsd: level.monthlyInvestmentUsd,
    };
    const baselineEcon: LevelEconomics = {
      ...meanEcon,
      name: levels[0]!.doc.pipeline.name,
      costPerQueryUsd: mean(runs[0]!.map((r) => r.steady.cost.variablePerQueryUsd)),
      fixedMonthlyUsd: mean(runs[0]!.map((r) => r.steady.cost.fixedMonthlyUsd)),
      downtimeMinutesPerMonth: mean(runs[0]!.map((r) => r.incidents.outcomes.downtimeMinutes)),
    };
    const paybacks = perRep.map((p) => p.roi.paybackMonths);
    return {
      name,
      ...(level.doc.pipeline.maturityLevel !== undefined ? { maturityLevel: level.doc.pipeline.maturityLevel } : {}),
      point: levelRoi(meanEcon, baselineEcon, assumptions),
      intervals: {
        costPerQueryUsd: ci(perRep.map((p) => p.econ.costPerQueryUsd)),
        monthlyCostUsd: ci(perRep.map((p) => p.roi.monthlyCostUsd)),
        downtimeHoursPerMonth: ci(perRep.map((p) => p.roi.downtimeHoursPerMonth)),
        lostRevenueUsd: ci(perRep.map((p) => p.roi.lostRevenueUsd)),
        monthlySavingsUsd: ci(perRep.map((p) => p.roi.monthlySavingsUsd)),
        ...(paybacks.every((x) => x !== null) && k > 0 ? { paybackMonths: ci(paybacks as number[]) } : {}),
      },
    };
  });
}

/** Runs all levels with `replications` seeds and returns their ROI (sequential; workers split the same work). */
export function runMaturityRoi(levels: MaturityInput[], catalog: Catalog, assumptions: RoiAssumptions, replications: number, options: RunOptions = {}): { roi: LevelRoiWithIntervals[]; runs: MaturityRun[][] } {
  const seed0 = options.seed ?? levels[0]!.doc.run.seed;
  const runs = levels.map((l) => Array.from({ length: replications }, (_, i) => runMaturityLevel(l.doc, catalog, replicationSeed(seed0, i), options)));
  return { roi: maturityRoi(levels, runs, assumptions), runs };
}

/**
 * Why a level's incident run does not cover its fault scenario, or null when every one does. The
 * scenario is the month of incidents the ROI prices; a run that stops taking arrivals (`--requests`,
 * `--duration`) before the last fault window ends simulates only part of it and understates downtime.
 */
export function incidentScenarioCut(levels: MaturityInput[], runs: MaturityRun[][]): string | null {
  for (let k = 0; k < levels.length; k++) {
    const scenarioEndMs = Math.max(0, ...levels[k]!.doc.faults.map((f) => f.startMs + f.durationMs));
    const endedMs = Math.min(...runs[k]!.map((r) => r.incidents.run.arrivalsEndMs));
    if (endedMs < scenarioEndMs) {
      const warmupMs = runs[k]![0]!.incidents.run.warmupMs;
      return `${levels[k]!.doc.pipeline.name}: the run stopped taking requests at ${formatDurationMs(endedMs)} (warm-up included), before its fault scenario's last incident ends at ${formatDurationMs(scenarioEndMs)}; the month of incidents would be cut short and downtime understated. Drop the request limit (--requests), or run for at least ${Math.ceil((scenarioEndMs - warmupMs) / 60_000)} min after the ${formatDurationMs(warmupMs)} warm-up (--duration ${Math.ceil((scenarioEndMs - warmupMs) / 60_000)}m).`;
    }
  }
  return null;
}

/**
 * Investment to reach each maturity level from level 1. Level 4 is the guide's ("~$50,000 (one-time) +
 * $5,000/month"); levels 2, 3 and 5 are Preflight's assumptions, scaled around it, to be replaced by the
 * team's own figures (--investments, or the app's table). It is the team's time and process: the tooling a
 * level's file bills as fixed costs is in its monthly cost already, not counted here again.
 */
export const LEVEL_INVESTMENTS: Readonly<Record<1 | 2 | 3 | 4 | 5, { oneTimeInvestmentUsd: number; monthlyInvestmentUsd: number; source: string }>> = {
  1: { oneTimeInvestmentUsd: 0, monthlyInvestmentUsd: 0, source: 'level 1 is where the guide starts' },
  2: { oneTimeInvestmentUsd: 10_000, monthlyInvestmentUsd: 1_000, source: "Preflight's assumption" },
  3: { oneTimeInvestmentUsd: 25_000, monthlyInvestmentUsd: 2_500, source: "Preflight's assumption" },
  4: { oneTimeInvestmentUsd: 50_000, monthlyInvestmentUsd: 5_000, source: "the guide's" },
  5: { oneTimeInvestmentUsd: 100_000, monthlyInvestmentUsd: 10_000, source: "Preflight's assumption" },
};

export interface DefaultInvestment {
  oneTimeInvestmentUsd: number;
  monthlyInvestmentUsd: number;
  /** Where the figure comes from, in words ("level 1 → 4: the guide's"), for the table's note. */
  basis: string;
}

/**
 * Each level's default investment, from the levels' `pipeline.maturityLevel` — never from their
 * position in the list: comparing level 1 with level 3 must not price level 3 at level 2's figures.
 * From a baseline at level b to level k it is LEVEL_INVESTMENTS[k] − LEVEL_INVESTMENTS[b] (what is
 * left to invest). A level whose file (or whose baseline's) says no maturity level gets $0 and says
 * so: the investment is then the user's to give.
 */
export function defaultInvestments(docs: readonly PipelineDocument[]): DefaultInvestment[] {
  const base = docs[0]?.pipeline.maturityLevel;
  return docs.map((doc, k) => {
    const level = doc.pipeline.maturityLevel;
    if (k === 0) return { oneTimeInvestmentUsd: 0, monthlyInvestmentUsd: 0, basis: 'the baseline' };
    if (level === undefined || base === undefined) {
      const missing = level === undefined ? doc.pipeline.name : docs[0]!.pipeline.name;
      return { oneTimeInvestmentUsd: 0, monthlyInvestmentUsd: 0, basis: `none given: ${missing} has no pipeline.maturityLevel, so $0 is assumed` };
    }
    const to = LEVEL_INVESTMENTS[level as 1 | 2 | 3 | 4 | 5];
    const from = LEVEL_INVESTMENTS[base as 1 | 2 | 3 | 4 | 5];
    return {
      oneTimeInvestmentUsd: Math.max(0, to.oneTimeInvestmentUsd - from.oneTimeInvestmentUsd),
      monthlyInvestmentUsd: Math.max(0, to.monthlyInvestmentUsd - from.monthlyInvestmentUsd),
      basis: base === 1 ? `level ${level}: ${to.source}` : `level ${base} → ${level}: level ${level}'s (${to.source}) less level ${base}'s`,
    };
  });
}

/**
 * The ROI's default queries a day: the baseline's typical day, from its daily and weekly curve — the
 * basis of every monthly cost (traffic.rps alone is the curve's reference, not its mean).
 */
export function defaultQueriesPerDay(baseline: PipelineDocument): number {
  return Math.round(typicalRps(baseline) * 86_400);
}
