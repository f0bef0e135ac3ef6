import { useId } from 'react';
import { NumberInput } from '../../editor/inspector/NumberInput';

/**
 * A labelled number the user types (drafted, committed on Enter or blur, refused with the reason).
 * `scale` shows a stored share as a percentage (0.03 ↔ 3 %) or a price per token per million.
 */
export function NumberField(props: { label: string; value: number; onChange(value: number): void; unit?: string; min?: number; max?: number; integer?: boolean; scale?: number; width?: number; hint?: string; testId?: string }) {
  const id = useId();
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
        constraints={{ label: props.label, unit: props.unit ?? '', nullable: false, integer: props.integer ?? false, min: props.min ?? null, max: props.max ?? null, exclusiveMin: false, exclusiveMax: false }}
        onCommit={(v) => {
          if (v !== null) props.onChange(v / scale);
          return null;
        }}
      />
      {props.hint && <span className="a-field-hint">{props.hint}</span>}
    </label>
  );
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
