import type { Catalog } from '../catalog/catalog';
import { CompiledTraffic } from '../engine/traffic';
import type { PipelineDocument } from '../model/document-schema';
import { nodeKind, nodeOutputs } from '../nodes/registry';

/** Offered load of one resource dimension: ρ = demand ÷ capacity (SEMANTICS §12). */
export interface OfferedLoad {
  /** The quota's id. */
  quotaId: string;
  /** The limit: concurrency slots, rpm, tpm (tokens used), tpm-reserved (input + max_tokens held while calls run), itpm or otpm. */
  dimension: 'concurrency' | 'rpm' | 'tpm' | 'tpm-reserved' | 'itpm' | 'otpm';
  /** ρ at the peak hourly arrival rate inside the run. */
  offered: number;
  /** ρ at the mean arrival rate of the run. */
  offeredAtMean: number;
  /** Demand at the peak rate in the dimension's unit (slots, requests/min, tokens/min). */
  demandAtPeak: number;
  /** The limit in the dimension's unit (slots, requests/min, tokens/min). */
  capacity: number;
  /** How offered and demandAtPeak were computed, in words with the numbers. */
  explanation: string;
}

export interface LoadEstimate {
  meanRps: number;
  peakRps: number;
  /** Arrival rate reaching each node at the mean rate (requests/s), before cache hits that the run decides. */
  nodeRps: Record<string, number>;
  offered: OfferedLoad[];
  warnings: string[];
}

/**
 * Pre-run estimate of each quota's offered load from the traffic and each node's mean service demand.
 * Rates flow through the graph by each node's port shares (errors after retries, fixed cache hit rates;
 * simulated caches are assumed to miss, so the estimate bounds the load from above). Retries multiply
 * calls by 1 + p + p² + … for an attempt failure probability p.
 */
