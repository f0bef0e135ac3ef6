import { useAnalysisServices } from '../analysis-context';
import { useAnalysis } from '../analysis-registry';
import { confidenceText, formatFigure } from '../format';
import { plusMinusText } from '../precision';

/**
 * Every tornado run uses the document's seed (common random numbers), so cost swings are the
 * parameter's doing, but a P99 swing can still be the luck of that one sample of traffic. The note
 * quotes how much P99 moves between seeds when replications of this very document version exist.
 */
export function TornadoNoise({ revision }: { revision: number }) {
  const { store } = useAnalysisServices();
  const replications = useAnalysis((s) => s.jobs.replications);
  const p99 = replications.basis?.revision === revision ? replications.result?.replicated.headline.p99Ms : undefined;
  return (
    <p className="section-note" data-testid="tornado-noise">
      All runs share one seed (common random numbers): each bar is the parameter's effect on the same sample of traffic. P99 swings smaller than the run-to-run noise are not meaningful
      {p99 ? (
        <>
          {' '}— replications of this pipeline give P99 <span className="num">{formatFigure('p99Ms', p99.mean)} {Number.isFinite(p99.halfWidth) ? plusMinusText('p99Ms', p99.mean, p99.halfWidth, p99.n) : ''}</span> ({confidenceText(p99)}).
        </>
      ) : (
        <>
          ; to know how large that noise is,{' '}
          <button className="link-btn" onClick={() => store.getState().setTool('confidence')}>
            run replications in Confidence
          </button>
          .
        </>
      )}
    </p>
  );
}
