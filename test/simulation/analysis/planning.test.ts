import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../simulation/catalog/catalog';
import { searchMaxLoad } from '../../../simulation/analysis/load-search';
import { levelRoi, SEED_ROI_EXAMPLE } from '../../../simulation/analysis/roi';
import { setParam, getParam } from '../../../simulation/analysis/param-path';
import { sweep, tornado, sweepableParams } from '../../../simulation/analysis/sweep';
import { formatParam } from '../../../simulation/analysis/param-units';
import { diffScenarios, diffMarkdown, inputChangeText } from '../../../simulation/analysis/compare';
import { inputChanges } from '../../../simulation/analysis/input-changes';
import { loadPipelineOrThrow } from '../../../simulation/model/load';
import { replicationSeed } from '../../../simulation/analysis/replications';
import { RunCancelled, runPipeline } from '../../../simulation/run';
import { chain, constant, example, exponential, run } from '../../helpers/pipelines';

describe("the guide's ROI example", () => {
  it('comes out of the formulas exactly', () => {
    const { assumptions, level1, level4 } = SEED_ROI_EXAMPLE;
    const base = levelRoi(level1, level1, assumptions);
    const l4 = levelRoi(level4, level1, assumptions);
    expect(base.monthlyCostUsd).toBe(150_000);
    expect(base.lostRevenueUsd).toBe(20_000);
    expect(l4.monthlyCostUsd).toBe(60_000);
    expect(l4.lostRevenueUsd).toBe(1_250);
    expect(l4.monthlySavingsUsd).toBe(108_750);
    expect(l4.oneTimeInvestmentUsd).toBe(50_000);
    expect(l4.monthlyInvestmentUsd).toBe(5_000);
    expect(l4.paybackMonths).toBeCloseTo(50_000 / 103_750, 12);
    expect(l4.paybackMonths!).toBeLessThan(1);
  });
});

