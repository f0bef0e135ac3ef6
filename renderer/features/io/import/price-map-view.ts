import { paramsJsonSchema, perMillion, type Catalog, type LiteLlmPriceImport, type ModelEntry } from '../../../../simulation/index';
import type { Command } from '../../../stores/document/commands';
import type { EditableDocument } from '../../../stores/document/editable-document';
import type { Json } from '../../../stores/document/json-ops';

export type ModelMode = ModelEntry['mode'];
export const MODES: readonly ModelMode[] = ['chat', 'embedding', 'rerank'];

/** How an imported entry relates to what the pipeline prices with today. */
export type EntryStatus = 'new' | 'changed' | 'same';

export interface PreviewEntry {
  entry: ModelEntry;
  status: EntryStatus;
  /** The price the pipeline uses now, when it has this model. */
  before: ModelEntry | null;
}

/** A model one of the pipeline's nodes uses, and what the import would do to its price. */
export interface UsedModel {
  id: string;
  nodes: string[];
  before: ModelEntry | null;
  after: ModelEntry | null;
}

export interface PriceMapPreview {
  byMode: Array<{ mode: ModelMode; entries: PreviewEntry[] }>;
  skipped: LiteLlmPriceImport['skipped'];
  /** The most common skip reasons with their counts (the full list is there too). */
  skipReasons: Array<{ reason: string; count: number }>;
  used: UsedModel[];
  notes: string[];
}

const PRICE_FIELDS = ['inputUsdPerToken', 'outputUsdPerToken', 'cachedInputUsdPerToken', 'cacheWriteUsdPerToken', 'usdPerQuery', 'contextWindowTokens'] as const;

function samePrices(a: ModelEntry, b: ModelEntry): boolean {
  return PRICE_FIELDS.every((f) => a[f] === b[f]);
}

/** Node id → model ids, from every param the node kind marks as a catalog model (no kind is named). */
export function modelsUsed(nodes: ReadonlyArray<{ id: string; kind: string; params?: unknown }>): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const node of nodes) {
    let props: Record<string, { catalogMode?: string; default?: unknown }> = {};
    try {
      props = (paramsJsonSchema(node.kind).properties ?? {}) as typeof props;
    } catch {
      continue; // an unknown kind: its problem is shown in the Problems panel
    }
    const params = (node.params ?? {}) as Record<string, unknown>;
    for (const [key, schema] of Object.entries(props)) {
      if (!schema.catalogMode) continue;
      const id = params[key] ?? schema.default;
      if (typeof id === 'string' && id) used.set(id, [...(used.get(id) ?? []), node.id]);
    }
  }
  return used;
}

export function pricePreview(result: LiteLlmPriceImport, catalog: Catalog, nodes: ReadonlyArray<{ id: string; kind: string; params?: unknown }>): PriceMapPreview {
  const imported = new Map(result.entries.map((e) => [e.id, e]));
  const byMode = MODES.map((mode) => ({
    mode,
    entries: result.entries
      .filter((e) => e.mode === mode)
      .map((entry): PreviewEntry => {
        const before = catalog.get(entry.id) ?? null;
        return { entry, before, status: before === null ? 'new' : samePrices(before, entry) ? 'same' : 'changed' };
      })
      .sort((a, b) => a.entry.id.localeCompare(b.entry.id)),
  })).filter((g) => g.entries.length > 0);
  const reasons = new Map<string, number>();
  for (const s of result.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  const used = [...modelsUsed(nodes)].map(([id, users]) => ({ id, nodes: users, before: catalog.get(id) ?? null, after: imported.get(id) ?? null }));
  return {
    byMode,
    skipped: result.skipped,
    skipReasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    used,
    notes: result.notes,
  };
}

/** "$0.15 in · $0.60 out per 1M" (or per 1K searches for a rerank model priced per query). */
export function priceLine(m: ModelEntry): string {
  const usd = (x: number) => `$${x >= 0.01 || x === 0 ? x.toFixed(2) : x.toPrecision(2)}`;
  const parts = [];
  if (m.inputUsdPerToken > 0 || m.usdPerQuery === 0) parts.push(`${usd(perMillion(m.inputUsdPerToken))} in`);
  if (m.outputUsdPerToken > 0) parts.push(`${usd(perMillion(m.outputUsdPerToken))} out`);
  const perToken = parts.length ? `${parts.join(' · ')} per 1M` : '';
  const perQuery = m.usdPerQuery > 0 ? `${usd(m.usdPerQuery * 1000)} per 1K searches` : '';
  return [perToken, perQuery].filter(Boolean).join(' + ');
}

/**
 * The document command that adds the chosen entries to the pipeline's own `models` (which override
 * the built-in catalog by id): an entry with the same id is replaced in place, new ones are appended.
 * One `set` of the whole list, so one undo step takes the import back.
 */
export function addModelsCommand(doc: EditableDocument, entries: readonly ModelEntry[]): Command | null {
  if (entries.length === 0) return null;
  const current = Array.isArray(doc.models) ? (doc.models as Json[]) : [];
  const incoming = new Map(entries.map((e) => [e.id, e as unknown as Json]));
  const next = current.map((m) => {
    const id = m !== null && typeof m === 'object' && !Array.isArray(m) ? m.id : undefined;
    if (typeof id !== 'string' || !incoming.has(id)) return m;
    const replacement = incoming.get(id)!;
    incoming.delete(id);
    return replacement;
  });
  next.push(...incoming.values());
  const label = `Import ${entries.length} LiteLLM price${entries.length === 1 ? '' : 's'}`;
  return { label, ops: [{ op: 'set', path: ['models'], value: next, prev: doc.models === undefined ? undefined : (doc.models as Json) }] };
}
