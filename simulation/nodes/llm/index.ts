import { cappedMean, compileDistribution } from '../../random/distributions';
import { defineNodeKind } from '../kind';
import { checkModel, formatPricePerMillion } from '../model-check';
import { LlmRuntime } from './llm';
import { LlmParams } from './llm-params';
import { powInt } from '../../util/pow-int';

export const llmKind = defineNodeKind({
  kind: 'llm',
  title: 'LLM',
  group: 'models',
  description: 'A chat model call: TTFT + output tokens × time per token, billed per input and output token at the catalog price; retries and timeout per attempt.',
  params: LlmParams,
  outputs: [
    { name: 'ok', description: 'The model answered.', required: true },
    { name: 'error', description: 'The call failed after its retries (wire it to a fallback: LiteLLM "fallbacks").', required: false, isError: true },
    { name: 'context_window', description: 'The prompt did not fit the context window (LiteLLM "context_window_fallbacks"); unwired → error.', required: false, isError: true },
    { name: 'content_policy', description: 'The provider refused the content (LiteLLM "content_policy_fallbacks"); unwired → error.', required: false, isError: true },
  ],
  acceptsInput: true,
  callNode: true,
  summarize: (p, catalog) => [p.model, formatPricePerMillion(catalog.get(p.model))],
  validate: ({ params, catalog, path, nodeId }) => {
    const problems = checkModel(catalog, params.model, 'chat', `${path}.params.model`, nodeId);
    const entry = catalog.get(params.model);
    if (entry && params.systemPromptTokens + params.maxTokens > entry.contextWindowTokens) {
      problems.push({
        severity: 'error',
        path: `${path}.params.maxTokens`,
        nodeId,
        message: `system prompt (${params.systemPromptTokens}) + max_tokens (${params.maxTokens}) exceed ${params.model}'s context window of ${entry.contextWindowTokens} tokens`,
      });
    }
    return problems;
  },
  quotaRefs: (p) => (p.quota ? [p.quota] : []),
  load: (p, ctx) => {
    const classes = ctx.traffic.classes;
    const totalShare = classes.reduce((s, c) => s + c.share, 0);
    const entry = ctx.catalog.get(p.model);
    const modelCap = entry?.maxOutputTokens ?? Infinity;
    let meanQuery = 0;
    let meanOutput = 0;
    let meanCap = 0;
    for (const c of classes) {
      const w = c.share / totalShare;
      meanQuery += w * c.queryTokens.mean;
      const cap = Math.min(p.maxTokens, c.maxTokens, modelCap);
      meanOutput += w * cappedMean(p.outputTokens ? compileDistribution(p.outputTokens) : c.outputTokens, cap);
      meanCap += w * cap;
    }
    const context = p.includeRetrievedContext ? ctx.upstreamChunks * ctx.upstreamChunkTokens : 0;
    const meanInput = p.systemPromptTokens + meanQuery + context + compileDistribution(p.historyTokens).mean;
    const meanTtft = compileDistribution(p.ttftMs).mean + (p.ttftMsPer1kInputTokens * meanInput) / 1000;
    const fail = powInt(p.errorProbability, p.retry.numRetries + 1);
    const portFail = fail + (1 - fail) * p.contentPolicyRefusalProbability;
    return {
      meanServiceMs: meanTtft + meanOutput * compileDistribution(p.timePerOutputTokenMs).mean,
      meanTokensPerCall: meanInput + meanOutput,
      meanInputTokensPerCall: meanInput,
      meanReservedTokensPerCall: meanInput + meanCap,
      portShares: { ok: 1 - portFail, error: portFail, context_window: 0, content_policy: 0 },
      quotaId: p.quota,
    };
  },
  create: (ctx) => new LlmRuntime(ctx),
});
