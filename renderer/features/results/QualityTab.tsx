import { useMemo } from 'react';
import { formatCount, formatShare, type RunResults } from '../../../simulation/index';
import { FigureCards } from './FigureCards';
import { pathRows, productionColumn, qualityFigures, sliceRows, type SliceColumn } from './quality-view';
import { NodeLink } from './NodeLink';

function Paths({ results }: { results: RunResults }) {
  const rows = pathRows(results);
  return (
    <section className="result-section" aria-label="Quality per answering path">
      <h2>Quality and cost per answering path</h2>
      <p className="section-note">Each row is the node that produced the answer. Cost per query is the usage cost of the requests answered there (every call on the way, retries and failed attempts included), so cheap tiers and caches show what their savings cost in quality.</p>
      {rows.length === 0 ? (
        <p className="muted">No answers were served.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>Answered by</th>
              <th>Share of answers</th>
              <th className="r">Served</th>
              <th className="r">Quality</th>
              <th className="r">Cost per query</th>
              <th className="r">P50</th>
              <th className="r">P95</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.nodeId} data-testid={`path-row-${p.nodeId}`}>
                <td>
                  <NodeLink id={p.nodeId}>{p.name}</NodeLink>
                  <div className="faint">{p.kind}</div>
                </td>
                <td>
                  <div className="share-bar" title={formatShare(p.share)}>
                    <span style={{ width: `${Math.min(100, p.share * 100)}%` }} />
                    <em className="num">{formatShare(p.share)}</em>
                  </div>
                </td>
                <td className="r num">{formatCount(p.served)}</td>
                <td className="r num">{p.quality}</td>
                <td className="r num">{p.costPerQuery}</td>
                <td className="r num">{p.p50}</td>
                <td className="r num">{p.p95}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SliceTable({ title, note, columns, compare, testId }: { title: string; note: string; columns: SliceColumn[]; compare: boolean; testId: string }) {
  const rows = sliceRows(columns, compare);
  return (
    <section className="result-section" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      <p className="section-note">{note}</p>
      <table className="data-table compact slice-table">
        <thead>
          <tr>
            <th />
            {columns.map((c) => (
              <th key={c.key} className={`r slice-${c.key}`}>
                {c.title}
                <div className="faint slice-note">{c.note}</div>
              </th>
            ))}
            {compare && <th className="r">Green − blue</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <td>{row.label}</td>
              {row.values.map((v, i) => (
                <td key={i} className="r num">
                  {v}
                </td>
              ))}
              {compare && <td className="r num faint">{row.delta}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Slices({ results }: { results: RunResults }) {
  const { colours, shadow, batch } = results.slices;
  if (!colours && !shadow && !batch) {
    return <p className="section-note">No blue-green split, shadow or batch lane in this pipeline: add a Blue-green split or Shadow node to compare versions side by side.</p>;
  }
  const total = colours ? colours.blue.measured + colours.green.measured : 0;
  return (
    <>
      {colours && (
        <SliceTable
          title="Blue / green side by side"
          testId="slice-colours"
          note="Requests the split sent to each colour, measured separately; the last column is the canary's difference."
          compare
          columns={[
            { key: 'blue', title: 'Blue (current)', note: `${formatShare(total ? colours.blue.measured / total : 0)} of traffic`, summary: colours.blue },
            { key: 'green', title: 'Green (candidate)', note: `${formatShare(total ? colours.green.measured / total : 0)} of traffic`, summary: colours.green },
          ]}
        />
      )}
      {shadow && (
        <SliceTable
          title="Shadow copies"
          testId="slice-shadow"
          note="Copies of production requests sent to the shadow path: they pay and use quota, but users never see their answers."
          compare={false}
          columns={[productionColumn(results, shadow), { key: 'shadow', title: 'Shadow path', note: 'measured only', summary: shadow }]}
        />
      )}
      {batch && (
        <SliceTable title="Batch lane" testId="slice-batch" note="Work sent through a Batch LLM: answered at the provider's batch discount, hours later, apart from real-time latency." compare={false} columns={[{ key: 'batch', title: 'Batch lane', note: 'not in the real-time figures', summary: batch }]} />
      )}
    </>
  );
}

/** Quality: faithfulness and escalations, quality per path beside cost, and colours/shadow/batch side by side. */
export function QualityTab({ results }: { results: RunResults }) {
  const figures = useMemo(() => qualityFigures(results), [results]);
  return (
    <>
      <FigureCards figures={figures} label="Quality figures" />
      <Paths results={results} />
      <Slices results={results} />
    </>
  );
}
