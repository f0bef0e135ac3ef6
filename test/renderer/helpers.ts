import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toEditable, type EditableDocument } from '../../renderer/stores/document/editable-document';

export const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

export function exampleText(name: string): string {
  return readFileSync(`${EXAMPLES}${name}.preflight.json`, 'utf8');
}

export function exampleDocument(name: string): EditableDocument {
  const result = toEditable(JSON.parse(exampleText(name)));
  if (!result.ok) throw new Error(result.reason);
  return result.doc;
}
