import type { Catalog } from '../catalog/catalog';
import type { ModelEntry } from '../catalog/schema';
import type { ProxyDeployment } from './litellm-config-read';

/**
 * Which catalog model prices a LiteLLM deployment, and how we know. Tried in order:
 *  1. `model_info.base_model` (LiteLLM's own answer for Azure deployments and cost tracking);
 *  2. `litellm_params.model` as written (the price map has keys like `azure/gpt-4o`);
 *  3. the model without its provider prefix(es) (`openai/gpt-4o` → `gpt-4o`);
 *  4. the model group name (an Azure deployment `azure/chatgpt-v-2` in group `gpt-4` serves gpt-4);
 *  5. another deployment of the same group (a group is one model served by several deployments);
 *  6. a stand-in, reported as a warning: the catalog model whose id is the longest prefix of the name
 *     at a "-" boundary (`gpt-3.5-turbo-1106` → `gpt-3.5-turbo`, same family), else the fixed stand-in.
 * Prices are never invented: a stand-in uses the stand-in's real catalog prices and says so.
 */
export type MatchHow = 'base_model' | 'model' | 'model without provider prefix' | 'model group name' | 'another deployment of the group' | 'same-family stand-in' | 'stand-in';

export interface ModelMatch {
  entry: ModelEntry;
  how: MatchHow;
}

export const DEFAULT_STAND_IN = 'gpt-4o-mini';

/** The model a deployment serves, from the catalog by steps 1–4, or null. */
export function directMatch(dep: ProxyDeployment, catalog: Catalog, mode: ModelEntry['mode']): ModelMatch | null {
  const candidates: Array<[string | null, MatchHow]> = [
    [dep.baseModel, 'base_model'],
    [dep.model, 'model'],
    ...withoutPrefixes(dep.model).map((id): [string, MatchHow] => [id, 'model without provider prefix']),
    [dep.group, 'model group name'],
  ];
  for (const [id, how] of candidates) {
    const entry = id ? catalog.get(id) : undefined;
    if (entry && entry.mode === mode) return { entry, how };
  }
  return null;
}

/** Steps 5–6 for a deployment that matched nothing directly. */
export function fallbackMatch(dep: ProxyDeployment, siblings: Array<ModelMatch | null>, catalog: Catalog, standInId: string): ModelMatch {
  const sibling = siblings.find((m): m is ModelMatch => m !== null && m.how !== 'same-family stand-in' && m.how !== 'stand-in');
  if (sibling) return { entry: sibling.entry, how: 'another deployment of the group' };
  const family = familyStandIn(dep, catalog);
  if (family) return { entry: family, how: 'same-family stand-in' };
  const standIn = catalog.get(standInId);
  if (standIn && standIn.mode === 'chat') return { entry: standIn, how: 'stand-in' };
  const first = catalog.ofMode('chat').sort((a, b) => a.id.localeCompare(b.id))[0];
  if (!first) throw new Error('the catalog has no chat model to stand in for unpriced deployments');
  return { entry: first, how: 'stand-in' };
}

/** `text-completion-openai/gpt-3.5-turbo-instruct` → [`gpt-3.5-turbo-instruct`]; `a/b/c` → [`b/c`, `c`]. */
function withoutPrefixes(model: string): string[] {
  const parts = model.split('/');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) {
    const rest = parts.slice(i).join('/');
    if (rest) out.push(rest);
  }
  return out;
}

function familyStandIn(dep: ProxyDeployment, catalog: Catalog): ModelEntry | null {
  const names = [dep.baseModel, ...withoutPrefixes(dep.model), dep.model, dep.group].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  let best: ModelEntry | null = null;
  for (const entry of catalog.ofMode('chat')) {
    const id = entry.id.toLowerCase();
    const fits = names.some((n) => n.length > id.length && n.startsWith(id) && n[id.length] === '-');
    if (fits && (best === null || entry.id.length > best.id.length)) best = entry;
  }
  return best;
}

/** What the deployment does when its config does not say: from the catalog, then from its name. */
export function deploymentMode(dep: ProxyDeployment, catalog: Catalog): string {
  if (dep.mode) return ({ completion: 'chat', responses: 'chat' } as Record<string, string>)[dep.mode] ?? dep.mode;
  for (const id of [dep.baseModel, dep.model, ...withoutPrefixes(dep.model)]) {
    const entry = id ? catalog.get(id) : undefined;
    if (entry) return entry.mode;
  }
  const name = `${dep.model} ${dep.group}`.toLowerCase();
  if (/dall-e|gpt-image|imagen|stable-diffusion|flux/.test(name)) return 'image_generation';
  if (/whisper|transcri/.test(name)) return 'audio_transcription';
  if (/(^|[-/ ])tts/.test(name)) return 'audio_speech';
  if (/rerank/.test(name)) return 'rerank';
  if (/embed/.test(name)) return 'embedding';
  return 'chat';
}
