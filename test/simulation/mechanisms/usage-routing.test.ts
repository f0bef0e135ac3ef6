import { describe, expect, it } from 'vitest';
import { loadPipelineOrThrow } from '../../../simulation/model/load';
import { constant, run } from '../../helpers/pipelines';

/**
 * Usage-based routing as LiteLLM's usage-based-routing-v2 does it: per route and minute, requests are
 * counted when sent and tokens when a call succeeds; a route is skipped when its tokens + the request's
 * input would pass its tpm or its requests + 1 reach its rpm; the fewest tokens wins; none left →
 * "No deployments available" (429) → router retries → the no_capacity port.
 */
const llm = { model: 'gpt-5.4-mini', systemPromptTokens: 200, ttftMs: constant(300), ttftMsPer1kInputTokens: 0, timePerOutputTokenMs: constant(5), retry: { numRetries: 0 } };

function usageRouted(routes: Array<{ name: string; tpm?: number; rpm?: number }>, rps: number, router: Record<string, unknown> = {}) {
  return loadPipelineOrThrow({
    version: 1,
    pipeline: { name: 'usage-based' },
    traffic: { rps, classes: [{ name: 'q', share: 1, queryTokens: constant(50), outputTokens: constant(100) }] },
    nodes: [
      { id: 'src', kind: 'source' },
      { id: 'router', kind: 'router', params: { strategy: 'usage-based', routes, ...router } },
      ...routes.map((r) => ({ id: `llm-${r.name}`, kind: 'llm', params: llm })),
      { id: 'done', kind: 'response' },
      { id: 'sorry', kind: 'static_answer' },
    ],
    edges: [
      { from: 'src', port: 'out', to: 'router' },
      ...routes.flatMap((r) => [
        { from: 'router', port: r.name, to: `llm-${r.name}` },
        { from: `llm-${r.name}`, port: 'ok', to: 'done' },
      ]),
      { from: 'router', port: 'no_capacity', to: 'sorry' },
      { from: 'sorry', port: 'ok', to: 'done' },
    ],
  });
}

const report = (r: ReturnType<typeof run>) => r.nodes.find((n) => n.id === 'router')!.report as { routed: { a: number; b: number }; noRouteWithRoom: number; retries?: number };
const entered = (r: ReturnType<typeof run>, id: string) => r.nodes.find((n) => n.id === id)!.entered;

describe('usage-based routing (LiteLLM usage-based-routing-v2)', () => {
  it('caps each route at rpm − 1 requests a minute (LiteLLM skips at requests + 1 ≥ rpm) and sends the rest to no_capacity', () => {
    const minutes = 30;
    const r = run(usageRouted([{ name: 'a', rpm: 61 }, { name: 'b', rpm: 31 }], 2), { durationMs: minutes * 60_000, warmupMs: 0 });
    const { routed, noRouteWithRoom } = report(r);
    expect(routed.a).toBeLessThanOrEqual(60 * minutes);
    expect(routed.b).toBeLessThanOrEqual(30 * minutes);
    // 120 arrivals a minute on average: nearly every minute fills both routes.
    expect(routed.a).toBeGreaterThan(0.97 * 60 * minutes);
    expect(routed.b).toBeGreaterThan(0.97 * 30 * minutes);
    expect(noRouteWithRoom).toBe(entered(r, 'sorry'));
    expect(routed.a + routed.b + noRouteWithRoom).toBe(r.outcomes.measured);
  });

  it('fills a route up to its tpm (tokens counted when calls succeed), then uses the other', () => {
    // Each call: 200 system + 50 query = 250 input (what the router counts ahead) and 100 output tokens.
    const minutes = 30;
    const r = run(usageRouted([{ name: 'a', tpm: 10_000 }, { name: 'b' }], 3), { durationMs: minutes * 60_000, warmupMs: 0 });
    const { routed, noRouteWithRoom } = report(r);
    expect(noRouteWithRoom).toBe(0);
    // a keeps taking requests while its counted tokens + 250 ≤ 10,000; calls in flight are not counted yet.
    expect(routed.a / minutes).toBeGreaterThan(10_000 / 350 - 1);
    expect(routed.a / minutes).toBeLessThan(10_000 / 250 + 3);
    // The fewest tokens wins: b, with no limit, carries the rest and more tokens than a.
    expect(routed.b).toBeGreaterThan(routed.a);
  });

  it('retries "No deployments available" at once while routes are healthy, so the retries spend themselves and the request falls back', () => {
    const r = run(usageRouted([{ name: 'a', rpm: 11 }, { name: 'b', rpm: 11 }], 2, { retry: { numRetries: 2 } }), { durationMs: 600_000, warmupMs: 0 });
    const { noRouteWithRoom, retries } = report(r);
    const fellBack = entered(r, 'sorry');
    expect(fellBack).toBeGreaterThan(500);
    expect(noRouteWithRoom).toBe(3 * fellBack);
    expect(retries).toBe(2 * fellBack);
  });
});
