/** One cached answer: when it was stored and whether it was a correct answer. */
export interface CacheEntry {
  storedAtMs: number;
  correct: boolean;
  cluster: number;
}

/**
 * An LRU response store with TTL used by the exact and semantic caches. Expired entries stay until
 * evicted, so a stale-cache step in a fallback chain can still serve them; lookups treat them as
 * misses. Optionally indexes entries by topic cluster (semantic cache).
 */
export class CacheStore {
  /** key → entry; Map order is recency order (a hit moves its key to the end). */
  private readonly entries = new Map<number, CacheEntry>();
  /** cluster → live entries in it and the newest one. */
  private readonly clusters = new Map<number, { count: number; newest: CacheEntry }>();
  evictions = 0;

  constructor(
    private readonly capacity: number,
    private readonly ttlMs: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** A fresh entry for `key` (moved to most recently used), or undefined. */
  fresh(key: number, nowMs: number): CacheEntry | undefined {
    const e = this.entries.get(key);
    if (e === undefined || nowMs - e.storedAtMs > this.ttlMs) return undefined;
    this.entries.delete(key);
    this.entries.set(key, e);
    return e;
  }

  /** Whether `key` is stored but expired (for counting expirations). */
  expired(key: number, nowMs: number): boolean {
    const e = this.entries.get(key);
    return e !== undefined && nowMs - e.storedAtMs > this.ttlMs;
  }

  /** Any entry for `key`, however old (stale reads); undefined if evicted or never stored. */
  any(key: number): CacheEntry | undefined {
    return this.entries.get(key);
  }

  /** The newest fresh entry of a topic cluster, or undefined. */
  freshInCluster(cluster: number, nowMs: number): CacheEntry | undefined {
    const c = this.clusters.get(cluster);
    if (!c || c.count === 0 || nowMs - c.newest.storedAtMs > this.ttlMs) return undefined;
    return c.newest;
  }

  store(key: number, cluster: number, correct: boolean, nowMs: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.leaveCluster(old);
    }
    const entry: CacheEntry = { storedAtMs: nowMs, correct, cluster };
    this.entries.set(key, entry);
    const c = this.clusters.get(cluster);
    if (c) {
      c.count++;
      c.newest = entry;
    } else this.clusters.set(cluster, { count: 1, newest: entry });
    if (this.entries.size > this.capacity) {
      const oldestKey = this.entries.keys().next().value as number;
      const oldest = this.entries.get(oldestKey)!;
      this.entries.delete(oldestKey);
      this.leaveCluster(oldest);
      this.evictions++;
    }
  }

  clear(): void {
    this.entries.clear();
    this.clusters.clear();
  }

  private leaveCluster(entry: CacheEntry): void {
    const c = this.clusters.get(entry.cluster);
    if (!c) return;
    c.count--;
    if (c.count <= 0) this.clusters.delete(entry.cluster);
  }
}

/** Caches a stale-cache step can read from. */
export interface StaleReadable {
  readStale(req: { queryKey: number }): CacheEntry | undefined;
}
