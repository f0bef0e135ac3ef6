import type { PipelineDocument } from '../model/document-schema';
import type { Headline, RunResults } from '../results/types';
import { inputChanges, type InputChange } from './input-changes';
import { isModelParam, modelBoundParams } from './model-note';
import { formatMs, formatPercent, formatUsd } from '../units/format';
import { formatShare } from '../units/precision';

export interface CostLine {
  /** Node id (usage) or fixed-cost name. */
  name: string;
  /** What people read: the node's name with its id ("Answer (llm)"), or the fixed-cost name. */
  label: string;
  /** 'usage' for a node, 'fixed' for a fixed cost. */
  kind: 'usage' | 'fixed';
  /** Its monthly cost before (0 when added). */
  beforeMonthlyUsd: number;
  /** Its monthly cost after (0 when removed). */
  afterMonthlyUsd: number;
  /** after − before. */
  deltaUsd: number;
  /** Added, removed, changed or unchanged. */
  status: 'added' | 'removed' | 'changed' | 'unchanged';
}

/** One side of a diff; `warnings` are its run's stability warnings (quota overload, growing queues). */
export interface ScenarioSide {
  /** The side's label: the file name when both pipelines share a name, else the pipeline's name. */
  name: string;
  /** Its run's headline figures. */
  headline: Headline;
  /** Its fixed costs a month. */
  fixedMonthlyUsd: number;
  /** Its usage cost a month. */
  usageMonthlyUsd: number;
  /** Its run's stability warnings (quota overload, growing queues). */
  warnings: string[];
}

export interface ScenarioDiff {
  /** The base side: its name, headline figures, monthly costs and warnings. */
  before: ScenarioSide;
  /** The head side, as before. */
  after: ScenarioSide;
  /** Per node (usage) and per fixed item, as Infracost lists resources. */
  lines: CostLine[];
  /** after − before monthly cost (usage + fixed). */
  monthlyDeltaUsd: number;
  /** after − before usage cost a month. */
  usageDeltaUsd: number;
  /** after − before fixed cost a month. */
  fixedDeltaUsd: number;
  /** after − before of each headline figure both sides have (a rate in 0..1 units: 0.01 = 1 pp). */
  headlineDelta: Partial<Record<keyof Headline, number>>;
  /** The inputs that differ (model, traffic, limits, graph…), when the documents were given: why the figures moved. */
  inputs: InputChange[];
  /** What a reader must not miss above the figures (more requests failing; a model changed without its latency parameters). */
  cautions: string[];
}

/** Monthly usage cost of each node: its share of the measured usage cost scaled to a month. */
function usageByNode(r: RunResults): Map<string, number> {
  const out = new Map<string, number>();
  const total = r.cost.variableUsd;
  for (const n of r.cost.byNode) out.set(n.nodeId, total > 0 ? (n.usd / total) * r.cost.variableMonthlyUsd : 0);
  return out;
}

/**
 * Compares two scenarios the way Infracost compares infrastructure: monthly cost before → after,
 * usage (per node) and fixed (per item) apart, and the change in every headline figure.
 */
