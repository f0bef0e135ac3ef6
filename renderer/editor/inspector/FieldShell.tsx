import type { ReactNode } from 'react';
import { problemText } from '../../stores/validation';
import { Icon } from '../../app/icons';
import { useForm } from './form-context';
import { fieldId, isSet } from './form-values';
import { allowedText, type FieldSpec } from './schema-fields';

/**
 * Label, unit, help text, default marker and messages around one control. Inline messages come in
 * two kinds: a refused value (`error`, never applied) and document problems at this field.
 */
export function FieldShell(props: { spec: FieldSpec; error: string | null; hint?: string | null; children: ReactNode; wide?: boolean }) {
  const form = useForm();
  const { spec } = props;
  const id = fieldId(form, spec.path);
  const set = isSet(form, spec.path);
  const problems = form.problems(spec.path);
  const canReset = set && spec.hasDefault;
  return (
    <div className={`field${props.wide ? ' wide' : ''}${props.error || problems.some((p) => p.severity === 'error') ? ' invalid' : ''}`} data-field={spec.path.join('.')}>
      <div className="field-label-row">
        <label htmlFor={id} className="field-label">
          {spec.label}
        </label>
        {spec.unit && spec.unit !== 'share' && <span className="field-unit">{spec.unit}</span>}
        {!set && spec.hasDefault && <span className="field-default" title="Not set in the file: the documented default applies">default</span>}
        {canReset && (
          <button type="button" className="icon-btn small" aria-label={`Reset ${spec.label} to its default`} title="Reset to the default" onClick={() => form.commit(spec.path, undefined, spec.label)}>
            <Icon name="reset" size={12} />
          </button>
        )}
      </div>
      <div className="field-control">
        {props.children}
        {props.hint && <span className="field-hint num">= {props.hint}</span>}
      </div>
      {props.error && (
        <div className="field-error" role="alert" id={`${id}-error`}>
          {props.error}
        </div>
      )}
      {problems.map((p, i) => (
        <div key={i} className={`field-error ${p.severity}`}>
          {problemText(p)}
        </div>
      ))}
      {(spec.description || spec.kind === 'number') && (
        <div className="field-help">
          {spec.description}
          {spec.kind === 'number' && (spec.min !== null || spec.max !== null) && <span className="field-range"> Allowed: {allowedText(spec)}.</span>}
        </div>
      )}
    </div>
  );
}
