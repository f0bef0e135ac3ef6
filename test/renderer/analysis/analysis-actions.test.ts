import { describe, expect, it } from 'vitest';
import { evaluateBudget, loadPipeline, runReplications, SEED_BUDGET } from '../../../simulation/index';
import { sweepPlan } from '../../../renderer/features/analysis/analysis-actions';
import { analysisFor } from '../../../renderer/features/analysis/analysis-context';
import type { AnalysisStore, JobKind } from '../../../renderer/features/analysis/analysis-store';
import { budgetRows, budgetWithAmounts, modelOfFor, premiumNodes } from '../../../renderer/features/analysis/budget/budget-model';
import { monthlyBudget } from '../../../renderer/features/analysis/budget/budget-source';
import { monthlyChargeback } from '../../../renderer/features/analysis/budget/chargeback-model';
import { monthlyCapacities } from '../../../renderer/features/analysis/capacity/capacity-model';
import { keyIncidents, overallHealth, tokensPerQuery } from '../../../renderer/features/analysis/dashboards/dashboard-model';
import { headlineIntervals } from '../../../renderer/features/analysis/headline-intervals';
import { MATURITY_TEMPLATES } from '../../../renderer/features/analysis/maturity-templates';
import { exampleText } from '../helpers';
import { runFinished, testServices } from '../app/services';
import { example } from './fixtures';
import { levelDefaults } from '../../../renderer/features/analysis/maturity/level-defaults';
import { inProcessPool } from './pool-helpers';

/** The optimized RAG example with a 10-minute horizon, opened in a fresh window's services. */
function window10m() {
  const s = testServices();
  const doc = JSON.parse(exampleText('optimized-rag'));
  doc.run.durationMs = 600_000;
  s.actions.openText({ path: null, name: 'rag.preflight.json', text: JSON.stringify(doc) });
  const a = analysisFor(s, () => inProcessPool(2));
  return { s, a, text: JSON.stringify(doc) };
}

const settled = (store: AnalysisStore, kind: JobKind) =>
  new Promise<void>((resolve) => {
    const stop = store.subscribe((state) => {
      if (state.jobs[kind].status !== 'running') {
        stop();
        resolve();
      }
    });
  });

describe('analysis actions', () => {
  it('replicate the current document on the pool: the same figures as runReplications, and ± on the cards of the same run', async () => {
    const { s, a, text } = window10m();
    a.store.getState().setInputs('confidence', { replications: 3 });
    a.actions.runReplications();
    expect(a.store.getState().jobs.replications.status).toBe('running');
    await settled(a.store, 'replications');
    const job = a.store.getState().jobs.replications;
    const loaded = loadPipeline(text);
    if (!loaded.ok) throw new Error('invalid');
    expect(JSON.stringify(job.result!.replicated)).toBe(JSON.stringify(runReplications(loaded.doc, loaded.catalog, {}, { replications: 3, confidence: 0.95, stopping: null })));

    s.actions.run();
    await runFinished(s);
    const results = s.runs.getState().results!;
    const cards = headlineIntervals(job, s.runs.getState().resultsRevision, results);
    expect(cards?.p99Ms?.confidence).toBe('95 % CI, n = 3');
    // Another seed is another run: its cards get no interval from these replications.
    expect(headlineIntervals(job, s.runs.getState().resultsRevision, { ...results, run: { ...results.run, seed: 99 } })).toBeNull();
    expect(headlineIntervals(job, (s.runs.getState().resultsRevision ?? 0) + 1, results)).toBeNull();
  });

  it('a run started from the workspace comes back to it; saved scenarios get unique names', async () => {
    const { s, a } = window10m();
    s.ui.getState().setView('analysis');
    a.actions.runPipeline();
    await runFinished(s);
    expect(s.ui.getState().view).toBe('analysis');
    a.actions.saveScenario('Baseline');
    a.actions.saveScenario('Baseline');
    expect(a.store.getState().scenarios.map((x) => x.name)).toEqual(['Baseline', 'Baseline (2)']);
    // As maturity levels: the current document first (the baseline), then the scenarios by their names.
    const levels = a.actions.maturityLevels({ ...a.store.getState().inputs.maturity, source: 'scenarios', scenarioIds: [2] });
    expect(levels.map((l) => l.name)).toEqual(['Optimized RAG (retrieve 20, rerank to 5) (current)', 'Baseline (2)']);
    expect((levels[1]!.document as { pipeline: { name: string } }).pipeline.name).toBe('Baseline (2)');
  });

  it("a sweep's replications per point run at the Confidence tool's confidence; 1 is a single run (no plan)", async () => {
    const { a } = window10m();
    const inputs = a.store.getState().inputs;
    expect(inputs.whatif.sweepReplications).toBe(1);
    expect(sweepPlan(inputs)).toEqual({});
    expect(sweepPlan({ ...inputs, whatif: { ...inputs.whatif, sweepReplications: 3 } })).toEqual({ plan: { replications: 3, confidence: 0.95 } });
    const stopping = { ...inputs.confidence, mode: 'stopping' as const, stoppingConfidence: 0.99 };
    expect(sweepPlan({ ...inputs, confidence: stopping, whatif: { ...inputs.whatif, sweepReplications: 2 } })).toEqual({ plan: { replications: 2, confidence: 0.99 } });
    // Through the action: every point of the sweep is the mean of its replications, with intervals.
    a.store.getState().setInputs('whatif', { axes: [{ path: 'traffic.rps', valuesText: '4, 6' }], sweepReplications: 2 });
    a.actions.runSweep();
    await settled(a.store, 'sweep');
    const result = a.store.getState().jobs.sweep.result!;
    expect(result).toMatchObject({ replications: 2, confidence: 0.95 });
    expect(result.points.map((p) => p.intervals?.p99Ms?.n)).toEqual([2, 2]);
  });

  it("the maturity templates are the five level files, each with its own level's default investment", () => {
    expect(MATURITY_TEMPLATES.map((t) => t.name.replace(/ —.*/, ''))).toEqual(['Maturity level 1', 'Maturity level 2', 'Maturity level 3', 'Maturity level 4', 'Maturity level 5']);
    const defaults = levelDefaults(MATURITY_TEMPLATES);
    expect(defaults.queriesPerDay).toBe(100_000);
    expect(defaults.investments.map((x) => x.oneTimeInvestmentUsd)).toEqual([0, 10_000, 25_000, 50_000, 100_000]);
    // Two of them: the second row is level 4's, not level 2's.
    expect(levelDefaults([MATURITY_TEMPLATES[0]!, MATURITY_TEMPLATES[3]!]).investments[1]).toMatchObject({ oneTimeInvestmentUsd: 50_000, monthlyInvestmentUsd: 5_000 });
  });
});

