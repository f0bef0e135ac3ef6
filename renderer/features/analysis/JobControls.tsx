import type { ReactNode } from 'react';
import { formatDurationMs } from '../../../simulation/index';
import { useDocument } from '../../app/app-context';
import { Icon } from '../../app/icons';
import { useAnalysis } from './analysis-registry';
import type { JobKind } from './analysis-store';
import { useAnalysisServices } from './analysis-context';
import { useScopeError } from './field-errors';

/**
 * Start button, progress ("3 of 10 replications"), Cancel, and what the last result was computed
 * from. Every long analysis uses it, so they look and behave alike. A refused value in the same
 * FieldErrorScope disables the start button with its reason (the field itself shows it too).
 */
export function JobControls(props: { kind: JobKind; label: string; unit: string; onStart(): void; disabled?: string | null; children?: ReactNode }) {
  const { store } = useAnalysisServices();
  const job = useAnalysis((s) => s.jobs[props.kind]);
  const revision = useDocument((s) => s.revision);
  const running = job.status === 'running';
  const fieldError = useScopeError();
  const reason = props.disabled ?? fieldError;
  const p = job.progress;
  return (
    <div className="job-controls">
      <div className="job-row">
        {props.children}
        {running ? (
          <>
            <div className="job-progress" role="progressbar" aria-label={`${props.label} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((p?.fraction ?? 0) * 100)}>
              <div style={{ width: `${(p?.fraction ?? 0) * 100}%` }} />
            </div>
            <span className="muted num" data-testid={`${props.kind}-progress`}>
              {/* "about": an estimated total (the load search's) is refined as it goes. */}
              {p ? `${p.done} of ${p.estimated ? 'about ' : ''}${p.total} ${props.unit} · ${Math.round(p.fraction * 100)} %` : 'starting the workers…'}
            </span>
            <button className="btn" onClick={() => store.getState().cancel(props.kind)}>
              <Icon name="stop" size={14} /> Cancel
            </button>
          </>
        ) : (
          <button className="btn primary" onClick={props.onStart} disabled={!!reason} title={reason ?? undefined}>
            <Icon name="play" size={14} /> {props.label}
          </button>
        )}
      </div>
      {props.disabled && !running && <p className="field-error">{props.disabled}</p>}
      {job.status === 'failed' && (
        <p className="field-error" role="alert">
          {job.error}
        </p>
      )}
      {job.status === 'cancelled' && <p className="muted">Cancelled; the figures below (if any) are from the previous analysis.</p>}
      {job.result && job.basis && (
        <p className="muted small-note num">
          {job.basis.pipelineName} · seed {job.basis.seed}
          {job.elapsedMs !== null && ` · computed in ${formatDurationMs(job.elapsedMs)}`}
          {job.basis.revision !== revision && props.kind !== 'maturity' && (
            <span className="badge warning" title="Run the analysis again to update the figures">
              The pipeline changed since
            </span>
          )}
        </p>
      )}
    </div>
  );
}
