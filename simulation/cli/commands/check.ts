import { formatShare, plusMinusText } from '../../units/precision';
import { formatMs, formatUsd } from '../../units/format';
import { EXIT, RUN_OPTIONS, UsageError, commonArgs, onePositional, parse } from '../args';
import type { CliIo } from '../io';
import { loadFile } from '../load-file';
import { simulate } from '../simulate';
import { CHECK_SLO_KEYS, parseSloArg } from '../slo-arg';
import { table } from '../summary';
import { evaluateAlerts } from '../../analysis/alerts';

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
  const { values, positionals } = parse(argv, { ...RUN_OPTIONS, slo: { type: 'string' }, budget: { type: 'string' }, 'fail-on-risk': { type: 'boolean' } });
  const args = commonArgs(values);
  if (!args.plan) args.plan = { replications: 5, confidence: args.confidence, stopping: null };
  const slo = values.slo ? parseSloArg(values.slo, '--slo', CHECK_SLO_KEYS) : {};
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
  // A gate on a handful of requests is noise that looks like a verdict (a 1 ms run "passed" its error rate on 0 requests).
  const measured = replicated!.representative.run.requestsMeasured;
  if (measured < MIN_MEASURED) {
    io.stderr(`check: only ${measured.toLocaleString('en-US')} measured requests per replication: too few to gate percentiles or rates (at least ${MIN_MEASURED} are needed). Run longer: drop --duration/--requests to use the file's run settings, or give e.g. --duration 10m.`);
    return EXIT.badInput;
  }
  const rows: string[][] = [];
  let breaches = 0;
  let risks = 0;
  const verdicts = gates.map((g): CheckVerdict => {
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
    if (atRisk) risks++;
    const status = breach ? `FAIL: ${missBy(g, ci.mean)}` : atRisk ? `pass (at risk: the interval reaches ${g.format(g.direction === 'max' ? ci.high : ci.low)})` : 'pass';
    rows.push([g.name, `${g.direction === 'max' ? '<' : '>'} ${g.format(g.target)}`, `${g.format(ci.mean)} ${plusMinusText(g.figure, ci.mean, ci.halfWidth, ci.n)}`.trimEnd(), status]);
    return { gate: g.name, figure: g.figure, direction: g.direction, target: g.target, mean: ci.mean, low: ci.low, high: ci.high, status: breach ? 'fail' : atRisk ? 'at-risk' : 'pass' };
  });
  const failOnRisk = Boolean(values['fail-on-risk']);
  const passed = breaches === 0 && !(failOnRisk && risks > 0);
  const r = replicated!.representative;
  const alerts = evaluateAlerts(r);
  const report: CheckReport = {
    pipeline: file.doc.pipeline.name,
    seeds: replicated!.seeds,
    replications: replicated!.seeds.length,
    confidence: replicated!.confidence,
    measuredRequestsPerReplication: measured,
    failOnRisk,
    checks: verdicts,
    passed,
    errorBudgetConsumed: r.slo.errorBudget.consumed,
    alerts: alerts.map((a) => ({ severity: a.rule.severity, title: a.rule.title, firingMinutes: a.firingMinutes })),
  };
  if (args.json) io.stdout(JSON.stringify(report, null, 2));
  else {
    io.stdout(`Pre-launch check · ${file.doc.pipeline.name} · ${replicated!.seeds.length} replications of ${measured.toLocaleString('en-US')} measured requests, ${Number((replicated!.confidence * 100).toFixed(1))} % intervals`);
    io.stdout(table(['Check', 'target', 'simulated', 'result'], rows));
    const risky = risks ? ` (${risks} at risk: the target is inside the interval${failOnRisk ? ', and --fail-on-risk fails them' : '; --fail-on-risk fails them'})` : '';
    io.stdout(breaches ? `\n✗ ${breaches} check(s) failed${risky}` : passed ? `\n✓ all checks passed${risky}` : `\n✗ ${risks} check(s) at risk, failed by --fail-on-risk`);
    // The guide's alert severities and the error budget, from the first replication: what on-call would see.
    if (report.errorBudgetConsumed !== null && report.errorBudgetConsumed > 0) io.stdout(`Error budget of the availability target: ${formatBudget(report.errorBudgetConsumed)} spent in the first replication.`);
    for (const a of alerts) io.stdout(`Alert that would fire: ${a.rule.severity.toUpperCase()} · ${a.rule.title}${a.firingMinutes > 0 ? ` (${a.firingMinutes} min)` : ''} → ${a.rule.runbook[0]}`);
    if (file.doc.faults.length && budgetTarget !== null) io.stdout(`Note: the file's fault windows are in the monthly cost (their retries and billed failures as if they recurred all month); gate the budget on a copy without faults for the steady-state cost.`);
    io.stdout(`Not gated: faithfulness and escalation rate (quality figures without an interval; see preflight report)${budgetTarget === null ? ', cost (no --budget and no monthly budget in the file)' : ''}.`);
  }
  return passed ? EXIT.ok : EXIT.breach;
}

