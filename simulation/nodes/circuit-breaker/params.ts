import { z } from 'zod';

/** The three breaker flavours with their real parameter names and defaults (SEMANTICS §7). */
export const OpossumOptions = z
  .object({
    errorThresholdPercentage: z.number().min(0).max(100).default(50).meta({ unit: '%', description: 'Open when the error percentage in the rolling window exceeds this.' }),
    volumeThreshold: z.number().int().min(0).default(0).meta({ description: 'Minimum calls in the rolling window before the breaker may open.' }),
    rollingCountTimeout: z.number().positive().default(10_000).meta({ unit: 'ms', description: 'Length of the rolling statistics window.' }),
    rollingCountBuckets: z.number().int().min(1).max(1000).default(10).meta({ description: 'Buckets the rolling window is split into.' }),
    resetTimeout: z.number().positive().default(30_000).meta({ unit: 'ms', description: 'Time open before one trial call is let through (half-open).' }),
    timeout: z.number().positive().nullable().default(10_000).meta({ unit: 'ms', description: 'A call slower than this counts as a failure and the request takes the open path at once (false in opossum = null here).' }),
  })
  .strict();

export const Resilience4jOptions = z
  .object({
    slidingWindowType: z.enum(['COUNT_BASED', 'TIME_BASED']).default('COUNT_BASED'),
    slidingWindowSize: z.number().int().min(1).default(100).meta({ description: 'Calls (COUNT_BASED) or seconds (TIME_BASED) in the window.' }),
    minimumNumberOfCalls: z.number().int().min(1).default(100).meta({ description: 'Calls needed before the failure rate is evaluated.' }),
    failureRateThreshold: z.number().min(0).max(100).default(50).meta({ unit: '%', description: 'Open when the failure rate is at or above this.' }),
    slowCallRateThreshold: z.number().min(0).max(100).default(100).meta({ unit: '%', description: 'Open when this share of calls is slow.' }),
    slowCallDurationThreshold: z.number().positive().default(60_000).meta({ unit: 'ms', description: 'A call slower than this is slow.' }),
    waitDurationInOpenState: z.number().positive().default(60_000).meta({ unit: 'ms', description: 'Time open before half-open.' }),
    permittedNumberOfCallsInHalfOpenState: z.number().int().min(1).default(10).meta({ description: 'Trial calls in half-open; their failure rate decides open or closed.' }),
  })
  .strict();

export const LiteLlmCooldownOptions = z
  .object({
    allowed_fails: z.number().int().min(0).default(3).meta({ description: 'Failures allowed per minute before the deployment cools down.' }),
    cooldown_time: z.number().positive().default(5).meta({ unit: 's', description: 'Seconds the deployment is out (LiteLLM uses the Retry-After when a 429 sends one).' }),
    singleDeployment: z.boolean().default(false).meta({ description: 'The model group has one deployment: LiteLLM then cools it down only when all of ≥ 1,000 calls in a minute fail.' }),
  })
  .strict();

export const BreakerParams = z
  .object({
    flavour: z.enum(['opossum', 'resilience4j', 'litellm']).default('opossum').meta({
      title: 'Flavour',
      description: 'opossum (Node): rolling-window error %, one trial call; resilience4j (Java): sliding window, N trial calls; litellm: per-deployment cooldown, back without a trial.',
    }),
    opossum: OpossumOptions.prefault({}).meta({ title: 'opossum options' }),
    resilience4j: Resilience4jOptions.prefault({}).meta({ title: 'resilience4j options' }),
    litellm: LiteLlmCooldownOptions.prefault({}).meta({ title: 'LiteLLM cooldown options' }),
  })
  .strict();

export type BreakerParamsOut = z.output<typeof BreakerParams>;
