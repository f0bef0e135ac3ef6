import { useId, useState } from 'react';
import { NumberInput } from '../../editor/inspector/NumberInput';
import { useFieldError } from './field-errors';

/**
 * A labelled number the user types (drafted, committed on Enter or blur, refused with the reason).
 * `scale` shows a stored share as a percentage (0.03 ↔ 3 %) or a price per token per million.
 * A refused value shows its reason under the box and is reported to the enclosing FieldErrorScope,
 * which disables the section's run button: the store still holds the previous value.
 */
export function NumberField(props: { label: string; value: number; onChange(value: number): void; unit?: string; min?: number; max?: number; integer?: boolean; scale?: number; width?: number; hint?: string; testId?: string }) {
  const id = useId();
  const errorId = `${id}-error`;
  const [error, setError] = useState<string | null>(null);
  useFieldError(id, error);
  const scale = props.scale ?? 1;
  const shown = Number((props.value * scale).toPrecision(10));
  return (
    <label className="a-field" htmlFor={id} data-testid={props.testId}>
      <span className="a-field-label">
        {props.label}
        {props.unit && <span className="field-unit"> {props.unit}</span>}
      </span>
      <NumberInput
        id={id}
        ariaLabel={props.label}
        value={shown}
        width={props.width ?? 96}
        describedBy={error ? errorId : undefined}
        onError={setError}
        constraints={{ label: props.label, unit: props.unit ?? '', nullable: false, integer: props.integer ?? false, min: props.min ?? null, max: props.max ?? null, exclusiveMin: false, exclusiveMax: false }}
        onCommit={(v) => {
          if (v !== null) props.onChange(v / scale);
          return null;
        }}
      />
      {props.hint && !error && <span className="a-field-hint">{props.hint}</span>}
      {error && (
        <span className="a-field-error" id={errorId} role="alert">
          {inlineError(error, props.label, props.unit)}
        </span>
      )}
    </label>
  );
}

/** "got 1, expected a whole number from 2 to 200": the reason without the label above it, with the unit of its range. */
function inlineError(message: string, label: string, unit: string | undefined): string {
  const text = message.startsWith(`${label}: `) ? message.slice(label.length + 2) : message;
  return unit && unit !== '$' && /\d$/.test(text) ? `${text} ${unit}` : text;
}

/** A small radio group drawn as a segmented control. */
export function Segmented<T extends string>(props: { label: string; value: T; options: Array<{ value: T; text: string }>; onChange(value: T): void }) {
  const name = useId();
  return (
    <div className="segmented" role="radiogroup" aria-label={props.label}>
      {props.options.map((o) => (
        <label key={o.value} className={o.value === props.value ? 'on' : ''}>
          <input type="radio" name={name} value={o.value} checked={o.value === props.value} onChange={() => props.onChange(o.value)} />
          {o.text}
        </label>
      ))}
    </div>
  );
}
