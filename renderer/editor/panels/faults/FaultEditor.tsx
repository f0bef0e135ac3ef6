import { useMemo, useState } from 'react';
import { useActions, useDocument, useServices } from '../../../app/app-context';
import { Icon } from '../../../app/icons';
import { SchemaForm } from '../../inspector/SchemaForm';
import { removeEvent, removeFault, setFaultTarget, setFaultType } from './fault-commands';
import { EVENT_JSON, EventSchema, FAULT_JSON, FAULT_TYPES, FaultSchema, faultLanes, faultTypeInfo, type FaultType } from './fault-model';
import { faultBars, minuteText, mitigationCapMs } from './fault-timeline';

/** How long the fault will actually run, in words (the hatched remainder of its bar). */
function lengthText(bar: ReturnType<typeof faultBars>[number], hasCap: boolean): string {
  if (!bar.mitigable) return `Not mitigable: it runs its full ${minuteText(bar.durationMs)}.`;
  if (!hasCap) return `Mitigable, but nobody watches (Operations: no detection time), so it runs its full ${minuteText(bar.durationMs)}.`;
  if (bar.effectiveMs < bar.durationMs) return `Planned for ${minuteText(bar.durationMs)}; the team notices it after ${minuteText(bar.detectedAfterMs ?? 0)} and ends it after ${minuteText(bar.effectiveMs)} in all (hatched: the part that does not run).`;
  return `It ends on its own after ${minuteText(bar.durationMs)}, before detection + mitigation would.`;
}

/** The selected fault: type and target, then the parameters that matter for its type, validated as in the inspector. */
export function FaultEditor({ index, onDeleted }: { index: number; onDeleted(): void }) {
  const { documents } = useServices();
  const actions = useActions();
  const doc = useDocument((s) => s.doc);
  const [error, setError] = useState<string | null>(null);
  const bar = faultBars(doc)[index];
  const lanes = faultLanes(doc);
  const docPath = useMemo(() => ['faults', index], [index]);
  const info = faultTypeInfo(bar?.type ?? '');
  const only = useMemo(() => ['id', 'startMs', 'durationMs', ...(info?.fields ?? []), 'mitigable'], [info]);
  if (!bar) return null;
  const raw = (doc.faults as Array<Record<string, unknown>>)[index]!;
  const run = (result: ReturnType<typeof setFaultType>) => {
    if (result && 'ok' in result) return setError(result.reason);
    setError(null);
    actions.execute(result);
  };
  const targets = lanes.filter((l) => l.types.includes(bar.type));
  const target = String(raw.target ?? '');
  return (
    <section className="fault-editor" aria-label={`Fault ${bar.id}`} data-testid="fault-editor">
      <header>
        <h3>
          {bar.title} <span className="mono faint">{bar.id}</span>
        </h3>
        <button
          className="btn small danger"
          onClick={() => {
            actions.execute(removeFault(documents.getState().doc, index));
            onDeleted();
          }}
        >
          <Icon name="trash" size={12} /> Delete fault
        </button>
      </header>
      <p className="muted">
        {info ? `${info.title}: ${info.effect}. ` : ''}
        {lengthText(bar, mitigationCapMs(doc).capMs !== null)}
      </p>
      <div className="fault-pickers">
        <div className="field">
          <label className="field-label" htmlFor={`fault-${index}-type`}>
            Type
          </label>
          <select id={`fault-${index}-type`} value={bar.type} onChange={(e) => run(setFaultType(documents.getState().doc, index, e.target.value as FaultType))}>
            {FAULT_TYPES.map((t) => (
              <option key={t.type} value={t.type} disabled={!lanes.some((l) => l.types.includes(t.type))}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`fault-${index}-target`}>
            {bar.type === 'limit-cut' ? 'Quota' : 'Node'}
          </label>
          <select id={`fault-${index}-target`} value={target} onChange={(e) => run(setFaultTarget(documents.getState().doc, index, e.target.value))}>
            {!targets.some((l) => l.target === target) && <option value={target}>{target || '(none)'} (cannot take this fault)</option>}
            {targets.map((l) => (
              <option key={l.key} value={l.target}>
                {l.label} ({l.target})
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      <SchemaForm zod={FaultSchema} json={FAULT_JSON} docPath={docPath} idPrefix={`fault-${index}`} only={only} />
    </section>
  );
}

/** The selected knowledge-base update or model change. */
export function EventEditor({ index, onDeleted }: { index: number; onDeleted(): void }) {
  const { documents } = useServices();
  const actions = useActions();
  const doc = useDocument((s) => s.doc);
  const docPath = useMemo(() => ['events', index], [index]);
  const events = Array.isArray(doc.events) ? (doc.events as Array<{ type?: unknown }>) : [];
  if (!events[index]) return null;
  return (
    <section className="fault-editor" aria-label={`Event ${index + 1}`} data-testid="event-editor">
      <header>
        <h3>{events[index]!.type === 'model-change' ? 'Model change' : 'Knowledge-base update'}</h3>
        <button
          className="btn small danger"
          onClick={() => {
            actions.execute(removeEvent(documents.getState().doc, index));
            onDeleted();
          }}
        >
          <Icon name="trash" size={12} /> Delete event
        </button>
      </header>
      <p className="muted">Invalidates the caches it names (every cache when none): hit rates drop until they refill.</p>
      <SchemaForm zod={EventSchema} json={EVENT_JSON} docPath={docPath} idPrefix={`event-${index}`} />
    </section>
  );
}
