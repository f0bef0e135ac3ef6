import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinCatalog } from '../../../simulation/catalog/catalog';
import { chargeback, evaluateBudget, modelOfFor, premiumNodes, SEED_BUDGET } from '../../../simulation/analysis/budget';
import { evaluateAlerts } from '../../../simulation/analysis/alerts';
import { costAnomalies } from '../../../simulation/analysis/anomalies';
import { bottleneckAdvice } from '../../../simulation/analysis/advice';
import { formatUsd } from '../../../simulation/units/format';
import { formatSummary } from '../../../simulation/cli/summary';
import { productionChecklist } from '../../../simulation/analysis/checklist';
import { defaultInvestments, defaultQueriesPerDay, runMaturityRoi } from '../../../simulation/analysis/maturity';
import { loadPipelineOrThrow } from '../../../simulation/model/load';
import { maturityLevels } from '../../../scripts/templates/definitions';
import { chain, constant, example, run } from '../../helpers/pipelines';

const catalog = builtinCatalog();

describe('budget allocation', () => {
  it("puts simulated spend against the guide's $10,000 tree", () => {
    const doc = example('optimized-rag');
    const r = run(doc, { durationMs: 600_000, warmupMs: 60_000 });
    const modelOf = (id: string) => {
      const n = doc.nodes.find((x) => x.id === id);
      const m = n && 'model' in n.params ? catalog.get(String(n.params.model)) : undefined;
      return m ? { model: m.id, outputUsdPerToken: m.outputUsdPerToken } : null;
    };
    const b = evaluateBudget(r, SEED_BUDGET, modelOf);
    expect(b.tree.budgetUsd).toBe(10_000);
    const llm = b.tree.children[0]!;
    expect(llm.children[0]!.actualUsd).toBeCloseTo(r.cost.byNode.find((n) => n.nodeId === 'llm')!.share * r.cost.variableMonthlyUsd, 6);
    const infra = b.tree.children[2]!;
    // Usage fees sit with the infrastructure they pay for: searches with the vector DB, reranking with compute.
    const usage = (id: string) => (r.cost.byNode.find((n) => n.nodeId === id)?.share ?? 0) * r.cost.variableMonthlyUsd;
    expect(usage('rerank')).toBeGreaterThan(0);
    expect(infra.children[0]!.actualUsd).toBeCloseTo(1200 + usage('search'), 6);
    expect(infra.children[1]!.actualUsd).toBeCloseTo(500 + usage('rerank'), 6);
    expect(infra.children[2]!.actualUsd).toBe(300);
    expect(b.unallocated).toEqual([]);
    expect(b.tree.actualUsd).toBeCloseTo(r.cost.monthlyUsd, 6);
    expect(b.tree.status).toBe(r.cost.monthlyUsd > 10_000 ? 'over' : 'within');
    // One chat model: no tiering, and both tier lines say so instead of calling it the guide's GPT-4.
    expect(llm.children[0]!.note).toContain('no model tiering: gpt-5.4-mini answers every query');
    expect(llm.children[1]!.note).toContain('no cheaper chat model');
    expect(premiumNodes(r, modelOfFor(doc, catalog))).toEqual([]);
  });

  it('with tiering the priciest chat model is premium and the others economy', () => {
    const doc = example('fallback-chain');
    const r = run(doc, { durationMs: 600_000, warmupMs: 60_000 });
    const modelOf = modelOfFor(doc, catalog);
    expect(premiumNodes(r, modelOf)).toEqual(['gpt4']);
    const llm = evaluateBudget(r, SEED_BUDGET, modelOf).tree.children[0]!;
    const usage = (id: string) => (r.cost.byNode.find((n) => n.nodeId === id)?.share ?? 0) * r.cost.variableMonthlyUsd;
    expect(llm.children[0]!.actualUsd).toBeCloseTo(usage('gpt4'), 6);
    expect(llm.children[1]!.actualUsd).toBeCloseTo(usage('gpt35'), 6);
    expect(llm.children[0]!.note).toBe(SEED_BUDGET.children![0]!.children![0]!.note);
  });
});

