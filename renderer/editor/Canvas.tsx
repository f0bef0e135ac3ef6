import { Background, BackgroundVariant, MarkerType, MiniMap, ReactFlow, applyNodeChanges, useNodesInitialized, useReactFlow, type Connection, type Edge, type EdgeChange, type NodeChange, type OnConnectEnd } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { canConnect } from '../../simulation/index';
import { useActions, useDocument, useRun, useServices, useUi, useValidation } from '../app/app-context';
import { connect, moveNodes, removeElements } from '../stores/document/commands';
import { layoutPositions } from './auto-layout';
import { CanvasControls } from './CanvasControls';
import { toFlowEdges, toFlowNodes, type FlowNode } from './flow-mapping';
import { PALETTE_MIME } from './Palette';
import { PipelineNodeView } from './PipelineNodeView';
import type { ViewRequestKind } from '../stores/ui-store';

// Module scope: a nodeTypes object created during render would remount every node on each render.
const nodeTypes = { pipeline: PipelineNodeView };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 } };
const SNAP: [number, number] = [20, 20];
const NODE_SIZE = { width: 190, height: 110 };

/** Applies xyflow select changes to a list of selected ids. */
function nextSelection(current: readonly string[], changes: ReadonlyArray<{ type: string; id?: string; selected?: boolean }>): string[] {
  const set = new Set(current);
  for (const c of changes) {
    if (c.type !== 'select' || !c.id) continue;
    if (c.selected) set.add(c.id);
    else set.delete(c.id);
  }
  return [...set];
}

