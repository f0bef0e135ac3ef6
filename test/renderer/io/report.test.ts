import { describe, expect, it } from 'vitest';
import { loadPipeline, reportHtml, runReplications, searchMaxLoad, sha256Hex, type LevelRoiWithIntervals, type SweepResult, type TornadoBar } from '../../../simulation/index';
import { createAnalysisStore } from '../../../renderer/features/analysis/analysis-store';
import { extrasFromAnalysis } from '../../../renderer/features/io/report/analysis-extras';
import { handleReportJob } from '../../../renderer/features/io/report/report-handler';
import { buildReportInput, DEFAULT_REPORT_PLAN, reportExtras, reportMeta } from '../../../renderer/features/io/report/report-input';
import type { ReportJob, ReportOutbound } from '../../../renderer/features/io/report/report-protocol';
import { exampleDocument } from '../helpers';

function load(document: unknown) {
  const r = loadPipeline(document);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r;
}

/** The optimized RAG example over 10 minutes: the same pipeline, a quicker test. */
function shortExample() {
  const doc = exampleDocument('optimized-rag');
  return { ...doc, run: { ...(doc.run as object), durationMs: 600_000, warmupMs: 60_000 } };
}

const META = { appVersion: '0.1.0', fileHash: 'a'.repeat(64), fileName: 'rag.preflight.json', generatedAt: '2026-11-27T12:00:00.000Z', command: 'npx preflight report rag.preflight.json --out rag.report.html --replications 2' };

async function runJob(job: unknown): Promise<ReportOutbound[]> {
  const messages: ReportOutbound[] = [];
  await handleReportJob(job, { post: (m) => messages.push(m), yieldControl: () => Promise.resolve(), now: () => 0 });
  return messages;
}

