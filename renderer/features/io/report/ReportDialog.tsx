import { useEffect, useRef, useState } from 'react';
import type { Problem } from '../../../../simulation/index';
import { useActions, useDocument, useServices, useValidation } from '../../../app/app-context';
import { Modal } from '../../../app/Modal';
import { isDirty } from '../../../stores/document/document-store';
import { problemText } from '../../../stores/validation';
import { exportStem, reportCommand, reportFileName } from '../file-names';
import { pipelineName } from '../../../stores/document/editable-document';
import { analysisExtras } from './analysis-extras';
import { openPrintableReport } from './print-web';
import { startReportWorker, type ReportTask } from './report-client';
import { DEFAULT_REPORT_PLAN, type ReportPlan } from './report-input';
import { reportJob, saveReport } from './report-job';
import { MAX_REPORT_REPLICATIONS, type ReportProgress } from './report-protocol';
import { ReportOptions } from './ReportOptions';

type Phase =
  | { name: 'setup' }
  | { name: 'running'; progress: ReportProgress | null; started: number }
  | { name: 'ready'; html: string; stem: string; elapsedMs: number }
  | { name: 'failed'; message: string; problems: Problem[] };

function progressText(p: ReportProgress | null): string {
  if (!p) return 'Starting…';
  if (p.stage === 'replications') return `Replication ${p.replication} of ${p.replications}…`;
  if (p.stage === 'capacity') return 'Searching the max sustainable load (the pipeline runs at several loads)…';
  return 'Writing the report…';
}

