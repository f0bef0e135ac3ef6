import { EXIT, UsageError } from './args';
import { capacityCommand } from './commands/capacity';
import { checkCommand } from './commands/check';
import { calibrateCommand } from './commands/calibrate';
import { importCommand } from './commands/import';
import { modelsCommand } from './commands/models';
import { reportCommand } from './commands/report';
import { compareCommand } from './commands/compare';
import { roiCommand } from './commands/roi';
import { runCommand } from './commands/run';
import { sweepCommand } from './commands/sweep';
import { validateCommand } from './commands/validate';
import { commandUsage, HELP, packageVersion } from './help';
import { processIo, type CliIo } from './io';

export type { CliIo };



export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  // `preflight <command> --help`: that command's usage and the options, before any parsing.
  if (command !== undefined && commandUsage(command) !== null && (rest.includes('--help') || rest.includes('-h'))) {
    io.stdout(`${commandUsage(command)}\n\n${HELP.slice(HELP.indexOf('Run options'))}`);
    return EXIT.ok;
  }
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
      case 'models':
        return modelsCommand(rest, io);
      case 'diff':
        return compareCommand(rest.some((a) => a.startsWith('--format') || a === '--json') ? rest : [...rest, '--format', 'markdown'], io, 'diff');
      case 'version':
      case '--version':
      case '-v':
        io.stdout(`preflight ${packageVersion()}`);
        return EXIT.ok;
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
      // The message first and the command's own usage after it, not the whole help: in a CI log the error stays in view.
      const usage = commandUsage(command ?? '');
      io.stderr(`preflight: ${plainMessage((e as Error).message)}\n\n${usage ?? HELP.slice(0, HELP.indexOf('\n\nParameter paths'))}\n\nRun 'preflight ${usage ? `${command} --help` : 'help'}' for every option.`);
      return EXIT.badInput;
    }
    io.stderr(`preflight: internal error: ${(e as Error).stack ?? e}`);
    return EXIT.internal;
  }
}

/**
 * Node's argument parser explains a value starting with '-' in its own terms ("argument is ambiguous…
 * use '--seed=-XYZ'"); the values Preflight takes that way are numbers and durations, never negative.
 */
function plainMessage(message: string): string {
  const ambiguous = /^Option '(--[\w-]+)(?: <value>)?' argument is ambiguous/.exec(message);
  return ambiguous ? `${ambiguous[1]}: got a value starting with '-', and it cannot be negative` : message;
}
