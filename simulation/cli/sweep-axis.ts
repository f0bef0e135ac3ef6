import { getParamText } from '../analysis/param-path';
import type { SweepAxis } from '../analysis/sweep';
import type { PipelineDocument } from '../model/document-schema';
import { numberList, UsageError } from './args';

function isTextParam(doc: PipelineDocument, path: string): boolean {
  try {
    getParamText(doc, path);
    return true;
  } catch {
    return false;
  }
}

/**
 * One `--param PATH=v1,v2,…` of `sweep` and `report`: numbers for a numeric parameter; for a text one
 * (a node's model, a router's strategy) the texts as they are, a categorical axis.
 */
export function parseSweepAxis(flag: string, text: string, doc: PipelineDocument): SweepAxis {
  const eq = text.indexOf('=');
  if (eq < 0) throw new UsageError(`${flag}: got "${text}", expected PATH=v1,v2,… e.g. nodes[rerank].params.topN=2,5,10 or nodes[llm].params.model=gpt-5.4-mini,gpt-4.1`);
  const path = text.slice(0, eq);
  const values = text.slice(eq + 1);
  if (isTextParam(doc, path)) {
    const labels = values.split(',').map((v) => v.trim());
    if (labels.some((v) => v === '')) throw new UsageError(`${flag}: got "${values}" for ${path}, expected values separated by commas (e.g. gpt-5.4-mini,gpt-4.1)`);
    return { path, values: labels.map((_, i) => i), labels };
  }
  return { path, values: numberList(flag, values) };
}
