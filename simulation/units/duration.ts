/**
 * Human durations ("250ms", "30s", "5m", "1h", "2d", or combinations like "1h30m") to milliseconds.
 * Used by the CLI and by any text field that accepts a duration.
 */
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;

export function parseDurationMs(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  let total = 0;
  PART.lastIndex = 0;
  let matched = 0;
  while (PART.lastIndex < trimmed.length) {
    const start = PART.lastIndex;
    const m = PART.exec(trimmed);
    if (!m || m.index !== start) return undefined;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    matched++;
  }
  return matched > 0 ? total : undefined;
}

/** Compact human form of a duration in milliseconds: 1.23 s, 850 ms, 5 min, 2.5 h. */
export function formatDurationMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const abs = Math.abs(ms);
  if (abs < 1) return `${round(ms, 3)} ms`;
  if (abs < 1000) return `${round(ms, abs < 10 ? 2 : abs < 100 ? 1 : 0)} ms`;
  if (abs < 60_000) return `${round(ms / 1000, 2)} s`;
  if (abs < 3_600_000) return `${round(ms / 60_000, 1)} min`;
  if (abs < 86_400_000) return `${round(ms / 3_600_000, 2)} h`;
  return `${round(ms / 86_400_000, 2)} d`;
}

function round(value: number, digits: number): string {
  return Number(value.toFixed(digits)).toString();
}

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
/** The guide's month: 30 days = 43,200 minutes. */
export const MINUTES_PER_MONTH = 43_200;
export const MS_PER_MONTH = MINUTES_PER_MONTH * MS_PER_MINUTE;
