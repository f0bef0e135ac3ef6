import { readFileSync } from 'node:fs';

/** The CLI's help: every command's usage, then the options. `preflight <command> --help` prints one command's lines. */
export const HELP = `preflight — simulate an LLM/RAG pipeline before you launch it

Usage:
  preflight run <file> [--seed N] [--duration 1h | --requests N] [--warmup 5m] [--no-drain] [--json]
                       [--replications N | --until 3%] [--confidence 95%] [--workers N]
  preflight validate <file>
  preflight models [file] [--mode chat|embedding|rerank] [--json]   the price catalog, each price with its source and date
  preflight sweep <file> --param PATH=v1,v2,… [--param PATH=…] [--replications N]   one or two parameters
  preflight sweep <file> --tornado PATH,PATH,… [--spread 20%]      sensitivity of monthly cost and P99
  preflight compare <before> <after> [--format table|markdown|json]
  preflight capacity <file> [--slo p99=5s,error=1%,429=1%] [--replications N]
  preflight roi [level files…] [--revenue-per-hour 5000] [--queries-per-day N] [--investments once+monthly,…] [--seed-example]
  preflight report <file> --out report.html|report.pdf [--replications 5] [--no-capacity] [--roi a.json,b.json]
                          [--slo p99=5s,… --budget 10000/month (check's targets, for the verdict)]
                          [--param PATH=v1,v2]… [--heatmap PATH=v1,v2 --heatmap PATH=v1,v2]
                          [--sweep-replications N [--sweep-confidence 95%]] [--tornado PATH,… [--spread 20%]] [--csv prefix]
  preflight check <file> [--slo p99=5s,ttft=500ms,error=1%,cache=30%,quota=80%] [--budget 10000/month] [--replications 5]
                         [--fail-on-risk]   --slo keys: p50 p95 p99 ttft error availability cache quota; exit 1 on a miss
  preflight diff <base> <head> [--format markdown|table|json]      Infracost-style cost and latency diff
  preflight import litellm-prices <model_prices_and_context_window.json> [--recorded-on YYYY-MM-DD] [--out models.json]
  preflight import litellm-config <config.yaml> [--prices <price map>] [--out pipeline.preflight.json]
  preflight calibrate <otlp.json | spend-logs.json> [--apply pipeline.json --node ID [--empirical] [--output-tokens] [--out file]]
  preflight run <file> … --otlp traces.json [--otlp-start 2026-01-01T00:00:00Z]   sampled traces as OTLP/JSON

Parameter paths: traffic.rps, nodes[ID].params.topN, quotas[ID].tpm, models[MODEL].inputUsdPerToken,
fixedCosts[NAME].monthlyUsd, nodes[ID].params.routes[0].weight … A text parameter takes its values as
they are: nodes[ID].params.model=gpt-5.4-mini,gpt-4.1 (prices change; the node's latency and quality do not).
Run options (every command that simulates):
  --seed N             run seed (default: the file's run.seed); the same file and seed give the same figures
  --duration 1h        how long requests arrive after the warm-up (90s, 5m, 1h, 1h30m; a bare number is seconds)
  --requests N         stop arrivals after N measured requests instead of after a duration
  --warmup 5m          time before measuring starts: it loads the system but is not counted (0 allowed)
  --no-drain           stop at the horizon: requests still in flight are reported as unfinished, not awaited
  --replications N     N runs with seeds derived from the run seed: every headline figure gets an interval
  --until 3%           replicate until P50/P95/P99 and cost per query are within ±3 % at 99 % (at most --replications, default 50)
  --confidence 95%     confidence level of the intervals
  --workers N          worker threads that run replications in parallel (default: one per core)
  --json               the full results as JSON (field names carry their units: p99Ms, monthlyCostUsd)

Other options:
  --spread 20%         sweep --tornado: move each parameter down and up by this share
  --fail-on-risk       check: also fail a target inside the confidence interval (passes "at risk" otherwise)
  --format F           compare/diff: table, markdown or json
  --empirical          calibrate --apply: use the traces' empirical quantile table instead of a fitted lognormal
  --output-tokens      calibrate --apply: also set the output-token distribution from the traces
  --no-capacity        report: skip the max-load search (faster)

Exit codes: 0 ok · 1 a gate failed · 2 bad input (arguments or pipeline) · 3 internal error`;

/** The usage lines of one command (its first line and the continuation lines under it), or null for an unknown command. */
export function commandUsage(command: string): string | null {
  const lines: string[] = [];
  let inCommand = false;
  for (const line of HELP.split('\n')) {
    if (line.startsWith('  preflight ')) inCommand = line.startsWith(`  preflight ${command} `) || line === `  preflight ${command}`;
    else if (!line.startsWith('      ')) inCommand = false;
    if (inCommand) lines.push(line);
  }
  return lines.length ? `Usage:\n${lines.join('\n')}` : null;
}

/** The version in package.json (the CLI runs from the checkout, so it is two folders up). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}
