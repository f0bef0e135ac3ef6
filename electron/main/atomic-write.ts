import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';

/** The file-system calls used, injectable so tests can make any step fail. */
export type AtomicWriteFs = Pick<typeof fsp, 'open' | 'rename' | 'unlink' | 'stat'>;

export interface AtomicWriteOptions {
  fs?: AtomicWriteFs;
  platform?: NodeJS.Platform;
}

/** Same folder as the target, so the final rename never crosses file systems (and stays atomic). */
export function tempPathFor(target: string): string {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${suffix}.tmp`);
}

/**
 * Writes `data` to `target` so that a reader (or a crash) sees either the old file or the new one,
 * never a half-written one: write a temp file beside it, fsync it, rename it over the target, then
 * fsync the folder so the rename itself survives a power cut. On any failure the temp file is
 * removed and the original is left untouched.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const fs = options.fs ?? fsp;
  const platform = options.platform ?? process.platform;
  const mode = await existingMode(fs, target);
  const temp = tempPathFor(target);
  try {
    // 'wx': fail rather than follow a symlink or reuse a file someone planted at the temp name.
    const handle = await fs.open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(fs, temp, target, platform);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  if (platform !== 'win32') await syncFolder(fs, path.dirname(target));
}

/** Keep the permissions of the file being replaced (a private file stays private). */
async function existingMode(fs: AtomicWriteFs, target: string): Promise<number> {
  try {
    return (await fs.stat(target)).mode & 0o777;
  } catch {
    return 0o666; // the process umask still applies
  }
}

/** Windows refuses a rename while an antivirus or indexer briefly holds the target open: retry. */
async function renameWithRetry(fs: AtomicWriteFs, from: string, to: string, platform: NodeJS.Platform): Promise<void> {
  const attempts = platform === 'win32' ? 5 : 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const transient = code === 'EPERM' || code === 'EACCES' || code === 'EBUSY';
      if (!transient || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

async function syncFolder(fs: AtomicWriteFs, folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems refuse fsync on folders; the data itself is already synced.
  }
}
