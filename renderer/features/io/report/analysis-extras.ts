import type { AppServices } from '../../../app/app-context';
import { analysisStoreFor } from '../../analysis/analysis-registry';
import type { AnalysisState } from '../../analysis/analysis-store';
import type { ReportExtras } from './report-protocol';
import { axisFlagValue, percentFlag } from '../../analysis/whatif/sweep-command';

export interface AvailableExtras {
  extras: ReportExtras;
  /** "maturity ROI of 3 levels, 1 sweep, a tornado": what the report would include. */
  summary: string;
  /** `preflight report` flags that recompute the what-ifs (`--param`, `--tornado`). */
  cliFlags: string[];
  /** What the CLI line cannot recompute from the one file (said next to the command). */
  notReproduced: string[];
}

/**
 * The Analysis workspace's maturity ROI and what-ifs that belong in a report of the document as it is
 * now: finished, and computed from this revision (a result for an earlier state of the pipeline
 * would describe another pipeline). Null when there is none.
 */
export function extrasFromAnalysis(jobs: AnalysisState['jobs'], revision: number): AvailableExtras | null {
  const current = <T>(job: { result: T | null; basis: { revision: number } | null }) => (job.result !== null && job.basis?.revision === revision ? job.result : null);
  const maturity = current(jobs.maturity);
  const sweep = current(jobs.sweep);
  const tornado = current(jobs.tornado);
  const parts: string[] = [];
  if (maturity) parts.push(`maturity ROI of ${maturity.roi.length} levels`);
  if (sweep) parts.push(`a sweep of ${sweep.axes.map((a) => a.path).join(' × ')}`);
  if (tornado) parts.push(`a tornado of ${tornado.bars.length} parameters`);
  if (parts.length === 0) return null;
  const cliFlags: string[] = [];
  const notReproduced: string[] = [];
  if (maturity) notReproduced.push(maturity.source === 'templates' ? "the maturity ROI (its levels are Preflight's level templates, examples/maturity/level-1…5.preflight.json, with the workspace's ROI assumptions)" : 'the maturity ROI (its levels are saved scenarios: pass them as files with --roi)');
  // preflight report: one --param per one-parameter sweep, two --heatmap flags for a two-parameter one.
  const axisFlag = sweep?.axes.length === 1 ? '--param' : '--heatmap';
  // A model axis by its model ids (its values are indices into them), as `preflight report` reads it.
  for (const axis of sweep?.axes ?? []) cliFlags.push(axisFlag, axisFlagValue(axis));
  // A replicated sweep: the same replications per point and confidence (percent without float noise).
  if (sweep && sweep.replications > 1) cliFlags.push('--sweep-replications', String(sweep.replications), '--sweep-confidence', percentFlag(sweep.confidence));
  if (tornado) cliFlags.push('--tornado', tornado.bars.map((b) => b.path).join(','), '--spread', percentFlag(tornado.spread));
  return {
    cliFlags,
    notReproduced,
    extras: {
      roi: maturity
        ? {
            assumptions: maturity.assumptions,
            levels: maturity.roi,
            source: maturity.source === 'templates' ? "Preflight's maturity-level templates 1–5: reference pipelines on their own traffic, not this pipeline" : 'this pipeline and the saved scenarios compared with it in the Analysis workspace',
          }
        : null,
      whatIfs: sweep || tornado ? { sweeps: sweep ? [sweep] : [], tornado: tornado ? { bars: tornado.bars, spread: tornado.spread } : null } : null,
    },
    summary: parts.join(', '),
  };
}

export function analysisExtras(services: AppServices): AvailableExtras | null {
  return extrasFromAnalysis(analysisStoreFor(services).getState().jobs, services.documents.getState().revision);
}
