import { CLASSES, DIURNAL, EMBED, HOUR, MINUTE, RERANK, SEARCH, edge, llm, ln, node } from './building-blocks';

type Json = Record<string, unknown>;

/** The traffic every maturity level faces: the guide's 100 K queries/day RAG system. */
const TRAFFIC = { rps: 100_000 / 86_400, hourlyMultipliers: DIURNAL, startHour: 8, classes: CLASSES, popularity: { distinctQueries: 200_000, zipfExponent: 0.9, topicClusters: 20_000 } };

/**
 * The incidents every level faces in its 6-hour run: a bad prompt deploy that makes the primary model
 * fail 90 % of calls for up to 4 h (mitigable: how long it lasts depends on the team), and a 45-minute
 * provider outage of the primary model (only a fallback helps).
 */
const FAULTS = [
  { id: 'bad-deploy', type: 'error-spike', target: 'primary', startMs: 1 * HOUR, durationMs: 4 * HOUR, errorProbability: 0.9, status: 500, mitigable: true },
  { id: 'provider-outage', type: 'outage', target: 'primary', startMs: 5 * HOUR, durationMs: 45 * MINUTE, status: 503, mitigable: false },
];

const QUOTA = { id: 'openai', name: 'OpenAI organisation limits', rpm: 10_000, tpm: 2_000_000, maxParallelRequests: 200, admission: 'openai', window: 'fixed-minute' };
const RUN = { seed: 1, durationMs: 6 * HOUR, warmupMs: 10 * MINUTE, traceSampleRate: 0.002, maxTraces: 100 };
const FIXED = [{ name: 'Vector database', monthlyUsd: 1200, category: 'vector-db' }];

/** A level's document; its maturity level is read from its name ("Maturity level 3 — …"), for the ROI's default investment. */
function doc(name: string, description: string, parts: Json): Json {
  const maturityLevel = Number(/level (\d)/.exec(name)![1]);
  return { $schema: '../../schema/pipeline.schema.json', version: 1, pipeline: { name, description, maturityLevel }, traffic: TRAFFIC, quotas: [QUOTA], faults: FAULTS, run: RUN, ...parts };
}

/** Levels 1–3 share one graph: naive RAG on one big model; they differ in retries and in how fast incidents end. */
function singleModel(retries: number): Json {
  return {
    nodes: [
      node('users', 'source', 'Users', 0, 150),
      node('embed', 'embedding', 'Embed query', 200, 150, EMBED),
      node('search', 'retrieval', 'Vector search (20 chunks)', 400, 150, SEARCH),
      node('primary', 'llm', 'gpt-5.5', 620, 150, llm('gpt-5.5', { quota: 'openai', retry: { numRetries: retries, policy: 'litellm' } })),
      node('answer', 'response', 'Answer', 860, 150),
      node('failed', 'error', 'Error', 860, 300),
    ],
    edges: [edge('users', 'out', 'embed'), edge('embed', 'ok', 'search'), edge('search', 'ok', 'primary'), edge('primary', 'ok', 'answer'), edge('embed', 'error', 'failed'), edge('search', 'error', 'failed'), edge('primary', 'error', 'failed')],
  };
}

