import { formatCount, formatMs, formatUsd, formatShare } from '../../../simulation/index';
import { useDocument, useRun } from '../../app/app-context';
import { reportRows } from '../../features/results/node-report';

/** The selected node's own figures from the last run, including its kind's report, read generically. */
export function NodeRunFigures({ nodeId }: { nodeId: string }) {
  const results = useRun((s) => s.results);
  const stale = useRun((s) => s.resultsRevision) !== useDocument((s) => s.revision);
  const node = results?.nodes.find((n) => n.id === nodeId);
  if (!results || !node) return null;
  const rows: Array<[string, string]> = [
    ['Requests in', formatCount(node.entered)],
    ['OK / failed', `${formatCount(node.ok)} / ${formatCount(node.failed)}`],
    ['Attempts (retries)', `${formatCount(node.attempts)} (${formatCount(node.retries)})`],
    ['Rate-limited (429)', formatCount(node.rateLimited)],
    ['Latency P50 · P95 · P99', node.latency.count ? `${formatMs(node.latency.p50)} · ${formatMs(node.latency.p95)} · ${formatMs(node.latency.p99)}` : '—'],
    ['Usage cost (share)', `${formatUsd(node.costUsd)} (${formatShare(node.costShare)})`],
    ...reportRows(node.report, results.nodes).map((r): [string, string] => [r.label, r.value]),
  ];
  return (
    <section className="inspector-section" aria-label="Last run">
      <h3>
        Last run{stale && <span className="badge warning">pipeline changed since</span>}
      </h3>
      <dl className="kv">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd className="num">{v}</dd>
          </div>
        ))}
      </dl>
      <p className="faint">Latency is the time a request spent inside this node, queueing and retries included; cost share is this node's part of the run's usage cost.</p>
    </section>
  );
}
