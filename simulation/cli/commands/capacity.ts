import { capacityReconciliation, criterionLabel, searchMaxLoad } from '../../analysis/load-search';
import { runPipeline } from '../../run';
import { formatDurationMs } from '../../units/duration';
import { formatMs, formatPercent, formatTokens, formatUsd } from '../../units/format';
import { formatShare, plusMinusText } from '../../units/precision';
import { EXIT, RUN_OPTIONS, UsageError, commonArgs, onePositional, parse } from '../args';
import type { CliIo } from '../io';
import { loadFile } from '../load-file';
import { CAPACITY_SLO_KEYS, parseSloArg } from '../slo-arg';
import { table } from '../summary';

/**
 * preflight capacity <file> [--slo p99=5s,error=1%,429=1%] [--replications N [--confidence 90%]]:
 * headroom per quota, the guide's monthly capacity and scaling triggers, and the max sustainable load
 * (bisection on the traffic; with --replications each load point is the mean of N seeds, with ±).
 */
export function capacityCommand(argv: string[], io: CliIo): number {
  const { values, positionals } = parse(argv, { ...RUN_OPTIONS, slo: { type: 'string' } });
  const args = commonArgs(values);
  const file = loadFile(onePositional(positionals, '<file>'), io);
  if (!file) return EXIT.badInput;
  const slo = file.doc.slo;
  const given = values.slo ? parseSloArg(values.slo, '--slo', CAPACITY_SLO_KEYS) : {};
  const criteria = { p99Ms: given.p99Ms ?? slo.p99Ms, errorRate: given.errorRate ?? slo.errorRate, rateLimitedShare: given.rateLimitedShare ?? 0.01, ttftP50Ms: given.ttftMs ?? null, p95Ms: given.p95Ms ?? null };
  if (args.plan?.stopping) throw new UsageError('--until is not available for capacity: give --replications N for N seeds per load point');
  const base = runPipeline(file.doc, file.catalog, args.run);
  const search = searchMaxLoad(file.doc, file.catalog, criteria, { ...args.run, replications: args.plan?.replications ?? 1, confidence: args.plan?.confidence ?? 0.95 });
  if (args.json) {
    io.stdout(JSON.stringify({ quotas: base.quotas, stability: base.stability, maxLoad: search }, null, 2));
    return EXIT.ok;
  }
  // The search's 1× rate: what arrived (traffic.rps through the time-of-day curve), the unit of every rate below.
  io.stdout(`Capacity of "${file.doc.pipeline.name}" at ${Number(search.baseRps.toPrecision(4))} req/s (arrivals measured over the run; traffic.rps ${file.doc.traffic.rps} × the time-of-day curve)`);
  io.stdout(
    table(
      ['Quota', 'dimension', 'mean', 'peak', 'headroom', 'min > 70 % (longest)', 'first 429', 'monthly capacity (×0.7)', 'queries/month'],
      base.quotas.flatMap((q) =>
        Object.entries(q.utilisation)
          .filter(([k, f]) => k !== 'reservedPeak' && f !== null)
          .map(([k, f]) => {
            const u = f as { mean: number; peak: number; minutesOver70: number; longestRunOver70: number };
            return [q.id, k, formatShare(u.mean), formatShare(u.peak), formatShare(1 - u.peak), `${u.minutesOver70} (${u.longestRunOver70})`, q.first429Ms === null ? '—' : formatDurationMs(q.first429Ms), k === 'tpm' || k === 'itpm' ? formatTokens(q.monthlyTokenCapacity ?? 0) : '', k === 'tpm' || k === 'itpm' ? formatTokens(q.monthlyQueryCapacity ?? 0) : ''];
          }),
      ),
    ),
  );
  const triggers = base.quotas.filter((q) => Object.values(q.utilisation).some((f) => f && typeof f === 'object' && f.longestRunOver70 >= 15));
  io.stdout(triggers.length ? `Scaling trigger: ${triggers.map((q) => q.id).join(', ')} above 70 % for 15+ minutes in a row → plan an upgrade` : 'Scaling triggers: none (no quota above 70 % for 15 minutes in a row)');
  for (const w of base.stability.warnings) io.stdout(`! ${w}`);
  io.stdout('');
  const where = `${search.limitedBy.quota ? `, busiest quota ${search.limitedBy.quota}` : ''}${search.limitedBy.node ? `, slowest node ${search.limitedBy.node}` : ''}`;
  if (search.bound === 'latency') io.stdout(`Max sustainable load: none — ${search.note}${search.limitedBy.node ? ` (slowest node ${search.limitedBy.node})` : ''}. Make the pipeline faster (model, answer length, streaming) before sizing for load.`);
  else if (search.bound === 'none') io.stdout(`Max sustainable load: above ${Number(search.maxRps.toPrecision(4))} req/s — ${search.note}`);
  else io.stdout(`Max sustainable load: ${Number(search.maxRps.toPrecision(4))} req/s (${Number(search.maxMultiplier.toPrecision(3))}× today) — limited by ${search.limitedBy.criterion ? criterionLabel(search.limitedBy.criterion) : 'nothing found'}${where} (${search.note})`);
  const pm = (key: string, value: number | null, halfWidth: number | null) => (halfWidth === null || value === null ? '' : ` ${plusMinusText(key, value, halfWidth, search.replications)}`.trimEnd());
  io.stdout(
    table(
      ['× traffic', 'req/s', 'P99', 'cost/query', 'cost/answer', 'errors', '429s per request', 'peak quota', 'breaks'],
      search.points.map((p) => [p.multiplier.toPrecision(3), p.rps.toPrecision(4), `${formatMs(p.p99Ms)}${pm('p99Ms', p.p99Ms, p.p99HalfWidthMs)}`, `${formatUsd(p.costPerQueryUsd)}${pm('costPerQueryUsd', p.costPerQueryUsd, p.costPerQueryHalfWidthUsd)}`, p.costPerServedQueryUsd === null ? '—' : formatUsd(p.costPerServedQueryUsd), formatShare(p.errorRate), formatShare(p.rateLimitedShare), formatShare(p.peakUtilisation), p.breaks.map(criterionLabel).join(', ') || 'ok']),
    ),
  );
  // The busiest TPM-type quota's monthly capacity against the search: the two ceilings, reconciled.
  const tokenQuota = base.quotas.filter((q) => q.monthlyQueryCapacity !== null).sort((a, b) => a.monthlyQueryCapacity! - b.monthlyQueryCapacity!)[0] ?? null;
  const reconciled = capacityReconciliation(search, base.cost.monthlyQueries, tokenQuota);
  if (reconciled) io.stdout(reconciled);
  if (search.replications > 1) io.stdout(`Each point: the mean of ${search.replications} runs (seeds as replications use them, the same at every load); ± at ${formatPercent(search.confidence)} confidence; breaks judged on the means.`);
  return EXIT.ok;
}
