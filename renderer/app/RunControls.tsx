import { useEffect, useState } from 'react';
import { formatCount, formatDurationMs, formatTokens, parseDurationMs } from '../../simulation/index';
import { useActions, useDocument, useRun, useServices, useValidation } from './app-context';
import { Icon } from './icons';
import { effectiveRunSettings, setDuration, setRequestLimit, setSeed } from './run-settings';

/** A text box that keeps its draft until Enter/blur, then applies it or shows why it cannot. */
function DraftInput(props: { label: string; value: string; width: number; apply(text: string): string | null; testId: string }) {
  const [draft, setDraft] = useState(props.value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(props.value), [props.value]);
  const commit = () => {
    if (draft === props.value) return setError(null);
    const problem = props.apply(draft);
    setError(problem);
  };
  return (
    <span className="draft-input">
      <input
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
          if (e.key === 'Escape') {
            setDraft(props.value);
            setError(null);
          }
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

export function RunControls() {
  const { documents, ui } = useServices();
  const actions = useActions();
  const doc = useDocument((s) => s.doc);
  const status = useRun((s) => s.status);
  const progress = useRun((s) => s.progress);
  const errorCount = useValidation((s) => s.validation.errorCount);
  const settings = effectiveRunSettings(doc);
  const byRequests = settings.requests !== null;
  const running = status === 'running';
  const blocker = running ? null : errorCount > 0 ? `${errorCount} problem${errorCount > 1 ? 's' : ''}` : null;

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
    <div className="run-controls" role="group" aria-label="Run">
      <label className="field-inline">
        <span>Seed</span>
        <DraftInput label="Seed" testId="run-seed" value={String(settings.seed)} width={56} apply={applySeed} />
      </label>
      <select aria-label="Stop after" value={byRequests ? 'requests' : 'duration'} onChange={(e) => switchHorizon(e.target.value)} disabled={running}>
        <option value="duration">Duration</option>
        <option value="requests">Requests</option>
      </select>
      <DraftInput
        label={byRequests ? 'Measured requests' : 'Simulated duration'}
        testId="run-horizon"
        value={byRequests ? formatCount(settings.requests!) : formatDurationMs(settings.durationMs).replace(/ /g, '').replace('min', 'm')}
        width={84}
        apply={applyHorizon}
      />
      {running ? (
        <>
          <div className="run-progress" role="progressbar" aria-label="Run progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((progress?.fraction ?? 0) * 100)}>
            <div className="run-progress-bar" style={{ width: `${(progress?.fraction ?? 0) * 100}%` }} />
          </div>
          <span className="run-progress-text num" data-testid="run-progress-text">
            {progress ? `${Math.round(progress.fraction * 100)} % · ${formatTokens(progress.requestsArrived)} req${progress.phase === 'draining' ? ' · draining' : ''}` : 'starting…'}
          </span>
          <button className="btn" onClick={actions.cancelRun}>
            <Icon name="stop" size={14} /> Cancel
          </button>
        </>
      ) : (
        <>
          <button className="btn primary" onClick={actions.run} disabled={!!blocker} aria-describedby={blocker ? 'run-blocker' : undefined} title={blocker ? `${blocker} must be fixed before a run` : 'Run the simulation (Ctrl+Enter)'}>
            <Icon name="play" size={14} /> Run
          </button>
          {blocker && (
            <button id="run-blocker" className="link-btn run-blocker" aria-label={`${blocker} ${errorCount > 1 ? 'block' : 'blocks'} the run: show them`} title="Fix these before running; click to see them" onClick={() => {
                ui.getState().setView('editor');
                ui.getState().setProblemsOpen(true);
              }}
            >
              <Icon name="error" size={13} /> {blocker}
            </button>
          )}
        </>
      )}
    </div>
  );
}
