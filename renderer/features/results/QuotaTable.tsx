import { formatCount, formatMs, formatShare, type RunResults } from '../../../simulation/index';

type Figure = { mean: number; peak: number } | null;
const pair = (f: Figure) => (f ? `${formatShare(f.peak)} / ${formatShare(f.mean)}` : '—');

/** Each quota's peak/mean utilisation per dimension, queueing, 429s and headroom, with the pre-run load. */
export function QuotaTable({ results }: { results: RunResults }) {
  if (!results.quotas.length) return null;
  return (
    <section className="result-section" aria-label="Quotas">
      <h2>Quotas</h2>
      <p className="section-note">Utilisation is use in a minute ÷ the limit, peak and mean over the measured minutes; headroom = 1 − peak. The guide's scaling trigger is sustained use above 70 %.</p>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th>Quota</th>
              <th className="r">RPM peak / mean</th>
              <th className="r">TPM peak / mean</th>
              <th className="r">Concurrency peak / mean</th>
              <th className="r">Queue wait P95</th>
              <th className="r">429s</th>
              <th className="r">Headroom</th>
            </tr>
          </thead>
          <tbody>
            {results.quotas.map((q) => (
              <tr key={q.id}>
                <td>
                  <b>{q.id}</b> <span className="faint">{q.name}</span>
                </td>
                <td className="r num">{pair(q.utilisation.rpm)}</td>
                <td className="r num">{pair(q.utilisation.tpm ?? q.utilisation.itpm)}</td>
                <td className="r num">{pair(q.utilisation.concurrency)}</td>
                <td className="r num">{formatMs(q.queueWaitMs.p95)}</td>
                <td className={`r num${q.rateLimited ? ' warn' : ''}`}>{formatCount(q.rateLimited)}</td>
                <td className={`r num${q.headroom < 0.2 ? ' bad' : ''}`}>{formatShare(q.headroom)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="offered">
        <summary>Offered load estimated before the run</summary>
        <ul>
          {results.stability.offered.map((o, i) => (
            <li key={i} className={o.offered >= 1 ? 'bad' : ''}>
              <b>
                {o.quotaId} {o.dimension}
              </b>{' '}
              {formatShare(o.offered)} of capacity at the busiest hour: {o.explanation}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
