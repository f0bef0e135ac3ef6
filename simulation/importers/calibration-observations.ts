import { describeValue, isRecord } from './import-notes';
import { parseIsoDateTimeMs } from './iso-time';

/**
 * Measured model calls, read from LiteLLM spend logs or OTLP/JSON traces, ready for fitting.
 * Every row or span read ends up as an observation or in `skipped` with its reason (spans that are
 * not model calls are counted in a note): nothing is dropped silently.
 */
export interface CallObservation {
  /** Where it came from: `$[12]` (spend-log row) or `resourceSpans[0].scopeSpans[0].spans[3]`. */
  path: string;
  model: string;
  /** End − start. */
  durationMs: number;
  /** First token − start; null when the call was not streamed or the time is not recorded. */
  ttftMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  /** Answered by the proxy's response cache (its latency is the cache's, not the model's). */
  cacheHit: boolean;
  ok: boolean;
}

export interface ObservationSet {
  format: 'litellm-spend-logs' | 'otlp-json';
  observations: CallObservation[];
  skipped: Array<{ path: string; reason: string }>;
  notes: string[];
}

export interface SpendLogOptions {
  /** Group rows by the deployment's `model` (default) or by the public `model_group`. */
  groupBy?: 'model' | 'model_group';
}

/** Reads either format, told apart by shape: an object with `resourceSpans` (or JSON lines of them) is OTLP. */
export function parseCalibrationInput(input: unknown, opts: SpendLogOptions = {}): ObservationSet {
  const value = typeof input === 'string' ? parseJsonOrLines(input) : input;
  const first = Array.isArray(value) ? value[0] : value;
  if (isRecord(first) && 'resourceSpans' in first) return parseOtlpObservations(value);
  return parseSpendLogObservations(value, opts);
}

const CHAT_CALL = /completion|chat|responses|generate_content|messages/i;

/** LiteLLM `LiteLLM_SpendLogs` rows as JSON: an array of rows, or `{ data: [...] }` as the /spend/logs API pages them. */
export function parseSpendLogObservations(input: unknown, opts: SpendLogOptions = {}): ObservationSet {
  const value = typeof input === 'string' ? parseJsonOrLines(input) : input;
  const rows = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.data) ? value.data : null;
  if (rows === null) throw new Error(`$: expected LiteLLM spend logs, a JSON array of LiteLLM_SpendLogs rows (or {"data": [...]}); got ${describeValue(value)}`);
  const set: ObservationSet = { format: 'litellm-spend-logs', observations: [], skipped: [], notes: [] };
  let zoneless = 0;
  let notStreamed = 0;
  rows.forEach((row, i) => {
    const path = `$[${i}]`;
    const skip = (reason: string) => set.skipped.push({ path, reason });
    if (!isRecord(row)) return skip(`expected a spend-log row (an object); got ${describeValue(row)}`);
    if (typeof row.call_type === 'string' && row.call_type && !CHAT_CALL.test(row.call_type)) return skip(`call_type '${row.call_type}' is not a chat or completion call`);
    const model = (opts.groupBy === 'model_group' ? row.model_group || row.model : row.model || row.model_group) as unknown;
    if (typeof model !== 'string' || !model) return skip('no model (model or model_group)');
    const start = time(row.startTime);
    const end = time(row.endTime);
    if (!start || !end) return skip(`startTime/endTime must be ISO 8601 date-times (e.g. "2026-05-01T12:00:00.123Z"); got ${describeValue(!start ? row.startTime : row.endTime)}`);
    if (end.ms < start.ms) return skip('endTime is before startTime');
    if (!start.hasZone || !end.hasZone) zoneless++;
    const first = time(row.completionStartTime);
    let ttftMs: number | null = null;
    if (first && first.ms >= start.ms && first.ms < end.ms) ttftMs = first.ms - start.ms;
    else if (first && first.ms >= end.ms) notStreamed++;
    set.observations.push({
      path,
      model,
      durationMs: end.ms - start.ms,
      ttftMs,
      inputTokens: tokenCount(row.prompt_tokens),
      outputTokens: tokenCount(row.completion_tokens),
      cacheHit: row.cache_hit === true || (typeof row.cache_hit === 'string' && row.cache_hit.toLowerCase() === 'true'),
      ok: typeof row.status !== 'string' || row.status === '' || row.status === 'success',
    });
  });
  if (zoneless) set.notes.push(`${zoneless} rows have times without a time zone; read as UTC (durations are unaffected).`);
  if (notStreamed) set.notes.push(`${notStreamed} rows have completionStartTime at endTime (not streamed): they give a total duration but no TTFT.`);
  return set;
}

