import type { PipelineDocument } from '../model/document-schema';
import { nodeKind, nodeOutputs } from '../nodes/registry';

/** Routers may have up to 16 routes; other kinds have at most four outputs. */
export const MAX_PORTS = 16;

/**
 * The graph compiled for the hot loop: for node i and output port p, `target[i·16 + p]` is the node
 * the edge leads to (−1 when unwired) and `errorPort[i·16 + p]` says whether leaving by it is a
 * fallback step.
 */
export class Wiring {
  readonly target: Int32Array;
  readonly errorPort: Uint8Array;
  readonly portNames: string[][];
  /** Nodes that get one span per visit in traces (call nodes record one per attempt; sources none). */
  readonly visitSpan: boolean[];

  constructor(doc: PipelineDocument) {
    const indexById = new Map(doc.nodes.map((n, i) => [n.id, i]));
    this.portNames = doc.nodes.map((n) => nodeOutputs(n.kind, n.params).map((p) => p.name));
    this.target = new Int32Array(doc.nodes.length * MAX_PORTS).fill(-1);
    this.errorPort = new Uint8Array(doc.nodes.length * MAX_PORTS);
    doc.nodes.forEach((n, i) => {
      nodeOutputs(n.kind, n.params).forEach((port, p) => (this.errorPort[i * MAX_PORTS + p] = port.isError ? 1 : 0));
      for (const e of doc.edges) {
        if (e.from !== n.id) continue;
        this.target[i * MAX_PORTS + this.portNames[i]!.indexOf(e.port)] = indexById.get(e.to)!;
      }
    });
    this.visitSpan = doc.nodes.map((n) => !nodeKind(n.kind)!.callNode && n.kind !== 'source');
  }

  /** Index of a port by name (−1 if the node has none). */
  portIndex(node: number, name: string): number {
    return this.portNames[node]!.indexOf(name);
  }

  targetOf(node: number, port: string): number {
    const p = this.portIndex(node, port);
    return p < 0 ? -1 : this.target[node * MAX_PORTS + p]!;
  }
}
