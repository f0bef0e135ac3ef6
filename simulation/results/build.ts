import { estimateLoad } from '../analysis/load-estimate';
import { ERROR_NAMES } from '../engine/errors';
import type { Simulation } from '../engine/simulation';
import { COST_TYPES, CostIndex } from '../metrics/cost-types';
import { formatDurationMs } from '../units/duration';
import { measuredMinutes, measuredLoad, quotaResult, quotaSeries } from './quota-results';
import { nodeKind } from '../nodes/registry';
import { buildTraces } from './traces';
import { errorBudget, sloChecks } from './slo';
import type { CacheResult, NodeResult, Outcomes, RunResults } from './types';
import { costResults, sourceNotes } from './cost-results';
import { qualityResults, reliabilityResults, reliabilitySeries, sliceResults } from './reliability';


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
      // Month 1 is the monthly cost itself: usage as the sources add it up (each at its own cost per query).
      const queries = cost.monthlyQueries * (1 + growth) ** k;
      return { month: k + 1, queries, costUsd: cost.variableMonthlyUsd * (1 + growth) ** k + cost.fixedMonthlyUsd };
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
  out.push(...sourceNotes(r.cost));
  // A month extrapolated from a run with an outage holds the outage's retries and billed failures every hour.
  if (sim.doc.faults.length) out.push(`Monthly cost extrapolates this run with its ${sim.doc.faults.length === 1 ? 'fault window' : `${sim.doc.faults.length} fault windows`}: their retries, fallbacks and billed failed attempts count as if they recurred all month. For the steady-state month, run a copy without faults (the maturity ROI does).`);
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
