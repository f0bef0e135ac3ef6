import { formatDurationMs, formatTokens, formatUsd, type RunResults } from '../../../../simulation/index';
import { useValidation } from '../../../app/app-context';
import { chargeVsCost, monthlyChargeback, type ChargebackMonthly } from './chargeback-model';

/** A team's name and where its traffic comes from: "support · from Users", or a source without a label. */
function TeamCell({ row }: { row: ChargebackMonthly }) {
  const from = row.labelled ? `from ${row.sources.join(', ')}` : 'no team label: billed under the source';
  return (
    <td>
      <b>{row.name}</b>
      {!row.measured && (
        <span className="pill example" title="The run's window saw none of this team's requests">
          not in this window
        </span>
      )}
      <div className="faint small">{from}</div>
    </td>
  );
}

/** A charge and how it compares with what the team's traffic cost. */
function Charge({ usd, actual }: { usd: number; actual: number }) {
  return (
    <td className="r num">
      {formatUsd(usd)} <span className="faint">{chargeVsCost(usd, actual)}</span>
    </td>
  );
}

/**
 * Who pays for the month's usage: per team, what its traffic cost and what each of the guide's
 * chargeback models would bill it, with the rates, the total they recover and what they leave out.
 */
export function ChargebackSection({ results }: { results: RunResults }) {
  const doc = useValidation((s) => s.validation.parsed);
  const { rows, rates, total, fixedMonthlyUsd } = monthlyChargeback(results, doc);
  const unseen = rows.filter((c) => !c.measured);
  const lanes = [rates.realtimePerQueryUsd !== null ? `real-time ${formatUsd(rates.realtimePerQueryUsd)}` : '', rates.batchPerQueryUsd !== null ? `batch ${formatUsd(rates.batchPerQueryUsd)}` : ''].filter(Boolean).join(', ');
  return (
    <section className="result-section" aria-label="Chargeback">
      <h2>Chargeback per team (per month)</h2>
      <p className="section-note">
        Teams are the traffic sources' "Team or key" labels. "Cost of its traffic" is what the team's queries cost in the run, at its own cost per query, over a month at its own typical rate. Each model recovers the month's usage cost: <b>per query</b> (one rate for every query), <b>per token</b> (one rate per billed token: chat, embedding and rerank, cached input included) and <b>tiered</b> (a real-time rate and a batch rate, each recovering its lane's cost). Beside each charge: how far it is from the cost of the team's traffic.
      </p>
      <p className="muted small-note num" data-testid="chargeback-rates">
        Rates: {formatUsd(rates.perQueryUsd)} per query · {formatUsd(rates.perMillionTokensUsd)} per million billed tokens · tiered per query: {lanes}
      </p>
      {unseen.length > 0 && (
        <p className="field-error warning" role="status" data-testid="chargeback-unseen">
          {unseen.map((c) => `${c.name}, from ${c.sources.join(' and ')},`).join(' ')} sent no request in this run's {formatDurationMs(results.run.durationMs)} window: its traffic runs at other hours. Its month is still billed — {unseen.map((c) => `${formatTokens(c.requests)} queries`).join(', ')} at its own typical rate — but priced at the mean cost per query of its lane's measured sources, or of the whole pipeline if its lane sent nothing either (marked <i>est.</i>), so its charges say little about what its queries really cost. Run over 24 h (the toolbar's Seed · horizon chip) to price it from its own requests.
        </p>
      )}
      {rows.length < 2 && <p className="muted">One team: every model charges it everything. Give traffic sources a team label (editor) to split the bill.</p>}
      <table className="data-table chargeback-table" data-testid="chargeback-table">
        <thead>
          <tr>
            <th rowSpan={2}>Team</th>
            <th rowSpan={2}>Lane</th>
            <th rowSpan={2} className="r">
              Queries
            </th>
            <th rowSpan={2} className="r">
              Billed tokens <span className="faint small block">(chat, embedding and rerank)</span>
            </th>
            <th rowSpan={2} className="r">
              Cost of its traffic
            </th>
            <th colSpan={3} className="c group-head">
              Charge under each model
            </th>
          </tr>
          <tr>
            <th className="r">Per query</th>
            <th className="r">Per token</th>
            <th className="r">Tiered</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.team}>
              <TeamCell row={c} />
              <td>{c.realtime ? 'real-time' : 'batch'}</td>
              <td className="r num">{formatTokens(c.requests)}</td>
              <td className="r num">{formatTokens(c.tokens)}</td>
              <td className="r num" title={c.measured ? undefined : "Priced at its lane's (or the pipeline's) mean cost per query: the run saw none of its requests"}>
                {formatUsd(c.actualUsd)}
                {!c.measured && <span className="faint"> est.</span>}
              </td>
              <Charge usd={c.perQueryUsd} actual={c.actualUsd} />
              <Charge usd={c.perTokenUsd} actual={c.actualUsd} />
              <Charge usd={c.tieredUsd} actual={c.actualUsd} />
            </tr>
          ))}
        </tbody>
        {rows.length > 1 && (
          <tfoot>
            <tr className="total-row" data-testid="chargeback-total">
              <td>All teams</td>
              <td />
              <td className="r num">{formatTokens(total.requests)}</td>
              <td className="r num">{formatTokens(total.tokens)}</td>
              <td className="r num">{formatUsd(total.actualUsd)}</td>
              <td className="r num">{formatUsd(total.perQueryUsd)}</td>
              <td className="r num">{formatUsd(total.perTokenUsd)}</td>
              <td className="r num">{formatUsd(total.tieredUsd)}</td>
            </tr>
          </tfoot>
        )}
      </table>
      <p className="muted small-note" data-testid="chargeback-fixed">
        {fixedMonthlyUsd > 0 ? `The charges add up to the month's usage cost (${formatUsd(total.actualUsd)}); the fixed costs (${formatUsd(fixedMonthlyUsd)} a month: ${results.cost.fixed.map((f) => f.name).join(', ')}) are not charged back here.` : "The charges add up to the month's usage cost; the pipeline has no fixed costs."}
      </p>
    </section>
  );
}
