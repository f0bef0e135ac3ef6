import { useId } from 'react';
import { formatParam, getParam, paramLabel, paramUnit, parseValues, suggestValues, type Catalog, type PipelineDocument } from '../../../../simulation/index';
import { useAnalysisServices } from '../analysis-context';
import { useAnalysis } from '../analysis-registry';
import { useFieldError } from '../field-errors';
import type { ModelAxis } from './model-axes';
import { ModelChoice } from './ModelChoice';

/** A parameter's current value, or null when the path does not resolve in this document. */
export function baseValue(doc: PipelineDocument, catalog: Catalog, path: string): number | null {
  try {
    return getParam(doc, path, catalog);
  } catch {
    return null;
  }
}

/** Why a model axis cannot run yet, or null. */
export function modelChoiceError(ticked: readonly string[]): string | null {
  return ticked.length < 2 ? 'tick at least two models to compare (today’s and another)' : null;
}

/**
 * One axis of a sweep: the parameter (numbers, or a node's model) and the values to try. A model
 * axis offers the catalog's models of the node's mode to tick; a numeric one takes typed values.
 */
export function AxisEditor({ index, doc, catalog, paths, models }: { index: number; doc: PipelineDocument; catalog: Catalog; paths: string[]; models: ModelAxis[] }) {
  const { store } = useAnalysisServices();
  const axes = useAnalysis((s) => s.inputs.whatif.axes);
  const axis = axes[index]!;
  const model = axis.models ? (models.find((m) => m.path === axis.path) ?? null) : null;
  const base = model ? null : baseValue(doc, catalog, axis.path);
  const set = (patch: Partial<typeof axis>) => store.getState().setInputs('whatif', { axes: axes.map((a, i) => (i === index ? { ...a, ...patch } : a)) });
  const choose = (path: string) => {
    const m = models.find((x) => x.path === path);
    set(m ? { path, valuesText: '', models: [m.today] } : { path, valuesText: '', models: undefined });
  };
  const unit = paramUnit(axis.path).unit;
  // Checked as typed (an empty box means the placeholder's values), so Run sweep can say why it is off.
  const parsed = !model && axis.valuesText.trim() ? parseValues(axis.path, axis.valuesText) : null;
  const error = model ? modelChoiceError(axis.models ?? []) : typeof parsed === 'string' ? parsed.replace(`${axis.path}: `, '') : null;
  const errorId = useId();
  const what = index === 0 ? 'Values to try' : 'Second values to try';
  useFieldError(`sweep-values-${index}`, error && `${model ? 'Models to try' : what}: ${error}`);
  const name = index === 0 ? 'Parameter' : 'Second parameter';
  return (
    <div className="axis-editor">
      <label className="a-field">
        <span className="a-field-label">{name}</span>
        <select value={axis.path} onChange={(e) => choose(e.target.value)} aria-label={name}>
          {models.length > 0 && (
            <optgroup label="A node's model (prices change)">
              {models.map((m) => (
                <option key={m.path} value={m.path}>
                  {m.label}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="Numbers">
            {paths.map((p) => (
              <option key={p} value={p}>
                {paramLabel(p, doc)}
              </option>
            ))}
          </optgroup>
        </select>
        <span className="a-field-hint mono">
          {axis.path} · today {model ? model.today : base === null ? '—' : formatParam(axis.path, base)}
        </span>
      </label>
      {model ? (
        <div className="a-field grow">
          <ModelChoice axis={model} catalog={catalog} ticked={axis.models ?? []} onChange={(ticked) => set({ models: ticked })} describedBy={error ? errorId : undefined} />
          {error && (
            <span className="a-field-hint" id={errorId}>
              To run: {error}.
            </span>
          )}
        </div>
      ) : (
        <>
          <label className="a-field grow">
            <span className="a-field-label">
              Values to try{unit && <span className="field-unit"> {unit}</span>}
              <span className="field-unit"> · separated by commas or spaces (no thousands separators); empty = the placeholder's</span>
            </span>
            <input value={axis.valuesText} placeholder={base === null ? '' : suggestValues(axis.path, base)} onChange={(e) => set({ valuesText: e.target.value })} aria-label={what} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
            {error && (
              <span className="a-field-error" id={errorId} role="alert">
                {error}
              </span>
            )}
          </label>
          <button className="btn small" disabled={base === null} onClick={() => base !== null && set({ valuesText: suggestValues(axis.path, base) })} title="½×, ¾×, 1×, 1½× and 2× today's value">
            Around today
          </button>
        </>
      )}
      {index === 1 && (
        <button className="btn small" onClick={() => store.getState().setInputs('whatif', { axes: axes.slice(0, 1) })}>
          Remove
        </button>
      )}
    </div>
  );
}
