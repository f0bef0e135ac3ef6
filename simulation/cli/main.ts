import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { builtinCatalog } from '../catalog/catalog';
import { loadPipeline } from '../model/load';
import { runPipeline } from '../run';
import { EXIT, onePositional, parseRunArgs, UsageError } from './args';
import { formatSummary } from './summary';

const HELP = `preflight — simulate an LLM/RAG pipeline before you launch it

Usage:
  preflight run <file> [--seed N] [--duration 1h | --requests N] [--warmup 5m] [--no-drain] [--json]
  preflight validate <file>
  preflight help

run       simulates the pipeline and prints a summary (or every figure as JSON with --json)
validate  checks the file and lists every problem with its JSON path

Exit codes: 0 ok · 1 a gate failed · 2 bad input (arguments or pipeline) · 3 internal error`;

/** Reads and validates a pipeline file; prints problems and returns null when it cannot be used. */
function loadFile(file: string, stderr: (s: string) => void) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    stderr(`preflight: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`);
    return null;
  }
  const result = loadPipeline(text, builtinCatalog());
  for (const w of result.warnings) stderr(`warning: ${w.message}`);
  if (!result.ok) {
    stderr(`preflight: ${file} is not a valid pipeline (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}):`);
    for (const p of result.problems) stderr(`  ${p.message}`);
    return null;
  }
  return result;
}

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: CliIo = {
  stdout: (s) => void process.stdout.write(s + '\n'),
  stderr: (s) => void process.stderr.write(s + '\n'),
};

export function main(argv: string[], io: CliIo = processIo): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run': {
        const args = parseRunArgs(rest);
        const loaded = loadFile(args.file, io.stderr);
        if (!loaded) return EXIT.badInput;
        const started = performance.now();
        const results = runPipeline(loaded.doc, loaded.catalog, {
          ...(args.seed !== undefined && { seed: args.seed }),
          ...(args.durationMs !== undefined && { durationMs: args.durationMs, requests: null }),
          ...(args.requests !== undefined && { requests: args.requests }),
          ...(args.warmupMs !== undefined && { warmupMs: args.warmupMs }),
          ...(args.drain !== undefined && { drain: args.drain }),
        });
        const seconds = (performance.now() - started) / 1000;
        io.stdout(args.json ? JSON.stringify(results, null, 2) : formatSummary(results));
        io.stderr(`simulated ${results.run.requestsArrived.toLocaleString('en-US')} requests (${results.run.events.toLocaleString('en-US')} events) in ${seconds.toFixed(2)} s`);
        return EXIT.ok;
      }
      case 'validate': {
        const { positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true, options: {} });
        const file = onePositional(positionals, '<file>');
        const loaded = loadFile(file, io.stderr);
        if (!loaded) return EXIT.badInput;
        const d = loaded.doc;
        io.stdout(`${file}: valid pipeline "${d.pipeline.name}" (${plural(d.nodes.length, 'node')}, ${plural(d.edges.length, 'edge')}, ${plural(d.quotas.length, 'quota')})${loaded.warnings.length ? `, ${plural(loaded.warnings.length, 'warning')}` : ''}`);
        return EXIT.ok;
      }
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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
