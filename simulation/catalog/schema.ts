import { z } from 'zod';

/**
 * One priced model. Prices are USD per token internally (the UI shows USD per 1M tokens);
 * every entry keeps where its numbers come from and when they were recorded.
 */
export const ModelEntrySchema = z
  .object({
    id: z.string().min(1).meta({ description: 'Model id as the provider names it (e.g. gpt-5.4-mini).' }),
    provider: z.string().min(1).meta({ description: 'Who serves it: openai, anthropic, google, groq, …' }),
    mode: z.enum(['chat', 'embedding', 'rerank']).meta({ description: 'What the model does; decides which nodes may use it.' }),
    inputUsdPerToken: z.number().min(0).meta({ unit: 'USD/token' }),
    outputUsdPerToken: z.number().min(0).default(0).meta({ unit: 'USD/token' }),
    cachedInputUsdPerToken: z.number().min(0).nullable().default(null).meta({ unit: 'USD/token', description: 'Price of prompt-cache reads; null when the provider has no prompt cache.' }),
    cacheWriteUsdPerToken: z.number().min(0).nullable().default(null).meta({ unit: 'USD/token', description: 'Price of writing the prompt cache (Anthropic: 1.25× input for 5 min); null when writes cost the normal input price.' }),
    usdPerQuery: z.number().min(0).default(0).meta({ unit: 'USD/query', description: 'Per-search price (rerankers billed per query, e.g. Cohere).' }),
    contextWindowTokens: z.number().int().positive().meta({ unit: 'tokens' }),
    maxOutputTokens: z.number().int().positive().nullable().default(null).meta({ unit: 'tokens' }),
    promptCacheMinTokens: z.number().int().min(0).nullable().default(null).meta({ unit: 'tokens', description: 'Smallest prefix the provider caches.' }),
    batchDiscount: z.number().min(0).max(1).nullable().default(null).meta({ description: 'Share of the price charged in the provider batch API (0.5 = half price); null if no batch API.' }),
    openWeight: z.boolean().default(false),
    source: z.string().min(1).meta({ description: 'Where the price was read (URL).' }),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').meta({ description: 'When the price was recorded from its source.' }),
    note: z.string().default(''),
  })
  .strict();

export type ModelEntry = z.output<typeof ModelEntrySchema>;
export type ModelEntryInput = z.input<typeof ModelEntrySchema>;
