import { z } from 'zod';
import { distribution, DistributionSchema } from '../../model/distribution-schema';
import { callParamsShape } from '../call-params';

export const PromptCacheParams = z
  .object({
    enabled: z.boolean().default(false).meta({ title: 'Provider prompt cache', description: 'Bill a shared prompt prefix at the cached-input price after the first call within the TTL (OpenAI: automatic for prefixes ≥ 1,024 tokens in 128-token steps; Anthropic: cache writes cost 1.25× input, reads 0.1×).' }),
    prefixTokens: z.number().int().min(0).nullable().default(null).meta({ unit: 'tokens', title: 'Cached prefix', description: 'Tokens of the shared prefix; null = the system prompt.' }),
    ttlMs: z.number().positive().default(300_000).meta({ unit: 'ms', title: 'Cache TTL', description: 'The prefix stays cached this long after its last use (5 min by default; Anthropic offers 1 h at 2× write price).' }),
  })
  .strict();

export const LlmParams = z
  .object({
    model: z.string().default('gpt-5.4-mini').meta({ title: 'Model', description: 'Chat model from the price catalog (prices and context window come from it).', catalogMode: 'chat' }),
    systemPromptTokens: z.number().int().min(0).default(500).meta({ unit: 'tokens', title: 'System prompt', description: 'Tokens of the system prompt, sent (and billed) on every call.' }),
    historyTokens: distribution({ type: 'constant', value: 0 }, 'tokens', 'Conversation history sent with each call.'),
    includeRetrievedContext: z.boolean().default(true).meta({ title: 'Include retrieved chunks', description: 'Send the chunks left by retrieval/reranking as context.' }),
    outputTokens: DistributionSchema.nullable().default(null).meta({ unit: 'tokens', title: 'Output tokens', description: "Answer length; null uses the query class's output tokens.", distribution: true }),
    maxTokens: z.number().int().min(1).default(1024).meta({ unit: 'tokens', title: 'max_tokens', description: 'Cap on output tokens; longer answers are cut (finish reason "length"). OpenAI-style admission reserves it against TPM.' }),
    ttftMs: distribution({ type: 'lognormal', median: 450, p99: 1500 }, 'ms', 'Time to first token for a short prompt (queueing at the provider included).'),
    ttftMsPer1kInputTokens: z.number().min(0).default(20).meta({ unit: 'ms', title: 'TTFT per 1K input tokens', description: 'Extra prefill time per 1,000 uncached input tokens.' }),
    timePerOutputTokenMs: distribution({ type: 'lognormal', median: 15, sigma: 0.25 }, 'ms', "Time per output token (drawn once per call: that call's decoding speed)."),
    quality: z.number().min(0).max(1).default(0.95).meta({ unit: 'share', title: 'Answer quality', description: 'Probability that an answer is correct and grounded (faithful): an assumption to take from your evaluation set.' }),
    qualityByClass: z.record(z.string(), z.number().min(0).max(1)).default({}).meta({ title: 'Quality by class', description: 'Overrides per query class, e.g. {"complex": 0.7} for a small model.' }),
    contentPolicyRefusalProbability: z.number().min(0).max(1).default(0).meta({ unit: 'share', title: 'Content-policy refusals', description: 'Chance that the provider refuses a request (HTTP 400, not retried; leaves by content_policy if wired).' }),
    promptCache: PromptCacheParams.prefault({}),
    billFailedAttempts: z.boolean().default(true).meta({ title: 'Bill failed attempts', description: 'A 5xx or timed-out attempt still pays its input tokens (and a timed-out one the output generated so far). 429s are never billed.' }),
    ...callParamsShape({ retries: 2, timeoutMs: 60_000 }),
  })
  .strict();

export type LlmParamsOut = z.output<typeof LlmParams>;
