import { headlineCsv, nodesCsv, seriesCsv, tracesToOtlpJson, type Catalog, type ReplicatedResults, type RunResults } from '../../../simulation/index';
import { dataFileName, type DataExportKind } from './file-names';

/** Where data exports come from: the latest run, or the replications of the latest launch report. */
export interface DataSource {
  results: RunResults;
  replicated: ReplicatedResults | null;
  /** The results were computed from an earlier state of the document. */
  stale: boolean;
}

export interface ExportFile {
  suggestedName: string;
  data: string;
  mime: string;
  extensions: string[];
}

export const DATA_EXPORTS: ReadonlyArray<{ kind: DataExportKind; label: string; detail: string }> = [
  { kind: 'headline-csv', label: 'Headline figures (CSV)', detail: 'one row per figure' },
  { kind: 'nodes-csv', label: 'Per-node figures (CSV)', detail: 'traffic, failures, latency, cost per node' },
  { kind: 'series-csv', label: 'Per-minute series (CSV)', detail: 'arrivals, errors, latency, cost, quota use' },
  { kind: 'results-json', label: 'Results (JSON)', detail: 'everything, as preflight run --json' },
  { kind: 'otlp-json', label: 'Sampled traces (OTLP/JSON)', detail: 'for an OpenTelemetry collector or Jaeger' },
];

/** What the export menu says about its source, e.g. "From the launch report: 5 replications, seed 1". */
export function sourceLabel(source: DataSource): string {
  const r = source.results.run;
  const what = source.replicated ? `the launch report's ${source.replicated.seeds.length} replications (intervals in the headline CSV)` : `the latest run (seed ${r.seed})`;
  return `From ${what}${source.stale ? ', made before your latest edits' : ''}`;
}

export interface ExportContext {
  stem: string;
  appVersion: string;
  /** Wall-clock time of simulated time 0 in the OTLP export (the simulation has no clock). */
  now: Date;
  catalog: Catalog;
}

/**
 * The file of one data export. Figures are the simulation's own CSV/JSON writers (the CLI's
 * `report --csv`), so a spreadsheet made from the app and one made from the CLI agree.
 */
export function dataExportFile(kind: DataExportKind, source: DataSource, ctx: ExportContext): ExportFile {
  const { results, replicated } = source;
  const name = dataFileName(ctx.stem, kind, results.run.seed, replicated ? replicated.seeds.length : null);
  const csv = (data: string): ExportFile => ({ suggestedName: name, data, mime: 'text/csv', extensions: ['csv'] });
  switch (kind) {
    case 'headline-csv':
      return csv(headlineCsv(results, replicated));
    case 'nodes-csv':
      return csv(nodesCsv(results));
    case 'series-csv':
      return csv(seriesCsv(results));
    case 'results-json':
      // One run: exactly `preflight run --json`. Replicated: what `preflight report --csv` writes.
      return { suggestedName: name, data: `${JSON.stringify(replicated ? { results, replicated } : results, null, 2)}\n`, mime: 'application/json', extensions: ['json'] };
    case 'otlp-json': {
      if (results.traces.length === 0) {
        throw new Error('this run kept no sampled traces: raise the trace sample rate (Pipeline tab → Run settings) and run again');
      }
      const otlp = tracesToOtlpJson(results, {
        startTimeUnixNano: BigInt(ctx.now.getTime()) * 1_000_000n,
        serviceName: results.pipeline.name,
        preflightVersion: ctx.appVersion,
        catalog: ctx.catalog,
      });
      return { suggestedName: name, data: `${JSON.stringify(otlp)}\n`, mime: 'application/json', extensions: ['json'] };
    }
  }
}