describe('max sustainable load', () => {
  it('bisection finds the analytic saturation of an M/M/1 station (P99 = ln 100 / (μ − λ) ≤ 2 s)', () => {
    // μ = 10/s: P99 ≤ 2 s holds up to λ* = 10 − ln(100)/2 = 7.70/s; the base traffic is 1/s.
    const doc = chain([{ kind: 'service', params: { latencyMs: exponential(100), quota: 'slot' } }], { traffic: { rps: 1 }, quotas: [{ id: 'slot', maxParallelRequests: 1 }] });
    const r = searchMaxLoad(doc, builtinCatalog(), { p99Ms: 2000 }, { requests: 150_000, warmupMs: 120_000, tolerance: 0.01 });
    const analytic = 10 - Math.log(100) / 2;
    expect(Math.abs(r.maxRps / analytic - 1)).toBeLessThan(0.03);
    expect(r.limitedBy.criterion).toBe('p99Ms');
    expect(r.limitedBy.quota).toBe('slot');
    expect(r.points.length).toBeGreaterThan(5);
  });

  it('reports the limiting quota when 429s break first', () => {
    const doc = example('optimized-rag');
    const r = searchMaxLoad(doc, builtinCatalog(), { rateLimitedShare: 0.01 }, { durationMs: 600_000, warmupMs: 60_000 });
    expect(r.maxMultiplier).toBeGreaterThan(1);
    expect(r.limitedBy.quota).toBe('openai');
    expect(r.bound).toBe('capacity');
    // Rates are what arrived: traffic.rps (5) through the time-of-day curve, measured at 1×; every
    // rate of the search is that times its multiplier (the header, the table and the max agree).
    const today = runPipeline(doc, builtinCatalog(), { durationMs: 600_000, warmupMs: 60_000 });
    expect(r.baseRps).toBe(today.run.measuredRps);
    expect(r.baseRps).not.toBe(doc.traffic.rps);
    expect(r.maxRps).toBeCloseTo(r.maxMultiplier * r.baseRps, 9);
    for (const p of r.points) expect(p.rps).toBeCloseTo(p.multiplier * r.baseRps, 9);
    // Cost per answer spreads failed queries' spend over the served ones: never below cost per query.
    for (const p of r.points) expect(p.costPerServedQueryUsd!).toBeGreaterThanOrEqual(p.costPerQueryUsd * (1 - 1e-12));
    expect(r.points.some((p) => p.errorRate > 0 && p.costPerServedQueryUsd! > p.costPerQueryUsd)).toBe(true);
  });

  it('a pipeline too slow even when idle is latency-bound, not given a tiny "sustainable" load', () => {
    // A constant 3 s call against a 2 s P99: no load passes, and the search says why after 1/16.
    const doc = chain([{ kind: 'service', params: { latencyMs: constant(3000) } }], { traffic: { rps: 2 } });
    const steps: number[] = [];
    const r = searchMaxLoad(doc, builtinCatalog(), { p99Ms: 2000 }, { durationMs: 600_000, warmupMs: 0 }, { onStep: (s) => steps.push(s.point.multiplier) });
    expect(r.bound).toBe('latency');
    expect(r.maxMultiplier).toBe(0);
    expect(r.maxRps).toBe(0);
    expect(r.limitedBy.criterion).toBe('p99Ms');
    expect(r.note).toMatch(/P99 over target even at 1\/16 of the traffic/);
    expect(r.limitedBy.quota).toBeNull();
    expect(steps).toEqual([1, 0.5, 0.25, 0.125, 0.0625]);
  });

  it('with replications, each point is the mean of its seeds (the same seeds at every load), carries ± and is judged on the mean', () => {
    const doc = chain([{ kind: 'service', params: { latencyMs: exponential(100), quota: 'slot' } }], { traffic: { rps: 1 }, quotas: [{ id: 'slot', maxParallelRequests: 1 }] });
    const options = { durationMs: 300_000, warmupMs: 60_000 };
    const r = searchMaxLoad(doc, builtinCatalog(), { p99Ms: 2000 }, { ...options, replications: 3, confidence: 0.9 });
    expect([r.replications, r.confidence]).toEqual([3, 0.9]);
    expect(r.note).toMatch(/means of 3 replications per point/);
    const point = r.points.find((p) => p.multiplier === 4)!;
    const seeds = [0, 1, 2].map((i) => replicationSeed(doc.run.seed, i));
    const p99s = seeds.map((seed) => runPipeline({ ...doc, traffic: { ...doc.traffic, rps: 4 } }, builtinCatalog(), { ...options, seed }).headline.p99Ms!);
    expect(point.replications).toBe(3);
    expect(point.p99Ms).toBeCloseTo(p99s.reduce((a, b) => a + b, 0) / 3, 9);
    expect(point.p99HalfWidthMs).toBeGreaterThan(0);
    expect(point.breaks.includes('p99Ms')).toBe(point.p99Ms! > 2000);
    // One seed: no half-widths.
    const single = searchMaxLoad(doc, builtinCatalog(), { p99Ms: 2000 }, options);
    expect(single.points.every((p) => p.replications === 1 && p.p99HalfWidthMs === null)).toBe(true);
  });

  it('nothing breaking up to 1,024× is reported as unbounded', () => {
    const doc = chain([{ kind: 'service', params: { latencyMs: constant(10) } }], { traffic: { rps: 0.01 } });
    const r = searchMaxLoad(doc, builtinCatalog(), { p99Ms: 2000 }, { durationMs: 600_000, warmupMs: 0 });
    expect(r.bound).toBe('none');
    expect(r.maxMultiplier).toBe(1024);
  });

  it('reports each run as a step and stops when cancelled', () => {
    const doc = chain([{ kind: 'service', params: { latencyMs: exponential(100), quota: 'slot' } }], { traffic: { rps: 1 }, quotas: [{ id: 'slot', maxParallelRequests: 1 }] });
    const steps: Array<{ runs: number; estimatedRuns: number }> = [];
    const r = searchMaxLoad(doc, builtinCatalog(), { p99Ms: 2000 }, { durationMs: 300_000, warmupMs: 0 }, { onStep: ({ runs, estimatedRuns }) => steps.push({ runs, estimatedRuns }) });
    expect(steps.map((s) => s.runs)).toEqual(r.points.map((_, i) => i + 1));
    expect(steps.every((s) => s.estimatedRuns >= s.runs)).toBe(true);
    expect(steps.at(-1)!.estimatedRuns).toBeLessThanOrEqual(steps.at(-1)!.runs + 1);
    let calls = 0;
    expect(() => searchMaxLoad(doc, builtinCatalog(), { p99Ms: 2000 }, { durationMs: 300_000, warmupMs: 0 }, { isCancelled: () => ++calls > 3 })).toThrow(RunCancelled);
    expect(calls).toBe(4);
  });
});

