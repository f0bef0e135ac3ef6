import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../simulation/catalog/catalog';
import { importLiteLlmPriceMap } from '../../../simulation/importers/litellm-prices';
import { importLiteLlmProxyConfig } from '../../../simulation/importers/litellm-proxy';
import { loadPipeline } from '../../../simulation/model/load';
import { runPipeline } from '../../../simulation/run';

const REAL = new URL('../../../../shared/fixtures/litellm/proxy_server_config.yaml', import.meta.url);
const REAL_PRICES = new URL('../../../../shared/fixtures/litellm/model_prices_and_context_window.json', import.meta.url);
const OWN = new URL('../../fixtures/litellm/proxy-config.yaml', import.meta.url);
const catalog = builtinCatalog();

type Node = { id: string; kind: string; params: Record<string, unknown> };
type Edge = { from: string; port: string; to: string };
function parts(doc: { nodes: unknown; edges?: unknown; quotas?: unknown }) {
  const nodes = doc.nodes as Node[];
  const edges = (doc.edges ?? []) as Edge[];
  const node = (id: string) => nodes.find((n) => n.id === id)!;
  const target = (from: string, port: string) => edges.find((e) => e.from === from && e.port === port)?.to;
  return { nodes, edges, node, target, quotas: (doc.quotas ?? []) as Array<Record<string, unknown>> };
}

