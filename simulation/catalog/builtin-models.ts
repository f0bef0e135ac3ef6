import type { ModelEntryInput } from './schema';

/**
 * The built-in price catalog. Entries marked LITELLM were read from LiteLLM's
 * model_prices_and_context_window.json (the Wei-Shaw/model-price-repo sync at commit f9ff147) on the
 * `asOf` date and point at the provider page LiteLLM cites; the others were read from the provider's
 * own pricing page on the `asOf` date. Prices change: import a fresh LiteLLM map to update them, or
 * override an entry in the pipeline's `models` list.
 */
const LITELLM = 'via LiteLLM model_prices_and_context_window.json (Wei-Shaw/model-price-repo@f9ff147)';
const RECORDED = '2026-11-27';
const M = 1e-6; // USD per 1M tokens → USD per token

export const BUILTIN_MODELS: ModelEntryInput[] = [
  // OpenAI
  { id: 'gpt-5.5', provider: 'openai', mode: 'chat', inputUsdPerToken: 5 * M, outputUsdPerToken: 30 * M, cachedInputUsdPerToken: 0.5 * M, contextWindowTokens: 1_050_000, maxOutputTokens: 128_000, promptCacheMinTokens: 1024, batchDiscount: 0.5, source: 'https://openai.com/api/pricing/', asOf: RECORDED, note: LITELLM },
  { id: 'gpt-5.4-mini', provider: 'openai', mode: 'chat', inputUsdPerToken: 0.75 * M, outputUsdPerToken: 4.5 * M, cachedInputUsdPerToken: 0.075 * M, contextWindowTokens: 400_000, maxOutputTokens: 128_000, promptCacheMinTokens: 1024, batchDiscount: 0.5, source: 'https://openai.com/api/pricing/', asOf: RECORDED, note: LITELLM },
  { id: 'gpt-5.4-nano', provider: 'openai', mode: 'chat', inputUsdPerToken: 0.2 * M, outputUsdPerToken: 1.25 * M, cachedInputUsdPerToken: 0.02 * M, contextWindowTokens: 400_000, maxOutputTokens: 128_000, promptCacheMinTokens: 1024, batchDiscount: 0.5, source: 'https://openai.com/api/pricing/', asOf: RECORDED, note: LITELLM },
  { id: 'gpt-4.1', provider: 'openai', mode: 'chat', inputUsdPerToken: 2 * M, outputUsdPerToken: 8 * M, cachedInputUsdPerToken: 0.5 * M, contextWindowTokens: 1_047_576, maxOutputTokens: 32_768, promptCacheMinTokens: 1024, batchDiscount: 0.5, source: 'https://openai.com/api/pricing/', asOf: RECORDED, note: LITELLM },
  { id: 'gpt-4o-mini', provider: 'openai', mode: 'chat', inputUsdPerToken: 0.15 * M, outputUsdPerToken: 0.6 * M, cachedInputUsdPerToken: 0.075 * M, contextWindowTokens: 128_000, maxOutputTokens: 16_384, promptCacheMinTokens: 1024, batchDiscount: 0.5, source: 'https://openai.com/api/pricing/', asOf: RECORDED, note: LITELLM },
  { id: 'gpt-4', provider: 'openai', mode: 'chat', inputUsdPerToken: 30 * M, outputUsdPerToken: 60 * M, contextWindowTokens: 8192, maxOutputTokens: 4096, batchDiscount: 0.5, source: 'https://platform.openai.com/docs/models/gpt-4', asOf: RECORDED, note: `Legacy model; the guide's "GPT-4" ($0.03/1K input). ${LITELLM}` },
  { id: 'gpt-3.5-turbo', provider: 'openai', mode: 'chat', inputUsdPerToken: 0.5 * M, outputUsdPerToken: 1.5 * M, contextWindowTokens: 16_385, maxOutputTokens: 4096, batchDiscount: 0.5, source: 'https://platform.openai.com/docs/models/gpt-3.5-turbo', asOf: RECORDED, note: `Legacy model; the guide's "GPT-3.5". ${LITELLM}` },
  // Anthropic: cache writes 1.25× input (5 min TTL), reads 0.1×.
  { id: 'claude-opus-5', provider: 'anthropic', mode: 'chat', inputUsdPerToken: 5 * M, outputUsdPerToken: 25 * M, cachedInputUsdPerToken: 0.5 * M, cacheWriteUsdPerToken: 6.25 * M, contextWindowTokens: 1_000_000, maxOutputTokens: 128_000, promptCacheMinTokens: 512, batchDiscount: 0.5, source: 'https://www.anthropic.com/pricing#api', asOf: RECORDED, note: LITELLM },
  { id: 'claude-sonnet-5', provider: 'anthropic', mode: 'chat', inputUsdPerToken: 2 * M, outputUsdPerToken: 10 * M, cachedInputUsdPerToken: 0.2 * M, cacheWriteUsdPerToken: 2.5 * M, contextWindowTokens: 1_000_000, maxOutputTokens: 128_000, promptCacheMinTokens: 1024, batchDiscount: 0.5, source: 'https://www.anthropic.com/pricing#api', asOf: RECORDED, note: LITELLM },
  { id: 'claude-haiku-4-5', provider: 'anthropic', mode: 'chat', inputUsdPerToken: 1 * M, outputUsdPerToken: 5 * M, cachedInputUsdPerToken: 0.1 * M, cacheWriteUsdPerToken: 1.25 * M, contextWindowTokens: 200_000, maxOutputTokens: 64_000, promptCacheMinTokens: 4096, batchDiscount: 0.5, source: 'https://www.anthropic.com/pricing#api', asOf: RECORDED, note: LITELLM },
  // Google
  { id: 'gemini-3.1-pro-preview', provider: 'google', mode: 'chat', inputUsdPerToken: 2 * M, outputUsdPerToken: 12 * M, cachedInputUsdPerToken: 0.2 * M, contextWindowTokens: 1_048_576, maxOutputTokens: 65_536, batchDiscount: 0.5, source: 'https://cloud.google.com/vertex-ai/generative-ai/pricing#gemini-models', asOf: RECORDED, note: `Prompts ≤ 200K tokens; longer prompts cost 2×. ${LITELLM}` },
  { id: 'gemini-3.5-flash', provider: 'google', mode: 'chat', inputUsdPerToken: 1.5 * M, outputUsdPerToken: 9 * M, cachedInputUsdPerToken: 0.15 * M, contextWindowTokens: 1_048_576, maxOutputTokens: 65_535, source: 'https://ai.google.dev/pricing/gemini-3', asOf: RECORDED, note: LITELLM },
  { id: 'gemini-3.1-flash-lite', provider: 'google', mode: 'chat', inputUsdPerToken: 0.25 * M, outputUsdPerToken: 1.5 * M, cachedInputUsdPerToken: 0.025 * M, contextWindowTokens: 1_048_576, maxOutputTokens: 65_536, batchDiscount: 0.5, source: 'https://ai.google.dev/gemini-api/docs/pricing#gemini-3.1-flash-lite', asOf: RECORDED, note: LITELLM },
  { id: 'gemini-2.5-flash', provider: 'google', mode: 'chat', inputUsdPerToken: 0.3 * M, outputUsdPerToken: 2.5 * M, cachedInputUsdPerToken: 0.03 * M, contextWindowTokens: 1_048_576, maxOutputTokens: 65_535, source: 'https://ai.google.dev/gemini-api/docs/pricing', asOf: RECORDED, note: LITELLM },
  // Open-weight models and their hosts
  { id: 'deepseek-v4-flash', provider: 'deepseek', mode: 'chat', inputUsdPerToken: 0.14 * M, outputUsdPerToken: 0.28 * M, cachedInputUsdPerToken: 0.0028 * M, contextWindowTokens: 1_000_000, maxOutputTokens: 8192, openWeight: true, source: 'https://api-docs.deepseek.com/quick_start/pricing', asOf: RECORDED, note: LITELLM },
  { id: 'kimi-k2.6', provider: 'moonshot', mode: 'chat', inputUsdPerToken: 0.954 * M, outputUsdPerToken: 3.961 * M, contextWindowTokens: 1_000_000, openWeight: true, source: 'https://platform.moonshot.ai/docs/pricing/chat', asOf: RECORDED, note: LITELLM },
  { id: 'groq/llama-3.3-70b-versatile', provider: 'groq', mode: 'chat', inputUsdPerToken: 0.59 * M, outputUsdPerToken: 0.79 * M, contextWindowTokens: 131_072, maxOutputTokens: 32_768, openWeight: true, source: 'https://groq.com/pricing', asOf: '2025-06-01', note: 'Meta Llama 3.3 70B served by Groq; list price as published on the source page.' },
  { id: 'together/llama-3.3-70b-instruct-turbo', provider: 'together', mode: 'chat', inputUsdPerToken: 0.88 * M, outputUsdPerToken: 0.88 * M, contextWindowTokens: 131_072, openWeight: true, source: 'https://www.together.ai/pricing', asOf: '2025-06-01', note: 'Meta Llama 3.3 70B served by Together AI; list price as published on the source page.' },
  // Embeddings
  { id: 'text-embedding-3-small', provider: 'openai', mode: 'embedding', inputUsdPerToken: 0.02 * M, contextWindowTokens: 8191, batchDiscount: 0.5, source: 'https://openai.com/api/pricing/', asOf: '2025-06-01', note: 'The guide\'s AI Request Trace embedding model.' },
  { id: 'text-embedding-3-large', provider: 'openai', mode: 'embedding', inputUsdPerToken: 0.13 * M, contextWindowTokens: 8191, batchDiscount: 0.5, source: 'https://openai.com/api/pricing/', asOf: '2025-06-01' },
  { id: 'gemini-embedding-001', provider: 'google', mode: 'embedding', inputUsdPerToken: 0.15 * M, contextWindowTokens: 2048, source: 'https://cloud.google.com/vertex-ai/generative-ai/docs/learn/models', asOf: RECORDED, note: LITELLM },
  // Rerankers
  { id: 'cohere/rerank-v3.5', provider: 'cohere', mode: 'rerank', inputUsdPerToken: 0, usdPerQuery: 0.002, contextWindowTokens: 4096, source: 'https://cohere.com/pricing', asOf: '2025-06-01', note: '$2.00 per 1,000 searches; a search holds up to 100 documents.' },
  { id: 'voyage/rerank-2.5', provider: 'voyage', mode: 'rerank', inputUsdPerToken: 0.05 * M, contextWindowTokens: 32_000, source: 'https://docs.voyageai.com/docs/pricing', asOf: '2025-08-01', note: 'Billed per token: query tokens × documents + the documents\' tokens (Voyage\'s "total number of tokens" for rerankers).' },
  { id: 'self-hosted/cross-encoder-ms-marco-MiniLM-L-6-v2', provider: 'self-hosted', mode: 'rerank', inputUsdPerToken: 0, contextWindowTokens: 512, openWeight: true, source: 'https://huggingface.co/cross-encoder/ms-marco-MiniLM-L-6-v2', asOf: RECORDED, note: 'Open-weight cross-encoder (the "cross-encoder" of the guide\'s AI Request Trace); no per-call price: put its GPU in the pipeline\'s fixed costs.' },
];
