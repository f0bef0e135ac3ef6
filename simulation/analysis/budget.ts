import type { Catalog } from '../catalog/catalog';
import type { PipelineDocument } from '../model/document-schema';
import type { RunResults } from '../results/types';

/** The model (and its output price) a node calls, or null for nodes without a catalog model. */
export type ModelOf = (nodeId: string) => { model: string; outputUsdPerToken: number } | null;

export function modelOfFor(doc: PipelineDocument, catalog: Catalog): ModelOf {
  return (nodeId) => {
    const node = doc.nodes.find((n) => n.id === nodeId);
    const model = (node?.params as { model?: unknown } | undefined)?.model;
    if (typeof model !== 'string') return null;
    const entry = catalog.get(model);
    return entry ? { model, outputUsdPerToken: entry.outputUsdPerToken } : null;
  };
}

const isChat = (kind: string) => kind === 'llm' || kind === 'batch';

/**
 * Chat-model nodes at the highest output price, when the pipeline also has cheaper chat models (model
 * tiering): the budget's "premium" line and the anomaly rule's "expensive model". With one price tier
 * nothing is premium relative to anything, so none.
 */
export function premiumNodes(r: RunResults, modelOf: ModelOf): string[] {
  const chat = r.nodes.filter((n) => isChat(n.kind)).map((n) => ({ id: n.id, price: modelOf(n.id)?.outputUsdPerToken ?? 0 }));
  if (new Set(chat.map((c) => c.price)).size < 2) return [];
  const top = Math.max(...chat.map((c) => c.price));
  return chat.filter((c) => c.price === top).map((c) => c.id);
}

/** What part of the simulated spend a budget line covers. */
export type BudgetMatch =
  | { source: 'usage'; kinds: string[]; tier?: 'premium' | 'economy' }
  | { source: 'fixed'; categories?: string[]; namePattern?: string }
  | { source: 'buffer' };

export interface BudgetLine {
  name: string;
  amountUsd: number;
  note?: string;
  /** What the line covers; several matchers: spend any of them covers. */
  match?: BudgetMatch | BudgetMatch[];
  children?: BudgetLine[];
}

export interface BudgetLineResult {
  name: string;
  note: string;
  budgetUsd: number;
  /** Simulated monthly spend on what the line covers (buffers: none). */
  actualUsd: number;
  varianceUsd: number;
  status: 'over' | 'within' | 'buffer';
  children: BudgetLineResult[];
}

/** The guide's $10,000/month allocation, with matchers onto a pipeline's spend. */
export const SEED_BUDGET: BudgetLine = {
  name: 'Total AI budget',
  amountUsd: 10_000,
  children: [
    {
      name: 'LLM inference (60 %)',
      amountUsd: 6_000,
      children: [
        { name: 'Premium model (complex queries)', amountUsd: 3_000, note: "the guide's GPT-4: the most expensive chat model in the pipeline", match: { source: 'usage', kinds: ['llm', 'batch'], tier: 'premium' } },
        { name: 'Economy models (simple queries)', amountUsd: 2_000, note: "the guide's GPT-3.5: every other chat model", match: { source: 'usage', kinds: ['llm', 'batch'], tier: 'economy' } },
        { name: 'Buffer', amountUsd: 1_000, match: { source: 'buffer' } },
      ],
    },
    {
      name: 'Embeddings (15 %)',
      amountUsd: 1_500,
      children: [
        { name: 'Document embedding', amountUsd: 1_000, note: 'fixed costs whose name mentions embedding (re-indexing jobs)', match: { source: 'fixed', namePattern: 'embed' } },
        { name: 'Query embedding', amountUsd: 500, match: { source: 'usage', kinds: ['embedding', 'semantic_cache'] } },
      ],
    },
    {
      name: 'Infrastructure (20 %)',
      amountUsd: 2_000,
      children: [
        { name: 'Vector database', amountUsd: 1_200, note: 'vector-db fixed costs and per-search usage fees of retrieval nodes', match: [{ source: 'fixed', categories: ['vector-db'] }, { source: 'usage', kinds: ['retrieval'] }] },
        { name: 'Compute', amountUsd: 500, note: 'compute fixed costs and usage fees of rerankers and services', match: [{ source: 'fixed', categories: ['compute'] }, { source: 'usage', kinds: ['reranker', 'service'] }] },
        { name: 'Storage', amountUsd: 300, match: { source: 'fixed', categories: ['storage'] } },
      ],
    },
    { name: 'Buffer (5 %)', amountUsd: 500, note: 'unexpected spikes, experiments', match: { source: 'buffer' } },
  ],
};

