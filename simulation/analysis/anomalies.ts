import type { RunResults } from '../results/types';
import { hourlySpend } from './alerts';

export interface AnomalyFinding {
  rule: 'sudden-spike' | 'gradual-increase' | 'model-cost-shift' | 'cache-miss-spike';
  /** The guide's detection rule. */
  detection: string;
  response: string;
  /** Whether the run could evaluate it (gradual trends need two weeks). */
  evaluated: boolean;
  fired: boolean;
  firstAtMs: number | null;
  detail: string;
}

/**
 * The guide's cost anomaly rules on a run's series:
 *   sudden spike      hourly spend > 3× average        → investigate immediately
 *   gradual increase  weekly trend > 20 % growth        → review in planning
 *   model cost shift  expensive model usage up          → check routing logic
 *   cache miss spike  hit rate drops > 20 %             → check cache health
 */
export function costAnomalies(r: RunResults, premiumNodes: string[]): AnomalyFinding[] {
  const hours = hourlySpend(r);
  const mean = hours.length ? hours.reduce((s, h) => s + h.usd, 0) / hours.length : 0;
  const spikes = hours.filter((h) => mean > 0 && h.usd > 3 * mean);
  const s = r.series;
  const weekMs = 7 * 86_400_000;
  const measuredMs = s.arrivalsEndMs - s.warmupEndMs;
  const findings: AnomalyFinding[] = [
    {
      rule: 'sudden-spike',
      detection: 'Hourly spend > 3× average',
      response: 'Investigate immediately',
      evaluated: hours.length >= 2,
      fired: spikes.length > 0,
      firstAtMs: spikes[0]?.startMs ?? null,
      detail: spikes.length ? `${spikes.length} hour(s) above 3 × the average $${mean.toFixed(2)}/h (highest $${Math.max(...spikes.map((x) => x.usd)).toFixed(2)})` : hours.length >= 2 ? `highest hour $${Math.max(...hours.map((h) => h.usd)).toFixed(2)} against an average $${mean.toFixed(2)}` : 'needs at least two whole hours of measured time',
    },
  ];
  if (measuredMs >= 2 * weekMs && hours.length > 0) {
    const perWeek = Math.round(weekMs / 3_600_000);
    const weeks: number[] = [];
    for (let i = 0; i + perWeek <= hours.length; i += perWeek) weeks.push(hours.slice(i, i + perWeek).reduce((a, h) => a + h.usd, 0));
    const growth = weeks.length >= 2 ? weeks[weeks.length - 1]! / weeks[weeks.length - 2]! - 1 : 0;
    findings.push({ rule: 'gradual-increase', detection: 'Weekly trend > 20 % growth', response: 'Review in planning', evaluated: true, fired: growth > 0.2, firstAtMs: null, detail: `last week ${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} % on the week before` });
  } else {
    findings.push({ rule: 'gradual-increase', detection: 'Weekly trend > 20 % growth', response: 'Review in planning', evaluated: false, fired: false, firstAtMs: null, detail: 'needs two weeks of simulated time; see the 12-month projection for growth' });
  }
  findings.push(modelShift(r, premiumNodes));
  findings.push(cacheMissSpike(r));
  return findings;
}

function modelShift(r: RunResults, premiumNodes: string[]): AnomalyFinding {
  const base = { rule: 'model-cost-shift' as const, detection: 'Expensive model usage up', response: 'Check routing logic' };
  const s = r.series;
  const premium = premiumNodes.map((id) => s.nodeCostUsd[id]).filter((x): x is number[] => !!x);
  if (!premium.length) return { ...base, evaluated: false, fired: false, firstAtMs: null, detail: 'no model tiering in the pipeline (one chat-model price): no shift between models to watch' };
  const share = (i: number) => (s.costUsd[i]! > 0 ? premium.reduce((a, p) => a + (p[i] ?? 0), 0) / s.costUsd[i]! : 0);
  const first = Math.ceil(s.warmupEndMs / s.bucketMs);
  const last = Math.ceil(s.arrivalsEndMs / s.bucketMs) - 1;
  let total = 0;
  let n = 0;
  for (let i = first; i <= last; i++) {
    if (s.costUsd[i]! <= 0) continue;
    total += share(i);
    n++;
  }
  const mean = n ? total / n : 0;
  for (let i = first; i <= last; i++) {
    if (share(i) > Math.min(0.99, mean * 1.5) && share(i) - mean > 0.1) {
      return { ...base, evaluated: true, fired: true, firstAtMs: i * s.bucketMs, detail: `premium models took ${(share(i) * 100).toFixed(0)} % of spend against ${(mean * 100).toFixed(0)} % on average` };
    }
  }
  return { ...base, evaluated: true, fired: false, firstAtMs: null, detail: `premium models take ${(mean * 100).toFixed(0)} % of spend, steady` };
}

function cacheMissSpike(r: RunResults): AnomalyFinding {
  const base = { rule: 'cache-miss-spike' as const, detection: 'Hit rate drops > 20 %', response: 'Check cache health' };
  const s = r.series;
  if (r.caches.length === 0) return { ...base, evaluated: false, fired: false, firstAtMs: null, detail: 'no cache in the pipeline' };
  const first = Math.ceil(s.warmupEndMs / s.bucketMs);
  const last = Math.ceil(s.arrivalsEndMs / s.bucketMs) - 1;
  const window = Math.max(1, Math.round(600_000 / s.bucketMs));
  const rate = (from: number, to: number) => {
    let hits = 0;
    let arrivals = 0;
    for (let i = from; i < to; i++) {
      hits += s.cacheHits[i] ?? 0;
      arrivals += s.arrivals[i] ?? 0;
    }
    return arrivals > 0 ? hits / arrivals : 0;
  };
  for (let i = first + window; i + window <= last + 1; i += window) {
    const before = rate(i - window, i);
    const now = rate(i, i + window);
    if (before > 0.05 && now < before * 0.8) {
      return { ...base, evaluated: true, fired: true, firstAtMs: i * s.bucketMs, detail: `hit rate fell from ${(before * 100).toFixed(1)} % to ${(now * 100).toFixed(1)} % in ${Math.round((window * s.bucketMs) / 60_000)} minutes` };
    }
  }
  return { ...base, evaluated: true, fired: false, firstAtMs: null, detail: 'hit rate steady' };
}
