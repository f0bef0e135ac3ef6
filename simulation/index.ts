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
