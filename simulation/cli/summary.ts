import { formatShare } from '../units/precision';
import { growthText } from '../analysis/capacity';
import type { RunResults } from '../results/types';
import { formatDurationMs } from '../units/duration';
import { formatCount, formatMs, formatTokens, formatUsd } from '../units/format';

/** "gpt-5.4-mini 1,480 in (0 cached) + 196 out · text-embedding-3-small 49 in": each model's tokens per measured query, chat and embedding apart. */
function tokensByModel(r: RunResults): string {
  // byModel holds both lanes' tokens: per measured query of either lane.
  const queries = r.run.requestsMeasured + (r.slices.batch?.measured ?? 0);
  if (queries === 0) return '';
  const per = (n: number) => formatTokens(n / queries);
  return r.cost.byModel
    .filter((m) => m.inputTokens + m.outputTokens > 0)
    .map((m) => `${m.model} ${per(m.inputTokens)} in${m.cachedInputTokens > 0 ? ` (${per(m.cachedInputTokens)} cached)` : ''}${m.outputTokens > 0 ? ` + ${per(m.outputTokens)} out` : ''}`)
    .join(' · ');
}

/** The readable summary `preflight run` prints (the JSON has every figure; this is the digest). */
export function formatSummary(r: RunResults): string {
  const lines: string[] = [];
  const run = r.run;
  lines.push(`Preflight · ${r.pipeline.name}`);
  lines.push(
    `Run: seed ${run.seed} · ${formatDurationMs(run.warmupMs)} warm-up + ${formatDurationMs(run.durationMs)} of arrivals · ${formatCount(run.requestsMeasured)} measured requests (${round(run.measuredRps)} req/s) · ${run.drain ? 'drained' : `${formatCount(run.requestsUnfinished)} unfinished`} · ${formatCount(run.events)} events`,
  );
  lines.push('');
  if (run.requestsMeasured < 100) lines.push(`! Only ${formatCount(run.requestsMeasured)} measured requests: percentiles, rates and per-minute quota figures are not meaningful at this size; run longer (e.g. --duration 10m).`);
  // Nothing served: no latency to report (the JSON's headline has null), not a table of 0 ms.
  if (r.outcomes.served === 0) lines.push('Latency: no request was served, so there is no latency to report.');
  else lines.push(table(['Latency (served)', 'P50', 'P75', 'P90', 'P95', 'P99', 'P99.9', 'mean', 'max'], [latencyRow('end-to-end', r.latency.endToEnd), latencyRow('time to first token', r.latency.ttft), ...(r.latency.byClass.length > 1 ? r.latency.byClass.map((c) => latencyRow(`  class ${c.class}`, c.latency)) : [])]));
  lines.push('');
  const o = r.outcomes;
  const errors = Object.entries(o.errorsByType).map(([k, v]) => `${k} ${formatCount(v ?? 0)}`);
  lines.push(`Outcomes: ${formatCount(o.served)} served${o.servedFromCache ? ` (${formatCount(o.servedFromCache)} from cache)` : ''} · ${formatCount(o.failed)} failed = error rate ${formatShare(o.errorRate)}${errors.length ? ` (${errors.join(', ')})` : ''}${o.escalated ? ` · ${formatCount(o.escalated)} escalated` : ''}`);
  lines.push(`          retries ${formatCount(o.retries)} (${formatShare(o.retryRate)} of calls) · downtime ${o.downtimeMinutes} of ${o.measuredMinutes} min · answers cut by max_tokens ${formatCount(o.truncatedAnswers)}`);
  lines.push('');
  const c = r.cost;
  lines.push(`Cost: ${formatUsd(c.perQueryUsd)} per query (usage ${formatUsd(c.variablePerQueryUsd)} + fixed ${formatUsd(c.fixedPerQueryUsd)}) · ${formatUsd(c.monthlyUsd)}/month (usage ${formatUsd(c.variableMonthlyUsd)} + fixed ${formatUsd(c.fixedMonthlyUsd)}) · ${formatUsd(c.dailyUsd)}/day`);
  if (c.perServedQueryUsd !== null && o.errorRate > 0.01) lines.push(`      ${formatUsd(c.perServedQueryUsd)} per served query: only ${formatShare(o.served / Math.max(1, o.measured))} of requests were served, and failed ones paid for their attempts`);
  lines.push(`      ${formatTokens(c.monthlyQueries)} queries/month; billed tokens per query, by model: ${tokensByModel(r) || 'none'}`);
  lines.push(`      ${growthText(r)}`);
  if (c.byNode.length) {
    lines.push(table(['  by node', 'usage cost', 'share', 'input', 'output', 'fees'], c.byNode.map((n) => [`  ${n.nodeId}`, formatUsd(n.usd), formatShare(n.share), formatUsd(n.byType.input + n.byType.cachedInput + n.byType.cacheWrite), formatUsd(n.byType.output), formatUsd(n.byType.request)])));
  }
  if (c.bySource.length > 1) {
    // A month per team (traffic source label), each at its own curve and its own cost per query.
    lines.push(
      table(
        ['  by source (a month)', 'lane', 'queries', 'usage cost/query', 'usage cost'],
        c.bySource.map((s) => [`  ${s.label === s.sourceId ? s.sourceId : `${s.label} (${s.sourceId})`}`, s.realtime ? 'real-time' : 'batch', formatTokens(s.monthlyQueries), s.costPerQueryUsd === null ? `${formatUsd(c.variablePerQueryUsd)} (mean: not in this window)` : formatUsd(s.costPerQueryUsd), formatUsd(s.monthlyUsageUsd)]),
      ),
    );
  }
  if (r.caches.length) {
    lines.push('');
    for (const cache of r.caches) lines.push(`Cache ${cache.nodeId} (${cache.mode}): hit rate ${formatShare(cache.hitRate)} of ${formatCount(cache.lookups)} lookups · ${formatCount(cache.evictions)} evictions · ${formatCount(cache.expired)} expired`);
  }
  lines.push(...reliabilityLines(r));
  if (r.quotas.length) {
    lines.push('');
    lines.push(
      table(
        ['Quota', 'RPM peak/mean', 'TPM peak/mean', 'concurrency peak/mean', 'queue wait P95', '429s', 'headroom'],
        r.quotas.map((q) => [
          q.id,
          util(q.utilisation.rpm),
          util(q.utilisation.tpm ?? q.utilisation.itpm),
          util(q.utilisation.concurrency),
          formatMs(q.queueWaitMs.p95),
          formatCount(q.rateLimited),
          formatShare(q.headroom),
        ]),
      ),
    );
  }
  lines.push('');
  lines.push("SLO (the guide's targets unless the file sets its own):");
  for (const check of r.slo.checks) {
    const mark = check.pass === null ? '·' : check.pass ? '✓' : '✗';
    lines.push(`  ${mark} ${check.label} ${check.direction === 'max' ? '<' : '>'} ${sloValue(check.metric, check.target)}: ${check.actual === null ? (check.pass === false ? 'no request served' : 'n/a') : sloValue(check.metric, check.actual)}`);
  }
  if (r.stability.warnings.length) {
    lines.push('');
    lines.push('Warnings:');
    for (const w of r.stability.warnings) lines.push(`  ! ${w}`);
  }
  lines.push('');
  for (const note of r.notes) lines.push(`Note: ${note}`);
  return lines.join('\n');
}

