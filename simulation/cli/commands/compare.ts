import { basename } from 'node:path';
import { diffMarkdown, diffScenarios, inputChangeLines } from '../../analysis/compare';
import { runPipeline } from '../../run';
import { formatMs, formatUsd } from '../../units/format';
import { EXIT, RUN_OPTIONS, UsageError, commonArgs, parse } from '../args';
import type { CliIo } from '../io';
import { loadFile } from '../load-file';
import { table } from '../summary';

/** preflight compare <before> <after> [--format table|markdown|json]: both run with the same seed (common random numbers). */
export function compareCommand(argv: string[], io: CliIo, name = 'compare'): number {
  const { values, positionals } = parse(argv, { ...RUN_OPTIONS, format: { type: 'string' } });
  const args = commonArgs(values);
  // One run a side: say so rather than drop the flag (replicate each side with run --replications).
  if (args.plan) throw new UsageError(`${name} runs each side once with the same seed (common random numbers); --replications and --until do not apply. For intervals, run each file with preflight run --replications N`);
  if (positionals.length !== 2) throw new UsageError(`${name} needs two pipeline files: <before> <after>`);
  const format = values.json ? 'json' : (values.format ?? 'table');
  if (!['table', 'markdown', 'json'].includes(format)) throw new UsageError(`--format: got "${format}", expected table, markdown or json`);
  const before = loadFile(positionals[0]!, io);
  const after = loadFile(positionals[1]!, io);
  if (!before || !after) return EXIT.badInput;
  const seed = args.run.seed ?? before.doc.run.seed;
  // Two versions of one pipeline usually share its name: then the files name the sides.
  const sameName = before.doc.pipeline.name === after.doc.pipeline.name;
  const names = sameName ? { before: basename(positionals[0]!), after: basename(positionals[1]!) } : {};
  const d = diffScenarios(runPipeline(before.doc, before.catalog, { ...args.run, seed }), runPipeline(after.doc, after.catalog, { ...args.run, seed }), names, { before: before.doc, after: after.doc });
  if (format === 'json') io.stdout(JSON.stringify(d, null, 2));
  else if (format === 'markdown') io.stdout(diffMarkdown(d));
  else {
    const change = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${formatUsd(Math.abs(x))}`;
    io.stdout(`${d.before.name} → ${d.after.name}: monthly ${formatUsd(d.before.headline.monthlyCostUsd)} → ${formatUsd(d.after.headline.monthlyCostUsd)} (${change(d.monthlyDeltaUsd)}: usage ${change(d.usageDeltaUsd)}, fixed ${change(d.fixedDeltaUsd)}); P99 ${formatMs(d.before.headline.p99Ms)} → ${formatMs(d.after.headline.p99Ms)}`);
    if (d.inputs.length) io.stdout(['Inputs changed:', ...inputChangeLines(d.inputs).map((l) => `  ${l}`)].join('\n'));
    for (const c of d.cautions) io.stdout(`! ${c}`);
    io.stdout(table(['Item', 'type', 'before/month', 'after/month', 'change', ''], d.lines.map((l) => [l.label, l.kind, formatUsd(l.beforeMonthlyUsd), formatUsd(l.afterMonthlyUsd), formatUsd(l.deltaUsd), l.status])));
  }
  return EXIT.ok;
}