export function estimateLoad(doc: PipelineDocument, catalog: Catalog, window?: { startMs: number; endMs: number }): LoadEstimate {
  const traffic = new CompiledTraffic(doc.traffic);
  const startMs = window?.startMs ?? 0;
  const endMs = window?.endMs ?? doc.run.warmupMs + doc.run.durationMs;
  const meanRps = traffic.meanRpsBetween(startMs, endMs);
  const peakRps = traffic.profile.peakRpsBetween(startMs, Math.max(endMs, startMs + 1));

  // Topological order over the (acyclic, validated) graph.
  const incoming = new Map<string, number>(doc.nodes.map((n) => [n.id, 0]));
  for (const e of doc.edges) incoming.set(e.to, (incoming.get(e.to) ?? 0) + 1);
  const order: string[] = [];
  const ready = doc.nodes.filter((n) => (incoming.get(n.id) ?? 0) === 0).map((n) => n.id);
  while (ready.length) {
    const id = ready.shift()!;
    order.push(id);
    for (const e of doc.edges) if (e.from === id) {
      const left = (incoming.get(e.to) ?? 0) - 1;
      incoming.set(e.to, left);
      if (left === 0) ready.push(e.to);
    }
  }
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const rate = new Map<string, number>(); // share of traffic (1 = all requests)
  const chunks = new Map<string, { chunks: number; tokens: number; weight: number }>();
  // Rates as shares of the pipeline traffic; a source with its own stream counts as its rate ÷ the pipeline's.
  for (const n of doc.nodes) if (n.kind === 'source') rate.set(n.id, n.params.rps === null ? n.params.share : n.params.rps / Math.max(1e-9, meanRps));

  /** Per request; `heldTokenSeconds`: max_tokens reserved beyond what a call uses, times how long the call holds it (s). */
  interface Demand { slotsMs: number; calls: number; tokens: number; reserved: number; heldTokenSeconds: number; input: number; output: number }
  const demand = new Map<string, Demand>();
  for (const id of order) {
    const node = byId.get(id)!;
    const kind = nodeKind(node.kind);
    const share = rate.get(id) ?? 0;
    const up = chunks.get(id);
    const upstreamChunks = up && up.weight > 0 ? up.chunks / up.weight : 0;
    const upstreamChunkTokens = up && up.weight > 0 ? up.tokens / up.weight : 0;
    const profile = kind?.load?.(node.params as never, { catalog, traffic, upstreamChunks, upstreamChunkTokens });
    const portShares: Record<string, number> = profile?.portShares ?? Object.fromEntries(nodeOutputs(node.kind, node.params).map((p, i) => [p.name, i === 0 ? 1 : 0]));
    if (profile?.quotaId) {
      const p = (node.params as { errorProbability?: number; retry?: { numRetries: number } });
      const attempts = attemptsPerRequest(p.errorProbability ?? 0, p.retry?.numRetries ?? 0);
      const d = demand.get(profile.quotaId) ?? { slotsMs: 0, calls: 0, tokens: 0, reserved: 0, heldTokenSeconds: 0, input: 0, output: 0 };
      d.calls += share * attempts;
      d.slotsMs += share * attempts * profile.meanServiceMs;
      d.tokens += share * attempts * profile.meanTokensPerCall;
      const reservedPerCall = profile.meanReservedTokensPerCall ?? profile.meanTokensPerCall;
      d.reserved += share * attempts * reservedPerCall;
      d.heldTokenSeconds += (share * attempts * Math.max(0, reservedPerCall - profile.meanTokensPerCall) * profile.meanServiceMs) / 1000;
      const input = profile.meanInputTokensPerCall ?? profile.meanTokensPerCall;
      d.input += share * attempts * input;
      d.output += share * attempts * (profile.meanTokensPerCall - input);
      demand.set(profile.quotaId, d);
    }
    for (const e of doc.edges) {
      if (e.from !== id) continue;
      const s = share * (portShares[e.port] ?? 0);
      rate.set(e.to, (rate.get(e.to) ?? 0) + s);
      const c = chunks.get(e.to) ?? { chunks: 0, tokens: 0, weight: 0 };
      c.chunks += s * (profile?.chunksOut ?? upstreamChunks);
      c.tokens += s * (profile?.chunkTokensOut ?? upstreamChunkTokens);
      c.weight += s;
      chunks.set(e.to, c);
    }
  }

  const offered: OfferedLoad[] = [];
  const warnings: string[] = [];
  for (const q of doc.quotas) {
    const d = demand.get(q.id);
    if (!d) continue;
    const add = (dimension: OfferedLoad['dimension'], perRequest: number, capacity: number | null, unit: string, perMinute: boolean) => {
      if (capacity === null) return;
      const scale = perMinute ? 60 : 1 / 1000;
      const demandAtPeak = peakRps * perRequest * scale;
      const item: OfferedLoad = {
        quotaId: q.id,
        dimension,
        offered: demandAtPeak / capacity,
        offeredAtMean: (meanRps * perRequest * scale) / capacity,
        demandAtPeak,
        capacity,
        explanation: `${fmt(peakRps)} req/s × ${fmt(perRequest)} ${unit} per request${perMinute ? ' × 60 s' : ' ÷ 1000'} = ${fmt(demandAtPeak)} of ${fmt(capacity)}`,
      };
      offered.push(item);
      // The reserved view adds to the plain TPM one: no second warning when that one already fires.
      const alreadyWarned = dimension === 'tpm-reserved' && offered.some((o) => o.quotaId === q.id && o.dimension === 'tpm' && o.offered >= 1);
      if (item.offered >= 1 && !alreadyWarned) {
        warnings.push(
          `quota '${q.id}' is offered ${Math.round(item.offered * 100)} % of its ${dimension} capacity at ${fmt(peakRps)} req/s (${item.explanation}): ${dimension === 'concurrency' ? 'the wait queue grows for as long as the run lasts, so its percentiles describe the horizon, not the system' : 'calls will be rejected with 429s'}`,
        );
      }
    };
    add('concurrency', d.slotsMs, q.maxParallelRequests, 'ms of slot time', false);
    add('rpm', d.calls, q.rpm, 'calls', true);
    add('tpm', d.tokens, q.tpm, 'tokens', true);
    // Admission reserves input + max_tokens and refunds the unused part when the call ends, so a minute
    // carries its calls' actual tokens plus the unused reservations of the calls still in flight.
    if (q.admission === 'openai' && q.tpm !== null && d.reserved > d.tokens) add('tpm-reserved', d.tokens + d.heldTokenSeconds / 60, q.tpm, `tokens (actual, plus ${fmt(d.heldTokenSeconds / 60)} of unused max_tokens held while calls run: reserved ${fmt(d.reserved)} − used ${fmt(d.tokens)}, refunded when each call ends)`, true);
    add('itpm', d.input, q.itpm, 'input tokens', true);
    add('otpm', d.output, q.otpm, 'output tokens', true);
  }
  const nodeRps: Record<string, number> = {};
  for (const n of doc.nodes) nodeRps[n.id] = (rate.get(n.id) ?? 0) * meanRps;
  return { meanRps, peakRps, nodeRps, offered, warnings };
}

function attemptsPerRequest(p: number, retries: number): number {
  let total = 0;
  for (let k = 0; k <= retries; k++) total += p ** k;
  return total;
}

function fmt(x: number): string {
  if (x >= 1000) return Math.round(x).toLocaleString('en-US');
  if (x >= 10) return x.toFixed(1).replace(/\.0$/, '');
  return Number(x.toPrecision(3)).toString();
}