describe('budget, chargeback and dashboards', () => {
  const { doc, catalog, results } = example('optimized-rag', 600_000);
  const modelOf = modelOfFor(doc, catalog);
  it('the model of each node comes from the document and catalog; the priciest chat model is premium', () => {
    expect(modelOf('llm')).toEqual({ model: 'gpt-5.4-mini', outputUsdPerToken: catalog.get('gpt-5.4-mini')!.outputUsdPerToken });
    expect(modelOf('users')).toBeNull();
    // One chat model: no tiering, so nothing is premium relative to anything.
    expect(premiumNodes(results, modelOf)).toEqual([]);
  });
  it("edited amounts replace the guide's and the rows keep the tree's order", () => {
    const tree = budgetWithAmounts({ 'Total AI budget › LLM inference (60 %)': 9_000 });
    expect(tree.children![0]!.amountUsd).toBe(9_000);
    expect(tree.amountUsd).toBe(SEED_BUDGET.amountUsd);
    const rows = budgetRows(evaluateBudget(results, tree, modelOf).tree);
    expect(rows[0]!.key).toBe('Total AI budget');
    expect(rows[1]!.childrenSumUsd).toBe(6_000);
    expect(rows.find((r) => r.line.name === 'Premium model (complex queries)')!.line.actualUsd).toBeGreaterThan(0);
  });
  it('monthly chargeback recovers the monthly usage cost under every model', () => {
    const { rows } = monthlyChargeback(results);
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
    for (const f of [(r: (typeof rows)[number]) => r.perQueryUsd, (r: (typeof rows)[number]) => r.perTokenUsd, (r: (typeof rows)[number]) => r.tieredUsd]) expect(sum(f)).toBeCloseTo(results.cost.variableMonthlyUsd, 6);
  });
  it('tokens per query are named for what they count: a quota its calls, chargeback every billed token (rerank included)', () => {
    const t = tokensPerQuery(results);
    expect(t.rerank).toBeGreaterThan(0);
    expect(t.cachedInput).toBeLessThanOrEqual(t.chatEmbeddingInput);
    // Every billed token is chat and embedding input, chat output and the reranker's candidates.
    expect(t.billed).toBeCloseTo(t.chatEmbeddingInput + t.output + t.rerank, 6);
    // Chargeback's billed tokens per query are these; the quota counts fewer (only the calls it limits).
    const measured = results.cost.bySource.reduce((s, x) => s + x.requests, 0);
    expect(results.cost.bySource.reduce((s, x) => s + x.inputTokens + x.outputTokens, 0) / measured).toBeCloseTo(t.billed, 6);
    expect(results.quotas[0]!.tokensPerQuery).toBeLessThan(t.billed);
    // Exactly the tokens of the nodes that count against the quota (embed and llm here), per measured query.
    const viaQuota = results.cost.byNode.filter((n) => n.nodeId === 'embed' || n.nodeId === 'llm').reduce((s, n) => s + n.units.input + n.units.cachedInput + n.units.cacheWrite + n.units.output, 0);
    expect(results.quotas[0]!.tokensPerQuery).toBeCloseTo(viaQuota / measured, 9);
    expect(monthlyCapacities(results)[0]!.explanation.details.join(' ')).toContain('tokens per query through quota openai');
  });
  it('health is red when a target is missed; the budget is the document’s or the seed’s', () => {
    expect(overallHealth(results)).toMatchObject({ status: 'fail', missed: expect.arrayContaining(['P99 latency']) });
    expect(monthlyBudget(doc)).toMatchObject({ usd: 10_000, own: false, name: "the guide's example budget" });
    expect(monthlyBudget({ ...doc, slo: { ...doc.slo, monthlyBudgetUsd: 30_000 } })).toMatchObject({ usd: 30_000, own: true });
  });
  it('key incidents put fault windows (their node by name) and alerts in time order', () => {
    const level1 = example('maturity/level-1', 3 * 3_600_000);
    const incidents = keyIncidents(level1.results, premiumNodes(level1.results, modelOfFor(level1.doc, level1.catalog)));
    expect(incidents.find((i) => i.kind === 'fault')).toMatchObject({ atMs: 3_600_000, text: expect.stringContaining('error-spike on gpt-5.5 for') });
    expect(incidents.some((i) => i.kind === 'alert' && i.severity === 'critical')).toBe(true);
    const times = incidents.map((i) => i.atMs ?? Infinity);
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });
});
