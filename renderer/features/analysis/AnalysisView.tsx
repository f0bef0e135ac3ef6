import type { ComponentType } from 'react';
import '../../styles/analysis.css';
import { useAnalysisServices } from './analysis-context';
import { useAnalysis } from './analysis-registry';
import type { ToolId } from './analysis-store';
import { BudgetPanel } from './budget/BudgetPanel';
import { CapacityPanel } from './capacity/CapacityPanel';
import { ComparePanel } from './compare/ComparePanel';
import { ConfidencePanel } from './confidence/ConfidencePanel';
import { DashboardsPanel } from './dashboards/DashboardsPanel';
import { MaturityPanel } from './maturity/MaturityPanel';
import { WhatIfPanel } from './whatif/WhatIfPanel';

interface Tool {
  id: ToolId;
  title: string;
  question: string;
  Panel: ComponentType;
}

/** The questions the workspace answers, in the order a launch review asks them. */
const TOOLS: Tool[] = [
  { id: 'confidence', title: 'Confidence', question: 'Can I trust these numbers?', Panel: ConfidencePanel },
  { id: 'capacity', title: 'Capacity', question: 'How much headroom is left, and how far can traffic grow?', Panel: CapacityPanel },
  { id: 'maturity', title: 'Maturity ROI', question: 'Is the next maturity level worth the investment?', Panel: MaturityPanel },
  { id: 'whatif', title: 'What-ifs', question: 'What if traffic doubles or prices change?', Panel: WhatIfPanel },
  { id: 'compare', title: 'Compare scenarios', question: 'What changes between two versions?', Panel: ComparePanel },
  { id: 'budget', title: 'Budget & chargeback', question: 'Where does the money go, and who pays?', Panel: BudgetPanel },
  { id: 'dashboards', title: 'Dashboards', question: 'Executive, operational and debugging views', Panel: DashboardsPanel },
];

/** The Analysis workspace: planning questions on the left, the selected tool on the right. */
export function AnalysisView() {
  const { store } = useAnalysisServices();
  const tool = useAnalysis((s) => s.tool);
  // A string, not an array: a selector must return a stable value.
  const running = useAnalysis((s) => Object.entries(s.jobs).filter(([, j]) => j.status === 'running').map(([k]) => k).join(' ')).split(' ');
  const active = TOOLS.find((t) => t.id === tool) ?? TOOLS[0]!;
  const busy = (id: ToolId) => running.some((k) => JOB_TOOL[k] === id);
  return (
    <div className="analysis-view">
      <nav className="analysis-nav" aria-label="Analysis tools">
        <div role="tablist" aria-orientation="vertical" aria-label="Analysis tools">
          {TOOLS.map((t) => (
            <button key={t.id} role="tab" id={`tool-${t.id}`} aria-selected={t.id === active.id} aria-controls="analysis-panel" className={t.id === active.id ? 'active' : ''} onClick={() => store.getState().setTool(t.id)}>
              <span className="tool-title">
                {t.title}
                {busy(t.id) && <span className="tool-busy" aria-label="running" title="Running" />}
              </span>
              <span className="tool-question">{t.question}</span>
            </button>
          ))}
        </div>
      </nav>
      <section id="analysis-panel" className="analysis-panel" role="tabpanel" aria-labelledby={`tool-${active.id}`}>
        <header className="analysis-head">
          <h1>{active.title}</h1>
          <p className="muted">{active.question}</p>
        </header>
        <active.Panel />
      </section>
    </div>
  );
}

const JOB_TOOL: Record<string, ToolId> = { replications: 'confidence', loadSearch: 'capacity', maturity: 'maturity', sweep: 'whatif', tornado: 'whatif' };
