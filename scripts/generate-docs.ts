/**
 * Writes docs/node-kinds.md from the node registry (titles, ports, every parameter with its default,
 * unit and help), so the reference can never drift from the code. `npm run docs` regenerates it; a
 * test checks it is current.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeKindsMarkdown } from './templates/node-docs';

writeFileSync(fileURLToPath(new URL('../docs/node-kinds.md', import.meta.url)), nodeKindsMarkdown());
console.log('wrote docs/node-kinds.md');
