import { bottleneckAdvice, formatTokens, formatShare, type RunResults } from '../../../../simulation/index';
import { ExplainPopover } from '../../results/ExplainPopover';
import { NeedsRun } from '../NeedsRun';
import { headroomRows, monthlyCapacities, scalingTriggers } from './capacity-model';
import { LoadSearchSection } from './LoadSearchSection';

function Headroom({ results }: { results: RunResults }) {
  const rows = headroomRows(results);
  if (!rows.length) return <p className="muted">The pipeline has no quotas: provider limits are not modelled, so there is no headroom to measure. Add one in the Quotas tab of the editor.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="headroom-table">
        <thead>
          <tr>
            <th>Quota</th>
            <th>Limit</th>
            <th className="r">Mean</th>
            <th className="r">Peak minute</th>
            <th className="r">Headroom</th>
            <th className="r">Minutes &gt; 70 % (longest run)</th>
            <th className="r">First 429</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.quota}-${r.dimension}`}>
              <td>
                <b>{r.quota}</b> <span className="faint">{r.dimension}</span>
              </td>
              <td className="num">{r.limit}</td>
              <td className="r num">{formatShare(r.mean)}</td>
              <td className={`r num${r.peak > 0.8 ? ' bad' : r.peak > 0.7 ? ' warn' : ''}`}>{formatShare(r.peak)}</td>
              <td className="r num">{formatShare(r.headroom)}</td>
              <td className={`r num${r.trigger ? ' warn' : ''}`}>
                {r.minutesOver70} ({r.longestRunOver70})
              </td>
              <td className={`r num${r.first429 !== '—' ? ' bad' : ''}`}>{r.first429}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MonthlyCapacity({ results }: { results: RunResults }) {
  const rows = monthlyCapacities(results);
  if (!rows.length) return <p className="muted">No quota has a token limit, so the guide's monthly capacity model does not apply.</p>;
  return (
    <div className="big-figures">
      {rows.map((m) => (
        <div key={m.quota} className={`big-figure${m.used !== null && m.used > 1 ? ' bad' : m.used !== null && m.used > 0.8 ? ' near' : ''}`} data-testid={`capacity-${m.quota}`}>
          <span className="label">
            {m.quota}: queries a month at 70 %
            <ExplainPopover explanation={m.explanation} label={`the monthly capacity of ${m.quota}`} />
          </span>
          <span className="value num">{m.queries === null ? '—' : formatTokens(m.queries)}</span>
          <span className="sub num">
            {formatTokens(m.tokens)} tokens ({formatTokens(m.tokensPerMinute)} TPM) at {formatTokens(m.tokensPerQuery)} tokens per query through quota {m.quota}
          </span>
          {m.used !== null && <span className="sub num">the simulated traffic ({formatTokens(results.cost.monthlyQueries)} queries/month) uses {formatShare(m.used)}</span>}
        </div>
      ))}
    </div>
  );
}

function Triggers({ results }: { results: RunResults }) {
  return (
    <table className="data-table" data-testid="scaling-triggers">
      <thead>
        <tr>
          <th>Seed's trigger</th>
          <th>Action</th>
          <th>In this run</th>
        </tr>
      </thead>
      <tbody>
        {scalingTriggers(results).map((t) => (
          <tr key={t.rule}>
            <td>{t.rule}</td>
            <td>{t.action}</td>
            <td>
              <span className={`pill ${t.fired ? 'fired' : 'quiet'}`}>{t.fired ? 'fires' : 'quiet'}</span> {t.detail}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How much headroom is left under the provider limits, and how far can traffic grow? */
export function CapacityPanel() {
  return (
    <div className="tool-body">
      <NeedsRun what="Headroom, monthly capacity and scaling triggers">
        {(results) => (
          <>
            <section className="result-section" aria-label="Headroom per quota">
              <h2>Headroom per quota</h2>
              <p className="section-note">Utilisation is use in a minute ÷ the limit over the measured minutes; headroom = 1 − the peak minute. The first 429 counts warm-up too.</p>
              <Headroom results={results} />
            </section>
            <div className="tool-grid">
              <section className="result-section" aria-label="Monthly capacity">
                <h2>Monthly capacity</h2>
                <p className="section-note">The guide's model: TPM × 43,200 minutes × 70 % target utilisation, ÷ the tokens per query through the quota (what its calls count against the limit, not every billed token).</p>
                <MonthlyCapacity results={results} />
              </section>
              <section className="result-section" aria-label="Scaling triggers">
                <h2>Scaling triggers</h2>
                <Triggers results={results} />
              </section>
            </div>
            <section className="result-section" aria-label="What limits it">
              <h2>What limits it, and what to change</h2>
              <ul className="advice-list">
                {bottleneckAdvice(results)
                  .filter((a) => a.area === 'throughput' || a.area === 'latency' || a.area === 'errors')
                  .map((a) => (
                    <li key={a.area}>
                      <span className="area">{a.area}</span>
                      <div>{a.finding}</div>
                      <div className="muted">→ {a.suggestion}</div>
                    </li>
                  ))}
              </ul>
            </section>
          </>
        )}
      </NeedsRun>
      <LoadSearchSection />
    </div>
  );
}
