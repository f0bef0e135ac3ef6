import type { IntervalFigure } from '../../analysis/replications';
import { sweep, tornado, type SweepAxis, type SweepPoint } from '../../analysis/sweep';
import { parseSweepAxis } from '../sweep-axis';
import { modelAxisNote } from '../../analysis/model-note';
import { formatParam } from '../../analysis/param-units';
import { plusMinusText } from '../../units/precision';
import { formatMs, formatPercent, formatUsd } from '../../units/format';
import { EXIT, RUN_OPTIONS, UsageError, commonArgs, onePositional, parse, share } from '../args';
import type { CliIo } from '../io';
import { loadFile } from '../load-file';
import { table } from '../summary';

/**
 * preflight sweep <file> --param PATH=v1,v2,… [--param PATH=…]   (one or two axes)
 * preflight sweep <file> --tornado PATH,PATH,… [--spread 20%]     (one-at-a-time sensitivity)
 */
export function sweepCommand(argv: string[], io: CliIo): number {
  const { values, positionals } = parse(argv, { ...RUN_OPTIONS, param: { type: 'string', multiple: true }, tornado: { type: 'string' }, spread: { type: 'string' } });
  const args = commonArgs(values);
  const file = loadFile(onePositional(positionals, '<file>'), io);
  if (!file) return EXIT.badInput;
  if (values.tornado) {
    const t = tornado(file.doc, file.catalog, values.tornado.split(',').map((p) => p.trim()), values.spread ? share('--spread', values.spread) : 0.2, args.run);
    if (args.json) io.stdout(JSON.stringify(t, null, 2));
    else
      io.stdout(
        table(
          ['Parameter (±spread)', 'low → high', 'monthly cost low', 'high', 'swing', 'P99 low', 'high'],
          t.bars.map((b) => [b.path, `${formatParam(b.path, b.low)} → ${formatParam(b.path, b.high)}`, formatUsd(b.monthlyCostUsd.low), formatUsd(b.monthlyCostUsd.high), formatUsd(b.costSwingUsd), formatMs(b.p99Ms.low), formatMs(b.p99Ms.high)]),
        ),
      );
    return EXIT.ok;
  }
  const params = values.param ?? [];
  if (params.length < 1 || params.length > 2) throw new UsageError('give one or two --param PATH=v1,v2,… (or --tornado PATH,PATH,…)');
  const axes: SweepAxis[] = params.map((p) => parseSweepAxis('--param', p, file.doc));
  if (args.plan?.stopping) throw new UsageError('--until applies to run and check; give a sweep --replications N');
  // --replications N: every point runs the same N seeds and each figure gets mean ± half-width.
  const plan = args.plan ? { replications: args.plan.replications, confidence: args.plan.confidence } : undefined;
  let result;
  try {
    result = sweep(file.doc, file.catalog, axes, args.run, plan);
  } catch (e) {
    throw new UsageError(`--param: ${(e as Error).message}`);
  }
  if (args.json) io.stdout(JSON.stringify(result, null, 2));
  else
    io.stdout(
      table(
        [...axes.map((a) => a.path), 'P50', 'P99', 'errors', 'cost/query', 'monthly', 'note'],
        result.points.map((p) => [
          ...p.values.map((v, i) => axes[i]!.labels?.[v] ?? String(v)),
          ...(p.problem ? ['', '', '', '', '', p.problem] : [pm(p, 'p50Ms', formatMs), pm(p, 'p99Ms', formatMs), pm(p, 'errorRate', (v) => formatPercent(v, 2)), pm(p, 'costPerQueryUsd', formatUsd), pm(p, 'monthlyCostUsd', formatUsd), '']),
        ]),
      ),
    );
  const note = modelAxisNote(axes, file.doc);
  if (!args.json && note) io.stdout(note);
  if (!args.json && result.replications > 1) io.stdout(`${result.replications} replications per point (the same seeds at every point), ± the ${Math.round(result.confidence * 100)} % interval`);
  return EXIT.ok;
}

/** A point's figure with its ± half-width when the sweep was replicated. */
function pm(p: SweepPoint, key: IntervalFigure, format: (v: number) => string): string {
  const ci = p.intervals?.[key];
  const value = p.headline[key] ?? NaN;
  // ± at two significant digits, never finer than the figure (the app's rule).
  return ci ? `${format(value)} ${plusMinusText(key, value, ci.halfWidth, ci.n)}`.trimEnd() : format(value);
}
