import { builtinCatalog, type Catalog } from '../catalog/catalog';
import { ModelEntrySchema, type ModelEntry } from '../catalog/schema';
import { CURRENT_VERSION, type PipelineDocumentInput } from '../model/document-schema';
import { NoteLog, type ImportNote } from './import-notes';
import { readProxyConfig, type ProxyDeployment, type ProxySettings } from './litellm-config-read';
import { groupExits, wireFallbacks, type BuiltGroup } from './litellm-fallbacks';
import { DEFAULT_STAND_IN, deploymentMode, directMatch, fallbackMatch, type ModelMatch } from './litellm-model-match';
import { PipelineGraph, safeRouteName } from './pipeline-graph';
import { groupRouting } from './litellm-routing';

/**
 * Turns a LiteLLM proxy `config.yaml` into a pipeline (SEMANTICS §5–§7, §9):
 *
 *   clients → [model-group router] → per group: [deployment router] → cooldown breaker → LLM → response
 *
 * Clients of a proxy pick a model group per request, and every group must be reachable in a valid
 * pipeline, so the entry is a weighted router over all chat groups (equal weights: the config does not
 * say how traffic splits; a note asks the user to set them). A group with several deployments gets a
 * router with the group's routing strategy; each deployment has its own quota (rpm/tpm/max parallel),
 * LiteLLM retries and timeout, and a LiteLLM-flavour breaker for the cooldown (unless disabled).
 * Fallback lists become wiring of the LLM error/context_window/content_policy ports.
 * Wildcard routes and non-chat groups (embedding, image, audio, rerank) are reported and left out:
 * the source sends chat requests, and an embedding call answering a chat request would mislead.
 */
export interface LiteLlmProxyImport {
  doc: PipelineDocumentInput;
  notes: ImportNote[];
}

export interface LiteLlmProxyOptions {
  /** Prices and context windows to match deployments against (e.g. the built-ins plus an imported price map). */
  catalog: Catalog;
  /** Chat model whose prices stand in for deployments no catalog entry matches; gpt-4o-mini by default. */
  standInModel?: string;
  /** YYYY-MM-DD; needed only to record per-token prices written in the config itself. */
  recordedOn?: string;
}

/** LiteLLM's own defaults (router.py, litellm/__init__.py), used when the config leaves a setting out. */
export const LITELLM_DEFAULTS = { numRetries: 2, requestTimeoutS: 6000, allowedFails: 3, cooldownTimeS: 5 } as const;

export function importLiteLlmProxyConfig(yamlText: string, opts: LiteLlmProxyOptions): LiteLlmProxyImport {
  const log = new NoteLog();
  const config = readProxyConfig(yamlText, log);
  const { groups, skipped } = chatGroups(config.deployments, opts.catalog, log);
  if (groups.size === 0) throw new Error('model_list: no chat model group left to simulate (wildcards, non-chat and invalid deployments are left out; see the notes)');
  const matches = matchModels(groups, opts, log);
  const graph = new PipelineGraph();
  const quotas: Array<Record<string, unknown>> = [];
  const source = graph.add('source', 'clients', 'Proxy clients');
  const entryRouter = groups.size > 1 ? graph.add('router', 'model-groups', 'Model group (clients choose)') : null;
  const built = new Map<string, BuiltGroup>();
  for (const [name, deps] of groups) built.set(name, buildGroup(graph, name, deps, matches, config.settings, quotas, log));
  const response = graph.add('response', 'response', 'Answer');

  if (entryRouter === null) graph.connect(source, 'out', [...built.values()][0]!.entry);
  else {
    const taken = new Set<string>();
    const routes = [...built.values()].map((g) => ({ name: safeRouteName(g.name, taken), weight: 1, classes: [] as string[], group: g }));
    graph.nodes.find((n) => n.id === entryRouter)!.params = { strategy: 'weighted', routes: routes.map(({ name, weight, classes }) => ({ name, weight, classes })) };
    graph.connect(source, 'out', entryRouter);
    for (const r of routes) graph.connect(entryRouter, r.name, r.group.entry);
    // A guess that moves cost: the groups' prices differ, so the split sets the bill.
    log.warn('model_list', `the config does not say how requests spread over the ${routes.length} model groups; router 'model-groups' splits them equally: set its weights to your traffic mix`);
  }
  for (const g of built.values()) for (const llm of g.llms) graph.connect(llm, 'ok', response);
  wireFallbacks(graph, built, config.settings, skipped, log);
  endUnwiredFailures(graph, built);
  graph.layout();

  log.warn('traffic', `a proxy config says nothing about load: the pipeline runs with the default traffic (10 requests/s around the clock; one query class of 50-token queries and answers of median 180 tokens); set $.traffic to your load before reading cost or capacity`);
  const deploymentCount = [...groups.values()].reduce((s, d) => s + d.length, 0);
  const doc: PipelineDocumentInput = {
    version: CURRENT_VERSION,
    pipeline: {
      name: 'LiteLLM proxy (imported)',
      description: `Imported from a LiteLLM proxy config.yaml: ${groups.size} chat model groups with ${deploymentCount} deployments, routing strategy ${config.settings.routingStrategy}. See the import notes for what was approximated or left out.`,
    },
    quotas: quotas as PipelineDocumentInput['quotas'],
    nodes: graph.nodes as PipelineDocumentInput['nodes'],
    edges: graph.edges,
    models: modelsToEmbed(matches),
  };
  return { doc, notes: log.notes };
}

