import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tracesToOtlpJson } from '../../../simulation/export/otlp';
import { applyCalibration, fitCalibration } from '../../../simulation/importers/calibration';
import { parseCalibrationInput, parseOtlpObservations, parseSpendLogObservations } from '../../../simulation/importers/calibration-observations';
import { fitLognormal, lillieforsPValue, normalCdf } from '../../../simulation/importers/lognormal-fit';
import { loadPipeline, loadPipelineOrThrow } from '../../../simulation/model/load';
import { RandomStream } from '../../../simulation/random/streams';
import { example, run } from '../../helpers/pipelines';

const SPEND_LOGS = new URL('../../fixtures/litellm/spend-logs.json', import.meta.url);
const OTLP = new URL('../../fixtures/otlp/genai-traces.json', import.meta.url);
const text = (url: URL) => readFileSync(url, 'utf8');

function lognormalSample(n: number, median: number, sigma: number, key: string): number[] {
  const rng = new RandomStream(key);
  return Array.from({ length: n }, () => median * Math.exp(sigma * rng.normal()));
}

const geometricMean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

describe('lognormal fit with a goodness-of-fit figure', () => {
  it('recovers known parameters from 2,000 seeded draws within 4 standard errors', () => {
    const n = 2000;
    const sigma = 0.6;
    const fit = fitLognormal(lognormalSample(n, 450, sigma, 'calibration/recover'));
    expect(Math.abs(fit.mu - Math.log(450))).toBeLessThan((4 * sigma) / Math.sqrt(n)); // SE(μ̂) = σ/√n
    expect(Math.abs(fit.sigma - sigma)).toBeLessThan((4 * sigma) / Math.sqrt(2 * n)); // SE(σ̂) ≈ σ/√(2n)
    expect(fit.lognormal).toMatchObject({ type: 'lognormal' });
    expect(fit.p99).toBeCloseTo(fit.median * Math.exp(2.3263478740408408 * fit.sigma), 6);
  });

  it('gives a small D and no rejection for lognormal data, a large D and rejection for other shapes', () => {
    const good = fitLognormal(lognormalSample(1000, 20, 0.3, 'calibration/good'));
    expect(good.ks.d).toBeLessThan(0.886 / Math.sqrt(1000)); // below the 5 % Lilliefors critical value
    expect(good.ks.pValue).toBeGreaterThan(0.05);
    const rng = new RandomStream('calibration/uniform');
    const uniform = fitLognormal(Array.from({ length: 1000 }, () => 100 + 900 * rng.uniform()));
    expect(uniform.ks.d).toBeGreaterThan(0.05);
    expect(uniform.ks.pValue).toBeLessThan(0.001);
    const bimodal = fitLognormal([...lognormalSample(500, 100, 0.1, 'calibration/a'), ...lognormalSample(500, 1000, 0.1, 'calibration/b')]);
    expect(bimodal.ks.d).toBeGreaterThan(0.15);
  });

  it("matches Lilliefors' tabulated 5 % critical values (n = 20: 0.190; n > 30: 0.886/√n)", () => {
    expect(lillieforsPValue(0.19, 20)).toBeGreaterThan(0.035);
    expect(lillieforsPValue(0.19, 20)).toBeLessThan(0.065);
    expect(lillieforsPValue(0.886 / Math.sqrt(400), 400)).toBeGreaterThan(0.035);
    expect(lillieforsPValue(0.886 / Math.sqrt(400), 400)).toBeLessThan(0.065);
    expect(normalCdf(1.959963985)).toBeCloseTo(0.975, 6);
  });

  it('offers the empirical quantiles as a valid distribution, and needs 5 positive values', () => {
    const fit = fitLognormal([5, 1, 4, 2, 3]);
    expect(fit.empirical.quantiles[0]).toEqual([0, 1]);
    expect(fit.empirical.quantiles.at(-1)).toEqual([1, 5]);
    expect(fit.empirical.quantiles.find((q) => q[0] === 0.5)).toEqual([0.5, 3]);
    expect(() => fitLognormal([1, 2, 3, 4])).toThrow(/at least 5 values/);
    expect(() => fitLognormal([0, 1, 2, 3, 4])).toThrow(/values > 0/);
  });
});

