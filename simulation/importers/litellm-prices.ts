import { ModelEntrySchema, type ModelEntry, type ModelEntryInput } from '../catalog/schema';

/**
 * Imports LiteLLM's price map (`model_prices_and_context_window.json`: model name → entry with USD per
 * token prices, context window, provider and mode) into Preflight catalog entries.
 *
 * Contract: every key of the input ends up in exactly one of `entries` or `skipped` (with the reason),
 * so `entries.length + skipped.length` equals the number of keys. Nothing is dropped silently.
 *
 * Decisions:
 *  - LiteLLM modes `chat`, `completion` and `responses` are text-in, text-out models billed per input
 *    and output token: all three become `chat` (the LLM node's mode). `embedding` and `rerank` keep
 *    their mode. Image, audio, realtime, moderation, video … modes are skipped: no node prices them.
 *  - An entry whose usage prices are all 0 is skipped. In LiteLLM's file 0 marks an unpriced entry
 *    (experimental or preview models) as often as a free one; importing it would make every cost
 *    figure of a pipeline using it silently $0. Users with a truly free or self-hosted model add it
 *    to the pipeline's `models` with price 0 on purpose.
 *  - The context window is `max_input_tokens`, else LiteLLM's legacy `max_tokens` (noted on the entry).
 *  - `batchDiscount` = `input_cost_per_token_batches` ÷ `input_cost_per_token`, kept only when the
 *    output batch price gives the same ratio (one discount for both); otherwise left empty with a note.
 */
export interface LiteLlmPriceImport {
  entries: ModelEntry[];
  skipped: Array<{ key: string; reason: string }>;
  /** Summary lines: counts per mode, and anything the caller should know about the file as a whole. */
  notes: string[];
}

export interface LiteLlmPriceOptions {
  /** Day the file was read, YYYY-MM-DD (passed in: the simulation has no clock); becomes each entry's `asOf`. */
  recordedOn: string;
  /** Label for where the file came from (e.g. a URL with a commit); used when an entry has no `source`. */
  source?: string;
}

export const LITELLM_PRICE_MAP_SOURCE = 'LiteLLM model_prices_and_context_window.json';

const CHAT_MODES = new Set(['chat', 'completion', 'responses']);
/** Relative tolerance when comparing the input and output batch ratios. */
const RATIO_TOLERANCE = 1e-6;

type Raw = Record<string, unknown>;
type Converted = { ok: true; entry: ModelEntryInput } | { ok: false; reason: string };

export function importLiteLlmPriceMap(json: unknown, opts: LiteLlmPriceOptions): LiteLlmPriceImport {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.recordedOn)) {
    throw new Error(`recordedOn: expected a date as YYYY-MM-DD, got ${JSON.stringify(opts.recordedOn)}`);
  }
  if (!isObject(json)) {
    throw new Error(`$: expected LiteLLM's price map, a JSON object of model name → entry; got ${describeType(json)}`);
  }
  const fallbackSource = opts.source ?? LITELLM_PRICE_MAP_SOURCE;
  const entries: ModelEntry[] = [];
  const skipped: LiteLlmPriceImport['skipped'] = [];
  const imported = new Map<string, number>();
  const skippedByMode = new Map<string, number>();
  for (const key of Object.keys(json)) {
    const raw = json[key];
    const converted = convertEntry(key, raw, opts.recordedOn, fallbackSource);
    const parsed = converted.ok ? ModelEntrySchema.safeParse(converted.entry) : null;
    if (parsed?.success) {
      entries.push(parsed.data);
      imported.set(parsed.data.mode, (imported.get(parsed.data.mode) ?? 0) + 1);
      continue;
    }
    const reason = !converted.ok ? converted.reason : `rejected by the catalog schema: ${parsed!.error.issues.map((i) => `${i.path.join('.') || '$'}: ${i.message}`).join('; ')}`;
    skipped.push({ key, reason });
    const mode = isObject(raw) && typeof raw.mode === 'string' ? raw.mode : '(none)';
    skippedByMode.set(mode, (skippedByMode.get(mode) ?? 0) + 1);
  }
  const notes = [
    `${Object.keys(json).length} entries read: ${entries.length} imported, ${skipped.length} skipped (each with its reason).`,
    `Imported by mode: ${formatCounts(imported)}.`,
    ...(skipped.length ? [`Skipped by LiteLLM mode: ${formatCounts(skippedByMode)}.`] : []),
    'LiteLLM modes completion and responses were imported as chat (text in, text out, billed per token).',
  ];
  return { entries, skipped, notes };
}

