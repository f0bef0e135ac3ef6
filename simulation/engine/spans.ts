import type { SimRequest, Span } from './request';

/** Trace spans have a fixed shape; these build the ones the engine adds (node runtimes add their own). */

/** A pass-through node's visit: from entering the node to leaving it by a port. */
export function visitSpan(req: SimRequest, node: number, now: number, finishReason: string, note: string): Span {
  return {
    nodeIndex: node,
    attempt: 0,
    startMs: req.enteredNodeMs,
    endMs: now,
    status: 200,
    inputTokens: 0,
    cachedInputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    finishReason,
    note,
  };
}

/**
 * The call the user's request stopped waiting for (deadline, breaker timeout). It covers the time
 * since the call node's last recorded attempt ended (the attempt in flight, or a queue or backoff
 * wait); status 408 as the client saw it. The call itself goes on as a ghost whose cost counts in
 * the run's totals but not in this trace, which follows the user's request.
 */
export function abandonedCallSpan(req: SimRequest, now: number, note: string): Span {
  const node = req.nodeIndex;
  let startMs = req.callEnteredMs;
  for (const s of req.spans ?? []) if (s.nodeIndex === node && s.endMs > startMs) startMs = s.endMs;
  return {
    nodeIndex: node,
    attempt: req.attempt,
    startMs,
    endMs: now,
    status: 408,
    inputTokens: 0,
    cachedInputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    finishReason: 'abandoned',
    note,
  };
}
