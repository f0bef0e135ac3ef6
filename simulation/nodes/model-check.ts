import type { Catalog } from '../catalog/catalog';
import type { ModelEntry } from '../catalog/schema';
import type { Problem } from './kind';

/** Checks that `modelId` is in the catalog with the right mode; returns the problems found. */
export function checkModel(catalog: Catalog, modelId: string, mode: ModelEntry['mode'], path: string, nodeId: string): Problem[] {
  const entry = catalog.get(modelId);
  if (!entry) {
    const ids = catalog.ofMode(mode).map((m) => m.id);
    const near = closest(modelId, ids);
    return [{ severity: 'error', path, nodeId, message: `model '${modelId}' is not in the price catalog${near ? ` (did you mean '${near}'?)` : ''}; ${mode} models available: ${ids.join(', ')} (preflight models lists them with prices; or add it to the pipeline's "models" list)` }];
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

/** The id nearest to `id` by edit distance, if it is close enough to be a typo (at most a third of its length). */
function closest(id: string, ids: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const candidate of ids) {
    const d = editDistance(id.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance (insertions, deletions and substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length]!;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
