import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../../simulation/catalog/catalog';
import { ModelEntrySchema } from '../../../simulation/catalog/schema';
import { importLiteLlmPriceMap, LITELLM_PRICE_MAP_SOURCE } from '../../../simulation/importers/litellm-prices';

const REAL = new URL('../../../../shared/fixtures/litellm/model_prices_and_context_window.json', import.meta.url);
const OWN = new URL('../../fixtures/litellm/model-prices-edge-cases.json', import.meta.url);
const readJson = (url: URL): Record<string, unknown> => JSON.parse(readFileSync(url, 'utf8'));
const recordedOn = '2026-11-27';

describe('LiteLLM price map on the real 218-model file', () => {
  const run = () => {
    const json = readJson(REAL);
    return { json, result: importLiteLlmPriceMap(json, { recordedOn }) };
  };

  it.skipIf(!existsSync(REAL))('accounts for every key: imported + skipped = input keys, each skip with a reason', () => {
    const { json, result } = run();
    expect(Object.keys(json)).toHaveLength(218);
    expect(result.entries.length + result.skipped.length).toBe(218);
    const seen = new Set([...result.entries.map((e) => e.id), ...result.skipped.map((s) => s.key)]);
    expect(seen.size).toBe(218);
    for (const s of result.skipped) expect(s.reason.length).toBeGreaterThan(10);
  });

  it.skipIf(!existsSync(REAL))('imports 190 chat (166 chat − 1 zero-priced + 23 responses + 2 completion) and 3 embedding models', () => {
    const { result } = run();
    const byMode = (mode: string) => result.entries.filter((e) => e.mode === mode).length;
    expect(byMode('chat')).toBe(190);
    expect(byMode('embedding')).toBe(3);
    expect(byMode('rerank')).toBe(0);
    expect(result.entries).toHaveLength(193);
    expect(result.skipped).toHaveLength(25);
  });

  it.skipIf(!existsSync(REAL))('skips image, audio and realtime modes and the two zero-priced entries, saying why', () => {
    const { result } = run();
    const reasons = new Map(result.skipped.map((s) => [s.key, s.reason]));
    expect(reasons.get('gpt-image-1')).toMatch(/mode 'image_generation' is not simulated/);
    expect(reasons.get('gpt-4o-mini-tts')).toMatch(/mode 'audio_speech'/);
    expect(reasons.get('gpt-4o-transcribe')).toMatch(/mode 'audio_transcription'/);
    expect(reasons.get('gemini-live-2.5-flash-preview-native-audio-09-2025')).toMatch(/mode 'realtime'/);
    expect(reasons.get('deepseek-v3-2-251201')).toMatch(/every usage price is 0/);
    expect(reasons.get('gemini-flash-experimental')).toMatch(/every usage price is 0/);
    const modes = result.skipped.map((s) => /mode '([a-z_]+)'/.exec(s.reason)?.[1] ?? 'zero');
    expect(modes.filter((m) => m === 'image_generation')).toHaveLength(12);
    expect(modes.filter((m) => m === 'audio_transcription')).toHaveLength(6);
    expect(modes.filter((m) => m === 'audio_speech')).toHaveLength(4);
  });

  it.skipIf(!existsSync(REAL))('keeps exact prices, cache prices, batch discount, provider and source', () => {
    const { result } = run();
    const mini = result.entries.find((e) => e.id === 'gpt-4o-mini')!;
    expect(mini).toMatchObject({ provider: 'openai', mode: 'chat', inputUsdPerToken: 1.5e-7, outputUsdPerToken: 6e-7, cachedInputUsdPerToken: 7.5e-8, contextWindowTokens: 128_000, maxOutputTokens: 16_384, batchDiscount: 0.5, asOf: recordedOn, source: LITELLM_PRICE_MAP_SOURCE });
    const embedding = result.entries.find((e) => e.id === 'gemini-embedding-001')!;
    expect(embedding).toMatchObject({ mode: 'embedding', inputUsdPerToken: 1.5e-7, contextWindowTokens: 2048, source: 'https://cloud.google.com/vertex-ai/generative-ai/docs/learn/models' });
    expect(embedding.note).toMatch(/^via LiteLLM/);
    const instruct = result.entries.find((e) => e.id === 'gpt-3.5-turbo-instruct')!;
    expect(instruct).toMatchObject({ mode: 'chat', inputUsdPerToken: 1.5e-6, outputUsdPerToken: 2e-6 });
    expect(instruct.note).toMatch(/LiteLLM mode 'completion', imported as chat/);
  });

  it.skipIf(!existsSync(REAL))('produces entries that pass the catalog schema and build a catalog', () => {
    const { result } = run();
    for (const e of result.entries) expect(ModelEntrySchema.safeParse(e).success).toBe(true);
    const catalog = new Catalog(result.entries);
    expect(catalog.ofMode('chat')).toHaveLength(190);
  });
});

