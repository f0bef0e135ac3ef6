import { LOAD_SEARCH_MAX_REPLICATIONS } from '../../../workers/analysis-protocol';

const percent = (confidence: number) => `${Number((confidence * 100).toFixed(1))} %`;

/**
 * The max-load search's "Replications per point" field: whole runs, 1 (one seed, today's search) up
 * to the most the worker accepts, so a value the worker would refuse is refused at the field first.
 */
export const LOAD_REPLICATIONS_FIELD = { label: 'Replications per point', integer: true, min: 1, max: LOAD_SEARCH_MAX_REPLICATIONS } as const;

/** What the value means, under the field: the seeds and the interval's confidence (the Confidence tool's). */
export function loadReplicationsHint(replications: number, confidence: number): string {
  return replications > 1 ? `the same ${replications} seeds at every load · ${percent(confidence)} interval (Confidence's setting)` : 'one seed per load (common random numbers): no interval';
}

/**
 * The CLI line that runs the same search: `--replications` only when replicated (the CLI takes 2 or
 * more), `--confidence` only when not the CLI's default 95 %.
 */
export function capacityCommand(replications: number, confidence: number): string {
  if (replications <= 1) return 'preflight capacity';
  return `preflight capacity --replications ${replications}${confidence === 0.95 ? '' : ` --confidence ${Number((confidence * 100).toFixed(1))}%`}`;
}
