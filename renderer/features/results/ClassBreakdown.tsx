import { formatCount, formatMs, formatUsd, type RunResults } from '../../../simulation/index';

/** Latency and cost per query class (simple vs complex queries differ in tokens, so in both). */
export function ClassBreakdown({ results }: { results: RunResults }) {
  const classes = results.latency.byClass;
  if (classes.length < 2) return null;
  return (
    <section className="result-section" aria-label="By query class">
      <h2>By query class</h2>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>Class</th>
            <th className="r">Measured</th>
            <th className="r">Served</th>
            <th className="r">P50</th>
            <th className="r">P95</th>
            <th className="r">P99</th>
            <th className="r">Usage cost per query</th>
          </tr>
        </thead>
        <tbody>
          {classes.map((c) => (
            <tr key={c.class}>
              <td>{c.class}</td>
              <td className="r num">{formatCount(c.measured)}</td>
              <td className="r num">{formatCount(c.served)}</td>
              <td className="r num">{formatMs(c.latency.p50)}</td>
              <td className="r num">{formatMs(c.latency.p95)}</td>
              <td className="r num">{formatMs(c.latency.p99)}</td>
              <td className="r num">{formatUsd(c.costPerQueryUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
