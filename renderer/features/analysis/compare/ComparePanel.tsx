import { useMemo, useState } from 'react';
import { diffMarkdown, diffScenarios, formatMs, formatUsd, type ScenarioDiff } from '../../../../simulation/index';
import { useDocument, useRun, useServices } from '../../../app/app-context';
import { useAnalysisServices } from '../analysis-context';
import { useAnalysis } from '../analysis-registry';
import type { SavedScenario } from '../analysis-store';
import { FIGURE_LABELS, formatFigure } from '../format';

const signed = (key: string, v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${formatFigure(key, Math.abs(v))}`;
const DELTA_KEYS = ['p50Ms', 'p95Ms', 'p99Ms', 'ttftP50Ms', 'errorRate', 'availability', 'costPerQueryUsd', 'monthlyCostUsd', 'cacheHitRate', 'peakQuotaUtilisation'] as const;

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

function Diff({ diff }: { diff: ScenarioDiff }) {
  const { ui } = useServices();
  const markdown = useMemo(() => diffMarkdown(diff), [diff]);
  const b = diff.before;
  const a = diff.after;
  const verb = diff.monthlyDeltaUsd > 0 ? 'increase' : diff.monthlyDeltaUsd < 0 ? 'decrease' : 'not change';
  const copy = () => void navigator.clipboard.writeText(markdown).then(() => ui.getState().toast('success', 'Copied the comparison as Markdown'), () => ui.getState().toast('error', 'The clipboard is not available here: select the text and copy it.'));
  return (
    <>
      <p className="diff-headline" data-testid="diff-headline">
        Monthly cost will <b>{verb}</b> by <b className="num">{formatUsd(Math.abs(diff.monthlyDeltaUsd))}</b>: <span className="num">{formatUsd(b.headline.monthlyCostUsd)} → {formatUsd(a.headline.monthlyCostUsd)}</span>
        {b.headline.monthlyCostUsd > 0 && <span className="muted num"> ({signed('x', diff.monthlyDeltaUsd / b.headline.monthlyCostUsd)})</span>}
      </p>
      <div className="tool-grid">
        <div>
          <h3>Cost per month, usage and fixed apart</h3>
          <table className="data-table compact" data-testid="diff-lines">
            <thead>
              <tr>
                <th>Item</th>
                <th>Type</th>
                <th className="r">Before</th>
                <th className="r">After</th>
                <th className="r">Change</th>
              </tr>
            </thead>
            <tbody>
              <tr className="group-row">
                <td colSpan={2}>Usage (per query, scaled to a month)</td>
                <td className="r num">{formatUsd(b.usageMonthlyUsd)}</td>
                <td className="r num">{formatUsd(a.usageMonthlyUsd)}</td>
                <td className="r num">{signed('Usd', diff.usageDeltaUsd)}</td>
              </tr>
              {diff.lines.filter((l) => l.kind === 'usage').map((l) => (
                <tr key={`u-${l.name}`} className="indent-1">
                  <td>
                    {l.name} {l.status !== 'changed' && l.status !== 'unchanged' && <span className="pill">{l.status}</span>}
                  </td>
                  <td>usage</td>
                  <td className="r num">{formatUsd(l.beforeMonthlyUsd)}</td>
                  <td className="r num">{formatUsd(l.afterMonthlyUsd)}</td>
                  <td className="r num">{signed('Usd', l.deltaUsd)}</td>
                </tr>
              ))}
              <tr className="group-row">
                <td colSpan={2}>Fixed (per month)</td>
                <td className="r num">{formatUsd(b.fixedMonthlyUsd)}</td>
                <td className="r num">{formatUsd(a.fixedMonthlyUsd)}</td>
                <td className="r num">{signed('Usd', diff.fixedDeltaUsd)}</td>
              </tr>
              {diff.lines.filter((l) => l.kind === 'fixed').map((l) => (
                <tr key={`f-${l.name}`} className="indent-1">
                  <td>
                    {l.name} {l.status !== 'changed' && l.status !== 'unchanged' && <span className="pill">{l.status}</span>}
                  </td>
                  <td>fixed</td>
                  <td className="r num">{formatUsd(l.beforeMonthlyUsd)}</td>
                  <td className="r num">{formatUsd(l.afterMonthlyUsd)}</td>
                  <td className="r num">{signed('Usd', l.deltaUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h3>Headline figures</h3>
          <table className="data-table compact" data-testid="diff-headline-table">
            <thead>
              <tr>
                <th>Figure</th>
                <th className="r">Before</th>
                <th className="r">After</th>
                <th className="r">Change</th>
              </tr>
            </thead>
            <tbody>
              {DELTA_KEYS.filter((k) => diff.headlineDelta[k] !== undefined).map((k) => (
                <tr key={k}>
                  <td>{FIGURE_LABELS[k]}</td>
                  <td className="r num">{formatFigure(k, b.headline[k] ?? NaN)}</td>
                  <td className="r num">{formatFigure(k, a.headline[k] ?? NaN)}</td>
                  <td className="r num">{signed(k, diff.headlineDelta[k]!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small-note">Single runs with their own seeds: for differences smaller than run-to-run noise, run replications of each in Confidence and compare their intervals.</p>
        </div>
      </div>
      <h3 style={{ marginTop: 12 }}>As a pull-request comment (Markdown, like Infracost)</h3>
      <textarea className="copy-box" readOnly value={markdown} aria-label="Comparison as Markdown" />
      <button className="btn" onClick={copy}>
        Copy Markdown
      </button>
    </>
  );
}

/** What changes between two saved scenarios: an Infracost-style cost diff and the headline deltas. */
export function ComparePanel() {
  const { store } = useAnalysisServices();
  const scenarios = useAnalysis((s) => s.scenarios);
  const c = useAnalysis((s) => s.inputs.compare);
  const before = scenarios.find((s) => s.id === c.beforeId) ?? scenarios[0];
  const after = scenarios.find((s) => s.id === c.afterId) ?? scenarios[scenarios.length - 1];
  const diff = useMemo(() => (before && after && before !== after ? diffScenarios(before.results, after.results) : null), [before, after]);
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
          {diff ? <Diff diff={diff} /> : <p className="muted">Pick two different scenarios.</p>}
        </section>
      )}
    </div>
  );
}