export function diffScenarios(before: RunResults, after: RunResults, names: { before?: string; after?: string } = {}, docs?: { before: PipelineDocument; after: PipelineDocument }): ScenarioDiff {
  const lines: CostLine[] = [];
  const nodeNames = new Map([...before.nodes, ...after.nodes].map((n) => [n.id, n.name && n.name !== n.id ? `${n.name} (${n.id})` : n.id]));
  const line = (name: string, kind: CostLine['kind'], b: number | undefined, a: number | undefined) => {
    const same = b !== undefined && a !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    const status: CostLine['status'] = b === undefined ? 'added' : a === undefined ? 'removed' : same ? 'unchanged' : 'changed';
    lines.push({ name, label: kind === 'usage' ? (nodeNames.get(name) ?? name) : name, kind, beforeMonthlyUsd: b ?? 0, afterMonthlyUsd: a ?? 0, deltaUsd: same ? 0 : (a ?? 0) - (b ?? 0), status });
  };
  const ub = usageByNode(before);
  const ua = usageByNode(after);
  for (const id of new Set([...ub.keys(), ...ua.keys()])) line(id, 'usage', ub.get(id), ua.get(id));
  const fb = new Map(before.cost.fixed.map((f) => [f.name, f.monthlyUsd]));
  const fa = new Map(after.cost.fixed.map((f) => [f.name, f.monthlyUsd]));
  for (const name of new Set([...fb.keys(), ...fa.keys()])) line(name, 'fixed', fb.get(name), fa.get(name));
  lines.sort((x, y) => Math.abs(y.deltaUsd) - Math.abs(x.deltaUsd));
  const headlineDelta: Partial<Record<keyof Headline, number>> = {};
  for (const key of Object.keys(before.headline) as Array<keyof Headline>) {
    const b = before.headline[key];
    const a = after.headline[key];
    if (b !== null && a !== null) headlineDelta[key] = a - b;
  }
  const summary = (r: RunResults, name: string | undefined): ScenarioSide => ({ name: name || r.pipeline.name, headline: r.headline, fixedMonthlyUsd: r.cost.fixedMonthlyUsd, usageMonthlyUsd: r.cost.variableMonthlyUsd, warnings: r.stability.warnings });
  const diff: ScenarioDiff = {
    before: summary(before, names.before),
    after: summary(after, names.after),
    lines,
    monthlyDeltaUsd: after.cost.monthlyUsd - before.cost.monthlyUsd,
    usageDeltaUsd: after.cost.variableMonthlyUsd - before.cost.variableMonthlyUsd,
    fixedDeltaUsd: after.cost.fixedMonthlyUsd - before.cost.fixedMonthlyUsd,
    headlineDelta,
    // The name is the sides' label already; the rest is what a reviewer checks against the figures.
    inputs: docs ? inputChanges(docs.before, docs.after).filter((c) => c.path !== 'pipeline.name') : [],
    cautions: [],
  };
  diff.cautions = diffCautions(diff, docs);
  return diff;
}

/** An input change as one line: `traffic.rps: 5 → 10`, `nodes[rerank]: removed (reranker "Rerank")`. */
export function inputChangeText(c: InputChange): string {
  if (c.before === null) return `${c.path}: added ${c.after}`;
  if (c.after === null) return `${c.path}: removed ${c.before}`;
  return `${c.path}: ${c.before} → ${c.after}`;
}

const MAX_INPUT_LINES = 25;

/** The input changes as list lines, at most 25 and a count of the rest. */
export function inputChangeLines(changes: InputChange[]): string[] {
  const shown = changes.slice(0, MAX_INPUT_LINES).map(inputChangeText);
  return changes.length > MAX_INPUT_LINES ? [...shown, `… and ${changes.length - MAX_INPUT_LINES} more`] : shown;
}

/**
 * What a reader must not miss above the figures: a change that makes more requests fail (a lower bill
 * then comes from answering fewer people), and a model switch whose latency and quality are the node's
 * own parameters, unchanged.
 */
function diffCautions(d: ScenarioDiff, docs?: { after: PipelineDocument }): string[] {
  const out: string[] = [];
  const errors = d.after.headline.errorRate - d.before.headline.errorRate;
  if (errors > 0.005) out.push(`The error rate rises from ${formatPercent(d.before.headline.errorRate, 2)} to ${formatPercent(d.after.headline.errorRate, 2)}: part of any saving is requests that fail instead of being answered (see cost per answer).`);
  if (docs) {
    for (const c of d.inputs) {
      if (c.before === null || c.after === null || !isModelParam(docs.after, c.path)) continue;
      const id = /^nodes\[([^\]]+)\]/.exec(c.path)![1]!;
      const own = modelBoundParams(docs.after, id);
      // Said only when none of them changed with the model: otherwise the diff lists them above.
      if (own.length === 0 || d.inputs.some((x) => own.some((p) => x.path.startsWith(`nodes[${id}].params.${p}`)))) continue;
      out.push(`${c.path} changed: prices follow the model, but ${id}'s ${own.join(', ')} (its own parameters) did not change, so latency${own.includes('quality') ? ' and quality' : ''} here are the old model's.`);
    }
  }
  return out;
}

/** Cost per answer users received: unlike cost per query it does not fall when requests fail. */
function perAnswerRow(d: ScenarioDiff): string {
  const answer = (s: ScenarioSide) => (s.headline.availability > 0 ? s.headline.costPerQueryUsd / s.headline.availability : null);
  const [b, a] = [answer(d.before), answer(d.after)];
  return `| Cost per answer | ${b === null ? '—' : formatUsd(b)} | ${a === null ? '—' : formatUsd(a)} | ${a === null || b === null ? '—' : money(a - b)} |`;
}

const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '±');
const money = (x: number) => `${sign(x)}${formatUsd(Math.abs(x))}`;

