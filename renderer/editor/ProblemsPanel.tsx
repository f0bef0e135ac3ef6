import { useDocument, useServices, useUi, useValidation } from '../app/app-context';
import { Icon } from '../app/icons';
import { parsePathString } from '../stores/json-path';
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

/** Every problem of the document (errors block the run, warnings do not), linked to where it is. */
export function ProblemsPanel() {
  const { ui } = useServices();
  const open = useUi((s) => s.problemsOpen);
  const doc = useDocument((s) => s.doc);
  const v = useValidation((s) => s.validation);
  const reveal = useReveal();
  return (
    <section className={`problems${open ? ' open' : ''}`} aria-label="Problems">
      <button className="problems-head" aria-expanded={open} aria-controls="problems-list" onClick={() => ui.getState().setProblemsOpen(!open)}>
        <Icon name="chevron" size={12} />
        <h2>Problems</h2>
        {v.errorCount > 0 && <span className="badge error">{v.errorCount} error{v.errorCount > 1 ? 's' : ''}</span>}
        {v.warningCount > 0 && <span className="badge warning">{v.warningCount} warning{v.warningCount > 1 ? 's' : ''}</span>}
        {v.problems.length === 0 && <span className="badge ok">ready to run</span>}
      </button>
      {open && (
        <ul id="problems-list" className="problems-list" role="list">
          {v.problems.length === 0 && <li className="problems-none muted">No problems: the pipeline is valid and can run.</li>}
          {v.problems.map((p, i) => (
            <li key={i} className={`problem ${p.severity}`}>
              <button onClick={() => reveal(p)} title={p.path}>
                <Icon name={p.severity === 'error' ? 'error' : 'warn'} size={14} />
                <span className="problem-where">{problemLocation(doc, p)}</span>
                <span className="problem-text">{problemText(p)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
