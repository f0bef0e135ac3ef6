import { useDocument, useServices, useUi, useValidation } from '../app/app-context';
import { Icon } from '../app/icons';
import { focusField } from './focus-field';
import { parsePathString } from '../stores/json-path';
import { refusedText, type RefusedValue } from '../stores/refused-values';
import { problemLocation, problemText } from '../stores/validation';
import type { Problem } from '../../simulation/index';

/** Where clicking a problem takes you: its node (selected and centred) or the panel of its section. */
function useReveal() {
  const { ui, documents } = useServices();
  return (p: Problem) => {
    const state = ui.getState();
    const segs = parsePathString(p.path) ?? [];
    const nodeId = p.nodeId ?? (segs[0] === 'nodes' && typeof segs[1] === 'number' ? documents.getState().doc.nodes[segs[1]]?.id : undefined);
    if (nodeId) {
      state.select([nodeId]);
      state.setSideTab('node');
      state.requestView('focus', nodeId);
      return;
    }
    const tabs: Record<string, 'traffic' | 'quotas' | 'pipeline' | 'faults'> = { traffic: 'traffic', quotas: 'quotas', slo: 'pipeline', run: 'pipeline', fixedCosts: 'pipeline', pipeline: 'pipeline', faults: 'faults', events: 'faults', operations: 'faults' };
    const tab = tabs[String(segs[0])];
    if (tab) state.setSideTab(tab);
  };
}

/** A refused value is listed only while its field is on screen (see RefusedValue), so clicking it goes straight to the field. */
function RefusedItem({ value }: { value: RefusedValue }) {
  const doc = useDocument((s) => s.doc);
  const where = problemLocation(doc, { severity: 'error', path: value.path, message: '' });
  return (
    <li className="problem error refused" data-testid="refused-value">
      <button
        onClick={() => focusField(value.fieldId)}
        title={`${value.path}: typed but refused, so the pipeline keeps its value. Correct it, press Esc or ↺ to drop it.`}
      >
        <Icon name="error" size={14} />
        <span className="problem-where">{where}</span>
        <span className="problem-text">
          <span className="problem-tag">not applied</span> {refusedText(value)}
        </span>
      </button>
    </li>
  );
}

/** Every problem of the document (errors block the run, warnings do not), linked to where it is. */
export function ProblemsPanel() {
  const { ui } = useServices();
  const open = useUi((s) => s.problemsOpen);
  const doc = useDocument((s) => s.doc);
  const v = useValidation((s) => s.validation);
  const reveal = useReveal();
  const none = v.problems.length === 0 && v.refused.length === 0;
  return (
    <section className={`problems${open ? ' open' : ''}`} aria-label="Problems">
      <button className="problems-head" aria-expanded={open} aria-controls="problems-list" onClick={() => ui.getState().setProblemsOpen(!open)}>
        <Icon name="chevron" size={12} />
        <h2>Problems</h2>
        {v.errorCount > 0 && <span className="badge error">{v.errorCount} error{v.errorCount > 1 ? 's' : ''}</span>}
        {v.warningCount > 0 && <span className="badge warning">{v.warningCount} warning{v.warningCount > 1 ? 's' : ''}</span>}
        {none && <span className="badge ok">ready to run</span>}
      </button>
      {open && (
        <ul id="problems-list" className="problems-list" role="list">
          {none && <li className="problems-none muted">No problems: the pipeline is valid and can run.</li>}
          {v.refused.map((r) => (
            <RefusedItem key={r.fieldId} value={r} />
          ))}
          {v.problems.map((p, i) => (
            <li key={i} className={`problem ${p.severity}`}>
              <button onClick={() => reveal(p)} title={p.path}>
                <Icon name={p.severity === 'error' ? 'error' : 'warn'} size={14} />
                <span className="problem-where">{problemLocation(doc, p)}</span>
                <span className="problem-text">{problemText(p)}</span>
              </button>
            </li>
          ))}
          {!v.graphChecked && (
            <li className="problems-none muted" data-testid="graph-not-checked">
              Quota references and each node's own checks run once these are fixed (connections are checked already), so more problems may appear then.
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
