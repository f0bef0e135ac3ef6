import type { Catalog } from '../catalog/catalog';
import { nodeKind } from '../nodes/registry';
import type { RunResults, TraceResult } from '../results/types';
import { spanIdHex, traceIdHex } from './otlp-ids';
import { attr, doubleAttr, SpanKind, StatusCode, type OtlpExportTraceServiceRequest, type OtlpKeyValue, type OtlpSpan } from './otlp-types';

/**
 * Sampled traces of a run as an OTLP/JSON `ExportTraceServiceRequest`, the body an OpenTelemetry
 * collector's OTLP/HTTP receiver accepts at /v1/traces (and what its file exporter writes).
 *
 * Shape: one resource (the pipeline), one scope (`preflight`), and per request trace a root span
 * (the request, kind SERVER: it is the pipeline handling an incoming request) with one child span per
 * node visit or call attempt (kind CLIENT for call nodes — model, vector DB and service calls — and
 * INTERNAL otherwise). Model calls carry the OpenTelemetry GenAI attributes (`gen_ai.*`, semantic
 * conventions 1.37+, with the older `gen_ai.system` beside `gen_ai.provider.name`); everything
 * Preflight-specific is under `preflight.*`.
 *
 * Times: simulated time 0 is `startTimeUnixNano` (passed in: the simulation has no clock); a span at
 * `ms` starts at origin + round(ms × 10⁶) ns. A root span covers its request from arrival to the end,
 * extended if a span outlived it (a call cut loose by a breaker timeout finishes after the request).
 */
export interface OtlpExportOptions {
  /** `service.name` of the resource; the pipeline name by default. */
  serviceName?: string;
  /** Wall-clock time of simulated time 0, in nanoseconds since the Unix epoch. */
  startTimeUnixNano: bigint | string;
  /** Version of Preflight written as the instrumentation scope's version (the CLI passes its package version). */
  preflightVersion?: string;
  /** Where providers are looked up when the results do not name them (models without cost in the run). */
  catalog?: Catalog;
}

export function tracesToOtlpJson(results: RunResults, opts: OtlpExportOptions): OtlpExportTraceServiceRequest {
  const origin = parseOrigin(opts.startTimeUnixNano);
  const providers = providerLookup(results, opts.catalog);
  const seed = results.run.seed;
  const spans = results.traces.flatMap((t) => traceSpans(t, seed, origin, providers));
  const resource = {
    attributes: [attr('service.name', opts.serviceName ?? results.pipeline.name), attr('preflight.pipeline.name', results.pipeline.name), attr('preflight.run.seed', seed), attr('preflight.simulated', true)],
  };
  const scope = { name: 'preflight', ...(opts.preflightVersion ? { version: opts.preflightVersion } : {}) };
  return { resourceSpans: [{ resource, scopeSpans: [{ scope, spans }] }] };
}

function traceSpans(trace: TraceResult, seed: number, origin: bigint, providers: (model: string) => string | null): OtlpSpan[] {
  const traceId = traceIdHex(seed, trace.requestId);
  const rootId = spanIdHex(seed, trace.requestId, 0);
  const at = (ms: number) => String(origin + BigInt(Math.round((trace.arrivalMs + ms) * 1e6)));
  const answering = answeringSpanIndex(trace);
  const children = trace.spans.map((s, i): OtlpSpan => {
    const attributes = [...nodeAttributes(s), ...genAiAttributes(s, providers)];
    if (i === answering && trace.ttftMs !== null) {
      const ttftMs = trace.ttftMs - s.startMs;
      attributes.push(doubleAttr('gen_ai.response.time_to_first_chunk', ttftMs / 1000), doubleAttr('preflight.ttft_ms', ttftMs));
    }
    return {
      traceId,
      spanId: spanIdHex(seed, trace.requestId, i + 1),
      parentSpanId: rootId,
      name: spanName(s),
      kind: nodeKind(s.kind)?.callNode ? SpanKind.client : SpanKind.internal,
      startTimeUnixNano: at(s.startMs),
      endTimeUnixNano: at(s.startMs + s.durationMs),
      attributes,
      status: s.status >= 400 ? { code: StatusCode.error, message: `${s.status} ${s.finishReason}${s.note ? `: ${s.note}` : ''}` } : { code: StatusCode.ok },
    };
  });
  const endMs = Math.max(trace.latencyMs, ...trace.spans.map((s) => s.startMs + s.durationMs));
  const root: OtlpSpan = {
    traceId,
    spanId: rootId,
    name: `request ${trace.class}`,
    kind: SpanKind.server,
    startTimeUnixNano: at(0),
    endTimeUnixNano: at(endMs),
    attributes: rootAttributes(trace),
    status: trace.outcome === 'error' ? { code: StatusCode.error, message: trace.errorType ?? 'error' } : { code: StatusCode.ok },
  };
  return [root, ...children];
}

type TraceSpan = TraceResult['spans'][number];

