import { useMemo } from 'react';
import { formatCount, formatMs, formatUsd, formatShare, type RunResults } from '../../../simulation/index';
import { RELIABILITY, reliabilityTimelineOption, timelineHeight, timelineRows } from '../../charts/options/reliability-timeline';
import { Chart } from './Charts';
import { ExplainPopover } from './ExplainPopover';
import { FigureCards } from './FigureCards';
import { minuteLabel } from './figures';
import { breakerRows, fallbackDepthBars, faultRows, reliabilityFigures, timelineEvents } from './reliability-view';
import { NodeLink } from './NodeLink';

function Timeline({ results }: { results: RunResults }) {
  const option = useMemo(() => reliabilityTimelineOption(results), [results]);
  const rows = useMemo(() => timelineRows(results).length, [results]);
  const events = useMemo(() => timelineEvents(results), [results]);
  return (
    <section className="result-section" aria-label="Reliability timeline">
      <h2>Reliability per minute{results.reliability.faults.length ? ', during faults' : ''}</h2>
      <div className="chart-legend">
        {results.reliability.faults.length > 0 && (
          <span>
            <i className="swatch" style={{ background: RELIABILITY.fault }} />
            fault window (as it ran)
          </span>
        )}
        {results.series.warmupEndMs > 0 && (
          <span>
            <i className="swatch" style={{ background: 'rgba(152, 162, 179, 0.3)' }} />
            warm-up (not in the statistics)
          </span>
        )}
        <span>Drag the slider or scroll on the chart to zoom; all rows share the minute axis.</span>
      </div>
      <Chart option={option} height={timelineHeight(rows)} label="Error rate, fallback share, 429s, queue depth and breaker state per simulated minute, fault windows shaded" testId="reliability-timeline" />
      {!results.quotas.length && <p className="section-note">No quotas in this pipeline, so there are no 429s or quota queues to show.</p>}
      <h3>What happened</h3>
      {events.length ? (
        <ol className="timeline-events" data-testid="timeline-events">
          {events.map((e, i) => (
            <li key={i} className={`tone-${e.tone}`}>
              <b className="num">{minuteLabel(e.atMs)}</b> {e.text}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No faults, no breaker opened and no minute was down.</p>
      )}
    </section>
  );
}

function FallbackDepth({ results }: { results: RunResults }) {
  const bars = fallbackDepthBars(results);
  return (
    <section className="result-section" aria-label="Fallback depth">
      <h2>Fallback depth</h2>
      <p className="section-note">Served requests by the number of fallback steps (error ports or a breaker's open port) taken on the way to the answer.</p>
      <div className="depth-bars" role="list">
        {bars.map((b, i) => (
          <div key={b.label} role="listitem" className="depth-row" aria-label={`${b.label}: ${formatCount(b.count)} (${formatShare(b.share)})`}>
            <span className="depth-label">{b.label}</span>
            <span className="depth-track">
              <span className={`depth-fill depth-${i}`} style={{ width: `${Math.max(b.count ? 0.5 : 0, b.share * 100)}%` }} />
            </span>
            <span className="num depth-figure">
              {formatCount(b.count)} <span className="faint">{formatShare(b.share)}</span>
            </span>
          </div>
        ))}
      </div>
    </section>
  );
}

function Breakers({ results }: { results: RunResults }) {
  const rows = breakerRows(results);
  if (!rows.length) return null;
  return (
    <section className="result-section" aria-label="Circuit breakers">
      <h2>Circuit breakers</h2>
      <p className="section-note">Time open is within the measured window. Money saved is what the short-circuited requests would have spent on calls that fail anyway.</p>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th>Breaker</th>
              <th>Protects</th>
              <th className="r">Times opened</th>
              <th className="r">Time open</th>
              <th className="r">Half-open</th>
              <th className="r">Short-circuited</th>
              <th className="r">Calls timed out</th>
              <th className="r">Saved on doomed calls</th>
              <th>State at end</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.nodeId} data-testid={`breaker-row-${b.nodeId}`}>
                <td>
                  <NodeLink id={b.nodeId}>{b.name}</NodeLink>
                  <div className="faint">{b.flavour}</div>
                </td>
                <td>{b.protectsName}</td>
                <td className="r num">{formatCount(b.timesOpened)}</td>
                <td className="r num">
                  {formatMs(b.timeOpenMs)} <span className="faint">{formatShare(b.openShare)}</span>
                </td>
                <td className="r num">{formatMs(b.timeHalfOpenMs)}</td>
                <td className="r num">{formatCount(b.shortCircuited)}</td>
                <td className="r num">{formatCount(b.timedOutCalls)}</td>
                <td className="r num">
                  <span className="inline-explain">
                    {formatUsd(b.moneySavedUsd)}
                    <ExplainPopover label="money saved" explanation={{ title: 'Money saved on doomed calls', formula: b.savedFormula, details: [`A failed call at ${b.protectsName} cost ${formatUsd(b.meanDoomedCallUsd)} on average in this run (its retries included): tokens billed before the error, or nothing for a fast 503.`, 'Short-circuited requests took the open port instead, so that money was not spent.'] }} />
                  </span>
                </td>
                <td>
                  <span className={`badge ${b.stateAtEnd === 'closed' ? 'ok' : 'warning'}`}>{b.stateAtEnd}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Faults({ results }: { results: RunResults }) {
  const rows = faultRows(results);
  if (!rows.length) return null;
  return (
    <section className="result-section" aria-label="Fault windows">
      <h2>Fault windows as they ran</h2>
      <p className="section-note">A mitigable fault ends after the team's detection + mitigation time (the Operations settings in the editor's Faults tab); otherwise it runs its full length.</p>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>Fault</th>
            <th>Type</th>
            <th>Target</th>
            <th>When</th>
            <th className="r">Lasted</th>
            <th>Ended by</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.id}>
              <td className="mono">{f.id}</td>
              <td>{f.type}</td>
              <td>{f.targetName}</td>
              <td className="num">{f.when}</td>
              <td className="r num">{formatMs(f.durationMs)}</td>
              <td>{f.mitigated ? <span className="badge ok">mitigated early</span> : <span className="badge">ran its full length</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Reliability: figures, the per-minute timeline during faults, fallback depth, breakers, fault windows. */
export function ReliabilityTab({ results }: { results: RunResults }) {
  const figures = useMemo(() => reliabilityFigures(results), [results]);
  return (
    <>
      <FigureCards figures={figures} label="Reliability figures" />
      <Timeline results={results} />
      <div className="chart-grid">
        <FallbackDepth results={results} />
        <Faults results={results} />
      </div>
      <Breakers results={results} />
    </>
  );
}
