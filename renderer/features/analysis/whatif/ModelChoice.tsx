import { useState } from 'react';
import { formatTokens, type Catalog } from '../../../../simulation/index';
import { priceText } from '../../../editor/inspector/fields/ModelField';
import type { ModelAxis } from './model-axes';

/** Ticked models in the order the sweep runs them: today's first, then the catalog's order. */
export function orderedModels(ticked: readonly string[], today: string, catalogOrder: readonly string[]): string[] {
  const set = new Set(ticked);
  const rest = catalogOrder.filter((id) => id !== today && set.has(id));
  const unknown = ticked.filter((id) => id !== today && !catalogOrder.includes(id));
  return [...(set.has(today) ? [today] : []), ...rest, ...unknown];
}

/**
 * The models a model what-if compares: the price catalog's models of the node's mode, each with its
 * prices and context window as the Inspector's model picker shows them, ticked in a list.
 */
export function ModelChoice({ axis, catalog, ticked, onChange, describedBy }: { axis: ModelAxis; catalog: Catalog; ticked: string[]; onChange(models: string[]): void; describedBy?: string }) {
  const [query, setQuery] = useState('');
  const models = catalog.ofMode(axis.mode);
  const order = models.map((m) => m.id);
  const shown = models.filter((m) => m.id === axis.today || `${m.id} ${m.provider}`.toLowerCase().includes(query.toLowerCase()));
  const toggle = (id: string, on: boolean) => onChange(orderedModels(on ? [...ticked, id] : ticked.filter((x) => x !== id), axis.today, order));
  return (
    <div className="model-choice">
      <div className="model-choice-head">
        <span className="a-field-label">
          Models to try <span className="field-unit"> · {axis.mode} models from the price catalog; tick two or more</span>
        </span>
        <input className="model-filter" aria-label="Filter models" placeholder="Filter by name or provider" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <div className="model-checks" role="group" aria-label="Models to try" aria-describedby={describedBy} data-testid="sweep-models">
        {shown.map((m) => (
          <label key={m.id} className={`model-check${ticked.includes(m.id) ? ' on' : ''}`}>
            <input type="checkbox" checked={ticked.includes(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
            <span className="model-id">{m.id}</span>
            {m.id === axis.today && <span className="pill">today</span>}
            <span className="num faint">
              {priceText(m)} · {formatTokens(m.contextWindowTokens)} context
            </span>
            <span className="faint" title={`Prices recorded ${m.asOf} from ${m.source}`}>
              {m.provider}
            </span>
          </label>
        ))}
        {!catalog.get(axis.today) && <p className="muted">{axis.today} (today's) is not in the price catalog.</p>}
      </div>
      <p className="muted small-note" data-testid="sweep-models-chosen">
        {ticked.length ? `Comparing ${ticked.map((id) => (id === axis.today ? `${id} (today)` : id)).join(' · ')}` : 'No model ticked.'}
      </p>
    </div>
  );
}
