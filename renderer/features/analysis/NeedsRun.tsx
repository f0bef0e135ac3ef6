import type { ReactNode } from 'react';
import type { RunResults } from '../../../simulation/index';
import { useDocument, useRun, useValidation } from '../../app/app-context';
import { Icon } from '../../app/icons';
import { useAnalysisServices } from './analysis-context';

/**
 * Tools that read one run (capacity, budget, dashboards) show the last run's figures, say when the
 * pipeline changed since, and offer to run it without leaving the workspace.
 */
export function NeedsRun({ what, children }: { what: string; children: (results: RunResults) => ReactNode }) {
  const { actions } = useAnalysisServices();
  const results = useRun((s) => s.results);
  const status = useRun((s) => s.status);
  const stale = useRun((s) => s.resultsRevision) !== useDocument((s) => s.revision);
  const errors = useValidation((s) => s.validation.errorCount);
  const running = status === 'running';
  const button = (
    <button className="btn" onClick={actions.runPipeline} disabled={running || errors > 0} title={errors > 0 ? 'Fix the problems in the editor first' : 'Run with the document’s seed and horizon'}>
      <Icon name="play" size={14} /> {running ? 'Running…' : results ? 'Run again' : 'Run the pipeline'}
    </button>
  );
  if (!results) {
    return (
      <div className="analysis-empty">
        <p className="muted">{what} come from a run of the pipeline.</p>
        {button}
      </div>
    );
  }
  return (
    <>
      <div className="run-basis muted num">
        <span>
          From run of <b>{results.pipeline.name}</b> · seed {results.run.seed} · {results.run.requestsMeasured.toLocaleString('en-US')} measured requests
        </span>
        {stale && <span className="badge warning">The pipeline changed since this run</span>}
        {(stale || running) && button}
      </div>
      {children(results)}
    </>
  );
}
