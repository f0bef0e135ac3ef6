import type { Explanation } from '../../../simulation/index';

/** How a figure reads against what is wanted: the colours of the headline cards. */
export type Tone = 'pass' | 'near' | 'fail' | 'none';

/** One figure of a results section: its formatted value and where it comes from (the "?" pattern). */
export interface Figure {
  key: string;
  label: string;
  value: string;
  /** A second line under the value (the counts behind a share, a comparison). */
  sub: string | null;
  tone: Tone;
  explanation: Explanation;
}

/** Minutes of simulated time as the timelines label them: "min 20" or "min 20.5". */
export function minuteLabel(ms: number): string {
  return `min ${Number((ms / 60_000).toFixed(1))}`;
}
