import { useMemo } from 'react';
import { explainHeadline, type RunResults } from '../../../simulation/index';
import { ExplainPopover } from './ExplainPopover';
import { headlineCards } from './headline-cards';

const STATUS_TEXT = { pass: 'meets its target', near: 'meets its target with little margin', fail: 'misses its target', none: 'no target' } as const;

/** The headline figures, coloured against the document's SLO targets, each with its explanation. */
export function HeadlineCards({ results }: { results: RunResults }) {
  const cards = useMemo(() => headlineCards(results), [results]);
  const explanations = useMemo(() => explainHeadline(results), [results]);
  return (
    <div className="cards" role="list" aria-label="Headline figures">
      {cards.map((c) => (
        <div key={c.key} role="listitem" className={`card status-${c.status}`} data-testid={`card-${c.key}`} aria-label={`${c.label}: ${c.value}${c.target ? `, ${c.target}, ${STATUS_TEXT[c.status]}` : ''}`}>
          <div className="card-head">
            <span className="card-label">{c.label}</span>
            <ExplainPopover explanation={explanations[c.key]} label={c.label} />
          </div>
          <div className="card-value num" data-testid={`value-${c.key}`}>
            {c.value}
          </div>
          <div className="card-foot">
            {c.sub && <span className="num">{c.sub}</span>}
            {c.target && <span className="card-target">{c.target}</span>}
          </div>
        </div>
      ))}
    </div>
  );
}
