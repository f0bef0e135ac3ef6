import { useMemo } from 'react';
import { traceText, waterfall, type SpanTone, type TraceResult } from './trace-waterfall';

const TONE_TEXT: Record<SpanTone, string> = { ok: 'ok', cache: 'cache hit', 'rate-limited': '429 rate limited', timeout: 'timeout', error: 'error', refused: 'refused' };

/** One request as a waterfall: span bars from the request's arrival, labelled like the guide's AI Request Trace. */
export function TraceWaterfall({ trace, onNode }: { trace: TraceResult; onNode(id: string): void }) {
  const w = useMemo(() => waterfall(trace), [trace]);
  const text = useMemo(() => traceText(trace), [trace]);
  return (
    <div className="waterfall" aria-label="Trace waterfall" data-testid="trace-waterfall">
      <header className="waterfall-head">
        <div>
          <h3>
            AI Request Trace <span className={`reason-badge reason-${trace.reason}`}>{trace.reason}</span>
          </h3>
          <div className="faint">{w.title}</div>
        </div>
        <dl className="waterfall-totals">
          <div>
            <dt>Total</dt>
            <dd className="num" data-testid="trace-total">
              {w.total}
            </dd>
          </div>
          <div>
            <dt>Cost</dt>
            <dd className="num" data-testid="trace-cost">
              {w.cost}
            </dd>
          </div>
          <div>
            <dt>Tokens</dt>
            <dd className="num">{w.tokens}</dd>
          </div>
          {w.ttft && (
            <div>
              <dt>First token</dt>
              <dd className="num">{w.ttft}</dd>
            </div>
          )}
          <div>
            <dt>Outcome</dt>
            <dd className={trace.outcome === 'failed' ? 'bad' : ''}>{w.outcome}</dd>
          </div>
        </dl>
      </header>
      <div className="wf-grid" role="table" aria-label="Spans">
        <div className="wf-row wf-axis" role="row" aria-hidden>
          <span />
          <span className="wf-track">
            {w.ticks.map((t) => (
              <span key={t.label} className="wf-tick" style={{ left: `${t.pct}%` }}>
                {t.label}
              </span>
            ))}
          </span>
          <span />
        </div>
        {w.spans.map((s) => (
          <div key={s.key} className={`wf-row tone-${s.tone}`} role="row" data-testid="trace-span">
            <span className="wf-label" role="cell">
              <button className="link-btn wf-name" onClick={() => onNode(s.nodeId)} title="Show in the editor">
                {s.name}
              </button>
              <span className="faint" title={[s.kindTitle, s.model, s.attempt].filter(Boolean).join(' · ')}>
                {[s.kindTitle, s.model, s.attempt].filter(Boolean).join(' · ')}
              </span>
            </span>
            <span className="wf-track" role="cell" aria-label={`from ${s.start} for ${s.duration}`}>
              {w.ticks.map((t) => (
                <span key={t.label} className="wf-gridline" style={{ left: `${t.pct}%` }} />
              ))}
              <span className="wf-bar" style={{ left: `${s.leftPct}%`, width: `${s.widthPct}%` }} title={`${s.name}: starts at ${s.start}, lasts ${s.duration}, ${TONE_TEXT[s.tone]}`} />
            </span>
            <span className="wf-figures" role="cell">
              <b className="num">{s.duration}</b>
              {s.status !== 200 && <span className={`status-chip tone-${s.tone}`}>{s.status} {TONE_TEXT[s.tone]}</span>}
              {s.tokens && <span className="num">{s.tokens}</span>}
              {s.cost && <span className="num">{s.cost}</span>}
              {s.finishReason && s.status === 200 && <span className="faint">finish reason: {s.finishReason}</span>}
              {s.note && <span className="faint">{s.note}</span>}
            </span>
          </div>
        ))}
      </div>
      <div className="wf-legend" aria-hidden>
        {(['ok', 'cache', 'rate-limited', 'timeout', 'error', 'refused'] as SpanTone[]).map((t) => (
          <span key={t} className={`tone-${t}`}>
            <i />
            {TONE_TEXT[t]}
          </span>
        ))}
      </div>
      <details className="offered">
        <summary>As text (the production guide's trace format)</summary>
        <pre className="excerpt" data-testid="trace-text">
          {text}
        </pre>
      </details>
    </div>
  );
}
