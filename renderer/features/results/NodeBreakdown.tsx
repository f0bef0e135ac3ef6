import { formatCount, formatMs, formatUsd, nodeKind, formatShare, type RunResults } from '../../../simulation/index';
import { NodeLink } from './NodeLink';
import { reportRows } from './node-report';

/** Per node: traffic, its own latency, failures and its share of the usage cost; click a row to edit it. */
export function NodeBreakdown({ results }: { results: RunResults }) {
  const rows = results.nodes.filter((n) => n.kind !== 'source');
  return (
    <section className="result-section" aria-label="Per-node breakdown">
      <h2>Per node</h2>
      <p className="section-note">Latency is the time a request spends inside the node (queueing, retries and backoff included). Cost share is the node's part of the run's usage cost; fixed costs are not assigned to nodes.</p>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th>Node</th>
              <th className="r">Requests</th>
              <th className="r">P50</th>
              <th className="r">P95</th>
              <th className="r">P99</th>
              <th className="r">Failed</th>
              <th className="r">Retries</th>
              <th className="r">429s</th>
              <th className="r">Usage cost</th>
              <th>Share of cost</th>
              <th>Node report</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={n.id} data-testid={`node-row-${n.id}`}>
                <td>
                  <NodeLink id={n.id}>{n.name || n.id}</NodeLink>
                  <div className="faint">{nodeKind(n.kind)?.title ?? n.kind}</div>
                </td>
                <td className="r num">{formatCount(n.entered)}</td>
                <td className="r num">{n.latency.count ? formatMs(n.latency.p50) : '—'}</td>
                <td className="r num">{n.latency.count ? formatMs(n.latency.p95) : '—'}</td>
                <td className="r num">{n.latency.count ? formatMs(n.latency.p99) : '—'}</td>
                <td className={`r num${n.failed ? ' bad' : ''}`}>{formatCount(n.failed)}</td>
                <td className="r num">{formatCount(n.retries)}</td>
                <td className={`r num${n.rateLimited ? ' warn' : ''}`}>{formatCount(n.rateLimited)}</td>
                <td className="r num">{formatUsd(n.costUsd)}</td>
                <td>
                  <div className="share-bar" title={formatShare(n.costShare)}>
                    <span style={{ width: `${Math.min(100, n.costShare * 100)}%` }} />
                    <em className="num">{formatShare(n.costShare)}</em>
                  </div>
                </td>
                <td className="report-cell">
                  {reportRows(n.report, results.nodes)
                    .filter((r) => r.value !== '0' && r.value !== '—' && r.value !== '$0')
                    .map((r) => (
                      <span key={r.label} className="report-chip">
                        {r.label}: <b className="num">{r.value}</b>
                      </span>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