describe('LiteLLM proxy config: the real proxy_server_config.yaml', () => {
  const imported = () => importLiteLlmProxyConfig(readFileSync(REAL, 'utf8'), { catalog });

  it.skipIf(!existsSync(REAL))('gives a pipeline that loads without errors and runs', () => {
    const { doc } = imported();
    const loaded = loadPipeline(doc);
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    if (!loaded.ok) return;
    const results = runPipeline(loaded.doc, loaded.catalog, { durationMs: 60_000, warmupMs: 0, seed: 7 });
    expect(results.outcomes.measured).toBeGreaterThan(300);
    expect(results.outcomes.served).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(REAL))('copies no secret and no environment reference', () => {
    const { doc, notes } = imported();
    const text = JSON.stringify({ doc, notes });
    for (const secret of ['sk-1234', 'os.environ', 'AZURE_API_KEY', 'my-fake-key', 'fake-key', 'LANGFUSE', 'REDIS_PASSWORD']) expect(text).not.toContain(secret);
    const secretNotes = notes.filter((n) => /secret|environment variable/.test(n.message)).map((n) => n.path);
    expect(secretNotes).toEqual(expect.arrayContaining(['general_settings.master_key', 'router_settings.redis_password', 'model_list[1].litellm_params.api_key', 'model_list[9].litellm_params.api_key', 'litellm_settings.default_team_settings[1].langfuse_secret']));
  });

  it.skipIf(!existsSync(REAL))('reports the three wildcard routes and the non-chat groups', () => {
    const { notes } = imported();
    const wildcards = notes.filter((n) => n.message.startsWith('wildcard route'));
    expect(wildcards.map((n) => n.path)).toEqual(['model_list[14]', 'model_list[15]', 'model_list[16]']);
    expect(wildcards.every((n) => n.severity === 'warning')).toBe(true);
    const leftOut = notes.filter((n) => /model; the imported pipeline simulates chat requests/.test(n.message)).map((n) => n.path);
    expect(leftOut).toEqual(['model_list[6]', 'model_list[7]', 'model_list[8]', 'model_list[17]']);
  });

  it.skipIf(!existsSync(REAL))('makes a usage-based router for groups with two deployments, carrying their tpm/rpm, with "no deployment has room" as a group exit', () => {
    const { doc } = imported();
    const { node, target } = parts(doc);
    for (const id of ['router-gpt-3.5-turbo-end-user-test', 'router-fake-openai-endpoint-3']) {
      expect(node(id).kind).toBe('router');
      expect(node(id).params).toMatchObject({ strategy: 'usage-based' });
      expect((node(id).params.routes as unknown[]).length).toBe(2);
      expect(target(id, 'no_capacity')).toBeDefined();
    }
    expect((node('router-fake-openai-endpoint-3').params.routes as Array<{ rpm: number | null }>).map((r) => r.rpm)).toEqual([1000, 1000]);
  });

  it.skipIf(!existsSync(REAL))('maps num_retries 5, timeouts in seconds, rpm quotas and LiteLLM cooldown breakers', () => {
    const { doc } = imported();
    const { nodes, node, target, quotas } = parts(doc);
    const llms = nodes.filter((n) => n.kind === 'llm');
    expect(llms).toHaveLength(12);
    // Groups of several deployments retry through their router (re-routed at once while another
    // deployment is healthy); a lone deployment retries on itself with LiteLLM backoff.
    const routers = nodes.filter((n) => n.kind === 'router' && n.id !== 'model-groups');
    expect(routers.length).toBeGreaterThan(0);
    for (const r of routers) expect(r.params).toMatchObject({ skipOpenBreakers: true, retry: { numRetries: 5, policy: 'litellm' } });
    const grouped = new Set(routers.flatMap((r) => (r.params.routes as Array<{ name: string }>).map((route) => target(target(r.id, route.name)!, 'pass'))));
    for (const llm of llms) expect(llm.params.retry).toEqual({ numRetries: grouped.has(llm.id) ? 0 : 5, policy: 'litellm' });
    expect(grouped.size).toBe(4);
    expect(node('llm-gpt-4').params).toMatchObject({ model: 'gpt-4', timeoutMs: 300_000, quota: 'quota-gpt-4' });
    expect(node('llm-gpt-3.5-turbo').params).toMatchObject({ timeoutMs: 600_000, quota: null });
    expect(quotas.find((q) => q.id === 'quota-gpt-4')).toMatchObject({ rpm: 480 });
    expect(quotas.find((q) => q.id === 'quota-fake-openai-endpoint-2')).toMatchObject({ rpm: 1 });
    expect(node('cooldown-gpt-4').params).toEqual({ flavour: 'litellm', litellm: { allowed_fails: 3, cooldown_time: 5, singleDeployment: true } });
    expect(target('cooldown-gpt-4', 'pass')).toBe('llm-gpt-4');
    expect(node('cooldown-fake-openai-endpoint-3-1').params).toMatchObject({ litellm: { singleDeployment: false } });
  });

  it.skipIf(!existsSync(REAL))('wires context_window_fallbacks gpt-3.5-turbo → gpt-3.5-turbo-large', () => {
    const { doc } = imported();
    const { target } = parts(doc);
    expect(target('llm-gpt-3.5-turbo', 'context_window')).toBe('cooldown-gpt-3.5-turbo-large');
    expect(target('cooldown-gpt-3.5-turbo-large', 'pass')).toBe('llm-gpt-3.5-turbo-large');
  });

  it.skipIf(!existsSync(REAL))('prices deployments through the group name, a sibling, the family or the reported stand-in', () => {
    const { doc, notes } = imported();
    const { node } = parts(doc);
    expect(node('llm-gpt-3.5-turbo').params.model).toBe('gpt-3.5-turbo'); // azure/chatgpt-v-2 in group gpt-3.5-turbo
    expect(node('llm-gpt-3.5-turbo-end-user-test-2').params.model).toBe('gpt-3.5-turbo'); // sibling deployment
    expect(node('llm-gpt-3.5-turbo-large').params.model).toBe('gpt-3.5-turbo'); // gpt-3.5-turbo-1106: same family
    expect(node('llm-fake-openai-endpoint').params.model).toBe('gpt-4o-mini'); // openai/fake: stand-in
    expect(notes.find((n) => n.path === 'model_list[9].litellm_params.model')).toMatchObject({ severity: 'warning' });
  });

  it.skipIf(!existsSync(REAL) || !existsSync(REAL_PRICES))('with the imported LiteLLM price map, matches gpt-3.5-turbo-1106 exactly and embeds its price', () => {
    const prices = importLiteLlmPriceMap(JSON.parse(readFileSync(REAL_PRICES, 'utf8')), { recordedOn: '2026-11-27' });
    const { doc } = importLiteLlmProxyConfig(readFileSync(REAL, 'utf8'), { catalog: catalog.with(prices.entries) });
    const { node } = parts(doc);
    const model = node('llm-gpt-3.5-turbo-large').params.model as string;
    expect(doc.models?.map((m) => m.id)).toContain(model);
    expect(loadPipeline(doc).ok).toBe(true);
  });

  it.skipIf(!existsSync(REAL))('lays nodes out left to right: the source first, terminals last', () => {
    const { doc } = imported();
    const xs = new Map((doc.nodes as Array<{ id: string; position: { x: number } }>).map((n) => [n.id, n.position.x]));
    for (const e of parts(doc).edges) expect(xs.get(e.to)!).toBeGreaterThan(xs.get(e.from)!);
    expect(xs.get('clients')).toBe(0);
  });
});

describe('LiteLLM proxy config: the project fixture', () => {
  const { doc, notes } = importLiteLlmProxyConfig(readFileSync(OWN, 'utf8'), { catalog });
  const { node, target, quotas } = parts(doc);
  const note = (path: string) => notes.find((n) => n.path === path);

  it('loads without errors or warnings', () => {
    const loaded = loadPipeline(doc);
    expect(loaded.ok ? loaded.warnings : loaded.problems).toEqual([]);
  });

  it('warns where it guesses what sets the bill: the traffic, and the split between model groups', () => {
    expect(note('traffic')).toMatchObject({ severity: 'warning', message: expect.stringContaining('the pipeline runs with the default traffic (10 requests/s around the clock') });
    expect(note('model_list')).toMatchObject({ severity: 'warning', message: expect.stringContaining("router 'model-groups' splits them equally") });
  });

  it('reads rpm/tpm from both placements and max_parallel_requests into per-deployment quotas', () => {
    expect(quotas).toEqual([
      { id: 'quota-chat-main-1', name: 'azure/my-gpt4o-mini-eu (model_list[0])', rpm: 600, tpm: 200_000, maxParallelRequests: null },
      { id: 'quota-chat-main-2', name: 'openai/gpt-4o-mini (model_list[1])', rpm: 300, tpm: 100_000, maxParallelRequests: 20 },
    ]);
    expect(note('model_list[2].litellm_params.rpm')).toMatchObject({ severity: 'warning', message: 'expected a number ≥ 1; got string "lots"; ignored' });
  });

  it('shuffles by rpm like LiteLLM (a deployment without rpm weighs 0) and uses base_model', () => {
    expect(node('router-chat-main').params).toMatchObject({ strategy: 'weighted' });
    expect((node('router-chat-main').params.routes as Array<{ weight: number }>).map((r) => r.weight)).toEqual([600, 300, 0]);
    expect(node('llm-chat-main-1').params).toMatchObject({ model: 'gpt-4o-mini', timeoutMs: 30_000 });
  });

  it('turns cooldown settings into LiteLLM breakers and chains cooled-down deployments', () => {
    expect(node('cooldown-chat-main-1').params).toEqual({ flavour: 'litellm', litellm: { allowed_fails: 2, cooldown_time: 30, singleDeployment: false } });
    expect(target('cooldown-chat-main-1', 'open')).toBe('cooldown-chat-main-2');
    expect(target('cooldown-chat-main-3', 'open')).toBe('error');
  });

  it('applies global retries and timeout, with per-deployment overrides', () => {
    expect(node('llm-chat-big').params).toMatchObject({ retry: { numRetries: 1, policy: 'litellm' }, timeoutMs: 120_000 });
    expect(node('llm-chat-backup').params).toMatchObject({ model: 'claude-haiku-4-5', retry: { numRetries: 3 } });
  });

  it('wires fallbacks and their chain, refuses the loop back, and wires context-window fallbacks', () => {
    expect(target('llm-chat-big', 'error')).toBe('cooldown-chat-backup');
    expect(target('cooldown-chat-big', 'open')).toBe('cooldown-chat-backup');
    expect(target('llm-chat-backup', 'error')).toBe('cooldown-chat-last');
    expect(notes.some((n) => n.severity === 'warning' && /would make a loop/.test(n.message))).toBe(true);
    for (const id of ['llm-chat-main-1', 'llm-chat-main-2', 'llm-chat-main-3']) expect(target(id, 'context_window')).toBe('cooldown-chat-long');
    expect(note('litellm_settings.context_window_fallbacks[1].ghost-group')?.severity).toBe('warning');
    expect(note('litellm_settings.content_policy_fallbacks[0].chat-big[0]')?.message).toMatch(/left out/);
  });

  it('notes the alias, unknown keys and every secret, without their values', () => {
    expect(note('router_settings.model_group_alias.main')?.message).toMatch(/alias of model group 'chat-main'/);
    expect(note('litellm_settings.callbacks')?.message).toMatch(/not modelled/);
    expect(note('model_list[8].unknown_setting')?.message).toMatch(/not modelled/);
    for (const path of ['model_list[0].litellm_params.api_key', 'model_list[1].litellm_params.api_key', 'router_settings.redis_password', 'general_settings.master_key', 'general_settings.database_url']) {
      expect(note(path)?.message).toMatch(/not copied/);
    }
    const text = JSON.stringify({ doc, notes });
    for (const secret of ['sk-test-placeholder', 'hunter2', 'sk-1234', 'user:pass', 'AZURE_EU_KEY']) expect(text).not.toContain(secret);
  });

  it('leaves out the wildcard and the embedding group, and a single group needs no entry router', () => {
    expect(note('model_list[6]')).toMatchObject({ severity: 'warning' });
    expect(note('model_list[7]')?.message).toMatch(/embedding model/);
    const single = importLiteLlmProxyConfig('model_list:\n  - model_name: only\n    litellm_params:\n      model: gpt-4o-mini\n', { catalog });
    expect(parts(single.doc).target('clients', 'out')).toBe('cooldown-only');
    expect(loadPipeline(single.doc).ok).toBe(true);
  });
});

describe('LiteLLM proxy config: strategies and settings', () => {
  const twoDeployments = (settings: string) =>
    importLiteLlmProxyConfig(
      `model_list:
  - model_name: g
    litellm_params: { model: gpt-4o-mini, weight: 3 }
  - model_name: g
    litellm_params: { model: gpt-4.1, weight: 1 }
${settings}`,
      { catalog },
    );
  const router = (settings: string) => parts(twoDeployments(settings).doc).node('router-g').params;

  it('maps each LiteLLM routing strategy', () => {
    expect(router('')).toMatchObject({ strategy: 'weighted', routes: [{ weight: 3 }, { weight: 1 }] });
    expect(router('router_settings: { routing_strategy: least-busy }')).toMatchObject({ strategy: 'least-busy' });
    expect(router('router_settings: { routing_strategy: latency-based-routing }')).toMatchObject({ strategy: 'latency-based' });
    expect(router('router_settings: { routing_strategy: usage-based-routing }')).toMatchObject({ strategy: 'usage-based' });
    expect(router('router_settings: { routing_strategy: usage-based-routing-v2 }')).toMatchObject({ strategy: 'usage-based', routes: [{ rpm: null, tpm: null }, { rpm: null, tpm: null }] });
    expect(router('router_settings: { routing_strategy: cost-based-routing }')).toMatchObject({ strategy: 'weighted', routes: [{ weight: 1 }, { weight: 0 }] });
    const unknown = twoDeployments('router_settings: { routing_strategy: telepathy }');
    expect(unknown.notes.find((n) => /unknown routing strategy 'telepathy'/.test(n.message))?.severity).toBe('warning');
  });

  it("uses LiteLLM's defaults when nothing is set (2 retries, 6000 s, 3 fails, 5 s) and can turn cooldowns off", () => {
    const { doc, notes } = twoDeployments('');
    const { node } = parts(doc);
    expect(node('llm-g-1').params).toMatchObject({ timeoutMs: 6_000_000, retry: { numRetries: 0 } });
    expect(node('router-g').params).toMatchObject({ skipOpenBreakers: true, retry: { numRetries: 2, policy: 'litellm' } });
    expect(node('cooldown-g-1').params).toMatchObject({ litellm: { allowed_fails: 3, cooldown_time: 5 } });
    expect(notes.some((n) => /LiteLLM's default of 2 retries/.test(n.message))).toBe(true);
    const off = twoDeployments('router_settings: { disable_cooldowns: true }');
    expect(parts(off.doc).nodes.some((n) => n.kind === 'circuit_breaker')).toBe(false);
    expect(loadPipeline(off.doc).ok).toBe(true);
  });

  it("uses a grouped deployment's own num_retries as the router's count (LiteLLM replaces it), with one attempt per routing, and reports differing counts", () => {
    const yaml = (a: number, b: number) => `model_list:
  - model_name: g
    litellm_params: { model: gpt-4o-mini, num_retries: ${a} }
  - model_name: g
    litellm_params: { model: gpt-4.1, num_retries: ${b} }
router_settings: { num_retries: 1 }`;
    const same = importLiteLlmProxyConfig(yaml(4, 4), { catalog });
    expect(parts(same.doc).node('router-g').params).toMatchObject({ retry: { numRetries: 4 } });
    expect(parts(same.doc).node('llm-g-1').params).toMatchObject({ retry: { numRetries: 0 } });
    expect(same.notes.some((n) => /different num_retries/.test(n.message))).toBe(false);
    const differ = importLiteLlmProxyConfig(yaml(4, 6), { catalog });
    expect(differ.notes.find((n) => /different num_retries \(4, 6\)/.test(n.message))?.severity).toBe('warning');
  });

  it('refuses input it cannot use, naming the place', () => {
    expect(() => importLiteLlmProxyConfig('model_list: [\n', { catalog })).toThrow(/config\.yaml: not valid YAML at line/);
    expect(() => importLiteLlmProxyConfig('litellm_settings: {}', { catalog })).toThrow(/model_list: expected a non-empty list of deployments/);
    expect(() => importLiteLlmProxyConfig('model_list:\n  - model_name: "*"\n    litellm_params: { model: "openai/*" }', { catalog })).toThrow(/no chat model group left/);
  });
});
