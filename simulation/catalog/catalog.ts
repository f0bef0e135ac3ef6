import { BUILTIN_MODELS } from './builtin-models';
import { ModelEntrySchema, type ModelEntry, type ModelEntryInput } from './schema';

/** A lookup of priced models: the built-ins, overridden or extended by a pipeline's own entries. */
export class Catalog {
  private readonly byId = new Map<string, ModelEntry>();

  constructor(entries: readonly ModelEntry[]) {
    for (const entry of entries) this.byId.set(entry.id, entry);
  }

  get(id: string): ModelEntry | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  all(): ModelEntry[] {
    return [...this.byId.values()];
  }

  ofMode(mode: ModelEntry['mode']): ModelEntry[] {
    return this.all().filter((m) => m.mode === mode);
  }

  /** A copy with `overrides` replacing or adding entries by id. */
  with(overrides: readonly ModelEntry[]): Catalog {
    return new Catalog([...this.byId.values(), ...overrides]);
  }
}

let builtin: Catalog | undefined;

/** The catalog shipped with Preflight. */
export function builtinCatalog(): Catalog {
  builtin ??= new Catalog(BUILTIN_MODELS.map((m: ModelEntryInput) => ModelEntrySchema.parse(m)));
  return builtin;
}

/** USD per 1M tokens, the unit prices are shown in. */
export function perMillion(usdPerToken: number): number {
  return usdPerToken * 1e6;
}
