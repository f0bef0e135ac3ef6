import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../simulation/catalog/catalog';
import { loadPipelineOrThrow } from '../../simulation/model/load';
import { runPipeline } from '../../simulation/run';
import { exampleText } from '../helpers/pipelines';

const opts = { durationMs: 600_000, warmupMs: 60_000 };

function runText(text: string, seed: number) {
  return JSON.stringify(runPipeline(loadPipelineOrThrow(text), builtinCatalog(), { ...opts, seed }));
}

describe('determinism', () => {
  const text = exampleText('optimized-rag');

  it('the same file and seed give byte-identical JSON', () => {
    expect(runText(text, 42)).toBe(runText(text, 42));
  });

  it('another seed gives different results', () => {
    expect(runText(text, 43)).not.toBe(runText(text, 42));
  });

  it("changing one node leaves every other node's draws untouched (streams keyed by node and purpose)", () => {
    const base = JSON.parse(text);
    const changed = JSON.parse(text);
    const llm = changed.nodes.find((n: { id: string }) => n.id === 'llm');
    llm.params.maxTokens = 300;
    llm.params.ttftMs = { type: 'lognormal', median: 900, p99: 3000 };
    const a = runPipeline(loadPipelineOrThrow(base), builtinCatalog(), { ...opts, seed: 5 });
    const b = runPipeline(loadPipelineOrThrow(changed), builtinCatalog(), { ...opts, seed: 5 });
    expect(b.run.requestsArrived).toBe(a.run.requestsArrived);
    for (const id of ['embed', 'search', 'rerank']) {
      const na = a.nodes.find((n) => n.id === id)!;
      const nb = b.nodes.find((n) => n.id === id)!;
      expect(nb.latency).toEqual(na.latency);
      expect(nb.costUsd).toBe(na.costUsd);
    }
    expect(b.nodes.find((n) => n.id === 'llm')!.latency).not.toEqual(a.nodes.find((n) => n.id === 'llm')!.latency);
  });
});
