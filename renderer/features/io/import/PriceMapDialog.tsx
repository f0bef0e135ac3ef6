import { useMemo, useState } from 'react';
import { formatTokens, type LiteLlmPriceImport } from '../../../../simulation/index';
import { useServices } from '../../../app/app-context';
import { Modal } from '../../../app/Modal';
import { addModelsCommand, MODES, priceLine, pricePreview, type ModelMode } from './price-map-view';

const MODE_TITLES: Record<ModelMode, string> = { chat: 'Chat', embedding: 'Embedding', rerank: 'Rerank' };
const STATUS_TEXT = { new: 'new', changed: 'new price', same: 'same price' } as const;
/** Rows drawn at once in the model list; the filter narrows longer lists. */
const SHOWN_ROWS = 400;

/** Import LiteLLM price map…: what the file gives, what it changes for this pipeline, and what was skipped and why. */
export function PriceMapDialog({ fileName, result, close }: { fileName: string; result: LiteLlmPriceImport; close(): void }) {
  const { documents, validation, ui } = useServices();
  const preview = useMemo(() => pricePreview(result, validation.flush().catalog, documents.getState().doc.nodes), [result, validation, documents]);
  const [modes, setModes] = useState<Set<ModelMode>>(() => new Set(MODES));
  const [filter, setFilter] = useState('');
  const chosen = preview.byMode.filter((g) => modes.has(g.mode)).flatMap((g) => g.entries.map((e) => e.entry));
  const q = filter.trim().toLowerCase();
  const rows = preview.byMode.flatMap((g) => g.entries.map((e) => ({ ...e, mode: g.mode }))).filter((r) => !q || `${r.entry.id} ${r.entry.provider}`.toLowerCase().includes(q));

  const add = () => {
    const command = addModelsCommand(documents.getState().doc, chosen);
    if (!command || !documents.getState().execute(command)) return;
    close();
    const updated = preview.used.filter((u) => u.after && modes.has(u.after.mode)).map((u) => u.id);
    ui.getState().toast('success', `Added ${chosen.length} LiteLLM prices to this pipeline's models${updated.length ? `; ${updated.join(', ')} now priced from ${fileName}` : ''}. Undo with Ctrl+Z.`);
  };

  return (
    <Modal
      title={`Import prices from ${fileName}`}
      wide
      onClose={close}
      actions={<>
        <button className="btn" onClick={close}>Cancel</button>
        <button className="btn primary" data-autofocus disabled={chosen.length === 0} onClick={add}>
          {chosen.length ? `Add ${chosen.length} model${chosen.length === 1 ? '' : 's'} to this pipeline` : 'Nothing to add'}
        </button>
      </>}
    >
      <div className="io-wide" />
      <p data-testid="price-summary">{preview.notes[0]}</p>
      {result.entries.length === 0 && <p className="io-banner error">Nothing in this file could be used: is it LiteLLM&apos;s model_prices_and_context_window.json? The reasons are listed below.</p>}
      <p className="muted">Added models go into this pipeline&apos;s own price list (saved with it), where they replace built-in prices of the same name. The model picker shows them at once.</p>

      {preview.used.length > 0 && (
        <section aria-label="Models this pipeline uses">
          <h3 className="io-h3">Models this pipeline uses</h3>
          <table className="io-table">
            <thead><tr><th>Model</th><th>Used by</th><th>Price now</th><th>In {fileName}</th></tr></thead>
            <tbody>
              {preview.used.map((u) => (
                <tr key={u.id}>
                  <td className="mono">{u.id}</td>
                  <td>{u.nodes.join(', ')}</td>
                  <td>{u.before ? priceLine(u.before) : <span className="bad">not in the catalog</span>}</td>
                  <td>{u.after ? priceLine(u.after) : <span className="muted">not in this file: keeps its price</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section aria-label="Imported models">
        <h3 className="io-h3">Imported ({result.entries.length})</h3>
        <div className="io-row">
          {preview.byMode.map((g) => (
            <label key={g.mode} className="io-check">
              <input type="checkbox" checked={modes.has(g.mode)} onChange={(e) => setModes((m) => { const next = new Set(m); if (e.target.checked) next.add(g.mode); else next.delete(g.mode); return next; })} />
              {MODE_TITLES[g.mode]} ({g.entries.length})
            </label>
          ))}
          <input className="io-filter" type="search" placeholder="Filter by name or provider" aria-label="Filter imported models" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <div className="io-scroll">
          <table className="io-table">
            <thead><tr><th>Model</th><th>Mode</th><th>Provider</th><th>Price</th><th>Context</th><th /></tr></thead>
            <tbody>
              {rows.slice(0, SHOWN_ROWS).map((r) => (
                <tr key={r.entry.id} className={modes.has(r.mode) ? '' : 'io-off'}>
                  <td className="mono">{r.entry.id}</td>
                  <td>{r.mode}</td>
                  <td>{r.entry.provider}</td>
                  <td>{priceLine(r.entry)}</td>
                  <td className="num">{formatTokens(r.entry.contextWindowTokens)}</td>
                  <td><span className={`io-badge ${r.status}`} title={r.before ? `now: ${priceLine(r.before)}` : undefined}>{STATUS_TEXT[r.status]}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > SHOWN_ROWS && <p className="muted">{rows.length - SHOWN_ROWS} more: narrow the list with the filter.</p>}
        </div>
      </section>

      <section aria-label="Skipped entries">
        <h3 className="io-h3">Skipped ({result.skipped.length})</h3>
        {result.skipped.length === 0 ? (
          <p className="muted">None: every entry was imported.</p>
        ) : (
          <>
            <ul className="io-reasons">
              {preview.skipReasons.slice(0, 6).map((r) => (
                <li key={r.reason}><b className="num">{r.count}×</b> {r.reason}</li>
              ))}
            </ul>
            <details className="io-details">
              <summary>Every skipped entry with its reason</summary>
              <ul className="io-skipped" data-testid="skipped-list">
                {result.skipped.map((k) => (
                  <li key={k.key}><span className="mono">{k.key}</span> — {k.reason}</li>
                ))}
              </ul>
            </details>
          </>
        )}
      </section>
    </Modal>
  );
}
