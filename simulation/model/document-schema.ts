import { z } from 'zod';
import { ModelEntrySchema } from '../catalog/schema';
import { NODE_KINDS } from '../nodes/registry';
import { distribution } from './distribution-schema';

/** The pipeline file format, version 1 (`.preflight.json`). The JSON Schema in schema/ is generated from this. */
export const CURRENT_VERSION = 1;

import { IdSchema } from './ids';

export { IdSchema };

const DEFAULT_CLASS = {
  name: 'default',
  share: 1,
  queryTokens: { type: 'constant' as const, value: 50 },
  outputTokens: { type: 'lognormal' as const, median: 180, p99: 600 },
  maxTokens: null,
  stream: true,
  priority: 0,
};

export const QueryClassSchema = z
  .object({
    name: z.string().min(1).meta({ title: 'Name' }),
    share: z.number().gt(0).max(1).meta({ unit: 'share', title: 'Share', description: 'Part of the traffic in this class; shares sum to 1.' }),
    queryTokens: distribution(DEFAULT_CLASS.queryTokens, 'tokens', 'Tokens of the user query.'),
    outputTokens: distribution(DEFAULT_CLASS.outputTokens, 'tokens', 'Tokens of the answer the model wants to write (before max_tokens).'),
    maxTokens: z.number().int().min(1).nullable().default(null).meta({ unit: 'tokens', title: 'max_tokens', description: "Cap for this class; null uses the LLM node's." }),
    stream: z.boolean().default(true).meta({ title: 'Stream', description: 'Streamed answers show their first token at TTFT; others at the end.' }),
    priority: z.number().int().min(0).max(9).default(0).meta({ title: 'Priority', description: '0 = highest; used by priority queues.' }),
  })
  .strict();

export const TrafficSchema = z
  .object({
    rps: z.number().positive().default(10).meta({ unit: 'requests/s', title: 'Arrival rate', description: 'Mean Poisson arrival rate before the hourly multiplier.' }),
    hourlyMultipliers: z
      .array(z.number().min(0))
      .length(24)
      .default(Array.from({ length: 24 }, () => 1))
      .meta({ title: 'Hourly multipliers', description: '24 factors on rps, one per hour of day (a diurnal curve).' }),
    weeklyMultipliers: z
      .array(z.number().min(0))
      .length(7)
      .default(Array.from({ length: 7 }, () => 1))
      .meta({ title: 'Weekly multipliers', description: '7 factors on rps, Monday first (a weekly curve).' }),
    startHour: z.number().int().min(0).max(23).default(0).meta({ title: 'Start hour', description: 'Hour of day at which the simulated clock starts.' }),
    startDay: z.number().int().min(0).max(6).default(0).meta({ title: 'Start day', description: 'Day of week at which the simulated clock starts (0 = Monday).' }),
    bursts: z
      .array(
        z
          .object({
            startMs: z.number().min(0).meta({ unit: 'ms' }),
            durationMs: z.number().positive().meta({ unit: 'ms' }),
            multiplier: z.number().min(0).meta({ description: 'Factor on the rate during the burst (3 = three times the traffic).' }),
          })
          .strict(),
      )
      .default([])
      .meta({ title: 'Bursts', description: 'Spikes: the rate is multiplied for a while (launch day, a viral post, a retry storm).' }),
    ramps: z
      .array(
        z
          .object({
            startMs: z.number().min(0).meta({ unit: 'ms' }),
            durationMs: z.number().positive().meta({ unit: 'ms' }),
            fromMultiplier: z.number().min(0),
            toMultiplier: z.number().min(0).meta({ description: 'The factor reached at the end; it stays after the ramp.' }),
          })
          .strict(),
      )
      .default([])
      .meta({ title: 'Ramps', description: 'Linear changes of the rate (a rollout, a migration), applied in 1-minute steps.' }),
    monthlyGrowth: z.number().min(-0.99).max(10).default(0).meta({ unit: 'share', title: 'Monthly growth', description: 'Traffic growth per month for the 12-month cost projection (0.1 = +10 % a month).' }),
    deadlineMs: z.number().positive().nullable().default(null).meta({ unit: 'ms', title: 'Request deadline', description: 'End-to-end time budget set when a request arrives; past it, a call in progress fails with deadline_exceeded (taking its error path) and no new call starts. null for none.' }),
    classes: z.array(QueryClassSchema).min(1).default([DEFAULT_CLASS]).meta({ title: 'Query classes' }),
    popularity: z
      .object({
        distinctQueries: z.number().int().min(1).default(100_000).meta({ title: 'Distinct queries', description: 'Size of the query population (N).' }),
        zipfExponent: z.number().min(0).max(5).default(1).meta({ title: 'Zipf exponent', description: 'Popularity skew s: P(rank k) ∝ k^(−s); 0 = all queries equally likely.' }),
        topicClusters: z.number().int().min(1).default(5000).meta({ title: 'Topic clusters', description: 'Queries fall into this many topics; queries of one topic are near-duplicates (paraphrases) for a semantic cache.' }),
      })
      .strict()
      .prefault({})
      .meta({ title: 'Query popularity', description: 'Drives exact-cache and semantic-cache hits.' }),
  })
  .strict()
  .superRefine((t, ctx) => {
    const total = t.classes.reduce((s, c) => s + c.share, 0);
    if (Math.abs(total - 1) > 1e-6) {
      ctx.addIssue({ code: 'custom', path: ['classes'], message: `class shares must sum to 1; they sum to ${Number(total.toFixed(6))}` });
    }
    const seen = new Set<string>();
    t.classes.forEach((c, i) => {
      if (seen.has(c.name)) ctx.addIssue({ code: 'custom', path: ['classes', i, 'name'], message: `class name '${c.name}' is used twice` });
      seen.add(c.name);
    });
  });