describe('calibration from LiteLLM spend logs (project fixture)', () => {
  const set = parseSpendLogObservations(text(SPEND_LOGS));
  const report = fitCalibration(set);
  const mini = report.models.find((m) => m.model === 'gpt-4o-mini')!;

  it('reads every row or says why not', () => {
    expect(set.observations).toHaveLength(14);
    expect(set.skipped).toEqual([
      { path: '$[11]', reason: "call_type 'aembedding' is not a chat or completion call" },
      { path: '$[12]', reason: expect.stringMatching(/startTime\/endTime must be ISO 8601 .*got string "yesterday"/) },
    ]);
    expect(set.notes).toEqual(expect.arrayContaining([expect.stringMatching(/^3 rows have times without a time zone/), expect.stringMatching(/^2 rows have completionStartTime at endTime/)]));
  });

  it('fits TTFT and time per output token from streamed, uncached, successful calls', () => {
    expect(mini).toMatchObject({ calls: 11, failed: 1, cacheHits: 1, cacheHitShare: 0.1 });
    expect(mini.ttftMs!.n).toBe(8);
    expect(mini.ttftMs!.median).toBeCloseTo(geometricMean([420, 510, 380, 610, 450, 700, 395, 560]), 6);
    expect(mini.timePerOutputTokenMs!.n).toBe(8);
    expect(mini.timePerOutputTokenMs!.median).toBeGreaterThan(11);
    expect(mini.timePerOutputTokenMs!.median).toBeLessThan(18);
    expect(mini.inputTokens!.n).toBe(10);
    expect(mini.notes).toEqual(expect.arrayContaining([expect.stringMatching(/1 failed calls/), expect.stringMatching(/1 cache hits/), expect.stringMatching(/1 calls without a first-token time/)]));
  });

  it('reports models with too few calls instead of fitting them', () => {
    const claude = report.models.find((m) => m.model === 'claude-haiku-4-5')!;
    expect(claude.calls).toBe(3);
    expect(claude.ttftMs).toBeNull();
    expect(claude.notes).toContain('TTFT: 3 usable values; at least 5 are needed for a fit.');
  });

  it('groups by model group on request, and refuses input that is not spend logs', () => {
    expect(fitCalibration(parseSpendLogObservations(text(SPEND_LOGS), { groupBy: 'model_group' })).models.map((m) => m.model)).toContain('chat-main');
    expect(() => parseSpendLogObservations('{"rows": 1}')).toThrow(/expected LiteLLM spend logs/);
  });
});

describe('calibration from OTLP/JSON GenAI spans', () => {
  it('reads chat spans with TTFT attributes from the project fixture', () => {
    const set = parseCalibrationInput(text(OTLP));
    expect(set.format).toBe('otlp-json');
    expect(set.observations).toHaveLength(8);
    expect(set.skipped).toEqual([{ path: 'resourceSpans[0].scopeSpans[0].spans[10]', reason: expect.stringMatching(/startTimeUnixNano\/endTimeUnixNano must be nanoseconds/) }]);
    expect(set.notes).toEqual(['2 spans are not chat model calls (no gen_ai.request.model, or another gen_ai.operation.name) and were not used.']);
    const [mini] = fitCalibration(set).models;
    expect(mini).toMatchObject({ model: 'gpt-4o-mini', calls: 8, failed: 1 });
    expect(mini!.ttftMs!.n).toBe(7);
    expect(mini!.ttftMs!.median).toBeCloseTo(geometricMean([420, 510, 380, 610, 450, 700, 480]), 4);
    expect(mini!.outputTokens!.n).toBe(7);
  });

  it("recovers a simulated LLM's TTFT and time per token from Preflight's own OTLP export", () => {
    const doc = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'round trip' },
      traffic: { rps: 20 },
      nodes: [
        { id: 'src', kind: 'source' },
        { id: 'llm', kind: 'llm', params: { model: 'gpt-4o-mini', ttftMs: { type: 'lognormal', median: 400, sigma: 0.3 }, ttftMsPer1kInputTokens: 0, timePerOutputTokenMs: { type: 'lognormal', median: 20, sigma: 0.2 } } },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'src', port: 'out', to: 'llm' },
        { from: 'llm', port: 'ok', to: 'done' },
      ],
    });
    const results = run(doc, { durationMs: 120_000, warmupMs: 0, seed: 3, traceSampleRate: 1, maxTraces: 2000, traceSlowest: 0, traceFailed: 0 });
    const otlp = tracesToOtlpJson(results, { startTimeUnixNano: 1_777_636_800_000_000_000n });
    const [llm] = fitCalibration(parseOtlpObservations(JSON.stringify(otlp))).models;
    const n = llm!.ttftMs!.n;
    expect(n).toBeGreaterThan(1500);
    expect(Math.abs(llm!.ttftMs!.mu - Math.log(400))).toBeLessThan((4 * 0.3) / Math.sqrt(n));
    expect(Math.abs(llm!.ttftMs!.sigma - 0.3)).toBeLessThan((4 * 0.3) / Math.sqrt(2 * n));
    expect(Math.abs(llm!.timePerOutputTokenMs!.mu - Math.log(20))).toBeLessThan((4 * 0.2) / Math.sqrt(n));
    expect(llm!.ttftMs!.ks.pValue).toBeGreaterThan(0.01);
  });

  it('leaves out the calls of tail-sampled traces (slowest, failed): they are not a random sample', () => {
    const doc = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'tail' },
      traffic: { rps: 20 },
      nodes: [
        { id: 'src', kind: 'source' },
        { id: 'llm', kind: 'llm', params: { model: 'gpt-4o-mini', ttftMs: { type: 'lognormal', median: 400, sigma: 0.3 }, ttftMsPer1kInputTokens: 0 } },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'src', port: 'out', to: 'llm' },
        { from: 'llm', port: 'ok', to: 'done' },
      ],
    });
    const results = run(doc, { durationMs: 120_000, warmupMs: 0, seed: 3, traceSampleRate: 0.1, maxTraces: 2000, traceSlowest: 50, traceFailed: 0 });
    // 50 slowest: those not also in the random sample are kept as 'slowest' (each request once).
    expect(results.traces.filter((t) => t.amongSlowest)).toHaveLength(50);
    expect(new Set(results.traces.map((t) => t.requestId)).size).toBe(results.traces.length);
    const set = parseOtlpObservations(tracesToOtlpJson(results, { startTimeUnixNano: 1_777_636_800_000_000_000n }));
    const llmSpans = (reason: (r: string) => boolean) => results.traces.filter((t) => reason(t.reason)).reduce((n, t) => n + t.spans.filter((x) => x.nodeId === 'llm').length, 0);
    expect(set.observations).toHaveLength(llmSpans((r) => r !== 'slowest'));
    const left = llmSpans((r) => r === 'slowest');
    expect(left).toBeGreaterThanOrEqual(results.traces.filter((t) => t.reason === 'slowest').length);
    expect(set.skipped.filter((s) => /among the slowest requests/.test(s.reason))).toHaveLength(left);
    expect(set.notes.join(' ')).toContain(`${left} model-call spans from tail-sampled traces`);
    const [llm] = fitCalibration(set).models;
    expect(Math.abs(llm!.ttftMs!.mu - Math.log(400))).toBeLessThan((4 * 0.3) / Math.sqrt(llm!.ttftMs!.n));
  });
});

