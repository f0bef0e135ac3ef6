import { z } from 'zod';
import type { EngineApi, NodeReport, NodeRuntime } from '../../engine/engine-api';
import type { SimRequest } from '../../engine/request';
import type { CompiledClass } from '../../engine/traffic';
import type { RandomStream } from '../../random/streams';
import { defineNodeKind, type BuildContext, type PortDefinition } from '../kind';

const RouteSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a route name: lower-case letter, then letters, digits, "_" or "-"').meta({ description: 'The output port of this route.' }),
    weight: z.number().min(0).default(1).meta({ description: 'Share of traffic for the weighted strategy (relative).' }),
    classes: z.array(z.string()).default([]).meta({ description: 'Query classes sent here by the by-class strategy; a route with none takes the classes no route lists.' }),
  })
  .strict();

export const RouterParams = z
  .object({
    strategy: z.enum(['weighted', 'by-class', 'least-busy', 'latency-based']).default('weighted').meta({
      title: 'Strategy',
      description: 'weighted: random by weight (LiteLLM simple-shuffle); by-class: model tiering by query class; least-busy: fewest requests in flight; latency-based: lowest mean latency of the last 10 requests (untried routes first).',
    }),
    routes: z
      .array(RouteSchema)
      .min(1)
      .max(16)
      .default([
        { name: 'a', weight: 1, classes: [] },
        { name: 'b', weight: 1, classes: [] },
      ])
      .superRefine((routes, ctx) => {
        const seen = new Set<string>();
        routes.forEach((r, i) => {
          if (seen.has(r.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `route name '${r.name}' is used twice` });
          seen.add(r.name);
        });
      })
      .meta({ title: 'Routes' }),
  })
  .strict();
type Params = z.output<typeof RouterParams>;

const LATENCY_SAMPLES = 10;

/** Sends each request down one of its named routes (SEMANTICS §9). */
class RouterRuntime implements NodeRuntime {
  private readonly engine: EngineApi;
  private readonly index: number;
  private readonly params: Params;
  private readonly rng: RandomStream;
  private readonly cumulativeWeights: Float64Array;
  /** by-class: route per query class. */
  private readonly classRoute: Int32Array;
  private readonly inFlight: Float64Array;
  private readonly latencies: Float64Array[];
  private readonly latencyCount: Float64Array;
  private readonly routedAt = new Map<number, { route: number; atMs: number }>();
  readonly routed: Float64Array;

  constructor(ctx: BuildContext<Params>) {
    this.engine = ctx.engine;
    this.index = ctx.index;
    this.params = ctx.params;
    this.rng = ctx.stream('route');
    const routes = ctx.params.routes;
    const total = routes.reduce((s, r) => s + r.weight, 0) || 1;
    let acc = 0;
    this.cumulativeWeights = Float64Array.from(routes, (r) => (acc += r.weight / total));
    this.classRoute = Int32Array.from(ctx.traffic.classes, (c: CompiledClass) => routeForClass(routes, c.name));
    this.inFlight = new Float64Array(routes.length);
    this.latencies = routes.map(() => new Float64Array(LATENCY_SAMPLES));
    this.latencyCount = new Float64Array(routes.length);
    this.routed = new Float64Array(routes.length);
  }

  enter(req: SimRequest): void {
    const route = this.choose(req);
    if (req.counted && !req.shadow) this.routed[route]!++;
    if (this.params.strategy === 'least-busy' || this.params.strategy === 'latency-based') {
      this.inFlight[route]!++;
      this.routedAt.set(req.id, { route, atMs: this.engine.now });
      this.engine.addFinishHook(req, this.index);
    }
    this.engine.emit(req, this.index, route);
  }

  onEvent(): void {}

  onRequestFinished(req: SimRequest, served: boolean): void {
    const entry = this.routedAt.get(req.id);
    if (!entry) return;
    this.routedAt.delete(req.id);
    this.inFlight[entry.route]!--;
    if (!served) return;
    const n = this.latencyCount[entry.route]!;
    this.latencies[entry.route]![n % LATENCY_SAMPLES] = this.engine.now - entry.atMs;
    this.latencyCount[entry.route] = n + 1;
  }

  report(): NodeReport {
    return { strategy: this.params.strategy, routed: Object.fromEntries(this.params.routes.map((r, i) => [r.name, this.routed[i]!])) };
  }

  private choose(req: SimRequest): number {
    switch (this.params.strategy) {
      case 'by-class':
        return Math.max(0, this.classRoute[req.classIndex]!);
      case 'weighted': {
        const u = this.rng.uniform();
        const cum = this.cumulativeWeights;
        for (let i = 0; i < cum.length - 1; i++) if (u < cum[i]!) return i;
        return cum.length - 1;
      }
      case 'least-busy': {
        let best = 0;
        for (let i = 1; i < this.inFlight.length; i++) if (this.inFlight[i]! < this.inFlight[best]!) best = i;
        return best;
      }
      case 'latency-based': {
        let best = -1;
        let bestMean = Infinity;
        for (let i = 0; i < this.latencies.length; i++) {
          const n = Math.min(LATENCY_SAMPLES, this.latencyCount[i]!);
          if (n === 0) return i; // try every route once
          let sum = 0;
          for (let k = 0; k < n; k++) sum += this.latencies[i]![k]!;
          if (sum / n < bestMean) {
            bestMean = sum / n;
            best = i;
          }
        }
        return best;
      }
    }
  }
}

/** The route a class goes to under by-class routing: the first listing it, else the first listing none; −1 if none. */
export function routeForClass(routes: Params['routes'], className: string): number {
  const listed = routes.findIndex((r) => r.classes.includes(className));
  return listed >= 0 ? listed : routes.findIndex((r) => r.classes.length === 0);
}

export const routerKind = defineNodeKind({
  kind: 'router',
  title: 'Router',
  group: 'reliability',
  description: 'Splits traffic over named routes: by query class (model tiering), by weight, to the least busy route, or to the fastest recently.',
  params: RouterParams,
  outputs: [],
  outputsFor: (p): PortDefinition[] => p.routes.map((r) => ({ name: r.name, description: `Route "${r.name}"`, required: true })),
  acceptsInput: true,
  callNode: false,
  summarize: (p) => [p.strategy, p.routes.map((r) => (p.strategy === 'weighted' ? `${r.name} ${r.weight}` : r.name)).join(' · ')],
  validate: ({ params, path, nodeId, classNames }) => {
    if (params.strategy !== 'by-class') return [];
    return classNames
      .filter((c) => routeForClass(params.routes, c) < 0)
      .map((c) => ({ severity: 'error' as const, path: `${path}.params.routes`, nodeId, message: `query class '${c}' has no route: list it in a route's classes or leave one route's classes empty as the default` }));
  },
  load: (p, ctx) => {
    const total = p.routes.reduce((s, r) => s + r.weight, 0) || 1;
    const shares: Record<string, number> = Object.fromEntries(p.routes.map((r) => [r.name, p.strategy === 'weighted' ? r.weight / total : 0]));
    if (p.strategy === 'by-class') {
      const classTotal = ctx.traffic.classes.reduce((s, c) => s + c.share, 0);
      for (const c of ctx.traffic.classes) {
        const i = routeForClass(p.routes, c.name);
        if (i >= 0) shares[p.routes[i]!.name]! += c.share / classTotal;
      }
    } else if (p.strategy !== 'weighted') for (const r of p.routes) shares[r.name] = 1 / p.routes.length;
    return { meanServiceMs: 0, meanTokensPerCall: 0, portShares: shares, quotaId: null };
  },
  create: (ctx) => new RouterRuntime(ctx),
});