function reliabilityLines(r: RunResults): string[] {
  const out: string[] = [];
  const rel = r.reliability;
  const d = rel.fallbackDepth;
  if (d.one + d.two + d.threeOrMore > 0) out.push(`Fallbacks: ${formatShare(rel.fallbackShare)} of served requests took a fallback (1 step ${formatCount(d.one)}, 2 steps ${formatCount(d.two)}, 3+ ${formatCount(d.threeOrMore)})`);
  for (const b of rel.breakers) {
    out.push(`Breaker ${b.nodeId} (${b.flavour}, protects ${b.protects ?? '—'}): opened ${b.timesOpened}× · open ${formatDurationMs(b.timeOpenMs)} · ${formatCount(b.shortCircuited)} short-circuited · saved ${formatUsd(b.moneySavedUsd)} on doomed calls`);
  }
  // Fault times run on the simulation clock, which starts with the warm-up.
  for (const f of rel.faults) out.push(`Fault ${f.id}: ${f.type} on ${f.target} from ${formatDurationMs(f.startMs)} to ${formatDurationMs(f.endMs)} after the start (warm-up included)${f.mitigated ? ' (ended early by mitigation)' : ''}`);
  const q = r.quality;
  out.push(`Quality: faithfulness ${formatShare(q.faithfulness)} · escalation to humans ${formatShare(q.escalationRate)}${q.modelEscalationRate ? ` · gate escalations ${formatShare(q.modelEscalationRate)}` : ''} · answer paths: ${q.paths.map((p) => `${p.nodeId} ${formatShare(p.share)} (quality ${formatShare(p.quality)}, ${formatUsd(p.costPerQueryUsd)}/query)`).join(', ') || 'none'}`);
  const sl = r.slices;
  if (sl.colours) out.push(`Blue/green: blue P95 ${formatMs(sl.colours.blue.latency.p95)}, errors ${formatShare(sl.colours.blue.errorRate)}, ${formatUsd(sl.colours.blue.costPerQueryUsd)}/query · green P95 ${formatMs(sl.colours.green.latency.p95)}, errors ${formatShare(sl.colours.green.errorRate)}, ${formatUsd(sl.colours.green.costPerQueryUsd)}/query`);
  if (sl.shadow) out.push(`Shadow: ${formatCount(sl.shadow.measured)} copies · P95 ${formatMs(sl.shadow.latency.p95)} · errors ${formatShare(sl.shadow.errorRate)} · cost ${formatUsd(sl.shadow.costUsd)} · quality ${formatShare(sl.shadow.quality)}`);
  // A lane with nothing served has no latency to print (not 0 ms).
  if (sl.batch && sl.batch.served === 0) out.push(`Batch lane: ${formatCount(sl.batch.measured)} requests in the measured window, none served${sl.batch.measured === 0 ? ' (its traffic runs at other hours: run over 24 h to measure it)' : ''}`);
  else if (sl.batch) out.push(`Batch lane: ${formatCount(sl.batch.measured)} requests · P50 ${formatMs(sl.batch.latency.p50)} · P95 ${formatMs(sl.batch.latency.p95)} · errors ${formatShare(sl.batch.errorRate)} · cost ${formatUsd(sl.batch.costUsd)}`);
  return out.length ? ['', ...out] : out;
}

function latencyRow(label: string, q: RunResults['latency']['endToEnd']): string[] {
  return [label, formatMs(q.p50), formatMs(q.p75), formatMs(q.p90), formatMs(q.p95), formatMs(q.p99), formatMs(q.p999), formatMs(q.mean), formatMs(q.max)];
}

function util(f: { mean: number; peak: number } | null): string {
  return f ? `${formatShare(f.peak)} / ${formatShare(f.mean)}` : '—';
}

function sloValue(metric: string, v: number): string {
  if (metric.endsWith('Ms')) return formatMs(v);
  if (metric === 'monthlyBudgetUsd') return formatUsd(v);
  return formatShare(v);
}

function round(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

/** Left-aligned first column, right-aligned others. */
export function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}
