import Ajv2020 from 'ajv/dist/2020';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pipelineJsonSchema } from '../../../simulation/model/json-schema';
import { exampleText } from '../../helpers/pipelines';

const shipped = JSON.parse(readFileSync(fileURLToPath(new URL('../../../schema/pipeline.schema.json', import.meta.url)), 'utf8'));

describe('shipped JSON Schema', () => {
  it('is the one generated from the code (run `npm run schema` after changing the format)', () => {
    expect(shipped).toEqual(pipelineJsonSchema());
  });

  it('accepts the examples and rejects a misspelt field in a standard validator', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(shipped);
    for (const name of ['naive-rag', 'optimized-rag', 'ai-request-trace']) {
      expect(validate(JSON.parse(exampleText(name))), JSON.stringify(validate.errors)).toBe(true);
    }
    const bad = JSON.parse(exampleText('optimized-rag'));
    bad.nodes[2].params.topk = 5;
    expect(validate(bad)).toBe(false);
  });
});
