import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../contract/api';
import { writeFileAtomic } from './atomic-write';

/** How many files File ▸ Open Recent remembers. */
export const RECENT_LIMIT = 10;

const RecentFileSchema = z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() });

/** Paths compare case-insensitively where the usual file systems do (macOS, Windows). */
export function samePath(a: string, b: string, platform: NodeJS.Platform): boolean {
  const caseInsensitive = platform === 'darwin' || platform === 'win32';
  return caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** Puts `filePath` first, removes its older entry, keeps at most `limit` entries. */
export function addRecent(list: readonly RecentFile[], filePath: string, now: Date, platform: NodeJS.Platform, limit = RECENT_LIMIT): RecentFile[] {
  const entry: RecentFile = { path: filePath, name: path.basename(filePath), openedAt: now.toISOString() };
  const rest = list.filter((item) => !samePath(item.path, filePath, platform));
  return [entry, ...rest].slice(0, limit);
}

/** Drops files that no longer exist (moved, deleted, unmounted). */
export async function pruneMissing(list: readonly RecentFile[], exists: (filePath: string) => Promise<boolean>): Promise<RecentFile[]> {
  const present = await Promise.all(list.map((item) => exists(item.path)));
  return list.filter((_item, index) => present[index]);
}

/** Reads the stored list leniently: a damaged file or entry is dropped, never fatal. */
export function parseRecentList(text: string, limit = RECENT_LIMIT): RecentFile[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const files = (data as { files?: unknown } | null)?.files;
  if (!Array.isArray(files)) return [];
  return files.flatMap((item) => {
    const parsed = RecentFileSchema.safeParse(item);
    return parsed.success && path.isAbsolute(parsed.data.path) ? [parsed.data] : [];
  }).slice(0, limit);
}

export function serializeRecentList(files: readonly RecentFile[]): string {
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}

async function fileExists(filePath: string): Promise<boolean> {
  return access(filePath).then(() => true, () => false);
}

/**
 * The recent-files list persisted as JSON in userData. Kept in memory after the first read; writes
 * are chained so two quick saves cannot interleave and lose an entry.
 */
export class RecentFilesStore {
  private files: RecentFile[] | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(files: readonly RecentFile[]) => void>();

  constructor(
    private readonly storePath: string,
    private readonly platform: NodeJS.Platform = process.platform,
    private readonly exists: (filePath: string) => Promise<boolean> = fileExists,
  ) {}

  /** The list with missing files pruned (and the pruning persisted). */
  async list(): Promise<RecentFile[]> {
    const current = await this.load();
    const pruned = await pruneMissing(current, this.exists);
    if (pruned.length !== current.length) await this.replace(pruned);
    return [...pruned];
  }

  async add(filePath: string, now = new Date()): Promise<void> {
    await this.replace(addRecent(await this.load(), filePath, now, this.platform));
  }

  async clear(): Promise<void> {
    await this.replace([]);
  }

  /** True if the path is in the list: the user opened or saved it in an earlier session. */
  async contains(filePath: string): Promise<boolean> {
    return (await this.load()).some((item) => samePath(item.path, filePath, this.platform));
  }

  /** Called after every change (the Open Recent menu rebuilds itself). */
  onChange(listener: (files: readonly RecentFile[]) => void): void {
    this.listeners.add(listener);
  }

  private async load(): Promise<RecentFile[]> {
    if (this.files === null) {
      const text = await readFile(this.storePath, 'utf8').catch(() => '');
      this.files ??= parseRecentList(text);
    }
    return this.files;
  }

  private async replace(files: RecentFile[]): Promise<void> {
    this.files = files;
    for (const listener of this.listeners) listener(files);
    const text = serializeRecentList(files);
    this.writing = this.writing.catch(() => undefined).then(() => writeFileAtomic(this.storePath, text));
    await this.writing;
  }
}
