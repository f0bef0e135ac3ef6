import { EXIT, RUN_OPTIONS, commonArgs, onePositional, parse } from '../args';
import type { CliIo } from '../io';
import { loadFile } from '../load-file';
import { formatReplicated } from '../replicated-summary';
import { simulate } from '../simulate';
import { formatSummary } from '../summary';

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, RUN_OPTIONS);
  const args = commonArgs(values);
  const file = loadFile(onePositional(positionals, '<file>'), io);
  if (!file) return EXIT.badInput;
  const started = performance.now();
  const out = await simulate(file, args);
  const seconds = (performance.now() - started) / 1000;
  if (args.json) io.stdout(JSON.stringify(out.replicated ?? out.single, null, 2));
  else io.stdout(out.replicated ? `${formatReplicated(out.replicated)}\n\nFirst replication in detail:\n${formatSummary(out.results)}` : formatSummary(out.results));
  const runs = out.replicated?.seeds.length ?? 1;
  io.stderr(`simulated ${runs} run${runs === 1 ? '' : 's'} in ${seconds.toFixed(2)} s`);
  return EXIT.ok;
}
