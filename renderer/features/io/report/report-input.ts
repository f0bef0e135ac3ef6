import type { Catalog, LoadSearchResult, PipelineDocument, ReplicatedResults, ReportInput } from '../../../../simulation/index';
import { reportCommand, reportFileName } from '../file-names';
import type { ReportExtras } from './report-protocol';

export interface ReportPlan {
  replications: number;
  /** Include the max sustainable load search. */
  capacity: boolean;
  /** Include the Analysis workspace's maturity ROI and what-ifs, when it has some. */
  analysis: boolean;
  format: 'html' | 'pdf';
}

export const DEFAULT_REPORT_PLAN: ReportPlan = { replications: 5, capacity: true, analysis: true, format: 'html' };

/**
 * The report's reproducibility footer. The hash is of the document text exactly as Save writes it,
 * so `sha256sum` of the saved file shows the same value; the command is the CLI line that makes the
 * same figures from that file.
 */
export function reportMeta(args: { appVersion: string; fileName: string; stem: string; documentText: string; hash: (text: string) => string; now: Date; plan: ReportPlan; cliFlags?: readonly string[] }): ReportInput['meta'] {
  return {
    appVersion: args.appVersion,
    fileHash: args.hash(args.documentText),
    fileName: args.fileName,
    generatedAt: args.now.toISOString(),
    command: reportCommand(args.fileName, reportFileName(args.stem, args.plan.format), args.plan, args.cliFlags),
  };
}

/** ROI and what-ifs go into the report only when asked for and present; an empty what-if set is none. */
export function reportExtras(plan: ReportPlan, available: ReportExtras | null): ReportExtras {
  if (!plan.analysis || !available) return { roi: null, whatIfs: null };
  const whatIfs = available.whatIfs && (available.whatIfs.sweeps.length > 0 || available.whatIfs.tornado) ? available.whatIfs : null;
  return { roi: available.roi, whatIfs };
}

/** Everything `reportHtml` needs, from the worker's computations (the first replication gives the charts). */
export function buildReportInput(args: { doc: PipelineDocument; catalog: Catalog; replicated: ReplicatedResults; capacity: LoadSearchResult | null; extras: ReportExtras; meta: ReportInput['meta'] }): ReportInput {
  return {
    doc: args.doc,
    catalog: args.catalog,
    results: args.replicated.representative,
    replicated: args.replicated,
    capacity: args.capacity,
    roi: args.extras.roi,
    whatIfs: args.extras.whatIfs,
    meta: args.meta,
  };
}
