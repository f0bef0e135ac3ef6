import { DEFAULT_PLAN, JMT_STOPPING, type IntervalFigure } from '../../../simulation/index';

/** The five criteria the max-load search can hold; each on or off with its limit. */
export type CriterionKey = 'p99Ms' | 'p95Ms' | 'ttftP50Ms' | 'errorRate' | 'rateLimitedShare';
export type CriteriaInput = Record<CriterionKey, { enabled: boolean; value: number }>;

export interface InvestmentInput {
  oneTimeInvestmentUsd: number;
  monthlyInvestmentUsd: number;
}

/**
 * What the user typed into each tool, kept in the store so switching tools or going to the editor
 * and back does not lose it. `null` means "the default taken from the document".
 */
export interface AnalysisInputs {
  confidence: {
    mode: 'fixed' | 'stopping';
    replications: number;
    confidence: number;
    relativeHalfWidth: number;
    stoppingConfidence: number;
    minReplications: number;
    maxReplications: number;
    figures: IntervalFigure[];
    chartFigure: IntervalFigure;
  };
  /** `replications`: runs per load point of the max-load search (the same seeds at every load); 1 is one seed, no interval. */
  capacity: { criteria: CriteriaInput | null; tolerance: number; replications: number };
  maturity: {
    source: 'templates' | 'scenarios';
    /** Saved scenarios compared after the current document (the first level is the baseline). */
    scenarioIds: number[];
    queriesPerDay: number | null;
    lostRevenuePerDowntimeHourUsd: number;
    /**
     * The user's investment for row k, where they typed one; an absent row takes its level's default
     * (from pipeline.maturityLevel, see levelDefaults). Cleared when the compared levels change, so an
     * edit never moves to another level's row.
     */
    investments: Array<InvestmentInput | undefined>;
    replications: number;
    showSeedExample: boolean;
  };
  whatif: {
    /**
     * `valuesText`: the numbers typed for a numeric parameter; `models`: the catalog models ticked for
     * a model axis (a categorical axis: the sweep sets each id at `path`).
     */
    axes: Array<{ path: string; valuesText: string; models?: string[] }>;
    sweepMetric: SweepMetric;
    /** Runs per sweep point (the same seeds at every point); 1 is a single run, no interval. */
    sweepReplications: number;
    tornadoPaths: string[] | null;
    spread: number;
  };
  compare: { beforeId: number | null; afterId: number | null };
  budget: { amounts: Record<string, number> };
  dashboards: { tab: 'executive' | 'operational' | 'debugging' };
}

export type SweepMetric = 'monthlyCostUsd' | 'costPerQueryUsd' | 'p99Ms' | 'p50Ms' | 'errorRate';

export const DEFAULT_INPUTS: AnalysisInputs = {
  confidence: {
    mode: 'fixed',
    replications: DEFAULT_PLAN.replications,
    confidence: DEFAULT_PLAN.confidence,
    // The CLI's --until: JMT's 99 % / 3 % on the latency percentiles and cost, 5 to 50 replications.
    relativeHalfWidth: JMT_STOPPING.relativeHalfWidth,
    stoppingConfidence: JMT_STOPPING.confidence,
    minReplications: 5,
    maxReplications: 50,
    figures: ['p50Ms', 'p95Ms', 'p99Ms', 'costPerQueryUsd'],
    chartFigure: 'p99Ms',
  },
  capacity: { criteria: null, tolerance: 0.02, replications: 1 },
  maturity: {
    source: 'templates',
    scenarioIds: [],
    queriesPerDay: null,
    lostRevenuePerDowntimeHourUsd: 5_000,
    investments: [],
    replications: 3,
    showSeedExample: false,
  },
  whatif: { axes: [{ path: 'traffic.rps', valuesText: '' }], sweepMetric: 'monthlyCostUsd', sweepReplications: 1, tornadoPaths: null, spread: 0.2 },
  compare: { beforeId: null, afterId: null },
  budget: { amounts: {} },
  dashboards: { tab: 'executive' },
};
