import { estimateLoad } from '../analysis/load-estimate';
import { ERROR_NAMES } from '../engine/errors';
import type { Simulation } from '../engine/simulation';
import { COST_TYPES, CostIndex, type CostType } from '../metrics/cost-types';
import { formatDurationMs, MINUTES_PER_MONTH } from '../units/duration';
import { measuredMinutes, measuredLoad, quotaResult, quotaSeries } from './quota-results';
import { nodeKind } from '../nodes/registry';
import { buildTraces } from './traces';
import { errorBudget, sloChecks } from './slo';
import type { CacheResult, CostResults, NodeResult, Outcomes, RunResults } from './types';
import { qualityResults, reliabilityResults, reliabilitySeries, sliceResults } from './reliability';

const SECONDS_PER_MONTH = MINUTES_PER_MONTH * 60;

/** Assembles the results of a finished simulation into plain, stable JSON. */
export function buildResults(sim: Simulation): RunResults {
  const { doc, metrics: m, options: o } = sim;
  m.settle();
  const arrivalsEndMs = sim.horizonMs;
  const measuredWindowMs = Math.max(1, arrivalsEndMs - o.warmupMs);
  const measuredRps = m.measured / (measuredWindowMs / 1000);

  const nodes = nodeResults(sim);
  const caches: CacheResult[] = nodes
    .filter((n) => n.kind === 'exact_cache' || n.kind === 'semantic_cache')
    .map((n) => ({
      nodeId: n.id,
      mode: String(n.report.mode ?? ''),
      lookups: Number(n.report.lookups ?? 0),
      hits: Number(n.report.hits ?? 0),
      hitRate: Number(n.report.hitRate ?? 0),
      expired: Number(n.report.expired ?? 0),
      evictions: Number(n.report.evictions ?? 0),
    }));
  const quotas = sim.quotas.map((q) => quotaResult(q, o.warmupMs, arrivalsEndMs, quotaTokensPerQuery(sim, q.spec.id)));
  const outcomes = outcomeResults(sim, arrivalsEndMs);
  const cost = costResults(sim);
  const e2e = m.e2eLatency.summary();
  const ttft = m.ttft.summary();
  const peaks = quotas.map((q) => q.peakUtilisation);

  const anyServed = e2e.count > 0;
  const headline = {
    p50Ms: anyServed ? e2e.p50 : null,
    p95Ms: anyServed ? e2e.p95 : null,
    p99Ms: anyServed ? e2e.p99 : null,
    ttftP50Ms: anyServed ? ttft.p50 : null,
    ttftP95Ms: anyServed ? ttft.p95 : null,
    errorRate: outcomes.errorRate,
    availability: outcomes.availability,
    costPerQueryUsd: cost.perQueryUsd,
    monthlyCostUsd: cost.monthlyUsd,
    cacheHitRate: caches.length ? (m.measured > 0 ? m.servedFromCache / m.measured : 0) : null,
    peakQuotaUtilisation: peaks.length ? Math.max(...peaks) : null,
    throughputRps: (m.served + m.escalated) / (measuredWindowMs / 1000),
  };

  const estimate = estimateLoad(doc, sim.catalog, { startMs: o.warmupMs, endMs: arrivalsEndMs });
  const measured = sim.quotas.map((q) => measuredLoad(q, o.warmupMs, arrivalsEndMs)).filter((x) => x !== null);
  const warnings = [...estimate.warnings];
  for (const load of measured) {
    if (load.queueGrowing && !estimate.warnings.some((w) => w.includes(`'${load.quotaId}'`))) {
      warnings.push(`quota '${load.quotaId}': the wait queue kept growing through the run (measured utilisation ${Math.round(load.utilisation * 100)} %): latency percentiles describe this horizon, not a steady state`);
    }
  }
  if (sim.drainCutOff) warnings.push(`draining stopped 1 h after the last arrival with ${sim.unfinishedMeasured} measured requests still in flight: the pipeline cannot keep up`);

  const clock = m.clock;
  // The series cover the arrival window: the minutes after the last arrival only see the slowest
  // requests finish (a biased P50, quotas idling), so they are left out; those requests are in the totals.
  const points = Math.min(clock.points, Math.max(1, Math.ceil(arrivalsEndMs / clock.bucketMs)));
  const cut = <T>(a: T[]): T[] => (a.length > points ? a.slice(0, points) : a);
  const served = cut(m.seriesServed.toArray());
  const errors = cut(m.seriesErrors.toArray());
  const quotaSeriesById = Object.fromEntries(sim.quotas.map((q) => [q.spec.id, quotaSeries(q, clock.bucketMs, points)]));
  const timeline = reliabilitySeries(sim, quotaSeriesById, points);
  const growth = doc.traffic.monthlyGrowth;
  const results: RunResults = {
    schemaVersion: 1,
    pipeline: { name: doc.pipeline.name },
    run: {
      seed: o.seed,
      warmupMs: o.warmupMs,
      horizon: o.requests !== null ? 'requests' : 'duration',
      durationMs: measuredWindowMs,
      requestsLimit: o.requests,
      drain: o.drain,
      arrivalsEndMs,
      endMs: sim.now,
      requestsArrived: sim.requestsArrived,
      requestsMeasured: m.measured,
      requestsUnfinished: sim.unfinishedMeasured,
      drainCutOff: sim.drainCutOff,
      events: sim.events,
      measuredRps,
    },
    headline,
    latency: {
      endToEnd: e2e,
      ttft,
      histogram: m.e2eLatency.bins(60),
      byClass: sim.traffic.classes.map((c, i) => ({
        class: c.name,
        stream: c.stream,
        measured: m.classArrivals[i]!,
        served: m.classServed[i]!,
        latency: m.classLatency[i]!.summary(),
        costPerQueryUsd: m.classArrivals[i]! > 0 ? m.classCostUsd[i]! / m.classArrivals[i]! : 0,
      })),
    },
    outcomes,
    cost,
    nodes,
    caches,
    quotas,
    series: {
      bucketMs: clock.bucketMs,
      points,
      warmupEndMs: o.warmupMs,
      arrivalsEndMs,
      arrivals: cut(m.seriesArrivals.toArray()),
      served,
      errors,
      errorRate: served.map((s, i) => (s + errors[i]! > 0 ? errors[i]! / (s + errors[i]!) : null)),
      costUsd: cut(m.seriesCostUsd.toArray()),
      retries: cut(m.seriesRetries.toArray()),
      cacheHits: cut(m.seriesCacheHits.toArray()),
      latencyP50Ms: cut(m.seriesLatency.quantiles(0.5)),
      latencyP95Ms: cut(m.seriesLatency.quantiles(0.95)),
      latencyP99Ms: cut(m.seriesLatency.quantiles(0.99)),
      quotas: quotaSeriesById,
      ...timeline,
      correct: cut(m.seriesCorrect.toArray()),
      nodeCostUsd: Object.fromEntries(doc.nodes.map((n, i) => [n.id, cut(m.seriesNodeCost[i]!.toArray())] as const).filter(([, v]) => v.some((x) => x > 0))),
    },
    stability: { offered: estimate.offered, measured, warnings },
    slo: { checks: [], errorBudget: errorBudget(doc.slo, { outcomes, cost }) },
    reliability: reliabilityResults(sim),
    quality: qualityResults(sim),
    slices: sliceResults(sim),
    projection: Array.from({ length: 12 }, (_, k) => {
      const queries = cost.monthlyQueries * (1 + growth) ** k;
      return { month: k + 1, queries, costUsd: queries * cost.variablePerQueryUsd + cost.fixedMonthlyUsd };
    }),
    traces: buildTraces(sim),
    notes: [],
  };
  results.slo.checks = sloChecks(doc.slo, results);
  results.notes = notes(sim, results);
  return results;
}

