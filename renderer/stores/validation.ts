import { builtinCatalog, estimateLoad, loadPipeline, PipelineDocumentSchema, type Catalog, type PipelineDocument, type Problem } from '../../simulation/index';
import type { EditableDocument } from './document/editable-document';
import { parsePathString } from './json-path';
import type { RefusedValue } from './refused-values';

export interface DocumentValidation {
  /** The document can run: no errors, and no refused value on screen. */
  ok: boolean;
  /** Errors first, then warnings (including the pre-run load estimate's). */
  problems: Problem[];
  /** Values fields refused and still show (never applied): each blocks the run like an error. */
  refused: readonly RefusedValue[];
  /** The document's errors plus the refused values: what blocks Run. */
  errorCount: number;
  warningCount: number;
  /**
   * False when the schema check failed: loadPipeline then stops before the wiring and reference
   * checks, so more problems can appear once the listed ones are fixed.
   */
  graphChecked: boolean;
  /** Problems per node id (from the problem's nodeId, or its `$.nodes[i]` path). */
  byNode: Record<string, Problem[]>;
  /** Problems per JSON path string, for inline field messages. */
  byPath: Record<string, Problem[]>;
  /** The parsed document with defaults applied (null when the schema check failed). */
  parsed: PipelineDocument | null;
  /** Built-in prices overridden by the document's own `models`. */
  catalog: Catalog;
}

/**
 * Validates the editor's document with the same `loadPipeline` the CLI uses and maps each problem to
 * its node and field. When the document is valid, the pre-run load estimate adds a warning for every
 * resource offered more than its capacity (SEMANTICS §12), so it shows before the run, too.
 */
export function validateDocument(doc: EditableDocument): DocumentValidation {
  const result = loadPipeline(doc);
  const problems: Problem[] = result.ok ? [...result.warnings] : [...result.problems, ...result.warnings];
  let parsed: PipelineDocument | null = null;
  let catalog = builtinCatalog();
  if (result.ok) {
    parsed = result.doc;
    catalog = result.catalog;
    problems.push(...loadWarnings(result.doc, result.catalog));
  }
  problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const byNode: Record<string, Problem[]> = {};
  const byPath: Record<string, Problem[]> = {};
  for (const p of problems) {
    const nodeId = p.nodeId ?? nodeIdFromPath(doc, p.path);
    if (nodeId) (byNode[nodeId] ??= []).push(p);
    (byPath[p.path] ??= []).push(p);
  }
  const errorCount = problems.filter((p) => p.severity === 'error').length;
  // Quota references and per-kind checks ran unless the schema check failed (loadPipeline checks the wiring either way).
  const graphChecked = result.ok || PipelineDocumentSchema.safeParse(doc).success;
  return { ok: result.ok, problems, refused: [], errorCount, warningCount: problems.length - errorCount, graphChecked, byNode, byPath, parsed, catalog };
}

/** The document's validation with the fields' refused values added: they block the run as errors do. */
export function withRefusedValues(v: DocumentValidation, refused: readonly RefusedValue[]): DocumentValidation {
  if (v.refused === refused) return v;
  const documentErrors = v.errorCount - v.refused.length;
  return { ...v, refused, errorCount: documentErrors + refused.length, ok: documentErrors === 0 && refused.length === 0 };
}

function loadWarnings(doc: PipelineDocument, catalog: Catalog): Problem[] {
  try {
    return estimateLoad(doc, catalog).warnings.map((message) => ({ severity: 'warning' as const, path: '$.quotas', message: `Before the run: ${message}` }));
  } catch {
    // The estimate is advice; a kind without a load profile must not block editing.
    return [];
  }
}

function nodeIdFromPath(doc: EditableDocument, path: string): string | undefined {
  const segs = parsePathString(path);
  if (!segs || segs[0] !== 'nodes' || typeof segs[1] !== 'number') return undefined;
  return doc.nodes[segs[1]]?.id;
}

/** The message without its leading `$.path: ` (the UI shows where the problem is separately). */
export function problemText(p: Problem): string {
  return p.message.startsWith(`${p.path}: `) ? p.message.slice(p.path.length + 2) : p.message;
}

/** Where a problem is, in words: "Node Vector search › params.topK", "Traffic › classes[0].share". */
export function problemLocation(doc: EditableDocument, p: Problem): string {
  const segs = parsePathString(p.path);
  if (!segs || segs.length === 0) return 'Document';
  const rest = (from: number) => segs.slice(from).map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
  const [head, index] = segs;
  if (head === 'nodes' && typeof index === 'number') {
    const node = doc.nodes[index];
    const label = node ? `${node.name || node.id}` : `node ${index + 1}`;
    return segs.length > 2 ? `${label} › ${rest(2)}` : label;
  }
  if (head === 'edges' && typeof index === 'number') {
    const e = doc.edges[index];
    return e ? `Connection ${e.from}.${e.port} → ${e.to}` : `Connection ${index + 1}`;
  }
  const section: Record<string, string> = { traffic: 'Traffic', quotas: 'Quotas', slo: 'SLO targets', run: 'Run settings', fixedCosts: 'Fixed costs', pipeline: 'Pipeline', models: 'Model prices', nodes: 'Nodes', edges: 'Connections', faults: 'Faults', events: 'Events', operations: 'Operations' };
  const title = section[String(head)] ?? String(head);
  return segs.length > 1 ? `${title} › ${rest(1)}` : title;
}
