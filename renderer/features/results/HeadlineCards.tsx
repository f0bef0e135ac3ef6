import { useMemo } from 'react';
import { explainHeadline, type RunResults } from '../../../simulation/index';
import { useHeadlineIntervals } from '../analysis/headline-intervals';
import { ExplainPopover } from './ExplainPopover';
import { headlineCards } from './headline-cards';

const STATUS_TEXT = { pass: 'meets its target', near: 'meets its target with little margin', fail: 'misses its target', none: 'no target' } as const;

/** The headline figures, coloured against the document's SLO targets, each with its explanation. */
export function HeadlineCards({ results }: { results: RunResults }) {
  const cards = useMemo(() => headlineCards(results), [results]);
  const explanations = useMemo(() => explainHeadline(results), [results]);
  // ± from the Analysis workspace's replications of this very document and seed, when there are any.
  const intervals = useHeadlineIntervals(results);
  return (
    // The frame is the size container the grid's layout reads (a grid cannot query its own width).
    <div className="headline-frame">
      <div className="cards headline-cards" data-count={cards.length} role="list" aria-label="Headline figures">
        {cards.map((c) => (
          <div key={c.key} role="listitem" className={`card status-${c.status}`} data-testid={`card-${c.key}`} aria-label={`${c.label}: ${c.value}${c.note ? `, ${c.note}` : ''}${c.target ? `, ${c.target}, ${STATUS_TEXT[c.status]}` : ''}${intervals?.[c.key] ? `, mean ${intervals[c.key]!.text} (${intervals[c.key]!.confidence})` : ''}`}>
            <div className="card-head">
              <span className="card-label">{c.label}</span>
              <ExplainPopover explanation={explanations[c.key]} label={c.label} />
            </div>
            <div className="card-value num" data-testid={`value-${c.key}`}>
              {c.value}
            </div>
            {intervals?.[c.key] && (
              <div className="card-interval num" data-testid={`card-interval-${c.key}`} title={`Mean of the replications ± half-width (${intervals[c.key]!.confidence})`}>
                <span>mean {intervals[c.key]!.mean}</span> <span>{intervals[c.key]!.pm}</span>
              </div>
            )}
            {c.note && (
              <div className="card-note num" data-testid={`card-note-${c.key}`}>
                {c.note}
              </div>
            )}
            <div className="card-foot">
              {c.sub && <span className="num">{c.sub}</span>}
              {c.target && <span className="card-target">{c.target}</span>}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
