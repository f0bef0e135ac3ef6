import { readFile, unlink } from 'node:fs/promises';
import { z } from 'zod';
import type { AutosaveEntry } from '../contract/api';
import { writeFileAtomic } from './atomic-write';

const StoredEntry = z.object({
  version: z.literal(1),
  text: z.string(),
  documentPath: z.string().nullable(),
  savedAt: z.string(),
});

/**
 * One crash-recovery slot in userData. The renderer writes it every few seconds while the document
 * is dirty, clears it after a successful save, and on start asks whether there is something to
 * restore. Operations run one after another, so a clear that follows a write always wins.
 */
export class AutosaveSlot {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly slotPath: string) {}

  write(entry: { text: string; documentPath: string | null }, now = new Date()): Promise<void> {
    const stored = { version: 1, text: entry.text, documentPath: entry.documentPath, savedAt: now.toISOString() };
    return this.enqueue(() => writeFileAtomic(this.slotPath, JSON.stringify(stored)));
  }

  /** The entry, or null when there is none or it is unreadable (a damaged slot is not an error). */
  read(): Promise<AutosaveEntry | null> {
    return this.enqueue(async () => {
      const text = await readFile(this.slotPath, 'utf8').catch(() => null);
      if (text === null) return null;
      try {
        const parsed = StoredEntry.safeParse(JSON.parse(text));
        return parsed.success ? { text: parsed.data.text, documentPath: parsed.data.documentPath, savedAt: parsed.data.savedAt } : null;
      } catch {
        return null;
      }
    });
  }

  clear(): Promise<void> {
    return this.enqueue(() =>
      unlink(this.slotPath).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      }),
    );
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.catch(() => undefined).then(operation);
    this.queue = result;
    return result;
  }
}