describe('report worker', () => {
  it('makes the figures preflight report makes: the same replications, the same max-load search', async () => {
    const document = shortExample();
    const job: ReportJob = { type: 'report', document, replications: 2, capacity: true, roi: null, whatIfs: null, meta: META, sliceEvents: 20_000 };
    const messages = await runJob(job);
    const done = messages.at(-1);
    if (done?.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(done).slice(0, 300)}`);
    const { doc, catalog } = load(document);
    // What the CLI does for `preflight report file --replications 2`:
    const replicated = runReplications(doc, catalog, { seed: doc.run.seed }, { replications: 2, confidence: 0.95, stopping: null });
    const capacity = searchMaxLoad(doc, catalog, { p99Ms: doc.slo.p99Ms, errorRate: doc.slo.errorRate, rateLimitedShare: 0.01 }, {});
    expect(JSON.parse(JSON.stringify(done.outcome.replicated))).toEqual(JSON.parse(JSON.stringify(replicated)));
    expect(done.outcome.capacity).toEqual(capacity);
    expect(done.outcome.html).toBe(reportHtml({ doc, catalog, results: replicated.representative, replicated, capacity, roi: null, whatIfs: null, meta: META }));
    expect(done.outcome.html).toContain(`data-file-hash="${META.fileHash}"`);

    const stages = messages.flatMap((m) => (m.type === 'progress' ? [m.progress.stage] : []));
    expect(stages[0]).toBe('replications');
    expect(stages.slice(-2)).toEqual(['capacity', 'writing']);
    const fractions = messages.flatMap((m) => (m.type === 'progress' && m.progress.stage === 'replications' ? [m.progress.fraction] : []));
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    expect(Math.max(...fractions)).toBeLessThanOrEqual(1);
  });

  it('skips the load search when not asked, and says what is wrong with a pipeline it cannot run', async () => {
    const without = await runJob({ type: 'report', document: shortExample(), replications: 2, capacity: false, roi: null, whatIfs: null, meta: META });
    const done = without.at(-1);
    expect(done?.type === 'done' && done.outcome.capacity).toBeNull();
    expect(without.some((m) => m.type === 'progress' && m.progress.stage === 'capacity')).toBe(false);

    const broken = await runJob({ type: 'report', document: { nodes: [{ id: 'a', kind: 'llm' }], edges: [] }, replications: 2, capacity: false, roi: null, whatIfs: null, meta: META });
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ type: 'failed', message: expect.stringMatching(/the pipeline has \d+ problems?; fix them/) });
    expect(broken[0]!.type === 'failed' && broken[0]!.problems.length).toBeGreaterThan(0);
  });

  it('rejects a malformed message instead of half-running it', async () => {
    const [m] = await runJob({ type: 'report', document: {}, replications: 1, capacity: true, roi: null, whatIfs: null, meta: META });
    expect(m).toMatchObject({ type: 'rejected', message: expect.stringContaining('replications') });
    const [n] = await runJob({ type: 'report', document: {}, replications: 2, capacity: true, roi: null, whatIfs: null, meta: { ...META, fileHash: 'not-a-hash' } });
    expect(n).toMatchObject({ type: 'rejected', message: expect.stringContaining('meta.fileHash') });
  });
});

describe('report input', () => {
  it('footer meta: the hash of the text as saved, the CLI line for the chosen plan, the wall-clock time', () => {
    const text = '{"nodes":[],"edges":[]}\n';
    const meta = reportMeta({ appVersion: '0.1.0', fileName: 'rag.preflight.json', stem: 'rag', documentText: text, hash: sha256Hex, now: new Date('2026-11-27T12:00:00Z'), plan: { ...DEFAULT_REPORT_PLAN, format: 'pdf', capacity: false } });
    expect(meta).toEqual({
      appVersion: '0.1.0',
      fileHash: sha256Hex(text),
      fileName: 'rag.preflight.json',
      generatedAt: '2026-11-27T12:00:00.000Z',
      command: 'npx preflight report rag.preflight.json --out rag.report.pdf --replications 5 --no-capacity',
    });
  });

  it('takes ROI and what-ifs only when asked for and present; an empty what-if set is none', () => {
    const roi = { assumptions: { queriesPerDay: 1, lostRevenuePerDowntimeHourUsd: 1, daysPerMonth: 30 }, levels: [], source: 'saved scenarios' };
    const tornado = { bars: [], spread: 0.2 };
    expect(reportExtras(DEFAULT_REPORT_PLAN, null)).toEqual({ roi: null, whatIfs: null });
    expect(reportExtras({ ...DEFAULT_REPORT_PLAN, analysis: false }, { roi, whatIfs: null })).toEqual({ roi: null, whatIfs: null });
    expect(reportExtras(DEFAULT_REPORT_PLAN, { roi, whatIfs: { sweeps: [], tornado: null } })).toEqual({ roi, whatIfs: null });
    expect(reportExtras(DEFAULT_REPORT_PLAN, { roi: null, whatIfs: { sweeps: [], tornado } })).toEqual({ roi: null, whatIfs: { sweeps: [], tornado } });
  });

  it('charts come from the first replication, intervals from all of them', () => {
    const { doc, catalog } = load(shortExample());
    const replicated = runReplications(doc, catalog, {}, { replications: 2, confidence: 0.95, stopping: null });
    const input = buildReportInput({ doc, catalog, replicated, capacity: null, extras: { roi: null, whatIfs: null }, meta: META });
    expect(input.results).toBe(replicated.representative);
    expect(input.replicated).toBe(replicated);
    expect(input.meta).toBe(META);
  });
});

describe('analysis results in the report', () => {
  it('come from the Analysis workspace only when finished for this version of the document', () => {
    const jobs = createAnalysisStore().getState().jobs;
    expect(extrasFromAnalysis(jobs, 3)).toBeNull();
    const roi = [{ name: 'Level 1' }, { name: 'Level 3' }] as unknown as LevelRoiWithIntervals[];
    const assumptions = { queriesPerDay: 100_000, lostRevenuePerDowntimeHourUsd: 5000, daysPerMonth: 30 };
    const sweep = { axes: [{ path: 'nodes.llm.params.maxTokens', values: [256, 512] }], base: [1024], points: [], seed: 1 } as unknown as SweepResult;
    const done = <T>(result: T, revision: number) => ({ status: 'done' as const, progress: null, result, error: null, basis: { revision, seed: 1, pipelineName: 'p' }, elapsedMs: 1 });
    const withResults = { ...jobs, maturity: done({ roi, assumptions, replications: 3, source: 'scenarios' }, 3), sweep: done(sweep, 3), tornado: done({ base: {} as never, bars: [], spread: 0.2 }, 2) };
    const found = extrasFromAnalysis(withResults, 3)!;
    expect(found.extras).toEqual({ roi: { assumptions, levels: roi, source: expect.stringContaining('saved scenarios') }, whatIfs: { sweeps: [sweep], tornado: null } });
    expect(found.summary).toBe('maturity ROI of 2 levels, a sweep of nodes.llm.params.maxTokens');
    // The footer's command recomputes the sweep; the ROI's levels are not files, so the dialog says so.
    expect(found.cliFlags).toEqual(['--param', 'nodes.llm.params.maxTokens=256,512']);
    expect(found.notReproduced).toEqual(['the maturity ROI (its levels are saved scenarios: pass them as files with --roi)']);
    const bars = [{ path: 'traffic.rps' }, { path: 'nodes.llm.params.maxTokens' }] as unknown as TornadoBar[];
    const tornadoAt = (spread: number) => extrasFromAnalysis({ ...jobs, tornado: done({ base: {} as never, bars, spread }, 3) }, 3)!;
    expect(tornadoAt(0.2).cliFlags).toEqual(['--tornado', 'traffic.rps,nodes.llm.params.maxTokens', '--spread', '20%']);
    expect(tornadoAt(0.3)).toMatchObject({ cliFlags: ['--tornado', 'traffic.rps,nodes.llm.params.maxTokens', '--spread', '30%'], notReproduced: [] });
    // A two-parameter sweep is two --heatmap flags.
    const heat = { ...sweep, axes: [{ path: 'traffic.rps', values: [5, 10] }, { path: 'nodes[llm].params.maxTokens', values: [256, 512] }] } as unknown as SweepResult;
    expect(extrasFromAnalysis({ ...jobs, sweep: done(heat, 3) }, 3)!.cliFlags).toEqual(['--heatmap', 'traffic.rps=5,10', '--heatmap', 'nodes[llm].params.maxTokens=256,512']);
    // A replicated sweep's command replicates its points the same way.
    const replicated = { ...sweep, replications: 3, confidence: 0.95 } as unknown as SweepResult;
    expect(extrasFromAnalysis({ ...jobs, sweep: done(replicated, 3) }, 3)).toMatchObject({ cliFlags: ['--param', 'nodes.llm.params.maxTokens=256,512', '--sweep-replications', '3', '--sweep-confidence', '95%'], notReproduced: [] });
    expect(extrasFromAnalysis({ ...jobs, sweep: done({ ...sweep, replications: 1 } as SweepResult, 3) }, 3)!.notReproduced).toEqual([]);
    // After an edit (revision 4) none of them describes the pipeline any more.
    expect(extrasFromAnalysis(withResults, 4)).toBeNull();
  });
});