/** Chat deployments by model group, in config order; wildcards and other modes are reported and left out. */
function chatGroups(deployments: ProxyDeployment[], catalog: Catalog, log: NoteLog) {
  const groups = new Map<string, ProxyDeployment[]>();
  const skipped = new Set<string>();
  for (const dep of deployments) {
    if (dep.group.includes('*') || dep.model.includes('*')) {
      log.warn(dep.path, `wildcard route '${dep.group}' → '${dep.model}' forwards any matching model name; Preflight cannot tell which models or how much traffic, so it is left out (add the models you expect as their own groups)`);
      skipped.add(dep.group);
      continue;
    }
    const mode = deploymentMode(dep, catalog);
    if (mode !== 'chat') {
      log.info(dep.path, `'${dep.group}' is ${/^[aeiou]/.test(mode) ? 'an' : 'a'} ${mode} model; the imported pipeline simulates chat requests, so it is left out${mode === 'embedding' ? ' (add an embedding node in front of retrieval if your RAG pipeline embeds through the proxy)' : ''}`);
      skipped.add(dep.group);
      continue;
    }
    groups.set(dep.group, [...(groups.get(dep.group) ?? []), dep]);
  }
  for (const g of groups.keys()) skipped.delete(g);
  return { groups, skipped };
}

function matchModels(groups: Map<string, ProxyDeployment[]>, opts: LiteLlmProxyOptions, log: NoteLog): Map<ProxyDeployment, ModelMatch> {
  const out = new Map<ProxyDeployment, ModelMatch>();
  const standIn = opts.standInModel ?? DEFAULT_STAND_IN;
  for (const deps of groups.values()) {
    const direct = deps.map((d) => customPriced(d, opts.recordedOn, log) ?? directMatch(d, opts.catalog, 'chat'));
    deps.forEach((dep, i) => {
      const match = direct[i] ?? fallbackMatch(dep, direct, opts.catalog, standIn);
      out.set(dep, match);
      const path = `${dep.path}.litellm_params.model`;
      if (match.how === 'same-family stand-in' || match.how === 'stand-in') {
        log.warn(path, `no price for '${dep.model}' in the catalog; priced as ${match.how === 'stand-in' ? 'the stand-in' : 'its family'} '${match.entry.id}' (set model_info.base_model, or import a price map that lists it)`);
      } else if (match.how === 'model group name' || match.how === 'another deployment of the group') {
        const from = match.how === 'model group name' ? `the model group name '${dep.group}'` : 'another deployment of the same group';
        // A price borrowed from a sibling deployment is a guess (an EU deployment may be another model): a warning, not an aside.
        const note = `'${dep.model}' priced as '${match.entry.id}', taken from ${from}; set model_info.base_model to make it explicit`;
        if (match.how === 'another deployment of the group') log.warn(path, note);
        else log.info(path, note);
      }
    });
  }
  return out;
}

