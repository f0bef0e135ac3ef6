import { formatCount, formatMs, formatShare, type CalibrationReport, type CallObservation, type LognormalFit, type ModelCalibration, type ObservationSet } from '../../../../simulation/index';

/** The fits the table shows and the chart can draw. */
export type FitKey = 'ttftMs' | 'timePerOutputTokenMs' | 'outputTokens';
export const FIT_LABELS: Record<FitKey, string> = { ttftMs: 'TTFT', timePerOutputTokenMs: 'Time per output token', outputTokens: 'Output tokens' };

/** A p-value below this says the sample is unlikely to be lognormal (the usual 5 % level). */
export const POOR_FIT_P = 0.05;

export interface FitCell {
  median: string;
  p99: string;
  sigma: string;
  d: string;
  p: string;
  n: number;
  /** p < 0.05: the lognormal does not describe these data well; the empirical quantiles are safer. */
  poor: boolean;
}

export interface CalibrationRow {
  model: string;
  calls: string;
  failed: number;
  cacheHits: string;
  fits: Record<FitKey, FitCell | null>;
  notes: string[];
}

/** Milliseconds below 100 keep a decimal (time per output token is ~10 ms); above, the app's usual format. */
export function formatFitMs(ms: number): string {
  return ms < 100 ? `${Number(ms.toPrecision(3))} ms` : formatMs(ms);
}

const FORMATS: Record<FitKey, (v: number) => string> = {
  ttftMs: formatFitMs,
  timePerOutputTokenMs: formatFitMs,
  outputTokens: (v) => `${formatCount(v)} tok`,
};

export function pValueText(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

export function fitCell(fit: LognormalFit | null, key: FitKey): FitCell | null {
  if (!fit) return null;
  const fmt = FORMATS[key];
  return { median: fmt(fit.median), p99: fmt(fit.p99), sigma: fit.sigma.toFixed(2), d: fit.ks.d.toFixed(3), p: pValueText(fit.ks.pValue), n: fit.n, poor: fit.ks.pValue < POOR_FIT_P };
}

/**
 * Traces Preflight itself exported (its OTLP resource carries `preflight.simulated`). Fitting them
 * returns the simulation's own assumptions, and the export keeps the slowest requests beside the
 * random sample, which pulls every fit upwards: the dialog says so.
 */
export function isPreflightExport(text: string): boolean {
  return /"key"\s*:\s*"preflight\.simulated"/.test(text);
}

/** "8 calls of gpt-4o-mini (OTLP/JSON traces); 1 record skipped, see below." */
export function calibrationSummary(report: CalibrationReport): string {
  const calls = report.models.reduce((n, m) => n + m.calls, 0);
  const of = report.models.length === 1 ? report.models[0]!.model : `${report.models.length} models`;
  const format = report.format === 'otlp-json' ? 'OTLP/JSON traces' : 'LiteLLM spend logs';
  const skipped = report.skipped.length ? `; ${formatCount(report.skipped.length)} record${report.skipped.length === 1 ? '' : 's'} skipped (reasons below)` : '';
  return `${formatCount(calls)} call${calls === 1 ? '' : 's'} of ${of} (${format})${skipped}. Click a fit to see it against the data.`;
}

export function calibrationRows(models: readonly ModelCalibration[]): CalibrationRow[] {
  return models.map((m) => ({
    model: m.model,
    calls: formatCount(m.calls),
    failed: m.failed,
    cacheHits: formatShare(m.cacheHitShare),
    fits: { ttftMs: fitCell(m.ttftMs, 'ttftMs'), timePerOutputTokenMs: fitCell(m.timePerOutputTokenMs, 'timePerOutputTokenMs'), outputTokens: fitCell(m.outputTokens, 'outputTokens') },
    notes: m.notes,
  }));
}

/**
 * The measured values behind one fit, chosen by the rules `fitCalibration` states (successful calls;
 * TTFT and time per output token only from non-cached calls with a first-token time; positive values).
 * The chart needs the sample itself, which the report does not keep; a test checks the count equals
 * the fit's n, so the two cannot drift apart unnoticed.
 */
export function observedValues(set: ObservationSet, model: string, key: FitKey): number[] {
  const ok = set.observations.filter((o: CallObservation) => o.model === model && o.ok);
  const timed = ok.filter((o) => !o.cacheHit && o.ttftMs !== null);
  const values =
    key === 'ttftMs'
      ? timed.map((o) => o.ttftMs!)
      : key === 'timePerOutputTokenMs'
        ? timed.flatMap((o) => (o.outputTokens !== null && o.outputTokens >= 1 ? [(o.durationMs - o.ttftMs!) / o.outputTokens] : []))
        : ok.flatMap((o) => (o.outputTokens === null ? [] : [o.outputTokens]));
  return values.filter((v) => v > 0 && Number.isFinite(v)).sort((a, b) => a - b);
}

/** Candidate nodes for a calibration: those whose kind has the two parameters calibration sets. */
export interface CalibrationTarget {
  id: string;
  name: string;
  model: string | null;
}

/** "openai/gpt-4o-mini-2024-07-18" → "gpt-4o-mini-2024-07-18" (the provider prefix LiteLLM adds). */
function bareModel(id: string): string {
  return id.toLowerCase().replace(/^[^/]+\//, '');
}

/** 3 = same id, 2 = same without provider prefix, 1 = a dated snapshot of the node's model (or the reverse). */
export function modelMatchScore(nodeModel: string | null, measured: string): number {
  if (!nodeModel) return 0;
  if (nodeModel === measured) return 3;
  const a = bareModel(nodeModel);
  const b = bareModel(measured);
  if (a === b) return 2;
  return a.startsWith(`${b}-`) || b.startsWith(`${a}-`) ? 1 : 0;
}

/** The node whose model matches the measured one best; the first candidate when none matches. */
export function defaultTarget(targets: readonly CalibrationTarget[], measuredModel: string): { id: string | null; matched: boolean } {
  let best: CalibrationTarget | null = null;
  let bestScore = 0;
  for (const t of targets) {
    const score = modelMatchScore(t.model, measuredModel);
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best ? { id: best.id, matched: true } : { id: targets[0]?.id ?? null, matched: false };
}
