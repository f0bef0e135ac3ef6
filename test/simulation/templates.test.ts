import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../../simulation/model/load';
import { fallbackChain, maturityLevels } from '../../scripts/templates/definitions';
import { litellmGateway } from '../../scripts/templates/gateway';

const read = (path: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../examples/${path}`, import.meta.url)), 'utf8'));

describe('template pipelines', () => {
  it('are the ones the generator writes (run `npm run templates` after changing it)', () => {
    expect(read('fallback-chain.preflight.json')).toEqual(fallbackChain());
    expect(read('litellm-gateway.preflight.json')).toEqual(litellmGateway());
    maturityLevels().forEach((doc, i) => expect(read(`maturity/level-${i + 1}.preflight.json`)).toEqual(doc));
  });

  it('load without errors or warnings, each with a description of its assumptions', () => {
    for (const doc of [fallbackChain(), litellmGateway(), ...maturityLevels()]) {
      const r = loadPipeline(doc);
      expect(r.ok ? r.warnings : r.problems).toEqual([]);
      expect(String((doc.pipeline as { description: string }).description).length).toBeGreaterThan(150);
    }
  });

  it('all maturity levels face the same traffic and fault scenario', () => {
    const levels = maturityLevels();
    for (const doc of levels) {
      expect(doc.traffic).toEqual(levels[0]!.traffic);
      expect(doc.faults).toEqual(levels[0]!.faults);
      expect(doc.run).toEqual(levels[0]!.run);
    }
  });
});
