import { ExplainPopover } from './ExplainPopover';
import type { Figure } from './figures';

/** A row of small figure cards, each with its "?" explanation (the headline cards' look). */
export function FigureCards({ figures, label }: { figures: Figure[]; label: string }) {
  return (
    <div className="cards" role="list" aria-label={label}>
      {figures.map((f) => (
        <div key={f.key} role="listitem" className={`card status-${f.tone}`} data-testid={`figure-${f.key}`} aria-label={`${f.label}: ${f.value}${f.sub ? `, ${f.sub}` : ''}`}>
          <div className="card-head">
            <span className="card-label">{f.label}</span>
            <ExplainPopover explanation={f.explanation} label={f.label} />
          </div>
          <div className="card-value num">{f.value}</div>
          {f.sub && (
            <div className="card-foot">
              <span className="num">{f.sub}</span>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
