import { useCallback, useMemo } from 'react';
import { useCommittedDraft } from '../use-committed-draft';
import { NODE_KINDS, nodeKind, paramsJsonSchema } from '../../../simulation/index';
import { Icon } from '../../app/icons';
import { useActions, useDocument, useServices, useValidation } from '../../app/app-context';
import { removeElements, renameNode, rewire, setValue } from '../../stores/document/commands';
import { portsOfNode } from '../../stores/document/node-ports';
import type { EditableDocument } from '../../stores/document/editable-document';
import { edgesFollowingPortRename } from '../../stores/document/port-rename';
import { appliedText } from '../../stores/refused-values';
import { problemText } from '../../stores/validation';
import { useRefusedValue } from '../use-refused-value';
import { NodeRunFigures } from './NodeRunFigures';
import { SchemaForm } from './SchemaForm';
import type { JsonSchema } from './schema-fields';

/** A text box committed on Enter/blur whose refusal (from a command) shows inline, in Problems, and blocks Run. */
function CommitText(props: { label: string; value: string; path: string; apply(text: string): string | null; mono?: boolean }) {
  const { draft, setDraft, error, commit } = useCommittedDraft(props.value, props.apply);
  const id = `node-${props.label.toLowerCase()}`;
  useRefusedValue(id, props.path, error, appliedText(props.value));
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      <input id={id} className={props.mono ? 'mono' : undefined} value={draft} aria-invalid={error ? true : undefined} onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

export function NodeInspector({ nodeId }: { nodeId: string }) {
  const { documents, ui } = useServices();
  const actions = useActions();
  const doc = useDocument((s) => s.doc);
  const problems = useValidation((s) => s.validation.byNode[nodeId]) ?? [];
  const index = doc.nodes.findIndex((n) => n.id === nodeId);
  const node = doc.nodes[index];
  const def = node ? nodeKind(node.kind) : undefined;
  const json = useMemo(() => (def ? (paramsJsonSchema(def.kind) as JsonSchema) : null), [def]);
  const docPath = useMemo(() => ['nodes', index, 'params'], [index]);
  // Renaming a router's route renames its output port: its connection follows in the same undo step.
  const followUp = useCallback((before: EditableDocument, after: EditableDocument) => edgesFollowingPortRename(before, after, index), [index]);
  if (!node) return null;

  const rename = (text: string) => {
    const result = renameNode(documents.getState().doc, nodeId, text.trim());
    if (result && 'ok' in result) return result.reason;
    if (actions.execute(result)) ui.getState().select([text.trim()]);
    return null;
  };
  const others = doc.nodes.filter((n) => n.id !== nodeId && nodeKind(n.kind)?.acceptsInput);
  return (
    <div className="inspector" aria-label={`Inspector: ${node.name || node.id}`}>
      <header className={`inspector-head group-${def?.group ?? 'unknown'}`}>
        <span className="inspector-kind">{def?.title ?? 'Unknown kind'}</span>
        <p className="muted">{def?.description ?? `"${node.kind}" is not a node kind Preflight knows. Known kinds: ${NODE_KINDS.map((k) => k.kind).join(', ')}.`}</p>
      </header>
      <section className="inspector-section">
        <CommitText label="Name" value={node.name ?? ''} path={`$.nodes[${index}].name`} apply={(t) => (actions.execute(setValue(documents.getState().doc, ['nodes', index, 'name'], t, 'Rename node')), null)} />
        <CommitText label="Id" mono value={node.id} path={`$.nodes[${index}].id`} apply={rename} />
      </section>
      {problems.length > 0 && (
        <section className="inspector-section" aria-label="Problems of this node">
          {problems.map((p, i) => (
            <div key={i} className={`field-error ${p.severity}`}>
              {problemText(p)}
            </div>
          ))}
        </section>
      )}
      {def && json && (
        <section className="inspector-section" aria-label="Parameters">
          <h3>Parameters</h3>
          <SchemaForm key={nodeId} zod={def.params} json={json} docPath={docPath} idPrefix={`p-${nodeId}`} followUp={followUp} />
        </section>
      )}
      {def && portsOfNode(node).length > 0 && (
        <section className="inspector-section" aria-label="Outputs">
          <h3>Outputs</h3>
          {portsOfNode(node).map((port) => {
            const edge = doc.edges.find((e) => e.from === nodeId && e.port === port.name);
            return (
              <div key={port.name} className="field">
                <label className="field-label" htmlFor={`out-${port.name}`}>
                  {port.name} {port.required && <span className="faint">(required)</span>}
                </label>
                <select id={`out-${port.name}`} value={edge?.to ?? ''} onChange={(e) => actions.execute(rewire(documents.getState().doc, nodeId, port.name, e.target.value || null))}>
                  <option value="">{port.isError ? 'not connected (ends as an Error)' : 'not connected'}</option>
                  {others.map((n) => (
                    <option key={n.id} value={n.id}>
                      → {n.name || n.id} ({n.id})
                    </option>
                  ))}
                </select>
                <div className="field-help">{port.description}</div>
              </div>
            );
          })}
        </section>
      )}
      <NodeRunFigures nodeId={nodeId} />
      <section className="inspector-section">
        <button className="btn danger" onClick={() => actions.execute(removeElements(documents.getState().doc, [nodeId], []), []) && ui.getState().select([])}>
          <Icon name="trash" size={14} /> Delete node
        </button>
      </section>
    </div>
  );
}
