import { formatMs, formatTokens, formatUsd, nodeKind, type RunResults } from '../../../simulation/index';

export type TraceResult = RunResults['traces'][number];
type Span = TraceResult['spans'][number];
export type TraceReason = TraceResult['reason'];
export type SpanTone = 'ok' | 'cache' | 'rate-limited' | 'timeout' | 'error' | 'refused';

/** Trace times the way the guide's trace prints them: "1,230 ms" up to a minute, then "1.5 min". */
export function traceMs(ms: number): string {
  if (ms < 10) return `${Number(ms.toFixed(1))} ms`;
  return ms < 60_000 ? `${Math.round(ms).toLocaleString('en-US')} ms` : formatMs(ms);
}

/** A span's cost in plain digits even below a cent of a cent ("$0.0000009", not "$9.0e-7"). */
export function spanUsd(usd: number): string {
  if (usd <= 0 || usd >= 0.01) return formatUsd(usd);
  const digits = Math.min(12, 1 - Math.floor(Math.log10(usd)));
  return `$${usd.toFixed(digits).replace(/0+$/, '')}`;
}

export interface TraceListRow {
  index: number;
  requestId: number;
  reason: TraceReason;
  /** Also one of the slowest (a random-sample trace can be). */
  amongSlowest: boolean;
  className: string;
  arrival: string;
  latency: string;
  cost: string;
  outcome: string;
  failed: boolean;
  spans: number;
}

const REASON_ORDER: Record<TraceReason, number> = { failed: 0, slowest: 1, sampled: 2 };

/** The kept traces, failures first, then the slowest (slowest first), then the random sample by arrival. */
export function traceListRows(traces: readonly TraceResult[]): TraceListRow[] {
  return traces
    .map((t, index) => ({ t, index }))
    .sort((a, b) => REASON_ORDER[a.t.reason] - REASON_ORDER[b.t.reason] || (a.t.reason === 'slowest' ? b.t.latencyMs - a.t.latencyMs : a.t.arrivalMs - b.t.arrivalMs))
    .map(({ t, index }) => ({
      index,
      requestId: t.requestId,
      reason: t.reason,
      amongSlowest: t.amongSlowest,
      className: t.class,
      arrival: `min ${Number((t.arrivalMs / 60_000).toFixed(2))}`,
      latency: traceMs(t.latencyMs),
      cost: formatUsd(t.costUsd),
      outcome: t.errorType && t.outcome !== 'served' ? `${t.outcome}: ${t.errorType}` : t.outcome,
      failed: t.outcome === 'error',
      spans: t.spans.length,
    }));
}

export function spanTone(s: Pick<Span, 'status' | 'finishReason'>): SpanTone {
  if (s.status === 429) return 'rate-limited';
  if (s.status === 408 || s.finishReason === 'timeout') return 'timeout';
  if (s.finishReason === 'content_filter') return 'refused';
  if (s.status >= 400) return 'error';
  return s.finishReason === 'cache_hit' ? 'cache' : 'ok';
}

export interface WaterfallSpan {
  key: string;
  name: string;
  nodeId: string;
  kindTitle: string;
  model: string | null;
  /** "retry 2" for the third attempt; empty for a first attempt. */
  attempt: string;
  status: number;
  tone: SpanTone;
  leftPct: number;
  widthPct: number;
  start: string;
  duration: string;
  tokens: string | null;
  cost: string | null;
  /** Shown for generations (output tokens) and for anything but a plain "stop", as the guide's trace does. */
  finishReason: string | null;
  note: string;
}

export interface Waterfall {
  title: string;
  total: string;
  cost: string;
  tokens: string;
  ttft: string | null;
  outcome: string;
  ticks: Array<{ pct: number; label: string }>;
  spans: WaterfallSpan[];
}

/** 1, 2, 5 × 10^n: a step giving about `count` ticks over `span`. */
export function niceStep(span: number, count = 5): number {
  if (span <= 0) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

function tokensText(input: number, cached: number, output: number): string | null {
  if (!input && !output) return null;
  const parts = [`${formatTokens(input)} in${cached ? ` (${formatTokens(cached)} cached)` : ''}`];
  if (output) parts.push(`${formatTokens(output)} out`);
  return parts.join(' · ');
}

/**
 * One request as the guide's "AI Request Trace": each span on a time axis from the request's arrival,
 * labelled with node, model, attempt, status, tokens, cost and finish reason; totals on top.
 */
export function waterfall(t: TraceResult): Waterfall {
  const end = Math.max(t.latencyMs, ...t.spans.map((s) => s.startMs + s.durationMs), 1);
  const step = niceStep(end);
  const ticks: Waterfall['ticks'] = [];
  for (let v = 0; v <= end + 1e-9; v += step) ticks.push({ pct: (v / end) * 100, label: traceMs(v) });
  return {
    title: `Request #${t.requestId} · class ${t.class} · arrived at min ${Number((t.arrivalMs / 60_000).toFixed(2))}`,
    total: traceMs(t.latencyMs),
    cost: formatUsd(t.costUsd),
    tokens: tokensText(t.inputTokens, t.cachedInputTokens, t.outputTokens) ?? 'no tokens',
    ttft: t.ttftMs === null ? null : traceMs(t.ttftMs),
    outcome: t.errorType && t.outcome !== 'served' ? `${t.outcome} (${t.errorType})` : t.outcome,
    ticks,
    spans: t.spans.map((s, i) => ({
      key: `${i}`,
      name: s.name,
      nodeId: s.nodeId,
      kindTitle: nodeKind(s.kind)?.title ?? s.kind,
      model: s.model,
      attempt: s.attempt > 0 ? `retry ${s.attempt}` : '',
      status: s.status,
      tone: spanTone(s),
      leftPct: (s.startMs / end) * 100,
      widthPct: (s.durationMs / end) * 100,
      start: traceMs(s.startMs),
      duration: traceMs(s.durationMs),
      tokens: tokensText(s.inputTokens, s.cachedInputTokens, s.outputTokens),
      cost: s.costUsd > 0 ? spanUsd(s.costUsd) : null,
      finishReason: s.finishReason && (s.outputTokens > 0 || s.finishReason !== 'stop') ? s.finishReason : null,
      note: s.note,
    })),
  };
}

/** The trace as the guide prints it: "[50ms] Query preprocessing", model and tokens under each step. */
export function traceText(t: TraceResult): string {
  const lines = ['AI Request Trace:'];
  for (const s of t.spans) {
    lines.push(`    [${Math.round(s.durationMs)}ms] ${s.name}${s.attempt > 0 ? ` (retry ${s.attempt})` : ''}${s.status >= 400 ? ` — ${s.status} ${s.finishReason}` : ''}`);
    if (s.model) lines.push(`    Model: ${s.model}`);
    if (s.inputTokens && s.outputTokens) lines.push(`    Input tokens: ${s.inputTokens.toLocaleString('en-US')}`, `    Output tokens: ${s.outputTokens.toLocaleString('en-US')}`);
    else if (s.inputTokens) lines.push(`    Tokens: ${s.inputTokens.toLocaleString('en-US')}`);
    if (s.outputTokens && s.finishReason) lines.push(`    Finish reason: ${s.finishReason}`);
    if (s.note) lines.push(`    ${s.note}`);
  }
  lines.push(`Total: ${Math.round(t.latencyMs).toLocaleString('en-US')}ms`, `Cost: ${formatUsd(t.costUsd)}`);
  return lines.join('\n');
}
