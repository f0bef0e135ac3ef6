import type { AppServices } from '../../../app/app-context';
import { analysisStoreFor } from '../../analysis/analysis-registry';
import type { AnalysisState } from '../../analysis/analysis-store';
import type { ReportExtras } from './report-protocol';

export interface AvailableExtras {
  extras: ReportExtras;
  /** "maturity ROI of 3 levels, 1 sweep, a tornado": what the report would include. */
  summary: string;
  /** `preflight report` flags that recompute the what-ifs (`--param`, `--tornado`). */
  cliFlags: string[];
  /** What the CLI line cannot recompute from the one file (said next to the command). */
  notReproduced: string[];
}

/** The CLI's tornado spreads every parameter by ±20 %. */
const CLI_TORNADO_SPREAD = 0.2;

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
  if (maturity) notReproduced.push('the maturity ROI (its levels are saved scenarios: pass them as files with --roi)');
  if (sweep && sweep.axes.length === 1) cliFlags.push('--param', `${sweep.axes[0]!.path}=${sweep.axes[0]!.values.join(',')}`);
  else if (sweep) notReproduced.push('the two-parameter sweep (the CLI sweeps one parameter per --param)');
  if (tornado && Math.abs(tornado.spread - CLI_TORNADO_SPREAD) < 1e-9) cliFlags.push('--tornado', tornado.bars.map((b) => b.path).join(','));
  else if (tornado) notReproduced.push(`the tornado at ±${Math.round(tornado.spread * 100)} % (the CLI's is ±20 %)`);
  return {
    cliFlags,
    notReproduced,
    extras: {
      roi: maturity ? { assumptions: maturity.assumptions, levels: maturity.roi } : null,
      whatIfs: sweep || tornado ? { sweeps: sweep ? [sweep] : [], tornado: tornado ? { bars: tornado.bars } : null } : null,
    },
    summary: parts.join(', '),
  };
}

export function analysisExtras(services: AppServices): AvailableExtras | null {
  return extrasFromAnalysis(analysisStoreFor(services).getState().jobs, services.documents.getState().revision);
}
