import type { ReactNode } from 'react';
import { toPathString } from '../../stores/json-path';
import { problemText } from '../../stores/validation';
import { Icon } from '../../app/icons';
import { useRefusedValue } from '../use-refused-value';
import { useForm } from './form-context';
import { appliedFieldText, fieldId, isSet } from './form-values';
import { allowedText, type FieldSpec } from './schema-fields';

/**
 * Label, unit, help text, default marker and messages around one control. Inline messages come in
 * two kinds: a refused value (`error`, never applied) and document problems at this field. A refused
 * value the control keeps showing is also reported to Problems and blocks Run (useRefusedValue).
 */
export function FieldShell(props: {
  spec: FieldSpec;
  error: string | null;
  hint?: string | null;
  children: ReactNode;
  wide?: boolean;
  /** A refused action whose control still shows the applied value (a select, a checkbox, add/remove): said here, but not a value on screen the run would not use. */
  notice?: string | null;
}) {
  const form = useForm();
  const { spec } = props;
  const id = fieldId(form, spec.path);
  const set = isSet(form, spec.path);
  useRefusedValue(id, toPathString([...form.docPath, ...spec.path]), props.error, appliedFieldText(form, spec));
  const problems = form.problems(spec.path);
  const canReset = set && spec.hasDefault;
  return (
    <div className={`field${props.wide ? ' wide' : ''}${props.error || props.notice || problems.some((p) => p.severity === 'error') ? ' invalid' : ''}`} data-field={spec.path.join('.')}>
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
      {(props.error || props.notice) && (
        <div className="field-error" role="alert" id={`${id}-error`}>
          {props.error ?? props.notice}
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
