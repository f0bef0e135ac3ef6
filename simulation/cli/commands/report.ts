import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { searchMaxLoad } from '../../analysis/load-search';
import { defaultInvestments, defaultQueriesPerDay, incidentScenarioCut, runMaturityRoi } from '../../analysis/maturity';
import { sweep, tornado, type SweepAxis } from '../../analysis/sweep';
import { headlineCsv, nodesCsv, seriesCsv } from '../../report/csv';
import { reportHtml } from '../../report/html';
import { sha256Hex } from '../../util/sha256';
import { EXIT, RUN_OPTIONS, UsageError, commonArgs, integer, onePositional, parse, share } from '../args';
import type { CliIo } from '../io';
import { packageVersion } from '../help';
import { loadFile } from '../load-file';
import { findChromium, htmlToPdf } from '../pdf';
import { simulate } from '../simulate';
import { parseSweepAxis } from '../sweep-axis';
import { CHECK_SLO_KEYS, parseSloArg } from '../slo-arg';
import { parseBudget } from './check';

/**
 * preflight report <file> --out report.html|report.pdf [--replications 5] [--no-capacity]
 *   [--roi level1.json,level2.json,…] [--param PATH=v1,v2]… [--heatmap PATH=v1,v2 --heatmap PATH=v1,v2]
 *   [--tornado PATH,… [--spread 20%]] [--csv prefix]
 * Each --param is a one-parameter sweep; two --heatmap flags make one two-parameter sweep.
 */