const limit = (title: string, description: string) => z.number().int().positive().nullable().default(null).meta({ title, description });

export const QuotaSchema = z
  .object({
    id: IdSchema,
    name: z.string().default(''),
    rpm: limit('RPM', 'Requests per minute (rpm).'),
    tpm: limit('TPM', 'Tokens per minute (tpm), OpenAI-style admission.'),
    itpm: limit('Input TPM', 'Input tokens per minute (Anthropic-style admission).'),
    otpm: limit('Output TPM', 'Output tokens per minute (Anthropic-style admission).'),
    maxParallelRequests: limit('Max parallel requests', 'Concurrent calls in flight (max_parallel_requests); further calls wait in FIFO order.'),
    maxQueueLength: z.number().int().min(0).nullable().default(null).meta({ title: 'Max queue length', description: 'Calls waiting for a slot beyond this are rejected; null = unbounded.' }),
    admission: z.enum(['openai', 'anthropic']).default('openai').meta({
      title: 'Admission',
      description: 'openai: reserve input + max_tokens against TPM, refund unused output at completion. anthropic: input (minus cache reads) against ITPM, max_tokens against OTPM, continuous refill.',
    }),
    window: z.enum(['fixed-minute', 'token-bucket']).default('fixed-minute').meta({ title: 'Window', description: 'How RPM/TPM are counted: per calendar minute, or a token bucket refilled continuously (Anthropic always uses buckets).' }),
    autoscale: z
      .object({
        targetUtilisation: z.number().gt(0).max(1).default(0.7).meta({ unit: 'share', description: 'Scale up after a minute above this utilisation (the seed\'s 70 % trigger).' }),
        stepFactor: z.number().gt(1).default(1.5).meta({ description: 'Factor applied per step (adding keys or deployments).' }),
        maxFactor: z.number().min(1).default(4).meta({ description: 'Largest multiple of the base limits.' }),
      })
      .strict()
      .nullable()
      .default(null)
      .meta({ title: 'Autoscale limits', description: 'Level-5 operations: limits grow by stepFactor after each minute above the target (more keys or deployments) and shrink back when utilisation falls below a third of it. null = fixed limits.' }),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.rpm === null && q.tpm === null && q.itpm === null && q.otpm === null && q.maxParallelRequests === null) {
      ctx.addIssue({ code: 'custom', message: 'a quota needs at least one limit: rpm, tpm, itpm, otpm or maxParallelRequests' });
    }
    if (q.admission === 'anthropic' && q.tpm !== null) ctx.addIssue({ code: 'custom', path: ['tpm'], message: 'anthropic admission counts itpm and otpm separately; use those instead of tpm' });
    if (q.admission === 'openai' && (q.itpm !== null || q.otpm !== null)) {
      ctx.addIssue({ code: 'custom', path: [q.itpm !== null ? 'itpm' : 'otpm'], message: 'itpm/otpm belong to anthropic admission; set admission to "anthropic" or use tpm' });
    }
  });

export const PositionSchema = z.object({ x: z.number(), y: z.number() }).strict();

const nodeSchemas = NODE_KINDS.map((k) =>
  z
    .object({
      id: IdSchema,
      kind: z.literal(k.kind),
      name: z.string().default(''),
      position: PositionSchema.default({ x: 0, y: 0 }),
      params: (k.params as z.ZodType).prefault({}),
    })
    .strict(),
);

export const NodeSchema = z.discriminatedUnion('kind', nodeSchemas as unknown as [(typeof nodeSchemas)[number], ...(typeof nodeSchemas)[number][]]);

export const EdgeSchema = z.object({ from: IdSchema, port: z.string().min(1), to: IdSchema }).strict();

