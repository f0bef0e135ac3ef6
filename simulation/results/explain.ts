import { formatDurationMs } from '../units/duration';
import { formatCount, formatMs, formatPercent, formatTokens, formatUsd } from '../units/format';
import { formatShare } from '../units/precision';
import type { Headline, RunResults } from './types';

/** Where a figure comes from: what it measures, the formula with this run's numbers, and its inputs. */
export interface Explanation {
  title: string;
  /** The formula with this run's numbers filled in. */
  formula: string;
  /** Sample, window and the largest contributors. */
  details: string[];
}

export type HeadlineKey = keyof Headline;

/** A per-query amount with the digits a reader needs to redo a product with millions of queries. */
const exactUsd = (usd: number) => (usd === 0 ? '$0' : `$${Number(usd.toPrecision(5))}`);

/**
 * Explanations of the headline figures, shared by the app (hover and side notes), the CLI and
 * reports, so "where does this number come from?" always has the same answer.
 */
export function explainHeadline(r: RunResults): Record<HeadlineKey, Explanation> {
  const served = formatCount(r.outcomes.served);
  const window = `arrivals after a ${formatDurationMs(r.run.warmupMs)} warm-up over ${formatDurationMs(r.run.durationMs)}`;
  const noneServed = r.outcomes.served === 0;
  const sample = `${served} served requests (${window}), seed ${r.run.seed}, one run; streaming histogram within 0.4 %`;
  const slowest = (key: 'p50' | 'p95' | 'p99') =>
    [...r.nodes]
      .filter((n) => n.latency.count > 0 && n.kind !== 'source')
      .sort((a, b) => b.latency[key] - a.latency[key])
      .slice(0, 3)
      .map((n) => `${n.name}: ${formatMs(n.latency[key])}`)
      .join(', ');
  const latency = (q: 'p50' | 'p95' | 'p99', label: string): Explanation => ({
    title: `${label} end-to-end latency`,
    formula: `${label} of (time the request reached a Response terminal − its arrival) = ${noneServed ? '— (no request was served, so there is no latency; every latency target fails)' : formatMs(r.latency.endToEnd[q])}`,
    details: [sample, `Per-node ${label} (time inside each node, queueing included): ${slowest(q) || 'n/a'}`, 'Failed requests are not in latency figures; they are counted in the error rate.'],
  });
  const ttft = (q: 'p50' | 'p95', label: string): Explanation => ({
    title: `${label} time to first token`,
    formula: `${label} of (first token visible − arrival) = ${noneServed ? '— (no request was served)' : formatMs(r.latency.ttft[q])}`,
    details: [sample, 'Streamed answers: the answering LLM call start + its TTFT (prefill included). Non-streamed answers and cache hits: the full response time.'],
  });
  const nodeName = (id: string) => r.nodes.find((n) => n.id === id)?.name ?? id;
  const o = r.outcomes;
  const finished = o.served + o.failed + o.escalated;
  const errorTypes = Object.entries(o.errorsByType).map(([k, v]) => `${k} ${formatCount(v ?? 0)}`).join(', ');
  const failingNodes = r.nodes.filter((n) => n.failed > 0).map((n) => `${n.name} ${formatCount(n.failed)}`).join(', ');
  const c = r.cost;
  const topCost = c.byNode
    .slice()
    .sort((a, b) => b.usd - a.usd)
    .slice(0, 4)
    .map((n) => `${nodeName(n.nodeId)} ${formatPercent(n.share)}`)
    .join(', ');
  // Rerank models bill the candidate chunks' tokens: not in the chat/embedding token counts above.
  const rerankTokens = c.byNode.filter((n) => r.nodes.find((x) => x.id === n.nodeId)?.kind === 'reranker').reduce((sum, n) => sum + n.units.input, 0);
  const perQuery = (x: number) => x / Math.max(1, o.measured);
  const busiest = r.quotas
    .map((q) => {
      const dims = Object.entries(q.utilisation).filter(([k, f]) => k !== 'reservedPeak' && f !== null) as Array<[string, { peak: number }]>;
      const [dim, f] = dims.sort((a, b) => b[1].peak - a[1].peak)[0] ?? ['—', { peak: 0 }];
      return { q, dim, peak: f.peak };
    })
    .sort((a, b) => b.peak - a.peak)[0];
  const cacheNodes = r.caches.map((x) => `${nodeName(x.nodeId)} ${formatPercent(x.hitRate)} of ${formatCount(x.lookups)} lookups`).join('; ');
  return {
    p50Ms: latency('p50', 'P50'),
    p95Ms: latency('p95', 'P95'),
    p99Ms: latency('p99', 'P99'),
    ttftP50Ms: ttft('p50', 'P50'),
    ttftP95Ms: ttft('p95', 'P95'),
    errorRate: {
      title: 'Error rate',
      formula: `failed ÷ finished = ${formatCount(o.failed)} ÷ ${formatCount(finished)} = ${formatPercent(o.errorRate, 2)}`,
      details: [`By error: ${errorTypes || 'none'}`, `Where requests failed: ${failingNodes || 'nowhere'}`, `A call fails only after its retries are spent (${formatCount(o.retries)} retries in all); a wired error port (fallback) turns a failure into another path.`],
    },
    availability: {
      title: 'Availability (request-based)',
      formula: `(served + escalated) ÷ finished = ${formatCount(o.served + o.escalated)} ÷ ${formatCount(finished)} = ${formatShare(o.availability)}`,
      details: [`Downtime: ${o.downtimeMinutes} of ${o.measuredMinutes} measured minutes had an error rate above 50 % (the guide's "system down").`],
    },
    costPerQueryUsd: {
      title: 'Cost per query',
      formula: `usage ${formatUsd(c.variableUsd)} ÷ ${formatCount(r.outcomes.measured)} requests + fixed ${formatUsd(c.fixedMonthlyUsd)}/month ÷ ${Math.round(c.monthlyQueries).toLocaleString('en-US')} queries/month = ${exactUsd(c.variablePerQueryUsd)} + ${exactUsd(c.fixedPerQueryUsd)} = ${formatUsd(c.perQueryUsd)}`,
      details: [
        `Usage by node: ${topCost || 'none'}`,
        `Chat and embedding tokens per query: ${formatTokens(c.tokensPerQuery.input)} input (${formatTokens(c.tokensPerQuery.cachedInput)} of them cached), ${formatTokens(c.tokensPerQuery.output)} output${rerankTokens > 0 ? `; the reranker bills another ${formatTokens(perQuery(rerankTokens))} candidate tokens per query` : ''}. Every attempt, retry and fallback call pays.`,
        ...(c.perServedQueryUsd !== null && o.errorRate > 0.01 ? [`Per served query: ${formatUsd(c.perServedQueryUsd)} — only ${formatPercent(o.served / Math.max(1, o.measured))} of requests were served, and failed ones paid for their attempts.`] : []),
        'Prices: the model catalog (USD per token, with source and date).',
      ],
    },
    monthlyCostUsd: {
      title: 'Monthly cost',
      // Several sources add up, each at its own cost per query and its own month (cost.bySource).
      formula:
        c.bySource.length > 1
          ? `usage ${c.bySource.map((s) => `${s.label} ${formatUsd(s.monthlyUsageUsd)}`).join(' + ')} = ${formatUsd(c.variableMonthlyUsd)}, + fixed ${formatUsd(c.fixedMonthlyUsd)} = ${formatUsd(c.monthlyUsd)}`
          : `usage ${exactUsd(c.variablePerQueryUsd)}/query × ${Math.round(c.monthlyQueries).toLocaleString('en-US')} queries = ${formatUsd(c.variableMonthlyUsd)}, + fixed ${formatUsd(c.fixedMonthlyUsd)} = ${formatUsd(c.monthlyUsd)}`,
      details: [c.formulas.monthlyQueries ?? '', `Fixed: ${c.fixed.map((f) => `${f.name} ${formatUsd(f.monthlyUsd)}`).join(', ') || 'none'}`, 'A month is 30 days (43,200 minutes).'],
    },
    cacheHitRate: {
      title: 'Cache hit rate',
      formula:
        r.headline.cacheHitRate === null
          ? 'no cache in the pipeline'
          : `requests answered from a cache ÷ measured requests = ${formatCount(o.servedFromCache)} ÷ ${formatCount(o.measured)} = ${formatPercent(r.headline.cacheHitRate)}`,
      details: cacheNodes ? [`Per cache: ${cacheNodes}`] : [],
    },
    peakQuotaUtilisation: {
      title: 'Peak quota utilisation',
      formula: busiest ? `busiest minute of quota '${busiest.q.id}' (${busiest.dim}) = ${formatPercent(busiest.peak)} of its limit` : 'no quotas in the pipeline',
      details: r.quotas.map((q) => `${q.id}: peak ${formatPercent(q.peakUtilisation)}, headroom ${formatPercent(q.headroom)}, ${formatCount(q.rateLimited)} 429s`),
    },
    throughputRps: {
      title: 'Throughput',
      formula: `(served + escalated) ÷ measured window = ${formatCount(o.served + o.escalated)} ÷ ${formatDurationMs(r.run.durationMs)} = ${Number(r.headline.throughputRps.toPrecision(4))} req/s`,
      details: [`Offered: ${Number(r.run.measuredRps.toPrecision(4))} req/s arrived in the measured window.`],
    },
  };
}
