import { writeFileSync } from 'node:fs';
import { tracesToOtlpJson } from '../../export/otlp';
import { EXIT, RUN_OPTIONS, UsageError, commonArgs, onePositional, parse } from '../args';
import type { CliIo } from '../io';
import { loadFile } from '../load-file';
import { packageVersion } from '../help';
import { formatReplicated } from '../replicated-summary';
import { simulate } from '../simulate';
import { formatSummary } from '../summary';


export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, { ...RUN_OPTIONS, otlp: { type: 'string' }, 'otlp-start': { type: 'string' } });
  const args = commonArgs(values);
  const file = loadFile(onePositional(positionals, '<file>'), io);
  if (!file) return EXIT.badInput;
  const started = performance.now();
  const out = await simulate(file, args);
  const seconds = (performance.now() - started) / 1000;
  if (args.json) io.stdout(JSON.stringify(out.replicated ?? out.single, null, 2));
  else io.stdout(out.replicated ? `${formatReplicated(out.replicated, args.plan?.stopping ?? null)}\n\nFirst replication in detail:\n${formatSummary(out.results)}` : formatSummary(out.results));
  if (values.otlp) {
    const start = values['otlp-start'] ?? new Date().toISOString();
    const ms = Date.parse(start);
    if (!Number.isFinite(ms)) throw new UsageError(`--otlp-start: got "${start}", expected an ISO 8601 time`);
    writeFileSync(values.otlp, JSON.stringify(tracesToOtlpJson(out.results, { startTimeUnixNano: BigInt(ms) * 1_000_000n, serviceName: file.doc.pipeline.name, preflightVersion: packageVersion(), catalog: file.catalog })));
    io.stderr(`wrote ${out.results.traces.length} traces to ${values.otlp} (OTLP/JSON)`);
  }
  const runs = out.replicated?.seeds.length ?? 1;
  io.stderr(`simulated ${runs} run${runs === 1 ? '' : 's'} in ${seconds.toFixed(2)} s`);
  return EXIT.ok;
}
