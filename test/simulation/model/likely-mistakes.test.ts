import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../../../simulation/model/load';
import { exampleText } from '../../helpers/pipelines';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const node = (d: Doc, id: string) => d.nodes.find((n: Doc) => n.id === id);

function warningsOf(change: (d: Doc) => void): string[] {
  const d: Doc = JSON.parse(exampleText('optimized-rag'));
  change(d);
  const r = loadPipeline(d);
  expect(r.ok).toBe(true);
  return r.warnings.map((w) => w.message);
}

describe('likely mistakes are warned about, and the file still loads', () => {
  it('the examples have none', () => {
    expect(warningsOf(() => {})).toEqual([]);
  });

  it('a reranker that keeps every retrieved chunk', () => {
    expect(warningsOf((d) => (node(d, 'rerank').params.topN = 50))).toEqual(["$.nodes[3].params.topN: reranker 'rerank' keeps topN 50 of at most 20 retrieved chunks (topK): it keeps them all and cuts no context tokens"]);
  });

  it('a timeout shorter than the median call (seconds typed as milliseconds)', () => {
    expect(warningsOf((d) => (node(d, 'llm').params.timeoutMs = 30))).toEqual(["$.nodes[4].params.timeoutMs: timeout 30 ms is shorter than 'llm''s median call time (450 ms): most calls will time out (timeouts are in milliseconds)"]);
  });

  it('a fault that starts after a duration-bounded run ends', () => {
    const messages = warningsOf((d) => {
      d.run = { durationMs: 3_600_000, warmupMs: 300_000 };
      d.faults = [{ type: 'outage', target: 'llm', startMs: 4_000_000, durationMs: 600_000 }];
    });
    expect(messages).toEqual(["$.faults[0].startMs: the outage on 'llm' starts at 1.11 h, after the run ends at 1.08 h (warm-up 5 min + duration 1 h; fault times count from the start of the warm-up): it never happens"]);
    // With a request-count horizon the end is not known before the run: no warning.
    expect(warningsOf((d) => ((d.run = { requests: 1000 }), (d.faults = [{ type: 'outage', target: 'llm', startMs: 9e9, durationMs: 1 }])))).toEqual([]);
  });
});
