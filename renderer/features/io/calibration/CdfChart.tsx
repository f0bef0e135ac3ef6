import type { LognormalFit } from '../../../../simulation/index';
import { cdfChartModel } from './cdf-chart-model';

const W = 600;
const H = 230;
const M = { left: 44, right: 16, top: 12, bottom: 40 };

/**
 * Observed (steps) against fitted (curve) cumulative distribution on a log axis, with the largest gap
 * marked: that gap is the KS D in the table. An inline SVG: small, printable, no chart library.
 */
export function CdfChart({ values, fit, format, label }: { values: readonly number[]; fit: LognormalFit; format(v: number): string; label: string }) {
  const m = cdfChartModel(values, fit);
  const x = (v: number) => M.left + ((Math.log(v) - Math.log(m.xMin)) / (Math.log(m.xMax) - Math.log(m.xMin))) * (W - M.left - M.right);
  const y = (p: number) => M.top + (1 - p) * (H - M.top - M.bottom);
  const path = (pts: Array<[number, number]>) => pts.map(([a, b], i) => `${i ? 'L' : 'M'}${x(a).toFixed(1)},${y(b).toFixed(1)}`).join('');
  const gapX = x(m.gap.x);
  return (
    <figure className="io-cdf">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${label}: observed against fitted cumulative distribution, largest gap D = ${fit.ks.d.toFixed(3)} at ${format(m.gap.x)}`}>
        {[0, 0.25, 0.5, 0.75, 1].map((p) => (
          <g key={p}>
            <line x1={M.left} x2={W - M.right} y1={y(p)} y2={y(p)} className="grid" />
            <text x={M.left - 6} y={y(p) + 4} textAnchor="end">{p === 0 ? '0' : `${p * 100} %`}</text>
          </g>
        ))}
        {m.xTicks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={H - M.bottom} y2={H - M.bottom + 4} className="axis" />
            <text x={x(t)} y={H - M.bottom + 16} textAnchor="middle">{format(t)}</text>
          </g>
        ))}
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="axis" />
        <path d={path(m.fitted)} className="fitted" />
        <path d={path(m.observed)} className="observed" />
        <line x1={gapX} x2={gapX} y1={y(m.gap.y1)} y2={y(m.gap.y2)} className="gap" />
        <text x={gapX + (gapX > W * 0.7 ? -6 : 6)} y={(y(m.gap.y1) + y(m.gap.y2)) / 2 + 4} textAnchor={gapX > W * 0.7 ? 'end' : 'start'} className="gap-label">D = {fit.ks.d.toFixed(3)}</text>
        <text x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle" className="axis-title">{label} (log scale) · share of calls at or below</text>
      </svg>
      <figcaption>
        <span className="swatch observed" /> observed ({values.length} calls) <span className="swatch fitted" /> fitted lognormal (median {format(fit.median)}, σ {fit.sigma.toFixed(2)})
      </figcaption>
    </figure>
  );
}