describe('applyCalibration: the one-click apply', () => {
  const doc = example('naive-rag');
  const calibration = fitCalibration(parseSpendLogObservations(text(SPEND_LOGS))).models.find((m) => m.model === 'gpt-4o-mini')!;

  it('sets the LLM node from the fit and the result loads', () => {
    const applied = applyCalibration(doc, 'llm', calibration, { outputTokens: true });
    const loaded = loadPipeline(applied);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    const params = applied.nodes.find((n) => n.id === 'llm')!.params as Record<string, unknown>;
    expect(params.ttftMs).toEqual(calibration.ttftMs!.lognormal);
    expect(params.timePerOutputTokenMs).toEqual(calibration.timePerOutputTokenMs!.lognormal);
    expect(params.outputTokens).toEqual(calibration.outputTokens!.lognormal);
    expect(params.ttftMsPer1kInputTokens).toBe(0);
    expect((doc.nodes.find((n) => n.id === 'llm')!.params as Record<string, unknown>).ttftMs).not.toEqual(params.ttftMs); // input untouched
  });

  it('can apply the empirical quantiles and keep the prefill slope', () => {
    const applied = applyCalibration(doc, 'llm', calibration, { use: 'empirical', prefill: 'keep' });
    expect(loadPipeline(applied).ok).toBe(true);
    const params = applied.nodes.find((n) => n.id === 'llm')!.params as Record<string, unknown>;
    expect(params.ttftMs).toMatchObject({ type: 'empirical' });
    expect(params.ttftMsPer1kInputTokens).toBe((doc.nodes.find((n) => n.id === 'llm')!.params as Record<string, unknown>).ttftMsPer1kInputTokens);
  });

  it('refuses a missing node, a node that is not an LLM, and a calibration without fits', () => {
    expect(() => applyCalibration(doc, 'nope', calibration)).toThrow(/no node 'nope'; nodes are: users, embed/);
    expect(() => applyCalibration(doc, 'embed', calibration)).toThrow(/node 'embed' is an embedding node/);
    const empty = fitCalibration(parseSpendLogObservations(text(SPEND_LOGS))).models.find((m) => m.model === 'claude-haiku-4-5')!;
    expect(() => applyCalibration(doc, 'llm', empty)).toThrow(/has no TTFT or time-per-token fit/);
  });
});
