import { z } from 'zod';

/**
 * A strict zod schema of OTLP/JSON `ExportTraceServiceRequest`, written from opentelemetry-proto
 * (collector/trace/v1/trace_service.proto, trace/v1/trace.proto, common/v1/common.proto,
 * resource/v1/resource.proto) and the OTLP specification's JSON encoding rules:
 *  - field names in lowerCamelCase; unknown fields are refused here (strict) to catch typos;
 *  - traceId / spanId / parentSpanId are hex strings (32 / 16 characters), not base64; all-zero ids are invalid;
 *  - 64-bit integers (fixed64 times, int64 intValue) are decimal strings;
 *  - enums (span kind, status code) are integers.
 */
const hexId = (chars: number) =>
  z
    .string()
    .regex(new RegExp(`^[0-9a-f]{${chars}}$`), `${chars} lower-case hex characters`)
    .refine((s) => !/^0+$/.test(s), 'an all-zero id is invalid');
const uint64 = z.string().regex(/^\d{1,20}$/, 'an unsigned 64-bit integer as a decimal string');
const int64 = z.string().regex(/^-?\d{1,19}$/, 'a signed 64-bit integer as a decimal string');
const count = z.number().int().min(0);

export type AnyValue = { stringValue: string } | { boolValue: boolean } | { intValue: string } | { doubleValue: number } | { bytesValue: string } | { arrayValue: { values: AnyValue[] } } | { kvlistValue: { values: KeyValue[] } };
export type KeyValue = { key: string; value: AnyValue };

export const AnyValueSchema: z.ZodType<AnyValue> = z.lazy(() =>
  z.union([
    z.object({ stringValue: z.string() }).strict(),
    z.object({ boolValue: z.boolean() }).strict(),
    z.object({ intValue: int64 }).strict(),
    z.object({ doubleValue: z.number() }).strict(),
    z.object({ bytesValue: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/) }).strict(),
    z.object({ arrayValue: z.object({ values: z.array(AnyValueSchema) }).strict() }).strict(),
    z.object({ kvlistValue: z.object({ values: z.array(KeyValueSchema) }).strict() }).strict(),
  ]),
);
export const KeyValueSchema: z.ZodType<KeyValue> = z.lazy(() => z.object({ key: z.string().min(1), value: AnyValueSchema }).strict());

/** Attribute keys must be unique within one attribute list. */
const attributes = z.array(KeyValueSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  for (const kv of list) {
    if (seen.has(kv.key)) ctx.addIssue({ code: 'custom', message: `attribute '${kv.key}' appears twice` });
    seen.add(kv.key);
  }
});

const EventSchema = z.object({ timeUnixNano: uint64, name: z.string(), attributes: attributes.optional(), droppedAttributesCount: count.optional() }).strict();
const LinkSchema = z.object({ traceId: hexId(32), spanId: hexId(16), traceState: z.string().optional(), attributes: attributes.optional(), droppedAttributesCount: count.optional(), flags: count.optional() }).strict();

export const SpanSchema = z
  .object({
    traceId: hexId(32),
    spanId: hexId(16),
    traceState: z.string().optional(),
    parentSpanId: z.union([hexId(16), z.literal('')]).optional(),
    flags: count.optional(),
    name: z.string().min(1),
    kind: z.number().int().min(0).max(5),
    startTimeUnixNano: uint64,
    endTimeUnixNano: uint64,
    attributes: attributes.optional(),
    droppedAttributesCount: count.optional(),
    events: z.array(EventSchema).optional(),
    droppedEventsCount: count.optional(),
    links: z.array(LinkSchema).optional(),
    droppedLinksCount: count.optional(),
    status: z.object({ message: z.string().optional(), code: z.number().int().min(0).max(2) }).strict().optional(),
  })
  .strict()
  .refine((s) => BigInt(s.endTimeUnixNano) >= BigInt(s.startTimeUnixNano), 'a span ends at or after its start');

export const ExportTraceServiceRequestSchema = z
  .object({
    resourceSpans: z.array(
      z
        .object({
          resource: z.object({ attributes, droppedAttributesCount: count.optional() }).strict().optional(),
          scopeSpans: z.array(
            z
              .object({
                scope: z.object({ name: z.string(), version: z.string().optional(), attributes: attributes.optional(), droppedAttributesCount: count.optional() }).strict().optional(),
                spans: z.array(SpanSchema),
                schemaUrl: z.string().optional(),
              })
              .strict(),
          ),
          schemaUrl: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();
