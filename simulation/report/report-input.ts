import type { Catalog } from '../catalog/catalog';
import type { LoadSearchResult } from '../analysis/load-search';
import type { LevelRoiWithIntervals, RoiAssumptions } from '../analysis/roi';
import type { ReplicatedResults } from '../analysis/replications';
import type { SweepResult, TornadoBar } from '../analysis/sweep';
import type { PipelineDocument } from '../model/document-schema';
import type { RunResults } from '../results/types';

/** Everything a launch report shows. Clocks and hashes are passed in: simulation/ reads no wall clock. */
export interface ReportInput {
  doc: PipelineDocument;
  catalog: Catalog;
  /** The run the figures come from (with replications: the first replication, for charts). */
  results: RunResults;
  replicated: ReplicatedResults | null;
  capacity: LoadSearchResult | null;
  /** `source`: what the levels are, in words (templates, saved scenarios, files): they may not be this pipeline. */
  roi: { assumptions: RoiAssumptions; levels: LevelRoiWithIntervals[]; source: string } | null;
  whatIfs: { sweeps: SweepResult[]; tornado: { bars: TornadoBar[]; spread: number } | null } | null;
  meta: {
    appVersion: string;
    /** SHA-256 of the pipeline file as read. */
    fileHash: string;
    fileName: string;
    /** ISO 8601 time the report was made (passed in). */
    generatedAt: string;
    /** How to reproduce the figures (a CLI command line). */
    command: string;
  };
}
