import { describe, expect, it } from 'vitest';
import { faultLanes, faultValues } from '../../../renderer/editor/panels/faults/fault-model';
import { dragWindow, eventMarkers, faultBars, minuteText, mitigationCapMs, snapStepMs, timelineScale, timelineTicks, withWindow } from '../../../renderer/editor/panels/faults/fault-timeline';
import type { EditableDocument } from '../../../renderer/stores/document/editable-document';
import { exampleDocument } from '../helpers';

const MIN = 60_000;

describe('fault lanes', () => {
  it('are the call nodes, then the quotas; prompt growth only on token-billed calls', () => {
    const lanes = faultLanes(exampleDocument('fallback-chain'));
    expect(lanes.map((l) => l.key)).toEqual(['node:gpt4', 'node:gpt35']);
    expect(lanes[0]).toMatchObject({ label: 'GPT-4 (primary)', sub: 'LLM · gpt-4', types: ['outage', 'error-spike', 'latency', 'prompt-growth'] });
    const rag = faultLanes(exampleDocument('naive-rag'));
    expect(rag.find((l) => l.scope === 'quota')).toMatchObject({ key: 'quota:openai', types: ['limit-cut'] });
    expect(rag.find((l) => l.key === 'node:search')?.types).toEqual(['outage', 'error-spike', 'latency']);
  });

  it('keep a fault whose target is gone on a lane of its own, flagged', () => {
    const doc = { ...exampleDocument('fallback-chain'), faults: [{ type: 'outage', target: 'gone', startMs: 0, durationMs: MIN }] } as EditableDocument;
    expect(faultLanes(doc).at(-1)).toMatchObject({ key: 'node:gone', scope: 'missing', types: [] });
  });

  it('read a fault with its defaults, and a broken one as far as it goes', () => {
    expect(faultValues({ type: 'outage', target: 'gpt4', startMs: 5, durationMs: 10 })).toMatchObject({ status: 503, mitigable: true, id: '' });
    expect(faultValues({ type: 'outage', target: 'gpt4', startMs: -5, durationMs: 'x' })).toMatchObject({ startMs: 0, durationMs: MIN });
  });
});

describe('timeline scale', () => {
  it('spans warm-up + duration from the run settings', () => {
    expect(timelineScale(exampleDocument('fallback-chain'))).toEqual({ warmupMs: 5 * MIN, arrivalsEndMs: 65 * MIN, endMs: 65 * MIN, estimated: false });
  });

  it('estimates a request-count horizon at the mean rate and extends to faults placed after it', () => {
    const doc = { ...exampleDocument('fallback-chain'), run: { requests: 3000, warmupMs: 0 }, faults: [{ type: 'outage', target: 'gpt4', startMs: 20 * MIN, durationMs: 20 * MIN }] } as EditableDocument;
    const scale = timelineScale(doc);
    expect(scale.arrivalsEndMs).toBe(10 * MIN); // 3,000 requests at 5 req/s
    expect(scale.estimated).toBe(true);
    expect(scale.endMs).toBe(42 * MIN); // 40 min + 5 %, whole minutes
  });
});

describe('fault bars', () => {
  it('cut a mitigable fault at detection + mitigation (the hatched remainder)', () => {
    const [spike, outage] = faultBars(exampleDocument('maturity/level-4'));
    expect(mitigationCapMs(exampleDocument('maturity/level-4'))).toEqual({ capMs: 15 * MIN, detectionMs: 5 * MIN });
    expect(spike).toMatchObject({ id: 'bad-deploy', type: 'error-spike', laneKey: 'node:primary', durationMs: 240 * MIN, effectiveMs: 15 * MIN, detectedAfterMs: 5 * MIN });
    expect(outage).toMatchObject({ id: 'provider-outage', mitigable: false, durationMs: 45 * MIN, effectiveMs: 45 * MIN, detectedAfterMs: null });
  });

  it('run their full length when nobody watches (level 1: no detection time)', () => {
    const [spike] = faultBars(exampleDocument('maturity/level-1'));
    expect(spike!.effectiveMs).toBe(spike!.durationMs);
    expect(spike!.capMs).toBeNull();
  });

  it('recompute the mitigated part for a drag preview', () => {
    const [spike] = faultBars(exampleDocument('maturity/level-4'));
    expect(withWindow(spike!, 0, 4 * MIN)).toMatchObject({ effectiveMs: 4 * MIN, detectedAfterMs: 5 * MIN > 4 * MIN ? null : 5 * MIN });
    expect(withWindow(spike!, 0, 60 * MIN, 'node:other')).toMatchObject({ effectiveMs: 15 * MIN, laneKey: 'node:other' });
  });

  it('mark every occurrence of a repeating event', () => {
    const doc = { ...exampleDocument('fallback-chain'), events: [{ type: 'kb-update', atMs: 10 * MIN, repeatEveryMs: 20 * MIN }] } as EditableDocument;
    expect(eventMarkers(doc, 65 * MIN)).toEqual([{ index: 0, type: 'kb-update', atMs: [10 * MIN, 30 * MIN, 50 * MIN] }]);
  });
});

describe('dragging and the axis', () => {
  const bar = { startMs: 20 * MIN, durationMs: 10 * MIN };
  it('moves a window by whole steps and never before 0', () => {
    expect(dragWindow(bar, 'move', 2.4 * MIN, MIN)).toEqual({ startMs: 22 * MIN, durationMs: 10 * MIN });
    expect(dragWindow(bar, 'move', -40 * MIN, MIN)).toEqual({ startMs: 0, durationMs: 10 * MIN });
  });

  it('resizes from either edge, keeping the other edge and at least one step', () => {
    expect(dragWindow(bar, 'start', -5 * MIN, MIN)).toEqual({ startMs: 15 * MIN, durationMs: 15 * MIN });
    expect(dragWindow(bar, 'start', 30 * MIN, MIN)).toEqual({ startMs: 29 * MIN, durationMs: MIN });
    expect(dragWindow(bar, 'end', -30 * MIN, MIN)).toEqual({ startMs: 20 * MIN, durationMs: MIN });
    expect(dragWindow(bar, 'end', 90_000, MIN)).toEqual({ startMs: 20 * MIN, durationMs: 12 * MIN });
  });

  it('snaps to about 1/120 of the axis, 1 s when fine', () => {
    expect(snapStepMs(65 * MIN)).toBe(MIN);
    expect(snapStepMs(370 * MIN)).toBe(5 * MIN);
    expect(snapStepMs(65 * MIN, true)).toBe(1000);
  });

  it('labels ticks in minutes, then hours, at least the given gap apart', () => {
    expect(timelineTicks(65 * MIN, 460).map((t) => t.label)).toEqual(['0 min', '10 min', '20 min', '30 min', '40 min', '50 min', '1 h']);
    expect(minuteText(90 * MIN)).toBe('1 h 30');
    expect(minuteText(45_000)).toBe('45 s');
  });
});
