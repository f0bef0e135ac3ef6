import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../../../simulation/model/load';
import { exampleText } from '../../helpers/pipelines';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const base: Doc = JSON.parse(exampleText('optimized-rag'));
const node = (d: Doc, id: string) => d.nodes.find((n: Doc) => n.id === id);

/** [what is wrong, how to break the optimized-RAG example, a message that must be among the errors]. */
const CASES: Array<[string, (d: Doc) => unknown, string]> = [
  ['not JSON', () => '{"version": 1,, }', '$: not valid JSON at line 1, column 15'],
  ['not an object', () => [], '$: expected a pipeline object, got an array'],
  ['no version', (d) => (delete d.version, d), '$.version: missing, expected 1 (the file format version)'],
  ['a newer format', (d) => ((d.version = 9), d), '$.version: got 9, this build of Preflight reads format versions up to 1; the file was written by a newer Preflight'],
  ['negative top_k', (d) => ((node(d, 'search').params.topK = -1), d), '$.nodes[2].params.topK: got -1, expected a number ≥ 1'],
  ['fractional top_k', (d) => ((node(d, 'search').params.topK = 2.5), d), '$.nodes[2].params.topK: got 2.5, expected an integer'],
  ['unknown node kind', (d) => ((node(d, 'search').kind = 'vectorstore'), d), '$.nodes[2].kind: got "vectorstore", expected one of "source", "embedding", "retrieval", "reranker", "llm", "batch", "exact_cache"'],
  ['misspelt parameter', (d) => ((node(d, 'search').params.topk = 5), d), "$.nodes[2].params: unknown field 'topk'; allowed fields: index, topK, chunkTokens, latencyMs, costPerQueryUsd, quota, errorProbability, timeoutMs, retry"],
  ['unknown top-level field', (d) => ((d.extra = 1), d), "$: unknown field 'extra'; allowed fields: $schema, version, pipeline, traffic, quotas, nodes, edges, fixedCosts, models, slo, run"],
  ['unknown distribution', (d) => ((node(d, 'search').params.latencyMs = { type: 'gaussian', mean: 3 }), d), '$.nodes[2].params.latencyMs.type: got "gaussian", expected one of "constant", "exponential", "uniform", "uniformInt", "lognormal", "empirical", "pareto"'],
  ['lognormal over-specified', (d) => ((node(d, 'search').params.latencyMs = { type: 'lognormal', median: 3, sigma: 1, p99: 9 }), d), '$.nodes[2].params.latencyMs: give exactly one of sigma or p99'],
  ['lognormal p99 under its median', (d) => ((d.traffic.classes[0].outputTokens = { type: 'lognormal', median: 120, p99: 100 }), d), '$.traffic.classes[0].outputTokens.p99: p99 (100) must be ≥ median (120)'],
  ['uniform range upside down', (d) => ((node(d, 'search').params.chunkTokens = { type: 'uniformInt', min: 300, max: 200 }), d), '$.nodes[2].params.chunkTokens.max: max (200) must be ≥ min (300)'],
  ['class shares', (d) => ((d.traffic.classes[0].share = 0.5), d), '$.traffic.classes: class shares must sum to 1; they sum to 0.8'],
  ['23 hourly multipliers', (d) => ((d.traffic.hourlyMultipliers = d.traffic.hourlyMultipliers.slice(1)), d), '$.traffic.hourlyMultipliers: got 23 items, expected exactly 24'],
  ['rps as text', (d) => ((d.traffic.rps = 'fast'), d), '$.traffic.rps: got "fast", expected a number'],
  ['edge to a missing node', (d) => ((d.edges[0].to = 'embedd'), d), "$.edges[0].to: no node 'embedd'; nodes are: users, embed, search, rerank, llm, answer, failed"],
  ['edge from a missing port', (d) => ((d.edges[1].port = 'success'), d), "$.edges[1].port: node 'embed' (Embedding) has no output 'success'; its outputs are ok, error"],
  ['output wired twice', (d) => (d.edges.push({ from: 'llm', port: 'ok', to: 'failed' }), d), "$.edges[9]: output 'ok' of 'llm' is wired twice (also $.edges[4]); an output connects to one node — split traffic with a router"],
  ['call whose ok leads nowhere', (d) => ((d.edges = d.edges.filter((e: Doc) => !(e.from === 'search' && e.port === 'ok'))), d), "$.nodes[2]: node 'search' (Vector retrieval): output 'ok' leads nowhere; connect it to the next step"],
  ['cycle', (d) => ((d.edges = d.edges.filter((e: Doc) => !(e.from === 'llm' && e.port === 'error'))), d.edges.push({ from: 'llm', port: 'error', to: 'embed' }), d), "$.edges: the edges form a cycle embed → search → rerank → llm → embed; a request could loop forever. Use a node's retries or a fallback chain instead"],
  ['unknown model', (d) => ((node(d, 'llm').params.model = 'llama-99-colossal'), d), "$.nodes[4].params.model: model 'llama-99-colossal' is not in the price catalog; chat models available: gpt-5.5,"],
  ['misspelt model', (d) => ((node(d, 'llm').params.model = 'gpt-5.4-mimi'), d), "$.nodes[4].params.model: model 'gpt-5.4-mimi' is not in the price catalog (did you mean 'gpt-5.4-mini'?); chat models available: gpt-5.5, gpt-5.4-mini,"],
  ['model of the wrong mode', (d) => ((node(d, 'llm').params.model = 'text-embedding-3-small'), d), "$.nodes[4].params.model: model 'text-embedding-3-small' is an embedding model; this node needs a chat model"],
  ['unknown quota', (d) => ((node(d, 'llm').params.quota = 'anthropic'), d), "$.nodes[4].params.quota: no quota 'anthropic'; quotas are: openai (define it under $.quotas)"],
  ['quota without a limit', (d) => (d.quotas.push({ id: 'q2' }), d), '$.quotas[1]: a quota needs at least one limit: rpm, tpm, itpm, otpm or maxParallelRequests'],
  ['tpm with Anthropic admission', (d) => ((d.quotas[0].admission = 'anthropic'), d), '$.quotas[0].tpm: anthropic admission counts itpm and otpm separately; use those instead of tpm'],
  ['duplicate node id', (d) => ((d.nodes[3].id = 'embed'), d), "$.nodes[3].id: duplicate id 'embed' (also at $.nodes[1]); node ids must be unique"],
  ['id with a space', (d) => ((d.nodes[3].id = '3rd node'), d), '$.nodes[3].id: got "3rd node", expected an id: a letter, then letters, digits, "_", "." or "-" (at most 64 characters)'],
  ['no nodes at all', (d) => ((d.nodes = []), (d.edges = []), d), '$.nodes: got 0 nodes, expected at least 1: a pipeline starts with a traffic source, its steps (embedding, retrieval, an LLM …) and a Response terminal'],
  ['no traffic source', (d) => ((d.nodes = d.nodes.filter((n: Doc) => n.kind !== 'source')), (d.edges = d.edges.filter((e: Doc) => e.from !== 'users')), d), '$.nodes: no traffic source; add a node of kind "source" where requests enter'],
  ['orphan node', (d) => (d.nodes.push({ id: 'orphan', kind: 'service' }), d), "$.nodes[7]: node 'orphan' (Service) is unreachable: nothing sends requests to it; connect it or delete it"],
  ['edge out of a terminal', (d) => (d.edges.push({ from: 'answer', port: 'ok', to: 'failed' }), d), "$.edges[9].port: node 'answer' is a Response terminal and has no outputs"],
  ['edge into the source', (d) => (d.edges.push({ from: 'llm', port: 'error', to: 'users' }), (d.edges = d.edges.filter((e: Doc) => !(e.from === 'llm' && e.port === 'error' && e.to === 'failed'))), d), "$.edges[8].to: node 'users' (Traffic source) has no input; requests cannot be sent to it"],
  ['prompt larger than the context window', (d) => ((node(d, 'llm').params.model = 'gpt-4'), (node(d, 'llm').params.systemPromptTokens = 8000), d), "$.nodes[4].params.maxTokens: system prompt (8000) + max_tokens (1024) exceed gpt-4's context window of 8192 tokens"],
];

