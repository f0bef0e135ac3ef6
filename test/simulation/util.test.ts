import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../simulation/util/sha256';

describe('sha256Hex', () => {
  it('matches Node crypto on ASCII, multi-byte text and long input', () => {
    for (const text of ['', 'abc', 'héllo wörld ✓ 😀', 'x'.repeat(100_000)]) expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
  });
});
