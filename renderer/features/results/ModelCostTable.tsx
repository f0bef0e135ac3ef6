import { formatTokens, formatUsd, formatShare, type RunResults } from '../../../simulation/index';

/**
 * Usage by model: tokens (input includes its cached part), cost and share. `cachedColumn` adds the
 * cached part on its own, for the debugging view.
 */
export function ModelCostTable({ results, cachedColumn = false, testId }: { results: RunResults; cachedColumn?: boolean; testId?: string }) {
  return (
    <table className="data-table compact" data-testid={testId}>
      <thead>
        <tr>
          <th>Model</th>
          <th className="r">Input (with cached)</th>
          {cachedColumn && <th className="r">Cached</th>}
          <th className="r">Output</th>
          <th className="r">Cost</th>
          <th className="r">Share</th>
        </tr>
      </thead>
      <tbody>
        {results.cost.byModel.map((m) => (
          <tr key={m.model}>
            <td>
              {m.model} <span className="faint">{m.provider}</span>
            </td>
            <td className="r num">{formatTokens(m.inputTokens)}</td>
            {cachedColumn && <td className="r num">{formatTokens(m.cachedInputTokens)}</td>}
            <td className="r num">{formatTokens(m.outputTokens)}</td>
            <td className="r num">{formatUsd(m.usd)}</td>
            <td className="r num">{formatShare(m.share)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
