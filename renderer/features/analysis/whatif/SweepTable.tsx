import { formatMs, formatUsd, formatShare, type Catalog, type Headline, type IntervalFigure, type PipelineDocument, type SweepPoint, type SweepResult } from '../../../../simulation/index';
import { priceText } from '../../../editor/inspector/fields/ModelField';
import { plusMinusText } from '../precision';
import { axisLabel, axisValueText } from './model-axes';

/** A table cell's figure, "mean ± half-width" when the point was replicated ("same in all n runs" where every run agreed). */
function Figure({ point, metric, format }: { point: SweepPoint; metric: IntervalFigure & keyof Headline; format: (v: number) => string }) {
  const value = point.headline[metric] as number;
  const ci = point.intervals?.[metric];
  if (!ci || !Number.isFinite(ci.halfWidth)) return <>{format(value)}</>;
  const same = ci.halfWidth === 0;
  return (
    <>
      {format(value)}{' '}
      <span className={same ? 'pm same' : 'pm'} title={same ? `Every one of the ${ci.n} runs gave this value: no spread to show, which is not certainty.` : `${Number((ci.confidence * 100).toFixed(1))} % interval over ${ci.n} runs`}>
        {plusMinusText(metric, value, ci.halfWidth, ci.n)}
      </span>
    </>
  );
}

/** A point's value on an axis; a model with its catalog prices under it, so the cost column reads against them. */
function AxisCell({ axis, value, catalog }: { axis: SweepResult['axes'][number]; value: number; catalog: Catalog }) {
  const text = axisValueText(axis, value);
  const entry = axis.labels ? catalog.get(text) : undefined;
  return (
    <td className="num">
      {text}
      {entry && <div className="faint small">{priceText(entry)}</div>}
    </td>
  );
}

/** Every point of a sweep: its values (model ids on a model axis), then P50, P99, errors and cost. */
export function SweepTable({ result, doc, catalog }: { result: SweepResult; doc: PipelineDocument | null; catalog: Catalog }) {
  return (
    <details className="offered" open={result.points.length <= 12}>
      <summary>Every point ({result.points.length})</summary>
      <table className="data-table compact" data-testid="sweep-table">
        <thead>
          <tr>
            {result.axes.map((a) => (
              <th key={a.path}>{axisLabel(a.path, doc)}</th>
            ))}
            <th className="r">P50</th>
            <th className="r">P99</th>
            <th className="r">Error rate</th>
            <th className="r">Cost per query</th>
            <th className="r">Monthly cost (usage + fixed)</th>
          </tr>
        </thead>
        <tbody>
          {result.points.map((p, i) => (
            <tr key={i} className={p.values.every((v, j) => v === result.base[j]) ? 'current-row' : undefined}>
              {p.values.map((v, j) => (
                <AxisCell key={j} axis={result.axes[j]!} value={v} catalog={catalog} />
              ))}
              {p.problem ? (
                <td colSpan={5} className="bad">
                  {p.problem}
                </td>
              ) : (
                <>
                  <td className="r num">
                    <Figure point={p} metric="p50Ms" format={formatMs} />
                  </td>
                  <td className="r num">
                    <Figure point={p} metric="p99Ms" format={formatMs} />
                  </td>
                  <td className="r num">
                    <Figure point={p} metric="errorRate" format={(v) => formatShare(v)} />
                  </td>
                  <td className="r num">
                    <Figure point={p} metric="costPerQueryUsd" format={formatUsd} />
                  </td>
                  <td className="r num">
                    <Figure point={p} metric="monthlyCostUsd" format={formatUsd} /> <span className="faint">({formatUsd(p.variableMonthlyUsd)} + {formatUsd(p.fixedMonthlyUsd)})</span>
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