/** File → Export report…: options, the computation in a worker with progress and cancel, then the file. */
export function ReportDialog({ close }: { close(): void }) {
  const services = useServices();
  const actions = useActions();
  const { platform } = services;
  const [plan, setPlan] = useState<ReportPlan>(DEFAULT_REPORT_PLAN);
  const [phase, setPhase] = useState<Phase>({ name: 'setup' });
  const task = useRef<ReportTask | null>(null);
  // Set by Cancel or closing while the job is still being prepared (before its worker exists).
  const cancelled = useRef(false);
  const [now, setNow] = useState(Date.now());
  const dirty = useDocument(isDirty);
  const file = useDocument((s) => s.file);
  const doc = useDocument((s) => s.doc);
  const errorCount = useValidation((s) => s.validation.errorCount);
  // Read once: the Analysis workspace cannot change while this dialog covers it.
  const [analysis] = useState(() => analysisExtras(services));
  const stem = exportStem(file, pipelineName(doc));
  const withAnalysis = plan.analysis && analysis !== null;
  const validReplications = Number.isInteger(plan.replications) && plan.replications >= 2 && plan.replications <= MAX_REPORT_REPLICATIONS;

  // A closed dialog (Cancel, Escape, a click outside) stops its worker.
  useEffect(
    () => () => {
      cancelled.current = true;
      task.current?.cancel();
    },
    [],
  );
  useEffect(() => {
    if (phase.name !== 'running') return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [phase.name]);

  const deliver = async (html: string, format: 'html' | 'pdf', reportStem: string) => {
    try {
      if (await saveReport(services, html, reportStem, format)) close();
    } catch (e) {
      services.ui.getState().toast('error', `Could not save the report: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const start = async () => {
    setPhase({ name: 'running', progress: null, started: Date.now() });
    let prepared: Awaited<ReturnType<typeof reportJob>>;
    try {
      prepared = await reportJob(services, plan, analysis, new Date());
    } catch (e) {
      setPhase({ name: 'failed', message: `The report could not be prepared: ${e instanceof Error ? e.message : String(e)}`, problems: [] });
      return;
    }
    if (cancelled.current) return;
    const { job, revision, stem: jobStem } = prepared;
    task.current = startReportWorker(job, (message) => {
      if (message.type === 'progress') setPhase((p) => (p.name === 'running' ? { ...p, progress: message.progress } : p));
      else if (message.type === 'failed' || message.type === 'rejected') setPhase({ name: 'failed', message: message.message, problems: message.type === 'failed' ? message.problems : [] });
      else {
        task.current = null;
        actions.rememberReport(revision, message.outcome.results, message.outcome.replicated);
        setPhase({ name: 'ready', html: message.outcome.html, stem: jobStem, elapsedMs: message.elapsedMs });
        // The browser's print needs a click of its own (a tab opened later would be blocked).
        if (!(plan.format === 'pdf' && platform.kind === 'web')) void deliver(message.outcome.html, plan.format, jobStem);
      }
    });
  };
  const cancel = () => {
    cancelled.current = true;
    task.current?.cancel();
    task.current = null;
    setPhase({ name: 'setup' });
    services.ui.getState().toast('info', 'Report cancelled.');
  };

  if (phase.name === 'running') {
    const p = phase.progress;
    const percent = p ? Math.round(p.fraction * 100) : 0;
    return (
      <Modal title="Making the launch report" onClose={cancel} actions={<button className="btn" onClick={cancel} data-autofocus>Cancel</button>}>
        <div className="io-progress" role="progressbar" aria-label="Report progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={progressText(p)}>
          <div className={`io-progress-bar${p && p.stage !== 'replications' ? ' busy' : ''}`} style={{ width: `${p?.stage === 'replications' ? percent : 100}%` }} />
        </div>
        <p className="io-progress-text" data-testid="report-progress">{progressText(p)}</p>
        <p className="muted">{Math.round((now - phase.started) / 1000)} s so far. The editor stays usable; the work runs in the background.</p>
      </Modal>
    );
  }
  if (phase.name === 'failed') {
    return (
      <Modal title="The report could not be made" tone="error" onClose={close} actions={<><button className="btn" onClick={close}>Close</button><button className="btn primary" onClick={() => setPhase({ name: 'setup' })} data-autofocus>Back</button></>}>
        <p>{phase.message}</p>
        {phase.problems.length > 0 && (
          <ul className="open-error-list">
            {phase.problems.slice(0, 8).map((p, i) => (
              <li key={i}><span className="mono">{p.path}</span> {problemText(p)}</li>
            ))}
          </ul>
        )}
        <p className="muted">Your pipeline was not changed.</p>
      </Modal>
    );
  }
  if (phase.name === 'ready') {
    const webPdf = platform.kind === 'web' && plan.format === 'pdf';
    return (
      <Modal title="The launch report is ready" onClose={close} actions={<>
        <button className="btn" onClick={close}>Close</button>
        <button className={`btn${webPdf ? '' : ' primary'}`} onClick={() => void deliver(phase.html, 'html', phase.stem)}>{platform.kind === 'web' ? 'Download HTML' : 'Save HTML…'}</button>
        {webPdf ? (
          <button className="btn primary" data-autofocus onClick={() => (openPrintableReport(phase.html) ? close() : services.ui.getState().toast('error', 'The browser blocked the report tab: allow pop-ups for this page, or download the HTML and print it.'))}>Open printable report</button>
        ) : (
          <button className="btn" onClick={() => void deliver(phase.html, 'pdf', phase.stem)}>Save PDF…</button>
        )}
      </>}>
        <p>Made in {(phase.elapsedMs / 1000).toFixed(1)} s from {plan.replications} replications{plan.capacity ? ' and a max-load search' : ''}.</p>
        {webPdf ? <p>It opens in a new tab with the print dialog: choose <b>Save as PDF</b> as the destination.</p> : <p className="muted">If the save dialog was cancelled, save it from here.</p>}
      </Modal>
    );
  }
  return (
    <Modal title="Launch report" onClose={close} wide actions={<>
      <button className="btn" onClick={close}>Cancel</button>
      <button className="btn primary" data-autofocus disabled={errorCount > 0 || !validReplications} onClick={() => {
        cancelled.current = false;
        void start();
      }}>Make report</button>
    </>}>
      <p>One self-contained file for reviewers: the pipeline, every assumption, headline figures with intervals against the SLOs, cost per query and per month, capacity headroom, alerts that would fire and the production checklist, with a footer that reproduces it.</p>
      {errorCount > 0 && <p className="io-banner error" role="alert">The pipeline has {errorCount} problem{errorCount > 1 ? 's' : ''}. Fix {errorCount > 1 ? 'them' : 'it'} in the Problems panel first: a report needs a pipeline that runs.</p>}
      {(dirty || file.path === null) && (
        <p className="io-banner warning" data-testid="report-unsaved">
          {file.path === null ? `Not saved to a file yet: the footer names ${file.name} and hashes the pipeline as Save would write it.` : "Unsaved changes: the footer's file hash is of the pipeline as Save would write it now."}{' '}
          <button className="link-btn" onClick={() => void actions.save(false)}>Save first</button> so a reviewer can check the report against the file.
        </p>
      )}
      <ReportOptions plan={plan} setPlan={setPlan} platformKind={platform.kind} analysis={analysis?.summary ?? null} />
      <div className="io-command">
        <span className="muted">The same figures from the command line:</span>
        <code className="mono" data-testid="report-command">{reportCommand(file.name, reportFileName(stem, plan.format), plan, withAnalysis ? analysis.cliFlags : [])}</code>
        {withAnalysis && analysis.notReproduced.length > 0 && <span className="muted">It recomputes everything except {analysis.notReproduced.join('; ')}.</span>}
      </div>
    </Modal>
  );
}
