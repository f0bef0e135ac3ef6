import { z } from 'zod';
import { ModelEntrySchema } from '../catalog/schema';
import { NODE_KINDS } from '../nodes/registry';
import { distribution } from './distribution-schema';

/** The pipeline file format, version 1 (`.preflight.json`). The JSON Schema in schema/ is generated from this. */
export const CURRENT_VERSION = 1;

export const IdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'an id: a letter, then letters, digits, "_", "." or "-" (at most 64 characters)');

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
    startHour: z.number().int().min(0).max(23).default(0).meta({ title: 'Start hour', description: 'Hour of day at which the simulated clock starts.' }),
    classes: z.array(QueryClassSchema).min(1).default([DEFAULT_CLASS]).meta({ title: 'Query classes' }),
    popularity: z
      .object({
        distinctQueries: z.number().int().min(1).default(100_000).meta({ title: 'Distinct queries', description: 'Size of the query population (N).' }),
        zipfExponent: z.number().min(0).max(5).default(1).meta({ title: 'Zipf exponent', description: 'Popularity skew s: P(rank k) ∝ k^(−s); 0 = all queries equally likely.' }),
      })
      .strict()
      .prefault({})
      .meta({ title: 'Query popularity', description: 'Drives exact-cache hits.' }),
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
    p50Ms: z.number().positive().default(1000).meta({ unit: 'ms', title: 'P50 latency', description: 'Seed target: < 1 s.' }),
    p95Ms: z.number().positive().default(3000).meta({ unit: 'ms', title: 'P95 latency', description: 'Seed target: < 3 s.' }),
    p99Ms: z.number().positive().default(5000).meta({ unit: 'ms', title: 'P99 latency', description: 'Seed target: < 5 s.' }),
    ttftMs: z.number().positive().default(500).meta({ unit: 'ms', title: 'TTFT', description: 'Seed target: < 500 ms.' }),
    errorRate: z.number().min(0).max(1).default(0.01).meta({ unit: 'share', title: 'Error rate', description: 'Seed target: < 1 %.' }),
    availability: z.number().min(0).max(1).default(0.999).meta({ unit: 'share', title: 'Availability', description: 'Seed target: > 99.9 %.' }),
    cacheHitRate: z.number().min(0).max(1).default(0.3).meta({ unit: 'share', title: 'Cache hit rate', description: 'Seed target: > 30 %.' }),
    rateLimitUtilisation: z.number().min(0).max(1).default(0.8).meta({ unit: 'share', title: 'Rate-limit utilisation', description: 'Seed target: < 80 % (headroom).' }),
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
    maxTraces: z.number().int().min(0).max(10_000).default(100).meta({ title: 'Max traces' }),
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
