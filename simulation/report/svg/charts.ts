import { esc } from '../html-escape';
import { durationTicks, indexTicks, labelsThatFit, linearTicks, niceMax, numericAxis, stepDecimals } from './axis';

/**
 * Small, dependency-free SVG charts for reports: the same figures as the app's charts, drawn as
 * inline SVG so one HTML file carries everything and prints well.
 */
const FONT = 'font-family="Inter, Segoe UI, Helvetica, Arial, sans-serif"';
const AXIS = '#8a94a6';
const GRID = '#e6e9ef';
export const PALETTE = ['#2f6fed', '#e8743b', '#19a979', '#945ecf', '#ed4a7b', '#13a4b4', '#525df4', '#bf399e'];

export interface Series {
  name: string;
  values: Array<number | null>;
  color?: string;
  dashed?: boolean;
}

/** A money tick with the decimals its step needs: $0.0005, $0.0010, $0.0015; $10,000. */
export const usdTick = (v: number, decimals: number) => (v === 0 ? '$0' : `$${v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}`);

/** A numeric x axis (traffic multipliers): positions by value, log or linear as the values span. */
export interface XAxis {
  values: number[];
  format: (v: number) => string;
  /** A second, smaller label under each tick (e.g. the req/s a multiplier means). */
  secondary?: (v: number) => string;
  title?: string;
}

/**
 * A line chart over evenly spaced x positions (e.g. minutes) labelled with `xLabels`, or over numeric
 * x values (`x`), with a shaded band (warm-up), marks (faults) and dashed reference lines (targets).
 */
