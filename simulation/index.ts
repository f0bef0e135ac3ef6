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
export { NODE_KINDS, NODE_GROUPS, nodeKind, nodeKindNames, outputPorts } from './nodes/registry';
export type { Problem, NodeKindDefinition, PortDefinition } from './nodes/kind';
export { estimateLoad, type LoadEstimate, type OfferedLoad } from './analysis/load-estimate';
export { parseDurationMs, formatDurationMs } from './units/duration';
export { describeDistribution, type DistributionSpec } from './random/distributions';