function nodeResults(sim: Simulation): NodeResult[] {
  const m = sim.metrics;
  const total = m.totalCostUsd;
  return sim.doc.nodes.map((n, i) => {
    let usd = 0;
    for (let t = 0; t < COST_TYPES.length; t++) usd += m.costUsd[i * COST_TYPES.length + t]!;
    return {
      id: n.id,
      kind: n.kind,
      name: n.name || n.id,
      entered: m.nodeEntered[i]!,
      ok: m.nodeOk[i]!,
      failed: m.nodeFailed[i]!,
      attempts: m.nodeAttempts[i]!,
      retries: m.nodeRetries[i]!,
      rateLimited: m.nodeRateLimited[i]!,
      latency: m.nodeLatency[i]!.summary(),
      costUsd: usd,
      costShare: total > 0 ? usd / total : 0,
      report: sim.runtimes[i]!.report?.() ?? {},
    };
  });
}

function outcomeResults(sim: Simulation, arrivalsEndMs: number): Outcomes {
  const m = sim.metrics;
  const finished = m.served + m.failed + m.escalated;
  const errorsByType: Outcomes['errorsByType'] = {};
  ERROR_NAMES.forEach((name, code) => {
    if (m.errorsByCode[code]! > 0) errorsByType[name] = m.errorsByCode[code]!;
  });
  const { first, last } = measuredMinutes(sim.options.warmupMs, arrivalsEndMs);
  let down = 0;
  for (let minute = first; minute <= last; minute++) {
    const s = sim.minuteServed.get(minute);
    const f = sim.minuteFailed.get(minute);
    if (f > 0 && f / (s + f) > 0.5) down++;
  }
  let retries = 0;
  let attempts = 0;
  let truncated = 0;
  for (let i = 0; i < sim.doc.nodes.length; i++) {
    retries += m.nodeRetries[i]!;
    attempts += m.nodeAttempts[i]!;
    truncated += Number(sim.runtimes[i]!.report?.().truncatedAnswers ?? 0);
  }
  const firstAttempts = attempts - retries;
  return {
    measured: m.measured,
    served: m.served,
    failed: m.failed,
    escalated: m.escalated,
    unfinished: sim.unfinishedMeasured,
    servedFromCache: m.servedFromCache,
    errorRate: finished > 0 ? m.failed / finished : 0,
    availability: finished > 0 ? (m.served + m.escalated) / finished : 1,
    downtimeMinutes: down,
    measuredMinutes: last - first + 1,
    errorsByType,
    retries,
    retryRate: firstAttempts > 0 ? retries / firstAttempts : 0,
    truncatedAnswers: truncated,
  };
}

