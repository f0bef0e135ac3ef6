import { builtinCatalog } from '../../catalog/catalog';
import type { ModelEntry } from '../../catalog/schema';
import { formatPricePerMillion } from '../../nodes/model-check';
import { formatTokens } from '../../units/format';
import { EXIT, UsageError, parse } from '../args';
import type { CliIo } from '../io';
import { loadFile } from '../load-file';
import { table } from '../summary';

const MODES = ['chat', 'embedding', 'rerank'] as const;

/**
 * preflight models [file] [--mode chat|embedding|rerank] [--json]: the price catalog a pipeline runs
 * with (the built-ins, or with a file: its own `models` entries added or overriding), each price with
 * its source and the date it was recorded.
 */
export function modelsCommand(argv: string[], io: CliIo): number {
  const { values, positionals } = parse(argv, { mode: { type: 'string' }, json: { type: 'boolean' } });
  const mode = values.mode;
  if (mode !== undefined && !(MODES as readonly string[]).includes(mode)) throw new UsageError(`--mode: got "${mode}", expected one of ${MODES.join(', ')}`);
  if (positionals.length > 1) throw new UsageError(`expected at most one pipeline file, got ${positionals.length}`);
  let catalog = builtinCatalog();
  if (positionals.length === 1) {
    const file = loadFile(positionals[0]!, io);
    if (!file) return EXIT.badInput;
    catalog = file.catalog;
  }
  const entries = catalog.all().filter((m) => mode === undefined || m.mode === mode);
  if (values.json) {
    io.stdout(JSON.stringify(entries, null, 2));
    return EXIT.ok;
  }
  const order = (m: ModelEntry) => MODES.indexOf(m.mode);
  const rows = [...entries].sort((a, b) => order(a) - order(b) || a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id));
  io.stdout(
    table(
      ['Model', 'provider', 'mode', 'price (input / output)', 'cached input', 'context', 'recorded', 'source'],
      rows.map((m) => [m.id, m.provider, m.mode, formatPricePerMillion(m), m.cachedInputUsdPerToken === null ? '—' : `$${Number((m.cachedInputUsdPerToken * 1e6).toPrecision(3))} per 1M`, formatTokens(m.contextWindowTokens), m.asOf, m.source]),
    ),
  );
  io.stdout(`\n${rows.length} models. Prices are USD; a pipeline's "models" list adds or overrides entries (preflight models FILE shows the result).`);
  return EXIT.ok;
}