export const FixedCostSchema = z
  .object({
    name: z.string().min(1),
    monthlyUsd: z.number().min(0).meta({ unit: 'USD/month' }),
    category: z.enum(['vector-db', 'compute', 'storage', 'observability', 'other']).default('other'),
  })
  .strict();

export const SloSchema = z
  .object({
    p50Ms: z.number().positive().default(1000).meta({ unit: 'ms', title: 'P50 latency', description: 'Guide target: < 1 s.' }),
    p95Ms: z.number().positive().default(3000).meta({ unit: 'ms', title: 'P95 latency', description: 'Guide target: < 3 s.' }),
    p99Ms: z.number().positive().default(5000).meta({ unit: 'ms', title: 'P99 latency', description: 'Guide target: < 5 s.' }),
    ttftMs: z.number().positive().default(500).meta({ unit: 'ms', title: 'TTFT', description: 'Guide target: < 500 ms.' }),
    errorRate: z.number().min(0).max(1).default(0.01).meta({ unit: 'share', title: 'Error rate', description: 'Guide target: < 1 %.' }),
    availability: z.number().min(0).max(1).default(0.999).meta({ unit: 'share', title: 'Availability', description: 'Guide target: > 99.9 %.' }),
    cacheHitRate: z.number().min(0).max(1).default(0.3).meta({ unit: 'share', title: 'Cache hit rate', description: 'Guide target: > 30 %.' }),
    rateLimitUtilisation: z.number().min(0).max(1).default(0.8).meta({ unit: 'share', title: 'Peak quota utilisation', description: "The busiest minute of any provider limit (the guide's rate limit utilization); guide target: < 80 % (headroom)." }),
    faithfulness: z.number().min(0).max(1).default(0.9).meta({ unit: 'share', title: 'Faithfulness', description: 'Guide target: > 0.9 of answers grounded.' }),
    escalationRate: z.number().min(0).max(1).default(0.15).meta({ unit: 'share', title: 'Escalation rate', description: 'Guide target: < 0.15 of requests handed to humans.' }),
    monthlyBudgetUsd: z.number().positive().nullable().default(null).meta({ unit: 'USD/month', title: 'Monthly budget', description: 'Spend the pipeline must stay under; null for none.' }),
  })
  .strict();

export const RunSchema = z
  .object({
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1).meta({ title: 'Seed', description: 'Same file + seed = identical results.' }),
    durationMs: z.number().positive().default(3_600_000).meta({ unit: 'ms', title: 'Duration', description: 'Measured time after warm-up during which requests arrive.' }),
    requests: z.number().int().min(1).nullable().default(null).meta({ title: 'Requests', description: 'Stop after this many measured requests instead of after the duration; null uses the duration.' }),
    warmupMs: z.number().min(0).default(300_000).meta({ unit: 'ms', title: 'Warm-up', description: 'Requests arriving in this first period load the system but are left out of the statistics.' }),
    drain: z.boolean().default(true).meta({ title: 'Drain', description: 'After the last arrival, let requests in flight finish (their latencies count); otherwise stop and report them as unfinished.' }),
    traceSampleRate: z.number().min(0).max(1).default(0.001).meta({ unit: 'share', title: 'Trace sample rate', description: 'Share of measured requests whose spans are kept (at most maxTraces).' }),
    maxTraces: z.number().int().min(0).max(10_000).default(100).meta({ title: 'Max sampled traces' }),
    traceSlowest: z.number().int().min(0).max(1000).default(10).meta({ title: 'Slowest traces kept', description: 'The slowest served requests are always traced (tail sampling); 0 turns tail sampling off, which makes long runs faster.' }),
    traceFailed: z.number().int().min(0).max(1000).default(10).meta({ title: 'Failed traces kept', description: 'The first failed requests are always traced.' }),
  })
  .strict();

