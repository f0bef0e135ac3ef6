import { lazy, Suspense } from 'react';
import { problemText } from '../stores/validation';
import { toEditable } from '../stores/document/editable-document';
import { useActions, useServices, useUi } from './app-context';
import { HelpDialog } from './HelpDialog';
import { Modal } from './Modal';
import { TEMPLATES } from './templates';

// Report, import and calibration dialogs load with their importers on first use.
const IoDialogs = lazy(() => import('../features/io/IoDialogs').then((m) => ({ default: m.IoDialogs })));

function NewDocumentDialog({ close }: { close(): void }) {
  const actions = useActions();
  return (
    <Modal title="New pipeline" onClose={close} wide actions={<button className="btn" onClick={close}>Cancel</button>}>
      <div className="template-grid" role="list">
        <button role="listitem" className="template-card" data-autofocus onClick={() => actions.newDocument(null)}>
          <b>Blank canvas</b>
          <span className="muted">Start from nothing: add a Traffic source, then the steps of your pipeline.</span>
        </button>
        {TEMPLATES.map((t) => (
          <button key={t.id} role="listitem" className="template-card" onClick={() => actions.newDocument(t.id)}>
            <b>{t.title}</b>
            <span className="muted">{t.description}</span>
          </button>
        ))}
      </div>
    </Modal>
  );
}

/** The dialogs of the window, driven by the UI store (one at a time). */
export function Dialogs() {
  const { ui, platform } = useServices();
  const actions = useActions();
  const dialog = useUi((s) => s.dialog);
  const close = () => ui.getState().closeDialog();
  if (!dialog) return null;
  switch (dialog.type) {
    case 'new':
      return <NewDocumentDialog close={close} />;
    case 'help':
      return <HelpDialog close={close} />;
    case 'confirm-discard':
      return (
        <Modal
          title="Discard unsaved changes?"
          onClose={close}
          actions={
            <>
              <button className="btn" onClick={close} data-autofocus>
                Keep editing
              </button>
              <button
                className="btn danger"
                onClick={() => {
                  close();
                  dialog.proceed();
                }}
              >
                Discard and {dialog.action}
              </button>
            </>
          }
        >
          <p>The pipeline has changes that are not saved. They will be lost if you {dialog.action}.</p>
        </Modal>
      );
    case 'recovery': {
      const restore = () => {
        const parsed = (() => {
          try {
            return toEditable(JSON.parse(dialog.entry.text));
          } catch {
            return null;
          }
        })();
        close();
        if (!parsed?.ok) return ui.getState().toast('error', 'The recovered document could not be read; it was discarded.');
        const name = dialog.entry.documentPath?.split(/[\\/]/).pop()?.replace(/^web:/, '') ?? 'recovered.preflight.json';
        actions.openText({ path: dialog.entry.documentPath, name, text: dialog.entry.text }, { dirty: true });
      };
      const discard = () => {
        close();
        void platform.clearAutosave();
      };
      return (
        <Modal title="Restore unsaved work?" onClose={close} actions={<><button className="btn" onClick={discard}>Discard</button><button className="btn primary" onClick={restore} data-autofocus>Restore</button></>}>
          <p>
            Preflight closed with unsaved changes{dialog.entry.documentPath ? ` to ${dialog.entry.documentPath.replace(/^web:/, '')}` : ''}, autosaved {new Date(dialog.entry.savedAt).toLocaleString()}.
          </p>
        </Modal>
      );
    }
    case 'io':
      return (
        <Suspense fallback={null}>
          <IoDialogs dialog={dialog.io} close={close} />
        </Suspense>
      );
    case 'open-error':
      return (
        <Modal title={`Cannot open ${dialog.name}`} onClose={close} wide tone="error" actions={<button className="btn primary" onClick={close} data-autofocus>Close</button>}>
          <p>{dialog.reason}</p>
          {dialog.problems.length > 0 && (
            <ul className="open-error-list" aria-label="Problems in the file">
              {dialog.problems.map((p, i) => (
                <li key={i}>
                  <span className="mono">{p.path}</span> {problemText(p)}
                </li>
              ))}
            </ul>
          )}
          {dialog.excerpt && <pre className="excerpt">{dialog.excerpt}</pre>}
          <p className="muted">The current pipeline was left as it was.</p>
        </Modal>
      );
  }
}

export function Toasts() {
  const { ui } = useServices();
  const toasts = useUi((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.tone}`} role={t.tone === 'error' ? 'alert' : 'status'}>
          <span>{t.text}</span>
          <button className="icon-btn small" aria-label="Dismiss" onClick={() => ui.getState().dismissToast(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
