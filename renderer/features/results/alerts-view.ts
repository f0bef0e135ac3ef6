import { ALERT_RULES, evaluateAlerts, SEVERITIES, type RunResults, type Severity } from '../../../simulation/index';
import { minuteLabel } from './figures';

const ORDER: Severity[] = ['critical', 'high', 'medium', 'low'];

export interface AlertRow {
  id: string;
  severity: Severity;
  title: string;
  condition: string;
  responseTime: string;
  /** "from min 20, 10 minutes firing"; capacity alerts have no single start. */
  when: string;
  runbook: string[];
  runbookSource: string;
}

/** The guide's alert rules that would have fired on this run, most severe first, each with its runbook. */
export function alertRows(r: RunResults): AlertRow[] {
  return evaluateAlerts(r)
    .sort((a, b) => ORDER.indexOf(a.rule.severity) - ORDER.indexOf(b.rule.severity))
    .map((f) => ({
      id: f.rule.id,
      severity: f.rule.severity,
      title: f.rule.title,
      condition: f.rule.condition,
      responseTime: SEVERITIES[f.rule.severity].responseTime,
      when:
        f.firstAtMs === null
          ? `${f.buckets} quota${f.buckets === 1 ? '' : 's'} affected`
          : `first at ${minuteLabel(f.firstAtMs)}, firing ${Number(f.firingMinutes.toFixed(1))} min`,
      runbook: f.rule.runbook,
      runbookSource: f.rule.runbookSource === 'seed' ? 'runbook from the production guide' : "Preflight's suggested runbook",
    }));
}

/** Every rule the run was checked against, for "nothing fired" to mean something. */
export function checkedRules(): Array<{ severity: Severity; title: string; condition: string }> {
  return ALERT_RULES.map((rule) => ({ severity: rule.severity, title: rule.title, condition: rule.condition }));
}

type ErrorBudget = RunResults['slo']['errorBudget'];

export interface BudgetView {
  /** "availability 99.9 % → 0.1 % of requests may fail: this run used 43 % of the budget". */
  text: string;
  /** Share of the budget used, capped for the bar (null when it cannot be computed). */
  used: number | null;
  tone: 'pass' | 'near' | 'fail';
  monthly: string;
}

const pct = (share: number) => `${Number((share * 100).toFixed(3))} %`;

/**
 * The error budget of the availability target in words (SRE practice). `consumed` is null when the
 * target allows no failure at all and some request failed (older result files may hold Infinity).
 */
export function budgetView(budget: ErrorBudget, availabilityTarget: number, failed: number): BudgetView {
  const consumed = budget.consumed === null || !Number.isFinite(budget.consumed) ? null : budget.consumed;
  const head = `availability ${pct(availabilityTarget)} → ${pct(budget.allowedFailureShare)} of requests may fail`;
  // Far over budget reads as a multiple ("748× the budget"), not "74757 %".
  const spent = consumed !== null && consumed > 2 ? `${Number(consumed.toFixed(consumed >= 100 ? 0 : 1)).toLocaleString('en-US')}× the budget` : `${Number(((consumed ?? 0) * 100).toFixed(1))} % of the budget`;
  const used = consumed === null ? (failed > 0 ? 'the target allows no failure and this run had some' : 'no failures') : `this run used ${spent}`;
  const tone = consumed === null ? (failed > 0 ? 'fail' : 'pass') : consumed > 1 ? 'fail' : consumed >= 0.8 ? 'near' : 'pass';
  return {
    text: `${head}: ${used}`,
    used: consumed === null ? (failed > 0 ? 1 : 0) : Math.min(1, consumed),
    tone,
    monthly: `a month allows ${Math.round(budget.allowedFailuresPerMonth).toLocaleString('en-US')} failed requests at this traffic, or ${Number(budget.allowedDowntimeMinutesPerMonth.toFixed(1))} minutes of downtime`,
  };
}
