import type { FaultDoc, PipelineDocument } from '../model/document-schema';

/** The combined effect of the faults active on a node at one moment. */
export interface ActiveFault {
  /** Every call fails (outage). */
  outage: boolean;
  /** Failing calls hang until their timeout instead of failing fast. */
  hang: boolean;
  status: number;
  errorLatencyMs: number;
  /** Extra chance that a call fails (error spike), combined with the node's own. */
  errorProbability: number;
  latencyMultiplier: number;
  tokenMultiplier: number;
}

interface Window {
  startMs: number;
  endMs: number;
  fault: FaultDoc;
}

/** A fault window as it actually ran (mitigation may end it early). */
export interface FaultWindowResult {
  /** The fault's id in the document. */
  id: string;
  /** The fault's type, as in the document's `faults[].type`. */
  type: FaultDoc['type'];
  /** The node or quota it hits. */
  target: string;
  /** Simulated start (the warm-up included in the clock). */
  startMs: number;
  /** Simulated end: start + duration, or earlier when mitigated. */
  endMs: number;
  /** Ended early by detection + mitigation (operations settings). */
  mitigated: boolean;
}

/**
 * Fault windows per node and per quota (SEMANTICS §10). A mitigable fault lasts at most the team's
 * detection + mitigation time (the `operations` settings); otherwise its full duration.
 */
export class FaultSchedule {
  private readonly byNode: Window[][];
  private readonly byQuota: Window[][];
  readonly windows: FaultWindowResult[] = [];
  private readonly scratch: ActiveFault = { outage: false, hang: false, status: 503, errorLatencyMs: 0, errorProbability: 0, latencyMultiplier: 1, tokenMultiplier: 1 };

  constructor(doc: PipelineDocument) {
    const nodeIndex = new Map(doc.nodes.map((n, i) => [n.id, i]));
    const quotaIndex = new Map(doc.quotas.map((q, i) => [q.id, i]));
    this.byNode = doc.nodes.map(() => []);
    this.byQuota = doc.quotas.map(() => []);
    const ops = doc.operations;
    const cap = ops.detectionMinutes === null ? Infinity : (ops.detectionMinutes + ops.mitigationMinutes) * 60_000;
    doc.faults.forEach((fault, i) => {
      const length = fault.mitigable ? Math.min(fault.durationMs, cap) : fault.durationMs;
      const window: Window = { startMs: fault.startMs, endMs: fault.startMs + length, fault };
      this.windows.push({ id: fault.id || `fault-${i + 1}`, type: fault.type, target: fault.target, startMs: window.startMs, endMs: window.endMs, mitigated: length < fault.durationMs });
      if (fault.type === 'limit-cut') {
        const q = quotaIndex.get(fault.target);
        if (q !== undefined) this.byQuota[q]!.push(window);
      } else {
        const n = nodeIndex.get(fault.target);
        if (n !== undefined) this.byNode[n]!.push(window);
      }
    });
  }

  hasQuotaFaults(quota: number): boolean {
    return this.byQuota[quota]!.length > 0;
  }

  hasNodeFaults(node: number): boolean {
    return this.byNode[node]!.length > 0;
  }

  /** Faults active on `node` at `now`, or null. The returned object is reused: read it at once. */
  nodeState(node: number, now: number): ActiveFault | null {
    const windows = this.byNode[node]!;
    if (windows.length === 0) return null;
    const s = this.scratch;
    s.outage = false;
    s.hang = false;
    s.status = 503;
    s.errorLatencyMs = 0;
    s.errorProbability = 0;
    s.latencyMultiplier = 1;
    s.tokenMultiplier = 1;
    let any = false;
    for (const w of windows) {
      if (now < w.startMs || now >= w.endMs) continue;
      any = true;
      const f = w.fault;
      switch (f.type) {
        case 'outage':
          s.outage = true;
          s.hang = s.hang || f.failureMode === 'hang';
          s.status = f.status;
          s.errorLatencyMs = f.errorLatencyMs;
          break;
        case 'error-spike':
          s.errorProbability = 1 - (1 - s.errorProbability) * (1 - f.errorProbability);
          s.status = f.status;
          s.errorLatencyMs = f.errorLatencyMs;
          break;
        case 'latency':
          s.latencyMultiplier *= f.latencyMultiplier;
          break;
        case 'prompt-growth':
          s.tokenMultiplier *= f.tokenMultiplier;
          break;
      }
    }
    return any ? s : null;
  }

  /** Share of a quota's limits available at `now` (limit cuts multiply). */
  quotaFactor(quota: number, now: number): number {
    let factor = 1;
    for (const w of this.byQuota[quota]!) if (now >= w.startMs && now < w.endMs) factor *= w.fault.limitFactor;
    return factor;
  }
}

/** Checks fault targets against the graph (used by validation). */
export function faultTargetProblem(fault: FaultDoc, doc: PipelineDocument, callNodeIds: Set<string>): string | null {
  if (fault.type === 'limit-cut') {
    return doc.quotas.some((q) => q.id === fault.target) ? null : `limit-cut needs a quota id; '${fault.target}' is not a quota (quotas: ${doc.quotas.map((q) => q.id).join(', ') || 'none'})`;
  }
  if (!doc.nodes.some((n) => n.id === fault.target)) return `no node '${fault.target}'`;
  if (!callNodeIds.has(fault.target)) return `${fault.type} applies to call nodes (LLM, embedding, retrieval, reranker, service); '${fault.target}' is not one`;
  if (fault.type === 'prompt-growth' && !doc.nodes.some((n) => n.id === fault.target && (n.kind === 'llm' || n.kind === 'embedding'))) {
    return `prompt-growth applies to LLM and embedding nodes; '${fault.target}' is neither`;
  }
  return null;
}