interface SpendItem {
  kind: 'usage' | 'fixed';
  name: string;
  nodeKind: string;
  category: string;
  monthlyUsd: number;
}

function spendItems(r: RunResults): SpendItem[] {
  const total = r.cost.variableUsd;
  const nodes = new Map(r.nodes.map((n) => [n.id, n]));
  const usage: SpendItem[] = r.cost.byNode.map((b) => ({
    kind: 'usage',
    name: b.nodeId,
    nodeKind: nodes.get(b.nodeId)?.kind ?? '',
    category: '',
    monthlyUsd: total > 0 ? (b.usd / total) * r.cost.variableMonthlyUsd : 0,
  }));
  const fixed: SpendItem[] = r.cost.fixed.map((f) => ({ kind: 'fixed', name: f.name, nodeKind: '', category: f.category, monthlyUsd: f.monthlyUsd }));
  return [...usage, ...fixed];
}

/**
 * Puts the simulated monthly spend against a budget tree (default: the guide's $10,000 example). A
 * usage item is "premium" when its node's model has the highest output price among the pipeline's
 * chat models. Spend no line covers is reported as unallocated.
 */
export function evaluateBudget(r: RunResults, tree: BudgetLine, modelOf: (nodeId: string) => { model: string; outputUsdPerToken: number } | null): { tree: BudgetLineResult; unallocatedUsd: number; unallocated: string[] } {
  const items = spendItems(r);
  const chat = items.filter((i) => i.kind === 'usage' && isChat(i.nodeKind)).map((i) => modelOf(i.name)?.outputUsdPerToken ?? 0);
  const premiumPrice = chat.length ? Math.max(...chat) : Infinity;
  // One price tier: all chat spend is booked on the premium line, and both lines say there is no tiering.
  // Tiers are the pipeline's chat models, whether or not this run spent on each (a fallback may idle).
  const chatNodes = r.nodes.filter((n) => isChat(n.kind)).map((n) => n.id);
  const singleTier = chatNodes.length > 0 && new Set(chatNodes.map((id) => modelOf(id)?.outputUsdPerToken ?? 0)).size === 1;
  const models = [...new Set(chatNodes.map((id) => modelOf(id)?.model ?? id))].join(', ');
  const tierNote = (tier: 'premium' | 'economy') =>
    tier === 'premium' ? `no model tiering: ${models} answers every query (the guide sends complex queries to a premium model, simple ones to an economy model)` : 'no cheaper chat model in the pipeline (no model tiering)';
  const used = new Set<SpendItem>();
  const covers = (m: BudgetMatch, i: SpendItem): boolean => {
    if (m.source === 'buffer') return false;
    if (m.source === 'fixed') {
      if (i.kind !== 'fixed') return false;
      if (m.namePattern && !new RegExp(m.namePattern, 'i').test(i.name)) return false;
      if (m.categories && !m.categories.includes(i.category)) return false;
      return true;
    }
    if (i.kind !== 'usage' || !m.kinds.includes(i.nodeKind)) return false;
    if (!m.tier) return true;
    const price = modelOf(i.name)?.outputUsdPerToken ?? 0;
    return m.tier === 'premium' ? price >= premiumPrice : price < premiumPrice;
  };
  const walk = (line: BudgetLine): BudgetLineResult => {
    const children = (line.children ?? []).map(walk);
    let actual: number;
    if (line.children?.length) actual = children.reduce((s, c) => s + c.actualUsd, 0);
    else if (line.match) {
      const matchers = Array.isArray(line.match) ? line.match : [line.match];
      const matched = items.filter((i) => !used.has(i) && matchers.some((m) => covers(m, i)));
      matched.forEach((i) => used.add(i));
      actual = matched.reduce((s, i) => s + i.monthlyUsd, 0);
    } else actual = 0;
    const buffer = !Array.isArray(line.match) && line.match?.source === 'buffer';
    const tier = !Array.isArray(line.match) && line.match?.source === 'usage' ? line.match.tier : undefined;
    return { name: line.name, note: singleTier && tier ? tierNote(tier) : (line.note ?? ''), budgetUsd: line.amountUsd, actualUsd: actual, varianceUsd: line.amountUsd - actual, status: buffer ? 'buffer' : actual > line.amountUsd ? 'over' : 'within', children };
  };
  const result = walk(tree);
  const left = items.filter((i) => !used.has(i) && i.monthlyUsd > 0);
  const unallocatedUsd = left.reduce((s, i) => s + i.monthlyUsd, 0);
  result.actualUsd += unallocatedUsd;
  result.varianceUsd = result.budgetUsd - result.actualUsd;
  result.status = result.actualUsd > result.budgetUsd ? 'over' : 'within';
  return { tree: result, unallocatedUsd, unallocated: left.map((i) => i.name) };
}

