import { z } from 'zod';
import type { DistributionSpec } from '../random/distributions';

/**
 * Zod schemas for distributions. Values are non-negative (latencies and token counts); the field that
 * holds a distribution names its unit.
 */
const nonNegative = z.number().min(0);
const positive = z.number().positive();

const Constant = z.object({ type: z.literal('constant'), value: nonNegative }).strict();
const Exponential = z.object({ type: z.literal('exponential'), mean: positive }).strict();
const Uniform = z
  .object({ type: z.literal('uniform'), min: nonNegative, max: nonNegative })
  .strict()
  .refine((d) => d.max >= d.min, { path: ['max'], error: (issue) => { const d = issue.input as { min: number; max: number }; return `max (${d.max}) must be ≥ min (${d.min})`; } });
const UniformInt = z
  .object({ type: z.literal('uniformInt'), min: z.number().int().min(0), max: z.number().int().min(0) })
  .strict()
  .refine((d) => d.max >= d.min, { path: ['max'], error: (issue) => { const d = issue.input as { min: number; max: number }; return `max (${d.max}) must be ≥ min (${d.min})`; } });
const Lognormal = z
  .object({
    type: z.literal('lognormal'),
    median: positive.meta({ description: 'Median (50th percentile).' }),
    sigma: z.number().min(0).optional().meta({ description: 'Shape σ of ln(X). Give sigma or p99, not both.' }),
    p99: positive.optional().meta({ description: '99th percentile; must exceed the median. Give sigma or p99, not both.' }),
  })
  .strict()
  .refine((d) => (d.sigma === undefined) !== (d.p99 === undefined), { message: 'give exactly one of sigma or p99' })
  .refine((d) => d.p99 === undefined || d.p99 >= d.median, { path: ['p99'], error: (issue) => { const d = issue.input as { p99: number; median: number }; return `p99 (${d.p99}) must be ≥ median (${d.median})`; } });
const Empirical = z
  .object({
    type: z.literal('empirical'),
    quantiles: z
      .array(z.tuple([z.number().min(0).max(1), nonNegative]))
      .min(2)
      .meta({ description: 'Pairs [probability, value] from probability 0 to 1, both ascending (a piecewise-linear inverse CDF).' }),
  })
  .strict()
  .superRefine((d, ctx) => {
    const q = d.quantiles;
    if (q[0]?.[0] !== 0 || q[q.length - 1]?.[0] !== 1) {
      ctx.addIssue({ code: 'custom', message: 'the first probability must be 0 and the last 1', path: ['quantiles'] });
    }
    for (let i = 1; i < q.length; i++) {
      if (q[i]![0] < q[i - 1]![0] || q[i]![1] < q[i - 1]![1]) {
        ctx.addIssue({ code: 'custom', message: 'probabilities and values must both be ascending', path: ['quantiles', i] });
        return;
      }
    }
  });
const Pareto = z
  .object({ type: z.literal('pareto'), scale: positive, shape: positive.meta({ description: 'Tail index α; the mean is finite only for α > 1.' }) })
  .strict();

export const DistributionSchema = z
  .discriminatedUnion('type', [Constant, Exponential, Uniform, UniformInt, Lognormal, Empirical, Pareto])
  .meta({ id: 'Distribution', title: 'Distribution', description: 'A latency (ms) or token-count distribution.' });

export const DISTRIBUTION_TYPES = ['constant', 'exponential', 'uniform', 'uniformInt', 'lognormal', 'empirical', 'pareto'] as const;

/** A distribution field with a default, unit and help text (the inspector reads the metadata). */
export function distribution(defaultValue: DistributionSpec, unit: 'ms' | 'tokens', description: string) {
  return DistributionSchema.default(defaultValue as z.output<typeof DistributionSchema>).meta({ unit, description, distribution: true });
}

// Compile-time check that the schema's output is exactly a DistributionSpec.
type SchemaOut = z.output<typeof DistributionSchema>;
export const _distributionTypesAgree: SchemaOut extends DistributionSpec ? (DistributionSpec extends SchemaOut ? true : false) : false = true;
