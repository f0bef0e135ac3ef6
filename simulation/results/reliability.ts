import type { Simulation } from '../engine/simulation';
import type { OutcomeSummary } from '../metrics/outcome-stats';
import { SumSeries } from '../metrics/series';
import type { BreakerResult, PathResult, QualityResults, ReliabilityResults } from './types';

/** Breakers, fallback depth and retries: how the pipeline behaves when things fail. */
export function reliabilityResults(sim: Simulation): ReliabilityResults {
  const m = sim.metrics;
  const breakers: BreakerResult[] = [];
  sim.doc.nodes.forEach((n, i) => {
    if (n.kind !== 'circuit_breaker') return;
    const r = sim.runtimes[i]!.report?.() ?? {};
    const protectedIndex = typeof r.protects === 'string' ? sim.nodeIndexOf(r.protects) : -1;
    const protectedReport = protectedIndex >= 0 ? (sim.runtimes[protectedIndex]!.report?.() ?? {}) : {};
    const failedCalls = Number(protectedReport.failedCalls ?? 0);
    const meanDoomedCallUsd = failedCalls > 0 ? Number(protectedReport.failedCallCostUsd ?? 0) / failedCalls : 0;
    const shortCircuited = Number(r.shortCircuited ?? 0);
    breakers.push({
      nodeId: n.id,
      flavour: String(r.flavour),
      protects: protectedIndex >= 0 ? sim.doc.nodes[protectedIndex]!.id : null,
      timesOpened: Number(r.timesOpened ?? 0),
      timeOpenMs: Number(r.timeOpenMs ?? 0),
      timeHalfOpenMs: Number(r.timeHalfOpenMs ?? 0),
      shortCircuited,
      timedOutCalls: Number(r.timedOutCalls ?? 0),
      meanDoomedCallUsd,
      moneySavedUsd: shortCircuited * meanDoomedCallUsd,
      stateAtEnd: String(r.state),
    });
  });
  const served = m.served || 1;
  return {
    fallbackDepth: { none: m.fallbackDepth[0]!, one: m.fallbackDepth[1]!, two: m.fallbackDepth[2]!, threeOrMore: m.fallbackDepth[3]! },
    fallbackShare: (m.served - m.fallbackDepth[0]!) / served,
    servedAfterDeadline: m.servedAfterDeadline,
    breakers,
    faults: sim.faults.windows,
  };
}

/** Faithfulness, escalation and quality per answer path, beside cost (SEMANTICS §9). */
export function qualityResults(sim: Simulation): QualityResults {
  const m = sim.metrics;
  const finished = m.served + m.failed + m.escalated;
  const paths: PathResult[] = [];
  sim.doc.nodes.forEach((n, i) => {
    const s: OutcomeSummary = m.answerPaths[i]!.summary();
    if (s.served === 0) return;
    paths.push({ nodeId: n.id, kind: n.kind, served: s.served, share: s.served / (m.served || 1), quality: s.quality, costPerQueryUsd: s.costPerQueryUsd, p50Ms: s.latency.p50, p95Ms: s.latency.p95 });
  });
  const gateEscalations = sim.doc.nodes.reduce((sum, n, i) => sum + (n.kind === 'confidence_gate' ? Number((sim.runtimes[i]!.report?.() ?? {}).escalationRate ?? 0) : 0), 0);
  return {
    faithfulness: m.served > 0 ? m.correctAnswers / m.served : null,
    escalationRate: finished > 0 ? m.escalated / finished : 0,
    modelEscalationRate: gateEscalations,
    paths: paths.sort((a, b) => b.served - a.served),
  };
}

/** Side-by-side slices when the pipeline has them: blue/green, shadow copies, batch lane. */
export function sliceResults(sim: Simulation) {
  const m = sim.metrics;
  const has = (kind: string) => sim.doc.nodes.some((n) => n.kind === kind);
  return {
    colours: has('traffic_split') ? { blue: m.colours[1]!.summary(), green: m.colours[2]!.summary() } : null,
    shadow: has('shadow') ? m.shadow.summary() : null,
    batch: sim.doc.nodes.some((n) => n.kind === 'source' && !n.params.realtime) ? m.batch.summary() : null,
  };
}

/** Per-bucket timelines of each breaker and the pipeline's fallbacks, 429s and queue depth. */
export function reliabilitySeries(sim: Simulation, quotaSeries: Record<string, { rateLimited: number[]; queueLength: number[] }>, points: number) {
  const sum = (key: 'rateLimited' | 'queueLength') => {
    const out = new Array<number>(points).fill(0);
    for (const q of Object.values(quotaSeries)) q[key].forEach((v, i) => (out[i]! += v));
    return out;
  };
  const breakers: Record<string, Record<string, number[]>> = {};
  sim.doc.nodes.forEach((n, i) => {
    const s = sim.runtimes[i]!.series?.();
    if (s) breakers[n.id] = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.slice(0, points)]));
  });
  const fallbacks = (sim.metrics.seriesFallbacks as SumSeries).toArray().slice(0, points);
  return { breakers, fallbacks, shortCircuited: sim.metrics.seriesShortCircuited.toArray().slice(0, points), rateLimited: sum('rateLimited'), queueLength: sum('queueLength') };
}