describe('LiteLLM price map on the project fixture (edge cases)', () => {
  const result = importLiteLlmPriceMap(readJson(OWN), { recordedOn, source: 'test fixture' });
  const entry = (id: string) => result.entries.find((e) => e.id === id);
  const reason = (key: string) => result.skipped.find((s) => s.key === key)?.reason;

  it('imports 7 of 20 keys and skips 13, each once', () => {
    expect(result.entries.map((e) => e.id).sort()).toEqual(['cohere/some-rerank', 'legacy-window-completion', 'plain-chat', 'responses-only', 'some-embedding', 'tiered-long-context', 'uneven-batch']);
    expect(result.skipped).toHaveLength(13);
    expect(result.notes[0]).toBe('20 entries read: 7 imported, 13 skipped (each with its reason).');
  });

  it('maps every price field of a full chat entry', () => {
    expect(entry('plain-chat')).toMatchObject({
      provider: 'openai',
      inputUsdPerToken: 1e-6,
      outputUsdPerToken: 4e-6,
      cachedInputUsdPerToken: 1e-7,
      cacheWriteUsdPerToken: 1.25e-6,
      contextWindowTokens: 200_000,
      maxOutputTokens: 32_000,
      promptCacheMinTokens: 1024,
      batchDiscount: 0.5,
      source: 'https://example.com/pricing',
      note: 'via test fixture.',
    });
  });

  it('falls back to the legacy max_tokens for the window and says so', () => {
    expect(entry('legacy-window-completion')).toMatchObject({ mode: 'chat', contextWindowTokens: 4096, source: 'test fixture' });
    expect(entry('legacy-window-completion')!.note).toMatch(/legacy max_tokens/);
  });

  it('leaves an inconsistent batch discount empty, with the two ratios in the note', () => {
    expect(entry('uneven-batch')!.batchDiscount).toBeNull();
    expect(entry('uneven-batch')!.note).toMatch(/input ×0\.5, output ×0\.75/);
  });

  it('notes long-context tiers and imports rerankers priced per query', () => {
    expect(entry('tiered-long-context')!.note).toMatch(/above 200K tokens/);
    expect(entry('cohere/some-rerank')).toMatchObject({ mode: 'rerank', usdPerQuery: 0.002, inputUsdPerToken: 0 });
    expect(entry('responses-only')).toMatchObject({ mode: 'chat', outputUsdPerToken: 6e-5 });
  });

  it('gives a specific reason for every kind of unusable entry', () => {
    expect(reason('sample_spec')).toMatch(/documentation entry/);
    expect(reason('priced-per-second')).toMatch(/no input_cost_per_token; it is priced by input_cost_per_second/);
    expect(reason('no-window')).toMatch(/no context window/);
    expect(reason('free-preview')).toMatch(/every usage price is 0/);
    expect(reason('negative-price')).toMatch(/input_cost_per_token is -0\.000001; expected a price ≥ 0/);
    expect(reason('string-price')).toMatch(/input_cost_per_token is "0\.000001"/);
    expect(reason('no-mode')).toMatch(/no mode/);
    expect(reason('a-moderation-model')).toMatch(/mode 'moderation'/);
    expect(reason('a-speech-model')).toMatch(/mode 'audio_speech'/);
    expect(reason('not-an-object')).toMatch(/not an object \(got string "gpt-4o"\)/);
    expect(reason('null-entry')).toMatch(/got null/);
    expect(reason('array-entry')).toMatch(/got an array/);
  });

  it('refuses input that is not a price map, and a bad recording date, naming the problem', () => {
    expect(() => importLiteLlmPriceMap([1, 2], { recordedOn })).toThrow(/\$: expected LiteLLM's price map.*got an array/);
    expect(() => importLiteLlmPriceMap({}, { recordedOn: '27/11/2026' })).toThrow(/recordedOn: expected a date as YYYY-MM-DD, got "27\/11\/2026"/);
  });

  it('handles a file the size of the upstream map (thousands of entries) quickly', () => {
    const big: Record<string, unknown> = {};
    for (let i = 0; i < 5000; i++) big[`model-${i}`] = { litellm_provider: 'openai', mode: i % 10 === 0 ? 'image_generation' : 'chat', input_cost_per_token: 1e-6, output_cost_per_token: 2e-6, max_input_tokens: 128_000 };
    const started = performance.now();
    const r = importLiteLlmPriceMap(big, { recordedOn });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.entries).toHaveLength(4500);
    expect(r.skipped).toHaveLength(500);
  });
});
