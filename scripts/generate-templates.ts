/**
 * Writes the template pipelines in examples/: the guide's fallback chain, a LiteLLM gateway and the five maturity levels
 * over one shared traffic and fault scenario. `npm run templates` regenerates them; a test checks the
 * files match this script, so the shared scenario cannot drift between levels.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { maturityLevels, fallbackChain } from './templates/definitions';
import { litellmGateway } from './templates/gateway';

function write(path: string, doc: unknown): void {
  writeFileSync(fileURLToPath(new URL(`../examples/${path}`, import.meta.url)), JSON.stringify(doc, null, 2) + '\n');
}

write('fallback-chain.preflight.json', fallbackChain());
write('litellm-gateway.preflight.json', litellmGateway());
maturityLevels().forEach((doc, i) => write(`maturity/level-${i + 1}.preflight.json`, doc));
console.log('wrote examples/fallback-chain.preflight.json, examples/litellm-gateway.preflight.json and examples/maturity/level-1..5.preflight.json');
