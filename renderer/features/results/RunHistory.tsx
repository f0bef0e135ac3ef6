import { formatCount, formatMs, formatUsd, formatShare } from '../../../simulation/index';
import { useRun } from '../../app/app-context';

/** The last runs side by side, to compare what-ifs (another model, top_n, a cache) at a glance. */
export function RunHistory() {
  const history = useRun((s) => s.history);
  if (history.length < 2) return null;
  return (
    <section className="result-section" aria-label="Recent runs">
      <h2>Recent runs</h2>
      <p className="section-note">This session's finished runs, newest first; the first row is the one shown above.</p>
      <div className="table-wrap">
        <table className="data-table compact">
          <thead>
            <tr>
              <th>Run</th>
              <th>Pipeline</th>
              <th className="r">Seed</th>
              <th className="r">Measured</th>
              <th className="r">P50</th>
              <th className="r">P95</th>
              <th className="r">P99</th>
              <th className="r">Error rate</th>
              <th className="r">Cost per query</th>
              <th className="r">Monthly cost</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h, i) => (
              <tr key={h.runId} className={i === 0 ? 'current-row' : undefined}>
                <td className="num">#{h.runId}</td>
                <td>{h.pipelineName}</td>
                <td className="r num">{h.seed}</td>
                <td className="r num">{formatCount(h.requestsMeasured)}</td>
                <td className="r num">{formatMs(h.headline.p50Ms)}</td>
                <td className="r num">{formatMs(h.headline.p95Ms)}</td>
                <td className="r num">{formatMs(h.headline.p99Ms)}</td>
                <td className="r num">{formatShare(h.headline.errorRate)}</td>
                <td className="r num">{formatUsd(h.headline.costPerQueryUsd)}</td>
                <td className="r num">{formatUsd(h.headline.monthlyCostUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
