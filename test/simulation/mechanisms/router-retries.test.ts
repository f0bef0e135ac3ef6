import { describe, expect, it } from 'vitest';
import { loadPipeline, loadPipelineOrThrow } from '../../../simulation/model/load';
import { constant, example, run } from '../../helpers/pipelines';

/**
 * Router retries (LiteLLM Router num_retries, SEMANTICS §6): a failed call comes back to the router and
 * is routed again — at once while another route is healthy (litellm policy), after the backoff when
 * none is — and routes in cooldown are skipped.
 */
const service = (latencyMs: number, errorProbability: number) => ({ latencyMs: constant(latencyMs), errorProbability, retry: { numRetries: 0 } });

function group(router: Record<string, unknown>, opts: { aFails?: number; bFails?: number; breakers?: boolean; routes?: 1 | 2 } = {}) {
  const breakers = opts.breakers ?? false;
  const two = (opts.routes ?? 2) === 2;
  const breaker = (id: string) => ({ id, kind: 'circuit_breaker', params: { flavour: 'litellm', litellm: { allowed_fails: 3, cooldown_time: 30 } } });
  return loadPipelineOrThrow({
    version: 1,
    pipeline: { name: 'router retries' },
    traffic: { rps: 20 },
    nodes: [
      { id: 'src', kind: 'source' },
      { id: 'router', kind: 'router', params: { strategy: 'weighted', routes: two ? [{ name: 'a' }, { name: 'b' }] : [{ name: 'a' }], ...router } },
      { id: 'dep-a', kind: 'service', params: service(100, opts.aFails ?? 1) },
      ...(two ? [{ id: 'dep-b', kind: 'service', params: service(200, opts.bFails ?? 0) }] : []),
      ...(breakers ? [breaker('cool-a'), ...(two ? [breaker('cool-b')] : [])] : []),
      { id: 'done', kind: 'response' },
      { id: 'sorry', kind: 'static_answer' },
    ],
    edges: [
      { from: 'src', port: 'out', to: 'router' },
      { from: 'router', port: 'a', to: breakers ? 'cool-a' : 'dep-a' },
      ...(breakers ? [{ from: 'cool-a', port: 'pass', to: 'dep-a' }, { from: 'cool-a', port: 'open', to: two ? 'cool-b' : 'sorry' }] : []),
      { from: 'dep-a', port: 'ok', to: 'done' },
      { from: 'dep-a', port: 'error', to: 'sorry' },
      ...(two
        ? [
            { from: 'router', port: 'b', to: breakers ? 'cool-b' : 'dep-b' },
            ...(breakers ? [{ from: 'cool-b', port: 'pass', to: 'dep-b' }, { from: 'cool-b', port: 'open', to: 'sorry' }] : []),
            { from: 'dep-b', port: 'ok', to: 'done' },
            { from: 'dep-b', port: 'error', to: 'sorry' },
          ]
        : []),
      { from: 'sorry', port: 'ok', to: 'done' },
    ],
  });
}

const node = (r: ReturnType<typeof run>, id: string) => r.nodes.find((n) => n.id === id)!;

