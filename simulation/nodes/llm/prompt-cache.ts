import type { ModelEntry } from '../../catalog/schema';

/**
 * A provider's prompt cache for one LLM node's shared prefix (SEMANTICS §8). The prefix is cached
 * after the first call and stays warm while calls keep coming within the TTL (each use refreshes it).
 * OpenAI caches prefixes of at least 1,024 tokens in 128-token steps at no write premium; Anthropic
 * charges writes (1.25× input) and reads at 0.1×; the catalog gives each model's minimum and prices.
 */
export interface PromptCacheUse {
  readonly cached: number;
  readonly written: number;
}

export class PromptCache {
  private lastUseMs = -Infinity;
  readonly cacheableTokens: number;
  lookups = 0;
  hits = 0;

  constructor(
    readonly enabled: boolean,
    prefixTokens: number,
    private readonly ttlMs: number,
    model: ModelEntry,
  ) {
    const min = model.promptCacheMinTokens ?? 1024;
    const openaiSteps = model.provider !== 'anthropic';
    const usable = openaiSteps ? Math.floor(prefixTokens / 128) * 128 : prefixTokens;
    this.cacheableTokens = enabled && model.cachedInputUsdPerToken !== null && prefixTokens >= min ? usable : 0;
    this.read = { cached: this.cacheableTokens, written: 0 };
    this.write = { cached: 0, written: this.cacheableTokens };
  }

  /** The three possible answers of `use`, made once (it runs on every LLM call). */
  private readonly off: PromptCacheUse = { cached: 0, written: 0 };
  private readonly read: PromptCacheUse;
  private readonly write: PromptCacheUse;

  /** Tokens read from the cache by a call starting now (0 on a miss, which writes the cache). */
  use(nowMs: number, counted: boolean): PromptCacheUse {
    if (this.cacheableTokens === 0) return this.off;
    const warm = nowMs - this.lastUseMs <= this.ttlMs;
    this.lastUseMs = nowMs;
    if (counted) {
      this.lookups++;
      if (warm) this.hits++;
    }
    return warm ? this.read : this.write;
  }
}
