import type { KeyboardEvent } from 'react';
import { formatCount, formatDurationMs, formatPercent, type RunResults } from '../../../simulation/index';
import { useActions, useDocument, useRun, useServices, useUi, useValidation } from '../../app/app-context';
import { Icon } from '../../app/icons';
import type { ResultsTab } from '../../stores/ui-store';
import { TracesTab } from '../traces/TracesTab';
import { HeadlineCards } from './HeadlineCards';
import { OverviewTab } from './OverviewTab';
import { QualityTab } from './QualityTab';
import { ReliabilityTab } from './ReliabilityTab';
import { StabilityBanner } from './RunNotes';
import './reliability.css';

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

const TABS: Array<{ id: ResultsTab; title: string; count(r: RunResults): string | null }> = [
  { id: 'overview', title: 'Overview', count: () => null },
  { id: 'reliability', title: 'Reliability', count: (r) => (r.reliability.faults.length ? `${r.reliability.faults.length} fault${r.reliability.faults.length > 1 ? 's' : ''}` : null) },
  { id: 'quality', title: 'Quality', count: (r) => (r.slices.colours ? 'blue/green' : null) },
  { id: 'traces', title: 'Traces', count: (r) => String(r.traces.length) },
];

/** The dashboard's sections as tabs; arrow keys move between them (the ARIA tabs pattern). */
function ResultsTabs({ results }: { results: RunResults }) {
  const { ui } = useServices();
  const tab = useUi((s) => s.resultsTab);
  const onKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(TABS.findIndex((t) => t.id === tab) + step + TABS.length) % TABS.length]!;
    ui.getState().setResultsTab(next.id);
    document.getElementById(`results-tab-${next.id}`)?.focus();
  };
  return (
    <div className="results-tabs" role="tablist" aria-label="Results sections" onKeyDown={onKey}>
      {TABS.map((t) => {
        const count = t.count(results);
        return (
          <button key={t.id} id={`results-tab-${t.id}`} role="tab" aria-selected={tab === t.id} aria-controls="results-tabpanel" tabIndex={tab === t.id ? 0 : -1} className={tab === t.id ? 'active' : ''} onClick={() => ui.getState().setResultsTab(t.id)}>
            {t.title}
            {count && <span className="tab-count num">{count}</span>}
          </button>
        );
      })}
    </div>
  );
}

/** The results dashboard of the last run: header, headline cards, then the tabs. */
export function ResultsView() {
  const actions = useActions();
  const results = useRun((s) => s.results);
  const elapsedMs = useRun((s) => s.elapsedMs);
  const tab = useUi((s) => s.resultsTab);
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
      <ResultsTabs results={results} />
      <div className="results-tabpanel" role="tabpanel" id="results-tabpanel" aria-labelledby={`results-tab-${tab}`}>
        {tab === 'overview' && <OverviewTab results={results} p99Target={p99Target} />}
        {tab === 'reliability' && <ReliabilityTab results={results} />}
        {tab === 'quality' && <QualityTab results={results} />}
        {tab === 'traces' && <TracesTab results={results} />}
      </div>
    </div>
  );
}
