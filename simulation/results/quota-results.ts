import type { QuotaRuntime } from '../engine/quota';
import type { GrowableArray } from '../metrics/growable-array';
import { monthlyQueryCapacity, monthlyTokenCapacity } from '../analysis/capacity';
import type { MeasuredLoad, QuotaResult, UtilisationFigure } from './types';

const MINUTE_MS = 60_000;

/** The minutes whose usage counts: whole minutes inside [fromMs, toMs), or the one partial minute. */
export function measuredMinutes(fromMs: number, toMs: number): { first: number; last: number; scale: number } {
  const first = Math.ceil(fromMs / MINUTE_MS);
  const last = Math.floor(toMs / MINUTE_MS) - 1;
  if (last >= first) return { first, last, scale: 1 };
  const m = Math.floor(fromMs / MINUTE_MS);
  const span = Math.max(1, Math.min(toMs, (m + 1) * MINUTE_MS) - fromMs);
  return { first: m, last: m, scale: MINUTE_MS / span };
}

function figure(values: GrowableArray, limit: number | null, first: number, last: number, scale: number): UtilisationFigure | null {
  if (limit === null) return null;
  let sum = 0;
  let peak = 0;
  let over = 0;
  let run = 0;
  let longest = 0;
  for (let m = first; m <= last; m++) {
    const u = (values.get(m) * scale) / limit;
    sum += u;
    if (u > peak) peak = u;
    if (u > 0.7) {
      over++;
      run++;
      if (run > longest) longest = run;
    } else run = 0;
  }
  const n = last - first + 1;
  return { mean: n > 0 ? sum / n : 0, peak, minutesOver70: over, longestRunOver70: longest };
}

/** `tokensPerQuery`: tokens a measured query sends through this quota's nodes (from the cost ledger). */
export function quotaResult(q: QuotaRuntime, fromMs: number, toMs: number, tokensPerQuery: number): QuotaResult {
  const s = q.spec;
  const { first, last, scale } = measuredMinutes(fromMs, toMs);
  const pm = q.perMinute;
  const slots = s.maxParallelRequests;
  const concurrency = slots === null ? null : figure(pm.slotArea, slots * MINUTE_MS, first, last, scale);
  const utilisation = {
    rpm: figure(pm.requests, s.rpm, first, last, scale),
    tpm: s.admission === 'openai' ? figure(pm.tokens, s.tpm, first, last, scale) : null,
    itpm: s.admission === 'anthropic' ? figure(pm.inputTokens, s.itpm, first, last, scale) : null,
    otpm: s.admission === 'anthropic' ? figure(pm.outputTokens, s.otpm, first, last, scale) : null,
    concurrency,
    reservedPeak: null as number | null,
  };
  const reserveLimit = s.admission === 'openai' ? s.tpm : s.otpm;
  if (reserveLimit !== null) {
    let peak = 0;
    for (let m = first; m <= last; m++) peak = Math.max(peak, pm.reservedPeak.get(m) / reserveLimit);
    utilisation.reservedPeak = peak;
  }
  const peaks = [utilisation.rpm, utilisation.tpm, utilisation.itpm, utilisation.otpm, utilisation.concurrency].filter((f): f is UtilisationFigure => f !== null).map((f) => f.peak);
  const peakUtilisation = peaks.length ? Math.max(...peaks) : 0;
  let queueArea = 0;
  let tokens = 0;
  for (let m = first; m <= last; m++) {
    queueArea += pm.queueArea.get(m);
    tokens += pm.tokens.get(m) * scale;
  }
  const minutes = last - first + 1;
  const waits = q.queueWaitMs;
  const tpmLimit = s.admission === 'openai' ? s.tpm : s.itpm !== null && s.otpm !== null ? s.itpm + s.otpm : null;
  return {
    id: s.id,
    name: s.name,
    admission: s.admission,
    window: s.window,
    limits: { rpm: s.rpm, tpm: s.tpm, itpm: s.itpm, otpm: s.otpm, maxParallelRequests: s.maxParallelRequests, maxQueueLength: s.maxQueueLength },
    utilisation,
    peakUtilisation,
    headroom: 1 - peakUtilisation,
    queueWaitMs: q.queueWaitMs.summary(),
    meanQueueLength: minutes > 0 ? (queueArea * scale) / (minutes * MINUTE_MS) : 0,
    maxQueueLength: q.maxQueueSeen,
    maxInUse: q.maxInUseSeen,
    rateLimited: q.rateLimitedCounted,
    queueFullRejections: q.rejectedQueueFullCounted,
    first429Ms: q.first429Ms >= 0 ? q.first429Ms : null,
    waitedShare: waits.count > 0 ? 1 - waits.zeroCount / waits.count : 0,
    meanTokensPerMinute: minutes > 0 ? tokens / minutes : 0,
    tokensPerQuery,
    monthlyTokenCapacity: tpmLimit !== null ? monthlyTokenCapacity(tpmLimit) : null,
    monthlyQueryCapacity: tpmLimit !== null && tokensPerQuery > 0 ? monthlyQueryCapacity(tpmLimit, tokensPerQuery) : null,
  };
}