describe('router retries (LiteLLM Router)', () => {
  it('re-routes a failed call at once while another route is healthy: no backoff, and only a run of failures on every pick reaches the fallback', () => {
    const r = run(group({ retry: { numRetries: 2, policy: 'litellm' } }), { durationMs: 1_800_000, warmupMs: 0 });
    const report = node(r, 'router').report as Record<string, number>;
    expect(report.retries).toBeGreaterThan(10_000);
    expect(report.retriesWithoutWait).toBe(report.retries);
    // Served through b after k failures at a: 200 + k × 100 ms, never a 0.5 s LiteLLM backoff.
    expect(r.latency.endToEnd.max).toBeLessThanOrEqual(400 + 1e-6);
    // a is picked three times in a row with probability 1/8: those requests fall back to the static answer.
    const fellBack = node(r, 'sorry').entered / r.outcomes.measured;
    expect(Math.abs(fellBack - 1 / 8)).toBeLessThan(4.5 * Math.sqrt((1 / 8) * (7 / 8) / r.outcomes.measured));
    // Every failure at a is retried except the third in a row.
    expect(node(r, 'dep-a').failed).toBe(report.retries! + node(r, 'sorry').entered);
  });

  it('waits the LiteLLM backoff when the route has no alternative (a lone deployment)', () => {
    const r = run(group({ retry: { numRetries: 1, policy: 'litellm' } }, { routes: 1, aFails: 0.5 }), { durationMs: 600_000, warmupMs: 0 });
    const report = node(r, 'router').report as Record<string, number>;
    expect(report.retries).toBeGreaterThan(1000);
    expect(report.retriesWithoutWait).toBe(0);
    // A retried request waited 0.5 s + 0–0.75 s jitter between its two 100 ms calls.
    expect(r.latency.endToEnd.max).toBeGreaterThan(700);
    expect(r.latency.endToEnd.max).toBeLessThanOrEqual(100 + 1250 + 100 + 1e-6);
  });

  it('other policies always back off, even with a healthy alternative', () => {
    const r = run(group({ retry: { numRetries: 1, policy: 'fixed', initialDelayMs: 1000 } }), { durationMs: 600_000, warmupMs: 0 });
    const report = node(r, 'router').report as Record<string, number>;
    expect(report.retries).toBeGreaterThan(1000);
    expect(report.retriesWithoutWait).toBe(0);
    expect(r.latency.endToEnd.max).toBeGreaterThanOrEqual(100 + 1000 + 100);
  });

  it('skips routes in cooldown: once a fails past allowed_fails the router sends nothing there until the cooldown ends, and no request meets the open breaker', () => {
    const doc = group({ skipOpenBreakers: true, retry: { numRetries: 2, policy: 'litellm' } }, { breakers: true });
    const r = run(doc, { durationMs: 600_000, warmupMs: 0 });
    const coolA = node(r, 'cool-a').report as Record<string, number>;
    expect(coolA.timesOpened).toBeGreaterThan(5);
    expect(coolA.shortCircuited).toBe(0);
    // a gets a few calls per 30 s cooldown (4 fails trip it), b the rest.
    expect(node(r, 'dep-a').entered).toBeLessThan(0.02 * r.outcomes.measured);
    // Only a request that drew a three times while a was still healthy (before its 4th failure) falls back.
    expect(node(r, 'sorry').entered).toBeLessThan(0.001 * r.outcomes.measured);

    // Without skipping, the weighted pick still sends half the traffic to a's open breaker, whose
    // open path (here: the next deployment) is what spares those requests.
    const plain = run(group({ retry: { numRetries: 2, policy: 'litellm' } }, { breakers: true }), { durationMs: 600_000, warmupMs: 0 });
    expect((node(plain, 'cool-a').report as Record<string, number>).shortCircuited).toBeGreaterThan(0.4 * plain.outcomes.measured);
  });

  it('leaves by the error port once its retries are spent', () => {
    const r = run(group({ retry: { numRetries: 1, policy: 'litellm' } }, { aFails: 1, bFails: 1 }), { durationMs: 300_000, warmupMs: 0 });
    expect(node(r, 'sorry').entered).toBe(r.outcomes.measured);
    expect(node(r, 'router').retries).toBe(r.outcomes.measured);
    expect(node(r, 'dep-a').failed + node(r, 'dep-b').failed).toBe(2 * r.outcomes.measured);
  });

  it('raises a failure at once when no deployment is healthy any more (LiteLLM should_retry_this_error), fallback or not', () => {
    const lone = (fallback: boolean) =>
      loadPipelineOrThrow({
        version: 1,
        pipeline: { name: '429 without healthy deployments' },
        traffic: { rps: 20 },
        quotas: [{ id: 'q', rpm: 60 }],
        nodes: [
          { id: 'src', kind: 'source' },
          { id: 'router', kind: 'router', params: { routes: [{ name: 'a' }], skipOpenBreakers: true, retry: { numRetries: 2, policy: 'litellm' } } },
          { id: 'cool-a', kind: 'circuit_breaker', params: { flavour: 'litellm', litellm: { allowed_fails: 0, cooldown_time: 1 } } },
          { id: 'dep-a', kind: 'service', params: { ...service(100, 0), quota: 'q' } },
          { id: 'done', kind: 'response' },
          { id: fallback ? 'sorry' : 'failed', kind: fallback ? 'static_answer' : 'error' },
        ],
        edges: [
          { from: 'src', port: 'out', to: 'router' },
          { from: 'router', port: 'a', to: 'cool-a' },
          { from: 'cool-a', port: 'pass', to: 'dep-a' },
          { from: 'cool-a', port: 'open', to: fallback ? 'sorry' : 'failed' },
          { from: 'dep-a', port: 'ok', to: 'done' },
          { from: 'dep-a', port: 'error', to: fallback ? 'sorry' : 'failed' },
          ...(fallback ? [{ from: 'sorry', port: 'ok', to: 'done' }] : []),
        ],
      });
    const withFallback = run(lone(true), { durationMs: 600_000, warmupMs: 0 });
    expect(node(withFallback, 'dep-a').rateLimited).toBeGreaterThanOrEqual(5);
    expect(node(withFallback, 'router').retries).toBe(0);
    // Without a fallback the request ends as an Error, still without a retry.
    const without = run(lone(false), { durationMs: 600_000, warmupMs: 0 });
    expect(node(without, 'dep-a').rateLimited).toBeGreaterThanOrEqual(5);
    expect(node(without, 'router').retries).toBe(0);
  });

  it('least-busy counts calls in flight on a route (LiteLLM: +1 before the call, −1 at its outcome), not the whole request after it', () => {
    // Route a's call is fast (100 ms) but its requests then spend 5 s in post-processing; b's call takes 300 ms.
    const doc = loadPipelineOrThrow({
      version: 1,
      pipeline: { name: 'least-busy calls' },
      traffic: { rps: 10 },
      nodes: [
        { id: 'src', kind: 'source' },
        { id: 'router', kind: 'router', params: { strategy: 'least-busy', routes: [{ name: 'a' }, { name: 'b' }] } },
        { id: 'dep-a', kind: 'service', params: service(100, 0) },
        { id: 'dep-b', kind: 'service', params: service(300, 0) },
        { id: 'post', kind: 'service', params: service(5000, 0) },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'src', port: 'out', to: 'router' },
        { from: 'router', port: 'a', to: 'dep-a' },
        { from: 'router', port: 'b', to: 'dep-b' },
        { from: 'dep-a', port: 'ok', to: 'post' },
        { from: 'post', port: 'ok', to: 'done' },
        { from: 'dep-b', port: 'ok', to: 'done' },
      ],
    });
    const r = run(doc, { durationMs: 600_000, warmupMs: 0 });
    const routed = (node(r, 'router').report as { routed: { a: number; b: number } }).routed;
    // Counting whole requests would starve a (5.1 s each); counting calls favours its shorter call.
    expect(routed.a).toBeGreaterThan(routed.b);
  });

  it('the LiteLLM gateway example: through a 10-minute outage of one deployment the router retries on the other at once (almost always), it cools down again and again, and users see no errors', () => {
    const r = run(example('litellm-gateway'));
    const router = node(r, 'chat').report as Record<string, number>;
    expect(router.retries).toBeGreaterThan(100);
    // Immediate while the other deployment is healthy; a retry waits only in the rare moment both are cooling down.
    expect(router.retriesWithoutWait).toBeGreaterThan(0.98 * router.retries!);
    expect((node(r, 'cool-azure').report as Record<string, number>).timesOpened).toBeGreaterThan(50);
    expect(r.outcomes.failed).toBe(0);
  });

  it('is refused when a retried route does not lead to a call node', () => {
    const res = loadPipeline({
      version: 1,
      pipeline: { name: 'bad' },
      nodes: [
        { id: 'src', kind: 'source' },
        { id: 'router', kind: 'router', params: { routes: [{ name: 'a' }, { name: 'b' }], retry: { numRetries: 2 } } },
        { id: 'x', kind: 'service' },
        { id: 'done', kind: 'response' },
      ],
      edges: [
        { from: 'src', port: 'out', to: 'router' },
        { from: 'router', port: 'a', to: 'x' },
        { from: 'router', port: 'b', to: 'done' },
        { from: 'x', port: 'ok', to: 'done' },
      ],
    });
    expect(res.ok).toBe(false);
    const messages = res.ok ? [] : res.problems.map((p) => p.message);
    expect(messages).toEqual([expect.stringMatching(/^\$\.nodes\[1\]\.params\.retry\.numRetries: router 'router' retries failed calls, but its route 'b' leads to 'done' \(Response\)/)]);
  });
});
