import { chargeback, type PipelineDocument, type RunResults } from '../../../../simulation/index';
import { nodeLabel } from '../../results/node-label';

export interface ChargebackMonthly {
  /** The team label the bill goes to (a source without a label is billed under its id). */
  team: string;
  /** What the table calls it: the label, or "Users (users)" for a source without one. */
  name: string;
  /** False when none of its sources has a team label (the name is the source's). */
  labelled: boolean;
  /** Its traffic sources as the canvas names them. */
  sources: string[];
  realtime: boolean;
  /** False when the run's window saw none of its traffic: its month is priced at its lane's (or the pipeline's) mean. */
  measured: boolean;
  requests: number;
  tokens: number;
  actualUsd: number;
  perQueryUsd: number;
  perTokenUsd: number;
  tieredUsd: number;
}

export interface ChargebackRates {
  perQueryUsd: number;
  perMillionTokensUsd: number;
  /** The tiered model's rate per query of each lane; null for a lane no team is in. */
  realtimePerQueryUsd: number | null;
  batchPerQueryUsd: number | null;
}

export interface ChargebackTable {
  rows: ChargebackMonthly[];
  rates: ChargebackRates;
  /** Every team together: what each model recovers (the month's usage cost). */
  total: Pick<ChargebackMonthly, 'requests' | 'tokens' | 'actualUsd' | 'perQueryUsd' | 'perTokenUsd' | 'tieredUsd'>;
  /** Fixed monthly costs, which no chargeback model here recovers. */
  fixedMonthlyUsd: number;
}

/**
 * Whether a source carries a team label. The document says it; without the node there (results of
 * an earlier version) a label other than the source id is one.
 */
function hasLabel(doc: PipelineDocument | null, sourceId: string, label: string): boolean {
  const node = doc?.nodes.find((n) => n.id === sourceId);
  if (node) return typeof (node.params as { label?: unknown }).label === 'string' && (node.params as { label: string }).label !== '';
  return label !== sourceId;
}

/**
 * The guide's chargeback models per team (traffic source label) for a month, as the simulation gives
 * them: each team's month at its own typical rate and cost per query, so they read next to the budget
 * and add up to the monthly usage cost. Teams are named by label with the sources they come from, so
 * a label that happens to equal a source id ("sales") is not mistaken for a missing one.
 */
export function monthlyChargeback(r: RunResults, doc: PipelineDocument | null = null): ChargebackTable {
  const raw = chargeback(r);
  const sum = (f: (c: (typeof raw)[number]) => number, rows = raw) => rows.reduce((s, c) => s + f(c), 0);
  const requests = sum((c) => c.requests);
  const tokens = sum((c) => c.tokens);
  const cost = sum((c) => c.actualUsd);
  const laneRate = (realtime: boolean) => {
    const lane = raw.filter((c) => c.realtime === realtime);
    const q = sum((c) => c.requests, lane);
    return lane.length && q > 0 ? sum((c) => c.charge.tiered, lane) / q : null;
  };
  const rates = { perQueryUsd: requests > 0 ? cost / requests : 0, perMillionTokensUsd: tokens > 0 ? (cost / tokens) * 1e6 : 0, realtimePerQueryUsd: laneRate(true), batchPerQueryUsd: laneRate(false) };
  const rows = raw.map((c) => {
    const sources = r.cost.bySource.filter((s) => s.label === c.team);
    const labelled = sources.some((s) => hasLabel(doc, s.sourceId, s.label));
    const names = sources.map((s) => nodeLabel(r.nodes, s.sourceId));
    return {
      team: c.team,
      name: labelled ? c.team : (names[0] ?? c.team),
      labelled,
      sources: names,
      realtime: c.realtime,
      measured: c.measured,
      requests: c.requests,
      tokens: c.tokens,
      actualUsd: c.actualUsd,
      perQueryUsd: c.charge['per-query'],
      perTokenUsd: c.charge['per-token'],
      tieredUsd: c.charge.tiered,
    };
  });
  const total = { requests, tokens, actualUsd: cost, perQueryUsd: sum((c) => c.charge['per-query']), perTokenUsd: sum((c) => c.charge['per-token']), tieredUsd: sum((c) => c.charge.tiered) };
  return { rows, rates, total, fixedMonthlyUsd: r.cost.fixedMonthlyUsd };
}

/**
 * A charge against what the team's traffic cost: "+12 %", "−3.4 %", or "= cost" within 0.05 % (a
 * "−0 %" read as a rounding slip).
 */
export function chargeVsCost(charge: number, actual: number): string {
  if (!(actual > 0)) return '';
  const d = (charge / actual - 1) * 100;
  if (Math.abs(d) < 0.05) return '= cost';
  const digits = Math.abs(d) < 10 ? 1 : 0;
  return `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(digits)} %`;
}