/** Span attributes holding time to first token, in the order they are tried, with their unit. */
const TTFT_ATTRIBUTES: Array<[string, number]> = [
  ['gen_ai.response.time_to_first_chunk', 1000], // GenAI semantic conventions (experimental), seconds
  ['gen_ai.response.time_to_first_token', 1000], // Sentry's GenAI attribute, seconds
  ['preflight.ttft_ms', 1], // Preflight's own export, milliseconds
];
const CHAT_OPERATIONS = new Set(['chat', 'text_completion', 'generate_content']);
const CACHE_HIT_ATTRIBUTES = ['preflight.cache_hit', 'cache_hit'];

/**
 * OTLP/JSON traces (an ExportTraceServiceRequest, an array of them, or JSON lines as the collector's
 * file exporter writes): spans with `gen_ai.operation.name` chat/text_completion/generate_content (or,
 * without it, a `gen_ai.request.model`) are model calls; TTFT comes from the attributes above.
 */
export function parseOtlpObservations(input: unknown): ObservationSet {
  const value = typeof input === 'string' ? parseJsonOrLines(input) : input;
  const requests = Array.isArray(value) ? value : [value];
  const set: ObservationSet = { format: 'otlp-json', observations: [], skipped: [], notes: [] };
  const biased = tailSampledTraces(requests);
  let other = 0;
  let tailSampled = 0;
  requests.forEach((request, r) => {
    const prefix = Array.isArray(value) ? `$[${r}].` : '';
    if (!isRecord(request) || !Array.isArray(request.resourceSpans)) throw new Error(`${prefix || '$'}${prefix ? 'resourceSpans' : ''}: expected an OTLP/JSON ExportTraceServiceRequest with "resourceSpans"; got ${describeValue(request)}`);
    request.resourceSpans.forEach((rs: unknown, i: number) => {
      const scopes = isRecord(rs) ? (rs.scopeSpans ?? rs.instrumentationLibrarySpans) : undefined;
      if (!Array.isArray(scopes)) return set.skipped.push({ path: `${prefix}resourceSpans[${i}]`, reason: 'no scopeSpans list' });
      scopes.forEach((ss: unknown, j: number) => {
        const spans = isRecord(ss) ? ss.spans : undefined;
        if (!Array.isArray(spans)) return set.skipped.push({ path: `${prefix}resourceSpans[${i}].scopeSpans[${j}]`, reason: 'no spans list' });
        spans.forEach((span: unknown, k: number) => {
          const path = `${prefix}resourceSpans[${i}].scopeSpans[${j}].spans[${k}]`;
          const reason = isRecord(span) && typeof span.traceId === 'string' ? biased.get(span.traceId) : undefined;
          const read = readSpan(span, path);
          if (read === 'other') other++;
          else if (reason !== undefined && typeof read !== 'string') {
            tailSampled++;
            set.skipped.push({ path, reason: `in a trace kept because it was among the ${reason} requests (preflight.trace.reason), not at random: it would bias the fit` });
          }
          else if (typeof read === 'string') set.skipped.push({ path, reason: read });
          else set.observations.push(read);
        });
      });
    });
  });
  if (other) set.notes.push(`${other} spans are not chat model calls (no gen_ai.request.model, or another gen_ai.operation.name) and were not used.`);
  if (tailSampled) set.notes.push(`${tailSampled} model-call span${tailSampled === 1 ? '' : 's'} from tail-sampled traces (kept for being slowest or failed) left out: only randomly sampled traces describe the typical call.`);
  return set;
}

/**
 * Traces a tail sampler kept for what happened to them (Preflight's export marks them with
 * `preflight.trace.reason` 'slowest' or 'failed' on the root span): their calls are not a random
 * sample, and fitting them would push the latency fits up. traceId → the reason.
 */
