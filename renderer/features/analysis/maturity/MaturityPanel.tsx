import { useMemo, useState } from 'react';
import { formatCount, formatPercent, formatUsd, guideImprovementText } from '../../../../simulation/index';
import { CHART } from '../../../charts/options/palette';
import { intervalBarsOption } from '../../../charts/options/interval-bars';
import { ExplainPopover } from '../../results/ExplainPopover';
import { useAnalysisServices } from '../analysis-context';
import { useAnalysis } from '../analysis-registry';
import { Chart } from '../Chart';
import { FieldErrorScope } from '../field-errors';
import { Segmented } from '../fields';
import { formatFigure } from '../format';
import { JobControls } from '../JobControls';
import { explainPayback, explainSavings, roiRows, type RoiCell, type RoiFigure, type RoiRow } from './maturity-model';
import { MaturityInputs } from './MaturityInputs';
import { SeedExample } from './SeedExample';

const COLUMNS: Array<{ key: RoiFigure; label: string }> = [
  { key: 'costPerQueryUsd', label: 'Usage cost per query' },
  { key: 'monthlyCostUsd', label: 'Monthly cost' },
  { key: 'downtimeHoursPerMonth', label: 'Downtime / month' },
  { key: 'lostRevenueUsd', label: 'Lost revenue / month' },
  { key: 'monthlySavingsUsd', label: 'Monthly savings' },
];

const CHARTS: Array<{ value: RoiFigure; text: string }> = [
  { value: 'monthlySavingsUsd', text: 'Monthly savings' },
  { value: 'monthlyCostUsd', text: 'Monthly cost' },
  { value: 'lostRevenueUsd', text: 'Lost revenue' },
  { value: 'downtimeHoursPerMonth', text: 'Downtime' },
];

/** The ± line under a value, or the marker saying why every replication agrees. */
function Spread({ cell }: { cell: RoiCell }) {
  if (cell.same)
    return (
      <div className="pm same" title={cell.same.title}>
        {cell.same.text}
      </div>
    );
  return cell.pm ? <div className="pm">{cell.pm}</div> : null;
}

