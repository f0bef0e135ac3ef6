import { builtinCatalog, type Catalog } from '../catalog/catalog';
import type { Problem } from '../nodes/kind';
import { PipelineDocumentSchema, type PipelineDocument } from './document-schema';
import { formatIssues } from './format-issues';
import { migrateDocument } from './migrations';
import { catalogFor, validateGraph } from './validate-graph';
import { wiringOfRaw } from './validate-wiring';
import { likelyMistakes } from './likely-mistakes';

export type LoadResult =
  | { ok: true; doc: PipelineDocument; catalog: Catalog; warnings: Problem[]; notes: string[] }
  | { ok: false; problems: Problem[]; warnings: Problem[]; notes: string[] };

/**
 * The one way into a pipeline, used by the CLI, the app and the tests: JSON text (or an already parsed
 * value) → migrated → schema-checked with defaults applied → graph-validated. Errors block; warnings
 * travel with the document.
 */
export function loadPipeline(input: string | unknown, base: Catalog = builtinCatalog()): LoadResult {
  let raw: unknown = input;
  if (typeof input === 'string') {
    const parsed = parseJson(input);
    if (!parsed.ok) return { ok: false, problems: [parsed.problem], warnings: [], notes: [] };
    raw = parsed.value;
  }
  const migrated = migrateDocument(raw);
  if (migrated.problems.length) return { ok: false, problems: migrated.problems, warnings: [], notes: migrated.notes };
  const result = PipelineDocumentSchema.safeParse(migrated.doc);
  if (!result.success) {
    const schemaProblems = formatIssues(result.error.issues, migrated.doc, PipelineDocumentSchema);
    // The wiring is checked too, as far as the file reads, so every error shows at once; the ports of
    // a node whose own fields were refused are not (a router's outputs come from its routes).
    const refusedNodes = new Set(schemaProblems.flatMap((p) => /^\$\.nodes\[(\d+)\]/.exec(p.path)?.[1] ?? []).map(Number));
    const nodes = (migrated.doc as { nodes?: Array<{ id?: unknown }> }).nodes;
    const skipPorts = new Set([...refusedNodes].map((i) => String(Array.isArray(nodes) ? nodes[i]?.id : '')));
    const known = new Set(schemaProblems.map((p) => p.path));
    const wiring = wiringOfRaw(migrated.doc, skipPorts).filter((p) => !known.has(p.path));
    return { ok: false, problems: [...schemaProblems, ...wiring], warnings: [], notes: migrated.notes };
  }
  const doc = result.data as PipelineDocument;
  const catalog = catalogFor(doc, base);
  const found = [...validateGraph(doc, catalog), ...likelyMistakes(doc)];
  const problems = found.filter((p) => p.severity === 'error');
  const warnings = found.filter((p) => p.severity === 'warning');
  if (problems.length) return { ok: false, problems, warnings, notes: migrated.notes };
  return { ok: true, doc, catalog, warnings, notes: migrated.notes };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const where = locate(text, message);
    return { ok: false, problem: { severity: 'error', path: '$', message: `$: not valid JSON${where}: ${message}` } };
  }
}

/** "at line 3, column 14" from a JSON.parse message that carries a position. */
function locate(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

/** Throws with every problem listed; for code paths that already validated (tests, examples). */
export function loadPipelineOrThrow(input: string | unknown, base?: Catalog): PipelineDocument {
  const result = loadPipeline(input, base);
  if (!result.ok) throw new Error(`invalid pipeline:\n${result.problems.map((p) => `  ${p.message}`).join('\n')}`);
  return result.doc;
}
