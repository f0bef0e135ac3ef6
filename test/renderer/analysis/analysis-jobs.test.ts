import { describe, expect, it } from 'vitest';
import { loadPipeline, replicationSeed, runMaturityRoi, runReplications, searchMaxLoad, sweep, tornado, type ReplicationPlan } from '../../../simulation/index';
import { loadSearch, maturity, replicate, sweepPoints, tornadoBars, type AnalysisProgress } from '../../../renderer/workers/analysis-client';
import { createAnalysisHandler } from '../../../renderer/workers/analysis-handler';
import { JobCancelled, JobFailed } from '../../../renderer/workers/analysis-pool';
import { exampleText, EXAMPLES } from '../helpers';
import { readFileSync } from 'node:fs';
import { inProcessPool } from './pool-helpers';

const text = exampleText('optimized-rag');
const document = JSON.parse(text) as unknown;
const loaded = loadPipeline(text);
if (!loaded.ok) throw new Error('example invalid');
const { doc, catalog } = loaded;
const options = { durationMs: 600_000 };
const same = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

describe('replications on a worker pool', () => {
  it('equal runReplications for a fixed number, whatever the pool size', async () => {
    const plan: ReplicationPlan = { replications: 4, confidence: 0.95, stopping: null };
    const sequential = runReplications(doc, catalog, options, plan);
    const progress: AnalysisProgress[] = [];
    const pooled = await replicate(inProcessPool(3), { document, options, plan, baseSeed: doc.run.seed }, (p) => progress.push(p)).promise;
    same(pooled, sequential);
    expect(pooled.seeds).toEqual([0, 1, 2, 3].map((i) => replicationSeed(doc.run.seed, i)));
    expect(progress.at(-1)).toMatchObject({ done: 4, total: 4, fraction: 1 });
    expect(progress.some((p) => p.fraction > 0 && p.fraction < 1)).toBe(true);
  });

  it('stop where the sequential stopping rule stops, even with later replications already finished', async () => {
    const plan: ReplicationPlan = { replications: 0, confidence: 0.95, stopping: { confidence: 0.95, relativeHalfWidth: 0.05, minReplications: 3, maxReplications: 9, figures: ['p50Ms', 'costPerQueryUsd'] } };
    const sequential = runReplications(doc, catalog, options, plan);
    const pooled = await replicate(inProcessPool(4), { document, options, plan, baseSeed: doc.run.seed }, () => undefined).promise;
    same(pooled, sequential);
    // The pool of 4 ran past the stopping point; the extra replications are not kept.
    expect(pooled.stoppingMet).toBe(true);
    expect(pooled.seeds.length).toBeLessThan(4);
  });

  it('cancel rejects with JobCancelled and stops the workers', async () => {
    const plan: ReplicationPlan = { replications: 12, confidence: 0.95, stopping: null };
    const task = replicate(inProcessPool(2, 50), { document, options: { durationMs: 3_600_000 }, plan, baseSeed: 1 }, () => undefined);
    setTimeout(() => task.cancel(), 30);
    await expect(task.promise).rejects.toBeInstanceOf(JobCancelled);
  });

  it('report the problems of an invalid document', async () => {
    const task = replicate(inProcessPool(1), { document: { version: 1, pipeline: { name: 'x' }, nodes: [] }, options, plan: { replications: 2, confidence: 0.95, stopping: null }, baseSeed: 1 }, () => undefined);
    const error = await task.promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobFailed);
    expect((error as JobFailed).problems[0]).toMatchObject({ path: '$.nodes' });
  });
});

describe('analysis worker handler', () => {
  it('rejects a malformed message by naming what is wrong', async () => {
    const messages: unknown[] = [];
    const handle = createAnalysisHandler({ post: (m) => messages.push(m), yieldControl: () => Promise.resolve() });
    await handle({ type: 'tornado', jobId: 1, document: {}, options: {}, paths: [], spread: 2 });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'rejected', message: expect.stringMatching(/paths.*spread|spread.*paths/s) });
  });
});

