import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense } from 'react';
import { Canvas } from '../editor/Canvas';
import { Palette } from '../editor/Palette';
import { ProblemsPanel } from '../editor/ProblemsPanel';
import { SidePanel } from '../editor/SidePanel';
import { useDocument, useUi } from './app-context';
import { Dialogs, Toasts } from './Dialogs';
import { Toolbar } from './Toolbar';
import { useShortcuts } from './use-shortcuts';

// The dashboard (and echarts with it) loads when results are first shown, not with the editor.
const ResultsView = lazy(() => import('../features/results/ResultsView').then((m) => ({ default: m.ResultsView })));
// The analysis workspace (worker pool, maturity templates) loads when first opened.
const AnalysisView = lazy(() => import('../features/analysis/AnalysisView').then((m) => ({ default: m.AnalysisView })));

function EditorView() {
  // A new document remounts the side panel: no field's draft (or refused value) carries over to it.
  const generation = useDocument((s) => s.generation);
  return (
    <div className="editor-view">
      <Palette />
      <section className="editor-center" aria-label="Editor">
        <Canvas />
        <ProblemsPanel />
      </section>
      <SidePanel key={generation} />
    </div>
  );
}

/** The window: toolbar on top, then the editor (palette, canvas, problems, side panel) or the results. */
export function App() {
  const view = useUi((s) => s.view);
  useShortcuts();
  return (
    <ReactFlowProvider>
      <div className="app">
        <Toolbar />
        <main className="workspace">
          {view === 'editor' ? (
            <EditorView />
          ) : view === 'analysis' ? (
            <Suspense fallback={<div className="results-empty muted">Loading the analysis workspace…</div>}>
              <AnalysisView />
            </Suspense>
          ) : (
            <Suspense fallback={<div className="results-empty muted">Loading the dashboard…</div>}>
              <ResultsView />
            </Suspense>
          )}
        </main>
        <Dialogs />
        <Toasts />
      </div>
    </ReactFlowProvider>
  );
}
