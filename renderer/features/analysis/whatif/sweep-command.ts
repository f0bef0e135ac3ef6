import type { SweepAxis, SweepResult } from '../../../../simulation/index';
import { shellWord } from '../../io/file-names';

/**
 * One axis as `--param` takes it: PATH=v1,v2,… with the model ids of a categorical axis (its values
 * are indices into them) and the stored numbers of a numeric one (prices per token, as the file has them).
 */
export function axisFlagValue(axis: Pick<SweepAxis, 'path' | 'values' | 'labels'>): string {
  const values = axis.labels ? axis.values.map((v) => axis.labels![v] ?? String(v)) : axis.values.map(String);
  return `${axis.path}=${values.join(',')}`;
}

/** A share as the CLI takes a percentage (--confidence, --spread), without float noise: 0.9 → "90%". */
export const percentFlag = (share: number) => `${Number((share * 100).toPrecision(6))}%`;

/**
 * The `preflight sweep` line that gives the same points from the saved file: one --param per axis,
 * --replications when replicated, --confidence when not the CLI's 95 %.
 */
export function sweepCommand(fileName: string, result: Pick<SweepResult, 'axes' | 'replications' | 'confidence'>): string {
  const words = ['npx', 'preflight', 'sweep', shellWord(fileName)];
  for (const axis of result.axes) words.push('--param', shellWord(axisFlagValue(axis)));
  if (result.replications > 1) {
    words.push('--replications', String(result.replications));
    if (result.confidence !== 0.95) words.push('--confidence', percentFlag(result.confidence));
  }
  return words.join(' ');
}