describe('what-ifs', () => {
  const doc = example('optimized-rag');
  const catalog = builtinCatalog();

  it('set any numeric parameter by path, prices included', () => {
    expect(getParam(doc, 'nodes[rerank].params.topN')).toBe(5);
    const cheaper = setParam(doc, 'models[gpt-5.4-mini].inputUsdPerToken', 0.5e-6, catalog);
    expect(cheaper.models.find((m) => m.id === 'gpt-5.4-mini')!.inputUsdPerToken).toBe(0.5e-6);
    expect(doc.models).toHaveLength(0);
    expect(() => getParam(doc, 'nodes[nope].params.topN')).toThrow('no item with id or name "nope"');
    expect(sweepableParams(doc)).toContain('nodes[llm].params.maxTokens');
  });

  it('a sweep over top_n moves cost in the expected direction; invalid points say why', () => {
    const r = sweep(doc, catalog, [{ path: 'nodes[rerank].params.topN', values: [2, 5, 10] }], { durationMs: 600_000, warmupMs: 60_000 });
    const cost = r.points.map((p) => p.headline.costPerQueryUsd);
    expect(cost[0]!).toBeLessThan(cost[1]!);
    expect(cost[1]!).toBeLessThan(cost[2]!);
    const bad = sweep(doc, catalog, [{ path: 'traffic.rps', values: [-1] }], { durationMs: 60_000 });
    expect(bad.points[0]!.problem).toContain('$.traffic.rps: got -1, expected a number > 0');
  });

  it('a two-axis sweep covers the grid', () => {
    const r = sweep(doc, catalog, [{ path: 'traffic.rps', values: [2, 5] }, { path: 'nodes[llm].params.maxTokens', values: [256, 1024] }], { durationMs: 300_000, warmupMs: 60_000 });
    expect(r.points.map((p) => p.values)).toEqual([[2, 256], [2, 1024], [5, 256], [5, 1024]]);
  });

  it('with replications every point runs the same seeds and each figure gets its mean and interval', () => {
    const options = { durationMs: 300_000, warmupMs: 60_000 };
    const r = sweep(doc, catalog, [{ path: 'nodes[llm].params.maxTokens', values: [256, 1024] }], options, { replications: 3, confidence: 0.9 });
    expect(r).toMatchObject({ replications: 3, confidence: 0.9 });
    const seeds = [0, 1, 2].map((i) => replicationSeed(doc.run.seed, i));
    for (const p of r.points) {
      const runs = seeds.map((seed) => runPipeline(setParam(doc, 'nodes[llm].params.maxTokens', p.values[0]!, catalog), catalog, { ...options, seed, traceSampleRate: 0, traceSlowest: 0, traceFailed: 0 }));
      const mean = runs.reduce((s, x) => s + x.headline.p99Ms!, 0) / 3;
      expect(p.headline.p99Ms).toBeCloseTo(mean, 9);
      expect(p.intervals!.p99Ms!.mean).toBeCloseTo(mean, 9);
      expect(p.intervals!.p99Ms!.halfWidth).toBeGreaterThan(0);
      expect(p.intervals!.p99Ms!.confidence).toBe(0.9);
    }
    // One run per point has no interval, and its figures are the guide's own run.
    const single = sweep(doc, catalog, [{ path: 'nodes[llm].params.maxTokens', values: [256] }], options);
    expect(single.replications).toBe(1);
    expect(single.points[0]!.intervals).toBeNull();
  });

  it('the tornado ranks parameters by their effect on monthly cost', () => {
    const t = tornado(doc, catalog, ['traffic.rps', 'nodes[rerank].params.topN', 'fixedCosts[Storage].monthlyUsd'], 0.2, { durationMs: 600_000, warmupMs: 60_000 });
    expect(t.bars[0]!.path).toBe('traffic.rps');
    expect(t.bars[t.bars.length - 1]!.path).toBe('fixedCosts[Storage].monthlyUsd');
    expect(t.bars[t.bars.length - 1]!.costSwingUsd).toBeCloseTo(120, 6);
  });

  it('common random numbers make a one-parameter diff far less noisy than independent seeds', () => {
    const a = doc;
    const b = setParam(doc, 'nodes[llm].params.maxTokens', 900);
    const diffs = (paired: boolean) =>
      Array.from({ length: 8 }, (_, i) => {
        const s = replicationSeed(7, i);
        const ra = runPipeline(a, catalog, { seed: s, durationMs: 600_000, warmupMs: 60_000 });
        const rb = runPipeline(b, catalog, { seed: paired ? s : replicationSeed(99, i), durationMs: 600_000, warmupMs: 60_000 });
        return rb.headline.costPerQueryUsd - ra.headline.costPerQueryUsd;
      });
    const variance = (x: number[]) => {
      const m = x.reduce((s, v) => s + v, 0) / x.length;
      return x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1);
    };
    expect(variance(diffs(true))).toBeLessThan(variance(diffs(false)) / 10);
  });
});

