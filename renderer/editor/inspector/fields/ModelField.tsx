import { useCallback, useRef, useState } from 'react';
import { useClickOutside } from '../../../app/use-click-outside';
import { formatTokens, formatUsd, perMillion, type ModelEntry } from '../../../../simulation/index';
import { FieldShell } from '../FieldShell';
import { useForm } from '../form-context';
import { fieldId, fieldValue } from '../form-values';
import type { FieldSpec } from '../schema-fields';

/** "$0.75 in · $4.50 out per 1M", or the per-search price of a rerank model. */
export function priceText(m: ModelEntry): string {
  const usd = (x: number) => (x >= 0.01 ? `$${x.toFixed(2)}` : formatUsd(x));
  const parts: string[] = [];
  if (m.inputUsdPerToken > 0 || m.mode !== 'rerank') parts.push(`${usd(perMillion(m.inputUsdPerToken))} in`);
  if (m.outputUsdPerToken > 0) parts.push(`${usd(perMillion(m.outputUsdPerToken))} out`);
  const perToken = parts.length ? `${parts.join(' / ')} per 1M` : '';
  const perQuery = m.usdPerQuery > 0 ? `${formatUsd(m.usdPerQuery * 1000)} per 1K searches` : '';
  return [perToken, perQuery].filter(Boolean).join(' + ') || 'free (self-hosted)';
}

/** Model picker: the price catalog's models of the right mode, with prices, context window and source. */
export function ModelField({ spec }: { spec: FieldSpec }) {
  const form = useForm();
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const value = String(fieldValue(form, spec) ?? '');
  const models = form.catalog.ofMode(spec.catalogMode ?? 'chat');
  const current = form.catalog.get(value);
  const shown = models.filter((m) => `${m.id} ${m.provider}`.toLowerCase().includes(query.toLowerCase()));

  useClickOutside(box, open, useCallback(() => setOpen(false), []));

  const choose = (id: string) => {
    setError(form.commit(spec.path, id, spec.label));
    setOpen(false);
    setQuery('');
  };
  return (
    <FieldShell spec={spec} error={null} notice={error} wide>
      <div className="model-field" ref={box}>
        <button type="button" id={fieldId(form, spec.path)} className="model-button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}>
          <span className="model-id">{value || 'choose a model'}</span>
          <span className="model-price">{current ? `${priceText(current)} · ${formatTokens(current.contextWindowTokens)} context` : 'not in the price catalog'}</span>
        </button>
        {open && (
          <div className="model-popover" role="dialog" aria-label={`Choose ${spec.label}`}>
            <input autoFocus aria-label="Filter models" placeholder="Filter by name or provider" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)} />
            <ul className="model-list" role="listbox" aria-label="Models">
              {shown.map((m) => (
                <li key={m.id} role="option" aria-selected={m.id === value} tabIndex={0} className={m.id === value ? 'current' : ''} onClick={() => choose(m.id)} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && choose(m.id)}>
                  <div className="model-line">
                    <span className="model-id">{m.id}</span>
                    <span className="num" title="Context window">{formatTokens(m.contextWindowTokens)} ctx</span>
                  </div>
                  <div className="model-line faint">
                    <span className="num">{priceText(m)}</span>
                    <span title={`Source: ${m.source}`}>
                      {m.provider} · {m.asOf}
                    </span>
                  </div>
                </li>
              ))}
              {shown.length === 0 && <li className="muted">No {spec.catalogMode} model matches “{query}”.</li>}
            </ul>
            <p className="faint model-note">Prices in USD from each provider's pricing page (hover a date for the source). A pipeline's own “models” entries override these.</p>
          </div>
        )}
      </div>
    </FieldShell>
  );
}