describe('chargeback', () => {
  it('recovers the usage cost under each model and shows who subsidises whom', () => {
    const doc = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'teams' },
      traffic: { rps: 4, classes: [{ name: 'q', share: 1, queryTokens: constant(50), outputTokens: constant(100) }] },
      nodes: [
        { id: 'search', kind: 'source', params: { share: 0.75, label: 'search-team' } },
        { id: 'support', kind: 'source', params: { share: 0.25, label: 'support-team' } },
        { id: 'nightly', kind: 'source', params: { rps: 1, realtime: false, label: 'analytics' } },
        { id: 'router', kind: 'router', params: { strategy: 'weighted', routes: [{ name: 'only' }] } },
        { id: 'llm', kind: 'llm', params: { model: 'gpt-4.1', ttftMs: constant(200), timePerOutputTokenMs: constant(5) } },
        { id: 'bulk', kind: 'batch', params: { model: 'gpt-4.1', batchSize: 100, maxBatchWaitMs: 60_000, completionMs: constant(60_000) } },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'search', port: 'out', to: 'router' },
        { from: 'support', port: 'out', to: 'router' },
        { from: 'router', port: 'only', to: 'llm' },
        { from: 'llm', port: 'ok', to: 'done' },
        { from: 'nightly', port: 'out', to: 'bulk' },
        { from: 'bulk', port: 'ok', to: 'done' },
      ],
    });
    const r = run(doc, { durationMs: 1_800_000, warmupMs: 0 });
    const rows = chargeback(r);
    expect(rows.map((x) => x.team).sort()).toEqual(['analytics', 'search-team', 'support-team']);
    const total = rows.reduce((s, x) => s + x.actualUsd, 0);
    for (const model of ['per-query', 'per-token', 'tiered'] as const) expect(rows.reduce((s, x) => s + x.charge[model], 0)).toBeCloseTo(total, 9);
    const analytics = rows.find((x) => x.team === 'analytics')!;
    // Batch is half price: a flat per-query rate makes analytics subsidise real-time teams; tiered does not.
    expect(analytics.charge['per-query']).toBeGreaterThan(analytics.actualUsd * 1.2);
    expect(analytics.charge.tiered).toBeCloseTo(analytics.actualUsd, 9);
    // A month, not the window: the rows add up to the monthly usage cost, each team at its own month.
    expect(total).toBeCloseTo(r.cost.variableMonthlyUsd, 6);
    expect(analytics.requests).toBeCloseTo(1 * 2_592_000, 6);
    expect(rows.every((x) => x.measured)).toBe(true);
  });

  it("bills a team whose hours the run's window missed for its month, at the pipeline's mean, and says so", () => {
    const teams = (nightHours: number[]) =>
      loadPipelineOrThrow({
        version: 1,
        pipeline: { name: 'day and night' },
        traffic: { rps: 4, startHour: 10, classes: [{ name: 'q', share: 1, queryTokens: constant(50), outputTokens: constant(100) }] },
        nodes: [
          { id: 'day', kind: 'source', params: { share: 1, label: 'support' } },
          // A night team: all of its traffic between 01:00 and 05:00.
          { id: 'night', kind: 'source', params: { rps: 2, label: 'reporting', hourlyMultipliers: Array.from({ length: 24 }, (_, h) => (nightHours.includes(h) ? 6 : 0)) } },
          { id: 'llm', kind: 'llm', params: { model: 'gpt-4.1', ttftMs: constant(200), timePerOutputTokenMs: constant(5) } },
          { id: 'done', kind: 'response' },
        ],
        edges: [
          { from: 'day', port: 'out', to: 'llm' },
          { from: 'night', port: 'out', to: 'llm' },
          { from: 'llm', port: 'ok', to: 'done' },
        ],
      });
    // One hour from 10:00: the night team sends nothing in the window.
    const r = run(teams([1, 2, 3, 4]), { durationMs: 3_600_000, warmupMs: 0 });
    const night = r.cost.bySource.find((s) => s.sourceId === 'night')!;
    expect(night.requests).toBe(0);
    // Its month is its curve's: 2 req/s × (4 h × 6 ÷ 24) = 2 req/s on average, 5.184 M queries.
    expect(night.monthlyQueries).toBeCloseTo(2 * 2_592_000, 3);
    // Priced at its lane's measured mean: the real-time lane's, here the day team's cost per query.
    expect(night.pricedAt).toBe('lane mean');
    expect(night.monthlyUsageUsd).toBeCloseTo(night.monthlyQueries * r.cost.bySource.find((s) => s.sourceId === 'day')!.costPerQueryUsd!, 6);
    expect(r.notes.some((n) => n.includes('Source reporting sent no request in the measured window'))).toBe(true);
    const rows = chargeback(r);
    const reporting = rows.find((x) => x.team === 'reporting')!;
    expect(reporting).toMatchObject({ measured: false });
    expect(reporting.actualUsd).toBeGreaterThan(0);
    // The day team is billed for its own month only, not the night team's share.
    const support = rows.find((x) => x.team === 'support')!;
    expect(support.requests).toBeCloseTo(r.cost.bySource.find((s) => s.sourceId === 'day')!.monthlyQueries, 6);
    expect(rows.reduce((s, x) => s + x.actualUsd, 0)).toBeCloseTo(r.cost.variableMonthlyUsd, 6);
    // The projection's month 1 is that monthly cost, not the window's mix × the month's queries.
    expect(r.projection[0]!.costUsd).toBe(r.cost.monthlyUsd);
    // preflight run prints each team's month, and which one the window did not see.
    const summary = formatSummary(r);
    expect(summary).toMatch(/reporting \(night\)\s+real-time\s+5\.18M\s+\$[\d.]+ \(mean: not in this window\)/);
    expect(summary).not.toMatch(/Batch lane: 0 requests · P50 0 ms/);
  });
});

