import { useEffect, useRef, useState } from 'react';
import { parseNumberText } from './field-validation';
import type { FieldSpec } from './schema-fields';

type Constraints = Pick<FieldSpec, 'label' | 'unit' | 'nullable' | 'integer' | 'min' | 'max' | 'exclusiveMin' | 'exclusiveMax'>;

function display(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * A number typed as text: kept as a draft while typing, parsed and committed on Enter or blur.
 * A refused value stays in the box, marked invalid with the reason, and is not applied.
 */
export function NumberInput(props: { id: string; value: number | null | undefined; constraints: Constraints; onCommit(value: number | null): string | null; ariaLabel?: string; placeholder?: string; describedBy?: string; onError?(message: string | null): void; width?: number }) {
  const [draft, setDraft] = useState(display(props.value));
  const [error, setError] = useState<string | null>(null);
  const onError = useRef(props.onError);
  onError.current = props.onError;
  // A new value from outside replaces the draft and clears its error (and tells whoever collects errors).
  useEffect(() => {
    setDraft(display(props.value));
    setError(null);
    onError.current?.(null);
  }, [props.value]);
  // An input that goes (a row removed, another distribution shape) takes its refusal along.
  useEffect(() => () => onError.current?.(null), []);
  const report = (message: string | null) => {
    setError(message);
    onError.current?.(message);
  };
  const commit = () => {
    if (draft === display(props.value) && !error) return;
    const parsed = parseNumberText(draft, props.constraints);
    if (!parsed.ok) return report(parsed.message);
    if (parsed.value === props.value) return report(null);
    report(props.onCommit(parsed.value));
  };
  return (
    <input
      id={props.id}
      className="num-input num"
      inputMode="decimal"
      value={draft}
      placeholder={props.placeholder ?? (props.constraints.nullable ? 'none' : '')}
      aria-label={props.ariaLabel}
      aria-invalid={error ? true : undefined}
      aria-describedby={props.describedBy}
      title={error ?? undefined}
      style={props.width ? { width: props.width } : undefined}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') {
          setDraft(display(props.value));
          report(null);
        }
      }}
    />
  );
}
