import { findJsonSyntaxError } from '../../../stores/document/json-syntax';

export type ReadResult<T> = { ok: true; value: T } | { ok: false; message: string; excerpt?: string };

/**
 * JSON text → value, or where it breaks: "not JSON at line 3, column 14: expected ',' or '}'" with
 * the line and a caret (browsers' own messages do not all say where).
 */
export function readJson(text: string): ReadResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const where = findJsonSyntaxError(text);
    if (!where) return { ok: false, message: `not JSON: ${e instanceof Error ? e.message : String(e)}` };
    return { ok: false, message: `not JSON at line ${where.line}, column ${where.column}: ${where.message}`, excerpt: where.excerpt };
  }
}

/**
 * Trace files come as one JSON document or as JSON lines (the OpenTelemetry collector's file
 * exporter writes one request per line). One document is parsed here; JSON lines are handed on as
 * text to the simulation's reader, which names a broken line itself. A broken single document gets
 * its line and column.
 */
export function readJsonOrLines(text: string): ReadResult<unknown> {
  const whole = readJson(text);
  if (whole.ok) return whole;
  const lines = text.split('\n').filter((l) => l.trim());
  const firstLineIsJson = lines.length > 1 && readJson(lines[0]!).ok;
  return firstLineIsJson ? { ok: true, value: text } : whole;
}

/** "not a LiteLLM price map: expected …" from an importer's "$: expected …" error. */
export function importerMessage(what: string, e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  return `not ${what}: ${raw.replace(/^\$:\s*/, '')}`;
}

/** Today as YYYY-MM-DD in the user's time zone: the day imported prices were recorded. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
