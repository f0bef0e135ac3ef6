import { useStore as useFlowStore } from '@xyflow/react';
import { NODE_GROUPS, NODE_KINDS } from '../../simulation/index';
import { useActions, useServices, useUi } from '../app/app-context';
import { placeNewNode } from './placement';

/** Drag-and-drop payload type of a palette item (the node kind). */
export const PALETTE_MIME = 'application/x-preflight-kind';

/**
 * Every kind in the simulation registry, grouped as the registry groups them. Kinds the lead adds to
 * `NODE_KINDS` appear here with no change: nothing below names a kind.
 */
export function Palette() {
  const { documents } = useServices();
  const actions = useActions();
  const selected = useUi((s) => (s.selection.nodes.length === 1 ? s.selection.nodes[0]! : null));
  const centre = useFlowStore((s) => ({ x: (s.width / 2 - s.transform[0]) / s.transform[2], y: (s.height / 2 - s.transform[1]) / s.transform[2] }), (a, b) => a.x === b.x && a.y === b.y);

  const add = (kind: string) => {
    const doc = documents.getState().doc;
    actions.addNodeAt(kind, placeNewNode(doc, selected, centre), selected ?? undefined);
  };

  return (
    <nav className="palette" aria-label="Node palette">
      <div className="palette-head">
        <h2>Nodes</h2>
        <p className="muted">Drag onto the canvas, or click to add{selected ? ' after the selected node (connected)' : ''}.</p>
      </div>
      {NODE_GROUPS.map(({ group, title }) => {
        const kinds = NODE_KINDS.filter((k) => k.group === group);
        if (!kinds.length) return null;
        return (
          <section key={group} className="palette-group" aria-label={title}>
            <h3>{title}</h3>
            <ul role="list">
              {kinds.map((k) => (
                <li key={k.kind}>
                  <button
                    className={`palette-item group-${group}`}
                    draggable
                    onDragStart={(e) => {
                      e.dataTransfer.setData(PALETTE_MIME, k.kind);
                      e.dataTransfer.effectAllowed = 'copy';
                    }}
                    onClick={() => add(k.kind)}
                    aria-label={`Add ${k.title} node`}
                    title={k.description}
                    data-testid={`palette-${k.kind}`}
                  >
                    <span className="palette-swatch" aria-hidden />
                    <span className="palette-title">{k.title}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
