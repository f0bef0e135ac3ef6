import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { HeadlineKey, RunResults } from '../../../simulation/index';
import { useRun, useServices } from '../../app/app-context';
import { analysisStoreFor } from './analysis-registry';
import type { AnalysisState } from './analysis-store';
import { compactInterval, confidenceText } from './format';

export interface CardInterval {
  /** "7.67 s ± 120 ms": the mean of the replications ± half-width, as precise as the card's figure. */
  text: string;
  /** Its two halves, "7.67 s" and "± 120 ms", so a narrow card breaks the line between them, never inside a figure. */
  mean: string;
  pm: string;
  /** "95 % CI, n = 5". */
  confidence: string;
}

/**
 * The replications' intervals for the Results headline cards, when they were computed for the very
 * document and seed of the run shown (same revision, same seed; replication 0 is that run).
 */
export function headlineIntervals(job: AnalysisState['jobs']['replications'], resultsRevision: number | null, results: RunResults): Partial<Record<HeadlineKey, CardInterval>> | null {
  if (job.status === 'running' || !job.result || !job.basis) return null;
  if (job.basis.revision !== resultsRevision || job.basis.seed !== results.run.seed) return null;
  const out: Partial<Record<HeadlineKey, CardInterval>> = {};
  for (const [key, iv] of Object.entries(job.result.replicated.headline)) {
    if (!iv) continue;
    const { mean, pm } = compactInterval(key, iv);
    out[key as HeadlineKey] = { text: `${mean} ${pm}`, mean, pm, confidence: confidenceText(iv) };
  }
  return out;
}

export function useHeadlineIntervals(results: RunResults): Partial<Record<HeadlineKey, CardInterval>> | null {
  const job = useStore(analysisStoreFor(useServices()), (s) => s.jobs.replications);
  const resultsRevision = useRun((s) => s.resultsRevision);
  return useMemo(() => headlineIntervals(job, resultsRevision, results), [job, resultsRevision, results]);
}