function zeroByType(): Record<CostType, number> {
  return { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, request: 0 };
}

function costResults(sim: Simulation): CostResults {
  const { doc, metrics: m } = sim;
  const n = COST_TYPES.length;
  const variableUsd = m.totalCostUsd;
  const queries = m.measured + m.batch.measured;
  const measured = Math.max(1, queries);
  const monthlyQueries = sim.typicalRps * SECONDS_PER_MONTH;
  const fixedMonthlyUsd = doc.fixedCosts.reduce((s, c) => s + c.monthlyUsd, 0);
  const variablePerQueryUsd = queries > 0 ? variableUsd / measured : 0;
  const fixedPerQueryUsd = monthlyQueries > 0 ? fixedMonthlyUsd / monthlyQueries : 0;
  const variableMonthlyUsd = variablePerQueryUsd * monthlyQueries;
  const byType = zeroByType();
  const byModel = new Map<string, { model: string; provider: string; usd: number; inputTokens: number; cachedInputTokens: number; outputTokens: number }>();
  const byNode = doc.nodes.map((node, i) => {
    const usdByType = zeroByType();
    const units = zeroByType();
    COST_TYPES.forEach((t, k) => {
      usdByType[t] = m.costUsd[i * n + k]!;
      units[t] = m.tokens[i * n + k]!;
      byType[t] += usdByType[t];
    });
    const usd = COST_TYPES.reduce((s, t) => s + usdByType[t], 0);
    const modelId = (node.params as { model?: string }).model;
    if (modelId && usd + units.input + units.output > 0) {
      const entry = byModel.get(modelId) ?? { model: modelId, provider: sim.catalog.get(modelId)?.provider ?? '', usd: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 };
      entry.usd += usd;
      entry.inputTokens += units.input + units.cachedInput;
      entry.cachedInputTokens += units.cachedInput;
      entry.outputTokens += units.output;
      byModel.set(modelId, entry);
    }
    return { nodeId: node.id, usd, share: variableUsd > 0 ? usd / variableUsd : 0, byType: usdByType, units };
  });
  const monthlyUsd = variableMonthlyUsd + fixedMonthlyUsd;
  return {
    variableUsd,
    variablePerQueryUsd,
    fixedMonthlyUsd,
    fixedPerQueryUsd,
    perQueryUsd: variablePerQueryUsd + fixedPerQueryUsd,
    perServedQueryUsd: m.served > 0 && m.measured > 0 ? (variablePerQueryUsd + fixedPerQueryUsd) / (m.served / m.measured) : null,
    monthlyQueries,
    variableMonthlyUsd,
    monthlyUsd,
    dailyUsd: monthlyUsd / 30,
    byType,
    byNode: byNode.filter((b) => b.usd > 0 || b.units.input > 0),
    byModel: [...byModel.values()].map((b) => ({ ...b, share: variableUsd > 0 ? b.usd / variableUsd : 0 })).sort((a, b) => b.usd - a.usd),
    fixed: doc.fixedCosts.map((c) => ({ name: c.name, monthlyUsd: c.monthlyUsd, category: c.category })),
    tokensPerQuery: { input: m.inputTokens / measured, cachedInput: m.cachedInputTokens / measured, output: m.outputTokens / measured },
    bySource: doc.nodes.flatMap((n, i) =>
      n.kind === 'source'
        ? [{ sourceId: n.id, label: n.params.label || n.id, realtime: n.params.realtime, requests: m.sourceRequests[i]!, costUsd: m.sourceCostUsd[i]!, inputTokens: m.sourceInputTokens[i]!, outputTokens: m.sourceOutputTokens[i]! }]
        : [],
    ),
    formulas: {
      variablePerQueryUsd: `usage cost of the ${queries.toLocaleString('en-US')} measured requests ÷ ${queries.toLocaleString('en-US')} (every attempt, retry, fallback and shadow call included)`,
      monthlyQueries: `mean rate over the daily and weekly profile ${round(sim.typicalRps)} req/s × 2,592,000 s (30 days)`,
      variableMonthlyUsd: 'usage cost per query × monthly queries',
      fixedPerQueryUsd: 'fixed monthly costs ÷ monthly queries',
      monthlyUsd: 'usage cost per month + fixed monthly costs',
      perQueryUsd: 'usage cost per query + fixed cost per query',
      perServedQueryUsd: `cost per query ÷ share of user requests served (${m.served.toLocaleString('en-US')} of ${m.measured.toLocaleString('en-US')})`,
    },
  };
}