describe('scenario comparison', () => {
  it('lists cost changes per node and per fixed item, usage and fixed apart (Infracost style)', () => {
    const naive = run(example('naive-rag'), { durationMs: 600_000, warmupMs: 60_000 });
    const optimized = run(example('optimized-rag'), { durationMs: 600_000, warmupMs: 60_000 });
    const d = diffScenarios(naive, optimized);
    expect(d.lines.find((l) => l.name === 'rerank')!.status).toBe('added');
    expect(d.lines.find((l) => l.name === 'llm')!.deltaUsd).toBeLessThan(0);
    expect(d.fixedDeltaUsd).toBe(0);
    expect(d.usageDeltaUsd).toBeCloseTo(d.monthlyDeltaUsd, 6);
    const md = diffMarkdown(d);
    expect(md).toContain('### Preflight: Naive RAG (retrieve 20, send 20) → Optimized RAG (retrieve 20, rerank to 5)');
    expect(md).toContain('**Monthly cost will decrease by');
    expect(md).toContain('| Rerank 20 → 5 (rerank) (added) | usage |');
    expect(md).toMatch(/\| Error rate \| 0 % \| 0 % \| ±0\.00 pp \|/); // a rate changes in percentage points
    // Saved scenarios of one pipeline share its name: the caller's names label the sides.
    expect(diffMarkdown(diffScenarios(naive, optimized, { before: 'Baseline', after: 'top_n 3' }))).toContain('### Preflight: Baseline → top_n 3');
  });

  it('says which inputs changed, so a reviewer sees why the figures moved', () => {
    const before = example('optimized-rag');
    const moved = { ...before.nodes.find((n) => n.id === 'llm')!, position: { x: 0, y: 0 } };
    const after = loadPipelineOrThrow({
      ...before,
      traffic: { ...before.traffic, rps: 10 },
      nodes: before.nodes.map((n) => (n.id === 'llm' ? { ...moved, params: { ...moved.params, model: 'gpt-4.1' } } : n)),
      quotas: before.quotas.map((q) => ({ ...q, tpm: 1_000_000 })),
      fixedCosts: [...before.fixedCosts, { name: 'GPU', monthlyUsd: 900, category: 'compute' }],
    });
    // Moving a node on the canvas is not an input; everything else is listed by its parameter path.
    expect(inputChanges(before, after).map(inputChangeText)).toEqual([
      'traffic.rps: 5 → 10',
      'quotas[openai].tpm: 2,000,000 → 1,000,000',
      'nodes[llm].params.model: "gpt-5.4-mini" → "gpt-4.1"',
      'fixedCosts[GPU]: added "GPU" ($900/month)',
    ]);
    const naive = example('naive-rag');
    expect(inputChanges(before, naive).map(inputChangeText)).toEqual(
      expect.arrayContaining(['nodes[rerank]: removed reranker "Rerank 20 → 5"', 'edges: removed search.ok → rerank', 'edges: added search.ok → llm']),
    );
    const d = diffScenarios(run(before, { durationMs: 300_000, warmupMs: 0 }), run(after, { durationMs: 300_000, warmupMs: 0 }), {}, { before, after });
    expect(d.inputs).toHaveLength(4);
    const md = diffMarkdown(d);
    expect(md).toContain('**What changed in the pipeline** (4):\n\n- `traffic.rps: 5 → 10`');
    // A model switch changes prices, not the node's latency parameters: the comment says so first.
    expect(d.cautions).toEqual(["nodes[llm].params.model changed: prices follow the model, but llm's ttftMs, timePerOutputTokenMs, quality (its own parameters) did not change, so latency and quality here are the old model's."]);
    // Changed with the model, they are listed with the inputs instead: no caution.
    const tuned = loadPipelineOrThrow({ ...after, nodes: after.nodes.map((n) => (n.id === 'llm' ? { ...n, params: { ...n.params, quality: 0.9 } } : n)) });
    expect(diffScenarios(run(before, { durationMs: 300_000, warmupMs: 0 }), run(tuned, { durationMs: 300_000, warmupMs: 0 }), {}, { before, after: tuned }).cautions).toEqual([]);
    expect(md).toMatch(/^> ⚠ nodes\[llm\]\.params\.model changed/m);
    expect(md).toMatch(/\| Cost per answer \| \$[\d.]+ \| \$[\d.]+ \|/);
  });

  it('warns when a cheaper month comes from failing requests, and says "will not change" for the same cost', () => {
    const before = example('optimized-rag');
    const starved = loadPipelineOrThrow({ ...before, quotas: before.quotas.map((q) => ({ ...q, tpm: 400_000 })) });
    const d = diffScenarios(run(before, { durationMs: 600_000, warmupMs: 60_000 }), run(starved, { durationMs: 600_000, warmupMs: 60_000 }), {}, { before, after: starved });
    expect(d.monthlyDeltaUsd).toBeLessThan(0);
    expect(d.cautions[0]).toMatch(/^The error rate rises from 0 % to [\d.]+ %: part of any saving is requests that fail/);
    const same = run(before, { durationMs: 300_000, warmupMs: 0 });
    expect(diffMarkdown(diffScenarios(same, same))).toContain('**Monthly cost will not change** — ');
  });
});

describe('sweepable parameters', () => {
  it('offer output prices only for models that write output (not embedding or rerank models)', () => {
    const paths = sweepableParams(example('optimized-rag'));
    expect(paths).toContain('models[gpt-5.4-mini].outputUsdPerToken');
    expect(paths).toContain('models[text-embedding-3-small].inputUsdPerToken');
    expect(paths.filter((p) => /text-embedding|rerank/.test(p) && p.endsWith('outputUsdPerToken'))).toEqual([]);
  });
});

describe('what-if parameter values as people read them', () => {
  it('keep four significant digits however small (error probabilities)', () => {
    expect([0.0005, 0.00075, 0.001, 0.0011].map((v) => formatParam('nodes[llm].params.errorProbability', v))).toEqual(['0.0005', '0.00075', '0.001', '0.0011']);
    expect(formatParam('traffic.rps', 1234.5)).toBe('1,235 req/s');
  });
});
