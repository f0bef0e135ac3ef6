import { parseDocument } from 'yaml';
import { describeValue, isRecord, NoteLog } from './import-notes';

/**
 * Reads a LiteLLM proxy `config.yaml` into the few facts a pipeline needs: the deployments of each
 * model group and the router/retry/fallback/cooldown settings. Every other key gets one note (secrets
 * a note without their value); a value of the wrong type gets a warning naming the path, the value and
 * what is allowed, and is left out.
 */
export interface ProxyDeployment {
  /** `model_list[i]`. */
  path: string;
  group: string;
  /** `litellm_params.model`, e.g. `azure/chatgpt-v-2`. */
  model: string;
  baseModel: string | null;
  /** `model_info.mode`, when the config states it. */
  mode: string | null;
  rpm: number | null;
  tpm: number | null;
  maxParallelRequests: number | null;
  timeoutS: number | null;
  numRetries: number | null;
  weight: number | null;
  /** Per-token prices written in the config (litellm_params or model_info), with the window if given. */
  customPrices: { inputUsdPerToken: number; outputUsdPerToken: number; contextWindowTokens: number | null } | null;
}

export interface FallbackRule {
  group: string;
  targets: string[];
  path: string;
}

export interface ProxySettings {
  routingStrategy: string;
  numRetries: number | null;
  timeoutS: number | null;
  allowedFails: number | null;
  cooldownTimeS: number | null;
  disableCooldowns: boolean;
  fallbacks: FallbackRule[];
  contextWindowFallbacks: FallbackRule[];
  contentPolicyFallbacks: FallbackRule[];
  defaultFallbacks: string[];
  /** alias → model group (`router_settings.model_group_alias`). */
  aliases: Map<string, string>;
}

export interface ProxyConfig {
  deployments: ProxyDeployment[];
  settings: ProxySettings;
}

const FALLBACK_KEYS = { fallbacks: 'fallbacks', context_window_fallbacks: 'contextWindowFallbacks', content_policy_fallbacks: 'contentPolicyFallbacks' } as const;

export function readProxyConfig(yamlText: string, log: NoteLog): ProxyConfig {
  const root = parseYaml(yamlText);
  const settings = readSettings(root, log);
  const list = root.model_list;
  if (!Array.isArray(list) || list.length === 0) {
    throw new Error(`model_list: expected a non-empty list of deployments ({model_name, litellm_params: {model, …}}); got ${describeValue(list)}`);
  }
  const deployments = list.flatMap((item, i) => readDeployment(item, `model_list[${i}]`, log) ?? []);
  for (const key of Object.keys(root)) {
    if (key === 'model_list' || key === 'litellm_settings' || key === 'router_settings') continue;
    log.ignored(key, key, root[key], `section '${key}' configures the proxy server, not request handling; not modelled by Preflight, ignored`);
  }
  return { deployments, settings };
}

function parseYaml(text: string): Record<string, unknown> {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    const first = doc.errors[0]!;
    const where = first.linePos?.[0] ? ` at line ${first.linePos[0].line}, column ${first.linePos[0].col}` : '';
    throw new Error(`config.yaml: not valid YAML${where}: ${first.message.split('\n')[0]}`);
  }
  const root: unknown = doc.toJS({ maxAliasCount: 1000 });
  if (!isRecord(root)) throw new Error(`config.yaml: expected a mapping with model_list, litellm_settings, router_settings …; got ${describeValue(root)}`);
  return root;
}

const DEPLOYMENT_KEYS = new Set(['model_name', 'litellm_params', 'model_info', 'rpm', 'tpm']);
const PARAM_KEYS = new Set(['model', 'rpm', 'tpm', 'timeout', 'num_retries', 'weight', 'max_parallel_requests', 'input_cost_per_token', 'output_cost_per_token']);
const INFO_KEYS = new Set(['base_model', 'mode', 'input_cost_per_token', 'output_cost_per_token', 'max_input_tokens', 'max_tokens']);

