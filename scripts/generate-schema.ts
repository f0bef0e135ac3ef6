import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pipelineJsonSchema } from '../simulation/model/json-schema';

const out = fileURLToPath(new URL('../schema/pipeline.schema.json', import.meta.url));
writeFileSync(out, JSON.stringify(pipelineJsonSchema(), null, 2) + '\n');
console.log(`wrote ${out}`);