/** A latency row; a side that served no request has no latency (—) and so no change. */
function latencyRow(label: string, before: number | null, after: number | null): string {
  const change = before === null || after === null ? '—' : `${sign(after - before)}${formatMs(Math.abs(after - before))}`;
  return `| ${label} | ${formatMs(before)} | ${formatMs(after)} | ${change} |`;
}

/** Peak quota utilisation (the busiest quota's peak minute), in percentage points; "no quotas" where a side has none. */
function quotaRow(before: number | null, after: number | null): string {
  const show = (u: number | null) => (u === null ? 'no quotas' : formatShare(u));
  const change = before === null || after === null ? '—' : `${sign(after - before)}${(Math.abs(after - before) * 100).toFixed(2)} pp`;
  return `| Peak quota utilisation | ${show(before)} | ${show(after)} | ${change} |`;
}

/** An Infracost-style Markdown comment for a pull request. */
export function diffMarkdown(d: ScenarioDiff): string {
  const pct = (b: number, a: number) => (b === 0 ? '' : ` (${sign(a - b)}${formatPercent(Math.abs(a - b) / b)})`);
  const change = d.monthlyDeltaUsd === 0 ? '**Monthly cost will not change**' : `**Monthly cost will ${d.monthlyDeltaUsd > 0 ? 'increase' : 'decrease'} by ${money(d.monthlyDeltaUsd).replace(/^[+−±]/, '')}**`;
  const out = [
    `### Preflight: ${d.before.name} → ${d.after.name}`,
    '',
    // A cheaper month that comes from failing requests is not a saving: said first, above the cost.
    ...d.cautions.map((c) => `> ⚠ ${c}\n`),
    `${change} — ${formatUsd(d.before.headline.monthlyCostUsd)} → ${formatUsd(d.after.headline.monthlyCostUsd)}${pct(d.before.headline.monthlyCostUsd, d.after.headline.monthlyCostUsd)}`,
    '',
    '| | Before | After | Change |',
    '|---|---:|---:|---:|',
    `| Usage cost / month | ${formatUsd(d.before.usageMonthlyUsd)} | ${formatUsd(d.after.usageMonthlyUsd)} | ${money(d.usageDeltaUsd)} |`,
    `| Fixed cost / month | ${formatUsd(d.before.fixedMonthlyUsd)} | ${formatUsd(d.after.fixedMonthlyUsd)} | ${money(d.fixedDeltaUsd)} |`,
    `| Cost per query | ${formatUsd(d.before.headline.costPerQueryUsd)} | ${formatUsd(d.after.headline.costPerQueryUsd)} | ${money(d.after.headline.costPerQueryUsd - d.before.headline.costPerQueryUsd)} |`,
    perAnswerRow(d),
    latencyRow('P50 latency', d.before.headline.p50Ms, d.after.headline.p50Ms),
    latencyRow('P99 latency', d.before.headline.p99Ms, d.after.headline.p99Ms),
    // A change of a rate is in percentage points (pp), not a relative %.
    `| Error rate | ${formatPercent(d.before.headline.errorRate, 2)} | ${formatPercent(d.after.headline.errorRate, 2)} | ${sign(d.after.headline.errorRate - d.before.headline.errorRate)}${(Math.abs(d.after.headline.errorRate - d.before.headline.errorRate) * 100).toFixed(2)} pp |`,
    quotaRow(d.before.headline.peakQuotaUtilisation, d.after.headline.peakQuotaUtilisation),
    '',
    ...(d.inputs.length ? [`**What changed in the pipeline** (${d.inputs.length}):`, '', ...inputChangeLines(d.inputs).map((l) => `- \`${l.replace(/`/g, "'")}\``), ''] : []),
    // A pipeline pushed past its provider limits shows it here, not only in the run's own output.
    ...(d.after.warnings.length ? [`**Warnings for ${d.after.name}:**`, '', ...d.after.warnings.map((w) => `- ⚠ ${w}`), ''] : []),
    '<details><summary>Cost by node and fixed item (monthly)</summary>',
    '',
    '| Item | Type | Before | After | Change |',
    '|---|---|---:|---:|---:|',
    ...d.lines.filter((l) => l.status !== 'unchanged' || l.beforeMonthlyUsd > 0).map((l) => `| ${l.label}${l.status === 'added' ? ' (added)' : l.status === 'removed' ? ' (removed)' : ''} | ${l.kind} | ${formatUsd(l.beforeMonthlyUsd)} | ${formatUsd(l.afterMonthlyUsd)} | ${money(l.deltaUsd)} |`),
    '',
    '</details>',
  ];
  return out.join('\n');
}
