import { Catalog } from '../catalog/catalog';
import type { Problem } from '../nodes/kind';
import { nodeKind } from '../nodes/registry';
import type { PipelineDocument } from './document-schema';
import { reachableFrom } from './graph';
import { checkWiring, kindTitle } from './validate-wiring';
import { breakerTargetProblem } from '../nodes/circuit-breaker/circuit-breaker';
import { faultTargetProblem } from '../engine/faults';

/**
 * Checks the wiring and references of a schema-valid document (SEMANTICS §1). Every message names
 * the node, the port or field, and the fix.
 */
export function validateGraph(doc: PipelineDocument, catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  const err = (path: string, message: string, nodeId?: string) => problems.push({ severity: 'error', path, message: `${path}: ${message}`, ...(nodeId ? { nodeId } : {}) });
  const warn = (path: string, message: string, nodeId?: string) => problems.push({ severity: 'warning', path, message: `${path}: ${message}`, ...(nodeId ? { nodeId } : {}) });

  const wiring = checkWiring(doc.nodes, doc.edges);
  problems.push(...wiring.problems);
  const { indexById } = wiring;
  const validEdges = wiring.validEdges as PipelineDocument['edges'];
  const quotaIndex = new Map<string, number>();
  doc.quotas.forEach((q, i) => {
    if (quotaIndex.has(q.id)) err(`$.quotas[${i}].id`, `duplicate quota id '${q.id}'`);
    quotaIndex.set(q.id, i);
  });

  // Sources and their shares.
  const sources = doc.nodes.filter((n) => n.kind === 'source');
  if (sources.length === 0) err('$.nodes', 'no traffic source; add a node of kind "source" where requests enter');
  // Sources without a stream of their own split the pipeline traffic: their shares sum to 1.
  const sharing = sources.filter((n) => n.kind === 'source' && n.params.rps === null);
  const shareTotal = sharing.reduce((s, n) => s + (n.kind === 'source' ? n.params.share : 0), 0);
  if (sharing.length > 0 && Math.abs(shareTotal - 1) > 1e-6) {
    err(`$.nodes[${indexById.get(sharing[0]!.id)}].params.share`, `the shares of the traffic sources without their own rate must sum to 1; they sum to ${Number(shareTotal.toFixed(6))} (${sharing.map((s) => `${s.id}: ${s.kind === 'source' ? s.params.share : ''}`).join(', ')})`, sharing[0]!.id);
  }

  // Reachability. A node nothing sends requests to is reported; the nodes behind it are unreachable
  // for the same reason and are not listed again (nor are nodes behind a broken edge).
  const hasInput = new Set(doc.edges.map((e) => e.to));
  doc.nodes.forEach((n, i) => {
    if (n.kind !== 'source' && !hasInput.has(n.id)) err(`$.nodes[${i}]`, `node '${n.id}' (${kindTitle(n.kind)}) is unreachable: nothing sends requests to it; connect it or delete it`, n.id);
  });
  const reachable = reachableFrom(sources.map((s) => s.id), validEdges);
  if (problems.length === 0 && sources.length > 0 && !doc.nodes.some((n) => n.kind === 'response' && reachable.has(n.id))) {
    err('$.nodes', 'no Response terminal is reachable: no request could ever be served; end the success path in a node of kind "response"');
  }

  // Per-kind checks and quota references.
  doc.nodes.forEach((n, i) => {
    const kind = nodeKind(n.kind);
    if (!kind) return;
    const path = `$.nodes[${i}]`;
    for (const p of kind.validate?.({ nodeId: n.id, path, params: n.params as never, catalog, quotaIds: new Set(quotaIndex.keys()), classNames: doc.traffic.classes.map((c) => c.name), nodes: doc.nodes }) ?? []) problems.push({ ...p, message: p.message.startsWith('$') ? p.message : `${p.path}: ${p.message}` });
    for (const ref of kind.quotaRefs?.(n.params as never) ?? []) {
      if (!quotaIndex.has(ref)) {
        const known = doc.quotas.map((q) => q.id);
        err(`${path}.params.quota`, `no quota '${ref}'; ${known.length ? `quotas are: ${known.join(', ')}` : 'the pipeline defines none'} (define it under $.quotas)`, n.id);
      }
    }
  });

  // Breakers protect call nodes.
  doc.nodes.forEach((n, i) => {
    if (n.kind !== 'circuit_breaker') return;
    const edge = validEdges.find((e) => e.from === n.id && e.port === 'pass');
    const target = edge ? doc.nodes[indexById.get(edge.to)!] : undefined;
    const problem = breakerTargetProblem(target?.kind);
    if (problem) err(`$.nodes[${i}]`, `node '${n.id}' (Circuit breaker): ${problem}`, n.id);
  });

  routerRetryProblems(doc, validEdges, indexById, err, warn);

  // Faults and cache events point at real targets.
  const callNodes = new Set(doc.nodes.filter((n) => nodeKind(n.kind)?.callNode).map((n) => n.id));
  doc.faults.forEach((f, i) => {
    const problem = faultTargetProblem(f, doc, callNodes);
    if (problem) err(`$.faults[${i}].target`, problem);
  });
  const caches = new Set(doc.nodes.filter((n) => n.kind === 'exact_cache' || n.kind === 'semantic_cache').map((n) => n.id));
  doc.events.forEach((e, i) => {
    e.caches?.forEach((id, k) => {
      if (!caches.has(id)) err(`$.events[${i}].caches[${k}]`, `no cache node '${id}'; caches are: ${[...caches].join(', ') || 'none'}`);
    });
  });

  // Work that users wait for should not go through the batch lane, and deadline-based gates need a deadline.
  const realtimeSources = doc.nodes.filter((n) => n.kind === 'source' && n.params.realtime).map((n) => n.id);
  const realtimeReach = reachableFrom(realtimeSources, validEdges);
  doc.nodes.forEach((n, i) => {
    if (n.kind === 'batch' && realtimeReach.has(n.id)) warn(`$.nodes[${i}]`, `batch node '${n.id}' is reachable from real-time traffic: those users would wait for a batch (minutes to hours); mark batch sources real-time: false`, n.id);
    if (n.kind === 'budget_gate' && n.params.minRemainingMs !== null && doc.traffic.deadlineMs === null) warn(`$.nodes[${i}].params.minRemainingMs`, `budget gate '${n.id}' checks the remaining budget but the traffic has no deadline ($.traffic.deadlineMs)`, n.id);
  });

  // Unused quotas are allowed but worth a word.
  const used = new Set(doc.nodes.flatMap((n) => nodeKind(n.kind)?.quotaRefs?.(n.params as never) ?? []));
  doc.quotas.forEach((q, i) => {
    if (!used.has(q.id)) warn(`$.quotas[${i}]`, `quota '${q.id}' is not used by any node`);
  });
  return problems;
}