describe('malformed pipeline files', () => {
  it.each(CASES)('%s', (_, breakIt, expected) => {
    const broken = breakIt(JSON.parse(JSON.stringify(base)));
    const result = loadPipeline(typeof broken === 'string' ? broken : JSON.stringify(broken));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map((p) => p.message);
    expect(messages.some((m) => m.startsWith(expected)), `got:\n${messages.join('\n')}`).toBe(true);
  });

  it('lists wiring errors with the schema errors, not only once those are fixed', () => {
    const d = JSON.parse(JSON.stringify(base)) as Doc;
    node(d, 'search').params.topK = -3;
    d.edges[0].to = 'embedd';
    d.edges = d.edges.filter((e: Doc) => !(e.from === 'rerank' && e.port === 'ok'));
    const result = loadPipeline(JSON.stringify(d));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message)).toEqual([
      '$.nodes[2].params.topK: got -3, expected a number ≥ 1',
      "$.edges[0].to: no node 'embedd'; nodes are: users, embed, search, rerank, llm, answer, failed",
      // The broken edge wires nothing, as validateGraph counts it once the schema passes.
      "$.nodes[0]: node 'users' (Traffic source): output 'out' leads nowhere; connect it to the next step",
      "$.nodes[3]: node 'rerank' (Reranker): output 'ok' leads nowhere; connect it to the next step",
    ]);
  });

  it('leaves the ports of a node whose own fields were refused unchecked (a router\'s routes)', () => {
    const d = JSON.parse(JSON.stringify(base)) as Doc;
    d.nodes.push({ id: 'split', kind: 'router', params: { strategy: 'nonsense', routes: [{ name: 'a' }] } });
    d.edges.push({ from: 'split', port: 'a', to: 'answer' });
    const result = loadPipeline(JSON.stringify(d));
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.filter((p) => p.path.startsWith('$.edges'))).toEqual([]);
  });

  it('the examples themselves load without errors or warnings', () => {
    for (const name of ['naive-rag', 'optimized-rag', 'ai-request-trace']) {
      const result = loadPipeline(exampleText(name));
      expect(result.ok ? result.warnings : result.problems).toEqual([]);
    }
  });
});