export async function reportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, { ...RUN_OPTIONS, out: { type: 'string' }, 'no-capacity': { type: 'boolean' }, roi: { type: 'string' }, param: { type: 'string', multiple: true }, heatmap: { type: 'string', multiple: true }, tornado: { type: 'string' }, spread: { type: 'string' }, 'sweep-replications': { type: 'string' }, 'sweep-confidence': { type: 'string' }, csv: { type: 'string' }, slo: { type: 'string' }, budget: { type: 'string' } });
  if (!values.out) throw new UsageError('--out is required: report.html or report.pdf');
  const ext = extname(values.out).toLowerCase();
  if (ext !== '.html' && ext !== '.pdf') throw new UsageError(`--out: got "${values.out}", expected a .html or .pdf file`);
  const heatmap = values.heatmap ?? [];
  if (heatmap.length !== 0 && heatmap.length !== 2) throw new UsageError(`--heatmap: give it exactly twice (one per axis); got ${heatmap.length}`);
  if (values.spread && !values.tornado) throw new UsageError('--spread applies to --tornado; give --tornado PATH,… too');
  if ((values['sweep-replications'] || values['sweep-confidence']) && !values.param?.length && !heatmap.length) throw new UsageError('--sweep-replications and --sweep-confidence apply to --param or --heatmap sweeps');
  // Replications per sweep point (the same seeds at every point), as the app's what-if section runs them.
  const sweepPlan = { replications: values['sweep-replications'] ? integer('--sweep-replications', values['sweep-replications'], 1, 50) : 1, confidence: values['sweep-confidence'] ? share('--sweep-confidence', values['sweep-confidence']) : 0.95 };
  const chromium = ext === '.pdf' ? findChromium() : null;
  if (chromium && !chromium.path) {
    io.stderr(`preflight: a PDF needs a local Chromium or Chrome and none was found (looked at: ${chromium.looked.join(', ')}). Write HTML instead (--out report.html) and print it from a browser, or set PREFLIGHT_CHROMIUM to a Chromium executable.`);
    return EXIT.badInput;
  }
  const args = commonArgs(values);
  if (!args.plan) args.plan = { replications: values.replications ? integer('--replications', values.replications, 2, 1000) : 5, confidence: args.confidence, stopping: null };
  const slo = values.slo ? parseSloArg(values.slo, '--slo', CHECK_SLO_KEYS) : {};
  const budget = values.budget ? parseBudget(values.budget) : null;
  const loaded = loadFile(onePositional(positionals, '<file>'), io);
  if (!loaded) return EXIT.badInput;
  // --slo and --budget as check takes them: the report judges against the same targets as the gate.
  const file = values.slo || values.budget ? { ...loaded, doc: { ...loaded.doc, slo: { ...loaded.doc.slo, ...slo, ...(budget !== null ? { monthlyBudgetUsd: budget } : {}) } } } : loaded;
  io.stderr(`running ${args.plan.replications || 'until the stopping rule'} replications…`);
  const { results, replicated } = await simulate(file, args);
  const capacity = values['no-capacity'] ? null : (io.stderr('searching the max sustainable load…'), searchMaxLoad(file.doc, file.catalog, { p99Ms: file.doc.slo.p99Ms, errorRate: file.doc.slo.errorRate, rateLimitedShare: 0.01 }, args.run));
  let roi = null;
  if (values.roi) {
    const levels = values.roi.split(',').map((f) => loadFile(f.trim(), io));
    if (levels.some((l) => !l)) return EXIT.badInput;
    io.stderr('running the maturity levels…');
    // Priced as `preflight roi` prices them: at the baseline level's typical day, not the report pipeline's.
    const docs = levels.map((l) => l!.doc);
    const assumptions = { queriesPerDay: defaultQueriesPerDay(docs[0]!), lostRevenuePerDowntimeHourUsd: 5_000, daysPerMonth: 30 };
    const investments = defaultInvestments(docs);
    const source = `the pipelines given with --roi (${values.roi.split(',').map((f) => basename(f.trim())).join(', ')}), each run on its own traffic and priced at ${docs[0]!.pipeline.name}'s typical day; investments: ${docs.slice(1).map((d, i) => `${d.pipeline.name} (${investments[i + 1]!.basis})`).join('; ')}`;
    const inputs = docs.map((doc, i) => ({ doc, oneTimeInvestmentUsd: investments[i]!.oneTimeInvestmentUsd, monthlyInvestmentUsd: investments[i]!.monthlyInvestmentUsd }));
    const maturity = runMaturityRoi(inputs, file.catalog, assumptions, 3, args.run);
    const cut = incidentScenarioCut(inputs, maturity.runs);
    if (cut) {
      io.stderr(`report --roi: ${cut}`);
      return EXIT.badInput;
    }
    roi = { assumptions, source, levels: maturity.roi };
  }
  const sweepAxis = (flag: string, text: string) => parseSweepAxis(flag, text, file.doc);
  const sweepOrUsage = (flag: string, axes: SweepAxis[]) => {
    try {
      return sweep(file.doc, file.catalog, axes, args.run, sweepPlan);
    } catch (e) {
      throw new UsageError(`${flag}: ${(e as Error).message}`);
    }
  };
  const sweeps = (values.param ?? []).map((p) => sweepOrUsage('--param', [sweepAxis('--param', p)]));
  if (heatmap.length === 2) sweeps.push(sweepOrUsage('--heatmap', heatmap.map((h) => sweepAxis('--heatmap', h))));
  const spread = values.spread ? share('--spread', values.spread) : 0.2;
  const t = values.tornado ? tornado(file.doc, file.catalog, values.tornado.split(',').map((p) => p.trim()), spread, args.run) : null;
  const html = reportHtml({
    doc: file.doc,
    catalog: file.catalog,
    results,
    replicated,
    capacity,
    roi,
    whatIfs: sweeps.length || t ? { sweeps, tornado: t } : null,
    meta: { appVersion: packageVersion(), fileHash: sha256Hex(file.text), fileName: basename(file.file), generatedAt: new Date().toISOString(), command: `npx preflight report ${[file.file, ...argv.filter((a) => a !== file.file)].join(' ')}` },
  });
  if (ext === '.html') writeFileSync(values.out, html);
  else htmlToPdf(html, values.out, chromium!.path!);
  if (values.csv) {
    writeFileSync(`${values.csv}-headline.csv`, headlineCsv(results, replicated));
    writeFileSync(`${values.csv}-nodes.csv`, nodesCsv(results));
    writeFileSync(`${values.csv}-series.csv`, seriesCsv(results));
    writeFileSync(`${values.csv}-results.json`, JSON.stringify({ results, replicated }, null, 2));
  }
  io.stdout(`wrote ${values.out}${values.csv ? ` and ${values.csv}-{headline,nodes,series}.csv, ${values.csv}-results.json` : ''}`);
  return EXIT.ok;
}
