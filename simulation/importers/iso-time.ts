/**
 * Milliseconds since the Unix epoch of an ISO 8601 / RFC 3339 date-time, without `Date` (the
 * simulation has no wall clock, and lint keeps `new Date(` out of it). Accepted:
 * `YYYY-MM-DD[T or space]HH:MM[:SS[.fraction]][Z | ±HH:MM | ±HHMM | ±HH]`. A time without a zone is
 * read as UTC and reported through `hasZone: false` (LiteLLM writes UTC; a local time would only shift
 * all times of a file alike, which leaves durations right). Fractions keep sub-millisecond precision.
 */
export interface ParsedTime {
  ms: number;
  hasZone: boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

export function parseIsoDateTimeMs(text: string): ParsedTime | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) return null;
  const fractionMs = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  const zone = m[8];
  const offsetMinutes = zone === undefined || zone === 'Z' || zone === 'z' ? 0 : zoneOffsetMinutes(zone);
  if (offsetMinutes === null) return null;
  const days = daysFromCivil(year, month, day);
  const ms = ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + fractionMs;
  return { ms, hasZone: zone !== undefined };
}

function zoneOffsetMinutes(zone: string): number | null {
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
