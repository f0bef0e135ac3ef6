import { EXIT, onePositional, parse } from '../args';
import type { CliIo } from '../io';
import { loadFile } from '../load-file';

export function validateCommand(argv: string[], io: CliIo): number {
  const { positionals } = parse(argv, {});
  const file = onePositional(positionals, '<file>');
  const loaded = loadFile(file, io);
  if (!loaded) return EXIT.badInput;
  const d = loaded.doc;
  io.stdout(`${file}: valid pipeline "${d.pipeline.name}" (${plural(d.nodes.length, 'node')}, ${plural(d.edges.length, 'edge')}, ${plural(d.quotas.length, 'quota')})${loaded.warnings.length ? `, ${plural(loaded.warnings.length, 'warning')}` : ''}`);
  return EXIT.ok;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
