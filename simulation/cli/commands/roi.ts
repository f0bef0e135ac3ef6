import { halfWidthText } from '../../units/precision';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultInvestments, defaultQueriesPerDay, incidentScenarioCut, runMaturityRoi, type DefaultInvestment } from '../../analysis/maturity';
import { guideImprovementText, levelRoi, SEED_ROI_EXAMPLE } from '../../analysis/roi';
import { formatPercent } from '../../units/format';
import { formatUsd } from '../../units/format';
import { EXIT, RUN_OPTIONS, UsageError, commonArgs, integer, numberList, parse } from '../args';
import type { CliIo } from '../io';
import { loadFile } from '../load-file';
import { table } from '../summary';

/**
 * preflight roi [level files…] [--revenue-per-hour 5000] [--queries-per-day N] [--investments 0+0,10000+1000,…]
 *               [--replications 5] [--seed-example]
 * Without files: the maturity templates in examples/maturity. --seed-example prints the guide's worked example.
 */
export function roiCommand(argv: string[], io: CliIo): number {
  const { values, positionals } = parse(argv, { ...RUN_OPTIONS, 'revenue-per-hour': { type: 'string' }, 'queries-per-day': { type: 'string' }, investments: { type: 'string' }, 'seed-example': { type: 'boolean' } });
  const args = commonArgs(values);
  if (values['seed-example']) {
    const { assumptions, level1, level4 } = SEED_ROI_EXAMPLE;
    const rows = [levelRoi(level1, level1, assumptions), levelRoi(level4, level1, assumptions)];
    io.stdout(args.json ? JSON.stringify(rows, null, 2) : roiTable(rows.map((point) => ({ name: point.name, point, intervals: {} }))));
    return EXIT.ok;
  }
  const dir = fileURLToPath(new URL('../../../examples/maturity/', import.meta.url));
  const files = positionals.length ? positionals : readdirSync(dir).filter((f) => f.endsWith('.preflight.json')).sort().map((f) => join(dir, f));
  const loaded = files.map((f) => loadFile(f, io));
  if (loaded.some((l) => !l)) return EXIT.badInput;
  const investments: DefaultInvestment[] = values.investments
    ? values.investments.split(',').map((pair) => {
        const [once, monthly] = pair.split('+');
        const [a, b] = numberList('--investments', `${once ?? ''},${monthly ?? '0'}`);
        return { oneTimeInvestmentUsd: a!, monthlyInvestmentUsd: b!, basis: '--investments' };
      })
    : defaultInvestments(loaded.map((l) => l!.doc));
  if (investments.length < loaded.length) throw new UsageError(`--investments: got ${investments.length} pairs for ${loaded.length} levels (one "once+monthly" pair per level, the first being the baseline)`);
  const first = loaded[0]!;
  const assumptions = {
    queriesPerDay: values['queries-per-day'] ? integer('--queries-per-day', values['queries-per-day'], 1, 1e12) : defaultQueriesPerDay(first.doc),
    lostRevenuePerDowntimeHourUsd: values['revenue-per-hour'] ? numberList('--revenue-per-hour', values['revenue-per-hour'])[0]! : 5_000,
    daysPerMonth: 30,
  };
  const replications = args.plan?.replications || 3;
  const levels = loaded.map((l, i) => ({ doc: l!.doc, oneTimeInvestmentUsd: investments[i]!.oneTimeInvestmentUsd, monthlyInvestmentUsd: investments[i]!.monthlyInvestmentUsd }));
  const { roi, runs } = runMaturityRoi(levels, first.catalog, assumptions, replications, args.run);
  const cut = incidentScenarioCut(levels, runs);
  if (cut) {
    io.stderr(`roi: ${cut}`);
    return EXIT.badInput;
  }
  if (args.json) io.stdout(JSON.stringify({ assumptions, replications, levels: roi }, null, 2));
  else {
    const perDay = values['queries-per-day'] ? '--queries-per-day' : `${first.doc.pipeline.name}'s typical day (traffic.rps through its daily curve)`;
    io.stdout(`Maturity ROI · ${Math.round(assumptions.queriesPerDay).toLocaleString('en-US')} queries/day (${perDay}) · $${assumptions.lostRevenuePerDowntimeHourUsd.toLocaleString('en-US')} lost per hour down · ${replications} replications (95 % intervals)`);
    io.stdout('Cost per query from fault-free runs; downtime from the fault scenario (one month of incidents).');
    io.stdout(roiTable(roi, roi.map((_, k) => guideImprovementText(roi, k))));
    // What the investment pays for, so it is not counted twice with the tooling the level's file already bills.
    io.stdout("A level's monthly cost already holds the tooling its file lists as fixed costs (monitoring, tracing, cache infrastructure); its investment is the rest: the team's time and process to reach and run it.");
    if (!values.investments) io.stdout(`Investments (set yours with --investments once+monthly,…): ${levels.slice(1).map((l, i) => `${l.doc.pipeline.name} ${formatUsd(l.oneTimeInvestmentUsd)} + ${formatUsd(l.monthlyInvestmentUsd)}/month (${investments[i + 1]!.basis})`).join('; ')}.`);
  }
  return EXIT.ok;
}

function roiTable(rows: Array<{ name: string; point: ReturnType<typeof levelRoi>; intervals: Record<string, { halfWidth: number } | undefined> }>, guide: Array<string | null> = []): string {
  // ± at the figure's precision; a figure every replication agrees on is set by the fault scenario.
  const pm = (key: string, value: number, v: string, ci?: { halfWidth: number }) => (ci ? `${v} ${halfWidthText(key, value, ci.halfWidth) ?? 'scripted'}` : v);
  return table(
    ['Level', 'cost/month', 'downtime', 'lost revenue', 'savings/month', 'better by', 'invest once', 'invest/month', 'payback'],
    rows.map((r, i) => [
      r.name,
      pm('monthlyCostUsd', r.point.monthlyCostUsd, formatUsd(r.point.monthlyCostUsd), r.intervals.monthlyCostUsd),
      pm('downtimeHoursPerMonth', r.point.downtimeHoursPerMonth, `${(r.point.downtimeHoursPerMonth * 60).toFixed(0)} min`, r.intervals.downtimeHoursPerMonth),
      pm('lostRevenueUsd', r.point.lostRevenueUsd, formatUsd(r.point.lostRevenueUsd), r.intervals.lostRevenueUsd),
      // The baseline saves nothing by definition: no interval.
      i === 0 ? formatUsd(r.point.monthlySavingsUsd) : pm('monthlySavingsUsd', r.point.monthlySavingsUsd, formatUsd(r.point.monthlySavingsUsd), r.intervals.monthlySavingsUsd),
      i === 0 ? '—' : `${formatPercent(r.point.improvement, 1)}${guide[i] ? ` (guide ${guide[i]})` : ''}`,
      formatUsd(r.point.oneTimeInvestmentUsd),
      formatUsd(r.point.monthlyInvestmentUsd),
      r.point.paybackMonths === null ? (r.point.oneTimeInvestmentUsd === 0 ? '—' : 'never') : `${r.point.paybackMonths.toFixed(2)} months`,
    ]),
  ) + "\n(savings = the baseline's cost + lost revenue − this level's; better by = savings ÷ the baseline's cost + lost revenue, beside the guide's maturity table; payback = one-time investment ÷ (savings − monthly investment))";
}