function RoiTable({ rows, guide }: { rows: RoiRow[]; guide: Array<string | null> }) {
  return (
    <div className="roi-table">
      <table className="data-table" data-testid="roi-table">
        <thead>
          <tr>
            <th>Level</th>
            {COLUMNS.map((c) => (
              <th key={c.key} className="r">
                {c.label}
              </th>
            ))}
            <th className="r" title="Monthly savings ÷ the baseline's cost + lost revenue: the guide's maturity table says how much better each level is than level 1">
              Better than baseline
            </th>
            <th className="r">Investment</th>
            <th className="r">Payback</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => (
            <tr key={r.name} data-testid={`roi-row-${k}`}>
              <td>{r.name}</td>
              {COLUMNS.map((c) => (
                <td key={c.key} className="r num" data-testid={`roi-${c.key}-${k}`}>
                  {c.key === 'monthlySavingsUsd' && k === 0 ? (
                    <span className="muted">baseline</span>
                  ) : (
                    <>
                      <div>
                        {r.cells[c.key].value}
                        {c.key === 'monthlySavingsUsd' && <ExplainPopover explanation={explainSavings(r, rows[0]!)} label={`the monthly savings of ${r.name}`} />}
                      </div>
                      <Spread cell={r.cells[c.key]} />
                    </>
                  )}
                </td>
              ))}
              <td className="r num" data-testid={`roi-improvement-${k}`}>
                {k === 0 ? (
                  <span className="muted">baseline</span>
                ) : (
                  <>
                    <div>{formatPercent(r.point.improvement, 1)}</div>
                    {guide[k] && <div className="pm">guide: {guide[k]}</div>}
                  </>
                )}
              </td>
              <td className="r num">
                <div>{formatUsd(r.point.oneTimeInvestmentUsd)} once</div>
                <div className="pm">+ {formatUsd(r.point.monthlyInvestmentUsd)} / month</div>
              </td>
              <td className="r num" data-testid={`roi-paybackMonths-${k}`}>
                <div>
                  {r.cells.paybackMonths.value}
                  {k > 0 && <ExplainPopover explanation={explainPayback(r)} label={`the payback of ${r.name}`} />}
                </div>
                <Spread cell={r.cells.paybackMonths} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "95 %": the confidence of the table's intervals. */
function confidencePercent(rows: RoiRow[]): string {
  const iv = rows.flatMap((r) => Object.values(r.cells).map((c) => c.interval)).find((x) => x !== null);
  return iv ? `${Number((iv.confidence * 100).toFixed(1))} %` : '95 %';
}

/** Is the next maturity level worth the investment? Levels on the same traffic and incidents, with intervals. */
export function MaturityPanel() {
  const { store, actions } = useAnalysisServices();
  const job = useAnalysis((s) => s.jobs.maturity);
  const showSeed = useAnalysis((s) => s.inputs.maturity.showSeedExample);
  const noVariant = useAnalysis((s) => s.inputs.maturity.source === 'scenarios' && !s.inputs.maturity.scenarioIds.some((id) => s.scenarios.some((x) => x.id === id)));
  const [figure, setFigure] = useState<RoiFigure>('monthlySavingsUsd');
  const result = job.result;
  const rows = useMemo(() => (result ? roiRows(result.roi) : []), [result]);
  const option = useMemo(() => {
    const bars = rows.map((r) => ({ name: r.name.replace(/^Maturity level (\d) — /, 'L$1 '), value: figure === 'monthlySavingsUsd' || figure === 'paybackMonths' ? r.point[figure] ?? 0 : figure === 'costPerQueryUsd' ? r.cells.costPerQueryUsd.interval?.mean ?? 0 : r.point[figure], interval: r.cells[figure].interval }));
    return intervalBarsOption(bars, CHARTS.find((c) => c.value === figure)?.text ?? figure, (v) => formatFigure(figure, v), figure === 'monthlySavingsUsd' ? CHART.bars : '#c6d6f7');
  }, [rows, figure]);
  const a = result?.assumptions;
  return (
    <div className="tool-body">
      <section className="result-section">
        <h2>Levels to compare</h2>
        <p className="section-note">Each level runs on the same traffic and the same seeds (common random numbers): a fault-free run gives the cost per query, a run with the fault scenario gives a month's downtime (minutes with error rate &gt; 50 %). The guide's formulas then give cost, lost revenue, savings against the first level and payback, per replication, with a t-interval on each — the figures of <span className="mono">preflight roi</span>.</p>
        <FieldErrorScope>
          <MaturityInputs />
          <JobControls kind="maturity" label="Compare levels" unit="runs (level × replication)" onStart={actions.runMaturity} disabled={noVariant ? 'Tick at least one saved scenario to compare with the current document.' : null}>
            <button className="btn" aria-pressed={showSeed} onClick={() => store.getState().setInputs('maturity', { showSeedExample: !showSeed })}>
              {showSeed ? 'Hide' : 'Show'} the guide's worked example
            </button>
          </JobControls>
        </FieldErrorScope>
      </section>
      {showSeed && <SeedExample />}
      {result && a && (
        <section className="result-section" aria-label="Maturity ROI">
          <h2>Return on each level</h2>
          <p className="section-note num">
            {formatCount(a.queriesPerDay)} queries/day · {formatUsd(a.lostRevenuePerDowntimeHourUsd)} lost per hour down · {result.replications} replications. Savings = the baseline's cost + lost revenue − this level's; better than baseline = savings ÷ the baseline's cost + lost revenue, beside the guide's maturity table where the levels say their maturity level (the guide does not say better at what); payback = one-time investment ÷ (savings − monthly investment).
          </p>
          <RoiTable rows={rows} guide={result.roi.map((_, k) => guideImprovementText(result.roi, k))} />
          <p className="muted small-note" data-testid="roi-interval-note">
            Values are means over the replications; ± is the half-width of the {confidencePercent(rows)} interval, to two significant digits but no finer than the value it follows ({'“± < 0.01 months”'}: narrower than that). It covers traffic noise only — arrivals, token counts, latencies and errors drawn with each replication's seed. Downtime, and the revenue it loses, come from the scripted fault scenario, the same in every replication: they are marked <i>scripted</i>, without a ±.
          </p>
          <div className="chart-head">
            <Segmented<RoiFigure> label="Chart" value={figure} onChange={setFigure} options={CHARTS} />
          </div>
          <Chart option={option} label={`${CHARTS.find((c) => c.value === figure)?.text} per level with 95 % error bars`} height={260} testId="roi-chart" />
        </section>
      )}
    </div>
  );
}