function rootAttributes(t: TraceResult): OtlpKeyValue[] {
  const out = [
    attr('preflight.request.id', t.requestId),
    attr('preflight.request.class', t.class),
    attr('preflight.request.outcome', t.outcome),
    attr('preflight.trace.reason', t.reason),
    doubleAttr('preflight.latency_ms', t.latencyMs),
    doubleAttr('preflight.cost_usd', t.costUsd),
    attr('preflight.input_tokens', t.inputTokens),
    attr('preflight.cached_input_tokens', t.cachedInputTokens),
    attr('preflight.output_tokens', t.outputTokens),
  ];
  if (t.ttftMs !== null) out.push(doubleAttr('preflight.ttft_ms', t.ttftMs));
  if (t.errorType) out.push(attr('error.type', t.errorType));
  return out;
}

function nodeAttributes(s: TraceSpan): OtlpKeyValue[] {
  const out = [attr('preflight.node.id', s.nodeId), attr('preflight.node.kind', s.kind), attr('preflight.attempt', s.attempt), doubleAttr('preflight.cost_usd', s.costUsd)];
  if (s.cachedInputTokens > 0) out.push(attr('preflight.cached_input_tokens', s.cachedInputTokens));
  if (s.finishReason) out.push(attr('preflight.finish_reason', s.finishReason));
  if (s.note) out.push(attr('preflight.note', s.note));
  if (s.model) out.push(attr('preflight.model', s.model));
  if (nodeKind(s.kind)?.callNode) out.push(attr('http.response.status_code', s.status));
  if (s.status >= 400) out.push(attr('error.type', s.finishReason === 'timeout' ? 'timeout' : String(s.status)));
  return out;
}

/** GenAI semantic-convention attributes for model calls: LLM (chat) and embedding nodes. */
function genAiAttributes(s: TraceSpan, providers: (model: string) => string | null): OtlpKeyValue[] {
  const operation = GEN_AI_OPERATION[s.kind];
  if (!operation || !s.model) return [];
  const out = [attr('gen_ai.operation.name', operation), attr('gen_ai.request.model', s.model)];
  const provider = providers(s.model);
  if (provider) out.push(attr('gen_ai.provider.name', provider), attr('gen_ai.system', provider));
  if (s.status === 429) return out; // refused before the model saw it: nothing was used
  out.push(attr('gen_ai.usage.input_tokens', s.inputTokens));
  if (operation === 'chat') out.push(attr('gen_ai.usage.output_tokens', s.outputTokens));
  if (s.cachedInputTokens > 0) out.push(attr('gen_ai.usage.cache_read.input_tokens', s.cachedInputTokens));
  if (s.status < 400) out.push(attr('gen_ai.response.model', s.model));
  const finish = FINISH_REASONS[s.finishReason];
  if (operation === 'chat' && finish) out.push(attr('gen_ai.response.finish_reasons', [finish]));
  return out;
}

const GEN_AI_OPERATION: Record<string, string> = { llm: 'chat', embedding: 'embeddings' };
/** Preflight finish reasons → the values GenAI conventions use (OpenAI's names). */
const FINISH_REASONS: Record<string, string> = { stop: 'stop', length: 'length', content_filter: 'content_filter' };

/** Well-known `gen_ai.provider.name` values for catalog providers; others pass through as they are. */
const PROVIDER_NAMES: Record<string, string> = { google: 'gcp.gen_ai', vertex_ai: 'gcp.vertex_ai', gemini: 'gcp.gemini', azure: 'azure.ai.openai', bedrock: 'aws.bedrock', mistral: 'mistral_ai', xai: 'x_ai' };

function providerLookup(results: RunResults, catalog: Catalog | undefined): (model: string) => string | null {
  const fromResults = new Map(results.cost.byModel.filter((m) => m.provider).map((m) => [m.model, m.provider]));
  return (model) => {
    const provider = fromResults.get(model) ?? catalog?.get(model)?.provider ?? null;
    return provider === null ? null : (PROVIDER_NAMES[provider] ?? provider);
  };
}

function spanName(s: TraceSpan): string {
  const operation = GEN_AI_OPERATION[s.kind];
  if (operation && s.model) return `${operation} ${s.model}`;
  return s.name === s.nodeId ? `${s.kind} ${s.nodeId}` : `${s.kind} ${s.name}`;
}

/**
 * The span whose call produced the first token the user saw: the last successful LLM call of a served
 * streaming request (the request's TTFT falls inside it). −1 when there is none (not streamed, cached).
 */
function answeringSpanIndex(t: TraceResult): number {
  if (t.outcome !== 'served' || t.ttftMs === null || t.ttftMs >= t.latencyMs) return -1;
  for (let i = t.spans.length - 1; i >= 0; i--) {
    const s = t.spans[i]!;
    if (s.kind === 'llm' && s.status === 200) return t.ttftMs >= s.startMs && t.ttftMs <= s.startMs + s.durationMs ? i : -1;
  }
  return -1;
}

function parseOrigin(value: bigint | string): bigint {
  if (typeof value === 'bigint') {
    if (value < 0n) throw new RangeError(`startTimeUnixNano must be ≥ 0, got ${value}`);
    return value;
  }
  if (!/^\d{1,20}$/.test(value)) throw new Error(`startTimeUnixNano: expected nanoseconds since the Unix epoch as a decimal string (e.g. "1767225600000000000"); got ${JSON.stringify(value)}`);
  return BigInt(value);
}
