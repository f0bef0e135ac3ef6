import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OpenedFile } from '../contract/api';

/** Same cap as the contract's text limit: main never loads a runaway file into memory. */
export const MAX_PIPELINE_BYTES = 50 * 1024 * 1024;

/** Reads a pipeline file, turning file-system errors into sentences a user can act on. */
export async function readPipelineFile(filePath: string): Promise<OpenedFile> {
  const name = path.basename(filePath);
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new Error(`"${name}" is not a file (${filePath}).`);
    if (info.size > MAX_PIPELINE_BYTES) throw new Error(`"${name}" is too large to be a pipeline (${Math.round(info.size / 1048576)} MB; the limit is 50 MB).`);
    return { path: filePath, name, text: await readFile(filePath, 'utf8') };
  } catch (error) {
    throw new Error(describeFileError(error, name, filePath, 'read'), { cause: error });
  }
}

export function describeFileError(error: unknown, name: string, filePath: string, verb: 'read' | 'write'): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return verb === 'read' ? `"${name}" no longer exists (${filePath}).` : `The folder of "${name}" no longer exists (${filePath}).`;
  if (code === 'EACCES' || code === 'EPERM') return `Preflight is not allowed to ${verb} "${name}" (${filePath}).`;
  if (code === 'EISDIR') return `"${name}" is a folder, not a file (${filePath}).`;
  if (code === 'ENOSPC') return `The disk is full: "${name}" was not written.`;
  if (code === 'EROFS') return `"${name}" is on a read-only disk (${filePath}).`;
  return error instanceof Error ? error.message : `Could not ${verb} "${name}".`;
}

/** Save dialogs on Linux do not add an extension; a pipeline saved without one gets ours. */
export function withPipelineExtension(filePath: string): string {
  return path.extname(filePath) === '' ? `${filePath}.preflight.json` : filePath;
}
