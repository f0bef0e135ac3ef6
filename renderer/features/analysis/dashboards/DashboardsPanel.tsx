import { useAnalysisServices } from '../analysis-context';
import type { AnalysisInputs } from '../analysis-inputs';
import { useAnalysis } from '../analysis-registry';
import { NeedsRun } from '../NeedsRun';
import { Debugging } from './Debugging';
import { Executive } from './Executive';
import { Operational } from './Operational';

type Tab = AnalysisInputs['dashboards']['tab'];
const TABS: Array<{ id: Tab; title: string; who: string }> = [
  { id: 'executive', title: 'Executive', who: 'for leadership' },
  { id: 'operational', title: 'Operational', who: 'for on-call' },
  { id: 'debugging', title: 'Debugging', who: 'for engineers' },
];

/** The guide's three dashboards, drawn from the last run. */
export function DashboardsPanel() {
  const { store } = useAnalysisServices();
  const tab = useAnalysis((s) => s.inputs.dashboards.tab);
  return (
    <div className="tool-body">
      <div className="dash-tabs" role="tablist" aria-label="Dashboards">
        {TABS.map((t) => (
          <button key={t.id} role="tab" id={`dash-${t.id}`} aria-selected={tab === t.id} aria-controls="dash-panel" className={tab === t.id ? 'active' : ''} onClick={() => store.getState().setInputs('dashboards', { tab: t.id })}>
            {t.title} <span className="faint">{t.who}</span>
          </button>
        ))}
      </div>
      <div id="dash-panel" role="tabpanel" aria-labelledby={`dash-${tab}`} className="tool-body">
        <NeedsRun what="Dashboards">{(results) => (tab === 'executive' ? <Executive results={results} /> : tab === 'operational' ? <Operational results={results} /> : <Debugging results={results} />)}</NeedsRun>
      </div>
    </div>
  );
}
