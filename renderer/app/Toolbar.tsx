import { useState } from 'react';
import type { RecentFile } from '../platform/platform';
import { isDirty } from '../stores/document/document-store';
import { useActions, useDocument, useRun, useServices, useUi } from './app-context';
import { Icon } from './icons';
import { RunControls } from './RunControls';
import { ExportMenu, ImportMenu } from '../features/io/IoMenus';

function RecentMenu() {
  const actions = useActions();
  const [items, setItems] = useState<RecentFile[] | null>(null);
  const open = items !== null;
  return (
    <div className="menu-anchor">
      <button className="icon-btn" aria-label="Recent files" title="Recent files" aria-haspopup="menu" aria-expanded={open} onClick={() => (open ? setItems(null) : void actions.listRecent().then(setItems, () => setItems([])))}>
        <Icon name="clock" />
      </button>
      {open && (
        <div role="menu" aria-label="Recent files" className="menu" onMouseLeave={() => setItems(null)}>
          {items.length === 0 && <div className="menu-empty">No recent files yet</div>}
          {items.map((r) => (
            <button
              key={r.path}
              role="menuitem"
              className="menu-item"
              title={r.path}
              onClick={() => {
                setItems(null);
                void actions.openRecent(r.path);
              }}
            >
              <span>{r.name}</span>
              <span className="faint">{new Date(r.openedAt).toLocaleString()}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

export function Toolbar() {
  const { ui } = useServices();
  const actions = useActions();
  const file = useDocument((s) => s.file);
  const dirty = useDocument(isDirty);
  const canUndo = useDocument((s) => s.past.length > 0);
  const canRedo = useDocument((s) => s.future.length > 0);
  const undoLabel = useDocument((s) => s.past[s.past.length - 1]?.label);
  const redoLabel = useDocument((s) => s.future[s.future.length - 1]?.label);
  const view = useUi((s) => s.view);
  const hasResults = useRun((s) => s.results !== null);
  const generation = useDocument((s) => s.generation);
  const editor = view === 'editor';

  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <div className="brand" aria-hidden>
        <span className="brand-mark">◆</span> Preflight
      </div>
      <div className="doc-title" data-testid="document-title" title={file.path ?? 'Not saved yet'}>
        {file.name}
        {dirty && (
          <span className="dirty-dot" aria-label="unsaved changes" title="Unsaved changes">
            ●
          </span>
        )}
      </div>
      <div className="tool-group">
        <button className="btn" onClick={() => ui.getState().openDialog({ type: 'new' })} title="New pipeline (Ctrl+N)">
          <Icon name="file" size={14} /> New
        </button>
        <button className="btn" onClick={() => void actions.open()} title="Open a .preflight.json file (Ctrl+O)">
          <Icon name="open" size={14} /> Open
        </button>
        <button className="btn" onClick={() => void actions.save(false)} title="Save (Ctrl+S)">
          <Icon name="save" size={14} /> Save
        </button>
        <button className="icon-btn" aria-label="Save as" onClick={() => void actions.save(true)} title="Save as… (Ctrl+Shift+S)">
          <Icon name="saveAs" />
        </button>
        <RecentMenu />
        <ImportMenu />
        <ExportMenu />
      </div>
      <div className="tool-group">
        <button className="icon-btn" aria-label="Undo" title={canUndo ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'} disabled={!canUndo} onClick={actions.undo}>
          <Icon name="undo" />
        </button>
        <button className="icon-btn" aria-label="Redo" title={canRedo ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'} disabled={!canRedo} onClick={actions.redo}>
          <Icon name="redo" />
        </button>
      </div>
      <div className="view-tabs" role="tablist" aria-label="View">
        <button role="tab" aria-selected={editor} className={editor ? 'active' : ''} onClick={() => ui.getState().setView('editor')}>
          Editor
        </button>
        <button role="tab" aria-selected={view === 'results'} className={view === 'results' ? 'active' : ''} onClick={() => ui.getState().setView('results')} title={hasResults ? 'Results of the last run' : 'Run the pipeline to see results'}>
          Results{hasResults && <span className="tab-dot" aria-hidden />}
        </button>
        <button role="tab" aria-selected={view === 'analysis'} className={view === 'analysis' ? 'active' : ''} onClick={() => ui.getState().setView('analysis')} title="Planning questions: confidence intervals, capacity, maturity ROI, what-ifs, budgets, dashboards">
          Analysis
        </button>
      </div>
      <div className="spacer" />
      {/* Remounted with each new document, so a draft seed does not carry over to it. */}
      <RunControls key={generation} />
      <button className="icon-btn" aria-label="Quick guide" title="Quick guide" onClick={() => ui.getState().openDialog({ type: 'help' })}>
        <Icon name="info" />
      </button>
    </header>
  );
}
