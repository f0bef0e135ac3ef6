import { formatCount, formatMs, formatUsd, nodeKind, formatShare, type RunResults } from '../../../simulation/index';
import type { Figure } from './figures';
import { checkStatus } from './headline-cards';
import { nodeName } from './node-label';

export type OutcomeSummary = NonNullable<RunResults['slices']['shadow']>;

/** Faithfulness, escalation to humans and model escalation, coloured against the SLOs. */
export function qualityFigures(r: RunResults): Figure[] {
  const q = r.quality;
  const o = r.outcomes;
  const finished = o.served + o.failed + o.escalated;
  const check = (metric: string) => r.slo.checks.find((c) => c.metric === metric);
  const correct = q.faithfulness === null ? null : Math.round(q.faithfulness * o.served);
  const perPath = q.paths.map((p) => `${nodeName(r.nodes, p.nodeId)}: ${p.quality === null ? 'n/a' : formatShare(p.quality)} of ${formatCount(p.served)}`).join(', ');
  return [
    {
      key: 'faithfulness',
      label: 'Faithfulness',
      value: q.faithfulness === null ? 'n/a' : formatShare(q.faithfulness),
      sub: correct === null ? 'no answers served' : `${formatCount(correct)} of ${formatCount(o.served)} answers`,
      tone: checkStatus(check('faithfulness')),
      explanation: {
        title: 'Faithfulness (correct and grounded answers)',
        formula: q.faithfulness === null ? 'no served answers' : `correct answers ÷ served = ${formatCount(correct ?? 0)} ÷ ${formatCount(o.served)} = ${formatShare(q.faithfulness)}`,
        details: ['Each LLM answers correctly with its quality for the query class; a cache hit repeats the quality of the stored answer, a semantic false hit is wrong, a static answer counts as its own quality.', `By answering path: ${perPath || 'none'}`],
      },
    },
    {
      key: 'escalationRate',
      label: 'Escalation to humans',
      value: formatShare(q.escalationRate),
      sub: `${formatCount(o.escalated)} of ${formatCount(finished)} finished`,
      tone: checkStatus(check('escalationRate')),
      explanation: {
        title: 'Escalation rate',
        formula: `requests ending at an Escalation terminal ÷ finished = ${formatCount(o.escalated)} ÷ ${formatCount(finished)} = ${formatShare(q.escalationRate)}`,
        details: ['An escalated request is answered by a person: it counts as available but costs support time.'],
      },
    },
    {
      key: 'modelEscalationRate',
      label: 'Escalated by confidence gates',
      value: formatShare(q.modelEscalationRate),
      sub: 'to a stronger model or a human',
      tone: 'none',
      explanation: {
        title: 'Model escalation rate',
        formula: `answers a confidence gate escalated ÷ answers it scored, summed over gates = ${formatShare(q.modelEscalationRate)}`,
        details: ['A gate escalates wrong answers more often than right ones, by its threshold curve (editable on the gate).'],
      },
    },
  ];
}

export interface PathRow {
  nodeId: string;
  name: string;
  kind: string;
  served: number;
  share: number;
  quality: string;
  costPerQuery: string;
  p50: string;
  p95: string;
}

/** Quality per answering path next to its cost and latency: the tiering trade-off in one table. */
export function pathRows(r: RunResults): PathRow[] {
  return r.quality.paths.map((p) => ({
    nodeId: p.nodeId,
    name: r.nodes.find((n) => n.id === p.nodeId)?.name ?? p.nodeId,
    kind: nodeKind(p.kind)?.title ?? p.kind,
    served: p.served,
    share: p.share,
    quality: p.quality === null ? 'n/a' : formatShare(p.quality),
    costPerQuery: formatUsd(p.costPerQueryUsd),
    p50: formatMs(p.p50Ms),
    p95: formatMs(p.p95Ms),
  }));
}

export interface SliceColumn {
  key: string;
  title: string;
  note: string;
  summary: OutcomeSummary;
}

export interface SliceRow {
  label: string;
  values: string[];
  /** Second column minus the first, for blue/green; empty otherwise. */
  delta: string;
}

const METRICS: Array<{ label: string; read(s: OutcomeSummary): number | null; format(v: number | null): string }> = [
  { label: 'Measured requests', read: (s) => s.measured, format: (v) => formatCount(v ?? 0) },
  { label: 'Served', read: (s) => s.served, format: (v) => formatCount(v ?? 0) },
  { label: 'Failed', read: (s) => s.failed, format: (v) => formatCount(v ?? 0) },
  { label: 'Error rate', read: (s) => s.errorRate, format: (v) => formatShare(v) },
  { label: 'Quality (correct answers)', read: (s) => s.quality, format: (v) => (v === null ? 'n/a' : formatShare(v)) },
  { label: 'Cost per query', read: (s) => s.costPerQueryUsd, format: (v) => formatUsd(v ?? 0) },
  { label: 'P50 latency', read: (s) => (s.latency.count ? s.latency.p50 : null), format: formatMs },
  { label: 'P95 latency', read: (s) => (s.latency.count ? s.latency.p95 : null), format: formatMs },
  { label: 'P99 latency', read: (s) => (s.latency.count ? s.latency.p99 : null), format: formatMs },
];

function signed(label: string, a: number | null, b: number | null): string {
  if (a === null || b === null || label.startsWith('Measured') || label === 'Served' || label === 'Failed') return '';
  const d = b - a;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const abs = Math.abs(d);
  if (label.includes('latency')) return `${sign}${formatMs(abs)}`;
  if (label.startsWith('Cost')) return `${sign}${formatUsd(abs)}`;
  return `${sign}${formatShare(abs).replace(' %', ' pt')}`;
}

/** The slice table: one row per figure, one column per slice, and green − blue when comparing colours. */
export function sliceRows(columns: SliceColumn[], compare: boolean): SliceRow[] {
  return METRICS.map((m) => {
    const raw = columns.map((c) => m.read(c.summary));
    return { label: m.label, values: raw.map((v) => m.format(v)), delta: compare && raw.length === 2 ? signed(m.label, raw[0]!, raw[1]!) : '' };
  });
}

/** What production users got when a shadow path runs beside it: the run's figures minus the shadow copies' cost. */
export function productionColumn(r: RunResults, shadow: OutcomeSummary): SliceColumn {
  const o = r.outcomes;
  const production: OutcomeSummary = {
    measured: o.measured,
    served: o.served,
    failed: o.failed,
    escalated: o.escalated,
    errorRate: o.errorRate,
    quality: r.quality.faithfulness,
    costUsd: r.cost.variableUsd - shadow.costUsd,
    costPerQueryUsd: o.measured ? (r.cost.variableUsd - shadow.costUsd) / o.measured : 0,
    latency: r.latency.endToEnd,
  };
  return { key: 'production', title: 'Production (users)', note: `usage cost without the shadow copies' ${formatUsd(shadow.costUsd)}`, summary: production };
}