export const FaultSchema = z
  .object({
    id: z.string().default(''),
    type: z.enum(['outage', 'error-spike', 'latency', 'limit-cut', 'prompt-growth']).meta({
      title: 'Fault',
      description: 'outage: every call fails; error-spike: calls fail with the given probability; latency: calls take longer; limit-cut: a quota shrinks; prompt-growth: prompts grow (cost runaway).',
    }),
    target: IdSchema.meta({ description: 'Node id (call nodes) or quota id (limit-cut).' }),
    startMs: z.number().min(0).meta({ unit: 'ms', title: 'Start' }),
    durationMs: z.number().positive().meta({ unit: 'ms', title: 'Duration' }),
    status: z.number().int().min(400).max(599).default(503).meta({ title: 'Status', description: 'HTTP status of failed calls (outage, error-spike).' }),
    failureMode: z.enum(['error', 'hang']).default('error').meta({ title: 'Failure mode', description: 'outage: error = calls fail fast after errorLatencyMs; hang = calls never answer and end at their timeout.' }),
    errorLatencyMs: z.number().min(0).default(200).meta({ unit: 'ms', title: 'Error latency', description: 'How long a failing call takes to return its error.' }),
    errorProbability: z.number().min(0).max(1).default(0.5).meta({ unit: 'share', title: 'Error probability', description: 'error-spike: chance that a call fails during the window.' }),
    latencyMultiplier: z.number().min(1).default(3).meta({ title: 'Latency multiplier', description: 'latency: factor on call durations.' }),
    limitFactor: z.number().min(0).max(1).default(0.5).meta({ title: 'Limit factor', description: 'limit-cut: share of the quota limits left during the window.' }),
    tokenMultiplier: z.number().min(1).default(2).meta({ title: 'Token multiplier', description: 'prompt-growth: factor on input tokens.' }),
    mitigable: z.boolean().default(true).meta({ title: 'Mitigable', description: 'The team can end it (rollback, switch): it lasts at most detection + mitigation time of the operations settings.' }),
  })
  .strict();

export const EventSchema = z
  .object({
    type: z.enum(['kb-update', 'model-change']).meta({ description: 'kb-update: the knowledge base changed; model-change: a new model version. Both invalidate caches.' }),
    atMs: z.number().min(0).meta({ unit: 'ms' }),
    repeatEveryMs: z.number().positive().nullable().default(null).meta({ unit: 'ms', description: 'Repeat the event at this interval (e.g. nightly re-indexing); null for once.' }),
    caches: z.array(IdSchema).nullable().default(null).meta({ description: 'Cache node ids to invalidate; null for every cache.' }),
  })
  .strict();

export const OperationsSchema = z
  .object({
    detectionMinutes: z.number().min(0).nullable().default(null).meta({ unit: 'min', title: 'Time to detect', description: 'How long until an incident is noticed (alerts, dashboards); null when nobody watches: mitigable faults run their full length.' }),
    mitigationMinutes: z.number().min(0).default(30).meta({ unit: 'min', title: 'Time to mitigate', description: 'From detection to the fault being ended (rollback, switch-over).' }),
  })
  .strict();

export const PipelineDocumentSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(CURRENT_VERSION),
    pipeline: z
      .object({
        name: z.string().min(1).meta({ title: 'Name' }),
        description: z.string().default('').meta({ title: 'Description' }),
        maturityLevel: z
          .number()
          .int()
          .min(1)
          .max(5)
          .optional()
          .meta({ title: 'Maturity level', description: "The guide's operational maturity level this pipeline stands for (1 ad-hoc, 2 reactive, 3 proactive, 4 optimized, 5 autonomous). The maturity ROI takes its default investment from it." }),
      })
      .strict(),
    traffic: TrafficSchema.prefault({}),
    quotas: z.array(QuotaSchema).default([]),
    nodes: z.array(NodeSchema).min(1),
    edges: z.array(EdgeSchema).default([]),
    fixedCosts: z.array(FixedCostSchema).default([]).meta({ title: 'Fixed monthly costs', description: 'Infrastructure billed per month whatever the traffic (vector DB, GPUs, storage).' }),
    models: z.array(ModelEntrySchema).default([]).meta({ title: 'Model prices', description: 'Entries that add to or override the built-in price catalog (by id).' }),
    slo: SloSchema.prefault({}),
    run: RunSchema.prefault({}),
    faults: z.array(FaultSchema).default([]).meta({ title: 'Faults', description: 'Fault windows on nodes and quotas (SEMANTICS §10).' }),
    events: z.array(EventSchema).default([]).meta({ title: 'Events', description: 'Knowledge-base updates and model changes that invalidate caches.' }),
    operations: OperationsSchema.prefault({}).meta({ title: 'Operations', description: 'How fast the team detects and mitigates incidents (the maturity levels differ here).' }),
  })
  .strict();

type NodeOf<K> = K extends { kind: infer N; params: infer S extends z.ZodType }
  ? { id: string; kind: N; name: string; position: { x: number; y: number }; params: z.output<S> }
  : never;
/** A node of the document: a union discriminated by `kind`, each with its own typed params. */
export type PipelineNode = NodeOf<(typeof NODE_KINDS)[number]>;
export type PipelineDocument = Omit<z.output<typeof PipelineDocumentSchema>, 'nodes'> & { nodes: PipelineNode[] };
export type PipelineDocumentInput = z.input<typeof PipelineDocumentSchema>;
export type PipelineEdge = PipelineDocument['edges'][number];
export type QuotaDoc = PipelineDocument['quotas'][number];
export type SloTargets = PipelineDocument['slo'];
export type FaultDoc = PipelineDocument['faults'][number];
export type EventDoc = PipelineDocument['events'][number];
