import { HOUR, MINUTE, edge, llm, ln, node } from './building-blocks';

type Json = Record<string, unknown>;

const cooldown = { flavour: 'litellm', litellm: { allowed_fails: 3, cooldown_time: 5, singleDeployment: false } };
const deployment = (quota: string) => llm('gpt-4o-mini', { systemPromptTokens: 800, maxTokens: 600, ttftMs: ln(350, 1200), quota, retry: { numRetries: 0 } });

/**
 * A LiteLLM proxy as it routes one model group: two gpt-4o-mini deployments (Azure EU, OpenAI) behind
 * the group's router (simple-shuffle by rpm, num_retries 2, cooled-down deployments skipped), each with
 * its cooldown breaker and rpm/tpm limits, and Claude Haiku as the group's fallback. A 10-minute outage
 * of the Azure deployment at minute 20 shows the cooldown, the router's immediate retries on the
 * healthy deployment, and how little of it users see.
 */
export function litellmGateway(): Json {
  return {
    $schema: '../schema/pipeline.schema.json',
    version: 1,
    pipeline: {
      name: 'LiteLLM gateway: one model group, two deployments, a fallback',
      description:
        "What a LiteLLM proxy does when a deployment fails. Model group 'chat': two gpt-4o-mini deployments (Azure EU rpm 600 / tpm 400k, OpenAI rpm 500 / tpm 300k), shuffled by rpm, each with a cooldown breaker (more than 3 fails a minute: 5 s out). The router retries a failed call twice, at once on a healthy deployment; then Claude Haiku answers (fallbacks: [chat → haiku]). At minute 20 Azure goes down for 10 minutes.",
    },
    traffic: { rps: 6, classes: [{ name: 'default', share: 1, queryTokens: ln(60, 200), outputTokens: ln(180, 500), maxTokens: null, stream: true, priority: 0 }] },
    quotas: [
      { id: 'azure-eu', name: 'Azure EU deployment (rpm/tpm)', rpm: 600, tpm: 400_000, admission: 'openai', window: 'fixed-minute' },
      { id: 'openai', name: 'OpenAI deployment (rpm/tpm/parallel)', rpm: 500, tpm: 300_000, maxParallelRequests: 20, admission: 'openai', window: 'fixed-minute' },
    ],
    nodes: [
      node('clients', 'source', 'Proxy clients', 0, 150),
      node('chat', 'router', "Model group 'chat' (simple-shuffle)", 220, 150, {
        strategy: 'weighted',
        routes: [
          { name: 'azure-eu', weight: 600, classes: [] },
          { name: 'openai', weight: 500, classes: [] },
        ],
        skipOpenBreakers: true,
        retry: { numRetries: 2, policy: 'litellm' },
      }),
      node('cool-azure', 'circuit_breaker', 'Cooldown azure/gpt-4o-mini', 460, 60, cooldown),
      node('cool-openai', 'circuit_breaker', 'Cooldown openai/gpt-4o-mini', 460, 260, cooldown),
      node('azure', 'llm', 'chat · azure/gpt-4o-mini (EU)', 700, 60, deployment('azure-eu')),
      node('openai', 'llm', 'chat · openai/gpt-4o-mini', 700, 260, deployment('openai')),
      node('haiku', 'llm', "Fallback 'haiku' · claude-haiku-4-5", 960, 380, llm('claude-haiku-4-5', { systemPromptTokens: 800, maxTokens: 600, quality: 0.9, retry: { numRetries: 2, policy: 'litellm' } })),
      node('answer', 'response', 'Answer', 1200, 150),
      node('failed', 'error', 'Error', 1200, 420),
    ],
    edges: [
      edge('clients', 'out', 'chat'),
      edge('chat', 'azure-eu', 'cool-azure'),
      edge('chat', 'openai', 'cool-openai'),
      edge('cool-azure', 'pass', 'azure'),
      edge('cool-azure', 'open', 'cool-openai'),
      edge('cool-openai', 'pass', 'openai'),
      edge('cool-openai', 'open', 'haiku'),
      edge('azure', 'ok', 'answer'),
      edge('openai', 'ok', 'answer'),
      edge('azure', 'error', 'haiku'),
      edge('openai', 'error', 'haiku'),
      edge('haiku', 'ok', 'answer'),
      edge('haiku', 'error', 'failed'),
    ],
    faults: [{ id: 'azure-outage', type: 'outage', target: 'azure', startMs: 20 * MINUTE, durationMs: 10 * MINUTE, status: 503, mitigable: false }],
    run: { seed: 1, durationMs: HOUR, warmupMs: 5 * MINUTE, traceSampleRate: 0.005, maxTraces: 100 },
  };
}
