import { useMemo } from 'react';
import { formatUsd } from '../../../../simulation/index';
import { useAnalysisServices } from '../analysis-context';
import { useAnalysis } from '../analysis-registry';
import { NumberField, Segmented } from '../fields';
import { levelDefaults } from './level-defaults';

/** Which pipelines to compare, the business assumptions, and each level's investment. */
export function MaturityInputs() {
  const { store, actions } = useAnalysisServices();
  const m = useAnalysis((s) => s.inputs.maturity);
  const scenarios = useAnalysis((s) => s.scenarios);
  const set = (patch: Partial<typeof m>) => store.getState().setInputs('maturity', patch);
  const levels = actions.maturityLevels(m);
  // Defaults as `preflight roi` takes them: the first level's typical day, each level's own investment.
  const defaults = useMemo(() => levelDefaults(levels), [levels]);
  const defaultQueries = Math.round(defaults.queriesPerDay ?? 100_000);
  const investment = (k: number) => m.investments[k] ?? defaults.investments[k] ?? { oneTimeInvestmentUsd: 0, monthlyInvestmentUsd: 0 };
  const setInvestment = (k: number, patch: Partial<{ oneTimeInvestmentUsd: number; monthlyInvestmentUsd: number }>) => {
    const next = [...m.investments];
    const { oneTimeInvestmentUsd, monthlyInvestmentUsd } = investment(k);
    next[k] = { oneTimeInvestmentUsd, monthlyInvestmentUsd, ...patch };
    set({ investments: next });
  };
  // Another set of levels: typed investments belonged to the old rows.
  const toggle = (id: number) => set({ scenarioIds: m.scenarioIds.includes(id) ? m.scenarioIds.filter((x) => x !== id) : [...m.scenarioIds, id], investments: [] });
  return (
    <div className="a-form">
      <Segmented
        label="Pipelines to compare"
        value={m.source}
        onChange={(source) => set({ source, investments: [] })}
        options={[
          { value: 'templates', text: 'Maturity levels 1–5 (templates)' },
          { value: 'scenarios', text: 'Current document + saved scenarios' },
        ]}
      />
      {m.source === 'scenarios' && (
        <fieldset className="a-checks">
          <legend>Saved scenarios compared with the current document (the baseline)</legend>
          {scenarios.length === 0 && <span className="muted">None yet: save runs in Compare scenarios.</span>}
          {scenarios.map((s) => (
            <label key={s.id}>
              <input type="checkbox" checked={m.scenarioIds.includes(s.id)} onChange={() => toggle(s.id)} /> {s.name}
            </label>
          ))}
        </fieldset>
      )}
      <div className="a-form-row">
        <NumberField label="Queries per day" value={m.queriesPerDay ?? defaultQueries} integer min={1} onChange={(queriesPerDay) => set({ queriesPerDay })} width={110} hint={m.queriesPerDay === null ? 'the first level’s typical day (its traffic through the daily curve)' : undefined} testId="queries-per-day" />
        <NumberField label="Revenue lost per hour down" unit="$" value={m.lostRevenuePerDowntimeHourUsd} min={0} onChange={(lostRevenuePerDowntimeHourUsd) => set({ lostRevenuePerDowntimeHourUsd })} width={110} />
        <NumberField label="Replications" value={m.replications} integer min={2} max={30} onChange={(replications) => set({ replications })} width={70} />
      </div>
      <table className="data-table compact investments" aria-label="Investment per level">
        <thead>
          <tr>
            <th>Level</th>
            <th className="r">One-time investment ($)</th>
            <th className="r">Monthly investment ($)</th>
            <th>Where the figure comes from</th>
          </tr>
        </thead>
        <tbody>
          {levels.map((l, k) => (
            <tr key={`${k}-${l.name}`}>
              <td>{l.name}</td>
              {k === 0 ? (
                <td colSpan={3} className="r muted">
                  baseline: savings and payback are measured against it
                </td>
              ) : (
                <>
                  <td className="r">
                    <NumberField label={`One-time investment, ${l.name}`} value={investment(k).oneTimeInvestmentUsd} min={0} onChange={(oneTimeInvestmentUsd) => setInvestment(k, { oneTimeInvestmentUsd })} />
                  </td>
                  <td className="r">
                    <NumberField label={`Monthly investment, ${l.name}`} value={investment(k).monthlyInvestmentUsd} min={0} onChange={(monthlyInvestmentUsd) => setInvestment(k, { monthlyInvestmentUsd })} />
                  </td>
                  <td className="muted" data-testid={`investment-basis-${k}`}>
                    {m.investments[k] ? 'typed here' : `${defaults.investments[k]?.basis ?? ''} (${formatUsd(investment(k).oneTimeInvestmentUsd)} + ${formatUsd(investment(k).monthlyInvestmentUsd)}/month)`}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