function tailSampledTraces(requests: unknown[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const request of requests) {
    if (!isRecord(request) || !Array.isArray(request.resourceSpans)) continue;
    for (const rs of request.resourceSpans) {
      const scopes = isRecord(rs) ? (rs.scopeSpans ?? rs.instrumentationLibrarySpans) : undefined;
      if (!Array.isArray(scopes)) continue;
      for (const ss of scopes) {
        if (!isRecord(ss) || !Array.isArray(ss.spans)) continue;
        for (const span of ss.spans) {
          if (!isRecord(span) || typeof span.traceId !== 'string') continue;
          const reason = attributeMap(span.attributes).get('preflight.trace.reason');
          if (reason === 'slowest' || reason === 'failed') out.set(span.traceId, reason === 'slowest' ? 'slowest' : 'failed');
        }
      }
    }
  }
  return out;
}

function readSpan(span: unknown, path: string): CallObservation | 'other' | string {
  if (!isRecord(span)) return `expected a span object; got ${describeValue(span)}`;
  const attrs = attributeMap(span.attributes);
  const operation = attrs.get('gen_ai.operation.name');
  const requested = attrs.get('gen_ai.request.model');
  if ((operation !== undefined && !CHAT_OPERATIONS.has(String(operation))) || (operation === undefined && requested === undefined)) return 'other';
  // The requested model names what a pipeline node uses (a catalog id); the response often adds a dated version.
  const model = requested ?? attrs.get('gen_ai.response.model');
  if (typeof model !== 'string' || !model) return 'a chat span without gen_ai.request.model or gen_ai.response.model';
  const start = nanos(span.startTimeUnixNano);
  const end = nanos(span.endTimeUnixNano);
  if (start === null || end === null) return `startTimeUnixNano/endTimeUnixNano must be nanoseconds as decimal strings; got ${describeValue(start === null ? span.startTimeUnixNano : span.endTimeUnixNano)}`;
  if (end < start) return 'endTimeUnixNano is before startTimeUnixNano';
  let ttftMs: number | null = null;
  for (const [key, toMs] of TTFT_ATTRIBUTES) {
    const v = attrs.get(key);
    if (typeof v === 'number' && v >= 0) {
      ttftMs = v * toMs;
      break;
    }
  }
  const status = isRecord(span.status) ? Number(span.status.code) : 0;
  return {
    path,
    model,
    durationMs: Number(end - start) / 1e6,
    ttftMs,
    inputTokens: tokenCount(attrs.get('gen_ai.usage.input_tokens') ?? attrs.get('gen_ai.usage.prompt_tokens')),
    outputTokens: tokenCount(attrs.get('gen_ai.usage.output_tokens') ?? attrs.get('gen_ai.usage.completion_tokens')),
    cacheHit: CACHE_HIT_ATTRIBUTES.some((k) => attrs.get(k) === true),
    ok: status !== 2,
  };
}

/** OTLP attributes → key → JS value (intValue strings become numbers; arrays of scalars become arrays). */
function attributeMap(list: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!Array.isArray(list)) return out;
  for (const kv of list) if (isRecord(kv) && typeof kv.key === 'string') out.set(kv.key, anyValue(kv.value));
  return out;
}

function anyValue(v: unknown): unknown {
  if (!isRecord(v)) return undefined;
  if ('stringValue' in v) return v.stringValue;
  if ('boolValue' in v) return v.boolValue;
  if ('intValue' in v) return Number(v.intValue);
  if ('doubleValue' in v) return Number(v.doubleValue);
  if ('arrayValue' in v && isRecord(v.arrayValue) && Array.isArray(v.arrayValue.values)) return v.arrayValue.values.map(anyValue);
  return undefined;
}

function nanos(v: unknown): bigint | null {
  if (typeof v === 'string' && /^\d{1,20}$/.test(v)) return BigInt(v);
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  return null;
}

function time(v: unknown) {
  return typeof v === 'string' ? parseIsoDateTimeMs(v) : null;
}

function tokenCount(v: unknown): number | null {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

/** JSON text, or JSON lines (one value per line, as the collector's file exporter writes). */
function parseJsonOrLines(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (whole) {
    const lines = text.split('\n').map((line, i) => ({ line, number: i + 1 })).filter((l) => l.line.trim());
    if (lines.length < 2) throw new Error(`$: not valid JSON: ${whole instanceof Error ? whole.message : String(whole)}`, { cause: whole });
    return lines.map(({ line, number }) => {
      try {
        return JSON.parse(line);
      } catch (e) {
        throw new Error(`line ${number}: not valid JSON (read as JSON lines): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      }
    });
  }
}
