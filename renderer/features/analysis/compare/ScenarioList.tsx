import { useRef, useState } from 'react';
import { formatMs, formatUsd } from '../../../../simulation/index';
import { useAnalysisServices } from '../analysis-context';
import { useAnalysis } from '../analysis-registry';
import type { SavedScenario } from '../analysis-store';

const savedAt = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Renames on Enter or on leaving the box; Escape keeps the old name. Mounted fresh for each rename. */
function RenameBox({ scenario, onDone }: { scenario: SavedScenario; onDone(): void }) {
  const { store } = useAnalysisServices();
  const [draft, setDraft] = useState(scenario.name);
  // Enter or Escape ends the edit; the blur that follows (if any) must not apply it again.
  const finished = useRef(false);
  const finish = (keep: boolean) => {
    if (finished.current) return;
    finished.current = true;
    // An empty name is refused by the store: the old one stays.
    if (keep) store.getState().renameScenario(scenario.id, draft);
    onDone();
  };
  return (
    <input
      autoFocus
      value={draft}
      aria-label={`New name for ${scenario.name}`}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(true);
        if (e.key === 'Escape') finish(false);
      }}
    />
  );
}

export function ScenarioList({ scenarios }: { scenarios: SavedScenario[] }) {
  const { store } = useAnalysisServices();
  const storage = useAnalysis((s) => s.scenarioStorage);
  const [editing, setEditing] = useState<number | null>(null);
  if (!scenarios.length) {
    if (storage.status === 'loading') return <p className="muted">Reading saved scenarios…</p>;
    return <p className="muted">No scenarios yet. Save a run, change the pipeline (another model, top_n, a cache), run and save again — then compare the two.</p>;
  }
  const notWritten = new Set(storage.status === 'stored' ? storage.notWritten : []);
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
              {editing === s.id ? <RenameBox scenario={s} onDone={() => setEditing(null)} /> : <b>{s.name}</b>} <span className="faint">{s.results.pipeline.name} · saved {savedAt(s.savedAtMs)}</span>
              {notWritten.has(s.key) && (
                <span className="muted" title="Writing it to this machine's storage failed: it goes when Preflight closes. Remove older scenarios to make room."> · this session only</span>
              )}
            </td>
            <td className="r num">{s.results.run.seed}</td>
            <td className="r num">{formatMs(s.results.headline.p99Ms)}</td>
            <td className="r num">{formatUsd(s.results.headline.costPerQueryUsd)}</td>
            <td className="r num">{formatUsd(s.results.headline.monthlyCostUsd)}</td>
            <td className="r" style={{ whiteSpace: 'nowrap' }}>
              <button className="btn small" onClick={() => setEditing(s.id)} aria-label={`Rename ${s.name}`} disabled={editing === s.id}>
                Rename
              </button>{' '}
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