describe('other analyses split into jobs', () => {
  it('a two-axis sweep equals sweep()', async () => {
    const axes = [
      { path: 'traffic.rps', values: [3, 6] },
      { path: 'nodes[llm].params.maxTokens', values: [256, 1024] },
    ];
    same(await sweepPoints(inProcessPool(3), { document, options, axes }, () => undefined).promise, sweep(doc, catalog, axes, options));
  });

  it('a replicated sweep equals sweep() with the same plan, progress counted in runs', async () => {
    const axes = [{ path: 'traffic.rps', values: [3, 6, 9] }];
    const plan = { replications: 3, confidence: 0.9 };
    const progress: AnalysisProgress[] = [];
    const pooled = await sweepPoints(inProcessPool(2), { document, options, axes, plan }, (p) => progress.push(p)).promise;
    const sequential = sweep(doc, catalog, axes, options, plan);
    same(pooled, sequential);
    expect(pooled).toMatchObject({ replications: 3, confidence: 0.9 });
    expect(pooled.points[0]!.intervals!.p99Ms).toMatchObject({ n: 3, confidence: 0.9 });
    // Three points of three runs each: progress counts the nine runs.
    expect(progress.at(-1)).toMatchObject({ done: 9, total: 9, fraction: 1 });
    expect(progress.every((p) => p.total === 9 && p.done % 3 === 0)).toBe(true);
  });

  it('a sweep without a plan is a single run per point, no intervals', async () => {
    const axes = [{ path: 'traffic.rps', values: [3, 6] }];
    const pooled = await sweepPoints(inProcessPool(2), { document, options, axes }, () => undefined).promise;
    expect(pooled.replications).toBe(1);
    expect(pooled.points.map((p) => p.intervals)).toEqual([null, null]);
  });

  it('a tornado equals tornado(), bars in the same order', async () => {
    const paths = ['nodes[llm].params.maxTokens', 'traffic.rps', 'models[gpt-5.4-mini].inputUsdPerToken'];
    same(await tornadoBars(inProcessPool(2), { document, options, paths, spread: 0.25 }, () => undefined).promise, tornado(doc, catalog, paths, 0.25, options));
  });

  it('the max-load search equals searchMaxLoad()', async () => {
    const criteria = { p99Ms: 12_000, errorRate: 0.01, rateLimitedShare: 0.01 };
    const short = { durationMs: 300_000 };
    const fractions: number[] = [];
    same(await loadSearch(inProcessPool(1), { document, options: short, criteria, tolerance: 0.1 }, (p) => fractions.push(p.fraction)).promise, searchMaxLoad(doc, catalog, criteria, { ...short, tolerance: 0.1 }));
    // Progress after each of the search's runs, not only 0 then 1.
    const during = fractions.filter((f) => f > 0 && f < 1);
    expect(during.length).toBeGreaterThan(2);
    expect(during).toEqual([...during].sort((a, b) => a - b));
  });

  it('maturity ROI over (level, replication) jobs equals runMaturityRoi()', async () => {
    const templates = [1, 4].map((n) => JSON.parse(readFileSync(`${EXAMPLES}maturity/level-${n}.preflight.json`, 'utf8')) as { faults: Array<{ startMs: number; durationMs: number }> });
    const assumptions = { queriesPerDay: 100_000, lostRevenuePerDowntimeHourUsd: 5_000, daysPerMonth: 30 };
    const short = { durationMs: 2 * 3_600_000 };
    // The templates' incidents end at 5.75 h: a 2 h run would cut them short, and the job says so.
    const uncut = templates.map((d, k) => ({ document: d, oneTimeInvestmentUsd: k * 50_000, monthlyInvestmentUsd: k * 5_000 }));
    await expect(maturity(inProcessPool(2), { levels: uncut, assumptions, replications: 1, options: short }, () => undefined).promise).rejects.toThrow(/before its fault scenario's last incident ends at 5\.75 h/);
    // The same incidents three times faster fit in the 2 h run.
    const docs = templates.map((d) => ({ ...d, faults: d.faults.map((f) => ({ ...f, startMs: f.startMs / 3, durationMs: f.durationMs / 3 })) }));
    const levels = docs.map((d, k) => ({ document: d, oneTimeInvestmentUsd: k * 50_000, monthlyInvestmentUsd: k * 5_000 }));
    const pooled = await maturity(inProcessPool(3), { levels, assumptions, replications: 2, options: short }, () => undefined).promise;
    const parsed = docs.map((d) => {
      const l = loadPipeline(d);
      if (!l.ok) throw new Error('template invalid');
      return l;
    });
    const sequential = runMaturityRoi(parsed.map((l, k) => ({ doc: l.doc, ...levels[k]! })), parsed[0]!.catalog, assumptions, 2, short);
    same(pooled.roi, sequential.roi);
  });
});
