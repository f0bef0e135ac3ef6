import { formatCount, formatDurationMs, formatMs, formatPercent } from '../../../simulation/index';
import { CHART } from '../../charts/options/palette';
import { useActions, useDocument, useRun, useValidation } from '../../app/app-context';
import { Icon } from '../../app/icons';
import { ErrorSeries, LatencyHistogram, LatencySeries } from './Charts';
import { ClassBreakdown } from './ClassBreakdown';
import { CostBreakdown } from './CostBreakdown';
import { HeadlineCards } from './HeadlineCards';
import { NodeBreakdown } from './NodeBreakdown';
import { QuotaTable } from './QuotaTable';
import { RunHistory } from './RunHistory';
import { RunNotes, SloChecks, StabilityBanner } from './RunNotes';

function NoResults() {
  const actions = useActions();
  const status = useRun((s) => s.status);
  const progress = useRun((s) => s.progress);
  const blocker = useValidation((s) => s.validation.errorCount);
  return (
    <div className="results-empty">
      <h2>{status === 'running' ? 'Running…' : 'No results yet'}</h2>
      {status === 'running' ? (
        <p className="num">{progress ? `${formatPercent(progress.fraction, 0)} of the horizon · ${formatCount(progress.requestsArrived)} requests simulated` : 'Starting the simulation…'}</p>
      ) : (
        <>
          <p className="muted">Run the pipeline to see latency, errors, cost and quota use. Runs are deterministic: the same file and seed give the same figures as <span className="mono">preflight run</span>.</p>
          <button className="btn primary" onClick={actions.run} disabled={blocker > 0}>
            <Icon name="play" size={14} /> Run
          </button>
          {blocker > 0 && <p className="field-error">Fix the {blocker} problem{blocker > 1 ? 's' : ''} in the editor first.</p>}
        </>
      )}
    </div>
  );
}

/** The results dashboard of the last run. */
export function ResultsView() {
  const actions = useActions();
  const results = useRun((s) => s.results);
  const elapsedMs = useRun((s) => s.elapsedMs);
  const stale = useRun((s) => s.resultsRevision) !== useDocument((s) => s.revision);
  const slo = useValidation((s) => s.validation.parsed?.slo);
  if (!results) return <NoResults />;
  const r = results.run;
  const p99Target = slo?.p99Ms ?? results.slo.checks.find((c) => c.metric === 'p99Ms')?.target ?? null;
  return (
    <div className="results-view" aria-label="Results">
      <header className="results-head">
        <div>
          <h1>{results.pipeline.name}</h1>
          <p className="muted num" data-testid="run-summary">
            Seed {r.seed} · {formatDurationMs(r.warmupMs)} warm-up + {r.horizon === 'requests' ? `${formatCount(r.requestsLimit ?? 0)} requests` : formatDurationMs(r.durationMs)} of arrivals · {formatCount(r.requestsMeasured)} measured requests · {formatCount(r.events)} events
            {elapsedMs !== null && ` · computed in ${formatDurationMs(elapsedMs)}`}
          </p>
        </div>
        {stale && (
          <span className="badge warning" title="Run again to update the figures">
            The pipeline changed since this run
          </span>
        )}
        <button className="btn" onClick={() => void actions.exportResults()} title="The same JSON as preflight run --json">
          <Icon name="download" size={14} /> Export JSON
        </button>
      </header>
      <StabilityBanner results={results} />
      <HeadlineCards results={results} />
      <div className="chart-grid">
        <section className="result-section" aria-label="Latency distribution">
          <h2>Latency distribution</h2>
          <div className="chart-legend" aria-hidden>
            <span style={{ color: CHART.p50 }}><i />P50 {formatMs(results.latency.endToEnd.p50)}</span>
            <span style={{ color: CHART.p95 }}><i />P95 {formatMs(results.latency.endToEnd.p95)}</span>
            <span style={{ color: CHART.p99 }}><i />P99 {formatMs(results.latency.endToEnd.p99)}</span>
            {p99Target !== null && <span style={{ color: CHART.target }}><i />P99 target {formatMs(p99Target)}</span>}
          </div>
          <LatencyHistogram results={results} p99TargetMs={p99Target} />
        </section>
        <section className="result-section" aria-label="Latency per minute">
          <h2>Latency per minute</h2>
          <LatencySeries results={results} p99TargetMs={p99Target} />
        </section>
        <section className="result-section" aria-label="Errors per minute">
          <h2>Errors per minute</h2>
          <div className="chart-legend">{formatCount(results.outcomes.failed)} failed of {formatCount(results.outcomes.measured)} measured requests · {results.outcomes.downtimeMinutes} of {results.outcomes.measuredMinutes} minutes down (error rate &gt; 50 %)</div>
          <ErrorSeries results={results} />
        </section>
        <SloChecks results={results} />
      </div>
      <ClassBreakdown results={results} />
      <NodeBreakdown results={results} />
      <CostBreakdown results={results} />
      <QuotaTable results={results} />
      <RunHistory />
      <RunNotes results={results} />
    </div>
  );
}
