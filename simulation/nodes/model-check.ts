import type { Catalog } from '../catalog/catalog';
import type { ModelEntry } from '../catalog/schema';
import type { Problem } from './kind';

/** Checks that `modelId` is in the catalog with the right mode; returns the problems found. */
export function checkModel(catalog: Catalog, modelId: string, mode: ModelEntry['mode'], path: string, nodeId: string): Problem[] {
  const entry = catalog.get(modelId);
  if (!entry) {
    const options = catalog
      .ofMode(mode)
      .map((m) => m.id)
      .slice(0, 12)
      .join(', ');
    return [{ severity: 'error', path, nodeId, message: `model '${modelId}' is not in the price catalog; ${mode} models available: ${options}, … (or add it to the pipeline's "models" list)` }];
  }
  if (entry.mode !== mode) {
    return [{ severity: 'error', path, nodeId, message: `model '${modelId}' is ${article(entry.mode)} ${entry.mode} model; this node needs ${article(mode)} ${mode} model` }];
  }
  return [];
}

/** "$0.75 / $4.50 per 1M" */
export function formatPricePerMillion(entry: ModelEntry | undefined): string {
  if (!entry) return 'unknown model';
  const f = (usdPerToken: number) => `$${(usdPerToken * 1e6).toFixed(usdPerToken * 1e6 < 1 ? 3 : 2).replace(/\.?0+$/, '')}`;
  if (entry.mode === 'rerank') {
    return entry.usdPerQuery > 0 ? `$${(entry.usdPerQuery * 1000).toFixed(2)} per 1K searches` : entry.inputUsdPerToken > 0 ? `${f(entry.inputUsdPerToken)} per 1M tokens` : 'no usage price';
  }
  if (entry.mode === 'embedding') return `${f(entry.inputUsdPerToken)} per 1M tokens`;
  return `${f(entry.inputUsdPerToken)} / ${f(entry.outputUsdPerToken)} per 1M`;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