function readDeployment(item: unknown, path: string, log: NoteLog): ProxyDeployment | null {
  if (!isRecord(item)) return skip(log, path, `expected a deployment {model_name, litellm_params}; got ${describeValue(item)}`);
  const params = item.litellm_params;
  if (typeof item.model_name !== 'string' || !item.model_name) return skip(log, `${path}.model_name`, `expected the model group name (a string); got ${describeValue(item.model_name)}`);
  if (!isRecord(params)) return skip(log, `${path}.litellm_params`, `expected a mapping with at least "model"; got ${describeValue(params)}`);
  if (typeof params.model !== 'string') return skip(log, `${path}.litellm_params.model`, `expected the provider model (e.g. "openai/gpt-4o"); got ${describeValue(params.model)}`);
  const info = isRecord(item.model_info) ? item.model_info : {};
  if (item.model_info !== undefined && !isRecord(item.model_info)) log.warn(`${path}.model_info`, `expected a mapping; got ${describeValue(item.model_info)}; ignored`);
  for (const key of Object.keys(item)) if (!DEPLOYMENT_KEYS.has(key)) log.ignored(`${path}.${key}`, key, item[key]);
  for (const key of Object.keys(params)) if (!PARAM_KEYS.has(key)) log.ignored(`${path}.litellm_params.${key}`, key, params[key], ignoredParamWhy(key));
  for (const key of Object.keys(info)) if (!INFO_KEYS.has(key)) log.ignored(`${path}.model_info.${key}`, key, info[key]);

  const limit = (key: 'rpm' | 'tpm'): number | null => {
    const top = count(item[key], `${path}.${key}`, log, 1);
    const nested = count(params[key], `${path}.litellm_params.${key}`, log, 1);
    if (top !== null && nested !== null && top !== nested) log.warn(`${path}.${key}`, `${key} is set twice (${top} here, ${nested} in litellm_params); LiteLLM reads the deployment-level value, so ${top} is used`);
    return top ?? nested;
  };
  return {
    path,
    group: item.model_name,
    model: params.model.trim(),
    baseModel: typeof info.base_model === 'string' ? info.base_model : null,
    mode: typeof info.mode === 'string' ? info.mode : null,
    rpm: limit('rpm'),
    tpm: limit('tpm'),
    maxParallelRequests: count(params.max_parallel_requests, `${path}.litellm_params.max_parallel_requests`, log, 1),
    timeoutS: seconds(params.timeout, `${path}.litellm_params.timeout`, log),
    numRetries: count(params.num_retries, `${path}.litellm_params.num_retries`, log, 0),
    weight: number(params.weight, `${path}.litellm_params.weight`, log, 0),
    customPrices: customPrices(params, info, path, log),
  };
}

function ignoredParamWhy(key: string): string {
  if (key === 'stream_timeout') return "stream_timeout applies to streaming calls only; the LLM node has one per-attempt timeout, taken from timeout; ignored";
  if (/_cost_per_/.test(key)) return `${key} is not a per-token price; Preflight bills tokens, so this price is ignored`;
  return 'not modelled by Preflight; ignored';
}

function customPrices(params: Record<string, unknown>, info: Record<string, unknown>, path: string, log: NoteLog): ProxyDeployment['customPrices'] {
  const where = params.input_cost_per_token !== undefined ? 'litellm_params' : 'model_info';
  const source = where === 'litellm_params' ? params : info;
  const input = number(source.input_cost_per_token, `${path}.${where}.input_cost_per_token`, log, 0);
  const output = number(source.output_cost_per_token, `${path}.${where}.output_cost_per_token`, log, 0);
  if (input === null || output === null) return null;
  const window = count(info.max_input_tokens, `${path}.model_info.max_input_tokens`, log, 1) ?? count(info.max_tokens, `${path}.model_info.max_tokens`, log, 1);
  return { inputUsdPerToken: input, outputUsdPerToken: output, contextWindowTokens: window };
}

