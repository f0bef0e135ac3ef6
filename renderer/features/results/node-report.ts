import { formatCount, formatMs, formatUsd, formatShare } from '../../../simulation/index';
import { humanize } from '../../../simulation/units/humanize';
import { nodeLabel } from './node-label';

type ReportValue = number | string | boolean | null | number[] | Record<string, number>;

/**
 * A node's report (a flat record each kind fills as it likes) as label/value rows. The key's unit
 * suffix decides the format (…Ms → duration, …Usd → money, …Share/…Rate → percent), so a new kind's
 * report reads well with no renderer change. A string naming a node of the run (a breaker's
 * "protects") reads as that node's name with its id.
 */
export function reportRows(report: Record<string, ReportValue> | undefined, nodes: ReadonlyArray<{ id: string; name?: string }> = []): Array<{ label: string; value: string }> {
  if (!report) return [];
  return Object.entries(report).map(([key, value]) => ({ label: humanize(key), value: typeof value === 'string' && nodes.some((n) => n.id === value) ? nodeLabel(nodes, value) : formatReportValue(key, value) }));
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
  if (/(Share|Rate|Ratio|Utilisation|Utilization)$/.test(key)) return formatShare(n);
  if (Number.isInteger(n)) return formatCount(n);
  return String(Number(n.toPrecision(4)));
}
