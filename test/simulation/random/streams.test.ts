import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { RandomStream, streamKey } from '../../../simulation/random/streams';

describe('RandomStream', () => {
  it('draws exactly what seedrandom.xor4096 draws for the same key (results stay reproducible)', () => {
    const keys = [streamKey(1, 'llm', 'ttft'), streamKey(42, '$traffic', 'arrivals'), '', 'x'.repeat(300)];
    for (const key of keys) {
      const ours = new RandomStream(key);
      const reference = seedrandom.xor4096(key);
      for (let n = 0; n < 5000; n++) expect(ours.uniform()).toBe(reference());
    }
  });
});