export function lineChart(opts: {
  title: string;
  series: Series[];
  xLabels?: string[];
  /** Index steps to label evenly spaced points at (e.g. round durations); regular steps by default. */
  xSteps?: number[];
  x?: XAxis;
  format: (v: number) => string;
  /** Y values are durations in ms: ticks at round seconds, minutes… */
  yDuration?: boolean;
  /** How a y tick reads, given the decimals its step needs ($0.0005, $0.0010 rather than $0.00050, $0.001). */
  yTickFormat?: (v: number, decimals: number) => string;
  width?: number;
  height?: number;
  shade?: Array<{ from: number; to: number; label: string; color: string }>;
  refLines?: Array<{ value: number; label: string }>;
  /**
   * The axis stops here when a value passes it (a queue that ran away at a load past capacity, minutes
   * against a target of seconds): such points sit at the top edge as red ▲ with their value, so the
   * rest of the line and the target stay readable.
   */
  yCap?: number;
}): string {
  const width = opts.width ?? 720;
  const extra = (opts.x?.secondary ? 11 : 0) + (opts.x?.title ? 13 : 0);
  const legend = opts.series.length > 1; // one series is named by the title
  const height = (opts.height ?? 220) + extra - (legend ? 0 : 10);
  const pad = { l: 64, r: 16, t: 28, b: (legend ? 34 : 24) + extra };
  const plotW = width - pad.l - pad.r;
  const n = Math.max(1, ...opts.series.map((s) => s.values.length));
  const data = opts.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const cap = opts.yCap !== undefined && data.some((v) => v > opts.yCap!) ? opts.yCap : Infinity;
  const top = Math.min(cap, Math.max(0, ...data, ...(opts.refLines ?? []).map((l) => l.value)));
  // Capped, the axis ends at the cap itself, so "above the cap" and "above the axis" are the same points.
  const yTicks = (opts.yDuration ? durationTicks(top, 6) : linearTicks(0, top, 6)).filter((t, i) => i < 2 || t <= cap);
  const decimals = stepDecimals(yTicks[1]! - yTicks[0]!);
  // A duration axis names its zero in the unit of its first step ("0 s" under "2 s", not "0 ms").
  const zeroUnit = opts.yDuration ? /\s([a-zµ]+)$/.exec(opts.format(yTicks[1]!))?.[1] : undefined;
  const yLabel = (v: number) => (opts.yTickFormat ? opts.yTickFormat(v, decimals) : v === 0 && zeroUnit ? `0 ${zeroUnit}` : opts.format(v));
  const max = cap < Infinity ? cap : yTicks[yTicks.length - 1]!;
  let x: (i: number) => number;
  const xTicks: Array<{ at: number; label: string; secondary?: string }> = [];
  if (opts.x) {
    const ax = opts.x;
    const chars = Math.max(...ax.values.map((v) => Math.max(ax.format(v).length, ax.secondary ? ax.secondary(v).length * 0.9 : 0)));
    const axis = numericAxis(ax.values, labelsThatFit(plotW, chars));
    const at = (v: number) => pad.l + plotW * axis.position(v);
    x = (i) => at(ax.values[i]!);
    for (const t of axis.ticks) xTicks.push({ at: at(t), label: ax.format(t), ...(ax.secondary ? { secondary: ax.secondary(t) } : {}) });
  } else {
    const labels = opts.xLabels ?? [];
    x = (i) => pad.l + (plotW * i) / Math.max(1, n - 1);
    const chars = Math.max(1, ...labels.map((l) => l.length));
    for (const i of indexTicks(n, labelsThatFit(plotW, chars), opts.xSteps)) xTicks.push({ at: x(i), label: labels[i] ?? '' });
  }
  const y = (v: number) => height - pad.b - ((height - pad.t - pad.b) * Math.min(v, max)) / max;
  const parts: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(opts.title)}">`];
  parts.push(`<text x="${pad.l}" y="16" ${FONT} font-size="13" font-weight="600" fill="#1f2937">${esc(opts.title)}</text>`);
  for (const band of opts.shade ?? []) {
    const x0 = x(Math.max(0, band.from));
    const x1 = x(Math.min(n - 1, band.to));
    if (x1 > x0) parts.push(`<rect x="${x0}" y="${pad.t}" width="${x1 - x0}" height="${height - pad.t - pad.b}" fill="${band.color}" opacity="0.18"><title>${esc(band.label)}</title></rect><text x="${x0 + 3}" y="${pad.t + 11}" ${FONT} font-size="10" fill="#6b7280">${esc(band.label)}</text>`);
  }
  for (const v of yTicks) {
    parts.push(`<line x1="${pad.l}" x2="${width - pad.r}" y1="${y(v)}" y2="${y(v)}" stroke="${GRID}"/><text x="${pad.l - 6}" y="${y(v) + 4}" ${FONT} font-size="10" text-anchor="end" fill="${AXIS}">${esc(yLabel(v))}</text>`);
  }
  const tickY = height - pad.b + 16;
  /** A tick label centred on its tick, or pulled in to end at the chart's edge rather than be cut off. */
  const tickText = (at: number, y: number, text: string, size: number) => {
    const half = (text.length * size * 0.55) / 2;
    const [x, anchor] = at + half > width ? [width - 1, 'end'] : at - half < 0 ? [1, 'start'] : [at, 'middle'];
    return `<text class="x-tick" x="${x}" y="${y}" ${FONT} font-size="${size}" text-anchor="${anchor}" fill="${AXIS}">${esc(text)}</text>`;
  };
  for (const t of xTicks) {
    parts.push(`<line x1="${t.at}" x2="${t.at}" y1="${height - pad.b}" y2="${height - pad.b + 4}" stroke="${AXIS}"/>${tickText(t.at, tickY, t.label, 10)}`);
    if (t.secondary !== undefined) parts.push(tickText(t.at, tickY + 11, t.secondary, 9));
  }
  if (opts.x?.title) parts.push(`<text x="${pad.l + plotW / 2}" y="${tickY + (opts.x.secondary ? 24 : 13)}" ${FONT} font-size="10" text-anchor="middle" fill="#6b7280">${esc(opts.x.title)}</text>`);
  for (const ref of opts.refLines ?? []) {
    parts.push(`<line x1="${pad.l}" x2="${width - pad.r}" y1="${y(ref.value)}" y2="${y(ref.value)}" stroke="#b91c1c" stroke-dasharray="5 4"/><text x="${width - pad.r}" y="${y(ref.value) - 4}" ${FONT} font-size="10" text-anchor="end" fill="#b91c1c">${esc(ref.label)}</text>`);
  }
  opts.series.forEach((s, k) => {
    const color = s.color ?? PALETTE[k % PALETTE.length]!;
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.6"${s.dashed ? ' stroke-dasharray="4 3"' : ''}/>`);
    if (opts.x) for (const [i, v] of s.values.entries()) if (v !== null && v <= max) parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2" fill="${color}"/>`);
    for (const [i, v] of s.values.entries()) {
      if (v === null || v <= max) continue;
      const text = `▲ ${opts.format(v)}`;
      // Centred on its point, or pulled in to end at the chart's edge rather than be cut off.
      const half = (text.length * 10 * 0.55) / 2;
      const [at, anchor] = x(i) + half > width ? [width - 1, 'end'] : [x(i), 'middle'];
      parts.push(`<text class="off-axis" x="${at.toFixed(1)}" y="${pad.t + 10}" ${FONT} font-size="10" text-anchor="${anchor}" fill="#b91c1c"><title>${esc(`${opts.format(v)}: above the axis`)}</title>${esc(text)}</text>`);
    }
  });
  let lx = pad.l;
  if (legend) opts.series.forEach((s, k) => {
    const color = s.color ?? PALETTE[k % PALETTE.length]!;
    const label = esc(s.name);
    parts.push(`<rect x="${lx}" y="${height - 10}" width="10" height="3" fill="${color}"/><text x="${lx + 14}" y="${height - 6}" ${FONT} font-size="10" fill="#374151">${label}</text>`);
    lx += 24 + s.name.length * 6;
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Horizontal bars with value labels (cost by node, tornado halves). */
export function barChart(opts: { title: string; items: Array<{ label: string; value: number; color?: string }>; format: (v: number) => string; width?: number }): string {
  const width = opts.width ?? 720;
  const row = 22;
  const labelW = 190;
  const height = 34 + row * opts.items.length;
  const max = niceMax(Math.max(0, ...opts.items.map((i) => i.value)));
  const w = (v: number) => ((width - labelW - 90) * Math.max(0, v)) / max;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(opts.title)}">`, `<text x="0" y="16" ${FONT} font-size="13" font-weight="600" fill="#1f2937">${esc(opts.title)}</text>`];
  opts.items.forEach((item, k) => {
    const y = 28 + k * row;
    parts.push(
      `<text x="${labelW - 8}" y="${y + 14}" ${FONT} font-size="11" text-anchor="end" fill="#374151">${esc(item.label)}</text>`,
      `<rect x="${labelW}" y="${y + 3}" width="${w(item.value).toFixed(1)}" height="${row - 8}" rx="2" fill="${item.color ?? PALETTE[k % PALETTE.length]}"/>`,
      `<text x="${labelW + w(item.value) + 6}" y="${y + 14}" ${FONT} font-size="11" fill="#374151">${esc(opts.format(item.value))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Latency histogram from [low, high, count] bins on a log-spaced x axis. */
export function histogramChart(opts: { title: string; bins: Array<[number, number, number]>; format: (v: number) => string; markers?: Array<{ value: number; label: string }>; width?: number }): string {
  const width = opts.width ?? 720;
  const height = 220;
  const pad = { l: 56, r: 16, t: 28, b: 34 };
  const bins = opts.bins.filter((b) => b[1] > 0);
  if (bins.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="40"><text x="0" y="20" ${FONT} font-size="12">${esc(opts.title)}: no data</text></svg>`;
  const lo = Math.log10(Math.max(1e-3, bins[0]![0] || bins[0]![1] / 2));
  const hi = Math.log10(bins[bins.length - 1]![1]);
  const x = (v: number) => pad.l + ((width - pad.l - pad.r) * (Math.log10(Math.max(v, 1e-3)) - lo)) / Math.max(1e-9, hi - lo);
  const max = niceMax(Math.max(...bins.map((b) => b[2])));
  const y = (c: number) => height - pad.b - ((height - pad.t - pad.b) * c) / max;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(opts.title)}">`, `<text x="${pad.l}" y="16" ${FONT} font-size="13" font-weight="600" fill="#1f2937">${esc(opts.title)}</text>`];
  for (const [a, b, c] of bins) {
    const x0 = x(a || b / 2);
    parts.push(`<rect x="${x0.toFixed(1)}" y="${y(c).toFixed(1)}" width="${Math.max(1, x(b) - x0 - 0.5).toFixed(1)}" height="${(height - pad.b - y(c)).toFixed(1)}" fill="#2f6fed" opacity="0.8"/>`);
  }
  for (let d = Math.ceil(lo); d <= Math.floor(hi); d++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** d;
      if (Math.log10(v) < lo || Math.log10(v) > hi) continue;
      parts.push(`<text x="${x(v)}" y="${height - pad.b + 16}" ${FONT} font-size="10" text-anchor="middle" fill="${AXIS}">${esc(opts.format(v))}</text>`);
    }
  }
  for (const m of opts.markers ?? []) {
    parts.push(`<line x1="${x(m.value)}" x2="${x(m.value)}" y1="${pad.t}" y2="${height - pad.b}" stroke="#e8743b" stroke-dasharray="3 3"/><text x="${x(m.value) + 3}" y="${pad.t + 10}" ${FONT} font-size="10" fill="#b45309">${esc(m.label)}</text>`);
  }
  parts.push(`<text x="${pad.l - 6}" y="${pad.t + 4}" ${FONT} font-size="10" text-anchor="end" fill="${AXIS}">${max}</text>`, '</svg>');
  return parts.join('');
}