/** Per-token prices written in the config are real prices: they become a catalog entry of their own. */
function customPriced(dep: ProxyDeployment, recordedOn: string | undefined, log: NoteLog): ModelMatch | null {
  const prices = dep.customPrices;
  if (!prices) return null;
  if (prices.contextWindowTokens === null || recordedOn === undefined) {
    log.warn(`${dep.path}.litellm_params.input_cost_per_token`, `per-token prices are set but ${prices.contextWindowTokens === null ? 'no context window (model_info.max_input_tokens)' : 'no recording date (recordedOn)'} is known, so they are not used`);
    return null;
  }
  const slash = dep.model.indexOf('/');
  const entry = ModelEntrySchema.parse({
    id: dep.model,
    provider: slash > 0 ? dep.model.slice(0, slash) : 'custom',
    mode: 'chat',
    inputUsdPerToken: prices.inputUsdPerToken,
    outputUsdPerToken: prices.outputUsdPerToken,
    contextWindowTokens: prices.contextWindowTokens,
    source: 'LiteLLM proxy config.yaml (per-token prices of the deployment)',
    asOf: recordedOn,
  });
  return { entry, how: 'model' };
}

function buildGroup(graph: PipelineGraph, name: string, deps: ProxyDeployment[], matches: Map<ProxyDeployment, ModelMatch>, settings: ProxySettings, quotas: Array<Record<string, unknown>>, log: NoteLog): BuiltGroup {
  const routing = deps.length > 1 ? groupRouting(name, deps, matches, settings, log) : null;
  const router = routing ? graph.add('router', `router-${name}`, `${name} (${deps.length} deployments, ${settings.routingStrategy})`) : null;
  const group: BuiltGroup = { name, entry: '', llms: [], breakers: [], noCapacityExit: null };
  const entries = deps.map((dep, i) => {
    const label = deps.length > 1 ? `${name}-${i + 1}` : name;
    const match = matches.get(dep)!;
    const quota = deploymentQuota(dep, label, quotas);
    const breaker = settings.disableCooldowns ? null : graph.add('circuit_breaker', `cooldown-${label}`, `Cooldown ${dep.model}`, breakerParams(settings, deps.length === 1));
    const llm = graph.add('llm', `llm-${label}`, `${name} · ${dep.model}${match.how.includes('stand-in') ? ` (priced as ${match.entry.id})` : ''}`, llmParams(dep, match.entry, settings, quota, deps.length === 1, log));
    if (breaker) {
      graph.connect(breaker, 'pass', llm);
      group.breakers.push(breaker);
    }
    group.llms.push(llm);
    return breaker ?? llm;
  });
  // A cooled-down deployment hands its requests to the next one (LiteLLM picks any healthy one; a
  // chain back to the first would be a loop); the last one's open port is the group's exit.
  group.breakers.forEach((breaker, i) => {
    const next = entries[i + 1];
    if (next !== undefined) graph.connect(breaker, 'open', next);
  });
  if (router && routing) {
    const taken = new Set<string>(['no_capacity']);
    // Usage- and latency-based routing skip deployments without tpm/rpm room: they carry the limits and a no_capacity exit.
    const limited = routing.strategy === 'usage-based' || routing.strategy === 'latency-based';
    const routes = deps.map((dep, i) => ({
      name: safeRouteName(dep.model.split('/').pop() || `deployment-${i + 1}`, taken),
      weight: routing.weights[i]!,
      classes: [],
      ...(limited ? { tpm: dep.tpm, rpm: dep.rpm } : {}),
    }));
    if (limited) group.noCapacityExit = router;
    graph.nodes.find((n) => n.id === router)!.params = {
      strategy: routing.strategy,
      routes,
      // LiteLLM picks only deployments that are not cooling down, and retries through the router.
      skipOpenBreakers: !settings.disableCooldowns,
      retry: { numRetries: routerRetries(settings, name, deps, log), policy: 'litellm' },
    };
    routes.forEach((r, i) => graph.connect(router, r.name, entries[i]!));
    group.entry = router;
  } else group.entry = entries[0]!;
  return group;
}

/**
 * The Router's num_retries for a group with several deployments: each retry is routed again, at once
 * while another deployment is healthy (LiteLLM's _time_to_sleep_before_retry), else after the backoff.
 */