function convertEntry(key: string, raw: unknown, asOf: string, fallbackSource: string): Converted {
  if (key === 'sample_spec') return fail("LiteLLM's documentation entry (sample_spec) describes the fields; it is not a model");
  if (!isObject(raw)) return fail(`not an object (got ${describeType(raw)}); a price entry is an object of fields`);
  const litellmMode = raw.mode;
  if (typeof litellmMode !== 'string') return fail('no mode: cannot tell a chat model from an embedding or image model');
  const mode = CHAT_MODES.has(litellmMode) ? 'chat' : litellmMode === 'embedding' || litellmMode === 'rerank' ? litellmMode : null;
  if (mode === null) return fail(`mode '${litellmMode}' is not simulated (Preflight prices chat, embedding and rerank calls)`);

  const provider = typeof raw.litellm_provider === 'string' && raw.litellm_provider ? raw.litellm_provider : key.includes('/') ? key.slice(0, key.indexOf('/')) : null;
  if (provider === null) return fail('no litellm_provider and no provider prefix in the name');

  const prices = readPrices(raw, mode);
  if (!prices.ok) return prices;
  const window = readContextWindow(raw);
  if (!window.ok) return window;

  const notes: string[] = [];
  if (litellmMode !== mode) notes.push(`LiteLLM mode '${litellmMode}', imported as chat.`);
  if (window.fromLegacy) notes.push("Context window from LiteLLM's legacy max_tokens (no max_input_tokens).");
  const batch = batchDiscount(raw, prices.input, prices.output);
  if (batch.note) notes.push(batch.note);
  const tier = tieredPriceNote(raw);
  if (tier) notes.push(tier);

  const ownSource = typeof raw.source === 'string' && raw.source.trim() ? raw.source.trim() : null;
  const entry: ModelEntryInput = {
    id: key,
    provider,
    mode,
    inputUsdPerToken: prices.input,
    outputUsdPerToken: prices.output,
    cachedInputUsdPerToken: optionalPrice(raw.cache_read_input_token_cost),
    cacheWriteUsdPerToken: optionalPrice(raw.cache_creation_input_token_cost),
    usdPerQuery: prices.perQuery,
    contextWindowTokens: window.tokens,
    maxOutputTokens: positiveInt(raw.max_output_tokens),
    promptCacheMinTokens: nonNegativeInt(raw.prompt_cache_min_tokens),
    batchDiscount: batch.discount,
    source: ownSource ?? fallbackSource,
    asOf,
    // An entry citing the provider's page was still read through LiteLLM's file: say so.
    note: [...(ownSource ? [`via ${fallbackSource}.`] : []), ...notes].join(' '),
  };
  return { ok: true, entry };
}

type Prices = { ok: true; input: number; output: number; perQuery: number } | { ok: false; reason: string };

/** The usage prices a mode needs; a missing or invalid one names the field and what it holds. */
function readPrices(raw: Raw, mode: ModelEntry['mode']): Prices {
  const input = priceField(raw, 'input_cost_per_token');
  const output = priceField(raw, 'output_cost_per_token');
  const perQuery = priceField(raw, 'input_cost_per_query');
  for (const field of [input, output, perQuery]) if (field.problem) return fail(field.problem);
  if (mode === 'rerank') {
    if (input.value === null && perQuery.value === null) return fail(`no input_cost_per_query or input_cost_per_token${otherPricing(raw)}`);
    const usable = { input: input.value ?? 0, output: output.value ?? 0, perQuery: perQuery.value ?? 0 };
    if (usable.input === 0 && usable.perQuery === 0) return fail(ZERO_PRICE_REASON);
    return { ok: true, ...usable };
  }
  if (input.value === null) return fail(`no input_cost_per_token${otherPricing(raw)}`);
  if (mode === 'chat' && output.value === null) return fail(`no output_cost_per_token${otherPricing(raw)}`);
  const usable = { input: input.value, output: output.value ?? 0, perQuery: 0 };
  if (usable.input === 0 && usable.output === 0) return fail(ZERO_PRICE_REASON);
  return { ok: true, ...usable };
}