/**
 * Router retries re-send the call a route leads to, so every route must lead to a call node, directly
 * or through a circuit breaker; skipping routes in cooldown needs breakers to ask.
 */
function routerRetryProblems(doc: PipelineDocument, edges: PipelineDocument['edges'], indexById: Map<string, number>, err: Report, warn: Report): void {
  const targetOf = (from: string, port: string) => {
    const edge = edges.find((e) => e.from === from && e.port === port);
    return edge ? doc.nodes[indexById.get(edge.to)!] : undefined;
  };
  doc.nodes.forEach((n, i) => {
    if (n.kind !== 'router') return;
    const firsts = n.params.routes.map((r) => ({ route: r.name, node: targetOf(n.id, r.name) }));
    if (n.params.retry.numRetries > 0) {
      for (const { route, node } of firsts) {
        if (!node) continue;
        const call = node.kind === 'circuit_breaker' ? targetOf(node.id, 'pass') : node;
        if (call && nodeKind(call.kind)?.callNode) continue;
        err(`$.nodes[${i}].params.retry.numRetries`, `router '${n.id}' retries failed calls, but its route '${route}' leads to '${node.id}' (${kindTitle(node.kind)}); a retried route must lead to a call node (LLM, embedding, retrieval, reranker, service), directly or through a circuit breaker — or set numRetries to 0`, n.id);
      }
    }
    if (n.params.skipOpenBreakers && !firsts.some(({ node }) => node?.kind === 'circuit_breaker')) {
      warn(`$.nodes[${i}].params.skipOpenBreakers`, `router '${n.id}' skips routes in cooldown, but none of its routes starts with a circuit breaker, so every route always counts as healthy`, n.id);
    }
  });
}

type Report = (path: string, message: string, nodeId?: string) => void;

/** The catalog a document runs with: built-ins overridden by the document's own `models`. */
export function catalogFor(doc: Pick<PipelineDocument, 'models'>, base: Catalog): Catalog {
  return doc.models.length ? base.with(doc.models) : base;
}
