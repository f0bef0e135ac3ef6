import { calibrationRows, FIT_LABELS, type FitCell, type FitKey } from './calibration-view';
import type { ModelCalibration } from '../../../../simulation/index';

export interface Selection {
  model: string;
  fit: FitKey;
}

const KEYS: FitKey[] = ['ttftMs', 'timePerOutputTokenMs', 'outputTokens'];

function Cell({ cell, selected, onSelect, label }: { cell: FitCell | null; selected: boolean; onSelect(): void; label: string }) {
  if (!cell) return <td className="muted">no fit</td>;
  return (
    <td className={`io-fit${selected ? ' selected' : ''}`}>
      <button className="io-fit-btn" aria-pressed={selected} aria-label={`Show the ${label} fit`} onClick={onSelect}>
        <span className="num">{cell.median}</span> <span className="muted">· p99 {cell.p99} · σ {cell.sigma}</span>
        <br />
        <span className={`num${cell.poor ? ' bad' : ''}`} title="Kolmogorov–Smirnov D against the fitted lognormal (the largest gap between the two CDFs); Lilliefors p-value">
          D {cell.d} · p {cell.p}
        </span>{' '}
        <span className="muted">· n {cell.n}</span>
        {cell.poor && <span className="io-badge changed" title="p < 0.05: these data are unlikely to be lognormal; applying the empirical quantiles is safer">poor fit</span>}
      </button>
    </td>
  );
}

/** One row per measured model: calls, cache hits, and each fit (median, p99, σ, KS D and p-value). */
export function CalibrationTable({ models, selection, select }: { models: readonly ModelCalibration[]; selection: Selection; select(s: Selection): void }) {
  const rows = calibrationRows(models);
  return (
    <table className="io-table io-calibration" aria-label="Fits per model">
      <thead>
        <tr>
          <th>Model</th>
          <th className="num">Calls</th>
          <th className="num">Cache hits</th>
          {KEYS.map((k) => (
            <th key={k}>{FIT_LABELS[k]}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.model} className={r.model === selection.model ? 'current' : ''}>
            <td className="mono">{r.model}</td>
            <td className="num">
              {r.calls}
              {r.failed > 0 && <span className="muted"> ({r.failed} failed)</span>}
            </td>
            <td className="num">{r.cacheHits}</td>
            {KEYS.map((k) => (
              <Cell key={k} cell={r.fits[k]} label={`${r.model} ${FIT_LABELS[k]}`} selected={r.model === selection.model && k === selection.fit} onSelect={() => select({ model: r.model, fit: k })} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