function round(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

/** The note that a single run has no interval; a report on replications restates it (found by equality, not by wording). */
export function singleRunNote(seed: number): string {
  return `This run's seed is ${seed}; one run has no confidence interval (replications give one).`;
}

function notes(sim: Simulation, r: RunResults): string[] {
  const o = sim.options;
  const out = [
    `Statistics cover the ${r.run.requestsMeasured.toLocaleString('en-US')} requests that arrived after a ${formatDurationMs(o.warmupMs)} warm-up, over ${formatDurationMs(r.run.durationMs)} of arrivals (${o.requests !== null ? `stopped after ${o.requests.toLocaleString('en-US')} measured requests` : 'fixed duration'}); warm-up requests loaded the system but are not counted.`,
    `Latency percentiles come from ${r.outcomes.served.toLocaleString('en-US')} served requests in a streaming histogram with 0.4 % relative accuracy.`,
    singleRunNote(o.seed),
    o.drain
      ? `Requests in flight at the end were drained and counted${r.run.drainCutOff ? ` until a cut-off 1 h later; ${r.run.requestsUnfinished} remained unfinished` : ''}.`
      : `Requests in flight at the end were not drained: ${r.run.requestsUnfinished.toLocaleString('en-US')} measured requests are reported as unfinished and excluded from latency and error rate.`,
    `Monthly figures assume a 30-day month (43,200 minutes) at the traffic's mean daily rate.`,
  ];
  const billed = failedAttemptsBilled(sim, r);
  if (billed) out.push(billed);
  return out;
}

/**
 * Tokens a measured query sends through the nodes that count against quota `quotaId`, from the cost
 * ledger: every attempt of every measured request (its shadow copies included), wherever in the run
 * it happened, over the measured queries. The quota's own per-minute sums would miss the partial
 * minutes at both ends of the window and the drain, which biases short runs (+18 % capacity at 2,000
 * requests).
 */
function quotaTokensPerQuery(sim: Simulation, quotaId: string): number {
  const m = sim.metrics;
  const queries = m.measured + m.batch.measured;
  if (queries === 0) return 0;
  const n = COST_TYPES.length;
  let tokens = 0;
  sim.doc.nodes.forEach((node, i) => {
    if (!(nodeKind(node.kind)?.quotaRefs?.(node.params as never) ?? []).includes(quotaId)) return;
    for (const k of [CostIndex.input, CostIndex.cachedInput, CostIndex.cacheWrite, CostIndex.output]) tokens += m.tokens[i * n + k]!;
  });
  return tokens / queries;
}

/**
 * The cost assumption behind failed LLM attempts, said where it applies: with billFailedAttempts on
 * (the default) a 5xx or timed-out attempt pays its input tokens, which some providers do not charge.
 */
function failedAttemptsBilled(sim: Simulation, r: RunResults): string | null {
  const billing = new Set(sim.doc.nodes.filter((n) => n.kind === 'llm' && (n.params as { billFailedAttempts?: boolean }).billFailedAttempts !== false).map((n) => n.id));
  // Attempts that neither succeeded nor met a 429 ended in a 5xx or a timeout.
  const counts = r.nodes.filter((n) => billing.has(n.id)).map((n) => ({ id: n.id, attempts: n.attempts - n.ok - n.rateLimited })).filter((x) => x.attempts > 0);
  if (counts.length === 0) return null;
  const list = counts.map((c) => `${c.attempts.toLocaleString('en-US')} at ${c.id}`).join(', ');
  return `Failed LLM attempts (5xx, timeouts; ${list}) are billed for their input tokens (and a timeout for the output generated so far), as billFailedAttempts is on; many providers do not charge for 5xx errors: set it off on the node to leave them out. 429s are never billed.`;
}