const MIN_MEASURED = 100;

/** `check --json`: the verdict of each gate, and what the first replication says on-call would see. */
export interface CheckReport {
  /** The pipeline's name. */
  pipeline: string;
  /** The seeds of the replications, in order (the file's run seed, derived). */
  seeds: number[];
  /** How many replications each figure's interval comes from. */
  replications: number;
  /** Confidence level of the intervals (--confidence, 0.95 by default). */
  confidence: number;
  /** Measured requests in the first replication (a check refuses fewer than 100). */
  measuredRequestsPerReplication: number;
  /** Whether a pass "at risk" (target inside the interval) fails the check (--fail-on-risk). */
  failOnRisk: boolean;
  /** One verdict per gate, in the order check prints them. */
  checks: CheckVerdict[];
  /** The exit code's verdict: no gate failed (and none at risk with --fail-on-risk). */
  passed: boolean;
  /** Failed requests ÷ those the availability target allows, in the first replication; null when the target allows none and some failed. */
  errorBudgetConsumed: number | null;
  /** The guide's alerts that fired in the first replication, with their severity. */
  alerts: Array<{
    /** The guide's severity: critical, high, medium or low. */
    severity: string;
    /** The alert rule's name. */
    title: string;
    /** Minutes of the measured window it fired in. */
    firingMinutes: number;
  }>;
}

/** One gate: its target, the replicated figure and the verdict. */
export interface CheckVerdict {
  /** The gate's name as check prints it ("P99 latency", "Monthly cost"). */
  gate: string;
  /** The headline figure gated (see RunResults' Headline). */
  figure: string;
  /** 'max': the mean must stay below the target; 'min': above. */
  direction: 'max' | 'min';
  /** The target, in the figure's unit (ms, share 0..1, USD a month). */
  target: number;
  /** Mean over the replications; null when some replication served no request (latency gates fail then). */
  mean: number | null;
  /** The confidence interval; null as mean. */
  low: number | null;
  /** Upper end of the interval; null as mean. */
  high: number | null;
  /** 'fail': the mean misses the target; 'at-risk': the mean meets it but the interval reaches it; 'pass'. */
  status: 'pass' | 'at-risk' | 'fail';
}

/** "over by $26,193 (+87 %)": how far the mean misses, and the runbook's first step is in the alerts. */
function missBy(g: Gate, mean: number): string {
  const gap = Math.abs(mean - g.target);
  const word = g.direction === 'max' ? 'over' : 'under';
  // A share misses by percentage points (16.6 % against 1 % is 15.6 pp over, not "+1560 %").
  if (SHARES.has(g.figure)) return `${word} by ${Number((gap * 100).toFixed(2))} pp`;
  const pct = g.target !== 0 ? (gap / g.target) * 100 : null;
  return `${word} by ${g.format(gap)}${pct === null ? '' : ` (${g.direction === 'max' ? '+' : '−'}${pct < 1 ? Number(pct.toFixed(2)) : Math.round(pct)} %)`}`;
}

const SHARES = new Set<Gate['figure']>(['errorRate', 'availability', 'cacheHitRate', 'peakQuotaUtilisation']);

const formatBudget = (consumed: number) => (consumed >= 10 ? `${Math.round(consumed)}×` : `${Math.round(consumed * 100)} %`);

/** "10000/month", "$10,000", "10k" → USD per month. */
export function parseBudget(text: string): number {
  const m = /^\$?([\d,_.]+)(k|m)?(\/month|\/mo)?$/i.exec(text.trim());
  const base = m ? Number(m[1]!.replace(/[,_]/g, '')) : NaN;
  const value = base * (m?.[2]?.toLowerCase() === 'k' ? 1e3 : m?.[2]?.toLowerCase() === 'm' ? 1e6 : 1);
  if (!(value > 0)) throw new UsageError(`--budget: got "${text}", expected USD per month such as 10000/month or 10k`);
  return value;
}
