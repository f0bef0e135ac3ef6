import type { ScenarioRecord } from '../../../renderer/features/analysis/compare/scenario-record';
import { StorageFullError, type ScenarioStorage } from '../../../renderer/features/analysis/compare/scenario-storage';

/**
 * The ScenarioStorage contract in memory: values are cloned in and out (as IndexedDB's structured
 * clone does), `quotaChars` makes a put over that many JSON characters fail as the browser's quota
 * does, and `failRead` stands for a profile whose IndexedDB cannot be opened.
 */
export interface MemoryScenarioStorage extends ScenarioStorage {
  /** Everything stored, by key: tests put old or corrupt values here directly. */
  values: Map<string, unknown>;
  quotaChars: number;
  failRead: Error | null;
}

const sizeOf = (values: Iterable<unknown>) => [...values].reduce<number>((n, v) => n + JSON.stringify(v).length, 0);

export function memoryScenarioStorage(): MemoryScenarioStorage {
  const storage: MemoryScenarioStorage = {
    values: new Map(),
    quotaChars: Infinity,
    failRead: null,
    async readAll() {
      if (storage.failRead) throw storage.failRead;
      return [...storage.values.values()].map((v) => structuredClone(v));
    },
    async put(record: ScenarioRecord) {
      const others = [...storage.values].filter(([k]) => k !== record.key).map(([, v]) => v);
      if (sizeOf([...others, record]) > storage.quotaChars) throw new StorageFullError();
      storage.values.set(record.key, structuredClone(record));
    },
    async remove(key: string) {
      storage.values.delete(key);
    },
  };
  return storage;
}
