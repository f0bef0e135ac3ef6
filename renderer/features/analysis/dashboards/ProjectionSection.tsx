import { useMemo } from 'react';
import { formatPercent, formatShare, formatTokens, formatUsd, type RunResults } from '../../../../simulation/index';
import { projectionOption } from '../../../charts/options/dashboards';
import { ExplainPopover } from '../../results/ExplainPopover';
import type { BudgetSource } from '../budget/budget-source';
import { Chart } from '../Chart';
import { SetInEditor } from '../SetInEditor';
import { growthRateText, projectionView } from './projection-model';

/** Where the growth rate lives in the editor. */
const GROWTH_FIELD = { tab: 'traffic', fieldId: 'traffic-monthlyGrowth' } as const;

/** The Executive dashboard's cost trend: growth rate, the 12 bars, months 1/3/6/12 and the capacity reading. */
export function ProjectionSection({ results, budget }: { results: RunResults; budget: BudgetSource }) {
  const view = useMemo(() => projectionView(results, budget), [results, budget]);
  const option = useMemo(() => projectionOption(view.outlook, budget, formatUsd), [view, budget]);
  const quota = view.capacity?.quota ?? null;
  return (
    <section className="result-section" aria-label="Cost trend">
      <h2>Cost trend: the next 12 months against {budget.name}</h2>
      <p className="section-note" data-testid="projection-growth">
        {view.flat ? (
          <>
            <b>Flat projection: traffic.monthlyGrowth is 0 %/month</b>, so every month costs what month 1 does ({formatUsd(view.keyMonths[0]?.costUsd ?? 0)}). Set a growth rate in Editor → Traffic tab → Monthly growth to see the year ahead.{' '}
            <SetInEditor {...GROWTH_FIELD}>Set monthly growth</SetInEditor>
          </>
        ) : (
          <>
            Traffic grows <b className="num">{growthRateText(view.growth)}</b> (traffic.monthlyGrowth, in the Traffic tab), compounding; fixed costs stay flat.
            {budget.own ? ' Bars over the budget are red.' : ' The line is the guide’s example budget, not this pipeline’s, so no bar is marked over it.'}
          </>
        )}
        <ExplainPopover explanation={view.growthExplanation} label="the monthly growth" />
      </p>
      <Chart option={option} label={`Projected monthly cost for 12 months at ${growthRateText(view.growth)}, with ${budget.name}; hover a bar for its month`} height={240} testId="projection-chart" />
      <div className="projection-grid">
        <table className="data-table compact" data-testid="projection-table">
          <thead>
            <tr>
              <th>Month</th>
              <th className="r">Queries</th>
              <th className="r">
                Cost <ExplainPopover explanation={view.costExplanation} label="the projected cost" />
              </th>
              <th className="r">of {budget.own ? 'budget' : 'example budget'}</th>
              {quota && <th className="r">Quota {quota} peak minute</th>}
            </tr>
          </thead>
          <tbody>
            {/* Flat: months 3, 6 and 12 would repeat month 1. */}
            {(view.flat ? view.keyMonths.slice(0, 1) : view.keyMonths).map((m) => (
              <tr key={m.month}>
                <td>{view.flat ? 'Every month (flat)' : m.month === 1 ? 'Month 1 (today)' : `Month ${m.month}`}</td>
                <td className="r num">{formatTokens(m.queries)}</td>
                <td className="r num">{formatUsd(m.costUsd)}</td>
                <td className={`r num${budget.own && m.budgetShare > 1 ? ' bad' : ''}`}>{formatPercent(m.budgetShare, 0)}</td>
                {quota && <td className={`r num${m.peakQuotaUtilisation !== null && m.peakQuotaUtilisation > 1 ? ' bad' : m.peakQuotaUtilisation !== null && m.peakQuotaUtilisation > 0.7 ? ' warn' : ''}`}>{formatShare(m.peakQuotaUtilisation)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="projection-capacity" data-testid="projection-capacity">
          <h3>
            Provider limits {view.capacity && <ExplainPopover explanation={view.capacity.explanation} label="the months growth meets the quota" />}
          </h3>
          <p>{view.capacity ? view.capacity.text : 'No quotas in the pipeline: there is no provider limit for the growth to meet. Add one in the Quotas tab to see when growth reaches it.'}</p>
        </div>
      </div>
    </section>
  );
}