/** Level 4–5 graph: caches, rerank, model tiering, a breaker and a fallback chain. */
function optimized(level5: boolean): Json {
  const router = level5
    ? { strategy: 'by-class', routes: [{ name: 'simple', weight: 1, classes: ['simple'] }, { name: 'complex', weight: 1, classes: ['complex'] }] }
    : { strategy: 'by-class', routes: [{ name: 'simple', weight: 1, classes: ['simple'] }, { name: 'complex', weight: 1, classes: ['complex'] }] };
  const promptCache = level5 ? { enabled: true, ttlMs: 300_000 } : { enabled: false };
  return {
    nodes: [
      node('users', 'source', 'Users', 0, 200),
      node('cache', 'exact_cache', 'Exact cache', 180, 200, { capacityEntries: 20_000, ttlMs: 24 * HOUR }),
      node('semantic', 'semantic_cache', 'Semantic cache', 380, 200, { similarityThreshold: 0.95, capacityEntries: 20_000 }),
      node('embed', 'embedding', 'Embed query', 580, 200, EMBED),
      node('search', 'retrieval', 'Vector search (20)', 780, 200, SEARCH),
      node('rerank', 'reranker', 'Rerank 20 → 5', 980, 200, RERANK),
      node('tier', 'router', 'Model tiering', 1180, 200, router),
      node('cheap', 'llm', 'gpt-5.4-mini (simple)', 1400, 80, llm('gpt-5.4-mini', { quota: 'openai', retry: { numRetries: 2, policy: 'litellm' }, promptCache })),
      node('breaker', 'circuit_breaker', 'Breaker', 1400, 300, { flavour: 'opossum', opossum: { volumeThreshold: 5, rollingCountTimeout: 60_000, rollingCountBuckets: 6, resetTimeout: 30_000, timeout: 20_000 } }),
      node('primary', 'llm', 'gpt-5.5 (complex)', 1620, 300, llm('gpt-5.5', { quota: 'openai', retry: { numRetries: 2, policy: 'litellm' }, promptCache })),
      node('secondary', 'llm', 'claude-sonnet-5 (fallback)', 1840, 420, llm('claude-sonnet-5', { retry: { numRetries: 1, policy: 'litellm' } })),
      node('stale', 'stale_cache', 'Cached response', 2060, 420, { cache: 'cache' }),
      node('idk', 'static_answer', '"I don\'t know"', 2260, 520, { text: "I don't know" }),
      node('answer', 'response', 'Answer', 2480, 200),
      node('failed', 'error', 'Error', 2480, 420),
    ],
    edges: [
      edge('users', 'out', 'cache'),
      edge('cache', 'hit', 'answer'),
      edge('cache', 'miss', 'semantic'),
      edge('semantic', 'hit', 'answer'),
      edge('semantic', 'miss', 'embed'),
      edge('embed', 'ok', 'search'),
      edge('search', 'ok', 'rerank'),
      edge('rerank', 'ok', 'tier'),
      edge('tier', 'simple', 'cheap'),
      edge('tier', 'complex', 'breaker'),
      edge('breaker', 'pass', 'primary'),
      edge('breaker', 'open', 'secondary'),
      edge('cheap', 'ok', 'answer'),
      edge('cheap', 'error', 'secondary'),
      edge('primary', 'ok', 'answer'),
      edge('primary', 'error', 'secondary'),
      edge('secondary', 'ok', 'answer'),
      edge('secondary', 'error', 'stale'),
      edge('stale', 'hit', 'answer'),
      edge('stale', 'miss', 'idk'),
      edge('idk', 'ok', 'answer'),
      edge('embed', 'error', 'failed'),
      edge('search', 'error', 'failed'),
      edge('rerank', 'error', 'failed'),
    ],
  };
}

export function maturityLevels(): Json[] {
  return [
    doc(
      'Maturity level 1 — Ad-hoc',
      'Assumes no monitoring and manual operations: one large model (gpt-5.5) answers every query from 20 retrieved chunks, with no cache, no retries and no fallback. Nobody is alerted, so the bad deploy runs its full 4 hours and the provider outage reaches every user. Fixed cost: the vector database only.',
      { ...singleModel(0), operations: { detectionMinutes: null, mitigationMinutes: 30 }, fixedCosts: FIXED },
    ),
    doc(
      'Maturity level 2 — Reactive',
      'Assumes basic metrics and alerts on failures: the same pipeline as level 1 with LiteLLM-style retries (2) on the model. An error-rate alert pages someone after about 20 minutes and a rollback takes 40 more, so the bad deploy lasts about an hour. Adds $300/month of monitoring.',
      { ...singleModel(2), operations: { detectionMinutes: 20, mitigationMinutes: 40 }, fixedCosts: [...FIXED, { name: 'Metrics and alerting', monthlyUsd: 300, category: 'observability' }] },
    ),
    doc(
      'Maturity level 3 — Proactive',
      'Assumes dashboards and trend alerts: the same pipeline as level 2, but incidents are spotted within 5 minutes and rolled back within 10, so the bad deploy costs 15 minutes (the guide\'s level-4 downtime); the provider outage, which no rollback ends, still reaches users for its 45. Adds $800/month of observability (dashboards, tracing, log aggregation).',
      { ...singleModel(2), operations: { detectionMinutes: 5, mitigationMinutes: 10 }, fixedCosts: [...FIXED, { name: 'Observability (dashboards, tracing, logs)', monthlyUsd: 800, category: 'observability' }] },
    ),
    doc(
      'Maturity level 4 — Optimized',
      'Assumes caching, tiering and graceful degradation: exact and semantic caches in front, rerank 20 → 5, simple queries on gpt-5.4-mini and complex ones on gpt-5.5 behind an opossum breaker, with the seed\'s fallback chain (another provider → cached response → "I don\'t know"). Operations as level 3. Adds $800 observability and $400 cache infrastructure a month.',
      {
        ...optimized(false),
        operations: { detectionMinutes: 5, mitigationMinutes: 10 },
        fixedCosts: [...FIXED, { name: 'Observability (dashboards, tracing, logs)', monthlyUsd: 800, category: 'observability' }, { name: 'Cache (Redis)', monthlyUsd: 400, category: 'compute' }],
      },
    ),
    doc(
      'Maturity level 5 — Autonomous',
      'Assumes self-tuning operations: level 4 plus provider prompt caching of the system prompt and limits that scale themselves (extra keys or deployments when a minute passes 70 % utilisation, up to 4×). Incidents are caught by anomaly detection within 2 minutes and rolled back automatically within 3. Adds $1,000/month of platform tooling.',
      {
        ...optimized(true),
        quotas: [{ ...QUOTA, autoscale: { targetUtilisation: 0.7, stepFactor: 1.5, maxFactor: 4 } }],
        operations: { detectionMinutes: 2, mitigationMinutes: 3 },
        fixedCosts: [...FIXED, { name: 'Observability (dashboards, tracing, logs)', monthlyUsd: 800, category: 'observability' }, { name: 'Cache (Redis)', monthlyUsd: 400, category: 'compute' }, { name: 'Autonomous operations platform', monthlyUsd: 1000, category: 'other' }],
      },
    ),
  ];
}

