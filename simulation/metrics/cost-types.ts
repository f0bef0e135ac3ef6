/** The token and fee types the cost ledger keeps apart (SEMANTICS §4). */
export const COST_TYPES = ['input', 'cachedInput', 'cacheWrite', 'output', 'request'] as const;
export type CostType = (typeof COST_TYPES)[number];
export const CostIndex = { input: 0, cachedInput: 1, cacheWrite: 2, output: 3, request: 4 } as const;

export const COST_TYPE_DESCRIPTIONS: Record<CostType, string> = {
  input: 'input (prompt) tokens at the input price',
  cachedInput: 'prompt-cache reads at the cached-input price',
  cacheWrite: 'prompt-cache writes at the cache-write price',
  output: 'output (completion) tokens at the output price',
  request: 'per-request fees (rerank searches, vector queries, service calls)',
};

/** What each cost type is called for people: table columns and legends in the report and the app. */
export const COST_TYPE_LABELS: Record<CostType, string> = {
  input: 'Input tokens',
  cachedInput: 'Cached input',
  cacheWrite: 'Cache writes',
  output: 'Output tokens',
  request: 'Per-request fees',
};
