import { readFileSync, writeFileSync } from 'node:fs';
import { builtinCatalog } from '../../catalog/catalog';
import { importLiteLlmPriceMap } from '../../importers/litellm-prices';
import { importLiteLlmProxyConfig } from '../../importers/litellm-proxy';
import { loadPipeline } from '../../model/load';
import { EXIT, UsageError, onePositional, parse } from '../args';
import type { CliIo } from '../io';

function readText(file: string, io: CliIo): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    io.stderr(`preflight: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    return null;
  }
}

function readJson(file: string, io: CliIo): unknown {
  const text = readText(file, io);
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    io.stderr(`preflight: ${file} is not JSON: ${(e as Error).message}`);
    return undefined;
  }
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * preflight import litellm-prices <model_prices_and_context_window.json> [--recorded-on YYYY-MM-DD] [--out models.json]
 * preflight import litellm-config <config.yaml> [--prices <price map>] [--out pipeline.preflight.json]
 */
export function importCommand(argv: string[], io: CliIo): number {
  const [what, ...rest] = argv;
  const { values, positionals } = parse(rest, { out: { type: 'string' }, 'recorded-on': { type: 'string' }, source: { type: 'string' }, prices: { type: 'string' }, json: { type: 'boolean' } });
  const file = onePositional(positionals, '<file>');
  if (what === 'litellm-prices') {
    const recordedOn = values['recorded-on'] ?? today();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(recordedOn)) throw new UsageError(`--recorded-on: got "${recordedOn}", expected YYYY-MM-DD`);
    const json = readJson(file, io);
    if (json === undefined) return EXIT.badInput;
    const r = importLiteLlmPriceMap(json, { recordedOn, ...(values.source && { source: values.source }) });
    const byMode = (m: string) => r.entries.filter((e) => e.mode === m).length;
    io.stderr(`imported ${r.entries.length} models (${byMode('chat')} chat, ${byMode('embedding')} embedding, ${byMode('rerank')} rerank); skipped ${r.skipped.length}:`);
    for (const s of r.skipped) io.stderr(`  ${s.key}: ${s.reason}`);
    for (const n of r.notes) io.stderr(`note: ${n}`);
    const out = JSON.stringify(r.entries, null, 2);
    if (values.out) {
      writeFileSync(values.out, out + '\n');
      io.stdout(`wrote ${values.out} (${r.entries.length} models; add them to a pipeline's "models" list)`);
    } else io.stdout(out);
    return EXIT.ok;
  }
  if (what === 'litellm-config') {
    const text = readText(file, io);
    if (text === null) return EXIT.badInput;
    let catalog = builtinCatalog();
    if (values.prices) {
      const json = readJson(values.prices, io);
      if (json === undefined) return EXIT.badInput;
      catalog = catalog.with(importLiteLlmPriceMap(json, { recordedOn: today() }).entries);
    }
    const r = importLiteLlmProxyConfig(text, { catalog, recordedOn: today() });
    for (const severity of ['warning', 'info'] as const) for (const n of r.notes.filter((x) => x.severity === severity)) io.stderr(`${severity}: ${n.path}: ${n.message}`);
    const loaded = loadPipeline(r.doc, catalog);
    if (!loaded.ok) {
      io.stderr('preflight: the imported pipeline does not validate:');
      for (const p of loaded.problems) io.stderr(`  ${p.message}`);
      return EXIT.badInput;
    }
    const out = JSON.stringify(r.doc, null, 2);
    if (values.out) {
      writeFileSync(values.out, out + '\n');
      io.stdout(`wrote ${values.out} (${loaded.doc.nodes.length} nodes, ${loaded.doc.quotas.length} quotas; ${r.notes.filter((n) => n.severity === 'warning').length} warnings above)`);
    } else io.stdout(out);
    return EXIT.ok;
  }
  throw new UsageError(`import what? got "${what ?? ''}", expected litellm-prices or litellm-config`);
}