const SETTING_KEYS = new Set(['num_retries', 'request_timeout', 'timeout', 'routing_strategy', 'allowed_fails', 'cooldown_time', 'disable_cooldowns', 'default_fallbacks', 'model_group_alias', ...Object.keys(FALLBACK_KEYS)]);

function readSettings(root: Record<string, unknown>, log: NoteLog): ProxySettings {
  const sections = (['router_settings', 'litellm_settings'] as const).map((name) => {
    const value = root[name];
    if (value !== undefined && value !== null && !isRecord(value)) log.warn(name, `expected a mapping of settings; got ${describeValue(value)}; ignored`);
    return { name, values: isRecord(value) ? value : {} };
  });
  /** The first section (router_settings, then litellm_settings) that sets `key`: LiteLLM's router settings win. */
  const pick = (key: string) => sections.find((s) => s.values[key] !== undefined && s.values[key] !== null);
  const read = <T>(key: string, parse: (v: unknown, path: string) => T | null): T | null => {
    const s = pick(key);
    return s ? parse(s.values[key], `${s.name}.${key}`) : null;
  };
  for (const s of sections) for (const key of Object.keys(s.values)) if (!SETTING_KEYS.has(key)) log.ignored(`${s.name}.${key}`, key, s.values[key]);

  const strategy = read('routing_strategy', (v, path) => (typeof v === 'string' ? v.trim() : (log.warn(path, `expected a strategy name; got ${describeValue(v)}; simple-shuffle used`), null)));
  const settings: ProxySettings = {
    routingStrategy: strategy ?? 'simple-shuffle',
    numRetries: read('num_retries', (v, p) => count(v, p, log, 0)),
    timeoutS: read('timeout', (v, p) => seconds(v, p, log)) ?? read('request_timeout', (v, p) => seconds(v, p, log)),
    allowedFails: read('allowed_fails', (v, p) => count(v, p, log, 0)),
    cooldownTimeS: read('cooldown_time', (v, p) => seconds(v, p, log)),
    disableCooldowns: read('disable_cooldowns', (v, p) => (typeof v === 'boolean' ? v : (log.warn(p, `expected true or false; got ${describeValue(v)}; ignored`), null))) ?? false,
    fallbacks: [],
    contextWindowFallbacks: [],
    contentPolicyFallbacks: [],
    defaultFallbacks: read('default_fallbacks', (v, p) => stringList(v, p, log)) ?? [],
    aliases: new Map(),
  };
  for (const [key, field] of Object.entries(FALLBACK_KEYS)) {
    for (const s of sections) if (s.values[key] !== undefined) settings[field].push(...fallbackRules(s.values[key], `${s.name}.${key}`, log));
  }
  noteSettings(settings, pick, log);
  const alias = read('model_group_alias', (v, p) => (isRecord(v) ? v : (log.warn(p, `expected a mapping alias → model group; got ${describeValue(v)}; ignored`), null)));
  for (const [name, target] of Object.entries(alias ?? {})) {
    const group = typeof target === 'string' ? target : isRecord(target) && typeof target.model === 'string' ? target.model : null;
    if (group) {
      settings.aliases.set(name, group);
      log.info(`${pick('model_group_alias')!.name}.model_group_alias.${name}`, `alias of model group '${group}': requests to it are part of that group's traffic (no node of its own)`);
    } else log.warn(`${pick('model_group_alias')!.name}.model_group_alias.${name}`, `expected a model group name; got ${describeValue(target)}; ignored`);
  }
  return settings;
}

