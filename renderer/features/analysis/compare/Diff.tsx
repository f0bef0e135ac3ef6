import { useMemo } from 'react';
import { diffMarkdown, formatUsd, inputChangeText, type CostLine, type ScenarioDiff } from '../../../../simulation/index';
import { useServices } from '../../../app/app-context';
import { FIGURE_LABELS, formatFigure } from '../format';

const DELTA_KEYS = ['p50Ms', 'p95Ms', 'p99Ms', 'ttftP50Ms', 'errorRate', 'availability', 'costPerQueryUsd', 'monthlyCostUsd', 'cacheHitRate', 'peakQuotaUtilisation'] as const;
/** Rates and shares: their change is a difference of percentages, so it is in percentage points. */
const SHARES = new Set<string>(['errorRate', 'availability', 'cacheHitRate', 'peakQuotaUtilisation']);

const sign = (v: number) => (v > 0 ? '+' : v < 0 ? '−' : '±');

/** "−9.35 pp": a change of a share in percentage points, two decimals (two significant digits below 0.01 pp). */
export function ppText(change: number): string {
  const pp = Math.abs(change * 100);
  return `${sign(change)}${pp !== 0 && pp < 0.01 ? Number(pp.toPrecision(2)) : pp.toFixed(2)} pp`;
}

/** A change in its figure's unit: "−32 ms", "−$3,420", "−9.35 pp". */
export function changeText(key: string, change: number): string {
  return SHARES.has(key) ? ppText(change) : `${sign(change)}${formatFigure(key, Math.abs(change))}`;
}

/** Whether the comparison's runs share a seed decides what their differences mean. */
export function seedNote([before, after]: [number, number]): string {
  return before === after
    ? `Both runs used the same seed (${before}): the parts of the pipeline that did not change drew the same random numbers (common random numbers), so most of a difference is the change's. Each is still a single run: before trusting a small difference, run replications of each in Confidence and compare their intervals.`
    : `Single runs with different seeds (${before} and ${after}): part of any difference is luck. For differences smaller than run-to-run noise, run replications of each in Confidence and compare their intervals.`;
}

function LineRows({ lines, kind }: { lines: CostLine[]; kind: CostLine['kind'] }) {
  return (
    <>
      {lines
        .filter((l) => l.kind === kind)
        .map((l) => (
          <tr key={`${kind}-${l.name}`} className="indent-1">
            <td>
              {l.label} {l.status !== 'changed' && l.status !== 'unchanged' && <span className="pill">{l.status}</span>}
            </td>
            <td>{kind}</td>
            <td className="r num">{formatUsd(l.beforeMonthlyUsd)}</td>
            <td className="r num">{formatUsd(l.afterMonthlyUsd)}</td>
            <td className="r num">{changeText('Usd', l.deltaUsd)}</td>
          </tr>
        ))}
    </>
  );
}

/** The comparison of two saved scenarios: monthly cost (usage by node, fixed by item), headline changes, Markdown. */
export function Diff({ diff, seeds }: { diff: ScenarioDiff; seeds: [number, number] }) {
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
        {b.headline.monthlyCostUsd > 0 && <span className="muted num"> ({sign(diff.monthlyDeltaUsd)}{formatFigure('share', Math.abs(diff.monthlyDeltaUsd / b.headline.monthlyCostUsd))})</span>}
      </p>
      <h3>What changed in the pipeline</h3>
      {diff.inputs.length ? (
        <ul className="input-changes mono" data-testid="diff-inputs">
          {diff.inputs.map((c, i) => (
            <li key={i}>{inputChangeText(c)}</li>
          ))}
        </ul>
      ) : (
        <p className="muted" data-testid="diff-inputs">
          Nothing: the two scenarios have the same inputs (the figures differ by the run settings or the catalog only).
        </p>
      )}
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
                <td className="r num">{changeText('Usd', diff.usageDeltaUsd)}</td>
              </tr>
              <LineRows lines={diff.lines} kind="usage" />
              <tr className="group-row">
                <td colSpan={2}>Fixed (per month)</td>
                <td className="r num">{formatUsd(b.fixedMonthlyUsd)}</td>
                <td className="r num">{formatUsd(a.fixedMonthlyUsd)}</td>
                <td className="r num">{changeText('Usd', diff.fixedDeltaUsd)}</td>
              </tr>
              <LineRows lines={diff.lines} kind="fixed" />
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
                <tr key={k} data-testid={`diff-${k}`}>
                  <td>{FIGURE_LABELS[k]}</td>
                  <td className="r num">{formatFigure(k, b.headline[k] ?? NaN)}</td>
                  <td className="r num">{formatFigure(k, a.headline[k] ?? NaN)}</td>
                  <td className="r num">{changeText(k, diff.headlineDelta[k]!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small-note" data-testid="diff-seed-note">
            {seedNote(seeds)}
          </p>
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
