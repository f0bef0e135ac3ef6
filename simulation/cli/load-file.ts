import { readFileSync } from 'node:fs';
import { builtinCatalog } from '../catalog/catalog';
import { loadPipeline } from '../model/load';
import type { CliIo } from './io';

/** Reads and validates a pipeline file; prints problems and returns null when it cannot be used. */
export function loadFile(file: string, io: CliIo) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(`preflight: cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`);
    return null;
  }
  const result = loadPipeline(text, builtinCatalog());
  for (const w of result.warnings) io.stderr(`warning: ${w.message}`);
  if (!result.ok) {
    io.stderr(`preflight: ${file} is not a valid pipeline (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}):`);
    for (const p of result.problems) io.stderr(`  ${p.message}`);
    return null;
  }
  return { ...result, text, file };
}

export type LoadedFile = NonNullable<ReturnType<typeof loadFile>>;