const ZERO_PRICE_REASON =
  'every usage price is 0: LiteLLM uses 0 for unpriced (experimental, preview) entries as well as free ones, and a $0 model would make cost figures silently wrong; add it to the pipeline\'s "models" with its real price (0 only if it really is free or self-hosted)';

function priceField(raw: Raw, field: string): { value: number | null; problem?: string } {
  const v = raw[field];
  if (v === undefined || v === null) return { value: null };
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return { value: null, problem: `${field} is ${JSON.stringify(v)}; expected a price ≥ 0 in USD` };
  return { value: v };
}

/** "; it is priced per second (input_cost_per_second)" when the entry uses a unit Preflight does not bill. */
function otherPricing(raw: Raw): string {
  const other = Object.keys(raw).filter((k) => /^(input|output)_cost_per_(?!token)/.test(k) && typeof raw[k] === 'number');
  return other.length ? `; it is priced by ${other.join(', ')}, which Preflight does not bill` : '';
}

type Window = { ok: true; tokens: number; fromLegacy: boolean } | { ok: false; reason: string };

function readContextWindow(raw: Raw): Window {
  const primary = positiveInt(raw.max_input_tokens);
  if (primary !== null) return { ok: true, tokens: primary, fromLegacy: false };
  const legacy = positiveInt(raw.max_tokens);
  if (legacy !== null) return { ok: true, tokens: legacy, fromLegacy: true };
  const shown = raw.max_input_tokens ?? raw.max_tokens;
  return fail(shown === undefined ? 'no context window (max_input_tokens or max_tokens)' : `context window ${JSON.stringify(shown)} is not a positive number of tokens`);
}

function batchDiscount(raw: Raw, input: number, output: number): { discount: number | null; note?: string } {
  const inBatch = optionalPrice(raw.input_cost_per_token_batches);
  const outBatch = optionalPrice(raw.output_cost_per_token_batches);
  if (inBatch === null && outBatch === null) return { discount: null };
  const ratios = [inBatch !== null && input > 0 ? inBatch / input : null, outBatch !== null && output > 0 ? outBatch / output : null].filter((r): r is number => r !== null);
  const first = ratios[0];
  if (first === undefined) return { discount: null };
  const consistent = ratios.every((r) => Math.abs(r - first) <= RATIO_TOLERANCE * Math.max(1, first));
  if (!consistent) {
    return { discount: null, note: `Batch prices are not one discount (input ×${round(ratios[0]!)}, output ×${round(ratios[1]!)}); batch discount left empty.` };
  }
  if (first > 1) return { discount: null, note: `Batch prices are above the normal prices (×${round(first)}); batch discount left empty.` };
  return { discount: round(first) };
}

/** LiteLLM's long-context tiers (e.g. `input_cost_per_token_above_200k_tokens`): Preflight bills the base price. */
function tieredPriceNote(raw: Raw): string | null {
  const tiers = Object.keys(raw)
    .map((k) => /^input_cost_per_token_above_(\d+k)_tokens$/.exec(k)?.[1])
    .filter((t): t is string => t !== undefined);
  if (!tiers.length) return null;
  return `Prompts above ${tiers.map((t) => t.toUpperCase()).join(' / ')} tokens cost more at the provider; Preflight bills the base price.`;
}

function optionalPrice(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null;
}

function positiveInt(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.floor(v) : null;
}

function nonNegativeInt(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : null;
}

function round(x: number): number {
  return Number(x.toPrecision(6));
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}

function formatCounts(counts: Map<string, number>): string {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([mode, n]) => `${mode} ${n}`)
    .join(', ');
}
