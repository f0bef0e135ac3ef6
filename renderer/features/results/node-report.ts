import { formatCount, formatMs, formatPercent, formatUsd } from '../../../simulation/index';
import { humanize } from '../../../simulation/units/humanize';

type ReportValue = number | string | boolean | null | number[] | Record<string, number>;

/**
 * A node's report (a flat record each kind fills as it likes) as label/value rows. The key's unit
 * suffix decides the format (…Ms → duration, …Usd → money, …Share/…Rate → percent), so a new kind's
 * report reads well with no renderer change.
 */
export function reportRows(report: Record<string, ReportValue> | undefined): Array<{ label: string; value: string }> {
  if (!report) return [];
  return Object.entries(report).map(([key, value]) => ({ label: humanize(key), value: formatReportValue(key, value) }));
}

export function formatReportValue(key: string, value: ReportValue): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => formatNumber(key, v)).join(', ');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}: ${formatNumber(key, v)}`).join(' · ');
  return formatNumber(key, value);
}

function formatNumber(key: string, n: number): string {
  if (/Ms$/.test(key)) return formatMs(n);
  if (/Usd$/i.test(key)) return formatUsd(n);
  if (/(Share|Rate|Ratio|Utilisation|Utilization)$/.test(key)) return formatPercent(n);
  if (Number.isInteger(n)) return formatCount(n);
  return String(Number(n.toPrecision(4)));
}