export type ChargebackModel = 'per-query' | 'per-token' | 'tiered';

export interface ChargebackRow {
  team: string;
  /** The team's queries in a month (each of its sources at its own typical rate). */
  requests: number;
  /** Billed tokens in that month (its tokens per measured query × its month). */
  tokens: number;
  realtime: boolean;
  /** What the team's traffic costs in a month (usage): the sources' cost.bySource[].monthlyUsageUsd. */
  actualUsd: number;
  /** False when one of its sources sent nothing in the run's window: it is priced at the pipeline's mean. */
  measured: boolean;
  charge: Record<ChargebackModel, number>;
}

/**
 * The guide's chargeback models for a month, each set to recover the month's usage cost: per query
 * (one rate for all), per token (one rate per token), tiered (a real-time rate and a batch rate, each
 * recovering its lane's cost). Compare each with what the team actually costs. A month, not the run's
 * window: a team whose hours the window missed (a night batch in a daytime run) has its month all the
 * same, priced at the pipeline's mean cost and flagged, rather than a bill of $0 shifted onto the others.
 */
export function chargeback(r: RunResults): ChargebackRow[] {
  const rows = new Map<string, ChargebackRow>();
  const measuredRequests = r.cost.bySource.reduce((s, x) => s + x.requests, 0);
  const meanTokens = measuredRequests > 0 ? r.cost.bySource.reduce((s, x) => s + x.inputTokens + x.outputTokens, 0) / measuredRequests : 0;
  for (const s of r.cost.bySource) {
    const row = rows.get(s.label) ?? { team: s.label, requests: 0, tokens: 0, realtime: s.realtime, actualUsd: 0, measured: true, charge: { 'per-query': 0, 'per-token': 0, tiered: 0 } };
    row.requests += s.monthlyQueries;
    row.tokens += s.monthlyQueries * (s.requests > 0 ? (s.inputTokens + s.outputTokens) / s.requests : meanTokens);
    row.actualUsd += s.monthlyUsageUsd;
    row.realtime = row.realtime && s.realtime;
    row.measured = row.measured && (s.pricedAt === 'measured' || s.monthlyQueries === 0);
    rows.set(s.label, row);
  }
  const all = [...rows.values()];
  const totalCost = all.reduce((s, x) => s + x.actualUsd, 0);
  const totalRequests = all.reduce((s, x) => s + x.requests, 0);
  const totalTokens = all.reduce((s, x) => s + x.tokens, 0);
  const lane = (rt: boolean) => all.filter((x) => x.realtime === rt);
  const laneRate = (rt: boolean) => {
    const l = lane(rt);
    const q = l.reduce((s, x) => s + x.requests, 0);
    return q > 0 ? l.reduce((s, x) => s + x.actualUsd, 0) / q : 0;
  };
  const rates = { perQuery: totalRequests > 0 ? totalCost / totalRequests : 0, perToken: totalTokens > 0 ? totalCost / totalTokens : 0, realtime: laneRate(true), batch: laneRate(false) };
  for (const row of all) {
    row.charge['per-query'] = row.requests * rates.perQuery;
    row.charge['per-token'] = row.tokens * rates.perToken;
    row.charge.tiered = row.requests * (row.realtime ? rates.realtime : rates.batch);
  }
  return all.sort((a, b) => b.actualUsd - a.actualUsd);
}