export function Canvas() {
  const { documents, ui } = useServices();
  const actions = useActions();
  const flow = useReactFlow<FlowNode>();
  const doc = useDocument((s) => s.doc);
  const revision = useDocument((s) => s.revision);
  const validation = useValidation((s) => s.validation);
  const results = useRun((s) => s.results);
  const resultsRevision = useRun((s) => s.resultsRevision);
  const selection = useUi((s) => s.selection);
  const minimap = useUi((s) => s.minimap);
  const viewRequest = useUi((s) => s.viewRequest);
  const initialized = useNodesInitialized();
  const [nodes, setNodes] = useState<FlowNode[]>([]);

  useEffect(() => {
    setNodes((previous) =>
      toFlowNodes({ doc, catalog: validation.catalog, byNode: validation.byNode, results, resultsStale: resultsRevision !== revision, selectedNodes: new Set(selection.nodes) }, previous),
    );
  }, [doc, validation, results, resultsRevision, revision, selection.nodes]);
  const edges = useMemo(() => toFlowEdges(doc, new Set(selection.edges), validation.byPath), [doc, selection.edges, validation.byPath]);

  // Requests (fit, focus, layout) wait here until the nodes have measured sizes: a fit before that
  // frames nothing. The store's request is consumed, so it is not replayed when the canvas remounts.
  const pending = useRef<{ kind: ViewRequestKind; nodeId?: string } | null>({ kind: 'fit' });
  useEffect(() => {
    if (!viewRequest) return;
    pending.current = viewRequest;
    ui.getState().consumeViewRequest();
  }, [viewRequest, ui]);
  useEffect(() => {
    const request = pending.current;
    if (!request || !initialized || !nodes.length) return;
    pending.current = null;
    // No animation for a fit: a document that has just opened should simply appear framed.
    if (request.kind === 'fit') requestAnimationFrame(() => void flow.fitView({ padding: 0.15, maxZoom: 1.1 }));
    if (request.kind === 'focus' && request.nodeId) requestAnimationFrame(() => void flow.fitView({ nodes: [{ id: request.nodeId! }], maxZoom: 1.1, duration: 250 }));
    if (request.kind === 'layout') {
      const sized = flow.getNodes().map((n) => ({ id: n.id, width: n.measured?.width ?? NODE_SIZE.width, height: n.measured?.height ?? NODE_SIZE.height }));
      void layoutPositions(sized, documents.getState().doc.edges).then((positions) => {
        actions.execute(moveNodes(documents.getState().doc, positions, 'Auto-layout'));
        ui.getState().requestView('fit');
      });
    }
  }, [viewRequest, initialized, nodes, flow, documents, actions, ui]);

  const dragging = useRef(false);
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      // Removal goes through onDelete (one undoable command); the document is the source of truth.
      setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), ns));
      // Arrow keys move focused nodes without a drag: record those moves (one undo step per burst).
      const nudged = changes.filter((c) => c.type === 'position' && c.position && !c.dragging && !dragging.current);
      if (nudged.length) {
        const positions = Object.fromEntries(nudged.map((c) => [(c as { id: string }).id, (c as { position: { x: number; y: number } }).position]));
        actions.execute(moveNodes(documents.getState().doc, positions, 'Move with keys', 'keyboard-move'));
      }
      if (changes.some((c) => c.type === 'select')) {
        const sel = ui.getState().selection;
        ui.getState().select(nextSelection(sel.nodes, changes), sel.edges);
      }
    },
    [ui, actions, documents],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      if (!changes.some((c) => c.type === 'select')) return;
      const sel = ui.getState().selection;
      ui.getState().select(sel.nodes, nextSelection(sel.edges, changes));
    },
    [ui],
  );
  const isValidConnection = useCallback((c: Connection | Edge) => {
    const d = documents.getState().doc;
    return canConnect(d.nodes, d.edges, c.source, c.sourceHandle ?? '', c.target).ok;
  }, [documents]);
  const onConnect = useCallback((c: Connection) => actions.execute(connect(documents.getState().doc, c.source, c.sourceHandle ?? '', c.target)), [actions, documents]);
  const onConnectEnd: OnConnectEnd = useCallback(
    (_event, state) => {
      if (state.isValid || !state.fromNode || !state.toNode || !state.fromHandle) return;
      const d = documents.getState().doc;
      const check = canConnect(d.nodes, d.edges, state.fromNode.id, state.fromHandle.id ?? '', state.toNode.id);
      if (!check.ok) ui.getState().toast('error', `Cannot connect: ${check.reason}`);
    },
    [documents, ui],
  );
  const onDelete = useCallback(
    ({ nodes: ns, edges: es }: { nodes: FlowNode[]; edges: Edge[] }) => {
      if (actions.execute(removeElements(documents.getState().doc, ns.map((n) => n.id), es.map((e) => e.id)))) ui.getState().select([]);
    },
    [actions, documents, ui],
  );
  const onNodeDragStop = useCallback(
    (_e: unknown, _node: FlowNode, dragged: FlowNode[]) => {
      dragging.current = false;
      actions.execute(moveNodes(documents.getState().doc, Object.fromEntries(dragged.map((n) => [n.id, n.position])), dragged.length > 1 ? `Move ${dragged.length} nodes` : `Move ${dragged[0]?.id ?? ''}`));
    },
    [actions, documents],
  );
  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME);
      if (!kind) return;
      e.preventDefault();
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      actions.addNodeAt(kind, { x: p.x - NODE_SIZE.width / 2, y: p.y - 30 });
    },
    [actions, flow],
  );

  return (
    <div className="canvas" data-testid="canvas" aria-label="Pipeline canvas" onDragOver={(e) => { if (e.dataTransfer.types.includes(PALETTE_MIME)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } }} onDrop={onDrop}>
      <ReactFlow<FlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onDelete={onDelete}
        onNodeDragStart={() => (dragging.current = true)}
        onNodeDragStop={onNodeDragStop}
        snapToGrid
        snapGrid={SNAP}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        minZoom={0.2}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} color="#cfd4dc" />
        <CanvasControls />
        {minimap && doc.nodes.length > 0 && <MiniMap pannable zoomable position="bottom-right" nodeClassName={(n) => `minimap-node group-${(n.data as FlowNode['data']).group}`} ariaLabel="Minimap" />}
      </ReactFlow>
      {doc.nodes.length === 0 && (
        <div className="canvas-empty" role="note">
          <h2>An empty pipeline</h2>
          <p>
            Start with a <b>Traffic source</b> from the palette (drag it here, or click it). With a node selected, clicking the next kind adds it to the right <em>and connects it</em>.
          </p>
        </div>
      )}
    </div>
  );
}