/** Where each request-handling setting came from, or that LiteLLM's default applies. */
function noteSettings(settings: ProxySettings, pick: (key: string) => { name: string } | undefined, log: NoteLog): void {
  const at = (key: string) => `${pick(key)?.name ?? 'router_settings'}.${key}`;
  log.info(at('routing_strategy'), `routing strategy ${settings.routingStrategy}${pick('routing_strategy') ? '' : " (LiteLLM's default)"}: used by the router of each group with several deployments`);
  log.info(at('num_retries'), `${settings.numRetries === null ? "not set: LiteLLM's default of 2 retries (openai.DEFAULT_MAX_RETRIES) is used" : `${settings.numRetries} retries`}. In a group of several deployments the group's router retries: a failed call is routed again, at once while another deployment is not cooling down, else after LiteLLM backoff (0.5 s·2ⁿ ≤ 8 s + jitter, Retry-After honoured). A lone deployment retries on itself with that backoff`);
  const timeoutKey = pick('timeout') ? 'timeout' : 'request_timeout';
  log.info(at(timeoutKey), settings.timeoutS === null ? "not set: LiteLLM's default request_timeout of 6000 s is the per-attempt timeout" : `per-attempt timeout ${settings.timeoutS} s (deployments with their own litellm_params.timeout use that)`);
  if (settings.disableCooldowns) log.info(at('disable_cooldowns'), 'cooldowns are off: no breaker is put in front of the deployments');
  else log.info(at('allowed_fails'), `each deployment gets a LiteLLM cooldown breaker: ${settings.allowedFails ?? 3} allowed fails per minute${pick('allowed_fails') ? '' : " (LiteLLM's default)"}, cooldown ${settings.cooldownTimeS ?? 5} s${pick('cooldown_time') ? '' : " (LiteLLM's default)"}`);
}

/** `[{"gpt-3.5-turbo": ["gpt-4"]}, …]`: each mapping's keys are groups, each value the ordered fallbacks. */
function fallbackRules(value: unknown, path: string, log: NoteLog): FallbackRule[] {
  const items = Array.isArray(value) ? value : isRecord(value) ? [value] : null;
  if (items === null) {
    log.warn(path, `expected a list like [{"gpt-3.5-turbo": ["gpt-4"]}]; got ${describeValue(value)}; ignored`);
    return [];
  }
  return items.flatMap((item, i) => {
    const itemPath = Array.isArray(value) ? `${path}[${i}]` : path;
    if (!isRecord(item)) {
      log.warn(itemPath, `expected a mapping {group: [fallback groups]}; got ${describeValue(item)}; ignored`);
      return [];
    }
    return Object.entries(item).flatMap(([group, targets]) => {
      const list = stringList(targets, `${itemPath}.${group}`, log);
      return list ? [{ group, targets: list, path: `${itemPath}.${group}` }] : [];
    });
  });
}

function stringList(v: unknown, path: string, log: NoteLog): string[] | null {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  log.warn(path, `expected a list of model group names; got ${describeValue(v)}; ignored`);
  return null;
}

function number(v: unknown, path: string, log: NoteLog, min: number): number | null {
  if (v === undefined || v === null) return null;
  const n = typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v;
  if (typeof n === 'number' && Number.isFinite(n) && n >= min) return n;
  log.warn(path, `expected a number ≥ ${min}; got ${describeValue(v)}; ignored`);
  return null;
}

function count(v: unknown, path: string, log: NoteLog, min: number): number | null {
  const n = number(v, path, log, min);
  if (n === null || Number.isInteger(n)) return n;
  log.warn(path, `expected a whole number ≥ ${min}; got ${n}; rounded down to ${Math.floor(n)}`);
  return Math.floor(n) >= min ? Math.floor(n) : null;
}

/** LiteLLM timeouts are seconds; 0 or less is refused (a positive number of seconds is allowed). */
function seconds(v: unknown, path: string, log: NoteLog): number | null {
  const n = number(v, path, log, 0);
  if (n === 0) {
    log.warn(path, 'expected a positive number of seconds; got 0; ignored');
    return null;
  }
  return n;
}

function skip(log: NoteLog, path: string, message: string): null {
  log.warn(path, `${message}; this deployment is left out`);
  return null;
}
