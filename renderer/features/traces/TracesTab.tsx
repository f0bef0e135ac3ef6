import { useMemo, useState } from 'react';
import type { RunResults } from '../../../simulation/index';
import { useRevealNode } from '../results/use-reveal-node';
import { TraceWaterfall } from './TraceWaterfall';
import { traceListRows, type TraceReason } from './trace-waterfall';
import './traces.css';

type Filter = 'all' | TraceReason;
const FILTERS: Array<{ id: Filter; label: string }> = [
  { id: 'all', label: 'All' },
  { id: 'failed', label: 'Failed' },
  { id: 'slowest', label: 'Slowest' },
  { id: 'sampled', label: 'Sampled' },
];

/** Sampled request traces: a list with why each was kept, and the selected one as a waterfall. */
export function TracesTab({ results }: { results: RunResults }) {
  const reveal = useRevealNode();
  const rows = useMemo(() => traceListRows(results.traces), [results]);
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState<number | null>(null);
  const matches = (r: (typeof rows)[number], f: Filter) => f === 'all' || r.reason === f || (f === 'slowest' && r.amongSlowest);
  const shown = rows.filter((r) => matches(r, filter));
  const current = selected !== null && results.traces[selected] ? selected : (shown[0]?.index ?? null);
  const count = (f: Filter) => rows.filter((r) => matches(r, f)).length;
  if (!rows.length) {
    return (
      <section className="result-section">
        <h2>Traces</h2>
        <p className="muted">No traces were kept. Raise the trace sample rate, or the slowest and failed traces kept, in the Pipeline tab's run settings.</p>
      </section>
    );
  }
  return (
    <section className="result-section traces" aria-label="Request traces">
      <h2>Request traces</h2>
      <p className="section-note">
        The slowest served requests and the first failures are always kept (tail sampling), beside a random sample of the rest; the counts and sample rate are run settings in the editor's Pipeline tab. Times are from the request's arrival.
      </p>
      <div className="traces-layout">
        <div className="trace-list-pane">
          <div className="segmented" role="radiogroup" aria-label="Show traces">
            {FILTERS.map((f) => (
              <button key={f.id} role="radio" aria-checked={filter === f.id} className={filter === f.id ? 'active' : ''} onClick={() => setFilter(f.id)} disabled={count(f.id) === 0}>
                {f.label} <span className="faint num">{count(f.id)}</span>
              </button>
            ))}
          </div>
          <ul className="trace-list" aria-label="Traces" data-testid="trace-list">
            {shown.map((r) => (
              <li key={r.index}>
                <button className={`trace-item${r.index === current ? ' active' : ''}`} aria-current={r.index === current} onClick={() => setSelected(r.index)}>
                  <span className={`reason-badge reason-${r.reason}`}>{r.reason}</span>
                  {r.reason !== 'slowest' && r.amongSlowest && <span className="reason-badge reason-slowest">slowest</span>}
                  <span className="num">#{r.requestId}</span>
                  <span className="num trace-latency">{r.latency}</span>
                  <span className="trace-meta num">
                    <span className={r.failed ? 'bad' : ''}>{r.outcome}</span> · {r.cost} · {r.arrival} · {r.spans} spans{r.className !== 'default' ? ` · ${r.className}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
        {current !== null && <TraceWaterfall trace={results.traces[current]!} onNode={reveal} />}
      </div>
    </section>
  );
}
