import { useMemo, useState } from 'react';
import { diffScenarios, formatMs, formatUsd } from '../../../../simulation/index';
import { useDocument, useRun } from '../../../app/app-context';
import { useAnalysisServices } from '../analysis-context';
import { useAnalysis } from '../analysis-registry';
import type { SavedScenario } from '../analysis-store';
import { Diff } from './Diff';

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

function ScenarioList({ scenarios }: { scenarios: SavedScenario[] }) {
  const { store } = useAnalysisServices();
  if (!scenarios.length) return <p className="muted">No scenarios yet. Save a run, change the pipeline (another model, top_n, a cache), run and save again — then compare the two.</p>;
  return (
    <table className="data-table compact" data-testid="scenario-list">
      <thead>
        <tr>
          <th>Scenario</th>
          <th className="r">Seed</th>
          <th className="r">P99</th>
          <th className="r">Cost per query</th>
          <th className="r">Monthly cost</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {scenarios.map((s) => (
          <tr key={s.id}>
            <td>
              <b>{s.name}</b> <span className="faint">{s.results.pipeline.name}</span>
            </td>
            <td className="r num">{s.results.run.seed}</td>
            <td className="r num">{formatMs(s.results.headline.p99Ms)}</td>
            <td className="r num">{formatUsd(s.results.headline.costPerQueryUsd)}</td>
            <td className="r num">{formatUsd(s.results.headline.monthlyCostUsd)}</td>
            <td className="r">
              <button className="btn small danger" onClick={() => store.getState().removeScenario(s.id)} aria-label={`Remove ${s.name}`}>
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
  const diff = useMemo(() => (before && after && before !== after ? diffScenarios(before.results, after.results, { before: before.name, after: after.name }) : null), [before, after]);
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
        <p className="section-note">A scenario is a finished run with its document, kept for this session (save the files themselves to keep them). Saved scenarios can also be compared as maturity levels.</p>
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
