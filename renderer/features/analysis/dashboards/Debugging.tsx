import { useMemo } from 'react';
import { formatCount, formatMs, formatShare, type RunResults } from '../../../../simulation/index';
import { nodeLatencyOption } from '../../../charts/options/dashboards';
import { nodeLabel } from '../../results/node-label';
import { Chart } from '../Chart';
import { tokensPerQuery } from './dashboard-model';
import { ModelCostTable } from '../../results/ModelCostTable';

/** For engineers: per-component latency, token usage, cache hit rates, per-model figures. */
export function Debugging({ results }: { results: RunResults }) {
  const latency = useMemo(() => nodeLatencyOption(results, formatMs), [results]);
  const t = tokensPerQuery(results);
  const nodes = results.nodes.filter((n) => n.kind !== 'source' && n.latency.count > 0).length;
  return (
    <>
      <section className="result-section" aria-label="Per-component latency">
        <h2>Per-component latency</h2>
        <p className="section-note">Time a request spends in each node (queueing, retries and backoff included), slowest P99 on top.</p>
        <Chart option={latency} label="P50, P95 and P99 of each node" height={Math.max(200, 50 + nodes * 36)} testId="debug-node-latency" />
      </section>
      <div className="tool-grid">
        <section className="result-section" aria-label="Token usage">
          <h2>Token usage per query</h2>
          <dl className="kv" data-testid="debug-tokens">
            <div>
              <dt>Chat and embedding input</dt>
              <dd className="num">{formatCount(t.chatEmbeddingInput)}</dd>
            </div>
            <div>
              <dt>of it from the prompt cache</dt>
              <dd className="num">{formatCount(t.cachedInput)}</dd>
            </div>
            <div>
              <dt>Chat output</dt>
              <dd className="num">{formatCount(t.output)}</dd>
            </div>
            {t.rerank > 0 && (
              <div>
                <dt>Rerank candidate tokens</dt>
                <dd className="num">{formatCount(t.rerank)}</dd>
              </div>
            )}
            <div>
              <dt>Billed tokens (chat, embedding and rerank)</dt>
              <dd className="num">{formatCount(t.billed)}</dd>
            </div>
          </dl>
          <p className="muted small-note">Billed tokens are what chargeback counts; a quota's tokens per query (Capacity) count only the calls through that quota.</p>
          <h3 style={{ marginTop: 10 }}>By model</h3>
          <ModelCostTable results={results} cachedColumn testId="debug-models" />
        </section>
        <section className="result-section" aria-label="Cache hit rates">
          <h2>Cache hit rates</h2>
          {results.caches.length === 0 ? (
            <p className="muted">No response cache in the pipeline (the guide's target is a hit rate above 30 %).</p>
          ) : (
            <table className="data-table compact" data-testid="debug-caches">
              <thead>
                <tr>
                  <th>Cache</th>
                  <th className="r">Lookups</th>
                  <th className="r">Hit rate</th>
                  <th className="r">Expired</th>
                  <th className="r">Evictions</th>
                </tr>
              </thead>
              <tbody>
                {results.caches.map((k) => (
                  <tr key={k.nodeId}>
                    <td>
                      {nodeLabel(results.nodes, k.nodeId)} <span className="faint">{k.mode}</span>
                    </td>
                    <td className="r num">{formatCount(k.lookups)}</td>
                    <td className={`r num${k.hitRate < 0.3 ? ' warn' : ''}`}>{formatShare(k.hitRate)}</td>
                    <td className="r num">{formatCount(k.expired)}</td>
                    <td className="r num">{formatCount(k.evictions)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {t.cachedInput > 0 && <p className="muted small-note">Prompt cache: {formatShare(t.cachedInput / t.chatEmbeddingInput)} of chat and embedding input tokens read from the provider's cache.</p>}
        </section>
      </div>
    </>
  );
}
