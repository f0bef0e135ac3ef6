import type { Problem } from '../nodes/kind';
import { compileDistribution, type DistributionSpec } from '../random/distributions';
import { formatDurationMs } from '../units/duration';
import type { PipelineDocument } from './document-schema';

/**
 * Valid settings that are almost always a slip: a reranker asked to keep more chunks than are
 * retrieved, a timeout shorter than the call it guards (milliseconds taken for seconds), a fault
 * window that starts after the run has ended. Warnings, not errors: the file still runs as written.
 */
export function likelyMistakes(doc: PipelineDocument): Problem[] {
  const out: Problem[] = [];
  const warn = (path: string, message: string, nodeId?: string) => out.push({ severity: 'warning', path, message: `${path}: ${message}`, ...(nodeId ? { nodeId } : {}) });

  const retrieved = doc.nodes.filter((n) => n.kind === 'retrieval').map((n) => (n.params as { topK: number }).topK);
  doc.nodes.forEach((n, i) => {
    const p = n.params as Record<string, unknown>;
    if (n.kind === 'reranker' && retrieved.length > 0 && (p.topN as number) >= Math.max(...retrieved)) {
      warn(`$.nodes[${i}].params.topN`, `reranker '${n.id}' keeps topN ${p.topN as number} of at most ${Math.max(...retrieved)} retrieved chunks (topK): it keeps them all and cuts no context tokens`, n.id);
    }
    const timeoutMs = p.timeoutMs as number | null | undefined;
    const typical = typicalCallMs(n.kind, p);
    if (typeof timeoutMs === 'number' && typical !== null && timeoutMs < typical) {
      warn(`$.nodes[${i}].params.timeoutMs`, `timeout ${formatDurationMs(timeoutMs)} is shorter than '${n.id}''s median call time (${formatDurationMs(typical)}): most calls will time out (timeouts are in milliseconds)`, n.id);
    }
  });

  // With a duration horizon the run's end is known: a fault after it never happens.
  if (doc.run.requests === null) {
    const endMs = doc.run.warmupMs + doc.run.durationMs;
    doc.faults.forEach((f, i) => {
      if (f.startMs >= endMs) warn(`$.faults[${i}].startMs`, `the ${f.type} on '${f.target}' starts at ${formatDurationMs(f.startMs)}, after the run ends at ${formatDurationMs(endMs)} (warm-up ${formatDurationMs(doc.run.warmupMs)} + duration ${formatDurationMs(doc.run.durationMs)}; fault times count from the start of the warm-up): it never happens`);
    });
  }
  return out;
}

/** The median time of one call of a node kind, from its latency parameters (null when it has none). */
function typicalCallMs(kind: string, p: Record<string, unknown>): number | null {
  const median = (key: string) => (p[key] && typeof p[key] === 'object' ? compileDistribution(p[key] as DistributionSpec).quantile(0.5) : 0);
  if (kind === 'llm') return median('ttftMs');
  return p.latencyMs && typeof p.latencyMs === 'object' ? median('latencyMs') : null;
}
