/** Pieces shared by the template pipelines (plain JSON in the pipeline file format). */
type Json = Record<string, unknown>;

export const HOUR = 3_600_000;
export const MINUTE = 60_000;

/** A weekday diurnal curve with mean 1 (so rps is the daily average). */
export const DIURNAL = (() => {
  const raw = [0.35, 0.3, 0.25, 0.25, 0.3, 0.4, 0.6, 0.85, 1.1, 1.3, 1.4, 1.45, 1.4, 1.4, 1.45, 1.4, 1.3, 1.15, 1.0, 0.9, 0.8, 0.7, 0.55, 0.45];
  const mean = raw.reduce((s, x) => s + x, 0) / raw.length;
  const rounded = raw.map((x) => Math.round((x / mean) * 1000) / 1000);
  // Rounding left the mean at 0.999875: the residual goes to the first peak hour, so the daily mean is
  // exactly 1 and rps × 86,400 is the day's queries (the ROI's 100,000/day, the guide's figure).
  const peak = rounded.indexOf(Math.max(...rounded));
  rounded[peak] = Math.round((rounded[peak]! + raw.length - rounded.reduce((s, x) => s + x, 0)) * 1000) / 1000;
  return rounded;
})();

export const CLASSES = [
  { name: 'simple', share: 0.7, queryTokens: { type: 'lognormal', median: 40, p99: 120 }, outputTokens: { type: 'lognormal', median: 120, p99: 400 }, maxTokens: null, stream: true, priority: 0 },
  { name: 'complex', share: 0.3, queryTokens: { type: 'lognormal', median: 90, p99: 300 }, outputTokens: { type: 'lognormal', median: 300, p99: 900 }, maxTokens: null, stream: true, priority: 1 },
];

export const c = (value: number) => ({ type: 'constant', value });
export const ln = (median: number, p99: number) => ({ type: 'lognormal', median, p99 });

export function node(id: string, kind: string, name: string, x: number, y: number, params: Json = {}): Json {
  return { id, kind, name, position: { x, y }, params };
}

export function edge(from: string, port: string, to: string): Json {
  return { from, port, to };
}

export function llm(model: string, extra: Json = {}): Json {
  return {
    model,
    systemPromptTokens: 1500,
    maxTokens: 1024,
    ttftMs: ln(450, 1500),
    ttftMsPer1kInputTokens: 20,
    timePerOutputTokenMs: { type: 'lognormal', median: 10, sigma: 0.3 },
    errorProbability: 0.002,
    timeoutMs: 30_000,
    retry: { numRetries: 0 },
    ...extra,
  };
}

export const EMBED = { model: 'text-embedding-3-small', latencyMs: ln(120, 400), errorProbability: 0.001, quota: 'openai' };
export const SEARCH = { index: 'docs_v1', topK: 20, chunkTokens: { type: 'uniformInt', min: 150, max: 250 }, latencyMs: ln(80, 300) };
export const RERANK = { model: 'voyage/rerank-2.5', topN: 5, latencyMs: ln(120, 450), latencyMsPerDocument: 1.5 };
