import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../simulation/catalog/catalog';
import { spanIdHex, traceIdHex } from '../../../simulation/export/otlp-ids';
import { tracesToOtlpJson } from '../../../simulation/export/otlp';
import type { OtlpSpan } from '../../../simulation/export/otlp-types';
import type { RunResults } from '../../../simulation/results/types';
import { chain, example, run } from '../../helpers/pipelines';
import { ExportTraceServiceRequestSchema } from './otlp-json-schema';

const ORIGIN = 1_777_636_800_000_000_000n; // 2026-05-01T12:00:00Z
const traced = { durationMs: 300_000, warmupMs: 0, seed: 11, traceSampleRate: 0.2, maxTraces: 150, traceFailed: 20 };

function attributes(span: OtlpSpan): Map<string, unknown> {
  return new Map(span.attributes.map((a) => [a.key, Object.values(a.value)[0]]));
}

describe('OTLP/JSON export of sampled traces', () => {
  const rag = run(example('optimized-rag'), traced);
  const otlp = tracesToOtlpJson(rag, { startTimeUnixNano: ORIGIN, preflightVersion: '0.1.0' });
  const spans = otlp.resourceSpans[0]!.scopeSpans[0]!.spans;

  it('has the ExportTraceServiceRequest structure (strict schema from opentelemetry-proto and the OTLP JSON rules)', () => {
    const parsed = ExportTraceServiceRequestSchema.safeParse(JSON.parse(JSON.stringify(otlp)));
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
    expect(otlp.resourceSpans).toHaveLength(1);
    expect(otlp.resourceSpans[0]!.scopeSpans[0]!.scope).toEqual({ name: 'preflight', version: '0.1.0' });
  });

  it('writes one root span per trace and one child per node visit or call attempt', () => {
    expect(rag.traces.length).toBeGreaterThan(20);
    const roots = spans.filter((s) => s.parentSpanId === undefined);
    expect(roots).toHaveLength(rag.traces.length);
    expect(spans.length - roots.length).toBe(rag.traces.reduce((n, t) => n + t.spans.length, 0));
  });

  it('uses unique hex ids: one trace id per request, span ids unique across the export', () => {
    const traceIds = new Set(spans.map((s) => s.traceId));
    expect(traceIds.size).toBe(rag.traces.length);
    expect(new Set(spans.map((s) => s.spanId)).size).toBe(spans.length);
    for (const s of spans) {
      expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
    }
  });

  it('is deterministic: the same run exports the same ids', () => {
    const again = tracesToOtlpJson(run(example('optimized-rag'), traced), { startTimeUnixNano: ORIGIN.toString() });
    expect(again.resourceSpans[0]!.scopeSpans[0]!.spans.map((s) => s.spanId)).toEqual(spans.map((s) => s.spanId));
    expect(traceIdHex(1, 5)).not.toBe(traceIdHex(2, 5));
    expect(spanIdHex(1, 5, 0)).not.toBe(spanIdHex(1, 5, 1));
  });

  it('keeps every child inside its root, timed from the origin in nanoseconds', () => {
    const roots = new Map(spans.filter((s) => !s.parentSpanId).map((s) => [s.spanId, s]));
    for (const child of spans.filter((s) => s.parentSpanId)) {
      const root = roots.get(child.parentSpanId!)!;
      expect(root.traceId).toBe(child.traceId);
      expect(BigInt(child.startTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(root.startTimeUnixNano));
      expect(BigInt(child.endTimeUnixNano)).toBeLessThanOrEqual(BigInt(root.endTimeUnixNano));
    }
    const first = rag.traces[0]!;
    const root = spans.find((s) => s.traceId === traceIdHex(rag.run.seed, first.requestId) && !s.parentSpanId)!;
    expect(BigInt(root.startTimeUnixNano)).toBe(ORIGIN + BigInt(Math.round(first.arrivalMs * 1e6)));
  });

  it('puts the GenAI attributes on model calls and the client kind on call nodes', () => {
    const chat = spans.find((s) => attributes(s).get('gen_ai.operation.name') === 'chat' && s.status.code === 1)!;
    const a = attributes(chat);
    expect(chat.name).toBe(`chat ${a.get('gen_ai.request.model')}`);
    expect(chat.kind).toBe(3);
    expect(a.get('gen_ai.provider.name')).toBe('openai');
    expect(a.get('gen_ai.response.model')).toBe(a.get('gen_ai.request.model'));
    expect(Number(a.get('gen_ai.usage.input_tokens'))).toBeGreaterThan(0);
    expect(Number(a.get('gen_ai.usage.output_tokens'))).toBeGreaterThan(0);
    expect(a.get('gen_ai.response.finish_reasons')).toEqual({ values: [{ stringValue: 'stop' }] });
    expect(a.get('http.response.status_code')).toBe('200');
    expect(typeof a.get('preflight.cost_usd')).toBe('number');
    const embedding = spans.find((s) => attributes(s).get('gen_ai.operation.name') === 'embeddings')!;
    expect(embedding.kind).toBe(3);
    expect(attributes(embedding).has('gen_ai.usage.output_tokens')).toBe(false);
    const root = spans.find((s) => !s.parentSpanId)!;
    expect(root.kind).toBe(2);
    expect(attributes(root).get('preflight.request.outcome')).toBeDefined();
  });

  it('records time to first chunk on the answering call of streamed requests', () => {
    const withTtft = spans.filter((s) => attributes(s).has('gen_ai.response.time_to_first_chunk'));
    expect(withTtft.length).toBeGreaterThan(0);
    for (const s of withTtft) {
      const seconds = attributes(s).get('gen_ai.response.time_to_first_chunk') as number;
      const durationS = Number(BigInt(s.endTimeUnixNano) - BigInt(s.startTimeUnixNano)) / 1e9;
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(durationS + 1e-6);
    }
  });

  it('marks failed attempts and failed requests with ERROR status and error.type', () => {
    const flaky = chain([{ id: 'llm', kind: 'llm', params: { model: 'claude-haiku-4-5', errorProbability: 0.4, retry: { numRetries: 1 } } }]);
    const exported = tracesToOtlpJson(run(flaky, { ...traced, durationMs: 60_000 }), { startTimeUnixNano: ORIGIN, serviceName: 'chat-api', catalog: builtinCatalog() });
    expect(ExportTraceServiceRequestSchema.safeParse(exported).success).toBe(true);
    const all = exported.resourceSpans[0]!.scopeSpans[0]!.spans;
    const failed = all.filter((s) => s.status.code === 2 && s.parentSpanId);
    expect(failed.length).toBeGreaterThan(0);
    expect(all.some((s) => !s.parentSpanId && s.status.code === 2)).toBe(true);
    expect(attributes(all.find((s) => s.name.startsWith('chat'))!).get('gen_ai.provider.name')).toBe('anthropic');
    for (const s of failed) {
      expect(attributes(s).get('error.type')).toBeDefined();
      expect(s.status.message).toMatch(/^\d{3} /);
    }
    expect(exported.resourceSpans[0]!.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'chat-api' } });
  });

  it('refuses an origin that is not nanoseconds', () => {
    expect(() => tracesToOtlpJson(rag as RunResults, { startTimeUnixNano: '2026-05-01' })).toThrow(/startTimeUnixNano: expected nanoseconds/);
  });
});
