import { describe, expect, it } from 'vitest';
import { loadPipeline, runPipeline } from '../../../simulation/index';
import { createRunHandler } from '../../../renderer/workers/run-handler';
import type { WorkerOutbound } from '../../../renderer/workers/run-protocol';
import { exampleText } from '../helpers';

function harness() {
  const messages: WorkerOutbound[] = [];
  const handle = createRunHandler({ post: (m) => messages.push(m), yieldControl: () => new Promise((r) => setTimeout(r, 0)), now: () => 0 });
  return { messages, handle };
}

describe('simulation worker handler', () => {
  it('produces exactly the results of runPipeline (the CLI path) for the same document and seed', async () => {
    const text = exampleText('optimized-rag');
    const { messages, handle } = harness();
    await handle({ type: 'run', runId: 1, document: JSON.parse(text), options: { seed: 7, durationMs: 600_000 }, sliceEvents: 5000 });
    const done = messages.find((m) => m.type === 'done');
    expect(done?.type).toBe('done');
    const loaded = loadPipeline(text);
    if (!loaded.ok) throw new Error('example invalid');
    const direct = runPipeline(loaded.doc, loaded.catalog, { seed: 7, durationMs: 600_000 });
    expect(JSON.stringify(done?.type === 'done' && done.results)).toBe(JSON.stringify(direct));
    expect(messages.filter((m) => m.type === 'progress').length).toBeGreaterThan(2);
  });

  it('stops between slices when cancelled', async () => {
    const { messages, handle } = harness();
    const run = handle({ type: 'run', runId: 3, document: JSON.parse(exampleText('optimized-rag')), options: {}, sliceEvents: 2000 });
    await new Promise((r) => setTimeout(r, 5));
    await handle({ type: 'cancel', runId: 3 });
    await run;
    expect(messages.at(-1)).toEqual({ type: 'cancelled', runId: 3 });
  });

  it('reports the problems of an invalid document instead of running', async () => {
    const { messages, handle } = harness();
    await handle({ type: 'run', runId: 2, document: { version: 1, pipeline: { name: 'x' }, nodes: [] }, options: {} });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'failed', runId: 2, problems: [expect.objectContaining({ path: '$.nodes' })] });
  });

  it('rejects a malformed message by naming what is wrong', async () => {
    const { messages, handle } = harness();
    await handle({ type: 'run', runId: 'one', options: { seed: -1 } });
    expect(messages[0]?.type).toBe('rejected');
    expect(messages[0]?.type === 'rejected' && messages[0].message).toMatch(/runId/);
  });
});
