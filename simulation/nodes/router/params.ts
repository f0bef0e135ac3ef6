import { z } from 'zod';
import { retrySchema } from '../call-params';

const RouteSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'a route name: lower-case letter, then letters, digits, "_" or "-"').meta({ description: 'The output port of this route.' }),
    weight: z.number().min(0).default(1).meta({ description: 'Share of traffic for the weighted strategy (relative).' }),
    classes: z.array(z.string()).default([]).meta({ description: 'Query classes sent here by the by-class strategy; a route with none takes the classes no route lists.' }),
    tpm: z.number().positive().nullable().default(null).meta({ unit: 'tokens/min', description: "Usage- and latency-based strategies: tokens per minute this route's deployment may take (LiteLLM deployment tpm); null for no limit." }),
    rpm: z.number().positive().nullable().default(null).meta({ unit: 'requests/min', description: "Usage- and latency-based strategies: requests per minute this route's deployment may take (LiteLLM deployment rpm); null for no limit." }),
  })
  .strict();

/** The router's extra port under usage- and latency-based routing: no route has room this minute (LiteLLM's "No deployments available", a 429). */
export const NO_CAPACITY_PORT = 'no_capacity';

export const RouterParams = z
  .object({
    strategy: z.enum(['weighted', 'by-class', 'least-busy', 'latency-based', 'usage-based']).default('weighted').meta({
      title: 'Strategy',
      description:
        "weighted: random by weight (LiteLLM simple-shuffle); by-class: model tiering by query class; least-busy: fewest calls in flight at the route's call (LiteLLM); latency-based: lowest seconds per output token of the route's recent LLM calls, first token per token when streaming (LiteLLM), else lowest recent end-to-end latency; usage-based: fewest tokens this minute among routes with tpm/rpm room (LiteLLM v2), else the no_capacity port.",
    }),
    routes: z
      .array(RouteSchema)
      .min(1)
      .max(16)
      .default([
        { name: 'a', weight: 1, classes: [], tpm: null, rpm: null },
        { name: 'b', weight: 1, classes: [], tpm: null, rpm: null },
      ])
      .superRefine((routes, ctx) => {
        const seen = new Set<string>();
        routes.forEach((r, i) => {
          if (seen.has(r.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `route name '${r.name}' is used twice` });
          if (r.name === NO_CAPACITY_PORT) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `'${NO_CAPACITY_PORT}' is the router's own port for "no route has room"; name the route differently` });
          seen.add(r.name);
        });
      })
      .meta({ title: 'Routes' }),
    lowestLatencyBuffer: z.number().min(0).default(0).meta({
      unit: 'share',
      title: 'Latency buffer',
      description: 'latency-based: routes within this share above the lowest latency are picked at random (LiteLLM routing_strategy_args lowest_latency_buffer; 0 = the lowest, ties at random).',
    }),
    skipOpenBreakers: z.boolean().default(false).meta({
      title: 'Skip routes in cooldown',
      description:
        'Choose only among routes whose circuit breaker would let a call through now, as LiteLLM picks only healthy deployments (not cooling down). When no route is healthy the request takes its route anyway and leaves by that breaker’s open path.',
    }),
    retry: retrySchema(0, 'litellm')
      .prefault({})
      .meta({
        title: 'Router retries',
        description:
          'LiteLLM Router num_retries: a failed call on a route comes back here and is routed again — at once while another route is healthy (litellm policy), else after the backoff. Then the call’s error port (fallbacks).',
      }),
  })
  .strict();
export type RouterParamsOut = z.output<typeof RouterParams>;

/** The route a class goes to under by-class routing: the first listing it, else the first listing none; −1 if none. */
export function routeForClass(routes: RouterParamsOut['routes'], className: string): number {
  const listed = routes.findIndex((r) => r.classes.includes(className));
  return listed >= 0 ? listed : routes.findIndex((r) => r.classes.length === 0);
}
