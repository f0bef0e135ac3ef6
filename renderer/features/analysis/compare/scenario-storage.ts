import type { ScenarioRecord } from './scenario-record';

/**
 * Where saved scenarios live between sessions. The app uses IndexedDB (the web build and Electron's
 * renderer alike, so no IPC); unit tests use an in-memory fake with the same contract.
 */
export interface ScenarioStorage {
  /** Every stored value as read, unchecked: old or corrupt records are the reader's to skip. */
  readAll(): Promise<unknown[]>;
  /** Adds or replaces the record with this key; rejects with StorageFullError when over quota. */
  put(record: ScenarioRecord): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The browser refused a write for lack of space (the profile's quota). */
export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super('The browser storage for Preflight is full', { cause });
    this.name = 'StorageFullError';
  }
}

const DB_NAME = 'preflight';
/** Bump with an upgrade step when object stores change; the record layout has its own version. */
const DB_VERSION = 1;
const STORE = 'scenarios';

const isQuota = (e: unknown) => e instanceof DOMException && e.name === 'QuotaExceededError';

/** A request's result as a promise; a quota failure becomes StorageFullError. */
function done<T>(request: IDBRequest<T>, tx: IDBTransaction): Promise<T> {
  return new Promise((resolve, reject) => {
    const fail = (e: unknown) => reject(isQuota(e) ? new StorageFullError(e) : e instanceof Error ? e : new Error(String(e)));
    // A write is only on disk once its transaction commits; quota errors often surface at commit.
    tx.oncomplete = () => resolve(request.result);
    tx.onabort = () => fail(tx.error ?? request.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'key' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    // Another tab holds an older version open; waiting would hang start-up, so say so instead.
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another Preflight tab'));
  });
}

/** IndexedDB on this origin (this machine, this browser profile); null where there is none. */
export function indexedDbScenarioStorage(factory: IDBFactory | undefined = globalThis.indexedDB): ScenarioStorage | null {
  if (!factory) return null;
  let db: Promise<IDBDatabase> | null = null;
  /** One request in its own transaction; a synchronous throw (a closed database) rejects too. */
  const request = async <T>(mode: IDBTransactionMode, make: (objects: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = (await (db ??= open(factory))).transaction(STORE, mode);
    return done(make(tx.objectStore(STORE)), tx);
  };
  return {
    readAll: () => request('readonly', (objects) => objects.getAll()),
    put: async (record) => void (await request('readwrite', (objects) => objects.put(record))),
    remove: async (key) => void (await request('readwrite', (objects) => objects.delete(key))),
  };
}