describe('alerts, anomalies, advice, checklist', () => {
  it('fire the seed severities during an outage, each with its runbook', () => {
    const doc = chain([{ id: 'llm', kind: 'llm', params: { model: 'gpt-4.1', ttftMs: constant(200), retry: { numRetries: 0 } } }], {
      traffic: { rps: 5 },
      faults: [{ type: 'outage', target: 'llm', startMs: 1_200_000, durationMs: 600_000 }],
    });
    const r = run(doc, { durationMs: 3_600_000, warmupMs: 0 });
    const alerts = evaluateAlerts(r);
    const critical = alerts.find((a) => a.rule.id === 'system-down')!;
    expect(critical.rule.severity).toBe('critical');
    expect(critical.firingMinutes).toBe(10);
    expect(critical.firstAtMs).toBe(1_200_000);
    expect(critical.rule.runbook.length).toBeGreaterThan(2);
    expect(alerts.find((a) => a.rule.id === 'error-rate')!.rule.severity).toBe('high');
  });

  it('flag a cost spike (hourly spend > 3× average) from prompt growth', () => {
    const doc = chain([{ id: 'llm', kind: 'llm', params: { model: 'gpt-4.1', ttftMs: constant(200) } }], {
      traffic: { rps: 5 },
      faults: [{ type: 'prompt-growth', target: 'llm', startMs: 3 * 3_600_000, durationMs: 3_600_000, tokenMultiplier: 20 }],
    });
    const r = run(doc, { durationMs: 6 * 3_600_000, warmupMs: 0 });
    const spike = costAnomalies(r, ['llm']).find((f) => f.rule === 'sudden-spike')!;
    expect(spike.fired).toBe(true);
    expect(spike.firstAtMs).toBe(3 * 3_600_000);
    expect(evaluateAlerts(r).some((a) => a.rule.id === 'cost-spike' && a.rule.runbookSource === 'seed')).toBe(true);
    expect(costAnomalies(r, ['llm']).find((f) => f.rule === 'gradual-increase')!.evaluated).toBe(false);
  });

  it('advice names the limiting quota, the slowest node and the costliest node', () => {
    const r = run(example('naive-rag'), { durationMs: 600_000, warmupMs: 60_000 });
    const advice = bottleneckAdvice(r);
    expect(advice.find((a) => a.area === 'throughput')!.quotaId).toBe('openai');
    expect(advice.find((a) => a.area === 'cost')!.nodeId).toBe('llm');
    expect(advice.find((a) => a.area === 'cost')!.suggestion).toContain('rerank');
    expect(advice.find((a) => a.area === 'caching')!.finding).toContain('no cache');
  });

  it('advice agrees with its own figures: the cost split it names, the node cost per query, no stream hint when answers stream', () => {
    const r = run(example('optimized-rag'), { durationMs: 600_000, warmupMs: 60_000 });
    const advice = bottleneckAdvice(r);
    const cost = advice.find((a) => a.area === 'cost')!;
    const llm = r.cost.byNode.find((n) => n.nodeId === 'llm')!;
    const inputShare = (llm.byType.input + llm.byType.cachedInput + llm.byType.cacheWrite) / llm.usd;
    // Neither input nor output dominates this node, so the advice must not say one does.
    expect(inputShare).toBeGreaterThan(0.4);
    expect(inputShare).toBeLessThan(0.6);
    expect(cost.suggestion).toMatch(/^input and output weigh alike/);
    expect(cost.finding).toContain(`${formatUsd(llm.share * r.cost.variablePerQueryUsd)} per query`);
    const latency = advice.find((a) => a.area === 'latency')!;
    expect(latency.suggestion).toMatch(/^answers already stream/);
    expect(latency.finding).not.toMatch(/% of the end-to-end/);
  });

  it('the slowest step is what an average request waits for, not a rarely used fallback', () => {
    const r = run(example('fallback-chain'), { durationMs: 600_000, warmupMs: 60_000 });
    const latency = bottleneckAdvice(r).find((a) => a.area === 'latency')!;
    const node = r.nodes.find((n) => n.id === latency.nodeId)!;
    const added = (n: typeof node) => n.latency.mean * (n.entered / r.outcomes.measured);
    for (const other of r.nodes.filter((n) => n.kind !== 'source' && n.latency.count > 0 && n.entered >= 0.1 * r.outcomes.measured)) expect(added(node)).toBeGreaterThanOrEqual(added(other));
    expect(latency.finding).toContain('of requests reach it');
  });

  it('the production checklist reads the graph', () => {
    const level1 = productionChecklist(loadPipelineOrThrow(maturityLevels()[0]));
    const level4 = productionChecklist(loadPipelineOrThrow(maturityLevels()[3]));
    const status = (list: typeof level1, item: string) => list.find((x) => x.item === item)!.status;
    expect(status(level1, 'Fallback chain configured')).toBe('missing');
    expect(status(level4, 'Fallback chain configured')).toBe('done');
    expect(status(level1, 'Circuit breakers enabled')).toBe('missing');
    expect(status(level4, 'Circuit breakers enabled')).toBe('done');
    expect(status(level4, 'Caching enabled')).toBe('done');
    expect(status(level4, 'Model tiering implemented')).toBe('done');
    expect(status(level1, 'Alerts configured with runbooks')).toBe('missing');
    expect(status(level1, 'Batch processing for non-real-time')).toBe('not-applicable');
    expect(status(level1, 'On-call rotation established')).toBe('manual');
  });
});

