import { formatShare } from '../../units/precision';
import { formatMs, formatUsd } from '../../units/format';
import { EXIT, RUN_OPTIONS, UsageError, commonArgs, onePositional, parse } from '../args';
import type { CliIo } from '../io';
import { loadFile } from '../load-file';
import { simulate } from '../simulate';
import { parseSloArg } from '../slo-arg';
import { table } from '../summary';

interface Gate {
  name: string;
  figure: 'p50Ms' | 'p95Ms' | 'p99Ms' | 'ttftP50Ms' | 'errorRate' | 'availability' | 'cacheHitRate' | 'peakQuotaUtilisation' | 'monthlyCostUsd';
  direction: 'max' | 'min';
  target: number;
  format: (v: number) => string;
}

/**
 * preflight check <file> [--slo p99=5s,ttft=500ms,error=1%] [--budget 10000/month] [--replications 5]
 * The pre-launch gate: runs replications, prints a pass/fail table and exits 1 when a target is
 * breached (the mean misses it), 2 on bad input. A target the interval straddles passes "at risk".
 */
export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, { ...RUN_OPTIONS, slo: { type: 'string' }, budget: { type: 'string' } });
  const args = commonArgs(values);
  if (!args.plan) args.plan = { replications: 5, confidence: 0.95, stopping: null };
  const slo = values.slo ? parseSloArg(values.slo) : {};
  const budget = values.budget ? parseBudget(values.budget) : null;
  const file = loadFile(onePositional(positionals, '<file>'), io);
  if (!file) return EXIT.badInput;
  const fileSlo = file.doc.slo;
  const gates: Gate[] = [
    { name: 'P50 latency', figure: 'p50Ms', direction: 'max', target: slo.p50Ms ?? fileSlo.p50Ms, format: formatMs },
    { name: 'P95 latency', figure: 'p95Ms', direction: 'max', target: slo.p95Ms ?? fileSlo.p95Ms, format: formatMs },
    { name: 'P99 latency', figure: 'p99Ms', direction: 'max', target: slo.p99Ms ?? fileSlo.p99Ms, format: formatMs },
    { name: 'TTFT P50', figure: 'ttftP50Ms', direction: 'max', target: slo.ttftMs ?? fileSlo.ttftMs, format: formatMs },
    { name: 'Error rate', figure: 'errorRate', direction: 'max', target: slo.errorRate ?? fileSlo.errorRate, format: (v) => formatShare(v) },
    { name: 'Availability', figure: 'availability', direction: 'min', target: slo.availability ?? fileSlo.availability, format: (v) => formatShare(v) },
  ];
  // Targets that apply only to what the pipeline has: a cache, provider limits.
  if (file.doc.nodes.some((n) => n.kind === 'exact_cache' || n.kind === 'semantic_cache')) gates.push({ name: 'Cache hit rate', figure: 'cacheHitRate', direction: 'min', target: slo.cacheHitRate ?? fileSlo.cacheHitRate, format: (v) => formatShare(v) });
  if (file.doc.quotas.length > 0) gates.push({ name: 'Peak quota utilisation', figure: 'peakQuotaUtilisation', direction: 'max', target: slo.rateLimitUtilisation ?? fileSlo.rateLimitUtilisation, format: (v) => formatShare(v) });
  const budgetTarget = budget ?? fileSlo.monthlyBudgetUsd;
  if (budgetTarget !== null) gates.push({ name: 'Monthly cost', figure: 'monthlyCostUsd', direction: 'max', target: budgetTarget, format: formatUsd });
  const { replicated } = await simulate(file, args);
  const rows: string[][] = [];
  let breaches = 0;
  const verdicts = gates.map((g) => {
    const ci = replicated!.headline[g.figure];
    if (!ci) {
      // Only a latency figure goes missing: some replication served no request, so no latency meets the target.
      const empty = replicated!.samples.filter((h) => h[g.figure] === null).length;
      if (empty === 0) throw new Error(`no interval for ${g.figure}`);
      breaches++;
      rows.push([g.name, `${g.direction === 'max' ? '<' : '>'} ${g.format(g.target)}`, `no request served in ${empty} of ${replicated!.samples.length} replications`, 'FAIL']);
      return { gate: g.name, figure: g.figure, direction: g.direction, target: g.target, mean: null, low: null, high: null, status: 'fail' };
    }
    const breach = g.direction === 'max' ? ci.mean >= g.target : ci.mean <= g.target;
    const atRisk = !breach && (g.direction === 'max' ? ci.high >= g.target : ci.low <= g.target);
    if (breach) breaches++;
    const status = breach ? 'FAIL' : atRisk ? 'pass (at risk)' : 'pass';
    rows.push([g.name, `${g.direction === 'max' ? '<' : '>'} ${g.format(g.target)}`, `${g.format(ci.mean)} ${ci.halfWidth === 0 ? `(same in all ${ci.n} runs)` : `± ${g.format(ci.halfWidth)}`}`, status]);
    return { gate: g.name, figure: g.figure, direction: g.direction, target: g.target, mean: ci.mean, low: ci.low, high: ci.high, status: breach ? 'fail' : atRisk ? 'at-risk' : 'pass' };
  });
  if (args.json) io.stdout(JSON.stringify({ pipeline: file.doc.pipeline.name, replications: replicated!.seeds.length, confidence: replicated!.confidence, checks: verdicts, passed: breaches === 0 }, null, 2));
  else {
    io.stdout(`Pre-launch check · ${file.doc.pipeline.name} · ${replicated!.seeds.length} replications, ${Math.round(replicated!.confidence * 100)} % intervals`);
    io.stdout(table(['Check', 'target', 'simulated', 'result'], rows));
    io.stdout(breaches ? `\n✗ ${breaches} check(s) failed` : '\n✓ all checks passed');
    io.stdout(`Not gated: faithfulness and escalation rate (quality figures without an interval; see preflight report)${budgetTarget === null ? ', cost (no --budget and no monthly budget in the file)' : ''}.`);
  }
  return breaches ? EXIT.breach : EXIT.ok;
}

/** "10000/month", "$10,000", "10k" → USD per month. */
export function parseBudget(text: string): number {
  const m = /^\$?([\d,_.]+)(k|m)?(\/month|\/mo)?$/i.exec(text.trim());
  const base = m ? Number(m[1]!.replace(/[,_]/g, '')) : NaN;
  const value = base * (m?.[2]?.toLowerCase() === 'k' ? 1e3 : m?.[2]?.toLowerCase() === 'm' ? 1e6 : 1);
  if (!(value > 0)) throw new UsageError(`--budget: got "${text}", expected USD per month such as 10000/month or 10k`);
  return value;
}
