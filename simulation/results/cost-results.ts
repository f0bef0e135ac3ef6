import { typicalRpsBySource } from '../engine/arrivals';
import type { Simulation } from '../engine/simulation';
import { COST_TYPES, type CostType } from '../metrics/cost-types';
import { formatCount } from '../units/format';
import { MINUTES_PER_MONTH } from '../units/duration';
import type { CostResults, SourceCost } from './types';

const SECONDS_PER_MONTH = MINUTES_PER_MONTH * 60;

function zeroByType(): Record<CostType, number> {
  return { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, request: 0 };
}

/** The cost section of the results: usage in the window, the month it projects to, by node, model, token type and source. */
export function costResults(sim: Simulation): CostResults {
  const { doc, metrics: m } = sim;
  const n = COST_TYPES.length;
  const variableUsd = m.totalCostUsd;
  const queries = m.measured + m.batch.measured;
  const measured = Math.max(1, queries);
  const realtime = Math.max(1, m.measured);
  const monthlyQueries = sim.typicalRps * SECONDS_PER_MONTH;
  const fixedMonthlyUsd = doc.fixedCosts.reduce((s, c) => s + c.monthlyUsd, 0);
  const variablePerQueryUsd = queries > 0 ? variableUsd / measured : 0;
  const fixedPerQueryUsd = monthlyQueries > 0 ? fixedMonthlyUsd / monthlyQueries : 0;
  const bySource = sourceCosts(sim, variablePerQueryUsd, monthlyQueries);
  // Each source at its own cost per query and its own month: teams differ in curve (a night batch, a
  // daytime team) and in cost (batch discounts), so the window's mix is not the month's.
  const variableMonthlyUsd = bySource.length > 1 ? bySource.reduce((s, x) => s + x.monthlyUsageUsd, 0) : variablePerQueryUsd * monthlyQueries;
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
    // The tokens counted here are the real-time requests' (the batch lane has its own slice): per real-time query.
    tokensPerQuery: { input: m.inputTokens / realtime, cachedInput: m.cachedInputTokens / realtime, output: m.outputTokens / realtime },
    bySource,
    formulas: {
      variablePerQueryUsd: `usage cost of the ${queries.toLocaleString('en-US')} measured requests ÷ ${queries.toLocaleString('en-US')} (every attempt, retry, fallback and shadow call included)`,
      monthlyQueries: `mean rate over the daily and weekly profile ${round(sim.typicalRps)} req/s × 2,592,000 s (30 days)`,
      variableMonthlyUsd: bySource.length > 1 ? 'the sum over traffic sources of each one\'s usage cost per query × its monthly queries' : 'usage cost per query × monthly queries',
      fixedPerQueryUsd: 'fixed monthly costs ÷ monthly queries',
      monthlyUsd: 'usage cost per month + fixed monthly costs',
      perQueryUsd: 'usage cost per query + fixed cost per query',
      perServedQueryUsd: `cost per query ÷ share of user requests served (${m.served.toLocaleString('en-US')} of ${m.measured.toLocaleString('en-US')})`,
    },
  };
}

/**
 * Per traffic source: what it sent and cost in the window, and its month. A single source's month is
 * the pipeline's (the same arithmetic as the headline, to the last bit). A source that sent nothing
 * measured is priced at the mean cost per query of its own lane's measured sources (a night batch at
 * the batch lane's discounted mean), or of the whole pipeline when its lane sent nothing either.
 */
function sourceCosts(sim: Simulation, variablePerQueryUsd: number, monthlyQueries: number): SourceCost[] {
  const m = sim.metrics;
  const typical = typicalRpsBySource(sim.doc);
  const sources = sim.doc.nodes.flatMap((n, i) => (n.kind === 'source' ? [{ n, i, realtime: n.params.realtime }] : []));
  const laneMean = (realtime: boolean): number | null => {
    const lane = sources.filter((s) => s.realtime === realtime);
    const requests = lane.reduce((sum, s) => sum + m.sourceRequests[s.i]!, 0);
    return requests > 0 ? lane.reduce((sum, s) => sum + m.sourceCostUsd[s.i]!, 0) / requests : null;
  };
  return sources.map(({ n, i, realtime }) => {
    const requests = m.sourceRequests[i]!;
    const costUsd = m.sourceCostUsd[i]!;
    const costPerQueryUsd = requests > 0 ? costUsd / requests : null;
    const single = sources.length === 1;
    const month = single ? monthlyQueries : (typical.get(n.id) ?? 0) * SECONDS_PER_MONTH;
    const lane = costPerQueryUsd === null ? laneMean(realtime) : null;
    const pricedAt: SourceCost['pricedAt'] = costPerQueryUsd !== null ? 'measured' : lane !== null ? 'lane mean' : 'pipeline mean';
    const monthlyUsageUsd = single ? variablePerQueryUsd * monthlyQueries : (costPerQueryUsd ?? lane ?? variablePerQueryUsd) * month;
    const label = n.kind === 'source' ? n.params.label || n.id : n.id;
    return { sourceId: n.id, label, realtime, requests, costUsd, inputTokens: m.sourceInputTokens[i]!, outputTokens: m.sourceOutputTokens[i]!, monthlyQueries: month, costPerQueryUsd, pricedAt, monthlyUsageUsd };
  });
}

function round(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

/** What a reader of the monthly cost must know about the sources: one that sent nothing measured is priced at the mean. */
export function sourceNotes(cost: CostResults): string[] {
  if (cost.bySource.length < 2) return [];
  const unmeasured = cost.bySource.filter((s) => s.pricedAt !== 'measured' && s.monthlyQueries > 0);
  return [
    'Monthly usage cost adds up each traffic source at its own cost per query and its own month (its curve), so a team whose hours the window missed still counts.',
    ...unmeasured.map((s) => `Source ${s.label} sent no request in the measured window (its traffic runs at other hours): its ${formatCount(s.monthlyQueries)} monthly queries are priced at ${s.pricedAt === 'lane mean' ? `the mean usage cost per query of the ${s.realtime ? 'real-time' : 'batch'} sources that did` : "the pipeline's mean usage cost per query"}. Run over 24 h (--duration 24h) to price them from its own requests.`),
  ];
}