describe('maturity ROI from the level templates', () => {
  const templates = () => maturityLevels().map((d) => loadPipelineOrThrow(d));

  it("takes each level's default investment from its maturity level, not from its place in the list", () => {
    const docs = templates();
    expect(docs.map((d) => d.pipeline.maturityLevel)).toEqual([1, 2, 3, 4, 5]);
    // Level 1 against level 3: level 3's own $25,000 + $2,500/month, not level 2's (the second row's).
    expect(defaultInvestments([docs[0]!, docs[2]!])[1]).toMatchObject({ oneTimeInvestmentUsd: 25_000, monthlyInvestmentUsd: 2_500 });
    // Level 4 is the guide's $50,000 + $5,000/month, and says so.
    expect(defaultInvestments([docs[0]!, docs[3]!])[1]).toEqual({ oneTimeInvestmentUsd: 50_000, monthlyInvestmentUsd: 5_000, basis: "level 4: the guide's" });
    // From a level-2 baseline, what is left to invest to reach level 4.
    expect(defaultInvestments([docs[1]!, docs[3]!])[1]).toMatchObject({ oneTimeInvestmentUsd: 40_000, monthlyInvestmentUsd: 4_000 });
    // A file without a maturity level gets nothing assumed, and the basis says why.
    const plain = { ...docs[3]!, pipeline: { name: 'My pipeline', description: '' } };
    expect(defaultInvestments([docs[0]!, plain])[1]).toEqual({ oneTimeInvestmentUsd: 0, monthlyInvestmentUsd: 0, basis: 'none given: My pipeline has no pipeline.maturityLevel, so $0 is assumed' });
  });

  it("prices a month at the baseline's typical day (its daily curve), the basis of every monthly cost", () => {
    // The templates are the guide's 100,000 queries a day.
    expect(defaultQueriesPerDay(templates()[0]!)).toBe(100_000);
    // traffic.rps 5 through the optimized example's curve (mean 0.877): 378,900 a day, not 5 × 86,400 = 432,000.
    const optimized = loadPipelineOrThrow(readFileSync(fileURLToPath(new URL('../../../examples/optimized-rag.preflight.json', import.meta.url)), 'utf8'));
    expect(defaultQueriesPerDay(optimized)).toBe(378_900);
  });

  it('reports monthly savings and payback with intervals', () => {
    const docs = maturityLevels().map((d) => loadPipelineOrThrow({ ...d, run: { ...(d.run as object), durationMs: 6 * 3_600_000 } }));
    const pair = [docs[0]!, docs[3]!];
    const investments = defaultInvestments(pair);
    const levels = pair.map((doc, i) => ({ doc, oneTimeInvestmentUsd: investments[i]!.oneTimeInvestmentUsd, monthlyInvestmentUsd: investments[i]!.monthlyInvestmentUsd }));
    const { roi } = runMaturityRoi(levels, catalog, { queriesPerDay: 100_000, lostRevenuePerDowntimeHourUsd: 5_000, daysPerMonth: 30 }, 3);
    const l4 = roi[1]!;
    expect(l4.point.monthlySavingsUsd).toBeGreaterThan(0);
    expect(l4.point.paybackMonths!).toBeLessThan(12);
    expect(l4.intervals.monthlySavingsUsd!.n).toBe(3);
    expect(l4.intervals.downtimeHoursPerMonth!.mean).toBeLessThan(roi[0]!.intervals.downtimeHoursPerMonth!.mean);
    expect(roi[0]!.point.downtimeHoursPerMonth).toBeCloseTo(4.75, 1);
  });
});

