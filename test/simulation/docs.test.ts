import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeKindsMarkdown } from '../../scripts/templates/node-docs';
import { NODE_KINDS } from '../../simulation/nodes/registry';

describe('docs/node-kinds.md', () => {
  it('is generated from the registry (run `npm run docs` after changing a kind)', () => {
    expect(readFileSync(fileURLToPath(new URL('../../docs/node-kinds.md', import.meta.url)), 'utf8')).toBe(nodeKindsMarkdown());
  });

  it('documents every kind', () => {
    const md = nodeKindsMarkdown();
    for (const k of NODE_KINDS) expect(md).toContain(`(\`${k.kind}\`)`);
  });
});
