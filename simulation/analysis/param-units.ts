import type { PipelineDocument } from '../model/document-schema';
import { formatCount, formatUsd } from '../units/format';
import { humanize } from '../units/humanize';
import { sweepableParams } from './sweep';

/** How a parameter is shown and typed: its unit, and the factor from the document's unit to the shown one. */
export interface ParamUnit {
  unit: string;
  /** shown = stored × scale (prices per token are typed per million tokens). */
  scale: number;
  integer: boolean;
  /** A share or probability: values must stay within 0..1. */
  share: boolean;
}

const INTEGER_KEYS = /^(topK|topN|maxTokens|systemPromptTokens|capacityEntries|rpm|tpm|itpm|otpm|maxParallelRequests)$/;
const SHARE_KEYS = /^(hitProbability|similarityThreshold|errorProbability|confidenceThreshold|greenShare|quality)$/;

const lastKey = (path: string) => path.match(/([A-Za-z]+)$/)?.[1] ?? path;

export function paramUnit(path: string): ParamUnit {
  const key = lastKey(path);
  if (/UsdPerToken$/.test(key)) return { unit: '$ / M tokens', scale: 1e6, integer: false, share: false };
  if (path === 'traffic.rps') return { unit: 'req/s', scale: 1, integer: false, share: false };
  if (key === 'monthlyUsd') return { unit: '$ / month', scale: 1, integer: false, share: false };
  if (/Ms$/.test(key)) return { unit: 'ms', scale: 1, integer: false, share: false };
  if (SHARE_KEYS.test(key)) return { unit: '0–1', scale: 1, integer: false, share: true };
  if (key === 'weight') return { unit: 'weight', scale: 1, integer: false, share: false };
  if (INTEGER_KEYS.test(key)) return { unit: /tokens|tpm/i.test(key) ? 'tokens' : key === 'rpm' ? 'requests/min' : '', scale: 1, integer: true, share: false };
  return { unit: '', scale: 1, integer: false, share: false };
}

/** "nodes[llm].params.maxTokens" → "gpt-5.4 answer (llm) · max tokens", using the node's name. */
export function paramLabel(path: string, doc: PipelineDocument | null): string {
  const node = path.match(/^nodes\[([^\]]+)\]\.params\.(.+)$/);
  if (node) {
    const [, id, rest] = node;
    const name = doc?.nodes.find((n) => n.id === id)?.name;
    const route = rest!.match(/^routes\[(\d+)\]\.weight$/);
    const routeName = route && doc ? ((doc.nodes.find((n) => n.id === id)?.params as { routes?: Array<{ name: string }> }).routes?.[Number(route[1])]?.name ?? route[1]) : null;
    return `${name && name !== id ? `${name} (${id})` : id} · ${routeName ? `route “${routeName}” weight` : humanize(rest!).toLowerCase()}`;
  }
  const model = path.match(/^models\[([^\]]+)\]\.(input|output)UsdPerToken$/);
  if (model) return `${model[1]} · ${model[2]} price`;
  const quota = path.match(/^quotas\[([^\]]+)\]\.(\w+)$/);
  if (quota) return `quota ${quota[1]} · ${quota[2] === 'maxParallelRequests' ? 'max parallel requests' : quota[2]!.toUpperCase()}`;
  const fixed = path.match(/^fixedCosts\[([^\]]+)\]\.monthlyUsd$/);
  if (fixed) return `fixed cost · ${fixed[1]}`;
  if (path === 'traffic.rps') return 'traffic · arrival rate';
  return path;
}

/** A stored value as the user reads it ("$2.50 / M tokens", "1,024 tokens", "5.79 req/s"). */
export function formatParam(path: string, value: number): string {
  const u = paramUnit(path);
  const shown = value * u.scale;
  if (u.unit.startsWith('$')) return `${formatUsd(shown)}${u.unit.slice(1)}`;
  // Four significant digits at any size: 0.0005 and 0.00075 must not both read 0.001.
  const number = u.integer ? formatCount(shown) : Number(shown.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 12 });
  return u.unit && u.unit !== '0–1' && u.unit !== 'weight' ? `${number} ${u.unit}` : number;
}

/** A value in the shown unit, for an input box (no grouping, no unit). */
export function shownValue(path: string, value: number): string {
  return String(Number((value * paramUnit(path).scale).toPrecision(6)));
}

/** Values around the base for a first sweep: ½×, ¾×, 1×, 1½×, 2× (shares stop at 1, integers round). */
export function suggestValues(path: string, base: number): string {
  const u = paramUnit(path);
  const factors = u.share ? [0.5, 0.75, 1, 1.1, 1.2] : [0.5, 0.75, 1, 1.5, 2];
  const values = factors.map((f) => {
    const v = base * f;
    return u.integer ? Math.max(1, Math.round(v)) : u.share ? Math.min(1, v) : v;
  });
  return [...new Set(values.map((v) => shownValue(path, v)))].join(', ');
}

/** Typed values (shown unit, comma or space separated) → stored values, or why they cannot be used. */
export function parseValues(path: string, text: string): number[] | string {
  const u = paramUnit(path);
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return `${path}: type the values to try, e.g. ${suggestValues(path, 1)}`;
  if (parts.length > 40) return `${path}: at most 40 values per axis (got ${parts.length})`;
  const out: number[] = [];
  for (const p of parts) {
    const n = Number(p.replace(/_/g, ''));
    if (!Number.isFinite(n) || n < 0) return `${path}: "${p}" is not a number ≥ 0`;
    if (u.integer && !Number.isInteger(n)) return `${path}: "${p}" must be a whole number`;
    if (u.share && n > 1) return `${path}: "${p}" must be between 0 and 1`;
    out.push(n / u.scale);
  }
  return out;
}

/**
 * The tornado's starting set, in the order budgets move with them: traffic, answer length, chat-model
 * prices, retrieval depth, cache behaviour (embedding and reranker prices rarely matter).
 */
export function defaultTornadoPaths(doc: PipelineDocument): string[] {
  const chatModels = new Set(doc.nodes.filter((n) => n.kind === 'llm' || n.kind === 'batch').map((n) => (n.params as { model?: string }).model));
  const rank = (p: string): number => {
    if (p === 'traffic.rps') return 0;
    if (/maxTokens$/.test(p)) return 1;
    const model = p.match(/^models\[([^\]]+)\]/)?.[1];
    if (model) return chatModels.has(model) ? 2 : 9;
    if (/top[KN]$/.test(p)) return 3;
    if (/hitProbability$|similarityThreshold$|ttlMs$/.test(p)) return 4;
    return 9;
  };
  return sweepableParams(doc)
    .filter((p) => rank(p) < 9)
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, 8);
}