function routerRetries(settings: ProxySettings, group: string, deps: ProxyDeployment[], log: NoteLog): number {
  // A deployment's own litellm_params.num_retries replaces the router's count for requests it takes
  // first; one router count per group is simulated, so differing counts are reported.
  const own = [...new Set(deps.map((d) => d.numRetries).filter((n): n is number => n !== null))];
  const n = own[0] ?? settings.numRetries ?? LITELLM_DEFAULTS.numRetries;
  if (own.length > 1 || (own.length === 1 && deps.some((d) => d.numRetries === null))) {
    log.warn(deps[0]!.path, `group '${group}': its deployments set different num_retries (${deps.map((d) => d.numRetries ?? 'router default').join(', ')}); LiteLLM uses the count of the deployment a request is first sent to, Preflight one count per group: ${n}`);
  }
  if (n > 20) log.warn('router_settings.num_retries', `group '${group}': num_retries ${n} is more than Preflight simulates (20); 20 used`);
  return Math.min(20, n);
}

/**
 * A lone deployment retries the Router's num_retries (or its own litellm_params.num_retries, which
 * replaces it) on itself with LiteLLM backoff: there is no other deployment to try. In a group, the
 * group's router retries and the deployment makes one attempt per routing (LiteLLM gives deployment
 * clients max_retries 0).
 */
function llmParams(dep: ProxyDeployment, model: ModelEntry, settings: ProxySettings, quota: string | null, alone: boolean, log: NoteLog): Record<string, unknown> {
  const numRetries = alone ? (dep.numRetries ?? settings.numRetries ?? LITELLM_DEFAULTS.numRetries) : 0;
  if (numRetries > 20) log.warn(`${dep.path}`, `num_retries ${numRetries} is more than Preflight simulates (20); 20 used`);
  const timeoutS = dep.timeoutS ?? settings.timeoutS ?? LITELLM_DEFAULTS.requestTimeoutS;
  const params: Record<string, unknown> = {
    model: model.id,
    timeoutMs: timeoutS * 1000,
    quota,
    retry: { numRetries: Math.min(20, numRetries), policy: 'litellm' },
  };
  // The node's defaults (500-token system prompt, max_tokens 1024) must fit the model's window.
  if (model.contextWindowTokens < 1524) Object.assign(params, { systemPromptTokens: Math.floor(model.contextWindowTokens / 4), maxTokens: Math.max(1, Math.floor(model.contextWindowTokens / 2)) });
  return params;
}

function breakerParams(settings: ProxySettings, singleDeployment: boolean): Record<string, unknown> {
  return {
    flavour: 'litellm',
    litellm: {
      allowed_fails: settings.allowedFails ?? LITELLM_DEFAULTS.allowedFails,
      cooldown_time: settings.cooldownTimeS ?? LITELLM_DEFAULTS.cooldownTimeS,
      singleDeployment,
    },
  };
}

function deploymentQuota(dep: ProxyDeployment, label: string, quotas: Array<Record<string, unknown>>): string | null {
  if (dep.rpm === null && dep.tpm === null && dep.maxParallelRequests === null) return null;
  const id = `quota-${label}`.replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 64);
  quotas.push({ id, name: `${dep.model} (${dep.path})`, rpm: dep.rpm, tpm: dep.tpm, maxParallelRequests: dep.maxParallelRequests });
  return id;
}

/** Failure exits no fallback took end at one Error terminal (added only when something leads there). */
function endUnwiredFailures(graph: PipelineGraph, groups: Map<string, BuiltGroup>): void {
  let error: string | null = null;
  for (const g of groups.values()) {
    for (const [id, port] of groupExits(g, 'error')) {
      if (graph.isWired(id, port)) continue;
      error ??= graph.add('error', 'error', 'Error');
      graph.connect(id, port, error);
    }
  }
}

/** Models the document uses that the built-in catalog lacks travel in its `models`, so it loads anywhere. */
function modelsToEmbed(matches: Map<ProxyDeployment, ModelMatch>): ModelEntry[] {
  const builtin = builtinCatalog();
  const out = new Map<string, ModelEntry>();
  for (const { entry } of matches.values()) if (builtin.get(entry.id) !== entry && !out.has(entry.id)) out.set(entry.id, entry);
  return [...out.values()];
}
