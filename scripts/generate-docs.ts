/**
 * Writes docs/node-kinds.md from the node registry (titles, ports, every parameter with its default,
 * unit and help) and docs/results.md from the results types (every `--json` field with its type and
 * meaning), so the references can never drift from the code. `npm run docs` regenerates them; a test
 * checks they are current.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeKindsMarkdown } from './templates/node-docs';
import { resultsMarkdown } from './templates/results-docs';

for (const [file, markdown] of [
  ['node-kinds.md', nodeKindsMarkdown()],
  ['results.md', resultsMarkdown()],
] as const) {
  writeFileSync(fileURLToPath(new URL(`../docs/${file}`, import.meta.url)), markdown);
  console.log(`wrote docs/${file}`);
}
