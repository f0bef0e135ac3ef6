import { EXIT, UsageError } from './args';
import { capacityCommand } from './commands/capacity';
import { checkCommand } from './commands/check';
import { calibrateCommand } from './commands/calibrate';
import { importCommand } from './commands/import';
import { reportCommand } from './commands/report';
import { compareCommand } from './commands/compare';
import { roiCommand } from './commands/roi';
import { runCommand } from './commands/run';
import { sweepCommand } from './commands/sweep';
import { validateCommand } from './commands/validate';
import { processIo, type CliIo } from './io';

export type { CliIo };

const HELP = `preflight — simulate an LLM/RAG pipeline before you launch it

Usage:
  preflight run <file> [--seed N] [--duration 1h | --requests N] [--warmup 5m] [--no-drain] [--json]
                       [--replications N | --until 3%] [--confidence 95%] [--workers N]
  preflight validate <file>
  preflight sweep <file> --param PATH=v1,v2,… [--param PATH=…] [--replications N]   one or two parameters
  preflight sweep <file> --tornado PATH,PATH,… [--spread 20%]      sensitivity of monthly cost and P99
  preflight compare <before> <after> [--format table|markdown|json]
  preflight capacity <file> [--slo p99=5s,error=1%,429=1%] [--replications N]
  preflight roi [level files…] [--revenue-per-hour 5000] [--queries-per-day N] [--investments once+monthly,…] [--seed-example]
  preflight report <file> --out report.html|report.pdf [--replications 5] [--no-capacity] [--roi a.json,b.json]
                          [--param PATH=v1,v2]… [--heatmap PATH=v1,v2 --heatmap PATH=v1,v2]
                          [--sweep-replications N [--sweep-confidence 95%]] [--tornado PATH,… [--spread 20%]] [--csv prefix]
  preflight check <file> [--slo p99=5s,ttft=500ms,error=1%,cache=30%,quota=80%] [--budget 10000/month] [--replications 5]
  preflight diff <base> <head> [--format markdown|table|json]      Infracost-style cost and latency diff
  preflight import litellm-prices <model_prices_and_context_window.json> [--recorded-on YYYY-MM-DD] [--out models.json]
  preflight import litellm-config <config.yaml> [--prices <price map>] [--out pipeline.preflight.json]
  preflight calibrate <otlp.json | spend-logs.json> [--apply pipeline.json --node ID [--empirical] [--output-tokens] [--out file]]
  preflight run <file> … --otlp traces.json [--otlp-start 2026-01-01T00:00:00Z]   sampled traces as OTLP/JSON

Parameter paths: traffic.rps, nodes[ID].params.topN, quotas[ID].tpm, models[MODEL].inputUsdPerToken,
fixedCosts[NAME].monthlyUsd, nodes[ID].params.routes[0].weight …
Every command that simulates takes the run options above and --json.

Exit codes: 0 ok · 1 a gate failed · 2 bad input (arguments or pipeline) · 3 internal error`;

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await runCommand(rest, io);
      case 'validate':
        return validateCommand(rest, io);
      case 'sweep':
        return sweepCommand(rest, io);
      case 'compare':
        return compareCommand(rest, io);
      case 'capacity':
        return capacityCommand(rest, io);
      case 'roi':
        return roiCommand(rest, io);
      case 'report':
        return await reportCommand(rest, io);
      case 'check':
        return await checkCommand(rest, io);
      case 'import':
        return importCommand(rest, io);
      case 'calibrate':
        return calibrateCommand(rest, io);
      case 'diff':
        return compareCommand(rest.some((a) => a.startsWith('--format') || a === '--json') ? rest : [...rest, '--format', 'markdown'], io, 'diff');
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(HELP);
        return command === undefined ? EXIT.badInput : EXIT.ok;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`preflight: ${(e as Error).message}\n\n${HELP}`);
      return EXIT.badInput;
    }
    io.stderr(`preflight: internal error: ${(e as Error).stack ?? e}`);
    return EXIT.internal;
  }
}
