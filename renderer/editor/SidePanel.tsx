import { useActions, useDocument, useServices, useUi } from '../app/app-context';
import { Icon } from '../app/icons';
import { edgeKey } from '../stores/document/editable-document';
import { removeElements } from '../stores/document/commands';
import { NodeInspector } from './inspector/NodeInspector';
import { FaultsPanel } from './panels/faults/FaultsPanel';
import { PipelinePanel } from './panels/PipelinePanel';
import { QuotasPanel } from './panels/QuotasPanel';
import { TrafficPanel } from './panels/TrafficPanel';
import type { SideTab } from '../stores/ui-store';

const TABS: Array<{ id: SideTab; title: string }> = [
  { id: 'node', title: 'Inspector' },
  { id: 'traffic', title: 'Traffic' },
  { id: 'quotas', title: 'Quotas' },
  { id: 'pipeline', title: 'Pipeline' },
  { id: 'faults', title: 'Faults' },
];

function SelectionPanel() {
  const { documents } = useServices();
  const actions = useActions();
  const selection = useUi((s) => s.selection);
  const doc = useDocument((s) => s.doc);
  if (selection.nodes.length === 1) return <NodeInspector nodeId={selection.nodes[0]!} />;
  if (selection.nodes.length > 1) {
    return (
      <div className="panel-body">
        <h3>{selection.nodes.length} nodes selected</h3>
        <div className="row-gap">
          <button className="btn" onClick={actions.copy}>Copy</button>
          <button className="btn danger" onClick={actions.deleteSelection}>
            <Icon name="trash" size={14} /> Delete
          </button>
        </div>
      </div>
    );
  }
  const edge = selection.edges.length === 1 ? doc.edges.find((e) => edgeKey(e) === selection.edges[0]) : undefined;
  if (edge) {
    return (
      <div className="panel-body">
        <h3>Connection</h3>
        <p>
          <span className="mono">{edge.from}</span> output <b>{edge.port}</b> → <span className="mono">{edge.to}</span>
        </p>
        <button className="btn danger" onClick={() => actions.execute(removeElements(documents.getState().doc, [], [edgeKey(edge)]))}>
          <Icon name="trash" size={14} /> Delete connection
        </button>
      </div>
    );
  }
  return (
    <div className="panel-body inspector-empty">
      <h3>Nothing selected</h3>
      <p className="muted">Select a node to edit its parameters. Shift-drag to select several.</p>
      <ul className="shortcut-list">
        <li><kbd>Ctrl</kbd>+<kbd>Z</kbd> / <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd> undo / redo</li>
        <li><kbd>Ctrl</kbd>+<kbd>C</kbd> / <kbd>Ctrl</kbd>+<kbd>V</kbd> copy / paste nodes</li>
        <li><kbd>Del</kbd> delete selection · <kbd>Ctrl</kbd>+<kbd>A</kbd> select all</li>
        <li><kbd>Ctrl</kbd>+<kbd>L</kbd> auto-layout · <kbd>Ctrl</kbd>+<kbd>0</kbd> fit</li>
        <li><kbd>Ctrl</kbd>+<kbd>Enter</kbd> run · <kbd>Ctrl</kbd>+<kbd>S</kbd> save</li>
      </ul>
    </div>
  );
}

/** Right-hand panel: the selection's inspector, and the document-level editors in their own tabs. */
export function SidePanel() {
  const { ui } = useServices();
  const tab = useUi((s) => s.sideTab);
  return (
    <aside className="side-panel" aria-label="Side panel">
      <div className="side-tabs" role="tablist" aria-label="Side panel">
        {TABS.map((t) => (
          <button key={t.id} role="tab" id={`side-tab-${t.id}`} aria-selected={tab === t.id} aria-controls="side-tabpanel" className={tab === t.id ? 'active' : ''} onClick={() => ui.getState().setSideTab(t.id)}>
            {t.title}
          </button>
        ))}
      </div>
      <div className="side-content" role="tabpanel" id="side-tabpanel" aria-labelledby={`side-tab-${tab}`}>
        {tab === 'node' && <SelectionPanel />}
        {tab === 'traffic' && <TrafficPanel />}
        {tab === 'quotas' && <QuotasPanel />}
        {tab === 'pipeline' && <PipelinePanel />}
        {tab === 'faults' && <FaultsPanel />}
      </div>
    </aside>
  );
}
