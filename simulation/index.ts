/**
 * The public API of the simulation package: used by the CLI, the app (worker and UI) and the tests.
 * Everything here is pure TypeScript (no DOM, no Node) and deterministic for a given seed.
 */
export { loadPipeline, loadPipelineOrThrow, type LoadResult } from './model/load';
export { PipelineDocumentSchema, CURRENT_VERSION, type PipelineDocument, type PipelineDocumentInput, type PipelineNode, type PipelineEdge } from './model/document-schema';
export { canConnect, type ConnectionCheck } from './model/graph';
export { validateGraph } from './model/validate-graph';
export { runPipeline, runPipelineAsync, RunCancelled, type RunHooks } from './run';
export { Simulation, type RunOptions, type RunProgress } from './engine/simulation';
export type { RunResults } from './results/types';
export { builtinCatalog, Catalog, perMillion } from './catalog/catalog';
export type { ModelEntry } from './catalog/schema';
export { NODE_KINDS, NODE_GROUPS, nodeKind, nodeKindNames, nodeOutputs, outputPorts } from './nodes/registry';
export type { Problem, NodeKindDefinition, PortDefinition } from './nodes/kind';
export { estimateLoad, type LoadEstimate, type OfferedLoad } from './analysis/load-estimate';
export { parseDurationMs, formatDurationMs } from './units/duration';
export { describeDistribution, type DistributionSpec } from './random/distributions';
export { explainHeadline, type Explanation, type HeadlineKey } from './results/explain';
export { formatUsd, formatPercent, formatCount, formatMs, formatTokens } from './units/format';
export { paramsJsonSchema } from './nodes/params-json-schema';
export { ERROR_NAMES, ERROR_DESCRIPTIONS } from './engine/errors';
export { COST_TYPES, COST_TYPE_DESCRIPTIONS } from './metrics/cost-types';
export { DistributionSchema, DISTRIBUTION_TYPES } from './model/distribution-schema';
export { TrafficSchema, QuotaSchema, SloSchema, RunSchema, FixedCostSchema, QueryClassSchema } from './model/document-schema';
export { pipelineJsonSchema } from './model/json-schema';
export { runReplications, summarizeReplications, acceptReplications, replicationSeed, INTERVAL_FIGURES, JMT_STOPPING, DEFAULT_PLAN, type ReplicationPlan, type ReplicatedResults, type IntervalFigure } from './analysis/replications';
export { meanInterval, studentTQuantile, type Interval } from './analysis/statistics';
export { searchMaxLoad, loadCurve, scaleTraffic, type LoadCriteria, type LoadPoint, type LoadSearchResult } from './analysis/load-search';
export { levelRoi, SEED_ROI_EXAMPLE, type LevelEconomics, type LevelRoi, type RoiAssumptions, type LevelRoiWithIntervals } from './analysis/roi';
export { runMaturityRoi, runMaturityLevel, maturityRoi, economicsOf, DEFAULT_INVESTMENTS, type MaturityInput, type MaturityRun } from './analysis/maturity';
export { sweep, tornado, sweepableParams, type SweepAxis, type SweepResult, type TornadoBar } from './analysis/sweep';
export { getParam, setParam, parsePath, type ParamPath } from './analysis/param-path';
export { diffScenarios, diffMarkdown, type ScenarioDiff, type CostLine } from './analysis/compare';
export { evaluateBudget, chargeback, SEED_BUDGET, type BudgetLine, type BudgetLineResult, type ChargebackRow } from './analysis/budget';
export { evaluateAlerts, ALERT_RULES, SEVERITIES, hourlySpend, type AlertFiring, type AlertRule, type Severity } from './analysis/alerts';
export { costAnomalies, type AnomalyFinding } from './analysis/anomalies';
export { bottleneckAdvice, type Advice } from './analysis/advice';
export { productionChecklist, type ChecklistItem } from './analysis/checklist';
export { monthlyTokenCapacity, monthlyQueryCapacity, DEFAULT_TARGET_UTILISATION } from './analysis/capacity';
export { reportHtml } from './report/html';
export type { ReportInput } from './report/report-input';
export { headlineCsv, nodesCsv, seriesCsv, toCsv } from './report/csv';
export { sha256Hex } from './util/sha256';
