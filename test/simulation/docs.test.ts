import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeKindsMarkdown } from '../../scripts/templates/node-docs';
import { expandedPaths, resultSections, resultsMarkdown } from '../../scripts/templates/results-docs';
import { builtinCatalog } from '../../simulation/catalog/catalog';
import { NODE_KINDS } from '../../simulation/nodes/registry';
import { loadPipelineOrThrow } from '../../simulation/model/load';
import { runPipeline } from '../../simulation/run';

const docFile = (name: string) => readFileSync(fileURLToPath(new URL(`../../docs/${name}`, import.meta.url)), 'utf8');

describe('docs/node-kinds.md', () => {
  it('is generated from the registry (run `npm run docs` after changing a kind)', () => {
    expect(docFile('node-kinds.md')).toBe(nodeKindsMarkdown());
  });

  it('documents every kind', () => {
    const md = nodeKindsMarkdown();
    for (const k of NODE_KINDS) expect(md).toContain(`(\`${k.kind}\`)`);
  });
});

describe('docs/results.md', () => {
  const sections = resultSections();

  it('is generated from the results types (run `npm run docs` after changing one)', () => {
    expect(docFile('results.md')).toBe(resultsMarkdown());
  });

  it('says what every field means', () => {
    const undocumented = sections.flatMap((s) => s.rows.filter((r) => r.doc.trim() === '').map((r) => `${s.name}.${r.path}`));
    expect(undocumented).toEqual([]);
  });

  /** Every path in a JSON value: `[]` for array elements, objects by key; arrays of plain values stop there. */
  function jsonPaths(value: unknown, path: string, out: string[]): string[] {
    if (path) out.push(path);
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') jsonPaths(item, `${path}[]`, out);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) jsonPaths(v, path ? `${path}.${key}` : key, out);
    }
    return out;
  }

  /** A documented path as a pattern: `<key>` is any one key. */
  const pattern = (documented: string) => new RegExp(`^${documented.replace(/[.[\]]/g, (c) => `\\${c}`).replace(/<key>/g, '[^.[\\]]+')}$`);

  it.each(['fallback-chain', 'litellm-gateway', 'optimized-rag'])('documents every field %s prints with --json, at every depth', (example) => {
    const file = fileURLToPath(new URL(`../../examples/${example}.preflight.json`, import.meta.url));
    const results = runPipeline(loadPipelineOrThrow(readFileSync(file, 'utf8')), builtinCatalog(), { requests: 2000, seed: 1 });
    const documented = expandedPaths(sections, 'RunResults');
    const patterns = documented.map(pattern);
    // A documented leaf (a map of plain values such as a node's report) covers every key under it.
    const leaves = documented.filter((d) => !documented.some((o) => o.startsWith(`${d}.`) || o.startsWith(`${d}[]`))).map((d) => new RegExp(`${pattern(d).source.slice(0, -1)}([.[].*)?$`));
    const printed = [...new Set(jsonPaths(JSON.parse(JSON.stringify(results)), '', []))].filter((p) => !p.endsWith('[]'));
    expect(printed.filter((p) => !patterns.some((r) => r.test(p)) && !leaves.some((r) => r.test(p)))).toEqual([]);
  });
});