/** Measured concurrency load and whether the wait queue kept growing through the measured window. */
export function measuredLoad(q: QuotaRuntime, fromMs: number, toMs: number): MeasuredLoad | null {
  const slots = q.spec.maxParallelRequests;
  if (slots === null) return null;
  const { first, last, scale } = measuredMinutes(fromMs, toMs);
  let area = 0;
  for (let m = first; m <= last; m++) area += q.perMinute.slotArea.get(m) * scale;
  const minutes = last - first + 1;
  const quarter = Math.max(1, Math.floor(minutes / 4));
  let early = 0;
  let late = 0;
  for (let m = first; m < first + quarter; m++) early += q.perMinute.queueArea.get(m);
  for (let m = last - quarter + 1; m <= last; m++) late += q.perMinute.queueArea.get(m);
  const lateMean = late / (quarter * MINUTE_MS);
  const earlyMean = early / (quarter * MINUTE_MS);
  return {
    quotaId: q.spec.id,
    dimension: 'concurrency',
    utilisation: area / (minutes * MINUTE_MS * slots),
    queueGrowing: minutes >= 4 && lateMean > 5 && lateMean > 2 * earlyMean,
  };
}

/** Per-series-bucket utilisation (highest dimension), busy slots, queue length and 429s of a quota. */
export function quotaSeries(q: QuotaRuntime, bucketMs: number, points: number) {
  const per = Math.max(1, Math.round(bucketMs / MINUTE_MS));
  const s = q.spec;
  const pm = q.perMinute;
  const utilisation: number[] = [];
  const concurrency: number[] = [];
  const queueLength: number[] = [];
  const rateLimited: number[] = [];
  for (let b = 0; b < points; b++) {
    let u = 0;
    let slotArea = 0;
    let queueArea = 0;
    let limited = 0;
    for (let k = 0; k < per; k++) {
      const m = b * per + k;
      const dims = [
        s.rpm !== null ? pm.requests.get(m) / s.rpm : 0,
        s.tpm !== null ? pm.tokens.get(m) / s.tpm : 0,
        s.itpm !== null ? pm.inputTokens.get(m) / s.itpm : 0,
        s.otpm !== null ? pm.outputTokens.get(m) / s.otpm : 0,
        s.maxParallelRequests !== null ? pm.slotArea.get(m) / (MINUTE_MS * s.maxParallelRequests) : 0,
      ];
      u += Math.max(...dims);
      slotArea += pm.slotArea.get(m);
      queueArea += pm.queueArea.get(m);
      limited += pm.rateLimited.get(m);
    }
    utilisation.push(u / per);
    concurrency.push(slotArea / (per * MINUTE_MS));
    queueLength.push(queueArea / (per * MINUTE_MS));
    rateLimited.push(limited);
  }
  return { utilisation, concurrency, queueLength, rateLimited };
}
