import { formatDurationMs } from './duration';

/** Number formats shared by the CLI, the app and reports, so a figure reads the same everywhere. */

export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return String(usd);
  // A negative amount reads −$23,256 (a minus sign before the currency), never $-23,256.
  if (usd < 0) return `−${formatUsd(-usd)}`;
  const abs = usd;
  if (abs === 0) return '$0';
  // Below a cent: two significant digits, never exponent notation ($0.0000034, not $3.4e-6).
  if (abs < 0.01) return `$${usd.toFixed(Math.min(20, 1 - Math.floor(Math.log10(abs)))).replace(/(\.\d*?[1-9])0+$/, '$1')}`;
  // Under a dollar: cents and up to four decimals ($0.60, $0.0024, $0.1234).
  if (abs < 1) return `$${usd.toFixed(4).replace(/(\.\d\d\d*?)0+$/, '$1')}`;
  // Cents matter up to $100; from there whole dollars, so $500 and $1,200 read alike in one table.
  if (abs < 100) return `$${usd.toFixed(2)}`;
  return `$${Math.round(usd).toLocaleString('en-US')}`;
}

export function formatPercent(share: number | null, digits = 1): string {
  if (share === null || !Number.isFinite(share)) return '—';
  const pct = share * 100;
  if (pct !== 0 && Math.abs(pct) < 0.1) return `${pct.toPrecision(2)} %`;
  return `${Number(pct.toFixed(digits))} %`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatMs(ms: number | null): string {
  return ms === null ? '—' : formatDurationMs(ms);
}

/** Tokens in compact form: 950, 12.3K, 3.02B. */
export function formatTokens(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${Number((n / 1e9).toPrecision(3))}B`;
  if (abs >= 1e6) return `${Number((n / 1e6).toPrecision(3))}M`;
  if (abs >= 1e4) return `${Number((n / 1e3).toPrecision(3))}K`;
  return formatCount(n);
}
