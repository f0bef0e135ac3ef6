import { useMemo, useState } from 'react';
import { diffScenarios, loadPipeline } from '../../../../simulation/index';
import { useDocument, useRun, useServices } from '../../../app/app-context';
import { useAnalysisServices } from '../analysis-context';
import { useAnalysis } from '../analysis-registry';
import { MAX_SCENARIOS, type SavedScenario } from '../analysis-store';
import { Diff } from './Diff';
import { ScenarioList } from './ScenarioList';

function SaveScenario() {
  const { actions } = useAnalysisServices();
  const results = useRun((s) => s.results);
  const stale = useRun((s) => s.resultsRevision) !== useDocument((s) => s.revision);
  const [name, setName] = useState('');
  const suggestion = results ? `${results.pipeline.name} · seed ${results.run.seed}` : '';
  const why = !results ? 'Run the pipeline first.' : stale ? 'The pipeline changed since the last run: run it again first.' : null;
  return (
    <div className="a-form-row">
      <label className="a-field grow">
        <span className="a-field-label">Scenario name</span>
        <input value={name} placeholder={suggestion} onChange={(e) => setName(e.target.value)} aria-label="Scenario name" />
      </label>
      <button
        className="btn primary"
        disabled={!!why}
        title={why ?? 'Keeps the last run and its document under this name'}
        onClick={() => {
          actions.saveScenario(name || suggestion);
          setName('');
        }}
      >
        Save the last run as a scenario
      </button>
      {why && <span className="muted">{why}</span>}
    </div>
  );
}

/** Where the scenarios are kept and how they go away, as the storage actually stands. */
function StorageNote() {
  const storage = useAnalysis((s) => s.scenarioStorage);
  const desktop = useServices().platform.kind === 'electron';
  const intro = 'A scenario is a finished run with its document.';
  const where = desktop ? "on this machine, in Preflight's app data" : 'on this machine, in this browser profile';
  const removeAll = desktop ? '' : ", or all of them by clearing this site's data in the browser";
  const text =
    storage.status === 'failed'
      ? `${intro} They are kept for this session only: this machine's storage cannot be used (${storage.reason}).`
      : storage.status === 'session'
        ? `${intro} They are kept for this session only: this browser offers no storage for them.`
        : `${intro} Saved scenarios stay ${where}, across restarts (the newest ${MAX_SCENARIOS}; saving another drops the oldest). Remove one with its Remove button${removeAll}.`;
  const writing = storage.status === 'stored' ? storage.writing : 0;
  return (
    <p className="section-note" data-testid="scenario-storage-note" data-writing={writing}>
      {text} They can also be compared as maturity levels.{writing > 0 ? ' Saving…' : ''}
    </p>
  );
}

/** What changes between two saved scenarios: an Infracost-style cost diff and the headline deltas. */
export function ComparePanel() {
  const { store } = useAnalysisServices();
  const scenarios = useAnalysis((s) => s.scenarios);
  const c = useAnalysis((s) => s.inputs.compare);
  const before = scenarios.find((s) => s.id === c.beforeId) ?? scenarios[0];
  const after = scenarios.find((s) => s.id === c.afterId) ?? scenarios[scenarios.length - 1];
  // The scenarios' own names head the diff and its Markdown (variants of one pipeline share its name).
  // With the saved documents the diff also says which inputs changed (model, traffic, limits, graph).
  const diff = useMemo(() => {
    if (!before || !after || before === after) return null;
    const b = loadPipeline(before.document);
    const a = loadPipeline(after.document);
    return diffScenarios(before.results, after.results, { before: before.name, after: after.name }, b.ok && a.ok ? { before: b.doc, after: a.doc } : undefined);
  }, [before, after]);
  const pick = (which: 'beforeId' | 'afterId', label: string, value: SavedScenario | undefined) => (
    <label className="a-field">
      <span className="a-field-label">{label}</span>
      <select aria-label={label} value={value?.id ?? ''} onChange={(e) => store.getState().setInputs('compare', { [which]: Number(e.target.value) })}>
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="tool-body">
      <section className="result-section" aria-label="Saved scenarios">
        <h2>Saved scenarios</h2>
        <StorageNote />
        <SaveScenario />
        <ScenarioList scenarios={scenarios} />
      </section>
      {scenarios.length >= 2 && (
        <section className="result-section" aria-label="Scenario comparison">
          <h2>Comparison</h2>
          <div className="a-form-row" style={{ marginBottom: 10 }}>
            {pick('beforeId', 'Before', before)}
            <span className="muted">→</span>
            {pick('afterId', 'After', after)}
          </div>
          {diff && before && after ? <Diff diff={diff} seeds={[before.results.run.seed, after.results.run.seed]} /> : <p className="muted">Pick two different scenarios.</p>}
        </section>
      )}
    </div>
  );
}
