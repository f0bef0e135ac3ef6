import type { RunResults } from '../results/types';
import { formatMs, formatPercent, formatUsd } from '../units/format';

export interface Advice {
  area: 'throughput' | 'latency' | 'cost' | 'errors' | 'caching' | 'quality';
  /** What limits or dominates, with its figure. */
  finding: string;
  /** What to change. */
  suggestion: string;
  nodeId: string | null;
  quotaId: string | null;
}

/** Bottleneck advice: which node or quota limits throughput or dominates P99, cost and errors, and what to change. */
export function bottleneckAdvice(r: RunResults): Advice[] {
  const out: Advice[] = [];
  const busiest = [...r.quotas].sort((a, b) => b.peakUtilisation - a.peakUtilisation)[0];
  if (busiest) {
    const dims = Object.entries(busiest.utilisation).filter(([k, f]) => k !== 'reservedPeak' && f !== null) as Array<[string, { peak: number }]>;
    const [dim] = dims.sort((a, b) => b[1].peak - a[1].peak)[0] ?? ['—'];
    const reserved = busiest.utilisation.reservedPeak;
    out.push({
      area: 'throughput',
      finding: `quota '${busiest.id}' is the tightest limit: ${dim} peaks at ${formatPercent(busiest.peakUtilisation)}${busiest.rateLimited ? ` with ${busiest.rateLimited} 429s` : ''}`,
      suggestion:
        busiest.peakUtilisation > 0.8 || busiest.rateLimited > 0
          ? dim === 'concurrency'
            ? 'raise max_parallel_requests or add a deployment; shorter answers (max_tokens) free slots sooner'
            : reserved !== null && reserved > busiest.peakUtilisation * 1.3
              ? `reservations of max_tokens fill the window (${formatPercent(reserved)} reserved vs ${formatPercent(busiest.peakUtilisation)} used): lower max_tokens, or raise the limit / add keys`
              : 'raise the limit or add keys; cache and tier traffic to spend fewer tokens per query'
          : `headroom ${formatPercent(busiest.headroom)}: no action before ${formatPercent(0.7)} sustained (the guide's scaling trigger)`,
      nodeId: null,
      quotaId: busiest.id,
    });
  }
  // The slowest step is the one that adds the most time to an average request: its mean time × the
  // share of requests that reach it (a rarely used fallback is slow but adds little). Its own P99 is
  // over the requests it saw, so it is not a share of the end-to-end P99 (it can even exceed it).
  const measured = Math.max(1, r.outcomes.measured);
  const added = (n: RunResults['nodes'][number]) => n.latency.mean * (n.entered / measured);
  const slow = [...r.nodes].filter((n) => n.latency.count > 0 && n.kind !== 'source' && n.entered >= 0.1 * measured).sort((a, b) => added(b) - added(a))[0];
  if (slow) {
    const streams = r.latency.byClass.length > 0 && r.latency.byClass.every((c) => c.stream);
    out.push({
      area: 'latency',
      finding: `${slow.name} is the slowest step: it adds ${formatMs(added(slow))} to the average request (${formatPercent(Math.min(1, slow.entered / measured))} of requests reach it; its own P99 ${formatMs(slow.latency.p99)}, end-to-end P99 ${formatMs(r.headline.p99Ms)})`,
      suggestion:
        slow.kind === 'llm'
          ? `${streams ? 'answers already stream (users wait for the first token, the TTFT): to end them sooner, ' : 'stream answers; '}lower max_tokens or send long answers to a faster model; a budget gate can skip optional steps when time runs short`
          : slow.kind === 'reranker'
            ? 'rerank fewer candidates (top_k) or skip reranking when late (budget gate)'
            : "check its concurrency quota and timeout; queueing shows in this node's time",
      nodeId: slow.id,
      quotaId: null,
    });
  }
  const costly = [...r.cost.byNode].sort((a, b) => b.usd - a.usd)[0];
  if (costly && costly.usd > 0) {
    const node = r.nodes.find((n) => n.id === costly.nodeId);
    const inputShare = (costly.byType.input + costly.byType.cachedInput + costly.byType.cacheWrite) / costly.usd;
    // This node's usage cost per query (the headline cost per query also holds every other node and fixed costs).
    const perQuery = costly.share * r.cost.variablePerQueryUsd;
    const split = inputShare > 0.6 ? 'input' : inputShare < 0.4 ? 'output' : 'both';
    out.push({
      area: 'cost',
      finding: `${node?.name ?? costly.nodeId} takes ${formatPercent(costly.share)} of usage cost, ${formatUsd(perQuery)} per query (${formatPercent(inputShare)} of it input tokens, ${formatPercent(costly.byType.output / costly.usd)} output)`,
      suggestion:
        node?.kind === 'llm'
          ? split === 'input'
            ? 'input dominates: rerank to fewer chunks (top_n), trim the system prompt, or turn on prompt caching'
            : split === 'output'
              ? 'output dominates: ask for shorter answers (max_tokens, "be concise") or route simple queries to a cheaper model'
              : 'input and output weigh alike: route simple queries to a cheaper model (both halves shrink), then trim context (top_n) or answer length'
          : node?.kind === 'reranker'
            ? 'a per-search reranker price is charged on every query: compare a per-token or self-hosted reranker'
            : 'review its price in the catalog',
      nodeId: costly.nodeId,
      quotaId: null,
    });
  }
  const errors = Object.entries(r.outcomes.errorsByType).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0];
  if (errors && r.outcomes.errorRate > 0.001) {
    const where = [...r.nodes].sort((a, b) => b.failed - a.failed)[0];
    out.push({
      area: 'errors',
      finding: `${formatPercent(r.outcomes.errorRate, 2)} of requests fail, mostly ${errors[0]} (${errors[1]}) at ${where?.name ?? '—'}`,
      suggestion: errors[0] === 'rate_limited' ? 'raise limits, add keys, or queue at the gateway instead of failing' : 'wire the error port to a fallback (another provider, a cached answer, a static answer) and put a breaker in front',
      nodeId: where?.id ?? null,
      quotaId: null,
    });
  }
  if (r.headline.cacheHitRate !== null && r.headline.cacheHitRate < 0.3) {
    out.push({ area: 'caching', finding: `cache hit rate ${formatPercent(r.headline.cacheHitRate)} is under the guide's 30 % target`, suggestion: 'a longer TTL or more capacity, or a semantic cache for paraphrases (watch its false hits)', nodeId: r.caches[0]?.nodeId ?? null, quotaId: null });
  } else if (r.headline.cacheHitRate === null) {
    out.push({ area: 'caching', finding: 'no cache: every query pays the model', suggestion: 'the guide calls caching the biggest cost lever: add an exact cache (and a semantic one) in front of the model', nodeId: null, quotaId: null });
  }
  if (r.quality.faithfulness !== null && r.quality.faithfulness < 0.9) {
    out.push({ area: 'quality', finding: `faithfulness ${formatPercent(r.quality.faithfulness)} is under the guide's 0.9 target`, suggestion: 'escalate low-confidence answers to a stronger model (confidence gate) or raise the semantic cache threshold', nodeId: null, quotaId: null });
  }
  return out;
}
