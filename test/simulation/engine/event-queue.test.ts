import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../simulation/engine/event-queue';
import { RandomStream } from '../../../simulation/random/streams';

describe('EventQueue', () => {
  it('pops in time order', () => {
    const q = new EventQueue<string>(2);
    const rng = new RandomStream('q');
    const times = Array.from({ length: 5000 }, () => rng.uniform() * 1000);
    times.forEach((t, i) => q.push(t, i, 0, null, 0));
    const out: number[] = [];
    while (q.pop()) out.push(q.time);
    expect(out).toEqual([...times].sort((a, b) => a - b));
  });

  it('breaks ties first-in first-out (numeric sequence, not ids)', () => {
    const q = new EventQueue<string>(4);
    for (let i = 0; i < 20; i++) q.push(5, i, 0, `event-${i}`, 0);
    q.push(1, 99, 0, 'early', 0);
    const order: string[] = [];
    while (q.pop()) order.push(q.payload!);
    expect(order).toEqual(['early', ...Array.from({ length: 20 }, (_, i) => `event-${i}`)]);
  });

  it('carries target, type and aux with each event', () => {
    const q = new EventQueue<string>();
    q.push(2, 7, 3, 'r', 42.5);
    expect(q.pop()).toBe(true);
    expect([q.time, q.target, q.type, q.payload, q.aux]).toEqual([2, 7, 3, 'r', 42.5]);
    expect(q.pop()).toBe(false);
  });
});
