import { ERROR_NAMES } from '../engine/errors';
import type { Simulation } from '../engine/simulation';
import type { TraceResult } from './types';

/** Sampled traces with node ids, kinds and models named; times relative to the request's arrival. */
export function buildTraces(sim: Simulation): TraceResult[] {
  const nodes = sim.doc.nodes;
  return sim.traces.all().map((t) => ({
    requestId: t.requestId,
    reason: t.reason,
    amongSlowest: t.amongSlowest,
    class: sim.traffic.classes[t.classIndex]!.name,
    arrivalMs: t.arrivalMs,
    latencyMs: t.endMs - t.arrivalMs,
    ttftMs: t.outcome === 'served' ? (t.firstTokenMs >= 0 ? t.firstTokenMs : t.endMs) - t.arrivalMs : null,
    outcome: t.outcome,
    errorType: t.outcome === 'error' && t.errorCode ? ERROR_NAMES[t.errorCode]! : null,
    costUsd: t.costUsd,
    inputTokens: t.inputTokens,
    cachedInputTokens: t.cachedInputTokens,
    outputTokens: t.outputTokens,
    spans: t.spans.map((s) => {
      const node = nodes[s.nodeIndex]!;
      return {
        nodeId: node.id,
        kind: node.kind,
        name: node.name || node.id,
        model: (node.params as { model?: string }).model ?? null,
        attempt: s.attempt,
        startMs: s.startMs - t.arrivalMs,
        durationMs: s.endMs - s.startMs,
        status: s.status,
        inputTokens: s.inputTokens,
        cachedInputTokens: s.cachedInputTokens,
        outputTokens: s.outputTokens,
        costUsd: s.costUsd,
        finishReason: s.finishReason,
        note: s.note,
      };
    }),
  }));
}