/** The guide's Strategy 1: GPT-4 → GPT-3.5 → cached response → "I don't know", with a 10-minute GPT-4 outage. */
export function fallbackChain(): Json {
  return {
    $schema: '../schema/pipeline.schema.json',
    version: 1,
    pipeline: {
      name: 'Fallback chain (seed Strategy 1)',
      description: "Primary GPT-4 behind an opossum circuit breaker; on errors or while the breaker is open, GPT-3.5; then the cached response (served even if expired); then \"I don't know\". A 10-minute GPT-4 outage at minute 20 shows the breaker opening, traffic moving down the chain and the user error rate staying at the fallback's.",
    },
    traffic: { rps: 5, classes: [{ name: 'default', share: 1, queryTokens: ln(50, 150), outputTokens: ln(150, 500), maxTokens: null, stream: true, priority: 0 }], popularity: { distinctQueries: 5_000, zipfExponent: 1.1, topicClusters: 500 } },
    quotas: [],
    nodes: [
      node('users', 'source', 'Users', 0, 150),
      node('cache', 'exact_cache', 'Response cache', 200, 150, { capacityEntries: 10_000, ttlMs: 10 * MINUTE }),
      node('breaker', 'circuit_breaker', 'Breaker (opossum)', 420, 150, { flavour: 'opossum', opossum: { errorThresholdPercentage: 50, volumeThreshold: 10, resetTimeout: 30_000, timeout: 10_000 } }),
      node('gpt4', 'llm', 'GPT-4 (primary)', 640, 60, llm('gpt-4', { systemPromptTokens: 300, maxTokens: 1000, retry: { numRetries: 1, policy: 'litellm' } })),
      node('gpt35', 'llm', 'GPT-3.5 (fallback)', 860, 240, llm('gpt-3.5-turbo', { systemPromptTokens: 300, maxTokens: 1000, ttftMs: ln(300, 1000), quality: 0.85, retry: { numRetries: 1, policy: 'litellm' } })),
      node('stale', 'stale_cache', 'Cached response', 1080, 330, { cache: 'cache' }),
      node('idk', 'static_answer', '"I don\'t know"', 1280, 420, { text: "I don't know" }),
      node('answer', 'response', 'Answer', 1500, 150),
    ],
    edges: [
      edge('users', 'out', 'cache'),
      edge('cache', 'hit', 'answer'),
      edge('cache', 'miss', 'breaker'),
      edge('breaker', 'pass', 'gpt4'),
      edge('breaker', 'open', 'gpt35'),
      edge('gpt4', 'ok', 'answer'),
      edge('gpt4', 'error', 'gpt35'),
      edge('gpt35', 'ok', 'answer'),
      edge('gpt35', 'error', 'stale'),
      edge('stale', 'hit', 'answer'),
      edge('stale', 'miss', 'idk'),
      edge('idk', 'ok', 'answer'),
    ],
    faults: [{ id: 'gpt4-outage', type: 'outage', target: 'gpt4', startMs: 20 * MINUTE, durationMs: 10 * MINUTE, status: 503, mitigable: false }],
    run: { seed: 1, durationMs: HOUR, warmupMs: 5 * MINUTE, traceSampleRate: 0.005, maxTraces: 100 },
  };
}

