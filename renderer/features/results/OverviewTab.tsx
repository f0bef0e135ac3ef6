import { formatCount, formatMs, type RunResults } from '../../../simulation/index';
import { CHART } from '../../charts/options/palette';
import { AlertsAdvice } from './AlertsAdvice';
import { ErrorSeries, LatencyHistogram, LatencySeries } from './Charts';
import { ClassBreakdown } from './ClassBreakdown';
import { CostBreakdown } from './CostBreakdown';
import { NodeBreakdown } from './NodeBreakdown';
import { QuotaTable } from './QuotaTable';
import { RunHistory } from './RunHistory';
import { RunNotes, SloChecks } from './RunNotes';

/** Latency, errors, SLOs with the error budget, alerts and advice, then the per-class, node, cost and quota tables. */
export function OverviewTab({ results, p99Target }: { results: RunResults; p99Target: number | null }) {
  return (
    <>
      <div className="chart-grid">
        <section className="result-section" aria-label="Latency distribution">
          <h2>Latency distribution</h2>
          {results.outcomes.served === 0 ? (
            <p className="muted">No request was served, so there is no latency to show: every request failed (see Errors per minute and the error breakdown).</p>
          ) : (
            <>
              <div className="chart-legend" aria-hidden>
                <span style={{ color: CHART.p50 }}><i />P50 {formatMs(results.latency.endToEnd.p50)}</span>
                <span style={{ color: CHART.p95 }}><i />P95 {formatMs(results.latency.endToEnd.p95)}</span>
                <span style={{ color: CHART.p99 }}><i />P99 {formatMs(results.latency.endToEnd.p99)}</span>
                {p99Target !== null && <span style={{ color: CHART.target }}><i />P99 target {formatMs(p99Target)}</span>}
              </div>
              <LatencyHistogram results={results} p99TargetMs={p99Target} />
            </>
          )}
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
      <AlertsAdvice results={results} />
      <ClassBreakdown results={results} />
      <NodeBreakdown results={results} />
      <CostBreakdown results={results} />
      <QuotaTable results={results} />
      <RunHistory />
      <RunNotes results={results} />
    </>
  );
}
