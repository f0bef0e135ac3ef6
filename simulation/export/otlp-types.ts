/**
 * The OTLP/JSON shapes Preflight writes and reads (opentelemetry-proto `ExportTraceServiceRequest`,
 * JSON encoding per the OTLP specification: lowerCamelCase field names; 64-bit integers such as
 * `intValue` and `*UnixNano` as decimal strings; `traceId`/`spanId` as lower-case hex, not base64;
 * enums (`kind`, `status.code`) as integers).
 */
export type OtlpAnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number }
  | { arrayValue: { values: OtlpAnyValue[] } };

export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}

/** SpanKind of opentelemetry-proto trace.proto. */
export const SpanKind = { unspecified: 0, internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;
/** Status.StatusCode of opentelemetry-proto trace.proto. */
export const StatusCode = { unset: 0, ok: 1, error: 2 } as const;

export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  status: { code: number; message?: string };
}

export interface OtlpExportTraceServiceRequest {
  resourceSpans: Array<{
    resource: { attributes: OtlpKeyValue[] };
    scopeSpans: Array<{ scope: { name: string; version?: string }; spans: OtlpSpan[] }>;
  }>;
}

/** An attribute whose value type follows the JS value: integers → intValue (as a string), other numbers → doubleValue. */
export function attr(key: string, value: string | number | boolean | string[]): OtlpKeyValue {
  return { key, value: anyValue(value) };
}

/** A double even when the number happens to be whole (costs, durations in seconds). */
export function doubleAttr(key: string, value: number): OtlpKeyValue {
  return { key, value: { doubleValue: value } };
}

function anyValue(value: string | number | boolean | string[]): OtlpAnyValue {
  if (Array.isArray(value)) return { arrayValue: { values: value.map((v) => ({ stringValue: v })) } };
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  return Number.isSafeInteger(value) ? { intValue: String(value) } : { doubleValue: value };
}
