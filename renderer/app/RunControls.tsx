import { formatTokens } from '../../simulation/index';
import { useActions, useRun, useServices, useValidation } from './app-context';
import { Icon } from './icons';
import { RunSettingsMenu } from './RunSettingsMenu';

/** Run settings, then Run (or progress and Cancel while running) and what blocks it. */
export function RunControls() {
  const { ui } = useServices();
  const actions = useActions();
  const status = useRun((s) => s.status);
  const progress = useRun((s) => s.progress);
  // Document errors and refused values alike: either makes the run differ from what the screen shows.
  const errorCount = useValidation((s) => s.validation.errorCount);
  const running = status === 'running';
  const blocker = running ? null : errorCount > 0 ? `${errorCount} problem${errorCount > 1 ? 's' : ''}` : null;

  return (
    <div className="run-controls" role="group" aria-label="Run">
      <RunSettingsMenu />
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
            <button
              id="run-blocker"
              className="link-btn run-blocker"
              aria-label={`${blocker} ${errorCount > 1 ? 'block' : 'blocks'} the run: show them`}
              title="Fix these before running; click to see them"
              onClick={() => {
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