describe('error budget', () => {
  it('is 1 − the availability target, and a run spends it by its failures', () => {
    const doc = chain([{ id: 'api', kind: 'service', params: { latencyMs: constant(10), errorProbability: 0.002 } }], { traffic: { rps: 10 }, slo: { availability: 0.999 } });
    const r = run(doc, { durationMs: 3_600_000, warmupMs: 0 });
    const b = r.slo.errorBudget;
    expect(b.allowedFailureShare).toBeCloseTo(0.001, 12);
    expect(b.allowedDowntimeMinutesPerMonth).toBeCloseTo(43.2, 9);
    // 0.2 % of requests fail against a 0.1 % budget: about twice the budget.
    expect(b.consumed).toBeGreaterThan(1.6);
    expect(b.consumed).toBeLessThan(2.4);
  });
});

describe('a batch team the window did not see', () => {
  it("is priced at the batch lane's measured mean when another batch source was measured, else at the pipeline's", () => {
    const doc = (withDayBatch: boolean) =>
      loadPipelineOrThrow({
        version: 1,
        pipeline: { name: 'lanes' },
        traffic: { rps: 4, startHour: 10, classes: [{ name: 'q', share: 1, queryTokens: constant(50), outputTokens: constant(100) }] },
        nodes: [
          { id: 'day', kind: 'source', params: { share: 1, label: 'support' } },
          { id: 'night', kind: 'source', params: { rps: 2, realtime: false, label: 'reporting', hourlyMultipliers: Array.from({ length: 24 }, (_, h) => (h >= 1 && h <= 4 ? 6 : 0)) } },
          ...(withDayBatch ? [{ id: 'etl', kind: 'source', params: { rps: 1, realtime: false, label: 'etl' } }] : []),
          { id: 'llm', kind: 'llm', params: { model: 'gpt-4.1', ttftMs: constant(200), timePerOutputTokenMs: constant(5) } },
          { id: 'bulk', kind: 'batch', params: { model: 'gpt-4.1', batchSize: 100, maxBatchWaitMs: 60_000, completionMs: constant(60_000) } },
          { id: 'done', kind: 'response' },
        ],
        edges: [
          { from: 'day', port: 'out', to: 'llm' },
          { from: 'night', port: 'out', to: 'bulk' },
          ...(withDayBatch ? [{ from: 'etl', port: 'out', to: 'bulk' }] : []),
          { from: 'llm', port: 'ok', to: 'done' },
          { from: 'bulk', port: 'ok', to: 'done' },
        ],
      });
    const withEtl = run(doc(true), { durationMs: 3_600_000, warmupMs: 0 });
    const night = withEtl.cost.bySource.find((s) => s.sourceId === 'night')!;
    const etl = withEtl.cost.bySource.find((s) => s.sourceId === 'etl')!;
    expect(night).toMatchObject({ requests: 0, pricedAt: 'lane mean' });
    // The batch lane's discounted cost per query, not the real-time team's.
    expect(night.monthlyUsageUsd).toBeCloseTo(night.monthlyQueries * etl.costPerQueryUsd!, 6);
    expect(etl.costPerQueryUsd!).toBeLessThan(withEtl.cost.bySource.find((s) => s.sourceId === 'day')!.costPerQueryUsd! * 0.6);
    expect(withEtl.notes.some((n) => n.includes('the mean usage cost per query of the batch sources that did'))).toBe(true);
    const alone = run(doc(false), { durationMs: 3_600_000, warmupMs: 0 });
    expect(alone.cost.bySource.find((s) => s.sourceId === 'night')!.pricedAt).toBe('pipeline mean');
  });
});
