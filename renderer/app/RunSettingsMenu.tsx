import { useCallback, useRef, useState } from 'react';
import { formatCount, formatDurationMs, parseDurationMs } from '../../simulation/index';
import { useCommittedDraft } from '../editor/use-committed-draft';
import { useRefusedValue } from '../editor/use-refused-value';
import { useClickOutside } from './use-click-outside';
import { useActions, useDocument, useRun, useServices } from './app-context';
import { Icon } from './icons';
import { effectiveRunSettings, setDuration, setRequestLimit, setSeed } from './run-settings';

/**
 * A text box that keeps its draft until Enter/blur, then applies it or shows why it cannot. A
 * refused draft is listed in Problems and blocks Run while it shows; Esc puts the applied value back.
 */
function DraftInput(props: { label: string; value: string; width: number; apply(text: string): string | null; testId: string; path: string }) {
  const { draft, setDraft, error, commit, revert } = useCommittedDraft(props.value, props.apply);
  // Its own id: the Pipeline tab's run settings form has fields named run-seed too.
  const id = `toolbar-${props.testId}`;
  useRefusedValue(id, props.path, error, props.value);
  return (
    <span className="draft-input">
      <input
        id={id}
        aria-label={props.label}
        data-testid={props.testId}
        value={draft}
        style={{ width: props.width }}
        aria-invalid={error ? true : undefined}
        title={error ?? props.label}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') revert();
        }}
      />
      {error && (
        <span role="alert" className="draft-error">
          {error}
        </span>
      )}
    </span>
  );
}

/** "1 h", "20 min", "1,000,000 requests": the horizon as the chip shows it. */
export function horizonText(settings: { durationMs: number; requests: number | null }): string {
  return settings.requests !== null ? `${formatCount(settings.requests)} requests` : formatDurationMs(settings.durationMs);
}

/**
 * The document's seed and horizon behind one toolbar chip ("Seed 1 · 1 h"): the values stay in sight,
 * and the toolbar keeps room for New/Open/Save's words at laptop widths. The popover edits them.
 */
export function RunSettingsMenu() {
  const { documents } = useServices();
  const actions = useActions();
  const doc = useDocument((s) => s.doc);
  const running = useRun((s) => s.status === 'running');
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useClickOutside(box, open, useCallback(() => setOpen(false), []));
  const settings = effectiveRunSettings(doc);
  const byRequests = settings.requests !== null;

  const applySeed = (text: string) => {
    const seed = Number(text.replace(/[,_\s]/g, ''));
    if (!/^\d+$/.test(text.trim().replace(/[,_\s]/g, '')) || !Number.isSafeInteger(seed) || seed > 2 ** 31 - 1) return `Seed: got "${text}", expected a whole number from 0 to 2,147,483,647`;
    actions.execute(setSeed(documents.getState().doc, seed));
    return null;
  };
  const applyHorizon = (text: string) => {
    if (byRequests) {
      const n = Number(text.replace(/[,_\s]/g, ''));
      if (!Number.isSafeInteger(n) || n < 1) return `Requests: got "${text}", expected a whole number ≥ 1 such as 1,000,000`;
      actions.execute(setRequestLimit(documents.getState().doc, n));
      return null;
    }
    const ms = parseDurationMs(text);
    if (ms === undefined || ms <= 0) return `Duration: got "${text}", expected a duration such as 30m, 1h or 1h30m`;
    actions.execute(setDuration(documents.getState().doc, ms));
    return null;
  };
  const switchHorizon = (mode: string) => {
    const d = documents.getState().doc;
    actions.execute(mode === 'requests' ? setRequestLimit(d, 100_000) : setDuration(d, settings.durationMs));
  };

  return (
    <div className="menu-anchor" ref={box}>
      <button className="btn run-settings-chip num" aria-haspopup="dialog" aria-expanded={open} aria-label={`Run settings: seed ${settings.seed}, ${horizonText(settings)}`} title="Seed and horizon of the run (the document's run settings: preflight run FILE uses them)" onClick={() => setOpen(!open)}>
        Seed {settings.seed} · {horizonText(settings)}
        <Icon name="chevron" size={12} />
      </button>
      {open && (
        <div role="dialog" aria-label="Run settings" className="menu run-settings" onKeyDown={(e) => e.key === 'Escape' && !(e.target as HTMLElement).matches('[aria-invalid="true"]') && setOpen(false)}>
          <label className="field-inline">
            <span>Seed</span>
            <DraftInput label="Seed" testId="run-seed" path="$.run.seed" value={String(settings.seed)} width={96} apply={applySeed} />
          </label>
          <label className="field-inline">
            <span>Stop after</span>
            <select aria-label="Stop after" value={byRequests ? 'requests' : 'duration'} onChange={(e) => switchHorizon(e.target.value)} disabled={running}>
              <option value="duration">a simulated duration</option>
              <option value="requests">a number of requests</option>
            </select>
          </label>
          <label className="field-inline">
            <span>{byRequests ? 'Requests' : 'Duration'}</span>
            <DraftInput
              label={byRequests ? 'Measured requests' : 'Simulated duration'}
              testId="run-horizon"
              path={byRequests ? '$.run.requests' : '$.run.durationMs'}
              value={byRequests ? formatCount(settings.requests!) : formatDurationMs(settings.durationMs).replace(/ /g, '').replace('min', 'm')}
              width={96}
              apply={applyHorizon}
            />
          </label>
          <p className="faint run-settings-note">Saved in the document (Pipeline › Run settings), so the same file and seed give the same figures in the CLI.</p>
        </div>
      )}
    </div>
  );
}
