import { DEFAULT_TARGET_UTILISATION, formatCount, formatDurationMs, formatMs, formatTokens, monthlyTokenCapacity, formatShare, type Explanation, type RunResults } from '../../../../simulation/index';

type Quota = RunResults['quotas'][number];
type Dimension = 'rpm' | 'tpm' | 'itpm' | 'otpm' | 'concurrency';

const DIMENSIONS: Array<{ key: Dimension; label: string; limit: (q: Quota) => number | null; unit: string }> = [
  { key: 'rpm', label: 'RPM', limit: (q) => q.limits.rpm, unit: 'requests/min' },
  { key: 'tpm', label: 'TPM', limit: (q) => q.limits.tpm, unit: 'tokens/min' },
  { key: 'itpm', label: 'Input TPM', limit: (q) => q.limits.itpm, unit: 'tokens/min' },
  { key: 'otpm', label: 'Output TPM', limit: (q) => q.limits.otpm, unit: 'tokens/min' },
  { key: 'concurrency', label: 'Concurrency', limit: (q) => q.limits.maxParallelRequests, unit: 'requests' },
];

export interface HeadroomRow {
  quota: string;
  dimension: string;
  limit: string;
  mean: number;
  peak: number;
  headroom: number;
  minutesOver70: number;
  longestRunOver70: number;
  first429: string;
  /** The guide's scaling trigger: above 70 % for 15 minutes in a row. */
  trigger: boolean;
}

/** One row per quota and limited dimension: mean and peak 1-minute utilisation, headroom = 1 − peak. */
export function headroomRows(r: RunResults): HeadroomRow[] {
  return r.quotas.flatMap((q) =>
    DIMENSIONS.flatMap((d) => {
      const f = q.utilisation[d.key];
      const limit = d.limit(q);
      if (!f || limit === null) return [];
      return [{ quota: q.id, dimension: d.label, limit: `${formatCount(limit)} ${d.unit}`, mean: f.mean, peak: f.peak, headroom: 1 - f.peak, minutesOver70: f.minutesOver70, longestRunOver70: f.longestRunOver70, first429: q.first429Ms === null ? '—' : `at ${formatDurationMs(q.first429Ms)}`, trigger: f.longestRunOver70 >= 15 }];
    }),
  );
}

export interface MonthlyCapacity {
  quota: string;
  tokensPerMinute: number;
  tokens: number;
  tokensPerQuery: number;
  queries: number | null;
  /** Simulated queries a month ÷ the queries the limit carries at 70 %. */
  used: number | null;
  explanation: Explanation;
}

/** The guide's capacity model for every quota with a token limit (results carry the figures; this explains them). */
export function monthlyCapacities(r: RunResults): MonthlyCapacity[] {
  const perTpm = monthlyTokenCapacity(1);
  const minutes = monthlyTokenCapacity(1, 1);
  return r.quotas.flatMap((q) => {
    if (q.monthlyTokenCapacity === null) return [];
    const tpm = q.monthlyTokenCapacity / perTpm;
    const queries = q.monthlyQueryCapacity;
    const used = queries ? r.cost.monthlyQueries / queries : null;
    const pct = Math.round(DEFAULT_TARGET_UTILISATION * 100);
    return [
      {
        quota: q.id,
        tokensPerMinute: tpm,
        tokens: q.monthlyTokenCapacity,
        tokensPerQuery: q.tokensPerQuery,
        queries,
        used,
        explanation: {
          title: `Monthly capacity of quota ${q.id}`,
          formula: `${formatCount(tpm)} TPM × ${formatCount(minutes)} min × ${DEFAULT_TARGET_UTILISATION} = ${formatTokens(q.monthlyTokenCapacity)} tokens${queries !== null ? `; ÷ ${formatCount(q.tokensPerQuery)} tokens per query through quota ${q.id} = ${formatTokens(queries)} queries` : ''}`,
          details: [
            `${formatCount(minutes)} minutes = a 30-day month; ${pct} % is the guide's target utilisation (room for peaks)`,
            `tokens per query through quota ${q.id}: what the calls it limits counted against it per measured query in the run (${formatCount(q.tokensPerQuery)}); fewer than the billed tokens of Budget & chargeback, which count every call (rerank included)`,
            used !== null ? `the simulated traffic needs ${formatTokens(r.cost.monthlyQueries)} queries a month: ${formatShare(used)} of this capacity` : '',
            q.admission !== 'openai' ? 'input and output limits are added (Anthropic-style limits)' : '',
          ],
        },
      },
    ];
  });
}

export interface Trigger {
  rule: string;
  action: string;
  fired: boolean;
  detail: string;
}

/** Mean of the non-empty buckets of a series between two bucket indexes. */
function meanOf(values: ReadonlyArray<number | null>, from: number, to: number): number | null {
  const xs = values.slice(from, to).filter((v): v is number => v !== null);
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;
}

/** The guide's three scaling triggers, evaluated on the run. */
export function scalingTriggers(r: RunResults): Trigger[] {
  const sustained = r.quotas.filter((q) => Object.entries(q.utilisation).some(([k, f]) => k !== 'reservedPeak' && f !== null && typeof f === 'object' && f.longestRunOver70 >= 15));
  const s = r.series;
  const first = Math.ceil(s.warmupEndMs / s.bucketMs);
  const last = Math.min(s.points, Math.ceil(s.arrivalsEndMs / s.bucketMs));
  const quarter = Math.max(1, Math.floor((last - first) / 4));
  const early = meanOf(s.latencyP99Ms, first, first + quarter);
  const late = meanOf(s.latencyP99Ms, last - quarter, last);
  const rising = early !== null && late !== null && late > early * 1.2;
  const limited = r.quotas.reduce((n, q) => n + q.rateLimited, 0);
  const first429 = r.quotas.map((q) => q.first429Ms).filter((t): t is number => t !== null).sort((a, b) => a - b)[0];
  return [
    {
      rule: 'Utilisation > 70 % sustained',
      action: 'Plan an upgrade',
      fired: sustained.length > 0,
      detail: sustained.length ? `${sustained.map((q) => q.id).join(', ')} above 70 % for 15+ minutes in a row` : `no quota above 70 % for 15 minutes in a row (highest peak ${formatShare(r.headline.peakQuotaUtilisation)})`,
    },
    {
      rule: 'P99 latency increasing',
      action: 'Add capacity',
      fired: rising,
      detail: early !== null && late !== null ? `per-minute P99 averages ${formatMs(early)} in the first quarter of the measured window and ${formatMs(late)} in the last${rising ? ' (up more than 20 %)' : ''}` : 'not enough served requests per minute to tell',
    },
    {
      rule: 'Error rate from rate limits',
      action: 'Increase limits or add keys',
      fired: limited > 0,
      detail: limited > 0 ? `${formatCount(limited)} requests got a 429; the first at ${formatDurationMs(first429 ?? 0)} of simulated time` : 'no 429s in the run',
    },
  ];
}
